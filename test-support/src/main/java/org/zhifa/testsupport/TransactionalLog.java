package org.zhifa.testsupport;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.zhifa.api.common.Actor;
import org.zhifa.api.common.Page;
import org.zhifa.api.record.ConsistencyProof;
import org.zhifa.api.record.EntryDraft;
import org.zhifa.api.record.InclusionProof;
import org.zhifa.api.record.RecordEntry;
import org.zhifa.api.record.RecordService;
import org.zhifa.api.record.SignedTreeHead;
import org.zhifa.api.record.VerificationProgress;
import org.zhifa.api.record.VerificationReport;

/**
 * A stand-in for the record in unit tests of the parts that append to it: a table in the test's own
 * Derby database, written on the caller's connection, so an entry commits or rolls back with the
 * caller's rows exactly as with the real log. No tree, no signatures: the record bundle tests those.
 */
public final class TransactionalLog implements RecordService {
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    private final DerbyJpa db;
    /** Set to make the next append fail (after the caller's rows were written). */
    public volatile RuntimeException failNext;

    public TransactionalLog(DerbyJpa db) {
        this.db = db;
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE TEST_RECORD (SEQ BIGINT GENERATED ALWAYS AS IDENTITY (START WITH 0),"
                    + " AT_MS BIGINT NOT NULL, OBJECT_TYPE VARCHAR(40) NOT NULL, OBJECT_ID VARCHAR(100) NOT NULL,"
                    + " STEP VARCHAR(100), ACTOR VARCHAR(100) NOT NULL, ENTRY_TYPE VARCHAR(100) NOT NULL,"
                    + " PAYLOAD CLOB NOT NULL, EVIDENCE VARCHAR(4000) NOT NULL)");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public RecordEntry append(Connection transaction, EntryDraft draft, Actor actor) {
        RuntimeException fail = failNext;
        if (fail != null) {
            failNext = null;
            throw fail;
        }
        if (actor == null) {
            throw new IllegalArgumentException("an entry needs an actor");
        }
        Instant at = Instant.ofEpochMilli(System.currentTimeMillis());
        String payload = canonical(draft.payload());
        try (PreparedStatement st = transaction.prepareStatement("INSERT INTO TEST_RECORD (AT_MS, OBJECT_TYPE,"
                + " OBJECT_ID, STEP, ACTOR, ENTRY_TYPE, PAYLOAD, EVIDENCE) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            st.setLong(1, at.toEpochMilli());
            st.setString(2, draft.objectType());
            st.setString(3, draft.objectId());
            st.setString(4, draft.step());
            st.setString(5, actor.user());
            st.setString(6, draft.entryType());
            st.setString(7, payload);
            st.setString(8, String.join(",", draft.evidenceHashes()));
            st.executeUpdate();
            try (ResultSet keys = st.getGeneratedKeys()) {
                keys.next();
                return new RecordEntry(keys.getLong(1), at, "test", draft.objectType(), draft.objectId(),
                        draft.step(), actor.user(), draft.entryType(), payload, draft.evidenceHashes(),
                        draft.corrects());
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** As the record service keeps a payload: canonical JSON with the object keys sorted (RFC 8785 order). */
    static String canonical(String payload) {
        try {
            return JSON.writeValueAsString(sorted(JSON.readTree(payload)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("a payload is JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode sorted(com.fasterxml.jackson.databind.JsonNode n) {
        if (n.isObject()) {
            com.fasterxml.jackson.databind.node.ObjectNode out = JSON.createObjectNode();
            java.util.List<String> names = new java.util.ArrayList<>();
            n.fieldNames().forEachRemaining(names::add);
            java.util.Collections.sort(names);
            names.forEach(k -> out.set(k, sorted(n.get(k))));
            return out;
        }
        if (n.isArray()) {
            com.fasterxml.jackson.databind.node.ArrayNode out = JSON.createArrayNode();
            n.forEach(x -> out.add(sorted(x)));
            return out;
        }
        return n;
    }

    @Override
    public RecordEntry append(EntryDraft draft, Actor actor) {
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            RecordEntry e = append(c, draft, actor);
            c.commit();
            return e;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public List<RecordEntry> appendAll(List<EntryDraft> drafts, Actor actor) {
        return drafts.stream().map(d -> append(d, actor)).toList();
    }

    /** Every committed entry, oldest first. */
    public List<RecordEntry> all() {
        return read("SELECT * FROM TEST_RECORD ORDER BY SEQ");
    }

    @Override
    public long size() {
        return db.count("SELECT COUNT(*) FROM TEST_RECORD");
    }

    @Override
    public Optional<RecordEntry> entry(long seq, Actor actor) {
        return all().stream().filter(e -> e.seq() == seq).findFirst();
    }

    @Override
    public Page<RecordEntry> entries(String objectType, String objectId, int offset, int limit, Actor actor) {
        List<RecordEntry> of = all().stream()
                .filter(e -> e.objectType().equals(objectType) && e.objectId().equals(objectId)).toList();
        return new Page<>(of.subList(Math.min(offset, of.size()), Math.min(offset + limit, of.size())), of.size(),
                offset, limit);
    }

    @Override
    public String leafHash(long seq) {
        RecordEntry e = entry(seq, null).orElseThrow();
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update((byte) 0);
            return HexFormat.of().formatHex(md.digest(e.leafInput()));
        } catch (NoSuchAlgorithmException x) {
            throw new IllegalStateException(x);
        }
    }

    private List<RecordEntry> read(String sql) {
        List<RecordEntry> out = new ArrayList<>();
        try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                String ev = rs.getString("EVIDENCE");
                out.add(new RecordEntry(rs.getLong("SEQ"), Instant.ofEpochMilli(rs.getLong("AT_MS")), "test",
                        rs.getString("OBJECT_TYPE"), rs.getString("OBJECT_ID"), rs.getString("STEP"),
                        rs.getString("ACTOR"), rs.getString("ENTRY_TYPE"),
                        rs.getString("PAYLOAD"),
                        ev.isEmpty() ? List.of() : List.of(ev.split(",")), null));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    @Override public SignedTreeHead latestTreeHead() { throw new UnsupportedOperationException(); }
    @Override public Page<SignedTreeHead> treeHeads(int offset, int limit) { throw new UnsupportedOperationException(); }
    @Override public InclusionProof inclusion(long seq, long treeSize) { throw new UnsupportedOperationException(); }
    @Override public ConsistencyProof consistency(long a, long b) { throw new UnsupportedOperationException(); }
    @Override public String hashAlgorithm() { return "SHA-256"; }
    @Override public String publicKeyPem() { throw new UnsupportedOperationException(); }
    @Override public VerificationReport verify(VerificationProgress p, Actor a) { throw new UnsupportedOperationException(); }
    @Override public Optional<VerificationReport> lastVerification() { return Optional.empty(); }
}
