package org.zhifa.evidence.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhifa.api.common.Actor;
import org.zhifa.api.common.Roles;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.evidence.AvCoverage;
import org.zhifa.api.evidence.AvInterruption;
import org.zhifa.api.evidence.Device;
import org.zhifa.api.evidence.EvidenceDraft;
import org.zhifa.api.evidence.EvidenceItem;
import org.zhifa.api.evidence.EvidenceRetention;
import org.zhifa.api.evidence.EvidenceService;
import org.zhifa.api.evidence.UploadSession;
import org.zhifa.api.kind.AvRule;
import org.zhifa.api.record.EntryDraft;
import org.zhifa.api.record.Problem;
import org.zhifa.api.record.RecordEntry;
import org.zhifa.api.record.RecordService;
import org.zhifa.api.record.VerificationContributor;
import org.zhifa.api.record.VerificationProgress;

/**
 * The evidence store. Files are hashed while streamed to the store's temp folder, then moved into place
 * and recorded; each upload, device change, interruption, hold and purge appends its record entry in the
 * same transaction as its own row. Placing a file and committing its row happen under one lock, so a
 * placement whose transaction fails is undone without touching a file another item refers to.
 */
class EvidenceServiceImpl implements EvidenceService, EvidenceRetention, VerificationContributor {

    private static final Logger LOG = LoggerFactory.getLogger(EvidenceServiceImpl.class);
    static final Actor SYSTEM = new Actor("system", Set.of(Roles.ADMIN));

    /** Settings read from {@link EvidenceConfig} and the retention keys. */
    record Settings(Path root, long maxBytes, Duration uploadExpiry, int clockCheckDays, boolean clockRefuse,
                    Duration gapTolerance, Retention retention, int purgeIntervalHours) {

        static Settings of(EvidenceConfig c, Map<String, ?> properties) {
            String root = c.root().replace("${karaf.data}", System.getProperty("karaf.data", "data"));
            String policy = c.clockCheckPolicy().trim().toLowerCase(Locale.ROOT);
            if (!policy.equals("refuse") && !policy.equals("warn")) {
                throw new IllegalArgumentException("clockCheckPolicy must be refuse or warn, got " + policy);
            }
            if (c.maxBytes() <= 0) {
                throw new IllegalArgumentException("maxBytes must be positive");
            }
            return new Settings(Path.of(root), c.maxBytes(), Duration.ofHours(Math.max(1, c.uploadExpiryHours())),
                    c.clockCheckDays(), policy.equals("refuse"), Duration.ofSeconds(Math.max(0, c.gapToleranceSeconds())),
                    Retention.of(properties), c.purgeIntervalHours());
        }
    }

    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    private final DataSource dataSource;
    private final RecordService record;
    private final CaseLookup cases;
    private final Settings settings;
    private final Tables tables;
    private final ContentStore store;
    private final Uploads uploads;
    private final ReentrantLock placing = new ReentrantLock();
    private final Map<String, Object> uploadLocks = new ConcurrentHashMap<>();
    private volatile Hasher hasher;
    private ScheduledExecutorService scheduler;

    EvidenceServiceImpl(DataSource dataSource, RecordService record, CaseLookup cases, String bureau, Settings settings) {
        this.dataSource = dataSource;
        this.record = record;
        this.cases = cases;
        this.settings = settings;
        this.tables = new Tables(bureau);
        this.store = new ContentStore(settings.root());
        this.uploads = new Uploads(store.uploads());
    }

    /** Starts the housekeeping: abandoned uploads every hour, the purge when configured. */
    void startSchedule() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "zhifa-evidence-housekeeping");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(this::cleanQuietly, 0, 1, TimeUnit.HOURS);
        if (settings.purgeIntervalHours() > 0) {
            scheduler.scheduleWithFixedDelay(() -> {
                try {
                    PurgeResult r = purge(false, SYSTEM);
                    LOG.info("Scheduled evidence purge: {} files, {} bytes, {} held", r.hashes().size(), r.bytes(),
                            r.heldSkipped());
                } catch (RuntimeException e) {
                    LOG.error("Scheduled evidence purge failed", e);
                }
            }, settings.purgeIntervalHours(), settings.purgeIntervalHours(), TimeUnit.HOURS);
        }
    }

    void stopSchedule() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    private void cleanQuietly() {
        try {
            int n = cleanAbandoned(Instant.now());
            if (n > 0) {
                LOG.info("Removed {} abandoned evidence uploads", n);
            }
        } catch (RuntimeException e) {
            LOG.warn("Cleaning abandoned evidence uploads failed", e);
        }
    }

    /** Removes uploads and temp files untouched for the configured time before {@code now}. */
    int cleanAbandoned(Instant now) {
        return store.clean(now.minus(settings.uploadExpiry()));
    }

    ContentStore store() {
        return store;
    }

    private Hasher hasher() {
        Hasher h = hasher;
        if (h == null) {
            h = Hasher.of(record.hashAlgorithm());
            hasher = h;
        }
        return h;
    }

    // --- storing

    @Override
    public EvidenceItem store(EvidenceDraft draft, InputStream content, Actor actor) {
        writer(actor);
        EvidenceDraft d = Validation.draft(draft);
        boolean clockOverdue = checkReferences(d);
        if (content == null) {
            throw Messages.invalid("evidence.content.missing", "content");
        }
        ContentStore.Written w = store.write(content, settings.maxBytes(), hasher());
        if (w.size() == 0) {
            ContentStore.delete(w.temp());
            throw Messages.invalid("evidence.content.empty", "content");
        }
        return commit(w.temp(), w.hash(), w.size(), d, clockOverdue, actor);
    }

    @Override
    public UploadSession startUpload(EvidenceDraft draft, long totalSize, Actor actor) {
        writer(actor);
        EvidenceDraft d = Validation.draft(draft);
        checkReferences(d);
        if (totalSize <= 0) {
            throw Messages.invalid("evidence.content.empty", "totalSize");
        }
        if (totalSize > settings.maxBytes()) {
            throw ContentStore.tooLarge(settings.maxBytes());
        }
        return uploads.start(d, totalSize, actor.user(), Instant.now());
    }

    @Override
    public UploadSession appendChunk(String uploadId, long offset, InputStream chunk, Actor actor) {
        writer(actor);
        synchronized (lock(uploadId)) {
            UploadSession s = uploads.session(uploadId).orElseThrow(() -> Uploads.notFound(uploadId));
            if (offset != s.received()) {
                throw Messages.error(ZhifaException.Kind.CONFLICT, "evidence.upload.offset", "offset", offset,
                        s.received());
            }
            if (chunk == null) {
                throw Messages.invalid("evidence.content.missing", "content");
            }
            uploads.append(uploadId, s.received(), s.totalSize(), chunk, settings.maxBytes());
            return uploads.session(uploadId).orElseThrow(() -> Uploads.notFound(uploadId));
        }
    }

    @Override
    public Optional<UploadSession> upload(String uploadId, Actor actor) {
        reader(actor);
        return uploads.session(uploadId);
    }

    @Override
    public EvidenceItem finishUpload(String uploadId, String expectedHash, Actor actor) {
        writer(actor);
        String expected = expectedHash == null || expectedHash.isBlank() ? null
                : expectedHash.trim().toLowerCase(Locale.ROOT);
        if (expected != null && !Hasher.looksLikeHash(expected)) {
            throw Messages.invalid("evidence.hash.invalid", "hash");
        }
        synchronized (lock(uploadId)) {
            UploadSession s = uploads.session(uploadId).orElseThrow(() -> Uploads.notFound(uploadId));
            if (s.received() != s.totalSize()) {
                throw Messages.error(ZhifaException.Kind.CONFLICT, "evidence.upload.incomplete", "uploadId",
                        s.received(), s.totalSize());
            }
            String hash = store.hash(uploads.data(uploadId), hasher());
            if (expected != null && !expected.equals(hash)) {
                uploads.remove(uploadId);
                throw Messages.invalid("evidence.hash.mismatch", "hash", expected, hash);
            }
            EvidenceDraft d = Validation.draft(s.draft());
            boolean clockOverdue = checkReferences(d);
            EvidenceItem item = commit(uploads.data(uploadId), hash, s.totalSize(), d, clockOverdue, actor);
            uploads.remove(uploadId);
            uploadLocks.remove(uploadId);
            return item;
        }
    }

    private Object lock(String uploadId) {
        return uploadLocks.computeIfAbsent(uploadId == null ? "" : uploadId, k -> new Object());
    }

    /** Places the file and records it; undoes a new placement if the rows do not commit. */
    private EvidenceItem commit(Path temp, String hash, long size, EvidenceDraft d, boolean clockOverdue, Actor actor) {
        placing.lock();
        try {
            boolean placed = store.place(temp, hash);
            try {
                return tx(c -> {
                    long id = tables.nextId(c);
                    String payload = Payload.of("id", id, "caseId", d.caseId(), "step", d.step(), "fileName",
                            d.fileName(), "mediaType", d.mediaType(), "size", size, "hash", hash, "hashAlgorithm",
                            hasher().algorithm(), "deviceId", d.deviceId(), "place", d.place(), "recordedFrom",
                            d.recordedFrom(), "recordedTo", d.recordedTo(), "note", d.note(), "deduplicated", !placed,
                            "clockCheckOverdue", clockOverdue);
                    RecordEntry e = record.append(c, new EntryDraft("evidence", Long.toString(id), d.step(),
                            "evidence.stored", payload, List.of(hash), null), actor);
                    tables.insertItem(c, id, hash, hasher().algorithm(), size, d, actor.user(), e.at(), e.seq());
                    return new EvidenceItem(id, hash, size, d.fileName(), d.mediaType(), d.caseId(), d.step(),
                            d.deviceId(), d.place(), d.recordedFrom(), d.recordedTo(), d.note(), actor.user(), e.at(),
                            e.seq(), false);
                });
            } catch (RuntimeException e) {
                if (placed) {
                    store.remove(hash);
                }
                throw e;
            }
        } finally {
            placing.unlock();
        }
    }

    /** The case must exist and the device be registered and in service; returns whether its clock check is overdue. */
    private boolean checkReferences(EvidenceDraft d) {
        if (d.caseId() != null) {
            caseInfo(d.caseId());
        }
        if (d.deviceId() == null) {
            return false;
        }
        Device device = read(c -> tables.device(c, d.deviceId())).orElseThrow(
                () -> Messages.invalid("evidence.device.unknown", "deviceId", d.deviceId()));
        if (device.status() != Device.Status.ACTIVE) {
            throw Messages.invalid("evidence.device.inactive", "deviceId", d.deviceId(), device.status().name());
        }
        if (settings.clockCheckDays() <= 0) {
            return false;
        }
        boolean overdue = device.clockCheckedAt() == null
                || device.clockCheckedAt().plus(Duration.ofDays(settings.clockCheckDays())).isBefore(Instant.now());
        if (overdue && settings.clockRefuse()) {
            throw Messages.invalid("evidence.device.clock", "deviceId", d.deviceId(), settings.clockCheckDays());
        }
        return overdue;
    }

    private CaseLookup.CaseInfo caseInfo(long caseId) {
        if (!cases.available()) {
            throw Messages.error(ZhifaException.Kind.UNAVAILABLE, "evidence.cases.unavailable", "caseId");
        }
        return cases.find(caseId).orElseThrow(() -> Messages.invalid("evidence.case.unknown", "caseId", caseId));
    }

    // --- reading

    @Override
    public Optional<EvidenceItem> find(long id, Actor actor) {
        reader(actor);
        return read(c -> tables.item(c, id));
    }

    @Override
    public List<EvidenceItem> ofCase(long caseId, Actor actor) {
        reader(actor);
        return read(c -> tables.ofCase(c, caseId));
    }

    @Override
    public void copy(long id, long from, long to, OutputStream out, Actor actor) {
        EvidenceItem item = find(id, actor).orElseThrow(() -> notFound(id));
        if (item.purged()) {
            throw Messages.error(ZhifaException.Kind.NOT_FOUND, "evidence.purged", null, id);
        }
        if (!store.exists(item.hash())) {
            throw Messages.error(ZhifaException.Kind.NOT_FOUND, "evidence.file.missing", null, id);
        }
        long last = to < 0 ? item.size() - 1 : to;
        if (from < 0 || from > last || last >= item.size()) {
            throw Messages.invalid("evidence.range.invalid", "range", from, to, item.size());
        }
        try {
            store.copy(item.hash(), from, last, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ZhifaException notFound(long id) {
        return Messages.error(ZhifaException.Kind.NOT_FOUND, "evidence.unknown", null, id);
    }

    // --- audio/video

    @Override
    public AvInterruption recordInterruption(long caseId, String step, Instant from, Instant to, String reason,
                                             Actor actor) {
        writer(actor);
        if (step == null || !Validation.STEP.matcher(step).matches()) {
            throw Messages.invalid("evidence.step.invalid", "step", step == null ? "" : Validation.shorten(step));
        }
        if (from == null || to == null || !to.isAfter(from)) {
            throw Messages.invalid("evidence.interruption.span", "to");
        }
        String why = Validation.required(reason, "reason", 2000);
        caseInfo(caseId);
        return tx(c -> {
            long id = tables.nextId(c);
            RecordEntry e = record.append(c, new EntryDraft("case", Long.toString(caseId), step, "av.interruption",
                    Payload.of("interruption", id, "from", from, "to", to, "reason", why), List.of(), null), actor);
            AvInterruption x = new AvInterruption(id, caseId, step, from, to, why, actor.user(), e.at(), e.seq());
            tables.insertInterruption(c, x);
            return x;
        });
    }

    @Override
    public List<AvInterruption> interruptions(long caseId, Actor actor) {
        reader(actor);
        return read(c -> tables.interruptions(c, caseId));
    }

    @Override
    public AvCoverage coverage(long caseId, String step, AvRule rule) {
        if (step == null) {
            throw Messages.invalid("evidence.step.missing", "step");
        }
        List<EvidenceItem> items = read(c -> tables.ofCase(c, caseId));
        List<AvInterruption> reasons = read(c -> tables.interruptions(c, caseId));
        return Coverage.check(caseId, step, rule, items, reasons, settings.gapTolerance());
    }

    // --- devices

    @Override
    public List<Device> devices(boolean includeRetired, Actor actor) {
        reader(actor);
        return read(tables::devices).stream()
                .filter(d -> includeRetired || d.status() != Device.Status.RETIRED).toList();
    }

    @Override
    public Optional<Device> device(String id, Actor actor) {
        reader(actor);
        if (id == null || !Validation.DEVICE_ID.matcher(id).matches()) {
            return Optional.empty();
        }
        return read(c -> tables.device(c, id));
    }

    @Override
    public Device saveDevice(Device device, Actor actor) {
        if (actor == null) {
            throw Messages.error(ZhifaException.Kind.UNAUTHENTICATED, "evidence.unauthenticated", null);
        }
        if (!actor.has(Roles.ADMIN)) {
            throw Messages.error(ZhifaException.Kind.FORBIDDEN, "evidence.forbidden.device", null);
        }
        Device d = Validation.device(device);
        placing.lock();
        try {
            return tx(c -> {
                Optional<Device> current = tables.device(c, d.id());
                if (current.isPresent()) {
                    Device cur = current.get();
                    if (d.revision() > 0 && d.revision() != cur.revision()) {
                        throw Messages.error(ZhifaException.Kind.CONFLICT, "evidence.device.stale", "revision",
                                d.revision(), cur.revision());
                    }
                    if (cur.status() == Device.Status.RETIRED) {
                        throw Messages.error(ZhifaException.Kind.CONFLICT, "evidence.device.retired", "status", d.id());
                    }
                    if (same(cur, d)) {
                        return cur;
                    }
                }
                int revision = current.map(x -> x.revision() + 1).orElse(1);
                RecordEntry e = record.append(c, new EntryDraft("device", d.id(), null, "device.changed",
                        Payload.of("id", d.id(), "revision", revision, "type", d.type(), "model", d.model(), "holder",
                                d.holder(), "status", d.status().name(), "clockCheckedAt", d.clockCheckedAt(), "note",
                                d.note()), List.of(), null), actor);
                tables.insertDevice(c, d, revision, actor.user(), e.at(), e.seq());
                return new Device(d.id(), d.type(), d.model(), d.holder(), d.status(), d.clockCheckedAt(), d.note(),
                        revision, actor.user(), e.at());
            });
        } finally {
            placing.unlock();
        }
    }

    private static boolean same(Device a, Device b) {
        return a.type().equals(b.type()) && java.util.Objects.equals(a.model(), b.model())
                && java.util.Objects.equals(a.holder(), b.holder()) && a.status() == b.status()
                && java.util.Objects.equals(a.clockCheckedAt(), b.clockCheckedAt())
                && java.util.Objects.equals(a.note(), b.note());
    }

    @Override
    public List<Device> deviceHistory(String id, Actor actor) {
        reader(actor);
        if (id == null || !Validation.DEVICE_ID.matcher(id).matches()) {
            return List.of();
        }
        return read(c -> tables.history(c, id));
    }

    // --- retention

    @Override
    public LegalHold setHold(long caseId, String reason, Actor actor) {
        return changeHold(caseId, true, reason, actor);
    }

    @Override
    public LegalHold clearHold(long caseId, String reason, Actor actor) {
        return changeHold(caseId, false, reason, actor);
    }

    private LegalHold changeHold(long caseId, boolean held, String reason, Actor actor) {
        if (actor == null) {
            throw Messages.error(ZhifaException.Kind.UNAUTHENTICATED, "evidence.unauthenticated", null);
        }
        if (!actor.has(Roles.LEADER) && !actor.has(Roles.ADMIN)) {
            throw Messages.error(ZhifaException.Kind.FORBIDDEN, "evidence.forbidden.hold", null);
        }
        String why = Validation.required(reason, "reason", 2000);
        caseInfo(caseId);
        placing.lock();
        try {
            return tx(c -> {
                boolean now = tables.hold(c, caseId).map(LegalHold::held).orElse(false);
                if (now == held) {
                    throw Messages.error(ZhifaException.Kind.CONFLICT, held ? "evidence.hold.already"
                            : "evidence.hold.none", null, caseId);
                }
                long id = tables.nextId(c);
                RecordEntry e = record.append(c, new EntryDraft("case", Long.toString(caseId), null,
                        held ? "evidence.hold" : "evidence.hold.cleared", Payload.of("held", held, "reason", why),
                        List.of(), null), actor);
                LegalHold h = new LegalHold(caseId, held, why, actor.user(), e.at(), e.seq());
                tables.insertHold(c, id, h);
                return h;
            });
        } finally {
            placing.unlock();
        }
    }

    @Override
    public Optional<LegalHold> hold(long caseId, Actor actor) {
        reader(actor);
        return read(c -> tables.hold(c, caseId));
    }

    @Override
    public PurgeResult purge(boolean dryRun, Actor actor) {
        if (actor == null) {
            throw Messages.error(ZhifaException.Kind.UNAUTHENTICATED, "evidence.unauthenticated", null);
        }
        if (!actor.has(Roles.ADMIN)) {
            throw Messages.error(ZhifaException.Kind.FORBIDDEN, "evidence.forbidden.purge", null);
        }
        Instant now = Instant.now();
        placing.lock();
        try {
            List<EvidenceItem> live = read(tables::all).stream().filter(i -> !i.purged()).toList();
            Map<Long, Optional<CaseLookup.CaseInfo>> caseCache = new HashMap<>();
            Map<Long, Boolean> holdCache = new HashMap<>();
            Map<String, List<EvidenceItem>> byHash = new LinkedHashMap<>();
            for (EvidenceItem i : live) {
                byHash.computeIfAbsent(i.hash(), k -> new ArrayList<>()).add(i);
            }
            List<String> gone = new ArrayList<>();
            long bytes = 0;
            int held = 0;
            for (Map.Entry<String, List<EvidenceItem>> e : byHash.entrySet()) {
                boolean allExpired = true;
                boolean anyHeld = false;
                for (EvidenceItem i : e.getValue()) {
                    allExpired &= expired(i, now, caseCache);
                    if (i.caseId() != null) {
                        anyHeld |= holdCache.computeIfAbsent(i.caseId(),
                                id -> read(c -> tables.hold(c, id)).map(LegalHold::held).orElse(false));
                    }
                }
                if (!allExpired) {
                    continue;
                }
                if (anyHeld) {
                    held++;
                    continue;
                }
                String hash = e.getKey();
                long size = e.getValue().get(0).size();
                if (!dryRun) {
                    List<Long> ids = e.getValue().stream().map(EvidenceItem::id).toList();
                    tx(c -> {
                        long id = tables.nextId(c);
                        RecordEntry entry = record.append(c, new EntryDraft("evidence", hash, null, "evidence.purged",
                                Payload.of("items", ids, "size", size, "reason", "retention"), List.of(hash), null),
                                actor);
                        tables.insertPurge(c, id, hash, size, actor.user(), entry.at(), entry.seq());
                        return entry;
                    });
                    store.remove(hash);
                }
                gone.add(hash);
                bytes += size;
            }
            return new PurgeResult(dryRun, gone, bytes, held);
        } finally {
            placing.unlock();
        }
    }

    /** Past retention: counted from the case's closing (an open or unknown case never expires), else from upload. */
    private boolean expired(EvidenceItem i, Instant now, Map<Long, Optional<CaseLookup.CaseInfo>> cache) {
        if (i.caseId() == null) {
            return settings.retention().expired(null, i.uploadedAt(), now);
        }
        if (!cases.available()) {
            return false;
        }
        Optional<CaseLookup.CaseInfo> info = cache.computeIfAbsent(i.caseId(), cases::find);
        return info.filter(x -> x.closedAt() != null)
                .map(x -> settings.retention().expired(x.kind(), x.closedAt(), now)).orElse(false);
    }

    // --- verification

    @Override
    public Result verify(Set<String> referenced, Set<String> purged, boolean full, VerificationProgress progress) {
        List<Problem> problems = new ArrayList<>();
        Set<String> hashes = new LinkedHashSet<>(referenced);
        long total = hashes.size();
        long done = 0;
        VerificationProgress p = progress == null ? VerificationProgress.NONE : progress;
        for (String hash : hashes) {
            done++;
            if (!Hasher.looksLikeHash(hash)) {
                problems.add(new Problem(Problem.Type.EVIDENCE_MISSING, -1, hash,
                        Messages.zh("verify.malformed", hash), Messages.en("verify.malformed", hash)));
                continue;
            }
            Path path = store.path(hash);
            if (!store.exists(hash)) {
                if (!purged.contains(hash)) {
                    long seq = read(c -> tables.firstSeq(c, hash));
                    problems.add(new Problem(Problem.Type.EVIDENCE_MISSING, seq, path.toString(),
                            Messages.zh("verify.missing", path, seq), Messages.en("verify.missing", path, seq)));
                }
            } else {
                String actual = store.hash(path, hasher());
                if (!actual.equals(hash)) {
                    long seq = read(c -> tables.firstSeq(c, hash));
                    problems.add(new Problem(Problem.Type.EVIDENCE_CHANGED, seq, path.toString(),
                            Messages.zh("verify.changed", path, seq, actual), Messages.en("verify.changed", path, seq, actual)));
                }
            }
            p.progress(done, total, "evidence");
        }
        return new Result(total, problems);
    }

    // --- plumbing

    private static void reader(Actor actor) {
        if (actor == null) {
            throw Messages.error(ZhifaException.Kind.UNAUTHENTICATED, "evidence.unauthenticated", null);
        }
        if (!actor.isStaff()) {
            throw Messages.error(ZhifaException.Kind.FORBIDDEN, "evidence.forbidden.read", null);
        }
    }

    private static void writer(Actor actor) {
        if (actor == null) {
            throw Messages.error(ZhifaException.Kind.UNAUTHENTICATED, "evidence.unauthenticated", null);
        }
        if (!actor.has(Roles.OFFICER) && !actor.has(Roles.LEADER)) {
            throw Messages.error(ZhifaException.Kind.FORBIDDEN, "evidence.forbidden.write", null);
        }
    }

    private <T> T read(SqlWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw database(e);
        }
    }

    private <T> T tx(SqlWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw database(e);
        }
    }

    private static ZhifaException database(SQLException e) {
        LOG.error("Evidence database failure", e);
        return Messages.error(ZhifaException.Kind.UNAVAILABLE, "evidence.database", null);
    }
}
