package org.zhifa.record.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zhifa.record.internal.TestLog.ADMIN;
import static org.zhifa.record.internal.TestLog.LEADER;
import static org.zhifa.record.internal.TestLog.OFFICER;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zhifa.api.record.EntryDraft;
import org.zhifa.api.record.Merkle;
import org.zhifa.api.record.Problem;
import org.zhifa.api.record.Problem.Type;
import org.zhifa.api.record.RecordEntry;
import org.zhifa.api.record.SignedTreeHead;
import org.zhifa.api.record.VerificationContributor;
import org.zhifa.api.record.VerificationReport;

/**
 * Each tampering an attacker with DBA rights can do (raw JDBC after dropping the triggers) is detected
 * and located.
 */
class RecordVerificationTest {
    static final String EVIDENCE_A = "a".repeat(64);
    static final String EVIDENCE_B = "b".repeat(64);

    @TempDir
    Path dir;
    TestLog log;
    RecordServiceImpl record;

    @BeforeEach
    void fill() throws SQLException {
        log = TestLog.create(dir);
        record = log.service();
        // scan in tasks of 7 rows, so that every tampering below is found across several parallel tasks
        record.verifier().chunkRows(7);
        for (int i = 0; i < 20; i++) {
            record.append(RecordServiceTest.draft(i), OFFICER);
        }
        assertEquals(20, record.latestTreeHead().treeSize());
        record.append(new EntryDraft("evidence", "1", "investigation", "evidence.stored", "{\"name\":\"现场照片.jpg\"}",
                List.of(EVIDENCE_A, EVIDENCE_B), null), OFFICER);
        for (int i = 21; i < 39; i++) {
            record.append(RecordServiceTest.draft(i), OFFICER);
        }
        record.append(new EntryDraft("evidence", "1", null, "evidence.purged", "{\"reason\":\"保存期满\"}",
                List.of(EVIDENCE_B), null), ADMIN);
        assertEquals(40, record.latestTreeHead().treeSize());
        VerificationReport clean = record.verify(null, LEADER);
        assertTrue(clean.ok(), clean.problems().toString());
        assertEquals(40, clean.treeSize());
        assertEquals(record.latestTreeHead().rootHash(), clean.rootHash());
        log.dropTriggers();
    }

    @AfterEach
    void close() {
        record.deactivate();
        log.close();
    }

    private VerificationReport verify() {
        VerificationReport r = record.verify(null, ADMIN);
        assertFalse(r.ok(), "tampering not detected");
        assertFalse(record.lastVerification().orElseThrow().ok(), "the alarm");
        return r;
    }

    private static List<Problem> of(VerificationReport r, Type type) {
        return r.problems().stream().filter(p -> p.type() == type).toList();
    }

    @Test
    void aChangedRowIsLocated() throws SQLException {
        log.sql("UPDATE RECORD_ENTRY SET PAYLOAD_UTF8 = " + TestLog.utf8("{\"n\":7,\"text\":\"调查取证 700\"}")
                + " WHERE SEQ = 7");
        VerificationReport r = verify();
        assertEquals(1, r.problems().size(), r.problems().toString());
        Problem p = r.problems().get(0);
        assertEquals(Type.CHANGED_ROW, p.type());
        assertEquals(7, p.seq());
        assertEquals("RECORD_ENTRY SEQ=7", p.location());
        assertEquals("记录 7 的内容被改动：重新计算的叶哈希与存储的不一致", p.messageZh());
        assertTrue(p.messageEn().startsWith("Entry 7 was changed"), p.messageEn());
    }

    @Test
    void aChangedRowWithAForgedLeafHashShowsInItsNodeAndTheHeads() throws SQLException {
        RecordEntry e = record.entry(7, OFFICER).orElseThrow();
        RecordEntry forged = new RecordEntry(7, e.at(), e.bureau(), e.objectType(), e.objectId(), e.step(), e.actor(),
                e.entryType(), "{\"n\":7,\"text\":\"改\"}", e.evidenceHashes(), e.corrects());
        log.sql("UPDATE RECORD_ENTRY SET PAYLOAD_UTF8 = " + TestLog.utf8(forged.payload()) + ", LEAF_HASH = '"
                + Merkle.hex(Merkle.leafHash(Merkle.SHA256, forged.leafInput())) + "' WHERE SEQ = 7");
        VerificationReport r = verify();
        assertEquals(List.of(), of(r, Type.CHANGED_ROW));
        List<Problem> nodes = of(r, Type.NODE_CHANGED);
        assertEquals(1, nodes.size(), r.problems().toString());
        assertEquals("RECORD_NODE LVL=4 IDX=0", nodes.get(0).location());
        assertEquals(0, nodes.get(0).seq());
        assertTrue(nodes.get(0).messageEn().contains("over entries 0-15"), nodes.get(0).messageEn());
        assertEquals(2, of(r, Type.STH_INCONSISTENT).size(), "both signed heads cover entry 7");
    }

    @Test
    void aDeletedRowIsLocated() throws SQLException {
        log.sql("DELETE FROM RECORD_ENTRY WHERE SEQ = 12");
        VerificationReport r = verify();
        List<Problem> deleted = of(r, Type.DELETED_ROW);
        assertEquals(1, deleted.size(), r.problems().toString());
        assertEquals(12, deleted.get(0).seq());
        assertEquals("RECORD_ENTRY SEQ=12", deleted.get(0).location());
        assertEquals(List.of(), of(r, Type.CHANGED_ROW));
    }

    @Test
    void aDeletedLastRowIsLocated() throws SQLException {
        log.sql("DELETE FROM RECORD_ENTRY WHERE SEQ = 39", "UPDATE RECORD_HEAD SET TREE_SIZE = 39");
        VerificationReport r = verify();
        List<Problem> beyond = of(r, Type.STH_INCONSISTENT);
        assertEquals(1, beyond.size(), r.problems().toString());
        assertTrue(beyond.get(0).location().endsWith("size=40"), beyond.get(0).location());
        assertEquals(39, beyond.get(0).seq());
        assertTrue(beyond.get(0).messageEn().contains("entries at the end were deleted"), beyond.get(0).messageEn());
    }

    @Test
    void reorderedRowsAreLocated() throws SQLException {
        log.sql("UPDATE RECORD_ENTRY SET SEQ = -1 WHERE SEQ = 5", "UPDATE RECORD_ENTRY SET SEQ = 5 WHERE SEQ = 6",
                "UPDATE RECORD_ENTRY SET SEQ = 6 WHERE SEQ = -1");
        VerificationReport r = verify();
        List<Problem> moved = of(r, Type.REORDERED_ROW);
        assertEquals(2, moved.size(), r.problems().toString());
        assertEquals(5, moved.get(0).seq());
        assertEquals("记录顺序被调换：序号 5 处存放的是序号 6 的内容", moved.get(0).messageZh());
        assertEquals(6, moved.get(1).seq());
        assertEquals(List.of(), of(r, Type.CHANGED_ROW));
    }

    @Test
    void swappedContentsAreLocated() throws SQLException {
        // the contents move, the leaf hashes stay where they were
        try (Connection c = log.connection()) {
            RecordEntry a = record.entry(3, OFFICER).orElseThrow();
            RecordEntry b = record.entry(4, OFFICER).orElseThrow();
            for (RecordEntry[] pair : new RecordEntry[][] {{a, b}, {b, a}}) {
                try (var ps = c.prepareStatement(
                        "UPDATE RECORD_ENTRY SET AT_MILLIS = ?, OBJECT_ID = ?, PAYLOAD_UTF8 = ? WHERE SEQ = ?")) {
                    ps.setLong(1, pair[1].at().toEpochMilli());
                    ps.setString(2, pair[1].objectId());
                    ps.setBytes(3, pair[1].payload().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    ps.setLong(4, pair[0].seq());
                    ps.executeUpdate();
                }
            }
        }
        VerificationReport r = verify();
        assertEquals(List.of(3L, 4L), of(r, Type.REORDERED_ROW).stream().map(Problem::seq).toList(), r.problems().toString());
        assertEquals(2, r.problems().size(), "the tree itself is intact: " + r.problems());
    }

    @Test
    void anInsertedRowIsLocated() throws SQLException {
        RecordEntry fake = new RecordEntry(40, Instant.parse("2026-11-26T08:00:00Z"), "430421", "case", "1", null, "officer",
                "case.transition", "{}", List.of(), null);
        log.sql("INSERT INTO RECORD_ENTRY (SEQ, AT_MILLIS, BUREAU, OBJECT_TYPE, OBJECT_ID, ACTOR, ENTRY_TYPE, PAYLOAD, "
                + "LEAF_HASH) VALUES (40, " + fake.at().toEpochMilli() + ", '430421', 'case', '1', 'officer', "
                + "'case.transition', '{}', '" + Merkle.hex(Merkle.leafHash(Merkle.SHA256, fake.leafInput())) + "')");
        VerificationReport r = verify();
        assertEquals(1, r.problems().size(), r.problems().toString());
        assertEquals(Type.INSERTED_ROW, r.problems().get(0).type());
        assertEquals(40, r.problems().get(0).seq());
        assertEquals("RECORD_ENTRY SEQ=40", r.problems().get(0).location());
    }

    @Test
    void batchesOfWholeSubtreesFoldTheSameTree() throws SQLException {
        // batches of 16 rows in order are folded as one subtree each (hashed on the hashing threads), except
        // [16, 32), which holds the signed head of size 20 and is folded row by row
        record.verifier().chunkRows(16);
        VerificationReport clean = record.verify(null, ADMIN);
        assertTrue(clean.ok(), clean.problems().toString());
        assertEquals(record.latestTreeHead().rootHash(), clean.rootHash());
        assertEquals(1, record.verifier().subtrees, "[0, 16) as one subtree");
        log.sql("UPDATE RECORD_NODE SET HASH = '" + "2".repeat(64) + "' WHERE LVL = 4 AND IDX = 0",
                "UPDATE RECORD_ENTRY SET PAYLOAD_UTF8 = " + TestLog.utf8("{}") + " WHERE SEQ = 3");
        VerificationReport r = verify();
        assertEquals(List.of(Type.NODE_CHANGED, Type.CHANGED_ROW), r.problems().stream().map(Problem::type).toList(),
                r.problems().toString());
        assertEquals(List.of(0L, 3L), r.problems().stream().map(Problem::seq).toList());
        assertEquals(clean.rootHash(), r.rootHash(), "a changed row counts with its stored leaf hash");
    }

    @Test
    void aRowStoredOutOfOrderStillVerifies() throws SQLException {
        // delete row 3 and insert it again, unchanged: the table now keeps it after the others, so the scan
        // brings it last, after more rows than wait for their turn, and the gap is re-read by the key
        try (Connection c = log.connection(); var st = c.createStatement()) {
            c.setAutoCommit(false);
            st.execute("CREATE TABLE KEEP AS SELECT * FROM RECORD_ENTRY WITH NO DATA");
            st.execute("INSERT INTO KEEP SELECT * FROM RECORD_ENTRY WHERE SEQ = 3");
            st.execute("DELETE FROM RECORD_ENTRY WHERE SEQ = 3");
            c.commit();
            st.execute("INSERT INTO RECORD_ENTRY SELECT * FROM KEEP");
            c.commit();
        }
        VerificationReport r = record.verify(null, ADMIN);
        assertTrue(r.ok(), r.problems().toString());
        assertEquals(record.latestTreeHead().rootHash(), r.rootHash());
        assertTrue(record.verifier().reread > 0, "row 3 came after its gap was re-read");
    }

    @Test
    void aSecondRowWithATakenSequenceNumberIsLocated() throws SQLException {
        String pk;
        try (Connection c = log.connection(); var st = c.createStatement(); var rs = st.executeQuery(
                "SELECT C.CONSTRAINTNAME FROM SYS.SYSCONSTRAINTS C JOIN SYS.SYSTABLES T ON C.TABLEID = T.TABLEID "
                        + "WHERE T.TABLENAME = 'RECORD_ENTRY' AND C.TYPE = 'P'")) {
            assertTrue(rs.next());
            pk = rs.getString(1);
        }
        log.sql("ALTER TABLE RECORD_ENTRY DROP CONSTRAINT " + pk,
                "INSERT INTO RECORD_ENTRY SELECT * FROM RECORD_ENTRY WHERE SEQ = 9");
        VerificationReport r = verify();
        assertEquals(1, r.problems().size(), r.problems().toString());
        Problem p = r.problems().get(0);
        assertEquals(Type.INSERTED_ROW, p.type());
        assertEquals(9, p.seq());
        assertEquals("RECORD_ENTRY SEQ=9", p.location());
        assertEquals("序号 9 有不止一条记录：多出的一条不是经记录服务追加的", p.messageZh());
    }

    @Test
    void aForgedTreeHeadIsLocated() throws SQLException {
        log.sql("UPDATE RECORD_STH SET ROOT_HASH = '" + "0".repeat(64) + "' WHERE TREE_SIZE = 20");
        VerificationReport r = verify();
        assertEquals(1, r.problems().size(), r.problems().toString());
        Problem p = r.problems().get(0);
        assertEquals(Type.STH_FORGED, p.type());
        assertTrue(p.location().startsWith("RECORD_STH ID=") && p.location().endsWith(" size=20"), p.location());
    }

    @Test
    void aValidlySignedButInconsistentTreeHeadIsLocated() throws SQLException {
        SigningKey key = SigningKey.loadOrCreate(log.keyFile);
        SignedTreeHead real = record.treeHeads(0, 10).items().get(1);
        assertEquals(20, real.treeSize());
        String wrongRoot = record.rootAt(21);
        SignedTreeHead unsigned = new SignedTreeHead("430421", 20, real.timestamp().plusSeconds(1), wrongRoot, "SHA-256",
                key.keyId(), "");
        SignedTreeHead signed = new SignedTreeHead("430421", 20, unsigned.timestamp(), wrongRoot, "SHA-256", key.keyId(),
                key.sign(unsigned.signedBytes()));
        try (Connection c = log.connection()) {
            RecordServiceImpl.insertTreeHead(c, signed);
        }
        VerificationReport r = verify();
        assertEquals(1, r.problems().size(), r.problems().toString());
        Problem p = r.problems().get(0);
        assertEquals(Type.STH_INCONSISTENT, p.type());
        assertEquals(19, p.seq());
        assertEquals("RECORD_STH ID=3 size=20", p.location());
        assertTrue(p.messageEn().contains(wrongRoot), p.messageEn());
    }

    @Test
    void aChangedNodeIsLocated() throws SQLException {
        log.sql("UPDATE RECORD_NODE SET HASH = '" + "1".repeat(64) + "' WHERE LVL = 4 AND IDX = 1");
        VerificationReport r = verify();
        assertEquals(1, r.problems().size(), r.problems().toString());
        assertEquals(Type.NODE_CHANGED, r.problems().get(0).type());
        assertEquals(16, r.problems().get(0).seq());
    }

    @Test
    void contributorsGetTheEvidenceHashesAndTheirProblemsAreReported() {
        AtomicReference<Set<String>> referenced = new AtomicReference<>();
        AtomicReference<Set<String>> purged = new AtomicReference<>();
        record.addContributor((ref, pur, full, progress) -> {
            referenced.set(ref);
            purged.set(pur);
            assertTrue(full);
            return new VerificationContributor.Result(2, List.of(new Problem(Type.EVIDENCE_CHANGED, 20,
                    "data/evidence/aa/" + EVIDENCE_A, "证据文件被改动", "evidence file changed")));
        });
        VerificationReport r = verify();
        assertEquals(Set.of(EVIDENCE_A, EVIDENCE_B), referenced.get());
        assertEquals(Set.of(EVIDENCE_B), purged.get());
        assertEquals(2, r.evidenceFiles());
        assertEquals(List.of(Type.EVIDENCE_CHANGED), r.problems().stream().map(Problem::type).toList());
    }

    @Test
    void anIncrementalRunChecksWhatWasAppendedSince() throws SQLException {
        List<String> phases = new ArrayList<>();
        assertTrue(record.verify((done, total, phase) -> phases.add(phase + done + "/" + total), LEADER).ok());
        assertTrue(phases.contains("entries40/40"), phases.toString());
        VerificationReport nothingNew = record.verifier().incremental(null);
        assertTrue(nothingNew.ok());
        assertFalse(nothingNew.full(), "after a clean run the scheduled run is incremental");
        assertEquals(40, nothingNew.fromSeq());
        assertEquals(40, nothingNew.treeSize());
        for (int i = 40; i < 50; i++) {
            record.append(RecordServiceTest.draft(i), OFFICER);
        }
        record.latestTreeHead();
        VerificationReport inc = record.verifier().incremental(null);
        assertTrue(inc.ok(), inc.problems().toString());
        assertFalse(inc.full());
        assertEquals(40, inc.fromSeq());
        assertEquals(50, inc.treeSize());
        assertEquals(record.latestTreeHead().rootHash(), inc.rootHash());

        record.append(RecordServiceTest.draft(50), OFFICER);
        log.sql("UPDATE RECORD_ENTRY SET PAYLOAD_UTF8 = " + TestLog.utf8("{}") + " WHERE SEQ = 50");
        VerificationReport bad = record.verifier().incremental(null);
        assertFalse(bad.full());
        assertEquals(List.of(50L), bad.problems().stream().map(Problem::seq).toList());
        assertFalse(record.lastVerification().orElseThrow().ok());
        VerificationReport again = record.verifier().incremental(null);
        assertTrue(again.full(), "after a failed run the next one is full, so the alarm stays");
        assertEquals(List.of(50L), again.problems().stream().map(Problem::seq).toList());
    }
}
