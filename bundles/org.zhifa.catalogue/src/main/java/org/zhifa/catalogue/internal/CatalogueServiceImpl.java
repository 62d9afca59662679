package org.zhifa.catalogue.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.osgi.framework.BundleContext;
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
import org.zhifa.api.catalogue.CatalogueDraft;
import org.zhifa.api.catalogue.CatalogueEvent;
import org.zhifa.api.catalogue.CatalogueItem;
import org.zhifa.api.catalogue.CatalogueService;
import org.zhifa.api.catalogue.CatalogueStatus;
import org.zhifa.api.catalogue.CatalogueType;
import org.zhifa.api.catalogue.CatalogueVersion;
import org.zhifa.api.catalogue.Flowchart;
import org.zhifa.api.common.Jdbc;
import org.zhifa.api.common.Actor;
import org.zhifa.api.common.BureauInfo;
import org.zhifa.api.common.Page;
import org.zhifa.api.common.Roles;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.common.ZhifaException.Kind;
import org.zhifa.api.disclosure.Attachment;
import org.zhifa.api.disclosure.DisclosureItem;
import org.zhifa.api.disclosure.DisclosureService;
import org.zhifa.api.disclosure.ItemDraft;
import org.zhifa.api.disclosure.ItemType;
import org.zhifa.api.document.DocumentRenderer;
import org.zhifa.api.kind.EnforcementKind;
import org.zhifa.api.personnel.CertificateStatus;
import org.zhifa.api.personnel.Officer;
import org.zhifa.api.personnel.OfficerQuery;
import org.zhifa.api.personnel.PersonnelService;
import org.zhifa.api.record.EntryDraft;
import org.zhifa.api.record.RecordService;
import org.zhifa.api.schema.SchemaMigrator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The catalogues on plain JDBC. Every write is one transaction: its rows, then its record entry on the same
 * connection, so both commit or neither does; a refusal writes nothing. A published version is handed to
 * disclosure after its transaction, and again later (when disclosure appears) if that failed.
 */
@Component(service = CatalogueService.class, configurationPid = CatalogueConfig.PID)
@Designate(ocd = CatalogueConfig.class)
public final class CatalogueServiceImpl implements CatalogueService {
    private static final Logger LOG = LoggerFactory.getLogger(CatalogueServiceImpl.class);
    static final String OBJECT_TYPE = "catalogue";
    /** Who seeds the defaults and hands versions over to disclosure when it appears later. */
    static final Actor SYSTEM = new Actor("zhifa-catalogue", Set.of(Roles.LEADER));

    private final DataSource dataSource;
    private final RecordService record;
    private final PersonnelService personnel;
    private final DocumentRenderer renderer;
    private final String bureau;
    private final String bureauName;
    private final Clock clock;
    private final Flowcharts flowcharts;
    private final Map<String, EnforcementKind> kinds = new ConcurrentHashMap<>();
    private volatile DisclosureService disclosure;
    private final ExecutorService handover = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "zhifa-catalogue-disclosure");
        t.setDaemon(true);
        return t;
    });

    @Activate
    public CatalogueServiceImpl(@Reference(name = "dataSource", target = "(osgi.jndi.service.name=zhifa)") DataSource dataSource,
                                @Reference(name = "record") RecordService record,
                                @Reference(name = "bureau") BureauInfo bureau,
                                @Reference(name = "migrator") SchemaMigrator migrator,
                                @Reference(name = "personnel") PersonnelService personnel,
                                @Reference(name = "renderer") DocumentRenderer renderer,
                                CatalogueConfig config, BundleContext context) {
        this(dataSource, record, bureau.code(), bureau.name(), personnel, renderer,
                Clock.system(ZoneId.of(config.zone())), new Flowcharts(resolveAll(config.flowchartFonts())));
        migrator.migrate("catalogue", context.getBundle());
        seed(resolve(config.defaultFile()));
        catchUp();
    }

    CatalogueServiceImpl(DataSource dataSource, RecordService record, String bureau, String bureauName,
                         PersonnelService personnel, DocumentRenderer renderer, Clock clock, Flowcharts flowcharts) {
        this.dataSource = dataSource;
        this.record = record;
        this.bureau = bureau;
        this.bureauName = bureauName;
        this.personnel = personnel;
        this.renderer = renderer;
        this.clock = clock;
        this.flowcharts = flowcharts;
    }

    @Deactivate
    void deactivate() {
        handover.shutdownNow();
    }

    @Reference(name = "kinds", service = EnforcementKind.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void addKind(EnforcementKind kind) {
        kinds.put(kind.id(), kind);
    }

    void removeKind(EnforcementKind kind) {
        kinds.remove(kind.id(), kind);
    }

    /** Optional: without disclosure, publishing still works and the versions wait to be handed over. */
    @Reference(name = "disclosure", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindDisclosure(DisclosureService service) {
        disclosure = service;
        catchUp();
    }

    void unbindDisclosure(DisclosureService service) {
        if (disclosure == service) {
            disclosure = null;
        }
    }

    static Path resolve(String configured) {
        String etc = System.getProperty("karaf.etc", System.getProperty("karaf.base", ".") + "/etc");
        String home = System.getProperty("karaf.home", ".");
        return Path.of(configured.strip().replace("${karaf.etc}", etc).replace("${karaf.home}", home));
    }

    static List<Path> resolveAll(String[] configured) {
        List<Path> out = new ArrayList<>();
        for (String c : configured) {
            for (String one : c.split("[,;]")) {
                if (!one.isBlank()) {
                    out.add(resolve(one));
                }
            }
        }
        return out;
    }

    // ------------------------------------------------------------ seeding

    /** The national default as drafts (by the system, so any reviewer may review them) for types with no version. */
    void seed(Path file) {
        if (!Files.isRegularFile(file)) {
            LOG.warn("Catalogues: no default file {}; nothing seeded", file);
            return;
        }
        try (InputStream in = Files.newInputStream(file)) {
            seed(Items.JSON.readTree(in));
        } catch (IOException e) {
            throw new IllegalStateException("default catalogues " + file + " unusable: " + e.getMessage(), e);
        }
    }

    synchronized void seed(JsonNode root) {
        for (JsonNode v : root.path("catalogues")) {
            CatalogueType type = CatalogueType.valueOf(v.path("type").asText());
            List<CatalogueItem> items = new ArrayList<>();
            for (CatalogueItem i : Items.items(v.get("items"), "items")) {
                Map<String, String> values = new LinkedHashMap<>();
                i.values().forEach((k, val) -> values.put(k, val.replace("${bureau.name}", bureauName)));
                items.add(new CatalogueItem(i.no(), values));
            }
            CatalogueDraft d = new CatalogueDraft(LocalDate.parse(v.path("effectiveFrom").asText()), items,
                    v.path("note").asText(null));
            write(c -> {
                if (count(c, type) == 0) {
                    insertVersion(c, type, d, null, null, SYSTEM);
                    LOG.info("Catalogues of bureau {}: default {} seeded as a draft ({} items)", bureau, type,
                            items.size());
                }
                return null;
            });
        }
    }

    // ------------------------------------------------------------ reading

    @Override
    public List<CatalogueVersion> versions(CatalogueType type, Actor actor) {
        reader(actor);
        return read(c -> {
            List<CatalogueVersion> all = new ArrayList<>();
            for (long id : ids(c, type)) {
                all.add(load(c, id));
            }
            return all;
        });
    }

    @Override
    public Optional<CatalogueVersion> version(long id, Actor actor) {
        reader(actor);
        return read(c -> exists(c, id) ? Optional.of(load(c, id)) : Optional.empty());
    }

    @Override
    public Optional<CatalogueVersion> inForce(CatalogueType type, LocalDate day, Actor actor) {
        reader(actor);
        if (type == null) {
            throw Messages.invalid("FIELD_REQUIRED", "type", "type");
        }
        LocalDate d = day == null ? today() : day;
        return read(c -> {
            Optional<Long> id = inForceId(c, type, d);
            return id.isPresent() ? Optional.of(load(c, id.get())) : Optional.<CatalogueVersion>empty();
        });
    }

    private List<Long> ids(Connection c, CatalogueType type) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT ID FROM CAT_VERSION WHERE BUREAU = ?"
                + (type == null ? "" : " AND TYPE = ?") + " ORDER BY ID DESC")) {
            ps.setString(1, bureau);
            if (type != null) {
                ps.setString(2, type.name());
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
        }
        return out;
    }

    /** Published, effective on {@code day}, the latest effective date (the higher number on a tie). */
    private Optional<Long> inForceId(Connection c, CatalogueType type, LocalDate day) throws SQLException {
        Long best = null;
        LocalDate bestFrom = null;
        int bestNo = 0;
        for (long id : ids(c, type)) {
            Head h = head(c, id);
            if (h.status != CatalogueStatus.PUBLISHED || h.effectiveFrom.isAfter(day)) {
                continue;
            }
            if (best == null || h.effectiveFrom.isAfter(bestFrom)
                    || (h.effectiveFrom.isEqual(bestFrom) && h.number > bestNo)) {
                best = id;
                bestFrom = h.effectiveFrom;
                bestNo = h.number;
            }
        }
        return Optional.ofNullable(best);
    }

    private boolean exists(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM CAT_VERSION WHERE ID = ? AND BUREAU = ?")) {
            ps.setLong(1, id);
            ps.setString(2, bureau);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private int count(Connection c, CatalogueType type) throws SQLException {
        return ids(c, type).size();
    }

    /** What the life cycle needs of a version without reading its items. */
    private record Head(long id, CatalogueType type, int number, int revision, CatalogueStatus status,
                        LocalDate effectiveFrom, Set<String> authors) {
        String objectId() {
            return type.name() + ":" + number;
        }
    }

    private Head head(Connection c, long id) throws SQLException {
        CatalogueType type;
        int number;
        Set<String> authors = new LinkedHashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT TYPE, NUMBER, CREATED_BY FROM CAT_VERSION"
                + " WHERE ID = ? AND BUREAU = ?")) {
            ps.setLong(1, id);
            ps.setString(2, bureau);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw Messages.error(Kind.NOT_FOUND, "CATALOGUE_NOT_FOUND", "id", id);
                }
                type = CatalogueType.valueOf(rs.getString(1));
                number = rs.getInt(2);
                authors.add(rs.getString(3));
            }
        }
        int revision = 0;
        LocalDate from = null;
        try (PreparedStatement ps = c.prepareStatement("SELECT REVISION, EFFECTIVE_FROM, ACTOR FROM CAT_REVISION"
                + " WHERE VERSION_ID = ? ORDER BY REVISION")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    revision = rs.getInt(1);
                    from = rs.getDate(2).toLocalDate();
                    authors.add(rs.getString(3));
                }
            }
        }
        CatalogueStatus status = CatalogueStatus.DRAFT;
        try (PreparedStatement ps = c.prepareStatement("SELECT STATUS FROM CAT_EVENT WHERE VERSION_ID = ?"
                + " AND STATUS IS NOT NULL ORDER BY ID DESC FETCH FIRST 1 ROWS ONLY")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    status = CatalogueStatus.valueOf(rs.getString(1));
                }
            }
        }
        return new Head(id, type, number, revision, status, from, authors);
    }

    private CatalogueVersion load(Connection c, long id) throws SQLException {
        Head h = head(c, id);
        Long correctionOf = null;
        String request = null;
        String createdBy = null;
        Instant createdAt = null;
        try (PreparedStatement ps = c.prepareStatement("SELECT CORRECTION_OF, CORRECTION_REQUEST, CREATED_BY,"
                + " CREATED_AT FROM CAT_VERSION WHERE ID = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long of = rs.getLong(1);
                correctionOf = rs.wasNull() ? null : of;
                request = rs.getString(2);
                createdBy = rs.getString(3);
                createdAt = rs.getTimestamp(4).toInstant();
            }
        }
        List<CatalogueItem> items;
        String note;
        try (PreparedStatement ps = c.prepareStatement("SELECT ITEMS, NOTE FROM CAT_REVISION WHERE VERSION_ID = ?"
                + " AND REVISION = ?")) {
            ps.setLong(1, id);
            ps.setInt(2, h.revision);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                items = Items.read(rs.getString(1));
                note = rs.getString(2);
            }
        }
        List<CatalogueEvent> events = new ArrayList<>();
        String reviewedBy = null;
        String opinion = null;
        String publishedBy = null;
        Instant publishedAt = null;
        try (PreparedStatement ps = c.prepareStatement("SELECT EVENT, STATUS, NOTE, ACTOR, AT_TIME FROM CAT_EVENT"
                + " WHERE VERSION_ID = ? ORDER BY ID")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String event = rs.getString(1);
                    Instant at = rs.getTimestamp(5).toInstant();
                    events.add(new CatalogueEvent(event, rs.getString(4), at, rs.getString(3)));
                    if ("reviewed".equals(event) || "returned".equals(event)) {
                        reviewedBy = rs.getString(4);
                        opinion = rs.getString(3);
                    } else if ("submitted".equals(event) || "revised".equals(event)) {
                        reviewedBy = null;
                        opinion = "revised".equals(event) ? opinion : null;
                    } else if ("published".equals(event)) {
                        publishedBy = rs.getString(4);
                        publishedAt = at;
                    }
                }
            }
        }
        Long itemId = disclosedItem(c, id).orElse(null);
        boolean inForce = h.status == CatalogueStatus.PUBLISHED
                && inForceId(c, h.type, today()).map(f -> f == id).orElse(false);
        return new CatalogueVersion(id, h.type, h.number, h.revision, h.status, h.effectiveFrom, items, note,
                correctionOf, request, List.copyOf(h.authors), createdBy, createdAt, reviewedBy, opinion, publishedBy,
                publishedAt, inForce, itemId, events);
    }

    private Optional<Long> disclosedItem(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT ITEM_ID FROM CAT_DISCLOSED WHERE VERSION_ID = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    // ------------------------------------------------------------ the life cycle

    @Override
    public CatalogueVersion createDraft(CatalogueType type, CatalogueDraft draft, Actor actor) {
        role(actor, Roles.OFFICER, Roles.LEADER, Roles.ADMIN);
        if (type == null) {
            throw Messages.invalid("FIELD_REQUIRED", "type", "type");
        }
        CatalogueDraft d = checked(type, draft, actor);
        return write(c -> load(c, insertVersion(c, type, d, null, null, actor)));
    }

    private synchronized long insertVersion(Connection c, CatalogueType type, CatalogueDraft d, Long correctionOf,
                                            String request, Actor actor) throws SQLException {
        int number;
        try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(NUMBER), 0) + 1 FROM CAT_VERSION"
                + " WHERE BUREAU = ? AND TYPE = ?")) {
            ps.setString(1, bureau);
            ps.setString(2, type.name());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                number = rs.getInt(1);
            }
        }
        Instant now = Instant.now(clock);
        long id;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO CAT_VERSION (BUREAU, TYPE, NUMBER, CORRECTION_OF,"
                + " CORRECTION_REQUEST, CREATED_BY, CREATED_AT) VALUES (?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, bureau);
            ps.setString(2, type.name());
            ps.setInt(3, number);
            if (correctionOf == null) {
                ps.setNull(4, java.sql.Types.BIGINT);
            } else {
                ps.setLong(4, correctionOf);
            }
            ps.setString(5, request);
            ps.setString(6, actor.user());
            ps.setTimestamp(7, Timestamp.from(now));
            ps.executeUpdate();
            try (ResultSet rs = ps.getGeneratedKeys()) {
                rs.next();
                id = rs.getLong(1);
            }
        }
        String hash = insertRevision(c, id, 1, d, actor, now);
        event(c, id, "drafted", CatalogueStatus.DRAFT, 1, request, actor, now);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("version", id);
        p.put("type", type.name());
        p.put("number", number);
        p.put("revision", 1);
        p.put("effectiveFrom", d.effectiveFrom().toString());
        p.put("items", d.items().size());
        p.put("hash", hash);
        p.put("note", d.note());
        if (correctionOf != null) {
            p.put("correctionOf", correctionOf);
            p.put("request", request);
        }
        append(c, type.name() + ":" + number, "catalogue.drafted", p, actor);
        return id;
    }

    private String insertRevision(Connection c, long id, int revision, CatalogueDraft d, Actor actor, Instant now)
            throws SQLException {
        String json = Items.write(d.items());
        String hash = Items.hash(d.effectiveFrom() + "\n" + json);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO CAT_REVISION (VERSION_ID, REVISION,"
                + " EFFECTIVE_FROM, ITEMS, NOTE, HASH, ACTOR, AT_TIME) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, id);
            ps.setInt(2, revision);
            ps.setDate(3, java.sql.Date.valueOf(d.effectiveFrom()));
            ps.setString(4, json);
            ps.setString(5, d.note());
            ps.setString(6, hash);
            ps.setString(7, actor.user());
            ps.setTimestamp(8, Timestamp.from(now));
            ps.executeUpdate();
        }
        return hash;
    }

    private void event(Connection c, long id, String event, CatalogueStatus status, int revision, String note,
                       Actor actor, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO CAT_EVENT (VERSION_ID, EVENT, STATUS, REVISION,"
                + " NOTE, ACTOR, AT_TIME) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, id);
            ps.setString(2, event);
            ps.setString(3, status == null ? null : status.name());
            ps.setInt(4, revision);
            ps.setString(5, note);
            ps.setString(6, actor.user());
            ps.setTimestamp(7, Timestamp.from(now));
            ps.executeUpdate();
        }
    }

    /** The draft checked for its type; a generated catalogue takes the register's active officers. */
    private CatalogueDraft checked(CatalogueType type, CatalogueDraft draft, Actor actor) {
        if (draft == null) {
            throw Messages.invalid("BODY_REQUIRED", null);
        }
        if (draft.effectiveFrom() == null) {
            throw Messages.invalid("FIELD_REQUIRED", "effectiveFrom", "effectiveFrom");
        }
        List<CatalogueItem> items;
        if (type.generated()) {
            if (!draft.items().isEmpty()) {
                throw Messages.invalid("CATALOGUE_GENERATED", "items");
            }
            items = personnelItems(actor);
        } else {
            items = draft.items();
        }
        return new CatalogueDraft(draft.effectiveFrom(), Items.checked(type, items), Items.note(draft.note()));
    }

    /** 行政执法人员清单: active officers whose certificate is valid (or expiring), by unit and name. */
    List<CatalogueItem> personnelItems(Actor actor) {
        List<Officer> officers = new ArrayList<>();
        int offset = 0;
        while (true) {
            Page<Officer> page = personnel.list(new OfficerQuery(null, null, null, null, true, "id", true, offset,
                    OfficerQuery.MAX_LIMIT), actor);
            officers.addAll(page.items());
            offset += page.items().size();
            if (page.items().isEmpty() || offset >= page.total()) {
                break;
            }
        }
        officers.removeIf(o -> o.status() != CertificateStatus.VALID && o.status() != CertificateStatus.EXPIRING);
        officers.sort(Comparator.comparing(Officer::unit).thenComparing(Officer::name));
        List<CatalogueItem> items = new ArrayList<>();
        for (Officer o : officers) {
            Map<String, String> v = new LinkedHashMap<>();
            v.put("name", o.name());
            v.put("unit", o.unit());
            v.put("post", o.post() == null ? "" : o.post());
            v.put("certificateNo", o.certificateNo());
            v.put("categories", String.join("、", o.categories()));
            v.put("area", o.area() == null ? "" : o.area());
            items.add(new CatalogueItem(items.size() + 1, v));
        }
        if (items.isEmpty()) {
            throw Messages.conflict("CATALOGUE_NO_OFFICERS");
        }
        return items;
    }

    @Override
    public CatalogueVersion revise(long id, CatalogueDraft draft, int expectedRevision, Actor actor) {
        role(actor, Roles.OFFICER, Roles.LEADER, Roles.ADMIN);
        return write(c -> {
            Head h = head(c, id);
            if (h.status != CatalogueStatus.DRAFT && h.status != CatalogueStatus.RETURNED) {
                throw Messages.conflictInStatus("CATALOGUE_NOT_EDITABLE", h.objectId(), h.status);
            }
            if (expectedRevision >= 0 && expectedRevision != h.revision) {
                throw Messages.conflict("CATALOGUE_STALE", h.objectId(), expectedRevision, h.revision);
            }
            CatalogueDraft d = checked(h.type, draft, actor);
            Instant now = Instant.now(clock);
            int revision = h.revision + 1;
            String hash = insertRevision(c, id, revision, d, actor, now);
            event(c, id, "revised", CatalogueStatus.DRAFT, revision, null, actor, now);
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("version", id);
            p.put("revision", revision);
            p.put("effectiveFrom", d.effectiveFrom().toString());
            p.put("items", d.items().size());
            p.put("hash", hash);
            p.put("note", d.note());
            append(c, h.objectId(), "catalogue.revised", p, actor);
            return load(c, id);
        });
    }

    @Override
    public CatalogueVersion submit(long id, Actor actor) {
        role(actor, Roles.OFFICER, Roles.LEADER, Roles.ADMIN);
        return write(c -> {
            Head h = head(c, id);
            if (h.status != CatalogueStatus.DRAFT && h.status != CatalogueStatus.RETURNED) {
                throw Messages.conflictInStatus("CATALOGUE_NOT_SUBMITTABLE", h.objectId(), h.status);
            }
            Instant now = Instant.now(clock);
            event(c, id, "submitted", CatalogueStatus.SUBMITTED, h.revision, null, actor, now);
            append(c, h.objectId(), "catalogue.submitted", Map.of("version", id, "revision", h.revision), actor);
            return load(c, id);
        });
    }

    @Override
    public CatalogueVersion review(long id, boolean passed, String opinion, Actor actor) {
        role(actor, Roles.REVIEWER, Roles.LEADER);
        String o = Items.note(opinion);
        if (!passed && o == null) {
            throw Messages.invalid("CATALOGUE_OPINION_REQUIRED", "opinion");
        }
        return write(c -> {
            Head h = head(c, id);
            if (h.status != CatalogueStatus.SUBMITTED) {
                throw Messages.conflictInStatus("CATALOGUE_NOT_SUBMITTED", h.objectId(), h.status);
            }
            if (h.authors.contains(actor.user())) {
                throw Messages.error(Kind.FORBIDDEN, "CATALOGUE_OWN_REVIEW", null, h.objectId());
            }
            Instant now = Instant.now(clock);
            CatalogueStatus to = passed ? CatalogueStatus.REVIEWED : CatalogueStatus.RETURNED;
            event(c, id, passed ? "reviewed" : "returned", to, h.revision, o, actor, now);
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("version", id);
            p.put("revision", h.revision);
            p.put("passed", passed);
            p.put("opinion", o);
            append(c, h.objectId(), passed ? "catalogue.reviewed" : "catalogue.returned", p, actor);
            return load(c, id);
        });
    }

    @Override
    public CatalogueVersion publish(long id, Actor actor) {
        role(actor, Roles.LEADER, Roles.ADMIN);
        CatalogueVersion published;
        synchronized (this) {
            published = write(c -> {
                Head h = head(c, id);
                if (h.status != CatalogueStatus.REVIEWED) {
                    throw Messages.conflictInStatus("CATALOGUE_NOT_REVIEWED", h.objectId(), h.status);
                }
                for (long other : ids(c, h.type)) {
                    Head o = head(c, other);
                    if (o.status == CatalogueStatus.PUBLISHED && h.effectiveFrom.isBefore(o.effectiveFrom)) {
                        throw Messages.invalid("CATALOGUE_DATE", "effectiveFrom", h.effectiveFrom.toString(),
                                o.objectId(), o.effectiveFrom.toString());
                    }
                }
                Instant now = Instant.now(clock);
                event(c, id, "published", CatalogueStatus.PUBLISHED, h.revision, null, actor, now);
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("version", id);
                p.put("revision", h.revision);
                p.put("effectiveFrom", h.effectiveFrom.toString());
                p.put("onPublicChannels", false);
                append(c, h.objectId(), "catalogue.published", p, actor);
                return load(c, id);
            });
        }
        if (handOver(id, actor)) {
            return version(id, actor).orElse(published);
        }
        return published;
    }

    @Override
    public CatalogueVersion correct(long id, String request, CatalogueDraft draft, Actor actor) {
        role(actor, Roles.LEADER, Roles.ADMIN);
        String r = Items.note(request);
        if (r == null) {
            throw Messages.invalid("CATALOGUE_REQUEST_REQUIRED", "request");
        }
        return write(c -> {
            Head h = head(c, id);
            if (h.status != CatalogueStatus.PUBLISHED) {
                throw Messages.conflictInStatus("CATALOGUE_NOT_PUBLISHED", h.objectId(), h.status);
            }
            CatalogueVersion old = load(c, id);
            CatalogueDraft given = draft == null ? new CatalogueDraft(null, List.of(), null) : draft;
            CatalogueDraft d = new CatalogueDraft(given.effectiveFrom() == null ? today() : given.effectiveFrom(),
                    h.type.generated() || !given.items().isEmpty() ? given.items() : old.items(),
                    given.note() == null ? old.note() : given.note());
            CatalogueDraft checked = checked(h.type, d, actor);
            Instant now = Instant.now(clock);
            event(c, id, "correction", null, h.revision, r, actor, now);
            long created = insertVersion(c, h.type, checked, id, r, actor);
            Head n = head(c, created);
            append(c, h.objectId(), "catalogue.correction.requested",
                    Map.of("version", id, "request", r, "correction", n.objectId()), actor);
            return load(c, created);
        });
    }

    // ------------------------------------------------------------ disclosure

    /** Hands every published version not yet handed over to disclosure, off the caller's thread. */
    void catchUp() {
        if (disclosure == null) {
            return;
        }
        try {
            handover.execute(() -> {
                try {
                    for (long id : read(this::pendingHandOvers)) {
                        handOver(id, SYSTEM);
                    }
                } catch (RuntimeException e) {
                    LOG.warn("Catalogues: catching up with disclosure failed: {}", e.toString());
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException stopped) {
            // deactivated
        }
    }

    private List<Long> pendingHandOvers(Connection c) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT E.VERSION_ID FROM CAT_EVENT E, CAT_VERSION V"
                + " WHERE E.VERSION_ID = V.ID AND V.BUREAU = ? AND E.STATUS = 'PUBLISHED' AND NOT EXISTS"
                + " (SELECT 1 FROM CAT_DISCLOSED D WHERE D.VERSION_ID = E.VERSION_ID) ORDER BY E.VERSION_ID")) {
            ps.setString(1, bureau);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
        }
        return out;
    }

    /**
     * Creates and approves the version's disclosure item (a catalogue with its PDF, XLSX and, for the
     * 事项清单, every kind's flowchart) and records the hand-over. False when disclosure is absent or refuses.
     */
    synchronized boolean handOver(long id, Actor actor) {
        DisclosureService d = disclosure;
        if (d == null) {
            return false;
        }
        CatalogueVersion v = read(c -> load(c, id));
        if (v.disclosureItemId() != null) {
            return true;
        }
        try {
            String title = Messages.zh("type." + v.type()) + Messages.zh("version.suffix", v.number());
            List<Attachment> files = new ArrayList<>();
            String stem = v.type().fileName() + "-v" + v.number();
            files.add(new Attachment(stem + ".pdf", RenderFormat.PDF.mediaType(), Render.pdf(v, bureauName, renderer)));
            files.add(new Attachment(stem + ".xlsx", RenderFormat.XLSX.mediaType(), Render.xlsx(v)));
            if (v.type() == CatalogueType.ITEMS) {
                for (EnforcementKind k : sortedKinds()) {
                    Flowcharts.Chart chart = flowcharts.layout(k);
                    files.add(new Attachment("flowchart-" + k.id() + ".svg", Flowchart.Format.SVG.mediaType(),
                            flowcharts.svg(chart)));
                    files.add(new Attachment("flowchart-" + k.id() + ".png", Flowchart.Format.PNG.mediaType(),
                            flowcharts.png(chart)));
                }
            }
            DisclosureItem item = d.create(new ItemDraft(ItemType.CATALOGUE, null, title, null, null, false, false,
                    v.effectiveFrom(), Render.text(v), List.of(), files), actor);
            d.approve(item.id(), List.of(), actor);
            write(c -> {
                if (disclosedItem(c, id).isPresent()) {
                    return null;
                }
                Instant now = Instant.now(clock);
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO CAT_DISCLOSED (VERSION_ID, ITEM_ID, ACTOR,"
                        + " AT_TIME) VALUES (?, ?, ?, ?)")) {
                    ps.setLong(1, id);
                    ps.setLong(2, item.id());
                    ps.setString(3, actor.user());
                    ps.setTimestamp(4, Timestamp.from(now));
                    ps.executeUpdate();
                }
                event(c, id, "disclosed", null, v.revision(), String.valueOf(item.id()), actor, now);
                append(c, v.type().name() + ":" + v.number(), "catalogue.disclosed",
                        Map.of("version", id, "disclosureItem", item.id(), "publicId", item.publicId()), actor);
                return null;
            });
            LOG.info("Catalogue {} v{} handed to disclosure as item {}", v.type(), v.number(), item.id());
            return true;
        } catch (ZhifaException | IllegalArgumentException e) {
            LOG.warn("Catalogue {} v{} not handed to disclosure yet: {}", v.type(), v.number(), e.getMessage());
            return false;
        }
    }

    // ------------------------------------------------------------ outputs

    @Override
    public byte[] render(long id, RenderFormat format, Actor actor) {
        reader(actor);
        CatalogueVersion v = read(c -> load(c, id));
        return format == RenderFormat.XLSX ? Render.xlsx(v) : Render.pdf(v, bureauName, renderer);
    }

    @Override
    public List<String> flowchartKinds(Actor actor) {
        reader(actor);
        return sortedKinds().stream().map(EnforcementKind::id).toList();
    }

    private List<EnforcementKind> sortedKinds() {
        return kinds.values().stream().sorted(Comparator.comparing(EnforcementKind::id)).toList();
    }

    @Override
    public Flowchart flowchart(String kind, Flowchart.Format format, Actor actor) {
        reader(actor);
        EnforcementKind k = kind == null ? null : kinds.get(kind);
        if (k == null) {
            throw Messages.error(Kind.NOT_FOUND, "KIND_NOT_FOUND", "kind", String.valueOf(kind));
        }
        Flowcharts.Chart chart = flowcharts.layout(k);
        return new Flowchart(k.id(), format, format == Flowchart.Format.PNG ? flowcharts.png(chart) : flowcharts.svg(chart));
    }

    @Override
    public void filingPackage(OutputStream out, Actor actor) {
        reader(actor);
        LocalDate today = today();
        List<CatalogueVersion> inForce = read(c -> {
            List<CatalogueVersion> list = new ArrayList<>();
            for (CatalogueType t : CatalogueType.values()) {
                Optional<Long> id = inForceId(c, t, today);
                if (id.isPresent()) {
                    list.add(load(c, id.get()));
                }
            }
            return list;
        });
        Map<String, Flowcharts.Chart> charts = new TreeMap<>();
        for (EnforcementKind k : sortedKinds()) {
            charts.put(k.id(), flowcharts.layout(k));
        }
        new FilingPackage(bureau, bureauName, renderer, flowcharts).write(inForce, charts, Instant.now(clock), today,
                actor, out);
    }

    // ------------------------------------------------------------ plumbing

    LocalDate today() {
        return LocalDate.now(clock);
    }

    private void append(Connection c, String objectId, String entryType, Map<String, ?> payload, Actor actor) {
        String json;
        try {
            json = Items.JSON.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        record.append(c, EntryDraft.of(OBJECT_TYPE, objectId, null, entryType, json), actor);
    }

    <T> T read(Jdbc.Work<T> work) {
        return Jdbc.read(dataSource, work, CatalogueServiceImpl::unavailable);
    }

    <T> T write(Jdbc.Work<T> work) {
        return Jdbc.write(dataSource, work, CatalogueServiceImpl::unavailable);
    }

    private static ZhifaException unavailable(SQLException e) {
        LOG.warn("catalogues: {}", e.toString());
        if ("23505".equals(e.getSQLState())) {
            return Messages.conflict("CATALOGUE_CONCURRENT");
        }
        return Messages.error(Kind.UNAVAILABLE, "DATABASE_UNAVAILABLE", null, e.getMessage());
    }

    static void reader(Actor actor) {
        if (actor == null) {
            throw Messages.error(Kind.UNAUTHENTICATED, "UNAUTHENTICATED", null);
        }
        if (!actor.isStaff()) {
            throw Messages.error(Kind.FORBIDDEN, "FORBIDDEN_READ", null);
        }
    }

    static void role(Actor actor, String... roles) {
        reader(actor);
        if (Arrays.stream(roles).noneMatch(actor::has)) {
            throw Messages.error(Kind.FORBIDDEN, "FORBIDDEN_ROLE", null, Arrays.stream(roles)
                    .map(r -> Messages.zh("role." + r)).collect(Collectors.joining("、")));
        }
    }
}
