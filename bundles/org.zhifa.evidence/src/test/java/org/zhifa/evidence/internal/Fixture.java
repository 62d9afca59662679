package org.zhifa.evidence.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.zhifa.api.common.Actor;
import org.zhifa.api.common.Page;
import org.zhifa.api.common.Roles;
import org.zhifa.api.record.ConsistencyProof;
import org.zhifa.api.record.EntryDraft;
import org.zhifa.api.record.InclusionProof;
import org.zhifa.api.record.RecordEntry;
import org.zhifa.api.record.RecordService;
import org.zhifa.api.record.SignedTreeHead;
import org.zhifa.api.record.VerificationProgress;
import org.zhifa.api.record.VerificationReport;

/** A store on a fresh in-memory Derby with the shipped schema, a temp folder, and a log that keeps entries in memory. */
final class Fixture {

    static final Actor OFFICER = new Actor("officer", Set.of(Roles.OFFICER));
    static final Actor LEADER = new Actor("leader", Set.of(Roles.LEADER));
    static final Actor ADMIN = new Actor("admin", Set.of(Roles.ADMIN));
    static final Actor REVIEWER = new Actor("reviewer", Set.of(Roles.REVIEWER));

    private static final AtomicLong DATABASES = new AtomicLong();

    /** The log's stand-in (the real one is tested with the assembly): keeps entries in memory, can fail once. */
    static final class Log implements RecordService {
        final List<RecordEntry> entries = new ArrayList<>();
        RuntimeException failNext;

        @Override
        public RecordEntry append(EntryDraft d, Actor actor) {
            throw new UnsupportedOperationException();
        }

        @Override
        public synchronized RecordEntry append(Connection transaction, EntryDraft d, Actor actor) {
            if (failNext != null) {
                RuntimeException e = failNext;
                failNext = null;
                throw e;
            }
            RecordEntry e = new RecordEntry(entries.size(), Instant.now(), "430421", d.objectType(),
                    d.objectId(), d.step(), actor.user(), d.entryType(), d.payload(), d.evidenceHashes(), d.corrects());
            entries.add(e);
            return e;
        }

        @Override
        public List<RecordEntry> appendAll(List<EntryDraft> drafts, Actor actor) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long size() {
            return entries.size();
        }

        @Override
        public Optional<RecordEntry> entry(long seq, Actor actor) {
            return Optional.ofNullable(seq < entries.size() ? entries.get((int) seq) : null);
        }

        @Override
        public Page<RecordEntry> entries(String objectType, String objectId, int offset, int limit, Actor actor) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String leafHash(long seq) {
            throw new UnsupportedOperationException();
        }

        @Override
        public SignedTreeHead latestTreeHead() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Page<SignedTreeHead> treeHeads(int offset, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public InclusionProof inclusion(long seq, long treeSize) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ConsistencyProof consistency(long firstSize, long secondSize) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String hashAlgorithm() {
            return "SHA-256";
        }

        @Override
        public String publicKeyPem() {
            throw new UnsupportedOperationException();
        }

        @Override
        public VerificationReport verify(VerificationProgress progress, Actor actor) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<VerificationReport> lastVerification() {
            return Optional.empty();
        }

        List<RecordEntry> ofType(String entryType) {
            return entries.stream().filter(e -> e.entryType().equals(entryType)).toList();
        }
    }

    /** Cases the lookup knows; a test adds them. */
    static final class Cases implements CaseLookup {
        final Map<Long, CaseInfo> known = new HashMap<>();

        @Override
        public Optional<CaseInfo> find(long caseId) {
            return Optional.ofNullable(known.get(caseId));
        }

        @Override
        public boolean available() {
            return true;
        }
    }

    final DataSource dataSource;
    final Log log = new Log();
    final Cases cases = new Cases();
    final Path root;

    Fixture(Path root) {
        this.root = root;
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName("memory:evidence" + DATABASES.incrementAndGet());
        ds.setCreateDatabase("create");
        this.dataSource = ds;
        System.setProperty("derby.stream.error.file", "target/derby.log");
        try (InputStream in = Fixture.class.getResourceAsStream("/db/evidence/V1__evidence.sql");
             Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            String script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (String sql : script.split("(?m)^;\\s*$")) {
                if (!sql.isBlank()) {
                    st.execute(sql);
                }
            }
        } catch (IOException | SQLException e) {
            throw new IllegalStateException(e);
        }
        cases.known.put(1L, new CaseLookup.CaseInfo(1, "penalty", null));
    }

    EvidenceServiceImpl service(Map<String, Object> overrides) {
        Map<String, Object> p = new HashMap<>(Map.of("root", root.toString(), "maxBytes", 2L * 1024 * 1024 * 1024,
                "uploadExpiryHours", 24, "clockCheckDays", 180, "clockCheckPolicy", "refuse", "gapToleranceSeconds", 60,
                "purgeIntervalHours", 0, "retention.default", "permanent", "retention.penalty", "2y"));
        p.putAll(overrides);
        EvidenceServiceImpl.Settings s = new EvidenceServiceImpl.Settings(root, ((Number) p.get("maxBytes")).longValue(),
                java.time.Duration.ofHours(((Number) p.get("uploadExpiryHours")).intValue()),
                ((Number) p.get("clockCheckDays")).intValue(), "refuse".equals(p.get("clockCheckPolicy")),
                java.time.Duration.ofSeconds(((Number) p.get("gapToleranceSeconds")).intValue()), Retention.of(p), 0);
        return new EvidenceServiceImpl(dataSource, log, cases, "430421", s);
    }

    EvidenceServiceImpl service() {
        return service(Map.of());
    }

    int count(String table) {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             var rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

}
