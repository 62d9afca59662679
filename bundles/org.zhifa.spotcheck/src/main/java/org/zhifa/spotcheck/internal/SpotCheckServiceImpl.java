package org.zhifa.spotcheck.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhifa.api.catalogue.CatalogueItem;
import org.zhifa.api.catalogue.CatalogueService;
import org.zhifa.api.catalogue.CatalogueStatus;
import org.zhifa.api.catalogue.CatalogueType;
import org.zhifa.api.catalogue.CatalogueVersion;
import org.zhifa.api.cases.CaseDraft;
import org.zhifa.api.cases.CaseFile;
import org.zhifa.api.cases.CaseQuery;
import org.zhifa.api.cases.CaseService;
import org.zhifa.api.cases.Party;
import org.zhifa.api.common.Actor;
import org.zhifa.api.common.BureauInfo;
import org.zhifa.api.common.Jdbc;
import org.zhifa.api.common.Page;
import org.zhifa.api.common.Roles;
import org.zhifa.api.common.Texts;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.common.ZhifaException.Kind;
import org.zhifa.api.disclosure.DisclosureItem;
import org.zhifa.api.disclosure.DisclosureService;
import org.zhifa.api.disclosure.ItemDraft;
import org.zhifa.api.disclosure.ItemQuery;
import org.zhifa.api.disclosure.ItemType;
import org.zhifa.api.kind.CaseFacts.PartyType;
import org.zhifa.api.personnel.Officer;
import org.zhifa.api.personnel.OfficerQuery;
import org.zhifa.api.personnel.PersonnelService;
import org.zhifa.api.record.EntryDraft;
import org.zhifa.api.record.RecordEntry;
import org.zhifa.api.record.RecordService;
import org.zhifa.api.schema.SchemaMigrator;
import org.zhifa.api.spotcheck.Conflict;
import org.zhifa.api.spotcheck.ConflictDeclaration;
import org.zhifa.api.spotcheck.Draw;
import org.zhifa.api.spotcheck.DrawAlgorithm;
import org.zhifa.api.spotcheck.DrawInput;
import org.zhifa.api.spotcheck.DrawInspector;
import org.zhifa.api.spotcheck.DrawResult;
import org.zhifa.api.spotcheck.DrawTarget;
import org.zhifa.api.spotcheck.DrawVerification;
import org.zhifa.api.spotcheck.InspectionOutcome;
import org.zhifa.api.spotcheck.InspectionTarget;
import org.zhifa.api.spotcheck.InspectionTarget.Risk;
import org.zhifa.api.spotcheck.InspectionTarget.TargetType;
import org.zhifa.api.spotcheck.Inspector;
import org.zhifa.api.spotcheck.Plan;
import org.zhifa.api.spotcheck.PlanDraft;
import org.zhifa.api.spotcheck.SeedSource;
import org.zhifa.api.spotcheck.SpotCheckService;
import org.zhifa.api.spotcheck.TargetDraft;
import org.zhifa.api.spotcheck.TargetFilter;
import org.zhifa.api.spotcheck.TargetImport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * 双随机、一公开 on plain JDBC. Every write is one transaction: its rows, then its record entry on the same
 * connection, so both commit or neither does; a refusal writes nothing. A draw's result exists only inside
 * the transaction that records it, so nobody sees a result the record does not hold.
 */
@Component(service = SpotCheckService.class, configurationPid = SpotCheckConfig.PID)
@Designate(ocd = SpotCheckConfig.class)
public final class SpotCheckServiceImpl implements SpotCheckService {
    private static final Logger LOG = LoggerFactory.getLogger(SpotCheckServiceImpl.class);
    static final String OBJECT_TYPE = "spotcheck";
    private static final Texts M = Messages.T;
    private static final String[] KEEPERS = {Roles.LEADER, Roles.ADMIN};
    private static final int MAX_TAGS_CHARS = 1000;
    /**
     * What a draw (and so its public record and draw file) says of a declared conflict: the declared reason may
     * be personal (a relative's shareholding) and stays with the declaration, for staff only.
     */
    static final String PUBLIC_CONFLICT_REASON = "申报利害关系回避";
    static final String KIND = "inspection";

    private final DataSource dataSource;
    private final RecordService record;
    private final PersonnelService personnel;
    private final CatalogueService catalogue;
    private final String bureau;
    private final Clock clock;
    private final SpotCheckConfig config;
    private final SecureRandom random = new SecureRandom();
    private final CaseService cases;
    private String bureauName = "";

    /** Announcements, results and redraw reasons are published as notices when disclosure is installed. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile DisclosureService disclosure;

    @Activate
    public SpotCheckServiceImpl(@Reference(name = "dataSource", target = "(osgi.jndi.service.name=zhifa)") DataSource dataSource,
                                @Reference(name = "record") RecordService record,
                                @Reference(name = "bureau") BureauInfo bureau,
                                @Reference(name = "migrator") SchemaMigrator migrator,
                                @Reference(name = "personnel") PersonnelService personnel,
                                @Reference(name = "catalogue") CatalogueService catalogue,
                                @Reference(name = "cases") CaseService cases,
                                SpotCheckConfig config, BundleContext context) {
        this(dataSource, record, bureau.code(), personnel, catalogue, cases, Clock.system(ZoneId.of(config.zone())),
                config);
        this.bureauName = bureau.name();
        migrator.migrate("spotcheck", context.getBundle());
    }

    SpotCheckServiceImpl(DataSource dataSource, RecordService record, String bureau, PersonnelService personnel,
                         CatalogueService catalogue, CaseService cases, Clock clock, SpotCheckConfig config) {
        this.cases = cases;
        this.dataSource = dataSource;
        this.record = record;
        this.bureau = bureau;
        this.personnel = personnel;
        this.catalogue = catalogue;
        this.clock = clock;
        this.config = config;
    }

    // ================================================================== targets

    @Override
    public Page<InspectionTarget> targets(TargetFilter filter, boolean includeInactive, int offset, int limit,
                                          Actor actor) {
        Texts.requireStaff(actor);
        int lim = Math.max(1, Math.min(limit, 500));
        int off = Math.max(0, offset);
        TargetFilter f = filter == null ? TargetFilter.any() : filter;
        return Jdbc.read(dataSource, c -> {
            List<Object> args = new ArrayList<>();
            String where = where(f, includeInactive, args);
            long total;
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM SC_TARGET" + where)) {
                bind(ps, args);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<InspectionTarget> items = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM SC_TARGET" + where
                    + " ORDER BY ID OFFSET " + off + " ROWS FETCH NEXT " + lim + " ROWS ONLY")) {
                bind(ps, args);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        items.add(target(rs));
                    }
                }
            }
            return new Page<>(items, total, off, lim);
        }, SpotCheckServiceImpl::unavailable);
    }

    private String where(TargetFilter f, boolean includeInactive, List<Object> args) {
        StringBuilder w = new StringBuilder(" WHERE BUREAU = ?");
        args.add(bureau);
        if (!includeInactive) {
            w.append(" AND ACTIVE = TRUE");
        }
        if (f.q() != null && !f.q().isBlank()) {
            w.append(" AND (NAME LIKE ? ESCAPE '\\' OR CREDIT_CODE LIKE ? ESCAPE '\\')");
            String like = "%" + f.q().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            args.add(like);
            args.add(like.toUpperCase(Locale.ROOT));
        }
        in(w, "TYPE", f.types().stream().map(Enum::name).sorted().toList(), args);
        in(w, "AREA", f.areas().stream().sorted().toList(), args);
        in(w, "RISK", f.risks().stream().map(Enum::name).sorted().toList(), args);
        for (String tag : f.tags().stream().sorted().toList()) {
            w.append(" AND TAGS LIKE ? ESCAPE '\\'");
            args.add("%," + tag.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + ",%");
        }
        return w.toString();
    }

    private static void in(StringBuilder w, String column, List<String> values, List<Object> args) {
        if (!values.isEmpty()) {
            w.append(" AND ").append(column).append(" IN (")
                    .append(values.stream().map(v -> "?").collect(Collectors.joining(","))).append(')');
            args.addAll(values);
        }
    }

    private static void bind(PreparedStatement ps, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            ps.setObject(i + 1, args.get(i));
        }
    }

    @Override
    public Optional<InspectionTarget> target(long id, Actor actor) {
        Texts.requireStaff(actor);
        return Jdbc.read(dataSource, c -> target(c, id), SpotCheckServiceImpl::unavailable);
    }

    private Optional<InspectionTarget> target(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM SC_TARGET WHERE ID = ? AND BUREAU = ?")) {
            ps.setLong(1, id);
            ps.setString(2, bureau);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(target(rs)) : Optional.empty();
            }
        }
    }

    private static InspectionTarget target(ResultSet rs) throws SQLException {
        return new InspectionTarget(rs.getLong("ID"), rs.getString("NAME"), rs.getString("CREDIT_CODE"),
                TargetType.valueOf(rs.getString("TYPE")), rs.getString("AREA"), Risk.valueOf(rs.getString("RISK")),
                tags(rs.getString("TAGS")), rs.getBoolean("ACTIVE"), rs.getInt("REVISION"),
                rs.getTimestamp("CHANGED_AT").toInstant(), rs.getString("CHANGED_BY"));
    }

    /** Tags are stored as {@code ,a,b,} so one LIKE finds a whole tag. */
    static Set<String> tags(String stored) {
        Set<String> out = new LinkedHashSet<>();
        for (String t : stored.split(",")) {
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    static String storedTags(Set<String> tags) {
        return tags.isEmpty() ? "," : "," + tags.stream().sorted().collect(Collectors.joining(",")) + ",";
    }

    @Override
    public InspectionTarget addTarget(TargetDraft draft, Actor actor) {
        Texts.requireRole(actor, KEEPERS);
        TargetDraft d = normalise(draft, null);
        return Jdbc.write(dataSource, c -> {
            requireUniqueCode(c, d.creditCode(), null);
            long id = insertTarget(c, d, actor);
            appendTarget(c, id, 1, d, true, null, "spotcheck.target.added", actor);
            return target(c, id).orElseThrow();
        }, SpotCheckServiceImpl::unavailable);
    }

    @Override
    public InspectionTarget reviseTarget(long id, TargetDraft draft, int expectedRevision, Actor actor) {
        Texts.requireRole(actor, KEEPERS);
        TargetDraft d = normalise(draft, null);
        return Jdbc.write(dataSource, c -> {
            InspectionTarget now = lockTarget(c, id);
            if (expectedRevision >= 0 && expectedRevision != now.revision()) {
                throw M.conflict("TARGET_STALE", now.revision(), expectedRevision);
            }
            if (now.active()) {
                requireUniqueCode(c, d.creditCode(), id);
            }
            return writeRevision(c, now, d, now.active(), null, "spotcheck.target.revised", actor);
        }, SpotCheckServiceImpl::unavailable);
    }

    @Override
    public InspectionTarget deactivateTarget(long id, String reason, Actor actor) {
        Texts.requireRole(actor, KEEPERS);
        String why = required(reason, "reason", 500);
        return Jdbc.write(dataSource, c -> {
            InspectionTarget now = lockTarget(c, id);
            if (!now.active()) {
                throw M.conflict("TARGET_INACTIVE", id);
            }
            TargetDraft same = new TargetDraft(now.name(), now.creditCode(), now.type(), now.area(), now.risk(),
                    now.tags());
            return writeRevision(c, now, same, false, why, "spotcheck.target.deactivated", actor);
        }, SpotCheckServiceImpl::unavailable);
    }

    private InspectionTarget lockTarget(Connection c, long id) throws SQLException {
        return target(c, id).orElseThrow(() -> M.notFound("TARGET_NOT_FOUND", "id", id));
    }

    private InspectionTarget writeRevision(Connection c, InspectionTarget now, TargetDraft d, boolean active,
                                           String reason, String entryType, Actor actor) throws SQLException {
        int revision = now.revision() + 1;
        Instant at = clock.instant();
        try (PreparedStatement ps = c.prepareStatement("UPDATE SC_TARGET SET REVISION = ?, NAME = ?, CREDIT_CODE = ?,"
                + " TYPE = ?, AREA = ?, RISK = ?, TAGS = ?, ACTIVE = ?, CHANGED_AT = ?, CHANGED_BY = ?"
                + " WHERE ID = ? AND REVISION = ?")) {
            ps.setInt(1, revision);
            ps.setString(2, d.name());
            ps.setString(3, d.creditCode());
            ps.setString(4, d.type().name());
            ps.setString(5, d.area());
            ps.setString(6, d.risk().name());
            ps.setString(7, storedTags(d.tags()));
            ps.setBoolean(8, active);
            ps.setTimestamp(9, Timestamp.from(at));
            ps.setString(10, actor.user());
            ps.setLong(11, now.id());
            ps.setInt(12, now.revision());
            if (ps.executeUpdate() != 1) {
                throw M.conflict("TARGET_STALE", now.revision(), now.revision());
            }
        }
        insertRevision(c, now.id(), revision, d, active, reason, at, actor);
        appendTarget(c, now.id(), revision, d, active, reason, entryType, actor);
        return target(c, now.id()).orElseThrow();
    }

    private long insertTarget(Connection c, TargetDraft d, Actor actor) throws SQLException {
        Instant at = clock.instant();
        long id;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO SC_TARGET (BUREAU, REVISION, NAME, CREDIT_CODE,"
                + " TYPE, AREA, RISK, TAGS, ACTIVE, CHANGED_AT, CHANGED_BY) VALUES (?, 1, ?, ?, ?, ?, ?, ?, TRUE, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, bureau);
            ps.setString(2, d.name());
            ps.setString(3, d.creditCode());
            ps.setString(4, d.type().name());
            ps.setString(5, d.area());
            ps.setString(6, d.risk().name());
            ps.setString(7, storedTags(d.tags()));
            ps.setTimestamp(8, Timestamp.from(at));
            ps.setString(9, actor.user());
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        insertRevision(c, id, 1, d, true, null, at, actor);
        return id;
    }

    private void insertRevision(Connection c, long id, int revision, TargetDraft d, boolean active, String reason,
                                Instant at, Actor actor) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO SC_TARGET_REV (TARGET_ID, REVISION, BUREAU, NAME,"
                + " CREDIT_CODE, TYPE, AREA, RISK, TAGS, ACTIVE, REASON, CHANGED_AT, CHANGED_BY)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, id);
            ps.setInt(2, revision);
            ps.setString(3, bureau);
            ps.setString(4, d.name());
            ps.setString(5, d.creditCode());
            ps.setString(6, d.type().name());
            ps.setString(7, d.area());
            ps.setString(8, d.risk().name());
            ps.setString(9, storedTags(d.tags()));
            ps.setBoolean(10, active);
            ps.setString(11, reason);
            ps.setTimestamp(12, Timestamp.from(at));
            ps.setString(13, actor.user());
            ps.executeUpdate();
        }
    }

    private void appendTarget(Connection c, long id, int revision, TargetDraft d, boolean active, String reason,
                              String entryType, Actor actor) {
        ObjectNode p = Payloads.object();
        p.put("target", id);
        p.put("revision", revision);
        p.put("name", d.name());
        p.put("creditCode", d.creditCode());
        p.put("type", d.type().name());
        p.put("area", d.area());
        p.put("risk", d.risk().name());
        ArrayNode tags = p.putArray("tags");
        d.tags().stream().sorted().forEach(tags::add);
        p.put("active", active);
        if (reason != null) {
            p.put("reason", reason);
        }
        record.append(c, EntryDraft.of(OBJECT_TYPE, "target:" + id, null, entryType, Payloads.write(p)), actor);
    }

    private void requireUniqueCode(Connection c, String code, Long except) throws SQLException {
        if (code.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT ID FROM SC_TARGET WHERE BUREAU = ? AND CREDIT_CODE = ?"
                + " AND ACTIVE = TRUE")) {
            ps.setString(1, bureau);
            ps.setString(2, code);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (except == null || rs.getLong(1) != except) {
                        throw M.error(Kind.CONFLICT, "TARGET_DUPLICATE_CODE", "creditCode", code, rs.getLong(1));
                    }
                }
            }
        }
    }

    /**
     * Checks and tidies a draft; {@code row} names the import line for the message, else null.
     * @throws ZhifaException INVALID naming the field
     */
    static TargetDraft normalise(TargetDraft d, Integer row) {
        if (d == null) {
            throw M.invalid("TARGET_MISSING", null);
        }
        String name = required(d.name(), "name", 200);
        String code = d.creditCode() == null ? "" : d.creditCode().strip().toUpperCase(Locale.ROOT);
        if (d.type() == null) {
            throw M.invalid("FIELD_REQUIRED", "type", "type");
        }
        if (code.isEmpty() && d.type() != TargetType.PERSON) {
            throw M.invalid("TARGET_CODE_REQUIRED", "creditCode");
        }
        if (!code.isEmpty() && !CreditCode.valid(code)) {
            throw M.invalid("TARGET_CODE_INVALID", "creditCode", code);
        }
        String area = required(d.area(), "area", 100);
        if (d.risk() == null) {
            throw M.invalid("FIELD_REQUIRED", "risk", "risk");
        }
        Set<String> tags = new LinkedHashSet<>();
        for (String t : d.tags()) {
            String tag = t == null ? "" : t.strip();
            if (tag.isEmpty()) {
                continue;
            }
            if (tag.contains(",") || tag.length() > 30) {
                throw M.invalid("TARGET_TAG_INVALID", "tags", tag);
            }
            tags.add(tag);
        }
        if (storedTags(tags).length() > MAX_TAGS_CHARS) {
            throw M.invalid("TARGET_TAGS_TOO_LONG", "tags", MAX_TAGS_CHARS);
        }
        return new TargetDraft(name, code, d.type(), area, d.risk(), tags);
    }

    static String required(String value, String field, int max) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            throw M.invalid("FIELD_REQUIRED", field, field);
        }
        if (v.length() > max) {
            throw M.invalid("FIELD_TOO_LONG", field, field, max);
        }
        if (v.chars().anyMatch(ch -> ch < 0x20 && ch != '\n' && ch != '\t')) {
            throw M.invalid("FIELD_CONTROL_CHARS", field, field);
        }
        return v;
    }

    // ------------------------------------------------------------ import

    static final List<String> COLUMNS = List.of("名称", "统一社会信用代码", "类型", "所属区域", "风险等级", "标签");
    static final Map<String, TargetType> TYPES = Map.of("企业", TargetType.ENTERPRISE,
            "个体工商户", TargetType.INDIVIDUAL_BUSINESS, "自然人", TargetType.PERSON,
            "事业单位", TargetType.PUBLIC_INSTITUTION, "其他", TargetType.OTHER);
    static final Map<String, Risk> RISKS = Map.of("低", Risk.LOW, "中", Risk.MEDIUM, "高", Risk.HIGH,
            "低风险", Risk.LOW, "中风险", Risk.MEDIUM, "高风险", Risk.HIGH);

    @Override
    public TargetImport importTargets(InputStream file, String fileName, Actor actor) {
        Texts.requireRole(actor, KEEPERS);
        byte[] bytes;
        TargetFile.Content content;
        try {
            bytes = TargetFile.readLimited(file, config.maxImportBytes());
        } catch (IOException e) {
            throw M.error(Kind.INVALID, "IMPORT_TOO_LARGE", "file", config.maxImportBytes());
        }
        try {
            content = TargetFile.read(bytes, fileName);
        } catch (IOException | RuntimeException e) {
            throw M.invalid("IMPORT_UNREADABLE", "file", String.valueOf(e.getMessage()));
        }
        List<TargetImport.RowError> errors = new ArrayList<>();
        List<TargetFile.Row> rows = content.rows();
        if (rows.isEmpty()) {
            throw M.invalid("IMPORT_EMPTY", "file");
        }
        Map<String, Integer> col = new HashMap<>();
        List<String> header = rows.get(0).cells();
        for (int i = 0; i < header.size(); i++) {
            col.put(header.get(i).strip().replace("\uFEFF", ""), i);
        }
        for (String name : COLUMNS.subList(0, 5)) {
            if (!col.containsKey(name)) {
                errors.add(rowError(rows.get(0).line(), name, "IMPORT_COLUMN_MISSING", name));
            }
        }
        if (!errors.isEmpty()) {
            return new TargetImport(0, 0, content.format(), errors);
        }
        List<Map.Entry<Integer, TargetDraft>> drafts = new ArrayList<>();
        Map<String, Integer> codesSeen = new HashMap<>();
        for (TargetFile.Row row : rows.subList(1, rows.size())) {
            try {
                String typeText = cell(row, col, "类型");
                TargetType type = TYPES.get(typeText);
                if (type == null) {
                    throw M.invalid("IMPORT_TYPE_UNKNOWN", "类型", typeText, String.join("、", TYPES.keySet().stream().sorted().toList()));
                }
                String riskText = cell(row, col, "风险等级");
                Risk risk = RISKS.get(riskText);
                if (risk == null) {
                    throw M.invalid("IMPORT_RISK_UNKNOWN", "风险等级", riskText);
                }
                Set<String> tags = new LinkedHashSet<>(Arrays.asList(cell(row, col, "标签").split("[、;；|]")));
                TargetDraft d = normalise(new TargetDraft(cell(row, col, "名称"), cell(row, col, "统一社会信用代码"),
                        type, cell(row, col, "所属区域"), risk, tags), row.line());
                if (!d.creditCode().isEmpty()) {
                    Integer earlier = codesSeen.putIfAbsent(d.creditCode(), row.line());
                    if (earlier != null) {
                        throw M.invalid("IMPORT_DUPLICATE_CODE", "统一社会信用代码", d.creditCode(), earlier);
                    }
                }
                drafts.add(Map.entry(row.line(), d));
            } catch (ZhifaException e) {
                errors.add(new TargetImport.RowError(row.line(), column(e.field()), e.code(), e.messageZh(),
                        e.messageEn()));
            }
        }
        if (!errors.isEmpty()) {
            return new TargetImport(0, 0, content.format(), errors);
        }
        String sha256 = sha256(bytes);
        return Jdbc.write(dataSource, c -> {
            int created = 0;
            int revised = 0;
            ArrayNode ids = Payloads.JSON.createArrayNode();
            for (Map.Entry<Integer, TargetDraft> e : drafts) {
                TargetDraft d = e.getValue();
                Optional<InspectionTarget> existing = d.creditCode().isEmpty() ? Optional.empty()
                        : activeByCode(c, d.creditCode());
                if (existing.isPresent()) {
                    InspectionTarget now = existing.get();
                    InspectionTarget after = writeRevision(c, now, d, true, null, "spotcheck.target.revised", actor);
                    ids.add(after.id());
                    revised++;
                } else {
                    long id = insertTarget(c, d, actor);
                    ids.add(id);
                    created++;
                }
            }
            ObjectNode p = Payloads.object();
            p.put("file", fileName == null ? "" : fileName);
            p.put("sha256", sha256);
            p.put("format", content.format());
            p.put("created", created);
            p.put("revised", revised);
            p.set("targets", ids);
            record.append(c, EntryDraft.of(OBJECT_TYPE, "targets", null, "spotcheck.targets.imported",
                    Payloads.write(p)), actor);
            return new TargetImport(created, revised, content.format(), List.of());
        }, SpotCheckServiceImpl::unavailable);
    }

    private Optional<InspectionTarget> activeByCode(Connection c, String code) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM SC_TARGET WHERE BUREAU = ? AND CREDIT_CODE = ?"
                + " AND ACTIVE = TRUE")) {
            ps.setString(1, bureau);
            ps.setString(2, code);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(target(rs)) : Optional.empty();
            }
        }
    }

    private static String cell(TargetFile.Row row, Map<String, Integer> col, String name) {
        Integer i = col.get(name);
        return i == null || i >= row.cells().size() ? "" : row.cells().get(i).strip();
    }

    /** The import column of a field named by the service, for the row report. */
    private static String column(String field) {
        if (field == null) {
            return "";
        }
        return switch (field) {
            case "name" -> "名称";
            case "creditCode" -> "统一社会信用代码";
            case "type" -> "类型";
            case "area" -> "所属区域";
            case "risk" -> "风险等级";
            case "tags" -> "标签";
            default -> field;
        };
    }

    private static TargetImport.RowError rowError(int line, String column, String code, Object... args) {
        return new TargetImport.RowError(line, column, code, M.zh(code, args), M.en(code, args));
    }

    // ================================================================== inspectors and conflicts

    @Override
    public List<Inspector> inspectors(LocalDate day, Actor actor) {
        Texts.requireStaff(actor);
        return inspectorsOn(day == null ? LocalDate.now(clock) : day, actor);
    }

    private List<Inspector> inspectorsOn(LocalDate day, Actor actor) {
        Set<String> categories = Arrays.stream(config.inspectionCategories()).map(String::strip)
                .filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        List<Inspector> out = new ArrayList<>();
        int offset = 0;
        while (true) {
            Page<Officer> page = personnel.list(new OfficerQuery(null, null, null, null, true, "id", true, offset,
                    OfficerQuery.MAX_LIMIT), actor);
            for (Officer o : page.items()) {
                boolean valid = !day.isBefore(o.validFrom()) && !day.isAfter(o.validTo());
                boolean certified = categories.isEmpty() || o.categories().stream().anyMatch(categories::contains);
                if (o.active() && valid && certified) {
                    out.add(new Inspector(o.id(), o.name(), o.unit(), o.certificateNo(),
                            o.area() == null ? "" : o.area(), o.categories()));
                }
            }
            offset += page.items().size();
            if (page.items().isEmpty() || offset >= page.total()) {
                break;
            }
        }
        out.sort((a, b) -> Long.compare(a.officerId(), b.officerId()));
        return out;
    }

    @Override
    public List<ConflictDeclaration> conflicts(Long officerId, Long targetId, Actor actor) {
        Texts.requireStaff(actor);
        return Jdbc.read(dataSource, c -> conflicts(c, officerId, targetId, false), SpotCheckServiceImpl::unavailable);
    }

    private List<ConflictDeclaration> conflicts(Connection c, Long officerId, Long targetId, boolean activeOnly)
            throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT C.*, E.REASON AS END_REASON, E.ENDED_AT, E.ENDED_BY"
                + " FROM SC_CONFLICT C LEFT JOIN SC_CONFLICT_END E ON E.CONFLICT_ID = C.ID WHERE C.BUREAU = ?");
        List<Object> args = new ArrayList<>(List.of(bureau));
        if (officerId != null) {
            sql.append(" AND C.OFFICER_ID = ?");
            args.add(officerId);
        }
        if (targetId != null) {
            sql.append(" AND C.TARGET_ID = ?");
            args.add(targetId);
        }
        if (activeOnly) {
            sql.append(" AND E.CONFLICT_ID IS NULL");
        }
        sql.append(" ORDER BY C.ID");
        List<ConflictDeclaration> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Timestamp ended = rs.getTimestamp("ENDED_AT");
                    out.add(new ConflictDeclaration(rs.getLong("ID"), rs.getLong("OFFICER_ID"), rs.getLong("TARGET_ID"),
                            rs.getString("REASON"), rs.getTimestamp("DECLARED_AT").toInstant(),
                            rs.getString("DECLARED_BY"), ended == null ? null : ended.toInstant(),
                            rs.getString("END_REASON")));
                }
            }
        }
        return out;
    }

    @Override
    public ConflictDeclaration declareConflict(long officerId, long targetId, String reason, Actor actor) {
        Texts.requireRole(actor, KEEPERS);
        String why = required(reason, "reason", 500);
        personnel.find(officerId, actor).orElseThrow(() -> M.notFound("OFFICER_NOT_FOUND", "officerId", officerId));
        return Jdbc.write(dataSource, c -> {
            lockTarget(c, targetId);
            if (!conflicts(c, officerId, targetId, true).isEmpty()) {
                throw M.conflict("CONFLICT_ALREADY_DECLARED", officerId, targetId);
            }
            long id;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO SC_CONFLICT (BUREAU, OFFICER_ID, TARGET_ID,"
                    + " REASON, DECLARED_AT, DECLARED_BY) VALUES (?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, bureau);
                ps.setLong(2, officerId);
                ps.setLong(3, targetId);
                ps.setString(4, why);
                ps.setTimestamp(5, Timestamp.from(clock.instant()));
                ps.setString(6, actor.user());
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            ObjectNode p = Payloads.object();
            p.put("conflict", id);
            p.put("officer", officerId);
            p.put("target", targetId);
            p.put("reason", why);
            record.append(c, EntryDraft.of(OBJECT_TYPE, "conflict:" + id, null, "spotcheck.conflict.declared",
                    Payloads.write(p)), actor);
            return conflictById(c, id);
        }, SpotCheckServiceImpl::unavailable);
    }

    @Override
    public ConflictDeclaration endConflict(long id, String reason, Actor actor) {
        Texts.requireRole(actor, KEEPERS);
        String why = required(reason, "reason", 500);
        return Jdbc.write(dataSource, c -> {
            ConflictDeclaration now = conflictById(c, id);
            if (!now.active()) {
                throw M.conflict("CONFLICT_ENDED", id);
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO SC_CONFLICT_END (CONFLICT_ID, REASON, ENDED_AT,"
                    + " ENDED_BY) VALUES (?, ?, ?, ?)")) {
                ps.setLong(1, id);
                ps.setString(2, why);
                ps.setTimestamp(3, Timestamp.from(clock.instant()));
                ps.setString(4, actor.user());
                ps.executeUpdate();
            }
            ObjectNode p = Payloads.object();
            p.put("conflict", id);
            p.put("reason", why);
            record.append(c, EntryDraft.of(OBJECT_TYPE, "conflict:" + id, null, "spotcheck.conflict.ended",
                    Payloads.write(p)), actor);
            return conflictById(c, id);
        }, SpotCheckServiceImpl::unavailable);
    }

    private ConflictDeclaration conflictById(Connection c, long id) throws SQLException {
        return conflicts(c, null, null, false).stream().filter(x -> x.id() == id).findFirst()
                .orElseThrow(() -> M.notFound("CONFLICT_NOT_FOUND", "id", id));
    }

    // ================================================================== plans

    @Override
    public List<Plan> plans(Actor actor) {
        Texts.requireStaff(actor);
        return Jdbc.read(dataSource, c -> plans(c, null), SpotCheckServiceImpl::unavailable);
    }

    @Override
    public Optional<Plan> plan(long id, Actor actor) {
        Texts.requireStaff(actor);
        return Jdbc.read(dataSource, c -> plans(c, id).stream().findFirst(), SpotCheckServiceImpl::unavailable);
    }

    private List<Plan> plans(Connection c, Long id) throws SQLException {
        List<Plan> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM SC_PLAN WHERE BUREAU = ?"
                + (id == null ? "" : " AND ID = ?") + " ORDER BY ID DESC")) {
            ps.setString(1, bureau);
            if (id != null) {
                ps.setLong(2, id);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int count = rs.getInt("TARGET_COUNT");
                    Integer fixed = rs.wasNull() ? null : count;
                    out.add(new Plan(rs.getLong("ID"), rs.getString("NUMBER"), rs.getString("TITLE"),
                            rs.getLong("CATALOGUE_VERSION_ID"), rs.getString("ITEM_NAME"), rs.getBoolean("KEY_ITEM"),
                            filter(Payloads.read(rs.getString("FILTER_JSON"))), rs.getBigDecimal("RATIO"), fixed,
                            rs.getString("FREQUENCY"), rs.getDate("PERIOD_FROM").toLocalDate(),
                            rs.getDate("PERIOD_TO").toLocalDate(), rs.getInt("INSPECTORS_PER_TARGET"),
                            rs.getBoolean("EXCLUDE_OWN_AREA"), rs.getTimestamp("CREATED_AT").toInstant(),
                            rs.getString("CREATED_BY")));
                }
            }
        }
        return out;
    }

    private static ObjectNode filterJson(TargetFilter f) {
        ObjectNode o = Payloads.object();
        ArrayNode types = o.putArray("types");
        f.types().stream().map(Enum::name).sorted().forEach(types::add);
        ArrayNode areas = o.putArray("areas");
        f.areas().stream().sorted().forEach(areas::add);
        ArrayNode risks = o.putArray("risks");
        f.risks().stream().map(Enum::name).sorted().forEach(risks::add);
        ArrayNode tags = o.putArray("tags");
        f.tags().stream().sorted().forEach(tags::add);
        return o;
    }

    private static TargetFilter filter(JsonNode o) {
        Set<TargetType> types = new HashSet<>();
        o.path("types").forEach(t -> types.add(TargetType.valueOf(t.asText())));
        Set<String> areas = new HashSet<>();
        o.path("areas").forEach(t -> areas.add(t.asText()));
        Set<Risk> risks = new HashSet<>();
        o.path("risks").forEach(t -> risks.add(Risk.valueOf(t.asText())));
        Set<String> tags = new HashSet<>();
        o.path("tags").forEach(t -> tags.add(t.asText()));
        return new TargetFilter(null, types, areas, risks, tags);
    }

    @Override
    public Plan createPlan(PlanDraft d, Actor actor) {
        Texts.requireRole(actor, KEEPERS);
        if (d == null) {
            throw M.invalid("PLAN_MISSING", null);
        }
        String title = required(d.title(), "title", 200);
        String item = required(d.itemName(), "itemName", 200);
        String frequency = required(d.frequency(), "frequency", 100);
        if ((d.ratio() == null) == (d.count() == null)) {
            throw M.invalid("PLAN_RATIO_OR_COUNT", "ratio");
        }
        if (d.ratio() != null && (d.ratio().signum() <= 0 || d.ratio().compareTo(BigDecimal.ONE) > 0
                || d.ratio().scale() > 4)) {
            throw M.invalid("PLAN_RATIO_RANGE", "ratio", d.ratio().toPlainString());
        }
        if (d.count() != null && d.count() < 1) {
            throw M.invalid("PLAN_COUNT_RANGE", "count", d.count());
        }
        if (d.periodFrom() == null || d.periodTo() == null || d.periodTo().isBefore(d.periodFrom())) {
            throw M.invalid("PLAN_PERIOD", "periodTo");
        }
        if (d.inspectorsPerTarget() < Math.max(2, config.minInspectorsPerTarget()) || d.inspectorsPerTarget() > 10) {
            throw M.invalid("PLAN_INSPECTORS", "inspectorsPerTarget", Math.max(2, config.minInspectorsPerTarget()));
        }
        CatalogueVersion version = catalogue.version(d.catalogueVersionId(), actor)
                .orElseThrow(() -> M.notFound("PLAN_CATALOGUE_NOT_FOUND", "catalogueVersionId", d.catalogueVersionId()));
        if (version.type() != CatalogueType.INSPECTIONS || version.status() != CatalogueStatus.PUBLISHED) {
            throw M.invalid("PLAN_CATALOGUE_NOT_PUBLISHED", "catalogueVersionId", d.catalogueVersionId());
        }
        boolean listed = version.items().stream().map(CatalogueItem::values)
                .anyMatch(v -> item.equals(v.getOrDefault("name", "").strip()));
        if (!listed) {
            throw M.invalid("PLAN_ITEM_NOT_LISTED", "itemName", item, version.number());
        }
        TargetFilter filter = d.filter() == null ? TargetFilter.any() : d.filter();
        return Jdbc.write(dataSource, c -> {
            int year = LocalDate.now(clock).getYear();
            int seq;
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM SC_PLAN WHERE BUREAU = ?"
                    + " AND YEAR(CREATED_AT) = ?")) {
                ps.setString(1, bureau);
                ps.setInt(2, year);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    seq = rs.getInt(1) + 1;
                }
            }
            String number = new MessageFormat(config.planNumber(), Locale.ROOT)
                    .format(new Object[] {String.valueOf(year), String.valueOf(seq)});
            long id;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO SC_PLAN (BUREAU, NUMBER, TITLE,"
                    + " CATALOGUE_VERSION_ID, ITEM_NAME, KEY_ITEM, FILTER_JSON, RATIO, TARGET_COUNT, FREQUENCY,"
                    + " PERIOD_FROM, PERIOD_TO, INSPECTORS_PER_TARGET, EXCLUDE_OWN_AREA, CREATED_AT, CREATED_BY)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, bureau);
                ps.setString(2, number);
                ps.setString(3, title);
                ps.setLong(4, version.id());
                ps.setString(5, item);
                ps.setBoolean(6, d.keyItem());
                ps.setString(7, Payloads.write(filterJson(filter)));
                ps.setBigDecimal(8, d.ratio());
                if (d.count() == null) {
                    ps.setNull(9, java.sql.Types.INTEGER);
                } else {
                    ps.setInt(9, d.count());
                }
                ps.setString(10, frequency);
                ps.setDate(11, java.sql.Date.valueOf(d.periodFrom()));
                ps.setDate(12, java.sql.Date.valueOf(d.periodTo()));
                ps.setInt(13, d.inspectorsPerTarget());
                ps.setBoolean(14, d.excludeOwnArea());
                ps.setTimestamp(15, Timestamp.from(clock.instant()));
                ps.setString(16, actor.user());
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            ObjectNode p = Payloads.object();
            p.put("plan", id);
            p.put("number", number);
            p.put("title", title);
            p.put("catalogueVersion", version.id());
            p.put("item", item);
            p.put("keyItem", d.keyItem());
            p.set("filter", filterJson(filter));
            if (d.ratio() != null) {
                p.put("ratio", d.ratio().toPlainString());
            } else {
                p.put("count", d.count());
            }
            p.put("frequency", frequency);
            p.put("periodFrom", d.periodFrom().toString());
            p.put("periodTo", d.periodTo().toString());
            p.put("inspectorsPerTarget", d.inspectorsPerTarget());
            p.put("excludeOwnArea", d.excludeOwnArea());
            record.append(c, EntryDraft.of(OBJECT_TYPE, "plan:" + id, null, "spotcheck.plan.created",
                    Payloads.write(p)), actor);
            return plans(c, id).get(0);
        }, SpotCheckServiceImpl::unavailable);
    }

    // ================================================================== draws

    @Override
    public List<Draw> draws(long planId, Actor actor) {
        Texts.requireStaff(actor);
        return Jdbc.read(dataSource, c -> draws(c, planId, null), SpotCheckServiceImpl::unavailable);
    }

    @Override
    public Optional<Draw> draw(long id, Actor actor) {
        Texts.requireStaff(actor);
        return Jdbc.read(dataSource, c -> drawById(c, id), SpotCheckServiceImpl::unavailable);
    }

    private Optional<Draw> drawById(Connection c, long id) throws SQLException {
        return draws(c, null, id).stream().findFirst();
    }

    /** The draws of a plan (newest first), or the one draw {@code id}. */
    private List<Draw> draws(Connection c, Long planId, Long id) throws SQLException {
        String sql = "SELECT D.*, M.ALGORITHM, M.KEY_TEXT, M.SOURCES_JSON AS MADE_SOURCES, M.TARGETS_HASH,"
                + " M.INSPECTORS_HASH, M.CONFLICTS_HASH, M.POOL_SIZE, M.TARGET_COUNT, M.RESULT_JSON, M.DRAWN_AT,"
                + " M.DRAWN_BY, M.RECORD_SEQ,"
                + " (SELECT COUNT(*) FROM SC_DRAW L JOIN SC_DRAW_MADE LM ON LM.DRAW_ID = L.ID"
                + "  WHERE L.SUPERSEDES = D.ID) AS SUPERSEDED"
                + " FROM SC_DRAW D LEFT JOIN SC_DRAW_MADE M ON M.DRAW_ID = D.ID WHERE D.BUREAU = ?"
                + (planId == null ? "" : " AND D.PLAN_ID = ?") + (id == null ? "" : " AND D.ID = ?")
                + " ORDER BY D.ID DESC";
        List<Draw> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            ps.setString(i++, bureau);
            if (planId != null) {
                ps.setLong(i++, planId);
            }
            if (id != null) {
                ps.setLong(i, id);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(draw(c, rs));
                }
            }
        }
        return out;
    }

    private Draw draw(Connection c, ResultSet rs) throws SQLException {
        long id = rs.getLong("ID");
        long supersedes = rs.getLong("SUPERSEDES");
        Long superseded = rs.wasNull() ? null : supersedes;
        boolean made = rs.getString("ALGORITHM") != null;
        List<SeedSource> sources = Payloads.sources(Payloads.read(made ? rs.getString("MADE_SOURCES")
                : rs.getString("SOURCES_JSON")));
        Draw.Status status = !made ? Draw.Status.ANNOUNCED
                : rs.getLong("SUPERSEDED") > 0 ? Draw.Status.SUPERSEDED : Draw.Status.DRAWN;
        DrawResult result = null;
        if (made) {
            result = Payloads.result(Payloads.read(rs.getString("RESULT_JSON")), snapshotTargets(c, id),
                    snapshotInspectors(c, id));
        }
        Timestamp drawnAt = rs.getTimestamp("DRAWN_AT");
        long seq = rs.getLong("RECORD_SEQ");
        return new Draw(id, rs.getLong("PLAN_ID"), rs.getInt("ROUND"), superseded, rs.getString("REDRAW_REASON"),
                Draw.SeedMode.valueOf(rs.getString("SEED_MODE")), sources,
                rs.getTimestamp("ANNOUNCED_AT").toInstant(), rs.getString("ANNOUNCED_BY"), status,
                rs.getString("ALGORITHM"), rs.getString("KEY_TEXT"), rs.getString("TARGETS_HASH"),
                rs.getString("INSPECTORS_HASH"), rs.getString("CONFLICTS_HASH"), rs.getInt("POOL_SIZE"),
                rs.getInt("TARGET_COUNT"), drawnAt == null ? null : drawnAt.toInstant(), rs.getString("DRAWN_BY"),
                made ? seq : null, result);
    }

    @Override
    public Draw announce(long planId, Draw.SeedMode mode, List<SeedSource> sources, Actor actor) {
        Texts.requireRole(actor, KEEPERS);
        Draw d = Jdbc.write(dataSource, c -> {
            requirePlan(c, planId);
            List<Draw> existing = draws(c, planId, null);
            if (existing.stream().anyMatch(x -> x.status() != Draw.Status.ANNOUNCED)) {
                throw M.conflict("DRAW_ALREADY_MADE", planId);
            }
            return insertAnnouncement(c, planId, existing, null, null, mode, sources, actor);
        }, SpotCheckServiceImpl::unavailable);
        publish(d, plan(planId, actor).orElseThrow(), actor);
        return d;
    }

    @Override
    public Draw announceRedraw(long drawId, String reason, Draw.SeedMode mode, List<SeedSource> sources,
                               Actor actor) {
        Texts.requireRole(actor, KEEPERS);
        String why = required(reason, "reason", 1000);
        Draw d = Jdbc.write(dataSource, c -> {
            Draw earlier = drawById(c, drawId).orElseThrow(() -> M.notFound("DRAW_NOT_FOUND", "id", drawId));
            if (earlier.status() != Draw.Status.DRAWN) {
                throw M.conflict("REDRAW_NOT_DRAWN", drawId);
            }
            List<Draw> existing = draws(c, earlier.planId(), null);
            return insertAnnouncement(c, earlier.planId(), existing, drawId, why, mode, sources, actor);
        }, SpotCheckServiceImpl::unavailable);
        publish(d, plan(d.planId(), actor).orElseThrow(), actor);
        return d;
    }

    private Draw insertAnnouncement(Connection c, long planId, List<Draw> existing, Long supersedes, String reason,
                                    Draw.SeedMode mode, List<SeedSource> sources, Actor actor) throws SQLException {
        if (existing.stream().anyMatch(d -> d.status() == Draw.Status.ANNOUNCED)) {
            throw M.conflict("DRAW_ALREADY_ANNOUNCED", planId);
        }
        if (mode == null) {
            throw M.invalid("FIELD_REQUIRED", "seedMode", "seedMode");
        }
        List<SeedSource> announced = new ArrayList<>();
        if (mode == Draw.SeedMode.PUBLIC_SOURCES) {
            if (sources == null || sources.isEmpty() || sources.size() > 10) {
                throw M.invalid("DRAW_SOURCES_REQUIRED", "sources");
            }
            for (SeedSource s : sources) {
                announced.add(new SeedSource(required(s.label(), "sources", 200), List.of(), s.ordered()));
            }
        }
        int round = existing.stream().mapToInt(Draw::round).max().orElse(0) + 1;
        long id;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO SC_DRAW (BUREAU, PLAN_ID, ROUND, SUPERSEDES,"
                + " REDRAW_REASON, SEED_MODE, SOURCES_JSON, ANNOUNCED_AT, ANNOUNCED_BY) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, bureau);
            ps.setLong(2, planId);
            ps.setInt(3, round);
            if (supersedes == null) {
                ps.setNull(4, java.sql.Types.BIGINT);
            } else {
                ps.setLong(4, supersedes);
            }
            ps.setString(5, reason);
            ps.setString(6, mode.name());
            ps.setString(7, Payloads.write(Payloads.sources(announced)));
            ps.setTimestamp(8, Timestamp.from(clock.instant()));
            ps.setString(9, actor.user());
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        ObjectNode p = Payloads.object();
        p.put("draw", id);
        p.put("plan", planId);
        p.put("round", round);
        if (supersedes != null) {
            p.put("supersedes", supersedes);
            p.put("reason", reason);
        }
        p.put("seedMode", mode.name());
        p.set("sources", Payloads.sources(announced));
        record.append(c, EntryDraft.of(OBJECT_TYPE, "draw:" + id, null,
                supersedes == null ? "spotcheck.draw.announced" : "spotcheck.redraw.announced", Payloads.write(p)),
                actor);
        return drawById(c, id).orElseThrow();
    }

    private Plan requirePlan(Connection c, long planId) throws SQLException {
        return plans(c, planId).stream().findFirst()
                .orElseThrow(() -> M.notFound("PLAN_NOT_FOUND", "planId", planId));
    }

    @Override
    public Draw make(long drawId, List<List<String>> sourceValues, Actor actor) {
        Draw made = record(drawId, sourceValues, actor);
        Plan plan = plan(made.planId(), actor).orElseThrow();
        openCases(made, plan, actor);
        publish(made, plan, actor);
        return made;
    }

    /** The draw itself: inputs, snapshots, result and record entry in one transaction. */
    private Draw record(long drawId, List<List<String>> sourceValues, Actor actor) {
        Texts.requireRole(actor, KEEPERS);
        LocalDate today = LocalDate.now(clock);
        List<Inspector> all = inspectorsOn(today, actor);
        String category = drawCategory(all);
        List<Inspector> inspectors = all.stream().filter(i -> i.categories().contains(category)).toList();
        return Jdbc.write(dataSource, c -> {
            Draw d = drawById(c, drawId).orElseThrow(() -> M.notFound("DRAW_NOT_FOUND", "id", drawId));
            if (d.status() != Draw.Status.ANNOUNCED) {
                throw M.conflict("DRAW_ALREADY_MADE", d.planId());
            }
            Plan plan = requirePlan(c, d.planId());
            List<SeedSource> sources = new ArrayList<>();
            String key;
            if (d.seedMode() == Draw.SeedMode.PUBLIC_SOURCES) {
                if (sourceValues == null || sourceValues.size() != d.sources().size()) {
                    throw M.invalid("DRAW_VALUES_COUNT", "values", d.sources().size());
                }
                for (int i = 0; i < d.sources().size(); i++) {
                    List<String> values = sourceValues.get(i) == null ? List.of() : sourceValues.get(i);
                    if (values.isEmpty() || values.size() > 100 || values.stream().anyMatch(v -> v == null
                            || v.isBlank() || v.length() > 100)) {
                        throw M.invalid("DRAW_VALUES_INVALID", "values", d.sources().get(i).label());
                    }
                    sources.add(new SeedSource(d.sources().get(i).label(), values, d.sources().get(i).ordered()));
                }
                key = DrawAlgorithm.key(sources);
            } else {
                key = DrawAlgorithm.randomKey(random);
            }
            List<DrawTarget> pool = pool(c, plan.filter());
            if (pool.isEmpty()) {
                throw M.conflict("DRAW_POOL_EMPTY", plan.number());
            }
            int count = plan.count() != null ? plan.count()
                    : plan.ratio().multiply(BigDecimal.valueOf(pool.size())).setScale(0, RoundingMode.CEILING).intValue();
            count = Math.max(1, count);
            if (count > pool.size()) {
                throw M.conflict("DRAW_COUNT_EXCEEDS_POOL", count, pool.size());
            }
            Set<String> poolIds = pool.stream().map(DrawTarget::id).collect(Collectors.toSet());
            List<DrawInspector> inspectorPool = inspectors.stream()
                    .map(i -> new DrawInspector(String.valueOf(i.officerId()), i.name(), i.area())).toList();
            Set<String> inspectorIds = inspectorPool.stream().map(DrawInspector::id).collect(Collectors.toSet());
            List<Conflict> conflicts = conflicts(c, null, null, true).stream()
                    .filter(x -> poolIds.contains(String.valueOf(x.targetId()))
                            && inspectorIds.contains(String.valueOf(x.officerId())))
                    .map(x -> new Conflict(String.valueOf(x.officerId()), String.valueOf(x.targetId()),
                            PUBLIC_CONFLICT_REASON))
                    .toList();
            DrawInput input = new DrawInput(DrawAlgorithm.SHA256, key, pool, inspectorPool, count,
                    plan.inspectorsPerTarget(), plan.excludeOwnArea(), conflicts);
            List<DrawAlgorithm.Shortage> shortages = DrawAlgorithm.shortages(input);
            if (!shortages.isEmpty()) {
                throw M.conflict("DRAW_SHORTAGE", shortages.size(), plan.inspectorsPerTarget(),
                        shortages.stream().limit(5).map(DrawAlgorithm.Shortage::targetId).collect(Collectors.joining("、")));
            }
            DrawResult result = DrawAlgorithm.draw(input);
            String targetsHash = DrawAlgorithm.targetsHash(pool);
            String inspectorsHash = DrawAlgorithm.inspectorsHash(inspectorPool);
            String conflictsHash = DrawAlgorithm.conflictsHash(conflicts);
            storeSnapshots(c, drawId, pool, inspectorPool, conflicts);
            ObjectNode resultJson = Payloads.result(result);
            ObjectNode p = Payloads.object();
            p.put("draw", drawId);
            p.put("plan", plan.id());
            p.put("round", d.round());
            if (d.supersedes() != null) {
                p.put("supersedes", d.supersedes());
            }
            p.put("algorithm", input.algorithm());
            p.put("seedMode", d.seedMode().name());
            p.set("sources", Payloads.sources(sources));
            p.put("key", key);
            p.put("poolSize", pool.size());
            p.put("targetsHash", targetsHash);
            p.put("inspectorsHash", inspectorsHash);
            p.put("conflictsHash", conflictsHash);
            p.put("targetCount", count);
            p.put("inspectorsPerTarget", plan.inspectorsPerTarget());
            p.put("excludeOwnArea", plan.excludeOwnArea());
            p.put("category", category);
            p.set("result", resultJson);
            RecordEntry entry = record.append(c, EntryDraft.of(OBJECT_TYPE, "draw:" + drawId, null,
                    "spotcheck.draw.made", Payloads.write(p)), actor);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO SC_DRAW_MADE (DRAW_ID, ALGORITHM, KEY_TEXT,"
                    + " SOURCES_JSON, TARGETS_HASH, INSPECTORS_HASH, CONFLICTS_HASH, POOL_SIZE, TARGET_COUNT,"
                    + " RESULT_JSON, DRAWN_AT, DRAWN_BY, RECORD_SEQ) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setLong(1, drawId);
                ps.setString(2, input.algorithm());
                ps.setString(3, key);
                ps.setString(4, Payloads.write(Payloads.sources(sources)));
                ps.setString(5, targetsHash);
                ps.setString(6, inspectorsHash);
                ps.setString(7, conflictsHash);
                ps.setInt(8, pool.size());
                ps.setInt(9, count);
                ps.setString(10, Payloads.write(resultJson));
                ps.setTimestamp(11, Timestamp.from(clock.instant()));
                ps.setString(12, actor.user());
                ps.setLong(13, entry.seq());
                ps.executeUpdate();
            }
            return drawById(c, drawId).orElseThrow();
        }, SpotCheckServiceImpl::unavailable);
    }

    /** The active targets a plan draws from, in the canonical order (by id). */
    private List<DrawTarget> pool(Connection c, TargetFilter filter) throws SQLException {
        List<Object> args = new ArrayList<>();
        String where = where(filter, false, args);
        List<DrawTarget> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT ID, NAME, CREDIT_CODE, AREA FROM SC_TARGET" + where
                + " ORDER BY ID")) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new DrawTarget(String.valueOf(rs.getLong(1)), rs.getString(2), rs.getString(3),
                            rs.getString(4)));
                }
            }
        }
        return out;
    }

    private static void storeSnapshots(Connection c, long drawId, List<DrawTarget> targets,
                                       List<DrawInspector> inspectors, List<Conflict> conflicts) throws SQLException {
        Jdbc.batch(c, "INSERT INTO SC_SNAP_TARGET (DRAW_ID, POS, TARGET_ID, NAME, CREDIT_CODE, AREA)"
                + " VALUES (?, ?, ?, ?, ?, ?)", positions(targets.size()), i -> new Object[] {drawId, i,
                Long.parseLong(targets.get(i).id()), targets.get(i).name(), targets.get(i).creditCode(),
                targets.get(i).area()});
        Jdbc.batch(c, "INSERT INTO SC_SNAP_INSPECTOR (DRAW_ID, POS, OFFICER_ID, NAME, AREA) VALUES (?, ?, ?, ?, ?)",
                positions(inspectors.size()), i -> new Object[] {drawId, i, Long.parseLong(inspectors.get(i).id()),
                inspectors.get(i).name(), inspectors.get(i).area()});
        Jdbc.batch(c, "INSERT INTO SC_SNAP_CONFLICT (DRAW_ID, POS, OFFICER_ID, TARGET_ID, REASON) VALUES (?, ?, ?, ?, ?)",
                positions(conflicts.size()), i -> new Object[] {drawId, i, Long.parseLong(conflicts.get(i).inspectorId()),
                Long.parseLong(conflicts.get(i).targetId()), conflicts.get(i).reason()});
    }

    /** 0, 1, … size − 1: a snapshot row's position. */
    private static List<Integer> positions(int size) {
        return java.util.stream.IntStream.range(0, size).boxed().toList();
    }

    private static List<DrawTarget> snapshotTargets(Connection c, long drawId) throws SQLException {
        return Jdbc.list(c, "SELECT TARGET_ID, NAME, CREDIT_CODE, AREA FROM SC_SNAP_TARGET WHERE DRAW_ID = ? ORDER BY POS",
                rs -> new DrawTarget(String.valueOf(rs.getLong(1)), rs.getString(2), rs.getString(3), rs.getString(4)),
                drawId);
    }

    private static List<DrawInspector> snapshotInspectors(Connection c, long drawId) throws SQLException {
        return Jdbc.list(c, "SELECT OFFICER_ID, NAME, AREA FROM SC_SNAP_INSPECTOR WHERE DRAW_ID = ? ORDER BY POS",
                rs -> new DrawInspector(String.valueOf(rs.getLong(1)), rs.getString(2), rs.getString(3)), drawId);
    }

    private static List<Conflict> snapshotConflicts(Connection c, long drawId) throws SQLException {
        return Jdbc.list(c, "SELECT OFFICER_ID, TARGET_ID, REASON FROM SC_SNAP_CONFLICT WHERE DRAW_ID = ? ORDER BY POS",
                rs -> new Conflict(String.valueOf(rs.getLong(1)), String.valueOf(rs.getLong(2)), rs.getString(3)), drawId);
    }

    @Override
    public DrawVerification verify(long drawId, Actor actor) {
        Texts.requireStaff(actor);
        return Jdbc.read(dataSource, c -> {
            Draw d = drawById(c, drawId).orElseThrow(() -> M.notFound("DRAW_NOT_FOUND", "id", drawId));
            if (d.status() == Draw.Status.ANNOUNCED) {
                throw M.conflict("DRAW_NOT_MADE", drawId);
            }
            List<String> problems = new ArrayList<>();
            List<DrawTarget> targets = snapshotTargets(c, drawId);
            List<DrawInspector> inspectors = snapshotInspectors(c, drawId);
            List<Conflict> conflicts = snapshotConflicts(c, drawId);
            JsonNode recorded = record.entry(d.recordSeq(), actor).map(e -> Payloads.read(e.payload())).orElse(null);
            if (recorded == null) {
                problems.add(both("VERIFY_ENTRY_MISSING", String.valueOf(d.recordSeq())));
                return new DrawVerification(drawId, false, d.algorithm(), d.key(), null, problems);
            }
            compare(problems, "algorithm", recorded.path("algorithm").asText(), d.algorithm());
            compare(problems, "key", recorded.path("key").asText(), d.key());
            compare(problems, "targetsHash", recorded.path("targetsHash").asText(), DrawAlgorithm.targetsHash(targets));
            compare(problems, "inspectorsHash", recorded.path("inspectorsHash").asText(),
                    DrawAlgorithm.inspectorsHash(inspectors));
            compare(problems, "conflictsHash", recorded.path("conflictsHash").asText(),
                    DrawAlgorithm.conflictsHash(conflicts));
            if (d.seedMode() == Draw.SeedMode.PUBLIC_SOURCES) {
                compare(problems, "sources", recorded.path("key").asText(),
                        DrawAlgorithm.key(Payloads.sources(recorded.path("sources"))));
            }
            DrawResult rerun = null;
            try {
                rerun = DrawAlgorithm.draw(new DrawInput(recorded.path("algorithm").asText(),
                        recorded.path("key").asText(), targets, inspectors, recorded.path("targetCount").asInt(),
                        recorded.path("inspectorsPerTarget").asInt(), recorded.path("excludeOwnArea").asBoolean(),
                        conflicts));
                // as trees: the record keeps a payload canonical (keys sorted), so its text is not ours
                JsonNode again = Payloads.result(rerun);
                if (!recorded.path("result").equals(again)) {
                    compare(problems, "result", Payloads.write(recorded.path("result")), Payloads.write(again));
                }
            } catch (IllegalArgumentException e) {
                problems.add(both("VERIFY_RERUN_FAILED", e.getMessage()));
            }
            return new DrawVerification(drawId, problems.isEmpty(), d.algorithm(), d.key(), rerun, problems);
        }, SpotCheckServiceImpl::unavailable);
    }

    /** A problem in both languages, as {@link DrawVerification#problems()} promises. */
    private static String both(String key, Object... args) {
        return M.zh(key, args) + " / " + M.en(key, args);
    }

    private static void compare(List<String> problems, String what, String recorded, String now) {
        if (!recorded.equals(now)) {
            problems.add(both("VERIFY_DIFFERS", what, recorded, now));
        }
    }

    // ================================================================== the draw file

    @Override
    public void drawFile(long drawId, OutputStream out) {
        Draw d = Jdbc.read(dataSource, c -> drawById(c, drawId), SpotCheckServiceImpl::unavailable)
                .filter(x -> x.status() != Draw.Status.ANNOUNCED)
                .orElseThrow(() -> M.notFound("DRAW_NOT_FOUND", "id", drawId));
        Plan plan = Jdbc.read(dataSource, c -> requirePlan(c, d.planId()), SpotCheckServiceImpl::unavailable);
        List<DrawTarget> targets = Jdbc.read(dataSource, c -> snapshotTargets(c, drawId), SpotCheckServiceImpl::unavailable);
        List<DrawInspector> inspectors = Jdbc.read(dataSource, c -> snapshotInspectors(c, drawId),
                SpotCheckServiceImpl::unavailable);
        List<Conflict> conflicts = Jdbc.read(dataSource, c -> snapshotConflicts(c, drawId),
                SpotCheckServiceImpl::unavailable);
        RecordEntry made = record.entry(d.recordSeq(), DrawFiles.READER).orElseThrow(
                () -> M.notFound("VERIFY_ENTRY_MISSING", "id", d.recordSeq()));
        RecordEntry announced = record.entries(OBJECT_TYPE, "draw:" + drawId, 0, 10, DrawFiles.READER).items().stream()
                .filter(e -> e.entryType().endsWith(".announced")).findFirst().orElse(null);
        try {
            out.write(DrawFiles.write(bureau, bureauName, record, d, plan, made, announced, targets, inspectors,
                    conflicts));
            out.flush();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    // ================================================================== inspection cases and results

    /**
     * Opens the inspection case of every drawn target that has none yet, each remembered with its draw; a
     * refusal (an inspector's certificate lacking the category…) is returned per target and the others go on.
     */
    private Map<Long, String> openCases(Draw d, Plan plan, Actor actor) {
        Map<Long, String> problems = new HashMap<>();
        Map<Long, CaseRef> opened = Jdbc.read(dataSource, c -> caseRefs(c, d.id()), SpotCheckServiceImpl::unavailable);
        for (DrawResult.Assignment a : d.result().assignments()) {
            long targetId = Long.parseLong(a.target().id());
            if (opened.containsKey(targetId)) {
                continue;
            }
            try {
                openCase(d, plan, a, actor);
            } catch (ZhifaException e) {
                LOG.warn("spotcheck: draw {} target {}: no inspection case: {}", d.id(), targetId, e.messageEn());
                problems.put(targetId, e.messageZh() + " / " + e.messageEn());
            }
        }
        return problems;
    }

    private void openCase(Draw d, Plan plan, DrawResult.Assignment a, Actor actor) {
        long targetId = Long.parseLong(a.target().id());
        List<Long> officerIds = a.inspectors().stream().map(i -> Long.parseLong(i.id())).toList();
        InspectionTarget t = target(targetId, actor).orElseThrow(() -> M.notFound("TARGET_NOT_FOUND", "id", targetId));
        String title = M.zh("CASE_TITLE", t.name(), plan.number(), String.valueOf(d.round()));
        // idempotent: a case filed before a crash (or by a concurrent call) is found by its title
        CaseFile file = cases.list(new CaseQuery(plan.number(), KIND, null, null, null, null, null, 0, "id", false, 0,
                CaseQuery.MAX_LIMIT), actor).items().stream().filter(x -> x.title().equals(title)).findFirst()
                .flatMap(x -> cases.find(x.id(), actor))
                .orElseGet(() -> cases.file(new CaseDraft(KIND, caseCategory(d, officerIds, actor), title,
                        new Party(t.type() == InspectionTarget.TargetType.PERSON ? PartyType.PERSON : PartyType.ORGANISATION,
                                t.name(), t.creditCode().isEmpty() ? null : t.creditCode(), null, null, null),
                        officerIds, false, Map.of("source", "随机抽查", "drawId", String.valueOf(d.id()),
                        "inspectionItem", plan.itemName())), actor));
        Jdbc.write(dataSource, c -> {
            if (caseRefs(c, d.id()).containsKey(targetId)) {
                return null;
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO SC_DRAW_CASE (DRAW_ID, TARGET_ID, CASE_ID,"
                    + " CASE_NUMBER, OPENED_AT, OPENED_BY) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setLong(1, d.id());
                ps.setLong(2, targetId);
                ps.setLong(3, file.id());
                ps.setString(4, file.number());
                ps.setTimestamp(5, Timestamp.from(clock.instant()));
                ps.setString(6, actor.user());
                ps.executeUpdate();
            }
            ObjectNode p = Payloads.object();
            p.put("draw", d.id());
            p.put("target", targetId);
            p.put("case", file.id());
            p.put("caseNumber", file.number());
            record.append(c, EntryDraft.of(OBJECT_TYPE, "draw:" + d.id(), null, "spotcheck.case.opened",
                    Payloads.write(p)), actor);
            return null;
        }, SpotCheckServiceImpl::unavailable);
    }

    /**
     * The enforcement category (执法类别) of a draw: the configured {@code caseCategory}, else the bureau's
     * category the most inspectors of the day hold (the first of the bureau's order on a tie). Only inspectors
     * certified for it are drawn, and the drawn targets' cases are filed under it, so the case engine's
     * certificate check (行政处罚法 42) always holds for the inspectors the draw chose.
     */
    private String drawCategory(List<Inspector> inspectors) {
        if (!config.caseCategory().isBlank()) {
            return config.caseCategory().trim();
        }
        List<String> order = new ArrayList<>(personnel.categories());
        inspectors.forEach(i -> i.categories().stream().filter(x -> !order.contains(x)).forEach(order::add));
        String best = null;
        long most = 0;
        for (String category : order) {
            long n = inspectors.stream().filter(i -> i.categories().contains(category)).count();
            if (n > most) {
                best = category;
                most = n;
            }
        }
        if (best == null) {
            throw M.conflict("DRAW_NO_INSPECTORS");
        }
        return best;
    }

    /** The category a draw's cases are filed under: the one its record entry names (drawCategory). */
    private String caseCategory(Draw d, List<Long> officerIds, Actor actor) {
        String recorded = record.entry(d.recordSeq(), actor).map(e -> Payloads.read(e.payload()).path("category")
                .asText("")).orElse("");
        if (!recorded.isBlank()) {
            return recorded;
        }
        List<List<String>> held = officerIds.stream()
                .map(id -> personnel.find(id, actor).map(Officer::categories).orElse(List.of())).toList();
        return personnel.categories().stream().filter(cat -> held.stream().allMatch(h -> h.contains(cat))).findFirst()
                .orElseThrow(() -> M.conflict("CASE_NO_COMMON_CATEGORY"));
    }

    private record CaseRef(long caseId, String number) {}

    private static Map<Long, CaseRef> caseRefs(Connection c, long drawId) throws SQLException {
        return Jdbc.list(c, "SELECT TARGET_ID, CASE_ID, CASE_NUMBER FROM SC_DRAW_CASE WHERE DRAW_ID = ?",
                rs -> Map.entry(rs.getLong(1), new CaseRef(rs.getLong(2), rs.getString(3))), drawId).stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    @Override
    public List<InspectionOutcome> outcomes(long drawId, Actor actor) {
        Texts.requireStaff(actor);
        Draw d = draw(drawId, actor).orElseThrow(() -> M.notFound("DRAW_NOT_FOUND", "id", drawId));
        if (d.status() == Draw.Status.ANNOUNCED) {
            throw M.conflict("DRAW_NOT_MADE", drawId);
        }
        Map<Long, String> problems = Map.of();
        if (Arrays.stream(KEEPERS).anyMatch(actor::has)) {
            problems = openCases(d, plan(d.planId(), actor).orElseThrow(), actor);
        }
        Map<Long, CaseRef> refs = Jdbc.read(dataSource, c -> caseRefs(c, drawId), SpotCheckServiceImpl::unavailable);
        List<InspectionOutcome> out = new ArrayList<>();
        for (DrawResult.Assignment a : d.result().assignments()) {
            long targetId = Long.parseLong(a.target().id());
            CaseRef ref = refs.get(targetId);
            if (ref == null) {
                out.add(new InspectionOutcome(drawId, targetId, a.target().name(), null, null, null, null, null, null,
                        null, null, null, problems.getOrDefault(targetId, M.zh("CASE_NOT_OPENED") + " / "
                        + M.en("CASE_NOT_OPENED"))));
                continue;
            }
            out.add(outcome(drawId, targetId, a.target().name(), ref, actor));
        }
        return out;
    }

    private InspectionOutcome outcome(long drawId, long targetId, String name, CaseRef ref, Actor actor) {
        CaseFile cf = cases.find(ref.caseId(), actor).orElse(null);
        if (cf == null) {
            return new InspectionOutcome(drawId, targetId, name, ref.caseId(), ref.number(), null, null, null, null,
                    null, null, null, null);
        }
        String result = cf.fields().get("result");
        String ended = cf.fields().get("endedOn");
        InspectionOutcome.Finding finding = null;
        if (result != null) {
            try {
                finding = InspectionOutcome.Finding.ofLabel(result);
            } catch (IllegalArgumentException e) {
                LOG.warn("spotcheck: case {} has an unknown result {}", cf.number(), result);
            }
        }
        DisclosureService ds = disclosure;
        DisclosureItem item = result == null || ds == null ? null
                : ds.items(new ItemQuery(null, ItemType.DECISION, KIND, null, cf.number(), 0, 50), actor).items()
                        .stream().filter(i -> Long.valueOf(cf.id()).equals(i.caseId())).findFirst().orElse(null);
        return new InspectionOutcome(drawId, targetId, name, cf.id(), cf.number(), cf.step(),
                ended == null || ended.isBlank() ? null : LocalDate.parse(ended.substring(0, Math.min(10, ended.length()))),
                finding, cf.fields().get("findings"), item == null ? null : item.dueOn(),
                item == null ? null : item.id(),
                item == null || item.publishedAt() == null ? null
                        : LocalDate.ofInstant(item.publishedAt(), clock.getZone()), null);
    }

    @Override
    public InspectionOutcome recordOutcome(long drawId, long targetId, LocalDate endedOn,
                                           InspectionOutcome.Finding finding, String summary, Actor actor) {
        Texts.requireStaff(actor);
        if (endedOn == null) {
            throw M.invalid("FIELD_REQUIRED", "endedOn", "endedOn");
        }
        if (finding == null) {
            throw M.invalid("FIELD_REQUIRED", "finding", "finding");
        }
        String text = required(summary, "summary", 4000);
        Draw d = draw(drawId, actor).orElseThrow(() -> M.notFound("DRAW_NOT_FOUND", "id", drawId));
        CaseRef ref = Jdbc.read(dataSource, c -> caseRefs(c, drawId), SpotCheckServiceImpl::unavailable).get(targetId);
        if (ref == null) {
            throw M.notFound("OUTCOME_NO_CASE", "targetId", targetId, d.id());
        }
        CaseFile cf = cases.find(ref.caseId(), actor).orElseThrow(() -> M.notFound("OUTCOME_NO_CASE", "targetId",
                targetId, d.id()));
        if (!"onsite".equals(cf.step())) {
            throw M.conflict("OUTCOME_NOT_ONSITE", cf.number(), cf.stepTitleZh());
        }
        cases.transition(cf.id(), "record_result", Map.of("endedOn", endedOn.toString(), "result", finding.label(),
                "findings", text), null, cf.version(), actor);
        return outcome(drawId, targetId, cf.party() == null ? "" : cf.party().name(), ref, actor);
    }

    // ================================================================== notices

    /**
     * Publishes a draw's announcement, result or redraw as a notice (公告), created and approved by the
     * 负责人 who took the step. Disclosure failing never undoes the step: the record holds it either way, and a
     * missing notice is logged for the bureau to publish by hand.
     */
    private void publish(Draw d, Plan plan, Actor actor) {
        DisclosureService ds = disclosure;
        if (ds == null) {
            return;
        }
        try {
            String title;
            String text;
            if (d.status() == Draw.Status.ANNOUNCED) {
                title = M.zh(d.supersedes() == null ? "NOTICE_ANNOUNCED_TITLE" : "NOTICE_REDRAW_TITLE", plan.number(),
                        plan.itemName(), String.valueOf(d.round()));
                text = DrawFiles.announcementText(d, plan);
            } else {
                title = M.zh("NOTICE_DRAWN_TITLE", plan.number(), plan.itemName(), String.valueOf(d.round()));
                text = DrawFiles.resultText(d, plan);
            }
            DisclosureItem item = ds.create(new ItemDraft(ItemType.NOTICE, null, title, null, null, false, false,
                    LocalDate.now(clock), text, List.of(), List.of()), actor);
            ds.approve(item.id(), List.of(), actor);
        } catch (ZhifaException | IllegalStateException e) {
            LOG.warn("spotcheck: draw {} was not published as a notice: {}", d.id(), e.getMessage());
        }
    }

    // ================================================================== helpers

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ZhifaException unavailable(SQLException e) {
        LOG.warn("spotcheck: {}", e.toString());
        if ("23505".equals(e.getSQLState())) {
            return M.conflict("CONCURRENT_CHANGE");
        }
        return M.error(Kind.UNAVAILABLE, "DATABASE_UNAVAILABLE", null, e.getMessage());
    }
}
