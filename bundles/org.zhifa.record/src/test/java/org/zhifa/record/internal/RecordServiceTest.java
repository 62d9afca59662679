package org.zhifa.record.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zhifa.record.internal.TestLog.ADMIN;
import static org.zhifa.record.internal.TestLog.LEADER;
import static org.zhifa.record.internal.TestLog.OFFICER;
import static org.zhifa.record.internal.TestLog.PUBLIC;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.common.ZhifaException.Kind;
import org.zhifa.api.record.ConsistencyProof;
import org.zhifa.api.record.EntryDraft;
import org.zhifa.api.record.InclusionProof;
import org.zhifa.api.record.Merkle;
import org.zhifa.api.record.RecordEntry;
import org.zhifa.api.record.SignedTreeHead;
import org.zhifa.testsupport.Configs;

class RecordServiceTest {
    @TempDir
    Path dir;
    TestLog log;
    RecordServiceImpl record;

    @BeforeEach
    void open() {
        log = TestLog.create(dir);
        record = log.service();
    }

    @AfterEach
    void close() {
        record.deactivate();
        log.close();
    }

    static EntryDraft draft(int i) {
        return new EntryDraft("case", Integer.toString(i % 7), "investigation", "case.transition",
                "{\"n\":" + i + ",\"text\":\"调查取证 " + i + "\"}", List.of(), null);
    }

    /** The root recomputed from the entries as read back, independently of the stored tree. */
    private byte[] rootFromEntries(long size) {
        List<byte[]> leaves = new ArrayList<>();
        for (long seq = 0; seq < size; seq++) {
            RecordEntry e = record.entry(seq, OFFICER).orElseThrow();
            leaves.add(Merkle.leafHash(Merkle.SHA256, e.leafInput()));
        }
        return Merkle.root(Merkle.SHA256, leaves);
    }

    @Test
    void appendsGetSequenceNumbersAndEveryProofVerifies() {
        assertEquals(0, record.size());
        RecordEntry first = record.append(draft(0), OFFICER);
        assertEquals(0, first.seq());
        assertEquals("430421", first.bureau());
        assertEquals("officer", first.actor());
        List<EntryDraft> batch = new ArrayList<>();
        for (int i = 1; i < 70; i++) {
            batch.add(draft(i));
        }
        List<RecordEntry> appended = record.appendAll(batch, OFFICER);
        assertEquals(69, appended.size());
        assertEquals(69, appended.get(68).seq());
        for (int i = 70; i < 300; i++) {
            record.append(draft(i), OFFICER);
        }
        assertEquals(300, record.size());

        SignedTreeHead sth = record.latestTreeHead();
        assertEquals(300, sth.treeSize());
        assertEquals("SHA-256", sth.hashAlgorithm());
        assertArrayEquals(rootFromEntries(300), Merkle.fromHex(sth.rootHash()));

        for (long size : new long[] {1, 2, 3, 15, 16, 17, 255, 256, 257, 300}) {
            String root = record.rootAt(size);
            assertEquals(Merkle.hex(rootFromEntries(size)), root, "root at " + size);
            for (long seq = 0; seq < size; seq += (size > 20 ? 7 : 1)) {
                InclusionProof p = record.inclusion(seq, size);
                assertEquals(record.leafHash(seq), p.leafHash());
                assertTrue(Merkle.verify(Merkle.SHA256, p, root), seq + " in " + size);
            }
            for (long first2 : new long[] {0, 1, 7, 16, size / 2, size}) {
                if (first2 <= size) {
                    ConsistencyProof c = record.consistency(first2, size);
                    assertTrue(Merkle.verify(Merkle.SHA256, c, record.rootAt(first2), root), first2 + "→" + size);
                }
            }
        }
        // the stored nodes: one in sixteen leaves at level 4, one in 256 at level 8
        assertEquals(300 / 16 + 300 / 256, countRows("RECORD_NODE"));
    }

    @Test
    void proofsFromTheCachedUpperLevelsMatchTheStoredTree() {
        // 4 200 entries complete a block of 16 level-8 nodes, which proofs then keep in memory; proofs asked
        // while the log grows keep the blocks of its right edge half-filled, and must read them again
        java.util.Random random = new java.util.Random(3);
        for (int from = 0; from < 4_200; from += 600) {
            List<EntryDraft> batch = new ArrayList<>();
            for (int i = from; i < from + 600; i++) {
                batch.add(draft(i));
            }
            record.appendAll(batch, OFFICER);
            long size = from + 600;
            String root = record.rootAt(size);
            for (int i = 0; i < 20; i++) {
                long seq = i == 0 ? size - 1 : random.nextInt((int) size);
                assertTrue(Merkle.verify(Merkle.SHA256, record.inclusion(seq, size), root), seq + " in " + size);
            }
            ConsistencyProof grown = record.consistency(from == 0 ? 1 : from, size);
            assertTrue(Merkle.verify(Merkle.SHA256, grown, record.rootAt(from == 0 ? 1 : from), root));
        }
        for (int round = 0; round < 2; round++) {
            for (long size : new long[] {4_095, 4_096, 4_097, 4_200}) {
                String root = record.rootAt(size);
                for (int i = 0; i < 40; i++) {
                    long seq = i == 0 ? size - 1 : random.nextInt((int) size);
                    InclusionProof p = record.inclusion(seq, size);
                    assertTrue(Merkle.verify(Merkle.SHA256, p, root), seq + " in " + size);
                }
                for (long first : new long[] {1, 255, 256, 4_095, size}) {
                    ConsistencyProof c = record.consistency(first, size);
                    assertTrue(Merkle.verify(Merkle.SHA256, c, record.rootAt(first), root), first + "→" + size);
                }
            }
        }
        assertTrue(record.verify(null, LEADER).ok());
    }

    @Test
    void aLongPayloadGoesToTheClobAndVerifies() throws SQLException {
        String text = "调".repeat(12_000); // 36 000 bytes: more than PAYLOAD_UTF8 holds
        RecordEntry big = record.append(new EntryDraft("case", "1", null, "case.note", "{\"text\":\"" + text + "\"}",
                List.of(), null), OFFICER);
        RecordEntry small = record.append(draft(1), OFFICER);
        assertEquals(big.payload(), record.entry(big.seq(), OFFICER).orElseThrow().payload());
        assertEquals(small.payload(), record.entry(small.seq(), OFFICER).orElseThrow().payload());
        try (Connection c = log.connection(); Statement st = c.createStatement();
             var rs = st.executeQuery("SELECT SEQ, PAYLOAD IS NULL, PAYLOAD_UTF8 IS NULL FROM RECORD_ENTRY ORDER BY SEQ")) {
            rs.next();
            assertEquals(List.of(false, true), List.of(rs.getBoolean(2), rs.getBoolean(3)), "the long one in PAYLOAD");
            rs.next();
            assertEquals(List.of(true, false), List.of(rs.getBoolean(2), rs.getBoolean(3)), "the short one in bytes");
        }
        assertTrue(record.verify(null, LEADER).ok());
    }

    @Test
    void entriesWrittenBeforeTheBytesColumnStillReadAndVerify() throws Exception {
        // a log of schema V1 with three entries in the CLOB, then V2 and the current code appending more
        TestLog old = TestLog.createAt(dir, 1);
        try {
            List<byte[]> leaves = new ArrayList<>();
            List<RecordEntry> legacy = new ArrayList<>();
            try (Connection c = old.connection()) {
                for (int i = 0; i < 3; i++) {
                    RecordEntry e = new RecordEntry(i, java.time.Instant.ofEpochMilli(1_790_000_000_000L + i), "430421",
                            "case", "1", "investigation", "officer", "case.transition", draft(i).payload(), List.of(), null);
                    byte[] leaf = Merkle.leafHash(Merkle.SHA256, e.leafInput());
                    try (var ps = c.prepareStatement("INSERT INTO RECORD_ENTRY (SEQ, AT_MILLIS, BUREAU, OBJECT_TYPE, "
                            + "OBJECT_ID, STEP, ACTOR, ENTRY_TYPE, PAYLOAD, LEAF_HASH) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                        ps.setLong(1, i);
                        ps.setLong(2, e.at().toEpochMilli());
                        ps.setString(3, "430421");
                        ps.setString(4, "case");
                        ps.setString(5, "1");
                        ps.setString(6, "investigation");
                        ps.setString(7, "officer");
                        ps.setString(8, "case.transition");
                        ps.setString(9, e.payload());
                        ps.setString(10, Merkle.hex(leaf));
                        ps.executeUpdate();
                    }
                    leaves.add(leaf);
                    legacy.add(e);
                }
                try (var ps = c.prepareStatement("UPDATE RECORD_HEAD SET TREE_SIZE = 3, ROOT_HASH = ? WHERE ID = 1")) {
                    ps.setString(1, Merkle.hex(Merkle.root(Merkle.SHA256, leaves)));
                    ps.executeUpdate();
                }
            }
            old.migrate(2);
            RecordServiceImpl upgraded = old.service();
            try {
                for (int i = 3; i < 40; i++) {
                    upgraded.append(draft(i), OFFICER);
                }
                assertEquals(legacy.get(1), upgraded.entry(1, OFFICER).orElseThrow());
                assertEquals(draft(20).payload(), upgraded.entry(20, OFFICER).orElseThrow().payload());
                assertTrue(upgraded.verify(null, LEADER).ok());
                String root = upgraded.latestTreeHead().rootHash();
                assertTrue(Merkle.verify(Merkle.SHA256, upgraded.inclusion(1, 40), root));
                // the old rows stay append-only too
                SQLException refused = assertThrows(SQLException.class,
                        () -> old.sql("UPDATE RECORD_ENTRY SET PAYLOAD = '{}' WHERE SEQ = 2"));
                assertEquals("23513", refused.getSQLState());
            } finally {
                upgraded.deactivate();
            }
        } finally {
            old.close();
        }
    }

    @Test
    void payloadIsStoredCanonically() {
        RecordEntry e = record.append(new EntryDraft("officer", "12", null, "officer.changed",
                "{ \"b\" : 1.50, \"a\": [true, null, \"x\\u0001\\\"中\"], \"c\": {\"z\": 1E+3, \"y\": -0}}",
                List.of("AB".repeat(32).toLowerCase()), null), ADMIN);
        String canonical = "{\"a\":[true,null,\"x\\u0001\\\"中\"],\"b\":1.50,\"c\":{\"y\":0,\"z\":1000}}";
        assertEquals(canonical, e.payload());
        RecordEntry read = record.entry(e.seq(), OFFICER).orElseThrow();
        assertEquals(e, read);
        assertEquals(canonical, CanonicalPayload.of(canonical), "canonical input is unchanged");
        String leafInput = new String(read.leafInput(), StandardCharsets.UTF_8);
        assertTrue(leafInput.startsWith("{\"seq\":0,\"at\":\""), leafInput);
        assertTrue(leafInput.endsWith(",\"payload\":" + canonical + ",\"evidence\":[\"" + "ab".repeat(32)
                + "\"],\"corrects\":null}"), leafInput);
    }

    @Test
    void badDraftsAreRefusedAndNothingIsWritten() {
        record.append(draft(0), OFFICER);
        for (String payload : new String[] {"[1]", "{\"a\":1,\"a\":2}", "{\"a\":", "{} {}", "\"x\""}) {
            ZhifaException e = assertThrows(ZhifaException.class,
                    () -> record.appendAll(List.of(draft(1), EntryDraft.of("case", "1", null, "x", payload)), OFFICER),
                    payload);
            assertEquals(Kind.INVALID, e.kind());
            assertEquals("RECORD_PAYLOAD_INVALID", e.code());
            assertTrue(e.messageZh().startsWith("记录内容不是合法的 JSON 对象"), e.messageZh());
        }
        ZhifaException hash = assertThrows(ZhifaException.class, () -> record.append(
                new EntryDraft("case", "1", null, "x", "{}", List.of("ABC"), null), OFFICER));
        assertEquals("RECORD_EVIDENCE_HASH_INVALID", hash.code());
        ZhifaException corrects = assertThrows(ZhifaException.class, () -> record.append(
                new EntryDraft("case", "1", null, "correction", "{}", List.of(), 5L), OFFICER));
        assertEquals("RECORD_CORRECTS_UNKNOWN", corrects.code());
        assertEquals("The corrected entry 5 does not exist", corrects.messageEn());
        ZhifaException tooLong = assertThrows(ZhifaException.class,
                () -> record.append(EntryDraft.of("case", "x".repeat(129), null, "x", "{}"), OFFICER));
        assertEquals("objectId", tooLong.field());
        assertEquals(Kind.UNAUTHENTICATED, assertThrows(ZhifaException.class, () -> record.append(draft(1), null)).kind());
        assertEquals(1, record.size());
        assertEquals(1, countRows("RECORD_ENTRY"));
        RecordEntry correction = record.append(new EntryDraft("case", "1", null, "correction", "{}", List.of(), 0L), OFFICER);
        assertEquals(0L, correction.corrects());
    }

    @Test
    void proofRequestsOutOfRangeAreRefused() {
        for (int i = 0; i < 5; i++) {
            record.append(draft(i), OFFICER);
        }
        assertEquals("RECORD_TREE_SIZE_INVALID", assertThrows(ZhifaException.class, () -> record.inclusion(0, 6)).code());
        assertEquals("RECORD_TREE_SIZE_INVALID", assertThrows(ZhifaException.class, () -> record.inclusion(0, 0)).code());
        assertEquals("RECORD_SEQ_OUT_OF_RANGE", assertThrows(ZhifaException.class, () -> record.inclusion(5, 5)).code());
        assertEquals("RECORD_SEQ_OUT_OF_RANGE", assertThrows(ZhifaException.class, () -> record.inclusion(-1, 5)).code());
        assertEquals("RECORD_FIRST_SIZE_INVALID", assertThrows(ZhifaException.class, () -> record.consistency(4, 3)).code());
        assertEquals("RECORD_TREE_SIZE_INVALID", assertThrows(ZhifaException.class, () -> record.consistency(1, 6)).code());
        assertEquals(List.of(), record.consistency(0, 5).path());
    }

    @Test
    void aRolledBackCallerTransactionLeavesNoTraceAndTheLogGoesOn() throws SQLException {
        for (int i = 0; i < 20; i++) {
            record.append(draft(i), OFFICER);
        }
        String rootBefore = record.rootAt(20);
        try (Connection c = log.connection()) {
            c.setAutoCommit(false);
            RecordEntry e = record.append(c, draft(99), OFFICER);
            assertEquals(20, e.seq());
            c.rollback();
        }
        assertEquals(20, record.size());
        assertEquals(20, countRows("RECORD_ENTRY"));
        assertEquals(rootBefore, record.rootAt(20));
        RecordEntry next = record.append(draft(21), OFFICER);
        assertEquals(20, next.seq());
        assertEquals("{\"n\":21,\"text\":\"调查取证 21\"}", next.payload());
        // a committed caller transaction keeps the caller's rows and the entry together
        try (Connection c = log.connection(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE CALLER_ROW (ID INT)");
        }
        try (Connection c = log.connection()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("INSERT INTO CALLER_ROW VALUES (1)");
            }
            record.append(c, draft(22), OFFICER);
            c.commit();
        }
        assertEquals(22, record.size());
        assertTrue(record.verify(null, LEADER).ok());
        assertEquals(Merkle.hex(rootFromEntries(22)), record.latestTreeHead().rootHash());
        assertThrows(IllegalArgumentException.class, () -> {
            try (Connection c = log.connection()) {
                record.append(c, draft(1), OFFICER);
            }
        }, "an auto-commit connection is no caller transaction");
    }

    @Test
    void concurrentAppendsGetDistinctSequenceNumbers() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Long>>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                futures.add(pool.submit(() -> {
                    List<Long> seqs = new ArrayList<>();
                    for (int i = 0; i < 40; i++) {
                        seqs.add(record.append(draft(i), OFFICER).seq());
                    }
                    return seqs;
                }));
            }
            java.util.Set<Long> all = new java.util.TreeSet<>();
            for (Future<List<Long>> f : futures) {
                all.addAll(f.get(60, TimeUnit.SECONDS));
            }
            assertEquals(160, all.size());
            assertEquals(159L, ((java.util.TreeSet<Long>) all).last());
        } finally {
            pool.shutdownNow();
        }
        assertTrue(record.verify(null, ADMIN).ok());
        assertEquals(Merkle.hex(rootFromEntries(160)), record.latestTreeHead().rootHash());
    }

    @Test
    void triggersRefuseUpdateAndDeleteOfTheLog() throws SQLException {
        for (int i = 0; i < 20; i++) {
            record.append(draft(i), OFFICER);
        }
        record.latestTreeHead();
        String[] refused = {
            "UPDATE RECORD_ENTRY SET PAYLOAD_UTF8 = X'7b7d' WHERE SEQ = 3",
            "DELETE FROM RECORD_ENTRY WHERE SEQ = 19",
            "UPDATE RECORD_NODE SET HASH = '" + "0".repeat(64) + "'",
            "DELETE FROM RECORD_NODE",
            "UPDATE RECORD_STH SET TREE_SIZE = 1",
            "DELETE FROM RECORD_STH",
            "UPDATE RECORD_META SET VAL = 'SM3' WHERE NAME = 'hashAlgorithm'",
            "DELETE FROM RECORD_META",
        };
        for (String sql : refused) {
            SQLException e = assertThrows(SQLException.class, () -> log.sql(sql), sql);
            assertEquals("23513", e.getSQLState(), sql + ": " + e.getMessage());
            assertTrue(e.getMessage().contains("RECORD_IS_APPEND_ONLY"), e.getMessage());
        }
        assertEquals(20, countRows("RECORD_ENTRY"));
        assertEquals(1, countRows("RECORD_NODE"));
        assertEquals(1, countRows("RECORD_STH"));
        assertTrue(record.verify(null, LEADER).ok());
    }

    @Test
    void signedTreeHeadsVerifyWithThePublishedKey() throws Exception {
        SignedTreeHead empty = record.latestTreeHead();
        assertEquals(0, empty.treeSize());
        assertEquals(Merkle.hex(Merkle.emptyRoot(Merkle.SHA256)), empty.rootHash());
        record.append(draft(0), OFFICER);
        SignedTreeHead one = record.latestTreeHead();
        assertEquals(1, one.treeSize());
        assertEquals(one, record.latestTreeHead(), "no new head while the log did not grow");
        java.security.PublicKey key = SigningKey.publicKey(record.publicKeyPem());
        assertTrue(SigningKey.verify(key, one.signedBytes(), one.signature()));
        assertEquals(SigningKey.keyId(key), one.keyId());
        java.security.Signature s = java.security.Signature.getInstance("Ed25519");
        s.initVerify(key);
        s.update(("zhifa-sth-v1\n430421\nSHA-256\n1\n" + org.zhifa.api.record.CanonicalJson.instant(one.timestamp())
                + "\n" + one.rootHash()).getBytes(StandardCharsets.UTF_8));
        assertTrue(s.verify(java.util.Base64.getDecoder().decode(one.signature())));
        assertEquals(List.of(one, empty), record.treeHeads(0, 10).items());
        assertEquals(2, record.treeHeads(0, 10).total());

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(log.keyFile)));
        assertTrue(Files.readString(log.keyFile).startsWith("-----BEGIN PRIVATE KEY-----"));
        assertEquals(record.publicKeyPem(), Files.readString(SigningKey.publicFile(log.keyFile)));
        RecordServiceImpl again = log.service();
        assertEquals(record.publicKeyPem(), again.publicKeyPem(), "the key is created once");
        again.deactivate();
    }

    @Test
    void anSm3LogIsFixedAtCreation() throws Exception {
        assertEquals("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0",
                Merkle.hex(Sm3Hasher.INSTANCE.hash("abc".getBytes(StandardCharsets.US_ASCII))), "GB/T 32905 example 1");
        record.deactivate();
        log.close();
        log = TestLog.create(dir.resolve("sm3"));
        record = log.service(Map.of("hashAlgorithm", "SM3"));
        assertEquals("SM3", record.hashAlgorithm());
        for (int i = 0; i < 40; i++) {
            record.append(draft(i), OFFICER);
        }
        SignedTreeHead sth = record.latestTreeHead();
        assertEquals("SM3", sth.hashAlgorithm());
        List<byte[]> leaves = new ArrayList<>();
        for (long seq = 0; seq < 40; seq++) {
            leaves.add(Merkle.leafHash(Sm3Hasher.INSTANCE, record.entry(seq, OFFICER).orElseThrow().leafInput()));
        }
        assertEquals(Merkle.hex(Merkle.root(Sm3Hasher.INSTANCE, leaves)), sth.rootHash());
        assertNotEquals(Merkle.hex(Merkle.root(Merkle.SHA256, leaves)), sth.rootHash());
        assertTrue(Merkle.verify(Sm3Hasher.INSTANCE, record.inclusion(33, 40), sth.rootHash()));
        assertFalse(Merkle.verify(Merkle.SHA256, record.inclusion(33, 40), sth.rootHash()));
        assertTrue(Merkle.verify(Sm3Hasher.INSTANCE, record.consistency(17, 40), record.rootAt(17), sth.rootHash()));
        // a later change of the configuration is refused: the log keeps SM3
        RecordServiceImpl changed = log.service(Map.of("hashAlgorithm", "SHA-256"));
        assertEquals("SM3", changed.hashAlgorithm());
        assertEquals(41, changed.append(draft(40), OFFICER).seq() + 1);
        assertTrue(changed.verify(null, LEADER).ok());
        changed.deactivate();
    }

    @Test
    void readingNeedsStaffAndVerifyingALeaderOrAdministrator() {
        record.append(draft(1), OFFICER);
        assertEquals(Kind.FORBIDDEN, assertThrows(ZhifaException.class, () -> record.entry(0, PUBLIC)).kind());
        assertEquals(Kind.FORBIDDEN, assertThrows(ZhifaException.class,
                () -> record.entries("case", "1", 0, 10, PUBLIC)).kind());
        assertEquals(Kind.FORBIDDEN, assertThrows(ZhifaException.class, () -> record.verify(null, OFFICER)).kind());
        assertEquals(1, record.entries("case", "1", 0, 10, OFFICER).total());
        assertEquals(0, record.entries("case", "2", 0, 10, OFFICER).total());
        assertTrue(record.verify(null, LEADER).ok());
        assertTrue(record.lastVerification().orElseThrow().ok());
    }

    @Test
    void shippedConfigHoldsTheDefaults() throws Exception {
        Configs.assertShippedConfig(RecordConfig.class, RecordConfig.PID);
    }

    private long countRows(String table) {
        try (Connection c = log.connection(); Statement st = c.createStatement();
             var rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
