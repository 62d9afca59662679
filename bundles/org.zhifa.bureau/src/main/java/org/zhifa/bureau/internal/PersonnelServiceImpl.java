package org.zhifa.bureau.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.OptimisticLockException;
import javax.persistence.PersistenceException;
import javax.persistence.TypedQuery;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhifa.api.common.Actor;
import org.zhifa.api.common.Page;
import org.zhifa.api.common.Roles;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.common.ZhifaException.Kind;
import org.zhifa.api.personnel.ImportResult;
import org.zhifa.api.personnel.Officer;
import org.zhifa.api.personnel.OfficerChange;
import org.zhifa.api.personnel.OfficerDraft;
import org.zhifa.api.personnel.OfficerQuery;
import org.zhifa.api.personnel.PersonnelService;
import org.zhifa.api.personnel.PublicCertificate;
import org.zhifa.api.record.EntryDraft;
import org.zhifa.api.record.RecordService;
import org.zhifa.api.schema.SchemaMigrator;

/**
 * The personnel register on JPA. Every write also appends a row to OFFICER_HISTORY and, last in the
 * same transaction and on the same connection, an entry to the whole-process record (R1).
 */
@Component(service = PersonnelService.class, configurationPid = BureauConfig.PID)
public class PersonnelServiceImpl implements PersonnelService {
    static final long MAX_IMPORT_BYTES = 64L * 1024 * 1024;
    private static final int FLUSH_EVERY = 200;

    private final JpaTemplate jpa;
    private final RecordService record;
    private final String bureau;
    private final List<String> categories;
    private final CertificateRules rules;
    private final OfficerValidator validator;
    private final ZoneId zone;
    private final Clock clock;
    /**
     * What reads remember between writes through this service: totals per filter, the sorted ids of a
     * whole filter, the ids of pages, rows by id and finished pages.
     * A write replaces the whole object after its commit, so a read that began before the write puts
     * its results into a discarded one and can never serve them.
     */
    private volatile ReadCache cache = new ReadCache();

    private static final class ReadCache {
        static final int MAX_COUNTS = 1000;
        static final int MAX_ROWS = 20_000;
        static final int MAX_PAGES = 2000;
        static final int MAX_RESULTS = 256;
        static final int MAX_ORDERS = 16;
        static final int MAX_ORDER_IDS = 500_000;
        final Map<String, Long> counts = new ConcurrentHashMap<>();
        final Map<String, List<Long>> pages = new ConcurrentHashMap<>();
        final Map<Long, OfficerEntity> rows = new ConcurrentHashMap<>();
        /** Every id of a filter in sort order: a deep page is a slice of it instead of an OFFSET scan. */
        final Map<String, long[]> orders = new ConcurrentHashMap<>();
        /** Pages as returned: the same instance until the next write, so callers may cache what they derive. */
        final Map<String, Page<Officer>> results = new ConcurrentHashMap<>();
    }

    /** Pages this close to the start are read with OFFSET/FETCH; deeper ones load the filter's whole order once. */
    static final int SHALLOW = 1000;
    /** Marks a filter with too many ids to keep in memory: its deep pages use OFFSET/FETCH. */
    private static final long[] TOO_MANY = new long[0];

    @Activate
    public PersonnelServiceImpl(@Reference(target = "(osgi.unit.name=zhifa-bureau)") JpaTemplate jpa,
                                @Reference SchemaMigrator migrator, @Reference RecordService record,
                                BureauConfig config, BundleContext context) {
        this(jpa, record, config);
        migrator.migrate("bureau", context.getBundle());
    }

    /** For tests: the unit's schema is already there. */
    PersonnelServiceImpl(JpaTemplate jpa, RecordService record, BureauConfig config) {
        this.jpa = jpa;
        this.record = record;
        this.bureau = config.code();
        // a .cfg value "a,b,c" arrives as one string: split it
        this.categories = Arrays.stream(config.categories()).flatMap(c -> Arrays.stream(c.split("[,，]")))
                .map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
        this.rules = new CertificateRules(config.certificateWarningDays());
        this.validator = new OfficerValidator(categories);
        this.zone = ZoneId.of(config.zone());
        this.clock = Clock.system(zone);
    }

    @Override
    public Officer create(OfficerDraft draft, Actor actor) {
        requireAdmin(actor);
        OfficerDraft d = validator.validate(draft);
        return write(() -> jpa.txExpr(TransactionType.Required, em -> {
            requireUniqueCertificate(em, d.certificateNo(), null);
            OfficerEntity e = insert(em, d, actor, Instant.now(clock), "CREATE", null);
            append(em, List.of(entry(e, "officer.created", Map.of("via", "create"))), actor);
            return toOfficer(e);
        }));
    }

    @Override
    public Officer update(long id, OfficerDraft draft, long expectedVersion, Actor actor) {
        requireAdmin(actor);
        OfficerDraft d = validator.validate(draft);
        return write(() -> jpa.txExpr(TransactionType.Required, em -> {
            OfficerEntity e = load(em, id);
            if (expectedVersion >= 0 && e.version != expectedVersion) {
                throw Errors.of(Kind.CONFLICT, "VERSION_CONFLICT", "version", expectedVersion, e.version);
            }
            if (!e.active) {
                throw Errors.of(Kind.CONFLICT, "OFFICER_INACTIVE", null, id);
            }
            requireUniqueCertificate(em, d.certificateNo(), id);
            Map<String, Object> before = snapshot(e);
            apply(e, d);
            touch(e, actor);
            em.flush();
            Map<String, Object> after = history(em, e, actor, "UPDATE", null);
            Map<String, Object> changes = new TreeMap<>();
            after.forEach((field, value) -> {
                if (!Objects.equals(String.valueOf(before.get(field)), String.valueOf(value))) {
                    changes.put(field, Map.of("from", String.valueOf(before.get(field)), "to", String.valueOf(value)));
                }
            });
            append(em, List.of(entry(e, "officer.changed", Map.of("changes", changes))), actor);
            return toOfficer(e);
        }));
    }

    @Override
    public Officer deactivate(long id, String reason, Actor actor) {
        requireAdmin(actor);
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw Errors.invalid("FIELD_REQUIRED", "reason", "reason");
        }
        if (why.length() > 500) {
            throw Errors.invalid("FIELD_TOO_LONG", "reason", "reason", 500);
        }
        return write(() -> jpa.txExpr(TransactionType.Required, em -> {
            OfficerEntity e = load(em, id);
            if (!e.active) {
                throw Errors.of(Kind.CONFLICT, "OFFICER_INACTIVE", null, id);
            }
            e.active = false;
            touch(e, actor);
            em.flush();
            history(em, e, actor, "DEACTIVATE", why);
            append(em, List.of(entry(e, "officer.deactivated", Map.of("reason", why))), actor);
            return toOfficer(e);
        }));
    }

    @Override
    public Optional<Officer> find(long id, Actor actor) {
        requireStaff(actor);
        return jpa.txExpr(TransactionType.Required, em -> {
            OfficerEntity e = em.find(OfficerEntity.class, id);
            return e == null || !bureau.equals(e.bureau) ? Optional.<Officer>empty() : Optional.of(toOfficer(e));
        });
    }

    @Override
    public Page<Officer> list(OfficerQuery q, Actor actor) {
        requireStaff(actor);
        OfficerQuery query = checked(q);
        LocalDate today = LocalDate.now(clock);
        Map<String, Object> params = new HashMap<>();
        String where = where(query, today, params);
        String order = " order by o." + query.sort() + (query.ascending() ? " asc" : " desc")
                + (query.sort().equals("id") ? "" : ", o.id" + (query.ascending() ? " asc" : " desc"));
        ReadCache c = cache;
        String filterKey = where + "|" + new TreeMap<>(params);
        String orderKey = filterKey + order;
        String pageKey = orderKey + "|" + query.offset() + "|" + query.limit();
        // the status of a certificate depends on the day: a finished page is valid for one day at most
        String resultKey = pageKey + "|" + today;
        Page<Officer> known = c.results.get(resultKey);
        if (known != null) {
            return known;
        }
        // a page whose ids and rows some read since the last write has loaded is answered from memory
        List<Long> knownIds = idsInMemory(c, query, orderKey, pageKey);
        Long knownTotal = c.counts.get(filterKey);
        Page<Officer> page;
        if (knownIds != null && knownTotal != null && knownIds.stream().allMatch(c.rows::containsKey)) {
            page = new Page<>(knownIds.stream().map(id -> toOfficer(c.rows.get(id), today)).toList(), knownTotal,
                    query.offset(), query.limit());
        } else {
            page = jpa.txExpr(TransactionType.Required, em -> {
                List<Long> ids = knownIds != null ? knownIds
                        : readIds(em, c, query, where, order, params, filterKey, orderKey, pageKey);
                Map<Long, OfficerEntity> rows = rows(em, c, ids);
                List<Officer> items = ids.stream().map(rows::get).filter(Objects::nonNull)
                        .map(e -> toOfficer(e, today)).toList();
                long total;
                if (query.offset() == 0 && items.size() < query.limit()) {
                    total = items.size();
                    remember(c, filterKey, total);
                } else {
                    total = count(em, c, filterKey, where, params);
                }
                return new Page<>(items, total, query.offset(), query.limit());
            });
        }
        if (c.results.size() < ReadCache.MAX_RESULTS) {
            Page<Officer> first = c.results.putIfAbsent(resultKey, page);
            return first != null ? first : page;
        }
        return page;
    }

    /** The ids of a page if memory knows them: a slice of the filter's order or an earlier identical page. */
    private static List<Long> idsInMemory(ReadCache c, OfficerQuery query, String orderKey, String pageKey) {
        long[] all = c.orders.get(orderKey);
        if (all != null && all != TOO_MANY) {
            return slice(all, query.offset(), query.limit());
        }
        return c.pages.get(pageKey);
    }

    private static List<Long> slice(long[] all, int offset, int limit) {
        int from = Math.min(offset, all.length);
        int to = (int) Math.min((long) from + limit, all.length);
        Long[] ids = new Long[to - from];
        for (int i = from; i < to; i++) {
            ids[i - from] = all[i];
        }
        return List.of(ids);
    }

    /**
     * A shallow page reads its ids from an index ending in ID with OFFSET/FETCH; a deep page would make
     * the database walk the index up to the offset every time, so the filter's whole order is read once
     * (and gives its total), and this and later pages are slices of it until the next write.
     */
    private List<Long> readIds(EntityManager em, ReadCache c, OfficerQuery query, String where, String order,
                               Map<String, Object> params, String filterKey, String orderKey, String pageKey) {
        if ((long) query.offset() + query.limit() > SHALLOW && c.orders.size() < ReadCache.MAX_ORDERS) {
            long[] all = c.orders.computeIfAbsent(orderKey, k -> {
                TypedQuery<Long> idQuery = em.createQuery("select o.id from OfficerEntity o" + where + order,
                        Long.class);
                params.forEach(idQuery::setParameter);
                long[] read = idQuery.getResultList().stream().mapToLong(Long::longValue).toArray();
                remember(c, filterKey, read.length);
                return read.length <= ReadCache.MAX_ORDER_IDS ? read : TOO_MANY;
            });
            if (all != TOO_MANY) {
                return slice(all, query.offset(), query.limit());
            }
        }
        TypedQuery<Long> idQuery = em.createQuery("select o.id from OfficerEntity o" + where + order, Long.class);
        params.forEach(idQuery::setParameter);
        idQuery.setFirstResult(query.offset());
        idQuery.setMaxResults(query.limit());
        List<Long> ids = List.copyOf(idQuery.getResultList());
        if (c.pages.size() < ReadCache.MAX_PAGES) {
            c.pages.put(pageKey, ids);
        }
        return ids;
    }

    /** The rows of these ids: remembered ones from memory, the others in one query by primary key. */
    private static Map<Long, OfficerEntity> rows(EntityManager em, ReadCache c, List<Long> ids) {
        Map<Long, OfficerEntity> rows = new HashMap<>();
        List<Long> missing = new ArrayList<>();
        for (Long id : ids) {
            OfficerEntity e = c.rows.get(id);
            if (e != null) {
                rows.put(id, e);
            } else {
                missing.add(id);
            }
        }
        if (!missing.isEmpty()) {
            em.createQuery("select o from OfficerEntity o where o.id in :ids", OfficerEntity.class)
                    .setParameter("ids", missing).getResultList().forEach(e -> {
                        rows.put(e.id, e);
                        if (c.rows.size() < ReadCache.MAX_ROWS) {
                            c.rows.put(e.id, e);
                        }
                    });
        }
        return rows;
    }

    @Override
    public long count(OfficerQuery q, Actor actor) {
        requireStaff(actor);
        OfficerQuery query = checked(q);
        LocalDate today = LocalDate.now(clock);
        return jpa.txExpr(TransactionType.Required, em -> {
            Map<String, Object> params = new HashMap<>();
            String where = where(query, today, params);
            ReadCache c = cache;
            return count(em, c, where + "|" + new TreeMap<>(params), where, params);
        });
    }

    @Override
    public List<String> units(Actor actor) {
        requireStaff(actor);
        return jpa.txExpr(TransactionType.Required, em -> em.createQuery(
                "select distinct o.unit from OfficerEntity o where o.bureau = :b order by o.unit", String.class)
                .setParameter("b", bureau).getResultList());
    }

    @Override
    public List<String> categories() {
        return categories;
    }

    @Override
    public ImportResult importCsv(Path file, Actor actor) {
        requireAdmin(actor);
        byte[] bytes;
        try {
            if (!Files.isRegularFile(file)) {
                throw Errors.of(Kind.NOT_FOUND, "IMPORT_NO_FILE", null, file);
            }
            if (Files.size(file) > MAX_IMPORT_BYTES) {
                throw Errors.invalid("IMPORT_TOO_LARGE", null, MAX_IMPORT_BYTES / (1024 * 1024));
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw Errors.of(Kind.INVALID, "IMPORT_UNREADABLE", null, file, e.getMessage());
        }
        OfficerCsv.Parsed parsed = OfficerCsv.parse(bytes);
        // validate everything before the first write: a bad file leaves the register untouched
        Map<String, Integer> seen = new HashMap<>();
        List<OfficerDraft> drafts = new ArrayList<>();
        for (OfficerCsv.Row row : parsed.rows()) {
            OfficerDraft d;
            try {
                d = validator.validate(row.draft());
            } catch (ZhifaException e) {
                throw Errors.atLine(row.line(), e);
            }
            Integer earlier = seen.putIfAbsent(d.certificateNo(), row.line());
            if (earlier != null) {
                throw Errors.atLine(row.line(), Errors.of(Kind.CONFLICT, "IMPORT_DUPLICATE_IN_FILE",
                        "certificateNo", d.certificateNo(), earlier));
            }
            drafts.add(d);
        }
        List<Integer> lines = parsed.rows().stream().map(OfficerCsv.Row::line).toList();
        int imported = write(() -> jpa.txExpr(TransactionType.Required, em -> {
            Instant now = Instant.now(clock);
            List<EntryDraft> entries = new ArrayList<>(drafts.size());
            for (int i = 0; i < drafts.size(); i++) {
                OfficerDraft d = drafts.get(i);
                try {
                    requireUniqueCertificate(em, d.certificateNo(), null);
                } catch (ZhifaException e) {
                    throw Errors.atLine(lines.get(i), e);
                }
                OfficerEntity e = insert(em, d, actor, now, "IMPORT", null);
                entries.add(entry(e, "officer.created", Map.of("via", "import", "line", lines.get(i))));
                if (i % FLUSH_EVERY == FLUSH_EVERY - 1) {
                    em.flush();
                    em.clear();
                }
            }
            append(em, entries, actor);
            return drafts.size();
        }));
        return new ImportResult(imported, parsed.charset().name());
    }

    @Override
    public Optional<PublicCertificate> lookupCertificate(String certificateNo) {
        if (certificateNo == null || certificateNo.isBlank() || certificateNo.length() > 32) {
            return Optional.empty();
        }
        LocalDate today = LocalDate.now(clock);
        String no = certificateNo.strip().toUpperCase(Locale.ROOT);
        return jpa.txExpr(TransactionType.Required, em -> em.createQuery(
                "select o from OfficerEntity o where o.bureau = :b and o.certificateNo = :c and o.active = true",
                OfficerEntity.class).setParameter("b", bureau).setParameter("c", no).getResultList().stream()
                .findFirst().map(e -> new PublicCertificate(e.certificateNo, e.name, e.unit, split(e.categories),
                        e.area, e.validFrom, e.validTo, rules.status(e.active, e.validFrom, e.validTo, today))));
    }

    @Override
    public long probe() {
        return jpa.txExpr(TransactionType.Required, em -> em.createQuery(
                "select count(o.id) from OfficerEntity o where o.bureau = :b and o.active = true", Long.class)
                .setParameter("b", bureau).getSingleResult());
    }

    @Override
    public List<OfficerChange> history(long id, Actor actor) {
        requireStaff(actor);
        return jpa.txExpr(TransactionType.Required, em -> em.createQuery(
                "select h from OfficerHistoryEntity h where h.bureau = :b and h.officerId = :id order by h.id",
                OfficerHistoryEntity.class).setParameter("b", bureau).setParameter("id", id).getResultList().stream()
                .map(h -> new OfficerChange(h.officerId, h.changedAt, h.actor, h.action, h.reason, h.snapshot))
                .toList());
    }

    // --- internals -------------------------------------------------------------------------

    private OfficerEntity insert(EntityManager em, OfficerDraft d, Actor actor, Instant now, String action, String reason) {
        OfficerEntity e = new OfficerEntity();
        e.bureau = bureau;
        apply(e, d);
        e.active = true;
        e.createdAt = now;
        e.createdBy = actor.user();
        e.updatedAt = now;
        e.updatedBy = actor.user();
        em.persist(e);
        history(em, e, actor, action, reason);
        return e;
    }

    /** Writes the history row of a change; returns the officer's snapshot it holds. */
    private Map<String, Object> history(EntityManager em, OfficerEntity e, Actor actor, String action, String reason) {
        OfficerHistoryEntity h = new OfficerHistoryEntity();
        h.bureau = bureau;
        h.officerId = e.id;
        h.changedAt = e.updatedAt;
        h.actor = actor.user();
        h.action = action;
        h.reason = reason;
        Map<String, Object> snap = snapshot(e);
        h.snapshot = Json.write(snap);
        em.persist(h);
        return snap;
    }

    /** The record entry of a change: the officer as it is now plus what the change says. */
    private static EntryDraft entry(OfficerEntity e, String type, Map<String, Object> facts) {
        Map<String, Object> payload = new TreeMap<>(facts);
        payload.put("officer", snapshot(e));
        payload.put("version", e.version);
        return EntryDraft.of("officer", Long.toString(e.id), null, type, Json.write(payload));
    }

    /**
     * Appends the entries on this transaction's connection, after every row of the change is flushed;
     * the record holds its append lock until the commit, so this comes last.
     */
    private void append(EntityManager em, List<EntryDraft> entries, Actor actor) {
        em.flush();
        em.unwrap(org.hibernate.Session.class).doWork(conn -> {
            for (EntryDraft d : entries) {
                record.append(conn, d, actor);
            }
        });
    }

    private static Map<String, Object> snapshot(OfficerEntity e) {
        Map<String, Object> snap = new LinkedHashMap<>();
        snap.put("id", e.id);
        snap.put("name", e.name);
        snap.put("unit", e.unit);
        snap.put("post", e.post);
        snap.put("certificateNo", e.certificateNo);
        snap.put("categories", split(e.categories));
        snap.put("area", e.area);
        snap.put("validFrom", e.validFrom);
        snap.put("validTo", e.validTo);
        snap.put("legalQualification", e.legalQualification);
        snap.put("active", e.active);
        return snap;
    }

    private static void apply(OfficerEntity e, OfficerDraft d) {
        e.name = d.name();
        e.unit = d.unit();
        e.post = d.post();
        e.certificateNo = d.certificateNo();
        e.categories = "|" + String.join("|", d.categories()) + "|";
        e.area = d.area();
        e.validFrom = d.validFrom();
        e.validTo = d.validTo();
        e.legalQualification = d.legalQualification();
    }

    private void touch(OfficerEntity e, Actor actor) {
        e.updatedAt = Instant.now(clock);
        e.updatedBy = actor.user();
    }

    private OfficerEntity load(EntityManager em, long id) {
        OfficerEntity e = em.find(OfficerEntity.class, id);
        if (e == null || !bureau.equals(e.bureau)) {
            throw Errors.of(Kind.NOT_FOUND, "OFFICER_NOT_FOUND", null, id);
        }
        return e;
    }

    private void requireUniqueCertificate(EntityManager em, String certificateNo, Long except) {
        List<Long> ids = em.createQuery("select o.id from OfficerEntity o where o.bureau = :b and o.certificateNo = :c",
                Long.class).setParameter("b", bureau).setParameter("c", certificateNo).getResultList();
        if (ids.stream().anyMatch(i -> !i.equals(except))) {
            throw Errors.of(Kind.CONFLICT, "DUPLICATE_CERTIFICATE", "certificateNo", certificateNo);
        }
    }

    private String where(OfficerQuery q, LocalDate today, Map<String, Object> params) {
        StringBuilder w = new StringBuilder(" where o.bureau = :bureau");
        params.put("bureau", bureau);
        if (q.text() != null && !q.text().isBlank()) {
            w.append(" and (lower(o.name) like :text escape '!' or lower(o.certificateNo) like :text escape '!'"
                    + " or lower(o.unit) like :text escape '!')");
            params.put("text", "%" + likeEscape(q.text().strip().toLowerCase(Locale.ROOT)) + "%");
        }
        if (q.unit() != null && !q.unit().isBlank()) {
            w.append(" and o.unit = :unit");
            params.put("unit", q.unit().strip());
        }
        if (q.category() != null && !q.category().isBlank()) {
            w.append(" and o.categories like :category escape '!'");
            params.put("category", "%|" + likeEscape(q.category().strip()) + "|%");
        }
        if (q.active() != null) {
            w.append(" and o.active = :active");
            params.put("active", q.active());
        }
        if (q.status() != null) {
            String cond = CertificateRules.condition(q.status());
            w.append(" and (").append(cond).append(')');
            if (cond.contains(":today")) {
                params.put("today", today);
            }
            if (cond.contains(":warn")) {
                params.put("warn", today.plusDays(rules.warningDays()));
            }
        }
        return w.toString();
    }

    /**
     * Counts are remembered until the next write through this service: a full count reads the whole
     * index, while the grid and REST clients ask for the same total page after page.
     */
    private static long count(EntityManager em, ReadCache c, String key, String where, Map<String, Object> params) {
        Long cached = c.counts.get(key);
        if (cached != null) {
            return cached;
        }
        TypedQuery<Long> cq = em.createQuery("select count(o.id) from OfficerEntity o" + where, Long.class);
        params.forEach(cq::setParameter);
        long n = cq.getSingleResult();
        remember(c, key, n);
        return n;
    }

    private static void remember(ReadCache c, String key, long total) {
        if (c.counts.size() < ReadCache.MAX_COUNTS) {
            c.counts.put(key, total);
        }
    }

    private static String likeEscape(String s) {
        return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private static OfficerQuery checked(OfficerQuery q) {
        OfficerQuery query = q == null ? OfficerQuery.all(0, 50) : q;
        String sort = query.sort() == null ? "id" : query.sort();
        if (!OfficerQuery.SORT_FIELDS.contains(sort)) {
            throw Errors.invalid("INVALID_SORT", "sort", sort, String.join(", ", OfficerQuery.SORT_FIELDS));
        }
        if (query.offset() < 0) {
            throw Errors.invalid("INVALID_OFFSET", "offset", query.offset());
        }
        if (query.limit() < 1 || query.limit() > OfficerQuery.MAX_LIMIT) {
            throw Errors.invalid("INVALID_LIMIT", "limit", query.limit(), OfficerQuery.MAX_LIMIT);
        }
        if (query.text() != null && query.text().length() > 100) {
            throw Errors.invalid("FIELD_TOO_LONG", "text", "text", 100);
        }
        return new OfficerQuery(query.text(), query.unit(), query.category(), query.status(), query.active(), sort,
                query.ascending(), query.offset(), query.limit());
    }

    private Officer toOfficer(OfficerEntity e) {
        return toOfficer(e, LocalDate.now(clock));
    }

    private Officer toOfficer(OfficerEntity e, LocalDate today) {
        return new Officer(e.id, e.bureau, e.name, e.unit, e.post, e.certificateNo, split(e.categories), e.area,
                e.validFrom, e.validTo, e.legalQualification, e.active,
                rules.status(e.active, e.validFrom, e.validTo, today), e.version, e.createdAt, e.createdBy,
                e.updatedAt, e.updatedBy);
    }

    private static List<String> split(String categories) {
        return Arrays.stream(categories.split("\\|")).filter(s -> !s.isEmpty()).collect(Collectors.toList());
    }

    private static void requireStaff(Actor actor) {
        if (actor == null) {
            throw Errors.of(Kind.UNAUTHENTICATED, "UNAUTHENTICATED", null);
        }
        if (!actor.isStaff()) {
            throw Errors.of(Kind.FORBIDDEN, "FORBIDDEN", null, actor.user());
        }
    }

    private static void requireAdmin(Actor actor) {
        requireStaff(actor);
        if (!actor.has(Roles.ADMIN)) {
            throw Errors.of(Kind.FORBIDDEN, "FORBIDDEN_ADMIN", null, actor.user());
        }
    }

    /**
     * Runs a write: a lost race on the unique certificate or the version becomes a CONFLICT, and what
     * reads remembered is forgotten once it has committed.
     */
    private <T> T write(Supplier<T> work) {
        try {
            return work.get();
        } catch (ZhifaException e) {
            throw e;
        } catch (OptimisticLockException e) {
            throw Errors.of(Kind.CONFLICT, "VERSION_CONFLICT", "version", "?", "?");
        } catch (PersistenceException e) {
            if (causedByUniqueViolation(e)) {
                throw Errors.of(Kind.CONFLICT, "DUPLICATE_CERTIFICATE", "certificateNo", "");
            }
            throw e;
        } catch (RuntimeException e) {
            // Aries JpaTemplate wraps exceptions thrown inside the transaction
            Throwable c = e.getCause();
            while (c != null) {
                if (c instanceof ZhifaException z) {
                    throw z;
                }
                c = c.getCause();
            }
            throw e;
        } finally {
            cache = new ReadCache();
        }
    }

    private static boolean causedByUniqueViolation(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof java.sql.SQLException s && "23505".equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
