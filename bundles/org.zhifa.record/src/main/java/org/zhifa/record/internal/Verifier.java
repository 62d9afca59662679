package org.zhifa.record.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhifa.api.record.Merkle;
import org.zhifa.api.record.Problem;
import org.zhifa.api.record.RecordEntry;
import org.zhifa.api.record.SignedTreeHead;
import org.zhifa.api.record.VerificationContributor;
import org.zhifa.api.record.VerificationProgress;
import org.zhifa.api.record.VerificationReport;

/**
 * Recomputes the log from the stored rows: every leaf from its row, every stored node, every signed tree
 * head's signature and root; then asks the {@link VerificationContributor}s about the evidence the
 * entries name. A full run starts from the empty tree; an incremental run continues from the frontier
 * of the last clean run and checks only what was appended since.
 * <p>
 * A row whose recomputed leaf differs from its stored LEAF_HASH is reported (changed, or moved when its
 * content hashes to the leaf of another position) and its stored hash is used for the tree, so that one
 * changed row is one problem; a row whose stored hash was forged as well shows as a changed node or an
 * inconsistent tree head covering it.
 */
final class Verifier {
    private static final Logger LOG = LoggerFactory.getLogger(Verifier.class);
    static final int MAX_PROBLEMS = 10_000;
    private static final int MAX_PAIRING = 500;
    /** Rows hashed per task, threads hashing them, and tasks queued ahead of the folding thread. */
    private static final int CHUNK = 16_384;
    private static final int SCANNERS = 2;
    private static final int AHEAD = 4;

    private final RecordServiceImpl record;
    private final Object running = new Object();
    private volatile VerificationReport last;
    /** The tree up to where the last clean run verified, or null: the next scheduled run is then full. */
    private volatile Frontier verified;

    /** Rows per scanning task; tests make it small so that their logs span several tasks. */
    private volatile int chunk = CHUNK;

    Verifier(RecordServiceImpl record) {
        this.record = record;
    }

    void chunkRows(int rows) {
        chunk = rows;
    }

    Optional<VerificationReport> last() {
        return Optional.ofNullable(last);
    }

    VerificationReport full(VerificationProgress progress) {
        return run(null, progress);
    }

    /** The scheduled run: incremental after a clean run, else full. */
    void scheduled() {
        try {
            run(verified, VerificationProgress.NONE);
        } catch (RuntimeException e) {
            LOG.error("record: the scheduled verification failed to run", e);
        }
    }

    VerificationReport incremental(VerificationProgress progress) {
        return run(verified, progress == null ? VerificationProgress.NONE : progress);
    }

    private VerificationReport run(Frontier from, VerificationProgress progress) {
        synchronized (running) {
            VerificationReport report;
            Run r;
            try (Connection c = record.dataSource().getConnection()) {
                r = new Run(c, from == null ? Frontier.empty() : from, from == null, progress);
                report = r.run();
            } catch (SQLException e) {
                throw new IllegalStateException("verification could not read the record: " + e.getMessage(), e);
            }
            last = report;
            if (report.ok()) {
                verified = r.tree.freeze();
                LOG.info("record verified: {} entries from {}, root {}, {} evidence files, {} ms",
                        report.treeSize() - report.fromSeq(), report.fromSeq(), report.rootHash(),
                        report.evidenceFiles(), report.finished().toEpochMilli() - report.started().toEpochMilli());
            } else {
                verified = null;
                Problem first = report.problems().get(0);
                LOG.error("RECORD VERIFICATION FAILED: {} problem(s); first: {} at seq {} ({}): {}",
                        report.problems().size(), first.type(), first.seq(), first.location(), first.messageEn());
            }
            return report;
        }
    }

    private final class Run {
        private final Connection c;
        private final Merkle.Hasher h;
        private final boolean full;
        private final VerificationProgress progress;
        private final Frontier.Builder tree;
        private final long from;
        private final List<Problem> problems = new ArrayList<>();
        private final Map<Long, String>[] nodes;
        private final List<Mismatch> mismatches = new ArrayList<>();
        private final Set<String> referenced = new LinkedHashSet<>();
        private final Set<String> purged = new LinkedHashSet<>();
        private final Instant started;

        @SuppressWarnings("unchecked")
        Run(Connection c, Frontier start, boolean full, VerificationProgress progress) {
            this.c = c;
            this.h = record.hasher();
            this.full = full;
            this.progress = progress;
            this.tree = new Frontier.Builder(start);
            this.from = start.size;
            this.nodes = new Map[64];
            this.started = record.clock().instant();
        }

        VerificationReport run() throws SQLException {
            long size = RecordServiceImpl.head(c).size();
            loadNodes(size);
            Map<String, PublicKey> keys = record.publicKeys(c);
            TreeMap<Long, List<StoredHead>> heads = heads(keys, size);
            checkHeads(heads, from);
            scan(size, heads);
            classify();
            for (int level = 1; level < nodes.length; level++) {
                if (nodes[level] != null) {
                    for (Map.Entry<Long, String> n : nodes[level].entrySet()) {
                        long first = n.getKey() << level;
                        problem(Problem.Type.NODE_CHANGED, first, "RECORD_NODE LVL=" + level + " IDX=" + n.getKey(),
                                "PROBLEM_NODE_EXTRA", level, n.getKey());
                    }
                }
            }
            beyond(size, heads);
            long evidence = evidence();
            byte[] root = tree.root(h);
            return new VerificationReport(full, started, record.clock().instant(), from, tree.size(), Merkle.hex(root),
                    evidence, problems);
        }

        private void loadNodes(long size) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement("SELECT LVL, IDX, HASH FROM RECORD_NODE")) {
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        int level = rs.getInt(1);
                        long index = rs.getLong(2);
                        long first = index << level;
                        long end = (index + 1) << level;
                        if (end <= from || first >= size || level < 1 || level > 62) {
                            continue; // verified before, or appended while this run started
                        }
                        if (nodes[level] == null) {
                            nodes[level] = new HashMap<>();
                        }
                        nodes[level].put(index, rs.getString(3).trim());
                    }
                }
            }
        }

        private record StoredHead(long id, SignedTreeHead sth) {}

        /** Tree heads over sizes the run recomputes, after checking every new one's signature. */
        private TreeMap<Long, List<StoredHead>> heads(Map<String, PublicKey> keys, long size) throws SQLException {
            TreeMap<Long, List<StoredHead>> out = new TreeMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + RecordServiceImpl.STH_COLUMNS
                    + " FROM RECORD_STH WHERE TREE_SIZE >= ? ORDER BY ID")) {
                ps.setLong(1, full ? 0 : from + 1);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        SignedTreeHead sth = RecordServiceImpl.treeHead(rs);
                        long id = rs.getLong(8);
                        String where = "RECORD_STH ID=" + id + " size=" + sth.treeSize();
                        PublicKey key = keys.get(sth.keyId());
                        if (key == null || !SigningKey.verify(key, sth.signedBytes(), sth.signature())) {
                            problem(Problem.Type.STH_FORGED, -1, where, "PROBLEM_STH_FORGED", id, sth.treeSize());
                            continue;
                        }
                        if (!sth.hashAlgorithm().equals(h.algorithm())) {
                            problem(Problem.Type.STH_INCONSISTENT, -1, where, "PROBLEM_STH_ALGORITHM", id,
                                    sth.hashAlgorithm(), h.algorithm());
                            continue;
                        }
                        out.computeIfAbsent(sth.treeSize(), k -> new ArrayList<>()).add(new StoredHead(id, sth));
                    }
                }
            }
            return out;
        }

        /** Tree heads of size {@code size} against the tree recomputed so far. */
        private void checkHeads(TreeMap<Long, List<StoredHead>> heads, long size) {
            List<StoredHead> at = heads.remove(size);
            if (at == null) {
                return;
            }
            String root = Merkle.hex(tree.root(h));
            for (StoredHead s : at) {
                if (!s.sth().rootHash().equals(root)) {
                    problem(Problem.Type.STH_INCONSISTENT, size == 0 ? -1 : size - 1,
                            "RECORD_STH ID=" + s.id() + " size=" + size, "PROBLEM_STH_INCONSISTENT", s.id(), size,
                            s.sth().rootHash(), root);
                }
            }
        }

        /**
         * Hashes the rows in chunks of {@link #CHUNK} on two threads (one connection each: reading and hashing
         * a row is the cost) and folds the chunks into the tree in order on this one, so that problems come
         * out in sequence order as before.
         */
        private void scan(long size, TreeMap<Long, List<StoredHead>> heads) throws SQLException {
            long total = size - from;
            int rows = chunk;
            if (total <= rows) {
                if (total > 0) {
                    fold(scanChunk(c, from, size), heads, total);
                }
                progress.progress(total, total, "entries");
                return;
            }
            List<Connection> connections = Collections.synchronizedList(new ArrayList<>());
            ThreadLocal<Connection> own = new ThreadLocal<>();
            AtomicInteger threads = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(SCANNERS, r -> {
                Thread t = new Thread(r, "zhifa-record-verify-" + threads.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            try {
                ArrayDeque<Future<Chunk>> ahead = new ArrayDeque<>();
                for (long start = from; start < size; start += rows) {
                    if (ahead.size() >= AHEAD) {
                        fold(next(ahead), heads, total);
                    }
                    long first = start;
                    long end = Math.min(size, start + rows);
                    ahead.add(pool.submit(() -> {
                        Connection mine = own.get();
                        if (mine == null) {
                            mine = record.dataSource().getConnection();
                            connections.add(mine);
                            own.set(mine);
                        }
                        return scanChunk(mine, first, end);
                    }));
                }
                while (!ahead.isEmpty()) {
                    fold(next(ahead), heads, total);
                }
            } finally {
                pool.shutdownNow();
                try {
                    pool.awaitTermination(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                for (Connection k : connections) {
                    try {
                        k.close();
                    } catch (SQLException e) {
                        LOG.debug("record: closing a verification connection", e);
                    }
                }
            }
            progress.progress(total, total, "entries");
        }

        private Chunk next(ArrayDeque<Future<Chunk>> ahead) throws SQLException {
            try {
                return ahead.poll().get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("verification interrupted", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof SQLException q) {
                    throw q;
                }
                throw new IllegalStateException("verification failed: " + e.getCause(), e.getCause());
            }
        }

        /** The rows of [start, end) in one ordered range scan; each hashed as stored (no payload decoding). */
        private Chunk scanChunk(Connection conn, long start, long end) throws SQLException {
            Chunk chunk = new Chunk(start, new byte[(int) (end - start)][]);
            LeafParts parts = new LeafParts();
            try (PreparedStatement ps = conn.prepareStatement("SELECT " + RecordServiceImpl.ENTRY_COLUMNS
                    + ", LEAF_HASH FROM RECORD_ENTRY WHERE SEQ >= ? AND SEQ < ? ORDER BY SEQ")) {
                ps.setLong(1, start);
                ps.setLong(2, end);
                ps.setFetchSize(4096);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long seq = rs.getLong(1);
                        long at = rs.getLong(2);
                        String entryType = rs.getString(8);
                        byte[] payload = rs.getBytes(9);
                        List<String> evidence = RecordServiceImpl.evidence(rs.getString(10));
                        long corrects = rs.getLong(11);
                        Long corrected = rs.wasNull() ? null : corrects;
                        if (payload == null) {
                            String clob = rs.getString(12);
                            payload = clob == null ? new byte[0] : clob.getBytes(StandardCharsets.UTF_8);
                        }
                        byte[] stored = Merkle.fromHex(rs.getString(13).trim());
                        String bureau = rs.getString(3);
                        String objectType = rs.getString(4);
                        String objectId = rs.getString(5);
                        String step = rs.getString(6);
                        String actor = rs.getString(7);
                        byte[] leaf = LeafParts.leafHash(h, parts.head(seq, at, bureau, objectType, objectId, step, actor,
                                entryType), payload, parts.tail(evidence, corrected));
                        if (!MessageDigest.isEqual(leaf, stored)) {
                            chunk.mismatches.add(new Mismatch(new RecordEntry(seq, Instant.ofEpochMilli(at), bureau,
                                    objectType, objectId, step, actor, entryType,
                                    new String(payload, StandardCharsets.UTF_8), evidence, corrected), stored));
                            leaf = stored;
                        }
                        if (!evidence.isEmpty()) {
                            chunk.evidence.add(Map.entry(entryType, evidence));
                        }
                        chunk.leaves[(int) (seq - start)] = leaf;
                    }
                }
            }
            return chunk;
        }

        /** Adds a scanned chunk to the tree; a row missing from it is a deleted row (with a placeholder leaf). */
        private void fold(Chunk chunk, TreeMap<Long, List<StoredHead>> heads, long total) {
            for (int i = 0; i < chunk.leaves.length; i++) {
                byte[] leaf = chunk.leaves[i];
                if (leaf == null) {
                    long seq = chunk.start + i;
                    problem(Problem.Type.DELETED_ROW, seq, "RECORD_ENTRY SEQ=" + seq, "PROBLEM_DELETED_ROW", seq);
                    // without the row the tree cannot go on: continue with a placeholder
                    leaf = new byte[32];
                }
                add(leaf, heads);
            }
            mismatches.addAll(chunk.mismatches);
            for (Map.Entry<String, List<String>> e : chunk.evidence) {
                collect(e.getKey(), e.getValue());
            }
            progress.progress(chunk.start + chunk.leaves.length - from, total, "entries");
        }

        /** One range of rows, hashed: a null leaf is a row that is not there. */
        private record Chunk(long start, byte[][] leaves, List<Mismatch> mismatches,
                             List<Map.Entry<String, List<String>>> evidence) {
            Chunk(long start, byte[][] leaves) {
                this(start, leaves, new ArrayList<>(), new ArrayList<>());
            }
        }

        private void add(byte[] leaf, TreeMap<Long, List<StoredHead>> heads) {
            tree.append(h, leaf, (level, index, hash) -> {
                if (!TreeStore.stored(level)) {
                    return;
                }
                String stored = nodes[level] == null ? null : nodes[level].remove(index);
                if (stored == null) {
                    problem(Problem.Type.NODE_CHANGED, index << level, "RECORD_NODE LVL=" + level + " IDX=" + index,
                            "PROBLEM_NODE_MISSING", level, index);
                } else if (!stored.equals(Merkle.hex(hash))) {
                    problem(Problem.Type.NODE_CHANGED, index << level, "RECORD_NODE LVL=" + level + " IDX=" + index,
                            "PROBLEM_NODE_CHANGED", level, index, index << level, ((index + 1) << level) - 1);
                }
            });
            checkHeads(heads, tree.size());
        }

        private void collect(String entryType, List<String> evidence) {
            if (evidence.isEmpty()) {
                return;
            }
            if ("evidence.purged".equals(entryType)) {
                purged.addAll(evidence);
            } else {
                referenced.addAll(evidence);
            }
        }

        private record Mismatch(RecordEntry entry, byte[] stored) {}

        /** A mismatching row whose content belongs at another mismatching position was moved; else it changed. */
        private void classify() {
            List<Mismatch> pairable = mismatches.size() <= MAX_PAIRING ? mismatches : List.of();
            for (Mismatch m : mismatches) {
                RecordEntry e = m.entry();
                Long moved = null;
                for (Mismatch o : pairable) {
                    long seq = o.entry().seq();
                    if (seq == e.seq()) {
                        continue;
                    }
                    RecordEntry there = new RecordEntry(seq, e.at(), e.bureau(), e.objectType(), e.objectId(), e.step(),
                            e.actor(), e.entryType(), e.payload(), e.evidenceHashes(), e.corrects());
                    byte[] leaf = Merkle.leafHash(h, there.leafInput());
                    if (MessageDigest.isEqual(leaf, m.stored()) || MessageDigest.isEqual(leaf, o.stored())) {
                        moved = seq;
                        break;
                    }
                }
                String where = "RECORD_ENTRY SEQ=" + e.seq();
                if (moved != null) {
                    problem(Problem.Type.REORDERED_ROW, e.seq(), where, "PROBLEM_REORDERED_ROW", e.seq(), moved);
                } else {
                    problem(Problem.Type.CHANGED_ROW, e.seq(), where, "PROBLEM_CHANGED_ROW", e.seq());
                }
            }
        }

        /**
         * Rows, nodes and tree heads past the verified size: appended meanwhile through the log (then under
         * the head read now), or written behind its back.
         */
        private void beyond(long size, TreeMap<Long, List<StoredHead>> heads) throws SQLException {
            List<Long> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT SEQ FROM RECORD_ENTRY WHERE SEQ >= ? ORDER BY SEQ")) {
                ps.setLong(1, size);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next() && rows.size() < MAX_PROBLEMS) {
                        rows.add(rs.getLong(1));
                    }
                }
            }
            long now = RecordServiceImpl.head(c).size();
            for (long seq : rows) {
                if (seq >= now) {
                    problem(Problem.Type.INSERTED_ROW, seq, "RECORD_ENTRY SEQ=" + seq, "PROBLEM_INSERTED_ROW", seq, now);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT SEQ FROM RECORD_ENTRY WHERE SEQ < 0")) {
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long seq = rs.getLong(1);
                        problem(Problem.Type.INSERTED_ROW, seq, "RECORD_ENTRY SEQ=" + seq, "PROBLEM_INSERTED_ROW", seq, now);
                    }
                }
            }
            for (Map.Entry<Long, List<StoredHead>> e : heads.entrySet()) {
                if (e.getKey() > now) {
                    for (StoredHead s : e.getValue()) {
                        problem(Problem.Type.STH_INCONSISTENT, now, "RECORD_STH ID=" + s.id() + " size=" + e.getKey(),
                                "PROBLEM_STH_BEYOND", s.id(), e.getKey(), now);
                    }
                }
            }
        }

        private long evidence() {
            long checked = 0;
            for (VerificationContributor contributor : record.contributors()) {
                try {
                    VerificationContributor.Result r = contributor.verify(Set.copyOf(referenced), Set.copyOf(purged), full,
                            progress);
                    checked += r.checked();
                    for (Problem p : r.problems()) {
                        if (problems.size() < MAX_PROBLEMS) {
                            problems.add(p);
                        }
                    }
                } catch (RuntimeException e) {
                    LOG.error("record: verification contributor {} failed", contributor, e);
                    problem(Problem.Type.EVIDENCE_MISSING, -1, contributor.getClass().getName(),
                            "PROBLEM_CONTRIBUTOR_FAILED", e.toString());
                }
            }
            return checked;
        }

        private void problem(Problem.Type type, long seq, String location, String key, Object... args) {
            if (problems.size() < MAX_PROBLEMS) {
                problems.add(new Problem(type, seq, location, RecordServiceImpl.message(Locale.ROOT, key, args),
                        RecordServiceImpl.message(Locale.ENGLISH, key, args)));
            }
        }
    }
}
