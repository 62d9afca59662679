package org.zhifa.record.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhifa.api.common.Actor;
import org.zhifa.api.common.BureauInfo;
import org.zhifa.api.common.Page;
import org.zhifa.api.common.Roles;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.common.ZhifaException.Kind;
import org.zhifa.api.record.ConsistencyProof;
import org.zhifa.api.record.EntryDraft;
import org.zhifa.api.record.InclusionProof;
import org.zhifa.api.record.Merkle;
import org.zhifa.api.record.RecordEntry;
import org.zhifa.api.record.RecordService;
import org.zhifa.api.record.SignedTreeHead;
import org.zhifa.api.record.VerificationContributor;
import org.zhifa.api.record.VerificationProgress;
import org.zhifa.api.record.VerificationReport;
import org.zhifa.api.schema.SchemaMigrator;

/**
 * The record on plain JDBC (no JPA, so that {@link #append(Connection, EntryDraft, Actor)} runs inside any
 * caller's transaction). Appends are serialised by the lock of RECORD_HEAD's one row, taken first; the
 * right edge of the tree is kept in memory and reloaded from the stored tree whenever the head in the
 * database is not the one this JVM last wrote (a caller rolled back).
 */
@Component(service = RecordService.class, configurationPid = RecordConfig.PID, immediate = true)
@Designate(ocd = RecordConfig.class)
public class RecordServiceImpl implements RecordService {
    private static final Logger LOG = LoggerFactory.getLogger(RecordServiceImpl.class);
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    static final int MAX_EVIDENCE = 400;
    static final String INSERT_ENTRY = "INSERT INTO RECORD_ENTRY (SEQ, AT_MILLIS, BUREAU, OBJECT_TYPE, OBJECT_ID, STEP, "
            + "ACTOR, ENTRY_TYPE, PAYLOAD, EVIDENCE, CORRECTS, LEAF_HASH, PAYLOAD_UTF8) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    /** Read by {@link #entry(ResultSet)}; the payload is in PAYLOAD_UTF8, or in PAYLOAD (long or older ones). */
    static final String ENTRY_COLUMNS = "SEQ, AT_MILLIS, BUREAU, OBJECT_TYPE, OBJECT_ID, STEP, ACTOR, ENTRY_TYPE, "
            + "PAYLOAD_UTF8, EVIDENCE, CORRECTS, PAYLOAD";
    /** The most bytes PAYLOAD_UTF8 holds (Derby's VARCHAR FOR BIT DATA); longer payloads go to the CLOB. */
    static final int INLINE_PAYLOAD_BYTES = 32_672;

    private final DataSource dataSource;
    private final String bureau;
    private final RecordConfig config;
    private final Clock clock;
    private final Merkle.Hasher hasher;
    private final SigningKey key;
    private final List<VerificationContributor> contributors = new CopyOnWriteArrayList<>();
    /**
     * The contributors registered in OSGi, bound by reference and got only when a verification needs them: the
     * evidence store both contributes and needs this record, and getting it while the record itself is still being
     * activated made each wait for the other at boot (the evidence component then failed for good).
     */
    private final Map<ServiceReference<VerificationContributor>, VerificationContributor> contributorRefs =
            new ConcurrentHashMap<>();
    private volatile BundleContext bundleContext;
    private final Object signing = new Object();
    private final ScheduledExecutorService scheduler;
    /** The frontier this JVM last computed (committed or not); checked against RECORD_HEAD before use. */
    private volatile Frontier frontier;
    private final Verifier verifier;
    /** The stored upper levels proofs read (committed, so immutable). */
    private final TreeStore.Upper upper = new TreeStore.Upper();
    /** A size the log is known to have committed (it only grows): proofs within it skip reading the head. */
    private final java.util.concurrent.atomic.AtomicLong committed = new java.util.concurrent.atomic.AtomicLong();

    @Activate
    public RecordServiceImpl(@Reference(target = "(osgi.jndi.service.name=zhifa)") DataSource dataSource,
                             @Reference SchemaMigrator migrator, @Reference BureauInfo bureauInfo,
                             RecordConfig config, BundleContext context) {
        this(dataSource, bureauInfo.code(), config, Path.of(resolve(config.privateKeyFile())), Clock.systemUTC(),
                () -> migrator.migrate("record", context.getBundle()), true);
        this.bundleContext = context;
    }

    /** For tests: the schema is there, no schedule. */
    RecordServiceImpl(DataSource dataSource, String bureau, RecordConfig config, Path keyFile, Clock clock) {
        this(dataSource, bureau, config, keyFile, clock, () -> 0, false);
    }

    private RecordServiceImpl(DataSource dataSource, String bureau, RecordConfig config, Path keyFile, Clock clock,
                              java.util.function.IntSupplier migrate, boolean schedule) {
        migrate.getAsInt();
        this.dataSource = dataSource;
        this.bureau = bureau;
        this.config = config;
        this.clock = clock;
        this.key = SigningKey.loadOrCreate(keyFile);
        this.hasher = Sm3Hasher.of(initMeta(config.hashAlgorithm()));
        this.verifier = new Verifier(this);
        if (schedule) {
            scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "zhifa-record");
                t.setDaemon(true);
                return t;
            });
            if (config.sthIntervalSeconds() > 0) {
                scheduler.scheduleWithFixedDelay(this::signIfGrown, config.sthIntervalSeconds(),
                        config.sthIntervalSeconds(), TimeUnit.SECONDS);
            }
            if (config.verifyIntervalSeconds() > 0) {
                scheduler.scheduleWithFixedDelay(verifier::scheduled, config.verifyIntervalSeconds(),
                        config.verifyIntervalSeconds(), TimeUnit.SECONDS);
            }
        } else {
            scheduler = null;
        }
    }

    @Deactivate
    void deactivate() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    @Reference(name = "contributors", service = VerificationContributor.class,
            cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unbindContributor")
    void bindContributor(ServiceReference<VerificationContributor> ref) {
        contributorRefs.putIfAbsent(ref, NOT_YET);
    }

    void unbindContributor(ServiceReference<VerificationContributor> ref) {
        VerificationContributor got = contributorRefs.remove(ref);
        BundleContext bc = bundleContext;
        if (got != null && got != NOT_YET && bc != null) {
            bc.ungetService(ref);
        }
    }

    /** Placeholder of a bound contributor not got yet. */
    private static final VerificationContributor NOT_YET = (referenced, purged, full, progress) -> {
        throw new IllegalStateException("not got");
    };

    /** For tests: a contributor outside OSGi. */
    void addContributor(VerificationContributor c) {
        contributors.add(c);
    }

    static String resolve(String path) {
        String etc = System.getProperty("karaf.etc", "etc");
        return path.replace("${karaf.etc}", etc);
    }

    /** Fixes the hash algorithm on first start and records the public key; returns the log's algorithm. */
    private String initMeta(String configured) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            Map<String, String> meta = meta(c);
            String stored = meta.get("hashAlgorithm");
            String algorithm;
            if (stored == null) {
                Sm3Hasher.of(configured);
                insertMeta(c, "hashAlgorithm", configured);
                algorithm = configured;
                LOG.info("the record's Merkle log hashes with {}", algorithm);
            } else {
                if (!stored.equals(configured)) {
                    LOG.error("hashAlgorithm = {} in {}.cfg is refused: the record's log was created with {} and keeps it",
                            configured, RecordConfig.PID, stored);
                }
                algorithm = stored;
            }
            if (!meta.containsKey("key." + key.keyId())) {
                insertMeta(c, "key." + key.keyId(), key.publicPem());
                LOG.info("the record signs tree heads with Ed25519 key {}", key.keyId());
            }
            c.commit();
            return algorithm;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare the record: " + e.getMessage(), e);
        }
    }

    static Map<String, String> meta(Connection c) throws SQLException {
        Map<String, String> meta = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT NAME, VAL FROM RECORD_META");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                meta.put(rs.getString(1), rs.getString(2));
            }
        }
        return meta;
    }

    private static void insertMeta(Connection c, String name, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO RECORD_META (NAME, VAL) VALUES (?, ?)")) {
            ps.setString(1, name);
            ps.setString(2, value);
            ps.executeUpdate();
        }
    }

    // ------------------------------------------------------------------ appends

    @Override
    public RecordEntry append(EntryDraft draft, Actor actor) {
        return appendAll(List.of(draft), actor).get(0);
    }

    @Override
    public List<RecordEntry> appendAll(List<EntryDraft> drafts, Actor actor) {
        List<Prepared> prepared = prepare(drafts, actor);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<RecordEntry> out = appendOn(c, prepared, actor);
                c.commit();
                committed.accumulateAndGet(out.get(out.size() - 1).seq() + 1, Math::max);
                return out;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    @Override
    public RecordEntry append(Connection transaction, EntryDraft draft, Actor actor) {
        List<Prepared> prepared = prepare(List.of(draft), actor);
        try {
            if (transaction.getAutoCommit()) {
                throw new IllegalArgumentException("append(Connection, …) needs a connection inside a transaction");
            }
            return appendOn(transaction, prepared, actor).get(0);
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    private static ZhifaException unavailable(SQLException e) {
        LOG.warn("record: {}", e.toString());
        return Errors.of(Kind.UNAVAILABLE, "RECORD_UNAVAILABLE", null, e.getMessage());
    }

    private record Prepared(EntryDraft draft, String payload, byte[] utf8, String evidence) {}

    /** Validates and canonicalises before anything is locked or written. */
    private List<Prepared> prepare(List<EntryDraft> drafts, Actor actor) {
        if (actor == null) {
            throw Errors.of(Kind.UNAUTHENTICATED, "RECORD_NO_ACTOR", null);
        }
        if (drafts == null || drafts.isEmpty() || drafts.stream().anyMatch(java.util.Objects::isNull)) {
            throw Errors.invalid("RECORD_NO_ENTRY", null);
        }
        length("actor", actor.user(), 128);
        List<Prepared> out = new ArrayList<>(drafts.size());
        for (EntryDraft d : drafts) {
            length("objectType", d.objectType(), 64);
            length("objectId", d.objectId(), 128);
            length("step", d.step(), 64);
            length("entryType", d.entryType(), 64);
            String payload;
            try {
                payload = CanonicalPayload.of(d.payload());
            } catch (IllegalArgumentException e) {
                throw Errors.invalid("RECORD_PAYLOAD_INVALID", "payload", e.getMessage());
            }
            byte[] utf8 = payload.getBytes(StandardCharsets.UTF_8);
            if (utf8.length > config.maxPayloadBytes()) {
                throw Errors.invalid("RECORD_PAYLOAD_TOO_LARGE", "payload", config.maxPayloadBytes());
            }
            if (d.evidenceHashes().size() > MAX_EVIDENCE) {
                throw Errors.invalid("RECORD_EVIDENCE_TOO_MANY", "evidenceHashes", MAX_EVIDENCE);
            }
            for (String h : d.evidenceHashes()) {
                if (h == null || !HASH.matcher(h).matches()) {
                    throw Errors.invalid("RECORD_EVIDENCE_HASH_INVALID", "evidenceHashes", h);
                }
            }
            if (d.corrects() != null && d.corrects() < 0) {
                throw Errors.invalid("RECORD_CORRECTS_UNKNOWN", "corrects", d.corrects());
            }
            out.add(new Prepared(d, payload, utf8, d.evidenceHashes().isEmpty() ? null : String.join(",", d.evidenceHashes())));
        }
        return out;
    }

    private static void length(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw Errors.invalid("RECORD_FIELD_TOO_LONG", field, field, max);
        }
    }

    private List<RecordEntry> appendOn(Connection c, List<Prepared> prepared, Actor actor) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("UPDATE RECORD_HEAD SET TREE_SIZE = TREE_SIZE WHERE ID = 1")) {
            lock.executeUpdate();
        }
        Head head = head(c);
        Frontier f = current(c, head);
        long size = f.size;
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<RecordEntry> entries = new ArrayList<>(prepared.size());
        byte[][] leaves = new byte[prepared.size()][];
        try (PreparedStatement ps = c.prepareStatement(INSERT_ENTRY)) {
            for (int i = 0; i < prepared.size(); i++) {
                Prepared p = prepared.get(i);
                EntryDraft d = p.draft();
                long seq = size + i;
                if (d.corrects() != null && d.corrects() >= seq) {
                    throw Errors.invalid("RECORD_CORRECTS_UNKNOWN", "corrects", d.corrects());
                }
                RecordEntry e = new RecordEntry(seq, at, bureau, d.objectType(), d.objectId(), d.step(), actor.user(),
                        d.entryType(), p.payload(), d.evidenceHashes(), d.corrects());
                leaves[i] = Merkle.leafHash(hasher, e.leafInput());
                entries.add(e);
                ps.setLong(1, seq);
                ps.setLong(2, at.toEpochMilli());
                ps.setString(3, bureau);
                ps.setString(4, d.objectType());
                ps.setString(5, d.objectId());
                ps.setString(6, d.step());
                ps.setString(7, actor.user());
                ps.setString(8, d.entryType());
                boolean inline = p.utf8().length <= INLINE_PAYLOAD_BYTES;
                ps.setString(9, inline ? null : p.payload());
                ps.setString(10, p.evidence());
                if (d.corrects() == null) {
                    ps.setNull(11, java.sql.Types.BIGINT);
                } else {
                    ps.setLong(11, d.corrects());
                }
                ps.setString(12, Merkle.hex(leaves[i]));
                ps.setBytes(13, inline ? p.utf8() : null);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        List<Object[]> nodes = new ArrayList<>();
        Frontier next = f.append(hasher, leaves, (level, index, hash) -> {
            if (TreeStore.stored(level)) {
                nodes.add(new Object[] {level, index, hash});
            }
        });
        if (!nodes.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO RECORD_NODE (LVL, IDX, HASH) VALUES (?, ?, ?)")) {
                for (Object[] n : nodes) {
                    ps.setInt(1, (Integer) n[0]);
                    ps.setLong(2, (Long) n[1]);
                    ps.setString(3, Merkle.hex((byte[]) n[2]));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        String root = Merkle.hex(next.root(hasher));
        try (PreparedStatement ps = c.prepareStatement("UPDATE RECORD_HEAD SET TREE_SIZE = ?, ROOT_HASH = ? WHERE ID = 1")) {
            ps.setLong(1, next.size);
            ps.setString(2, root);
            ps.executeUpdate();
        }
        frontier = next;
        return entries;
    }

    record Head(long size, String root) {}

    static Head head(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT TREE_SIZE, ROOT_HASH FROM RECORD_HEAD WHERE ID = 1");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("RECORD_HEAD has no row");
            }
            String root = rs.getString(2);
            return new Head(rs.getLong(1), root == null ? null : root.trim());
        }
    }

    /** The frontier of the head; reloaded from the stored tree unless it is the one this JVM computed last. */
    private Frontier current(Connection c, Head head) {
        Frontier f = frontier;
        if (f != null && f.size == head.size() && Merkle.hex(f.root(hasher)).equals(rootOr(head))) {
            return f;
        }
        f = Frontier.of(head.size(), TreeStore.source(hasher, c));
        String computed = Merkle.hex(f.root(hasher));
        if (!computed.equals(rootOr(head))) {
            LOG.error("RECORD_HEAD says root {} for {} entries, the stored tree gives {}: run zhifa:verify",
                    head.root(), head.size(), computed);
        }
        return f;
    }

    private String rootOr(Head head) {
        return head.root() == null ? Merkle.hex(Merkle.emptyRoot(hasher)) : head.root();
    }

    // ------------------------------------------------------------------ reads

    @Override
    public long size() {
        try (Connection c = dataSource.getConnection()) {
            return head(c).size();
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    @Override
    public Optional<RecordEntry> entry(long seq, Actor actor) {
        requireStaff(actor);
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT " + ENTRY_COLUMNS + " FROM RECORD_ENTRY WHERE SEQ = ?")) {
            ps.setLong(1, seq);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(entry(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    @Override
    public Page<RecordEntry> entries(String objectType, String objectId, int offset, int limit, Actor actor) {
        requireStaff(actor);
        if (objectType == null || objectType.isBlank() || objectId == null || objectId.isBlank()) {
            throw Errors.invalid("RECORD_OBJECT_REQUIRED", objectType == null || objectType.isBlank() ? "objectType" : "objectId");
        }
        if (offset < 0 || limit < 1 || limit > 1000) {
            throw Errors.invalid("RECORD_PAGE_INVALID", "limit");
        }
        try (Connection c = dataSource.getConnection()) {
            long total;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT COUNT(*) FROM RECORD_ENTRY WHERE OBJECT_TYPE = ? AND OBJECT_ID = ?")) {
                ps.setString(1, objectType);
                ps.setString(2, objectId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<RecordEntry> items = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + ENTRY_COLUMNS + " FROM RECORD_ENTRY "
                    + "WHERE OBJECT_TYPE = ? AND OBJECT_ID = ? ORDER BY SEQ OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")) {
                ps.setString(1, objectType);
                ps.setString(2, objectId);
                ps.setInt(3, offset);
                ps.setInt(4, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        items.add(entry(rs));
                    }
                }
            }
            return new Page<>(items, total, offset, limit);
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /** Reads the columns of {@link #ENTRY_COLUMNS}. */
    static RecordEntry entry(ResultSet rs) throws SQLException {
        long corrects = rs.getLong(11);
        Long corrected = rs.wasNull() ? null : corrects;
        return new RecordEntry(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), payload(rs),
                evidence(rs.getString(10)), corrected);
    }

    /** The payload of a row read with {@link #ENTRY_COLUMNS} (an empty string when both columns are null). */
    static String payload(ResultSet rs) throws SQLException {
        byte[] utf8 = rs.getBytes(9);
        if (utf8 != null) {
            return new String(utf8, StandardCharsets.UTF_8);
        }
        String clob = rs.getString(12);
        return clob == null ? "" : clob;
    }

    static List<String> evidence(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }

    @Override
    public String leafHash(long seq) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT LEAF_HASH FROM RECORD_ENTRY WHERE SEQ = ?")) {
            ps.setLong(1, seq);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw Errors.of(Kind.NOT_FOUND, "RECORD_SEQ_UNKNOWN", "seq", seq);
                }
                return rs.getString(1).trim();
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /** The committed size, read from the head unless {@code wanted} is known to be committed already. */
    private long committedSize(Connection c, long wanted) throws SQLException {
        long known = committed.get();
        if (wanted >= 0 && wanted <= known) {
            return known;
        }
        long size = head(c).size();
        return committed.accumulateAndGet(size, Math::max);
    }

    @Override
    public InclusionProof inclusion(long seq, long treeSize) {
        try (Connection c = dataSource.getConnection()) {
            long size = committedSize(c, treeSize);
            if (treeSize < 1 || treeSize > size) {
                throw Errors.invalid("RECORD_TREE_SIZE_INVALID", "size", treeSize, size);
            }
            if (seq < 0 || seq >= treeSize) {
                throw Errors.invalid("RECORD_SEQ_OUT_OF_RANGE", "seq", seq, treeSize);
            }
            Merkle.SubtreeSource source = TreeStore.proofSource(hasher, c, upper);
            List<byte[]> path = Merkle.inclusionProof(hasher, source, seq, treeSize);
            return new InclusionProof(seq, treeSize, Merkle.hex(source.perfect(0, seq)),
                    path.stream().map(Merkle::hex).toList());
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    @Override
    public ConsistencyProof consistency(long firstSize, long secondSize) {
        try (Connection c = dataSource.getConnection()) {
            long size = committedSize(c, secondSize);
            if (secondSize < 0 || secondSize > size) {
                throw Errors.invalid("RECORD_TREE_SIZE_INVALID", "second", secondSize, size);
            }
            if (firstSize < 0 || firstSize > secondSize) {
                throw Errors.invalid("RECORD_FIRST_SIZE_INVALID", "first", firstSize, secondSize);
            }
            List<byte[]> path = Merkle.consistencyProof(hasher, TreeStore.proofSource(hasher, c, upper), firstSize,
                    secondSize);
            return new ConsistencyProof(firstSize, secondSize, path.stream().map(Merkle::hex).toList());
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /** The root of the stored tree of {@code size} ≤ the current size (hex). */
    String rootAt(long size) {
        try (Connection c = dataSource.getConnection()) {
            return size == 0 ? Merkle.hex(Merkle.emptyRoot(hasher))
                    : Merkle.hex(Merkle.rangeRoot(hasher, TreeStore.source(hasher, c), 0, size));
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    // ------------------------------------------------------------------ tree heads

    @Override
    public SignedTreeHead latestTreeHead() {
        synchronized (signing) {
            try (Connection c = dataSource.getConnection()) {
                Head head = head(c);
                Optional<SignedTreeHead> last = latestStored(c);
                if (last.isPresent() && last.get().treeSize() >= head.size()) {
                    return last.get();
                }
                return sign(c, head);
            } catch (SQLException e) {
                throw unavailable(e);
            }
        }
    }

    private void signIfGrown() {
        try {
            latestTreeHead();
        } catch (RuntimeException e) {
            LOG.warn("record: cannot sign a tree head: {}", e.toString());
        }
    }

    private SignedTreeHead sign(Connection c, Head head) throws SQLException {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        SignedTreeHead unsigned = new SignedTreeHead(bureau, head.size(), now, rootOr(head), hasher.algorithm(),
                key.keyId(), "");
        SignedTreeHead sth = new SignedTreeHead(bureau, head.size(), now, rootOr(head), hasher.algorithm(), key.keyId(),
                key.sign(unsigned.signedBytes()));
        insertTreeHead(c, sth);
        return sth;
    }

    static void insertTreeHead(Connection c, SignedTreeHead sth) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO RECORD_STH (BUREAU, TREE_SIZE, AT_MILLIS, ROOT_HASH, "
                + "HASH_ALG, KEY_ID, SIGNATURE) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, sth.bureau());
            ps.setLong(2, sth.treeSize());
            ps.setLong(3, sth.timestamp().toEpochMilli());
            ps.setString(4, sth.rootHash());
            ps.setString(5, sth.hashAlgorithm());
            ps.setString(6, sth.keyId());
            ps.setString(7, sth.signature());
            ps.executeUpdate();
        }
    }

    static final String STH_COLUMNS = "BUREAU, TREE_SIZE, AT_MILLIS, ROOT_HASH, HASH_ALG, KEY_ID, SIGNATURE, ID";

    static SignedTreeHead treeHead(ResultSet rs) throws SQLException {
        return new SignedTreeHead(rs.getString(1), rs.getLong(2), Instant.ofEpochMilli(rs.getLong(3)),
                rs.getString(4).trim(), rs.getString(5), rs.getString(6).trim(), rs.getString(7));
    }

    private static Optional<SignedTreeHead> latestStored(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + STH_COLUMNS
                + " FROM RECORD_STH ORDER BY ID DESC FETCH FIRST 1 ROWS ONLY"); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(treeHead(rs)) : Optional.empty();
        }
    }

    @Override
    public Page<SignedTreeHead> treeHeads(int offset, int limit) {
        if (offset < 0 || limit < 1 || limit > 1000) {
            throw Errors.invalid("RECORD_PAGE_INVALID", "limit");
        }
        try (Connection c = dataSource.getConnection()) {
            long total;
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM RECORD_STH"); ResultSet rs = ps.executeQuery()) {
                rs.next();
                total = rs.getLong(1);
            }
            List<SignedTreeHead> items = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + STH_COLUMNS
                    + " FROM RECORD_STH ORDER BY ID DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")) {
                ps.setInt(1, offset);
                ps.setInt(2, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        items.add(treeHead(rs));
                    }
                }
            }
            return new Page<>(items, total, offset, limit);
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    @Override
    public String hashAlgorithm() {
        return hasher.algorithm();
    }

    @Override
    public String publicKeyPem() {
        return key.publicPem();
    }

    /** Every public key that signed tree heads of this log, by key id. */
    Map<String, PublicKey> publicKeys(Connection c) throws SQLException {
        Map<String, PublicKey> keys = new HashMap<>();
        for (Map.Entry<String, String> m : meta(c).entrySet()) {
            if (m.getKey().startsWith("key.")) {
                try {
                    keys.put(m.getKey().substring(4), SigningKey.publicKey(m.getValue()));
                } catch (GeneralSecurityException | IllegalArgumentException e) {
                    LOG.error("record: the public key {} in RECORD_META is unreadable", m.getKey());
                }
            }
        }
        return keys;
    }

    // ------------------------------------------------------------------ verification

    @Override
    public VerificationReport verify(VerificationProgress progress, Actor actor) {
        if (actor == null) {
            throw Errors.of(Kind.UNAUTHENTICATED, "RECORD_NO_ACTOR", null);
        }
        if (!actor.has(Roles.LEADER) && !actor.has(Roles.ADMIN)) {
            throw Errors.of(Kind.FORBIDDEN, "RECORD_VERIFY_FORBIDDEN", null);
        }
        return verifier.full(progress == null ? VerificationProgress.NONE : progress);
    }

    @Override
    public Optional<VerificationReport> lastVerification() {
        return verifier.last();
    }

    private static void requireStaff(Actor actor) {
        if (actor == null) {
            throw Errors.of(Kind.UNAUTHENTICATED, "RECORD_NO_ACTOR", null);
        }
        if (!actor.isStaff()) {
            throw Errors.of(Kind.FORBIDDEN, "RECORD_READ_FORBIDDEN", null);
        }
    }

    // for the verifier
    Verifier verifier() {
        return verifier;
    }

    DataSource dataSource() {
        return dataSource;
    }

    Merkle.Hasher hasher() {
        return hasher;
    }

    Clock clock() {
        return clock;
    }

    /** Every contributor, the OSGi ones got now (activating them if they are delayed) and kept until unbound. */
    List<VerificationContributor> contributors() {
        List<VerificationContributor> out = new ArrayList<>(contributors);
        BundleContext bc = bundleContext;
        if (bc != null) {
            for (ServiceReference<VerificationContributor> ref : contributorRefs.keySet()) {
                VerificationContributor c = contributorRefs.computeIfPresent(ref,
                        (r, held) -> held != NOT_YET ? held : bc.getService(r));
                if (c != null && c != NOT_YET) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    static String message(Locale locale, String key, Object... args) {
        return Errors.text(locale, key, args);
    }
}
