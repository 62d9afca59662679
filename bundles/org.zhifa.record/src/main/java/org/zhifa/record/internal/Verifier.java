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
import java.util.HashMap;
import java.util.HashSet;
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
    /** Rows hashed per task; rows waiting out of sequence order before their gap is re-read. */
    private static final int BATCH = 1024;
    private static final int PENDING = 65_536;
    /** Threads hashing batches (one per core, shared with the scanning thread), and batches queued for them. */
    private static final int HASHERS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    private static final int AHEAD = 2 * HASHERS + 2;
    /** The whole table in its storage order (a heap scan, not the primary key's index). */
    private static final String HEAP_SCAN = "SELECT " + RecordServiceImpl.ENTRY_COLUMNS
            + ", LEAF_HASH FROM RECORD_ENTRY --DERBY-PROPERTIES index=null, bulkFetch=256\n";
    private static final String RANGE_SCAN = "SELECT " + RecordServiceImpl.ENTRY_COLUMNS
            + ", LEAF_HASH FROM RECORD_ENTRY WHERE SEQ >= ? AND SEQ < ? ORDER BY SEQ";

    private final RecordServiceImpl record;
    private final Object running = new Object();
    private volatile VerificationReport last;
    /** The tree up to where the last clean run verified, or null: the next scheduled run is then full. */
    private volatile Frontier verified;

    /** Rows the last run re-read by the primary key because the scan had not brought them in time, and
     *  batches it folded as whole subtrees (tests, bench). */
    volatile long reread;
    volatile long subtrees;
    /** Rows per hashing task and rows waiting out of order; tests make them small to cross their edges. */
    private volatile int batchRows = BATCH;
    private volatile int maxPending = PENDING;

    Verifier(RecordServiceImpl record) {
        this.record = record;
    }

    void chunkRows(int rows) {
        batchRows = rows;
        maxPending = 2 * rows;
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
        /** The stored nodes being loaded (null once they are), and the nodes completed meanwhile. */
        private java.util.concurrent.Future<Void> nodesLoading;
        private final List<Object[]> queuedNodes = new ArrayList<>();
        /** The next sequence number to fold into the tree. */
        private long next;
        /** Hashed leaves that came before their turn. */
        private final TreeMap<Long, byte[]> pending = new TreeMap<>();
        /** Rows a gap's re-read took before the scan brought them. */
        private final Set<Long> reread = new HashSet<>();
        private Connection gaps;
        private int gapsIsolation;
        private boolean gapsAutoCommit;

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
            // the stored nodes load on their own connection while the rows are read; nodes the tree completes
            // before they are there wait in a queue
            java.util.concurrent.FutureTask<Void> loading = new java.util.concurrent.FutureTask<>(() -> {
                try (Connection own = record.dataSource().getConnection()) {
                    loadNodes(own, size);
                }
                return null;
            });
            Thread loader = new Thread(loading, "zhifa-record-verify-nodes");
            loader.setDaemon(true);
            loader.start();
            nodesLoading = loading;
            Map<String, PublicKey> keys = record.publicKeys(c);
            TreeMap<Long, List<StoredHead>> heads = heads(keys, size);
            checkHeads(heads, from);
            scan(size, heads);
            nodesLoaded(true);
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

        private void loadNodes(Connection own, long size) throws SQLException {
            try (PreparedStatement ps = own.prepareStatement("SELECT LVL, IDX, HASH FROM RECORD_NODE")) {
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
         * Reads the rows once, in the table's own (heap) order for a full run or a long tail, else by the
         * primary key from where the last clean run stopped; this thread reads and folds, {@link #HASHERS}
         * threads hash batches of {@code batchRows} rows. Rows that come out of sequence order wait in
         * {@link #pending}; a gap the scan has not filled when {@code maxPending} rows wait (or at the end)
         * is re-read by the primary key, so a missing row is a deleted row and memory stays bounded.
         * <p>
         * The scan reads uncommitted (no row locks, no waiting for appenders): it counts only rows below the
         * size committed in RECORD_HEAD when the run started, which are committed and never change unless
         * tampered with; rows at or past that size are judged by {@link #beyond} with committed reads.
         */
        private void scan(long size, TreeMap<Long, List<StoredHead>> heads) throws SQLException {
            long total = size - from;
            next = from;
            Verifier.this.reread = 0;
            Verifier.this.subtrees = 0;
            if (total > 0) {
                boolean whole = full || total > size / 4;
                AtomicInteger threads = new AtomicInteger();
                ExecutorService pool = Executors.newFixedThreadPool(HASHERS, r -> {
                    Thread t = new Thread(r, "zhifa-record-verify-" + threads.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
                ThreadLocal<LeafEncoder> encoders = ThreadLocal.withInitial(() -> new LeafEncoder(h));
                int batch = batchRows;
                Connection scan = record.dataSource().getConnection();
                int isolation = scan.getTransactionIsolation();
                boolean autoCommit = scan.getAutoCommit();
                try {
                    scan.setTransactionIsolation(Connection.TRANSACTION_READ_UNCOMMITTED);
                    scan.setAutoCommit(false);
                    ArrayDeque<Future<Rows>> ahead = new ArrayDeque<>();
                    try (PreparedStatement ps = scan.prepareStatement(whole ? HEAP_SCAN : RANGE_SCAN)) {
                        if (!whole) {
                            ps.setLong(1, from);
                            ps.setLong(2, size);
                        }
                        try (ResultSet rs = ps.executeQuery()) {
                            Rows rows = new Rows(batch);
                            while (rs.next()) {
                                long seq = rs.getLong(1);
                                if (seq < from || seq >= size) {
                                    continue; // verified before, or judged by beyond()
                                }
                                rows.read(rs, seq);
                                if (rows.n == batch) {
                                    Rows full = rows;
                                    ahead.add(pool.submit(() -> full.hash(encoders.get())));
                                    rows = new Rows(batch);
                                    while (ahead.size() >= AHEAD) {
                                        place(take(ahead), heads, total);
                                    }
                                }
                            }
                            if (rows.n > 0) {
                                Rows last = rows;
                                ahead.add(pool.submit(() -> last.hash(encoders.get())));
                            }
                        }
                    }
                    while (!ahead.isEmpty()) {
                        place(take(ahead), heads, total);
                    }
                    scan.commit();
                } finally {
                    pool.shutdownNow();
                    try {
                        pool.awaitTermination(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    restore(scan, isolation, autoCommit);
                }
                try {
                    while (next < size) {
                        resolveGap(pending.isEmpty() ? size : pending.firstKey(), heads, total);
                    }
                } finally {
                    if (gaps != null) {
                        restore(gaps, gapsIsolation, gapsAutoCommit);
                        gaps = null;
                    }
                }
            }
            progress.progress(total, total, "entries");
        }

        private void restore(Connection k, int isolation, boolean autoCommit) {
            try {
                k.rollback();
                k.setAutoCommit(autoCommit);
                k.setTransactionIsolation(isolation);
            } catch (SQLException e) {
                LOG.debug("record: resetting a verification connection", e);
            } finally {
                try {
                    k.close();
                } catch (SQLException e) {
                    LOG.debug("record: closing a verification connection", e);
                }
            }
        }

        private Rows take(ArrayDeque<Future<Rows>> ahead) {
            try {
                return ahead.poll().get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("verification interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("verification failed: " + e.getCause(), e.getCause());
            }
        }

        /** Takes a hashed batch: rows in sequence go into the tree, the others wait for theirs. */
        private void place(Rows rows, TreeMap<Long, List<StoredHead>> heads, long total) throws SQLException {
            if (rows.root != null && rows.seq[0] == next && pending.isEmpty()
                    && heads.subMap(next, false, next + rows.n, false).isEmpty()) {
                for (int i = 0; i < rows.n; i++) {
                    accept(rows, i);
                }
                for (Object[] node : rows.storedNodes) {
                    node((Integer) node[0], (Long) node[1], (byte[]) node[2]);
                }
                tree.appendPerfect(h, rows.level, rows.root, this::node);
                Verifier.this.subtrees++;
                checkHeads(heads, tree.size());
                long before = next - from;
                next += rows.n;
                if ((before >> 16) != ((next - from) >> 16)) {
                    progress.progress(next - from, total, "entries");
                }
                return;
            }
            for (int i = 0; i < rows.n; i++) {
                long seq = rows.seq[i];
                if (seq < next) {
                    if (!reread.remove(seq)) {
                        duplicate(seq);
                    }
                } else if (seq == next) {
                    accept(rows, i);
                    fold(rows.leaf(i), heads, total);
                    drain(heads, total);
                } else if (pending.containsKey(seq)) {
                    duplicate(seq);
                } else {
                    accept(rows, i);
                    pending.put(seq, rows.leaf(i));
                    if (pending.size() > maxPending) {
                        resolveGap(pending.firstKey(), heads, total);
                    }
                }
            }
        }

        /** A second row with a sequence number already taken: only possible with the primary key dropped. */
        private void duplicate(long seq) {
            problem(Problem.Type.INSERTED_ROW, seq, "RECORD_ENTRY SEQ=" + seq, "PROBLEM_DUPLICATE_ROW", seq);
        }

        /** A row taken for the tree: its mismatch (if any) and its evidence count. */
        private void accept(Rows rows, int i) {
            if (rows.mismatches != null && rows.mismatches[i] != null) {
                mismatches.add(rows.mismatches[i]);
            }
            if (rows.evidence[i] != null && !rows.evidence[i].isEmpty()) {
                collect(rows.entryType[i], RecordServiceImpl.evidence(rows.evidence[i]));
            }
        }

        private void drain(TreeMap<Long, List<StoredHead>> heads, long total) {
            while (!pending.isEmpty() && pending.firstKey() == next) {
                fold(pending.pollFirstEntry().getValue(), heads, total);
            }
        }

        /**
         * Rows [next, until) that the scan has not delivered (yet): re-read by the primary key. A row found is
         * taken now (and skipped when the scan brings it later); a row not there was deleted.
         */
        private void resolveGap(long until, TreeMap<Long, List<StoredHead>> heads, long total) throws SQLException {
            if (gaps == null) {
                gaps = record.dataSource().getConnection();
                gapsIsolation = gaps.getTransactionIsolation();
                gapsAutoCommit = gaps.getAutoCommit();
                gaps.setTransactionIsolation(Connection.TRANSACTION_READ_UNCOMMITTED);
                gaps.setAutoCommit(false);
            }
            LeafEncoder encoder = new LeafEncoder(h);
            try (PreparedStatement ps = gaps.prepareStatement(RANGE_SCAN)) {
                ps.setLong(1, next);
                ps.setLong(2, until);
                try (ResultSet rs = ps.executeQuery()) {
                    Rows rows = new Rows(1);
                    while (rs.next()) {
                        long seq = rs.getLong(1);
                        if (seq < next) {
                            continue; // a second row with the same sequence number: the scan reports it
                        }
                        while (next < seq) {
                            deleted(heads, total);
                        }
                        rows.n = 0;
                        rows.read(rs, seq);
                        rows.hash(encoder);
                        accept(rows, 0);
                        reread.add(seq);
                        Verifier.this.reread++;
                        fold(rows.leaf(0), heads, total);
                    }
                }
            }
            while (next < until) {
                deleted(heads, total);
            }
            drain(heads, total);
        }

        private void deleted(TreeMap<Long, List<StoredHead>> heads, long total) {
            long seq = next;
            problem(Problem.Type.DELETED_ROW, seq, "RECORD_ENTRY SEQ=" + seq, "PROBLEM_DELETED_ROW", seq);
            // without the row the tree cannot go on: continue with a placeholder
            fold(new byte[32], heads, total);
        }

        /** The next leaf in sequence order into the tree. */
        private void fold(byte[] leaf, TreeMap<Long, List<StoredHead>> heads, long total) {
            add(leaf, heads);
            next++;
            long done = next - from;
            if ((done & 0xffff) == 0) {
                progress.progress(done, total, "entries");
            }
        }

        private void add(byte[] leaf, TreeMap<Long, List<StoredHead>> heads) {
            tree.append(h, leaf, this::node);
            checkHeads(heads, tree.size());
        }

        /** Whether the stored nodes are there (waiting for them if {@code wait}); checks the queued ones then. */
        private boolean nodesLoaded(boolean wait) {
            if (nodesLoading == null) {
                return true;
            }
            if (!wait && !nodesLoading.isDone()) {
                return false;
            }
            try {
                nodesLoading.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("verification interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("verification could not read the stored nodes: " + e.getCause(),
                        e.getCause());
            }
            nodesLoading = null;
            for (Object[] q : queuedNodes) {
                node((Integer) q[0], (Long) q[1], (byte[]) q[2]);
            }
            queuedNodes.clear();
            return true;
        }

        /** A subtree the recomputed tree completed, against its stored node where the tree stores one. */
        private void node(int level, long index, byte[] hash) {
            if (!TreeStore.stored(level)) {
                return;
            }
            if (!nodesLoaded(false)) {
                queuedNodes.add(new Object[] {level, index, hash});
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

        /** A batch of rows as read, then hashed: 32 bytes of leaf per row, the stored one where it differs. */
        private static final class Rows {
            int n;
            final long[] seq;
            final long[] at;
            final String[] bureau;
            final String[] objectType;
            final String[] objectId;
            final String[] step;
            final String[] actor;
            final String[] entryType;
            final byte[][] payload;
            final String[] evidence;
            final boolean[] hasCorrects;
            final long[] corrects;
            final String[] stored;
            byte[] leaves;
            /** Null unless a row's recomputed leaf differs from its stored one. */
            Mismatch[] mismatches;

            Rows(int capacity) {
                seq = new long[capacity];
                at = new long[capacity];
                bureau = new String[capacity];
                objectType = new String[capacity];
                objectId = new String[capacity];
                step = new String[capacity];
                actor = new String[capacity];
                entryType = new String[capacity];
                payload = new byte[capacity][];
                evidence = new String[capacity];
                hasCorrects = new boolean[capacity];
                corrects = new long[capacity];
                stored = new String[capacity];
            }

            /** One row read with ENTRY_COLUMNS, LEAF_HASH; the payload as stored (no decoding). */
            void read(ResultSet rs, long s) throws SQLException {
                int i = n++;
                seq[i] = s;
                at[i] = rs.getLong(2);
                bureau[i] = rs.getString(3);
                objectType[i] = rs.getString(4);
                objectId[i] = rs.getString(5);
                step[i] = rs.getString(6);
                actor[i] = rs.getString(7);
                entryType[i] = rs.getString(8);
                byte[] p = rs.getBytes(9);
                evidence[i] = rs.getString(10);
                corrects[i] = rs.getLong(11);
                hasCorrects[i] = !rs.wasNull();
                if (p == null) {
                    String clob = rs.getString(12);
                    p = clob == null ? new byte[0] : clob.getBytes(StandardCharsets.UTF_8);
                }
                payload[i] = p;
                stored[i] = rs.getString(13);
            }

            Rows hash(LeafEncoder encoder) {
                leaves = new byte[n * 32];
                for (int i = 0; i < n; i++) {
                    encoder.leaf(seq[i], at[i], bureau[i], objectType[i], objectId[i], step[i], actor[i], entryType[i],
                            payload[i], evidence[i], hasCorrects[i], corrects[i], leaves, i * 32);
                    if (!sameHex(stored[i], leaves, i * 32)) {
                        byte[] s = storedHash(stored[i]);
                        if (mismatches == null) {
                            mismatches = new Mismatch[n];
                        }
                        mismatches[i] = new Mismatch(new RecordEntry(seq[i], Instant.ofEpochMilli(at[i]), bureau[i],
                                objectType[i], objectId[i], step[i], actor[i], entryType[i],
                                new String(payload[i], StandardCharsets.UTF_8), RecordServiceImpl.evidence(evidence[i]),
                                hasCorrects[i] ? corrects[i] : null), s);
                        System.arraycopy(s, 0, leaves, i * 32, 32);
                    }
                    payload[i] = null; // hashed: let it go before the batch is folded
                }
                subtree(encoder);
                return this;
            }

            /** The root of the perfect subtree these rows form, when they do; else null. */
            byte[] root;
            int level;
            /** The subtree's nodes the tree stores (levels 4, 8, …): level, index and hash each. */
            List<Object[]> storedNodes;

            /**
             * When the batch is exactly the rows {@code [k·2^L, (k+1)·2^L)} in order (a table scan's usual batch),
             * its perfect subtree is computed here on the hashing thread, and the folding thread appends only
             * its root; the stored nodes within it are handed over to be compared there.
             */
            private void subtree(LeafEncoder encoder) {
                if (n < 2 || Integer.bitCount(n) != 1 || n != seq.length || (seq[0] & (n - 1)) != 0) {
                    return;
                }
                for (int i = 1; i < n; i++) {
                    if (seq[i] != seq[0] + i) {
                        return;
                    }
                }
                byte[] cur = leaves;
                int l = 0;
                List<Object[]> stored = new ArrayList<>();
                for (int width = n; width > 1; width >>= 1) {
                    byte[] up = new byte[width / 2 * 32];
                    l++;
                    for (int j = 0; j < width / 2; j++) {
                        encoder.node(cur, 2 * j * 32, (2 * j + 1) * 32, up, j * 32);
                        if (TreeStore.stored(l)) {
                            stored.add(new Object[] {l, (seq[0] >> l) + j, java.util.Arrays.copyOfRange(up, j * 32,
                                    j * 32 + 32)});
                        }
                    }
                    cur = up;
                }
                level = l;
                root = cur;
                storedNodes = stored;
            }

            byte[] leaf(int i) {
                return java.util.Arrays.copyOfRange(leaves, i * 32, i * 32 + 32);
            }

            /** The stored LEAF_HASH as the tree uses it (32 zero bytes when it is not a hash at all). */
            private static byte[] storedHash(String hex) {
                try {
                    byte[] b = hex == null ? null : Merkle.fromHex(hex.trim());
                    return b != null && b.length == 32 ? b : new byte[32];
                } catch (IllegalArgumentException e) {
                    return new byte[32];
                }
            }

            /** Whether {@code hex} (trimmed, either case) spells the 32 bytes at {@code b[off]}. */
            static boolean sameHex(String hex, byte[] b, int off) {
                if (hex == null) {
                    return false;
                }
                String t = hex.trim();
                if (t.length() != 64) {
                    return false;
                }
                for (int i = 0; i < 32; i++) {
                    int hi = Character.digit(t.charAt(2 * i), 16);
                    int lo = Character.digit(t.charAt(2 * i + 1), 16);
                    if (hi < 0 || lo < 0 || ((hi << 4) | lo) != (b[off + i] & 0xff)) {
                        return false;
                    }
                }
                return true;
            }
        }

        /** A mismatching row whose content belongs at another mismatching position was moved; else it changed. */
        private void classify() {
            mismatches.sort(java.util.Comparator.comparingLong(m -> m.entry().seq()));
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
