package org.zhifa.legalreview.internal;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
import org.zhifa.api.calendar.WorkingDays;
import org.zhifa.api.cases.CaseEvent;
import org.zhifa.api.cases.CaseFile;
import org.zhifa.api.cases.CaseQuery;
import org.zhifa.api.cases.CaseService;
import org.zhifa.api.cases.CaseStatus;
import org.zhifa.api.cases.CaseSummary;
import org.zhifa.api.cases.PreparedDecision;
import org.zhifa.api.common.Jdbc;
import org.zhifa.api.common.Actor;
import org.zhifa.api.common.BureauInfo;
import org.zhifa.api.common.Page;
import org.zhifa.api.common.Roles;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.common.ZhifaException.Kind;
import org.zhifa.api.kind.CaseFacts;
import org.zhifa.api.kind.DecisionFacts;
import org.zhifa.api.kind.EnforcementKind;
import org.zhifa.api.legalreview.CaseFlag;
import org.zhifa.api.legalreview.Catalogue;
import org.zhifa.api.legalreview.CatalogueDraft;
import org.zhifa.api.legalreview.CatalogueRule;
import org.zhifa.api.legalreview.ChecklistItem;
import org.zhifa.api.legalreview.CounselOpinion;
import org.zhifa.api.legalreview.DecisionDraft;
import org.zhifa.api.legalreview.DecisionGate;
import org.zhifa.api.legalreview.Discussion;
import org.zhifa.api.legalreview.Finding;
import org.zhifa.api.legalreview.LegalReview;
import org.zhifa.api.legalreview.LegalReviewService;
import org.zhifa.api.legalreview.MajorEvaluation;
import org.zhifa.api.legalreview.Material;
import org.zhifa.api.legalreview.PreviewRow;
import org.zhifa.api.legalreview.ReviewCounts;
import org.zhifa.api.legalreview.ReviewStatus;
import org.zhifa.api.legalreview.Reviewer;
import org.zhifa.api.legalreview.StaffingReport;
import org.zhifa.api.personnel.OfficerQuery;
import org.zhifa.api.personnel.PersonnelService;
import org.zhifa.api.record.EntryDraft;
import org.zhifa.api.record.RecordService;
import org.zhifa.api.schema.SchemaMigrator;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Legal review on plain JDBC. Every write is one transaction: its rows, then its record entry on the same
 * connection, so both commit or neither does; a refusal writes nothing. Also the {@link DecisionGate} the
 * case engine asks (see {@link DecisionGateImpl}).
 */
@Component(service = {LegalReviewService.class, DecisionGate.class}, configurationPid = LegalReviewConfig.PID)
@Designate(ocd = LegalReviewConfig.class)
public final class LegalReviewServiceImpl implements LegalReviewService, DecisionGate {
    private static final Logger LOG = LoggerFactory.getLogger(LegalReviewServiceImpl.class);
    static final String OBJECT_TYPE = "legalreview";
    static final int MAX_OPEN_CASES = 5000;

    /** What configuration sets. */
    record Settings(int reviewWorkingDays, int extensionWorkingDays, Set<Material> required, BigDecimal staffingTarget) {

        static Settings of(LegalReviewConfig c) {
            if (c.reviewWorkingDays() < 1 || c.extensionWorkingDays() < 0) {
                throw new IllegalArgumentException("org.zhifa.legalreview: reviewWorkingDays >= 1, extensionWorkingDays >= 0");
            }
            Set<Material> required = EnumSet.noneOf(Material.class);
            for (String m : c.requiredMaterials().split("[,\\s]+")) {
                if (!m.isBlank()) {
                    required.add(Material.valueOf(m.strip()));
                }
            }
            return new Settings(c.reviewWorkingDays(), c.extensionWorkingDays(), required,
                    new BigDecimal(c.staffingTarget().strip()));
        }
    }

    private final DataSource dataSource;
    private final RecordService record;
    private final Store store;
    private volatile CaseService cases;
    private final WorkingDays workingDays;
    private final PersonnelService personnel;
    private final Settings settings;
    private final Clock clock;
    private final DecisionGateImpl gate;
    private final Map<String, EnforcementKind> kinds = new ConcurrentHashMap<>();

    @Activate
    public LegalReviewServiceImpl(@Reference(name = "dataSource", target = "(osgi.jndi.service.name=zhifa)") DataSource dataSource,
                                  @Reference(name = "record") RecordService record,
                                  @Reference(name = "bureau") BureauInfo bureau,
                                  @Reference(name = "migrator") SchemaMigrator migrator,
                                  @Reference(name = "cases") CaseService cases,
                                  @Reference(name = "workingDays") WorkingDays workingDays,
                                  @Reference(name = "personnel") PersonnelService personnel,
                                  LegalReviewConfig config, BundleContext context) {
        this(dataSource, record, bureau.code(), cases, workingDays, personnel, Settings.of(config),
                Clock.system(ZoneId.of(config.zone())));
        migrator.migrate("legalreview", context.getBundle());
        seed(resolve(config.catalogueFile()));
    }

    LegalReviewServiceImpl(DataSource dataSource, RecordService record, String bureau, CaseService cases,
                           WorkingDays workingDays, PersonnelService personnel, Settings settings, Clock clock) {
        this.dataSource = dataSource;
        this.record = record;
        this.store = new Store(bureau);
        this.cases = cases;
        this.workingDays = workingDays;
        this.personnel = personnel;
        this.settings = settings;
        this.clock = clock;
        this.gate = new DecisionGateImpl(store, record, clock);
    }

    /** For tests: the engine is built after the gate it asks. */
    void bindCases(CaseService c) {
        cases = c;
    }

    @Reference(name = "kinds", service = EnforcementKind.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void addKind(EnforcementKind kind) {
        kinds.put(kind.id(), kind);
    }

    void removeKind(EnforcementKind kind) {
        kinds.remove(kind.id(), kind);
    }

    static Path resolve(String configured) {
        String etc = System.getProperty("karaf.etc", System.getProperty("karaf.base", ".") + "/etc");
        return Path.of(configured.replace("${karaf.etc}", etc));
    }

    /** Version 1 on first start: the shipped national default. */
    void seed(Path file) {
        CatalogueDraft national;
        try (InputStream in = Files.newInputStream(file)) {
            national = CatalogueJson.read(in);
        } catch (IOException e) {
            throw new IllegalStateException("legal-review catalogue " + file + " unusable: " + e.getMessage(), e);
        }
        seed(national);
    }

    synchronized void seed(CatalogueDraft national) {
        Actor system = new Actor("zhifa-legalreview", Set.of(Roles.ADMIN));
        write(c -> {
            if (!store.catalogues(c).isEmpty()) {
                return null;
            }
            insertCatalogue(c, 1, national, system);
            LOG.info("Legal review of bureau {}: national catalogue seeded as version 1 ({} rules, in force from {})",
                    store.bureau, national.rules().size(), national.effectiveFrom());
            return null;
        });
    }

    // ------------------------------------------------------------ the gate

    @Override
    public MajorEvaluation admit(Connection transaction, PreparedDecision decision, Actor actor) {
        return gate.admit(transaction, decision, actor);
    }

    // ------------------------------------------------------------ catalogue

    @Override
    public List<Catalogue> catalogues(Actor actor) {
        reader(actor);
        return read(store::catalogues);
    }

    @Override
    public Catalogue catalogueOn(LocalDate day, Actor actor) {
        reader(actor);
        LocalDate d = day == null ? today() : day;
        return read(c -> store.catalogueOn(c, d));
    }

    @Override
    public synchronized Catalogue publishCatalogue(CatalogueDraft draft, Actor actor) {
        role(actor, Roles.ADMIN, Roles.LEADER);
        CatalogueDraft checked = checked(draft);
        return write(c -> {
            List<Catalogue> all = store.catalogues(c);
            Catalogue last = all.get(all.size() - 1);
            if (checked.effectiveFrom().isBefore(last.effectiveFrom())) {
                throw Messages.invalid("CATALOGUE_DATE", "effectiveFrom", checked.effectiveFrom().toString(),
                        last.version(), last.effectiveFrom().toString());
            }
            return insertCatalogue(c, last.version() + 1, checked, actor);
        });
    }

    private Catalogue insertCatalogue(Connection c, int version, CatalogueDraft d, Actor actor) throws SQLException {
        List<CatalogueRule> rules = CatalogueJson.checked(d.rules());
        Instant now = Instant.now(clock);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO LR_CATALOGUE (BUREAU, VERSION, EFFECTIVE_FROM,"
                + " REVIEW_ALL_ORDINARY, RULES, NOTE, CREATED_BY, CREATED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, store.bureau);
            ps.setInt(2, version);
            ps.setDate(3, java.sql.Date.valueOf(d.effectiveFrom()));
            ps.setBoolean(4, d.reviewAllOrdinary());
            ps.setString(5, CatalogueJson.write(rules));
            ps.setString(6, d.note());
            ps.setString(7, actor.user());
            ps.setTimestamp(8, Timestamp.from(now));
            ps.executeUpdate();
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("version", version);
        p.put("effectiveFrom", d.effectiveFrom().toString());
        p.put("reviewAllOrdinary", d.reviewAllOrdinary());
        p.put("rules", rules.stream().map(CatalogueJson::map).toList());
        p.put("note", d.note());
        append(c, "catalogue", null, "legalreview.catalogue.published", p, actor);
        return new Catalogue(version, d.effectiveFrom(), d.reviewAllOrdinary(), rules, d.note(), actor.user(), now);
    }

    private static CatalogueDraft checked(CatalogueDraft draft) {
        if (draft == null) {
            throw Messages.invalid("BODY_REQUIRED", null);
        }
        if (draft.effectiveFrom() == null) {
            throw Messages.invalid("FIELD_REQUIRED", "effectiveFrom", "effectiveFrom");
        }
        if (draft.rules().size() > 200) {
            throw Messages.invalid("FIELD_TOO_LONG", "rules", "rules", 200);
        }
        return new CatalogueDraft(draft.effectiveFrom(), draft.reviewAllOrdinary(), CatalogueJson.checked(draft.rules()),
                Validation.text(draft.note(), "note", 1000, false));
    }

    @Override
    public List<PreviewRow> previewCatalogue(CatalogueDraft draft, Actor actor) {
        reader(actor);
        CatalogueDraft checked = checked(draft);
        LocalDate today = today();
        return read(c -> {
            List<Catalogue> all = store.catalogues(c);
            Catalogue current = Store.inForce(all, today);
            Catalogue proposed = new Catalogue(all.get(all.size() - 1).version() + 1, checked.effectiveFrom(),
                    checked.reviewAllOrdinary(), checked.rules(), checked.note(), actor.user(), Instant.now(clock));
            List<PreviewRow> rows = new ArrayList<>();
            for (CaseSummary s : openCases(actor)) {
                if (decidedSinceLastDraft(c, s.id())) {
                    continue;
                }
                Optional<Evaluator.Subject> subject = subject(c, s.id(), actor);
                if (subject.isEmpty()) {
                    continue;
                }
                MajorEvaluation before = Evaluator.evaluate(current, subject.get());
                MajorEvaluation after = Evaluator.evaluate(proposed, subject.get());
                if (before.major() != after.major() || before.reviewRequired() != after.reviewRequired()) {
                    rows.add(new PreviewRow(s.id(), s.number(), s.title(), before, after));
                }
            }
            return rows;
        });
    }

    /** A case whose decision was taken and not drafted anew since: a catalogue change no longer touches it. */
    private boolean decidedSinceLastDraft(Connection c, long caseId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT MAX(AT_TIME) FROM LR_DECISION WHERE CASE_ID = ?")) {
            ps.setLong(1, caseId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                Timestamp decided = rs.getTimestamp(1);
                if (decided == null) {
                    return false;
                }
                Optional<Store.DraftRow> draft = store.latestDraft(c, caseId);
                return draft.isEmpty() || !draft.get().draft().createdAt().isAfter(decided.toInstant());
            }
        }
    }

    private List<CaseSummary> openCases(Actor actor) {
        List<CaseSummary> out = new ArrayList<>();
        for (int offset = 0; offset < MAX_OPEN_CASES; offset += CaseQuery.MAX_LIMIT) {
            Page<CaseSummary> page = cases.list(new CaseQuery(null, null, null, CaseStatus.OPEN, null, null, null, 0,
                    "id", true, offset, CaseQuery.MAX_LIMIT), actor);
            out.addAll(page.items());
            if (offset + CaseQuery.MAX_LIMIT >= page.total()) {
                break;
            }
        }
        return out;
    }

    /**
     * What the catalogue judges of an open case: its latest draft when it has one (prepared by the engine
     * exactly as the decision would be), else the case's facts so far as its kind reads them (a penalty
     * case, e.g., by the penalty proposed in its 告知). Empty when the kind is not installed.
     */
    private Optional<Evaluator.Subject> subject(Connection c, long caseId, Actor actor) throws SQLException {
        Set<CaseFlag> flags = store.flags(c, caseId);
        Optional<Store.DraftRow> latest = store.latestDraft(c, caseId);
        if (latest.isPresent()) {
            try {
                PreparedDecision d = cases.prepareDecision(caseId, latest.get().draft().transition(),
                        latest.get().draft().fields(), actor);
                return Optional.of(new Evaluator.Subject(d.kind(), d.partyType(), d.simple(), d.facts(), flags,
                        d.kindReasons()));
            } catch (ZhifaException e) {
                // the kind changed under the draft: judge the case's facts instead
            }
        }
        CaseFile f = cases.find(caseId, actor).orElse(null);
        EnforcementKind kind = f == null ? null : kinds.get(f.kind());
        if (kind == null) {
            return Optional.empty();
        }
        List<String> taken = f.events().stream().filter(e -> "TRANSITION".equals(e.type())).map(CaseEvent::transition)
                .toList();
        CaseFacts facts = new CaseFacts(f.kind(), f.number(), f.party().type(), f.minor(), f.simple(), f.step(),
                f.filedOn(), taken, f.fields());
        DecisionFacts d = kind.decisionFacts(facts);
        List<String> reasons = kind.majorReasons(facts);
        return Optional.of(new Evaluator.Subject(f.kind(), f.party().type(), f.simple(),
                d == null ? DecisionFacts.NONE : d, flags, reasons == null ? List.of() : reasons));
    }

    // ------------------------------------------------------------ cases

    @Override
    public Set<CaseFlag> flags(long caseId, Actor actor) {
        reader(actor);
        requireCase(caseId, actor);
        return read(c -> store.flags(c, caseId));
    }

    @Override
    public synchronized Set<CaseFlag> setFlag(long caseId, CaseFlag flag, boolean on, String reason, Actor actor) {
        role(actor, Roles.OFFICER, Roles.LEADER);
        if (flag == null) {
            throw Messages.invalid("FIELD_REQUIRED", "flag", "flag");
        }
        String why = Validation.text(reason, "reason", 1000, true);
        CaseFile kase = requireCase(caseId, actor);
        return write(c -> {
            Set<CaseFlag> now = store.flags(c, caseId);
            if (now.contains(flag) == on) {
                throw Messages.conflict(on ? "FLAG_ALREADY_SET" : "FLAG_NOT_SET", Messages.zh("flag." + flag.name()));
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO LR_FLAG (BUREAU, CASE_ID, FLAG, SET_ON, REASON,"
                    + " ACTOR, AT_TIME) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, store.bureau);
                ps.setLong(2, caseId);
                ps.setString(3, flag.name());
                ps.setBoolean(4, on);
                ps.setString(5, why);
                ps.setString(6, actor.user());
                ps.setTimestamp(7, Timestamp.from(Instant.now(clock)));
                ps.executeUpdate();
            }
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("case", caseId);
            p.put("flag", flag.name());
            p.put("on", on);
            p.put("reason", why);
            append(c, Long.toString(caseId), kase.step(), on ? "legalreview.flag.set" : "legalreview.flag.cleared", p,
                    actor);
            return store.flags(c, caseId);
        });
    }

    @Override
    public MajorEvaluation evaluate(long caseId, String transition, Map<String, String> fields, Actor actor) {
        reader(actor);
        PreparedDecision d = cases.prepareDecision(caseId, transition, fields, actor);
        LocalDate today = today();
        return read(c -> judge(c, d, today));
    }

    private MajorEvaluation judge(Connection c, PreparedDecision d, LocalDate day) throws SQLException {
        return Evaluator.evaluate(store.catalogueOn(c, day), new Evaluator.Subject(d.kind(), d.partyType(), d.simple(),
                d.facts(), store.flags(c, d.caseId()), d.kindReasons()));
    }

    @Override
    public synchronized DecisionDraft saveDraft(long caseId, String transition, Map<String, String> fields, Actor actor) {
        role(actor, Roles.OFFICER, Roles.LEADER);
        PreparedDecision d = cases.prepareDecision(caseId, transition, fields, actor);
        LocalDate today = today();
        long id = write(c -> {
            MajorEvaluation e = judge(c, d, today);
            String hash = Store.hash(d.transition(), d.fields());
            List<Store.DraftRow> drafts = store.drafts(c, caseId);
            if (!drafts.isEmpty() && drafts.get(drafts.size() - 1).draft().hash().equals(hash)) {
                throw Messages.conflict("DRAFT_UNCHANGED", drafts.get(drafts.size() - 1).draft().version());
            }
            int version = drafts.size() + 1;
            Instant now = Instant.now(clock);
            long draftId;
            try (PreparedStatement ps = Store.returning(c, "INSERT INTO LR_DRAFT (BUREAU, CASE_ID, VERSION, TRANSITION,"
                    + " FIELDS, HASH, MAJOR, REVIEW_REQUIRED, CATALOGUE_VERSION, EVALUATION, CREATED_BY, CREATED_AT)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, store.bureau);
                ps.setLong(2, caseId);
                ps.setInt(3, version);
                ps.setString(4, d.transition());
                ps.setString(5, Store.json(new java.util.TreeMap<>(d.fields())));
                ps.setString(6, hash);
                ps.setBoolean(7, e.major());
                ps.setBoolean(8, e.reviewRequired());
                ps.setInt(9, e.catalogueVersion());
                ps.setString(10, Store.json(Store.evaluationMap(e)));
                ps.setString(11, actor.user());
                ps.setTimestamp(12, Timestamp.from(now));
                draftId = Store.insert(ps);
            }
            // a new version voids the open and passed reviews of the earlier ones
            List<Long> voided = new ArrayList<>();
            for (Store.DraftRow earlier : drafts) {
                for (long reviewId : reviewIds(c, "DRAFT_ID", earlier.draft().id())) {
                    ReviewStatus s = Store.status(c, reviewId);
                    if (s.open() || s.opensGate()) {
                        Store.event(c, reviewId, "VOIDED", ReviewStatus.VOID, actor.user(), now,
                                Map.of("draft", draftId, "version", version, "was", s.name()));
                        voided.add(reviewId);
                    }
                }
            }
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("case", caseId);
            p.put("draft", draftId);
            p.put("version", version);
            p.put("transition", d.transition());
            p.put("fields", new java.util.TreeMap<>(d.fields()));
            p.put("hash", hash);
            p.put("evaluation", Store.evaluationMap(e));
            p.put("voidedReviews", voided);
            append(c, Long.toString(caseId), d.step(), "legalreview.draft.saved", p, actor);
            return draftId;
        });
        return drafts(caseId, actor).stream().filter(x -> x.id() == id).findFirst().orElseThrow();
    }

    @Override
    public List<DecisionDraft> drafts(long caseId, Actor actor) {
        reader(actor);
        return read(c -> store.drafts(c, caseId).stream().map(Store.DraftRow::draft).toList());
    }

    @Override
    public List<LegalReview> reviewsOfCase(long caseId, Actor actor) {
        reader(actor);
        return read(c -> {
            List<LegalReview> out = new ArrayList<>();
            for (long id : reviewIds(c, "CASE_ID", caseId)) {
                out.add(load(c, id));
            }
            return out;
        });
    }

    private List<Long> reviewIds(Connection c, String column, long value) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT ID FROM LR_REVIEW WHERE " + column + " = ? AND BUREAU = ?"
                + " ORDER BY ID")) {
            ps.setLong(1, value);
            ps.setString(2, store.bureau);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    // ------------------------------------------------------------ reviews

    @Override
    public synchronized LegalReview submit(long caseId, long draftId, Set<Material> materials, String note, Actor actor) {
        role(actor, Roles.OFFICER, Roles.LEADER);
        Set<Material> given = materials == null ? Set.of() : materials;
        List<Material> missing = settings.required().stream().filter(m -> !given.contains(m)).sorted().toList();
        if (!missing.isEmpty()) {
            throw Messages.invalid("MATERIALS_MISSING", "materials",
                    missing.stream().map(m -> Messages.zh("material." + m.name())).collect(Collectors.joining("、")));
        }
        String text = Validation.text(note, "note", 2000, false);
        CaseFile kase = requireCase(caseId, actor);
        LocalDate today = today();
        long id = write(c -> {
            Store.DraftRow latest = store.latestDraft(c, caseId)
                    .orElseThrow(() -> Messages.conflict("DRAFT_NONE", kase.number()));
            if (latest.draft().id() != draftId) {
                throw Messages.conflict("DRAFT_NOT_CURRENT", draftId, latest.draft().version());
            }
            for (long r : reviewIds(c, "DRAFT_ID", draftId)) {
                ReviewStatus s = Store.status(c, r);
                if (s != ReviewStatus.VOID) {
                    throw Messages.conflict("REVIEW_EXISTS", latest.draft().version(), Messages.zh("status." + s.name()));
                }
            }
            LocalDate due = workingDays.add(today, settings.reviewWorkingDays());
            Instant now = Instant.now(clock);
            String list = given.stream().sorted().map(Material::name).collect(Collectors.joining(","));
            long reviewId;
            try (PreparedStatement ps = Store.returning(c, "INSERT INTO LR_REVIEW (BUREAU, CASE_ID, DRAFT_ID, MATERIALS,"
                    + " NOTE, SUBMITTED_BY, SUBMITTED_AT, SUBMITTED_ON, DUE_ON) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, store.bureau);
                ps.setLong(2, caseId);
                ps.setLong(3, draftId);
                ps.setString(4, list);
                ps.setString(5, text);
                ps.setString(6, actor.user());
                ps.setTimestamp(7, Timestamp.from(now));
                ps.setDate(8, java.sql.Date.valueOf(today));
                ps.setDate(9, java.sql.Date.valueOf(due));
                reviewId = Store.insert(ps);
            }
            Store.event(c, reviewId, "SUBMITTED", ReviewStatus.SUBMITTED, actor.user(), now, Map.of());
            Map<String, Object> p = payload(caseId, reviewId);
            p.put("draft", draftId);
            p.put("hash", latest.draft().hash());
            p.put("materials", list);
            p.put("note", text);
            p.put("due", due.toString());
            append(c, Long.toString(caseId), kase.step(), "legalreview.review.submitted", p, actor);
            return reviewId;
        });
        return review(id, actor).orElseThrow();
    }

    @Override
    public synchronized LegalReview assign(long reviewId, String reviewer, Actor actor) {
        role(actor, Roles.LEADER, Roles.ADMIN);
        String user = Validation.text(reviewer, "reviewer", 64, true);
        return step(reviewId, actor, (c, r) -> {
            if (r.status() != ReviewStatus.SUBMITTED && r.status() != ReviewStatus.ASSIGNED) {
                throw Messages.conflict("REVIEW_STATUS", Messages.zh("status." + r.status().name()));
            }
            Reviewer who = reviewer(c, user).orElseThrow(() -> Messages.conflict("REVIEWER_UNKNOWN", user));
            if (!who.active()) {
                throw Messages.conflict("REVIEWER_INACTIVE", who.name());
            }
            if (who.reviewsDone() == 0 && !who.legalQualification()) {
                throw Messages.conflict("REVIEWER_UNQUALIFIED", who.name());
            }
            String drafter = drafter(c, r.draftId());
            if (user.equals(drafter) || user.equals(r.submittedBy())) {
                throw Messages.conflict("REVIEWER_IS_HANDLER", who.name());
            }
            Store.event(c, reviewId, "ASSIGNED", ReviewStatus.ASSIGNED, actor.user(), Instant.now(clock),
                    Map.of("reviewer", user));
            return Map.of("reviewer", user, "firstReview", who.reviewsDone() == 0);
        }, "legalreview.review.assigned");
    }

    @Override
    public synchronized LegalReview extend(long reviewId, String reason, Actor actor) {
        role(actor, Roles.LEADER);
        String why = Validation.text(reason, "reason", 1000, true);
        return step(reviewId, actor, (c, r) -> {
            if (!r.status().open() || r.status() == ReviewStatus.ESCALATED) {
                throw Messages.conflict("REVIEW_STATUS", Messages.zh("status." + r.status().name()));
            }
            if (r.extended()) {
                throw Messages.conflict("REVIEW_EXTENDED_ONCE", r.due().toString());
            }
            LocalDate due = workingDays.add(r.due(), settings.extensionWorkingDays());
            Store.event(c, reviewId, "EXTENDED", null, actor.user(), Instant.now(clock),
                    Map.of("reason", why, "due", due.toString()));
            return Map.of("reason", why, "due", due.toString());
        }, "legalreview.review.extended");
    }

    @Override
    public synchronized LegalReview decide(long reviewId, List<Finding> findings, boolean passed, String opinion,
                                           Actor actor) {
        role(actor, Roles.REVIEWER);
        String text = Validation.text(opinion, "opinion", 4000, true);
        List<Finding> checked = findings(findings, passed);
        return step(reviewId, actor, (c, r) -> {
            if (r.status() != ReviewStatus.ASSIGNED) {
                throw Messages.conflict("REVIEW_STATUS", Messages.zh("status." + r.status().name()));
            }
            if (!actor.user().equals(r.reviewer())) {
                throw Messages.error(Kind.FORBIDDEN, "REVIEW_NOT_ASSIGNED_TO_YOU", null, r.reviewer());
            }
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("passed", passed);
            data.put("opinion", text);
            data.put("findings", checked.stream().map(f -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("item", f.item().name());
                m.put("verdict", f.verdict().name());
                m.put("note", f.note());
                return m;
            }).toList());
            Store.event(c, reviewId, "DECIDED", passed ? ReviewStatus.PASSED : ReviewStatus.FAILED, actor.user(),
                    Instant.now(clock), data);
            return data;
        }, "legalreview.review.decided");
    }

    /** Every checklist item once, with a verdict; a pass with a problem is refused. */
    private static List<Finding> findings(List<Finding> in, boolean passed) {
        List<Finding> given = in == null ? List.of() : in;
        Map<ChecklistItem, Finding> by = new LinkedHashMap<>();
        for (int i = 0; i < given.size(); i++) {
            Finding f = given.get(i);
            if (f == null || f.item() == null || f.verdict() == null) {
                throw Messages.invalid("FINDING_INCOMPLETE", "findings[" + i + "]", i + 1);
            }
            if (by.put(f.item(), new Finding(f.item(), f.verdict(), Validation.text(f.note(), "findings[" + i + "].note",
                    1000, false))) != null) {
                throw Messages.invalid("FINDING_TWICE", "findings[" + i + "]", Messages.zh("item." + f.item().name()));
            }
        }
        List<String> missing = Arrays.stream(ChecklistItem.values()).filter(x -> !by.containsKey(x))
                .map(x -> Messages.zh("item." + x.name())).toList();
        if (!missing.isEmpty()) {
            throw Messages.invalid("FINDINGS_MISSING", "findings", String.join("、", missing));
        }
        if (passed) {
            List<String> problems = by.values().stream().filter(f -> f.verdict() == Finding.Verdict.PROBLEM)
                    .map(f -> Messages.zh("item." + f.item().name())).toList();
            if (!problems.isEmpty()) {
                throw Messages.invalid("REVIEW_PASS_WITH_PROBLEM", "passed", String.join("、", problems));
            }
        }
        return Arrays.stream(ChecklistItem.values()).map(by::get).toList();
    }

    @Override
    public synchronized LegalReview addCounselOpinion(long reviewId, CounselOpinion.Role role, String name,
                                                      String opinion, Actor actor) {
        role(actor, Roles.REVIEWER, Roles.LEADER);
        if (role == null) {
            throw Messages.invalid("FIELD_REQUIRED", "role", "role");
        }
        String who = Validation.text(name, "name", 50, true);
        String text = Validation.text(opinion, "opinion", 4000, true);
        return step(reviewId, actor, (c, r) -> {
            if (r.status() == ReviewStatus.VOID) {
                throw Messages.conflict("REVIEW_STATUS", Messages.zh("status." + r.status().name()));
            }
            Map<String, Object> data = Map.of("role", role.name(), "name", who, "opinion", text);
            Store.event(c, reviewId, "COUNSEL", null, actor.user(), Instant.now(clock), data);
            return data;
        }, "legalreview.review.counsel");
    }

    @Override
    public synchronized LegalReview escalate(long reviewId, String reason, Actor actor) {
        role(actor, Roles.OFFICER, Roles.LEADER);
        String why = Validation.text(reason, "reason", 2000, true);
        return step(reviewId, actor, (c, r) -> {
            if (r.status() != ReviewStatus.FAILED) {
                throw Messages.conflict("REVIEW_ESCALATE_FAILED_ONLY", Messages.zh("status." + r.status().name()));
            }
            Store.event(c, reviewId, "ESCALATED", ReviewStatus.ESCALATED, actor.user(), Instant.now(clock),
                    Map.of("reason", why));
            return Map.of("reason", why);
        }, "legalreview.review.escalated");
    }

    @Override
    public synchronized LegalReview recordDiscussion(long reviewId, Discussion discussion, Actor actor) {
        role(actor, Roles.LEADER);
        if (discussion == null) {
            throw Messages.invalid("BODY_REQUIRED", null);
        }
        LocalDate today = today();
        if (discussion.heldOn() == null || discussion.heldOn().isAfter(today)) {
            throw Messages.invalid("DISCUSSION_DATE", "heldOn", String.valueOf(discussion.heldOn()));
        }
        if (discussion.members().size() < 2 || discussion.members().size() > 50) {
            throw Messages.invalid("DISCUSSION_MEMBERS", "members");
        }
        List<Map<String, Object>> members = new ArrayList<>();
        for (int i = 0; i < discussion.members().size(); i++) {
            Discussion.MemberOpinion m = discussion.members().get(i);
            if (m == null) {
                throw Messages.invalid("FIELD_REQUIRED", "members[" + i + "]", "members[" + i + "]");
            }
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("name", Validation.text(m.name(), "members[" + i + "].name", 50, true));
            x.put("post", Validation.text(m.post(), "members[" + i + "].post", 50, false));
            x.put("opinion", Validation.text(m.opinion(), "members[" + i + "].opinion", 2000, true));
            members.add(x);
        }
        String conclusion = Validation.text(discussion.conclusion(), "conclusion", 4000, true);
        return step(reviewId, actor, (c, r) -> {
            if (r.status() != ReviewStatus.ESCALATED) {
                throw Messages.conflict("REVIEW_STATUS", Messages.zh("status." + r.status().name()));
            }
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("heldOn", discussion.heldOn().toString());
            data.put("members", members);
            data.put("adopt", discussion.adopt());
            data.put("conclusion", conclusion);
            Store.event(c, reviewId, "DISCUSSION", discussion.adopt() ? ReviewStatus.ADOPTED : ReviewStatus.REJECTED,
                    actor.user(), Instant.now(clock), data);
            return data;
        }, "legalreview.review.discussion");
    }

    @Override
    public Optional<LegalReview> review(long reviewId, Actor actor) {
        reader(actor);
        return read(c -> exists(c, reviewId) ? Optional.of(load(c, reviewId)) : Optional.<LegalReview>empty());
    }

    @Override
    public List<LegalReview> pending(Actor actor) {
        reader(actor);
        boolean reviewerOnly = actor.has(Roles.REVIEWER) && !actor.has(Roles.LEADER) && !actor.has(Roles.ADMIN);
        return read(c -> {
            List<LegalReview> out = new ArrayList<>();
            for (long id : reviewIds(c)) {
                if (!Store.status(c, id).open()) {
                    continue;
                }
                LegalReview r = load(c, id);
                if (reviewerOnly && r.reviewer() != null && !r.reviewer().equals(actor.user())) {
                    continue;
                }
                out.add(r);
            }
            out.sort(Comparator.comparing((LegalReview r) -> !r.overdue()).thenComparing(LegalReview::due)
                    .thenComparing(LegalReview::id));
            return out;
        });
    }

    @Override
    public ReviewCounts counts(Actor actor) {
        reader(actor);
        return read(c -> {
            Map<ReviewStatus, Integer> by = new java.util.EnumMap<>(ReviewStatus.class);
            int overdue = 0;
            for (long id : reviewIds(c)) {
                ReviewStatus status = Store.status(c, id);
                by.merge(status, 1, Integer::sum);
                if (status.open() && load(c, id).overdue()) {
                    overdue++;
                }
            }
            int pending = by.getOrDefault(ReviewStatus.SUBMITTED, 0) + by.getOrDefault(ReviewStatus.ASSIGNED, 0)
                    + by.getOrDefault(ReviewStatus.ESCALATED, 0);
            return new ReviewCounts(pending, overdue, by.getOrDefault(ReviewStatus.PASSED, 0),
                    by.getOrDefault(ReviewStatus.FAILED, 0), by.getOrDefault(ReviewStatus.ESCALATED, 0),
                    by.getOrDefault(ReviewStatus.ADOPTED, 0), by.getOrDefault(ReviewStatus.REJECTED, 0),
                    by.getOrDefault(ReviewStatus.VOID, 0));
        });
    }

    /** Every review of the bureau, oldest first. */
    private List<Long> reviewIds(Connection c) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT ID FROM LR_REVIEW WHERE BUREAU = ? ORDER BY ID")) {
            ps.setString(1, store.bureau);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    /** One step of a review: checks and writes the event, then appends the record entry. */
    @FunctionalInterface
    private interface ReviewStep {
        Map<String, ?> apply(Connection c, LegalReview r) throws SQLException;
    }

    private LegalReview step(long reviewId, Actor actor, ReviewStep work, String entryType) {
        write(c -> {
            if (!exists(c, reviewId)) {
                throw Messages.error(Kind.NOT_FOUND, "REVIEW_UNKNOWN", "id", reviewId);
            }
            LegalReview r = load(c, reviewId);
            Map<String, ?> data = work.apply(c, r);
            Map<String, Object> p = payload(r.caseId(), reviewId);
            p.put("draft", r.draftId());
            p.putAll(data);
            append(c, Long.toString(r.caseId()), null, entryType, p, actor);
            return null;
        });
        return review(reviewId, actor).orElseThrow();
    }

    private boolean exists(Connection c, long reviewId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM LR_REVIEW WHERE ID = ? AND BUREAU = ?")) {
            ps.setLong(1, reviewId);
            ps.setString(2, store.bureau);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private String drafter(Connection c, long draftId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT CREATED_BY FROM LR_DRAFT WHERE ID = ?")) {
            ps.setLong(1, draftId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** A review folded from its header and its events. */
    private LegalReview load(Connection c, long id) throws SQLException {
        long caseId;
        long draftId;
        String materials;
        String note;
        String submittedBy;
        Instant submittedAt;
        LocalDate due;
        try (PreparedStatement ps = c.prepareStatement("SELECT R.CASE_ID, R.DRAFT_ID, R.MATERIALS, R.NOTE,"
                + " R.SUBMITTED_BY, R.SUBMITTED_AT, R.DUE_ON FROM LR_REVIEW R WHERE R.ID = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                caseId = rs.getLong(1);
                draftId = rs.getLong(2);
                materials = rs.getString(3);
                note = rs.getString(4);
                submittedBy = rs.getString(5);
                submittedAt = rs.getTimestamp(6).toInstant();
                due = rs.getDate(7).toLocalDate();
            }
        }
        DecisionDraft draft = store.drafts(c, caseId).stream().map(Store.DraftRow::draft).filter(d -> d.id() == draftId)
                .findFirst().orElseThrow();
        ReviewStatus status = ReviewStatus.SUBMITTED;
        String reviewer = null;
        Instant assignedAt = null;
        boolean extended = false;
        List<Finding> findings = new ArrayList<>();
        String opinion = null;
        Instant decidedAt = null;
        List<CounselOpinion> counsel = new ArrayList<>();
        String escalation = null;
        Discussion discussion = null;
        try (PreparedStatement ps = c.prepareStatement("SELECT TYPE, STATUS, ACTOR, AT_TIME, DATA FROM LR_REVIEW_EVENT"
                + " WHERE REVIEW_ID = ? ORDER BY ID")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String type = rs.getString(1);
                    if (rs.getString(2) != null) {
                        status = ReviewStatus.valueOf(rs.getString(2));
                    }
                    String actor = rs.getString(3);
                    Instant at = rs.getTimestamp(4).toInstant();
                    JsonNode data = Store.tree(rs.getString(5));
                    switch (type) {
                        case "ASSIGNED" -> {
                            reviewer = data.get("reviewer").asText();
                            assignedAt = at;
                        }
                        case "EXTENDED" -> {
                            extended = true;
                            due = LocalDate.parse(data.get("due").asText());
                        }
                        case "DECIDED" -> {
                            findings.clear();
                            data.get("findings").forEach(f -> findings.add(new Finding(
                                    ChecklistItem.valueOf(f.get("item").asText()),
                                    Finding.Verdict.valueOf(f.get("verdict").asText()),
                                    f.get("note").isNull() ? null : f.get("note").asText())));
                            opinion = data.get("opinion").asText();
                            decidedAt = at;
                        }
                        case "COUNSEL" -> counsel.add(new CounselOpinion(
                                CounselOpinion.Role.valueOf(data.get("role").asText()), data.get("name").asText(),
                                data.get("opinion").asText(), actor, at));
                        case "ESCALATED" -> escalation = data.get("reason").asText();
                        case "DISCUSSION" -> {
                            List<Discussion.MemberOpinion> members = new ArrayList<>();
                            data.get("members").forEach(m -> members.add(new Discussion.MemberOpinion(
                                    m.get("name").asText(), m.get("post").isNull() ? null : m.get("post").asText(),
                                    m.get("opinion").asText())));
                            discussion = new Discussion(LocalDate.parse(data.get("heldOn").asText()), members,
                                    data.get("adopt").asBoolean(), data.get("conclusion").asText(), actor, at);
                        }
                        default -> { }
                    }
                }
            }
        }
        Set<Material> ms = EnumSet.noneOf(Material.class);
        for (String m : materials.split(",")) {
            if (!m.isBlank()) {
                ms.add(Material.valueOf(m));
            }
        }
        boolean overdue = (status == ReviewStatus.SUBMITTED || status == ReviewStatus.ASSIGNED) && today().isAfter(due);
        CaseNames names = caseNames(c, caseId);
        return new LegalReview(id, caseId, names.number, names.title, draftId, draft.version(), status,
                draft.evaluation(), ms, note, submittedBy, submittedAt, reviewer, assignedAt, due, extended, overdue,
                findings, opinion, decidedAt, counsel, escalation, Optional.ofNullable(discussion));
    }

    private record CaseNames(String number, String title) {}

    /** The case's number and title, read from the engine's table (the reviewer sees them in the inbox). */
    private static CaseNames caseNames(Connection c, long caseId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT NUMBER, TITLE FROM CASE_FILE WHERE ID = ?")) {
            ps.setLong(1, caseId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new CaseNames(rs.getString(1), rs.getString(2)) : new CaseNames("?", "?");
            }
        }
    }

    // ------------------------------------------------------------ reviewers

    @Override
    public List<Reviewer> reviewers(Actor actor) {
        reader(actor);
        return read(c -> {
            List<String> users = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT USER_NAME FROM LR_REVIEWER WHERE BUREAU = ?"
                    + " ORDER BY USER_NAME")) {
                ps.setString(1, store.bureau);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        users.add(rs.getString(1));
                    }
                }
            }
            List<Reviewer> out = new ArrayList<>();
            for (String u : users) {
                reviewer(c, u).ifPresent(out::add);
            }
            return out;
        });
    }

    private Optional<Reviewer> reviewer(Connection c, String user) throws SQLException {
        Reviewer r = null;
        try (PreparedStatement ps = c.prepareStatement("SELECT USER_NAME, NAME, UNIT, LEGAL_QUALIFICATION,"
                + " QUALIFICATION_NO, ACTIVE FROM LR_REVIEWER WHERE BUREAU = ? AND USER_NAME = ? ORDER BY ID DESC"
                + " FETCH FIRST 1 ROWS ONLY")) {
            ps.setString(1, store.bureau);
            ps.setString(2, user);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                r = new Reviewer(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getString(5),
                        rs.getBoolean(6), 0, List.of());
            }
        }
        int done;
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM LR_REVIEW_EVENT WHERE TYPE = 'DECIDED'"
                + " AND ACTOR = ?")) {
            ps.setString(1, user);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                done = rs.getInt(1);
            }
        }
        List<Reviewer.Training> trainings = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT HELD_ON, HOURS, SUBJECT FROM LR_TRAINING WHERE BUREAU = ?"
                + " AND USER_NAME = ? ORDER BY HELD_ON, ID")) {
            ps.setString(1, store.bureau);
            ps.setString(2, user);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    trainings.add(new Reviewer.Training(rs.getDate(1).toLocalDate(), rs.getBigDecimal(2),
                            rs.getString(3)));
                }
            }
        }
        return Optional.of(new Reviewer(r.user(), r.name(), r.unit(), r.legalQualification(), r.qualificationNo(),
                r.active(), done, trainings));
    }

    @Override
    public synchronized Reviewer saveReviewer(Reviewer reviewer, Actor actor) {
        role(actor, Roles.ADMIN);
        if (reviewer == null) {
            throw Messages.invalid("BODY_REQUIRED", null);
        }
        String user = Validation.text(reviewer.user(), "user", 64, true);
        if (!user.matches("[\\p{L}\\p{N}._@-]+")) {
            throw Messages.invalid("REVIEWER_USER", "user", user);
        }
        String name = Validation.text(reviewer.name(), "name", 50, true);
        String unit = Validation.text(reviewer.unit(), "unit", 100, true);
        String no = Validation.text(reviewer.qualificationNo(), "qualificationNo", 40, false);
        if (reviewer.legalQualification() && no == null) {
            throw Messages.invalid("REVIEWER_QUALIFICATION_NO", "qualificationNo");
        }
        write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO LR_REVIEWER (BUREAU, USER_NAME, NAME, UNIT,"
                    + " LEGAL_QUALIFICATION, QUALIFICATION_NO, ACTIVE, ACTOR, AT_TIME) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, store.bureau);
                ps.setString(2, user);
                ps.setString(3, name);
                ps.setString(4, unit);
                ps.setBoolean(5, reviewer.legalQualification());
                ps.setString(6, no);
                ps.setBoolean(7, reviewer.active());
                ps.setString(8, actor.user());
                ps.setTimestamp(9, Timestamp.from(Instant.now(clock)));
                ps.executeUpdate();
            }
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("user", user);
            p.put("name", name);
            p.put("unit", unit);
            p.put("legalQualification", reviewer.legalQualification());
            p.put("qualificationNo", no);
            p.put("active", reviewer.active());
            append(c, "reviewer:" + user, null, "legalreview.reviewer.saved", p, actor);
            return null;
        });
        return read(c -> reviewer(c, user).orElseThrow());
    }

    @Override
    public synchronized Reviewer addTraining(String user, Reviewer.Training training, Actor actor) {
        role(actor, Roles.ADMIN);
        if (training == null || training.date() == null || training.hours() == null) {
            throw Messages.invalid("TRAINING_INCOMPLETE", "training");
        }
        if (training.hours().signum() <= 0 || training.hours().compareTo(new BigDecimal("1000")) > 0
                || training.hours().scale() > 1) {
            throw Messages.invalid("TRAINING_HOURS", "hours", training.hours().toPlainString());
        }
        if (training.date().isAfter(today())) {
            throw Messages.invalid("TRAINING_DATE", "date", training.date().toString());
        }
        String subject = Validation.text(training.subject(), "subject", 200, true);
        String u = Validation.text(user, "user", 64, true);
        write(c -> {
            if (reviewer(c, u).isEmpty()) {
                throw Messages.error(Kind.NOT_FOUND, "REVIEWER_UNKNOWN", "user", u);
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO LR_TRAINING (BUREAU, USER_NAME, HELD_ON, HOURS,"
                    + " SUBJECT, ACTOR, AT_TIME) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, store.bureau);
                ps.setString(2, u);
                ps.setDate(3, java.sql.Date.valueOf(training.date()));
                ps.setBigDecimal(4, training.hours());
                ps.setString(5, subject);
                ps.setString(6, actor.user());
                ps.setTimestamp(7, Timestamp.from(Instant.now(clock)));
                ps.executeUpdate();
            }
            append(c, "reviewer:" + u, null, "legalreview.reviewer.training", Map.of("user", u,
                    "date", training.date().toString(), "hours", training.hours(), "subject", subject), actor);
            return null;
        });
        return read(c -> reviewer(c, u).orElseThrow());
    }

    @Override
    public StaffingReport staffing(Actor actor) {
        reader(actor);
        List<Reviewer> all = reviewers(actor).stream().filter(Reviewer::active).toList();
        int qualified = (int) all.stream().filter(Reviewer::legalQualification).count();
        long staff = personnel.count(new OfficerQuery(null, null, null, null, Boolean.TRUE, "id", true, 0, 1), actor);
        BigDecimal ratio = staff == 0 ? BigDecimal.ZERO.setScale(4)
                : BigDecimal.valueOf(all.size()).divide(BigDecimal.valueOf(staff), 4, RoundingMode.HALF_UP);
        BigDecimal hours = all.stream().flatMap(r -> r.trainings().stream()).map(Reviewer.Training::hours)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return new StaffingReport(all.size(), qualified, (int) staff, ratio, settings.staffingTarget(),
                staff > 0 && ratio.compareTo(settings.staffingTarget()) >= 0, hours);
    }

    // ------------------------------------------------------------ helpers

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private CaseFile requireCase(long caseId, Actor actor) {
        return cases.find(caseId, actor).orElseThrow(() -> Messages.error(Kind.NOT_FOUND, "CASE_UNKNOWN", "caseId",
                caseId));
    }

    private static Map<String, Object> payload(long caseId, long reviewId) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("case", caseId);
        p.put("review", reviewId);
        return p;
    }

    private void append(Connection c, String objectId, String step, String entryType, Map<String, ?> payload,
                        Actor actor) {
        record.append(c, EntryDraft.of(OBJECT_TYPE, objectId, step, entryType, Store.json(payload)), actor);
    }

    <T> T read(Jdbc.Work<T> work) {
        return Jdbc.read(dataSource, work, LegalReviewServiceImpl::unavailable);
    }

    <T> T write(Jdbc.Work<T> work) {
        return Jdbc.write(dataSource, work, LegalReviewServiceImpl::unavailable);
    }

    private static ZhifaException unavailable(SQLException e) {
        LOG.warn("legal review: {}", e.toString());
        return Messages.error(Kind.UNAVAILABLE, "DATABASE_UNAVAILABLE", null, e.getMessage());
    }

    private static void reader(Actor actor) {
        if (actor == null) {
            throw Messages.error(Kind.UNAUTHENTICATED, "UNAUTHENTICATED", null);
        }
        if (!actor.isStaff()) {
            throw Messages.error(Kind.FORBIDDEN, "FORBIDDEN_READ", null);
        }
    }

    private static void role(Actor actor, String... roles) {
        reader(actor);
        if (Arrays.stream(roles).noneMatch(actor::has)) {
            throw Messages.error(Kind.FORBIDDEN, "FORBIDDEN_ROLE", null, Arrays.stream(roles)
                    .map(r -> Messages.zh("role." + r)).collect(Collectors.joining("、")));
        }
    }

    static Locale locale(String lang) {
        return "en".equalsIgnoreCase(lang) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
    }

}
