package org.zhifa.cases.internal;

import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import javax.persistence.LockTimeoutException;
import javax.persistence.PessimisticLockException;
import javax.persistence.OptimisticLockException;
import javax.persistence.PersistenceException;
import javax.persistence.TypedQuery;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.zhifa.api.calendar.WorkingDays;
import org.zhifa.api.cases.AssignedOfficer;
import org.zhifa.api.cases.CaseDraft;
import org.zhifa.api.cases.CaseEvent;
import org.zhifa.api.cases.CaseFile;
import org.zhifa.api.cases.CaseQuery;
import org.zhifa.api.cases.CaseService;
import org.zhifa.api.cases.CaseStatus;
import org.zhifa.api.cases.CaseSummary;
import org.zhifa.api.cases.CaseTimer;
import org.zhifa.api.cases.DueItem;
import org.zhifa.api.cases.KindInfo;
import org.zhifa.api.cases.Party;
import org.zhifa.api.cases.PreparedDecision;
import org.zhifa.api.cases.Recusal;
import org.zhifa.api.common.Actor;
import org.zhifa.api.common.BureauInfo;
import org.zhifa.api.common.Page;
import org.zhifa.api.common.Roles;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.common.ZhifaException.Kind;
import org.zhifa.api.document.DocumentRenderer;
import org.zhifa.api.document.DocumentTemplate;
import org.zhifa.api.document.DocumentTemplates;
import org.zhifa.api.evidence.AvCoverage;
import org.zhifa.api.evidence.EvidenceItem;
import org.zhifa.api.evidence.EvidenceService;
import org.zhifa.api.kind.AvRule;
import org.zhifa.api.kind.CaseFacts;
import org.zhifa.api.kind.CaseFacts.PartyType;
import org.zhifa.api.kind.DecisionFacts;
import org.zhifa.api.kind.DisclosureRule;
import org.zhifa.api.kind.EnforcementKind;
import org.zhifa.api.kind.Procedure;
import org.zhifa.api.kind.Step;
import org.zhifa.api.kind.TimerRule;
import org.zhifa.api.kind.Transition;
import org.zhifa.api.kind.TransitionCheck;
import org.zhifa.api.legalreview.DecisionGate;
import org.zhifa.api.cases.CaseDecisionListener;
import org.zhifa.api.legalreview.MajorEvaluation;
import org.zhifa.api.personnel.CertificateStatus;
import org.zhifa.api.personnel.Officer;
import org.zhifa.api.personnel.PersonnelService;
import org.zhifa.api.record.EntryDraft;
import org.zhifa.api.record.RecordService;
import org.zhifa.api.schema.SchemaMigrator;

/**
 * The case engine on JPA. Each write runs in one transaction: it appends to the case's timeline
 * (CASE_EVENT, CASE_EVENT_FIELD), updates the projections and, last, appends the event's entry to the
 * whole-process record on the same connection, so the change and its entry commit together or not at
 * all; a refusal writes nothing. A transition that leaves a step needing audio/video (R4) is refused
 * unless the evidence store says the step is covered.
 */
@Component(service = CaseService.class, configurationPid = CasesConfig.PID)
public class CaseServiceImpl implements CaseService {
    static final String FILED = "FILED";
    static final String TRANSITION = "TRANSITION";
    static final String ASSIGNED = "ASSIGNED";
    static final String RECUSAL_REQUESTED = "RECUSAL_REQUESTED";
    static final String RECUSAL_DECIDED = "RECUSAL_DECIDED";
    static final Set<String> REQUESTERS = Set.of("PARTY", "OFFICER", "BUREAU");
    static final int MAX_OFFICERS = 20;
    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    private final JpaTemplate jpa;
    private final PersonnelService personnel;
    private final WorkingDays workingDays;
    private final String bureau;
    private final CasesConfig config;
    private final Clock clock;
    private final Map<String, EnforcementKind> kinds = new ConcurrentHashMap<>();
    private final String bureauName;
    private volatile DocumentRenderer renderer;
    private volatile DocumentTemplates templates;
    private final RecordService record;
    private volatile EvidenceService evidence;
    private volatile DecisionGate gate;
    private final List<CaseDecisionListener> decisionListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Activate
    public CaseServiceImpl(@Reference(target = "(osgi.unit.name=zhifa-cases)") JpaTemplate jpa,
                           @Reference SchemaMigrator migrator, @Reference PersonnelService personnel,
                           @Reference WorkingDays workingDays, @Reference BureauInfo bureauInfo,
                           @Reference RecordService record, CasesConfig config, BundleContext context) {
        migrator.migrate("cases", context.getBundle());
        this.jpa = jpa;
        this.record = record;
        this.personnel = personnel;
        this.workingDays = workingDays;
        this.bureau = bureauInfo.code();
        this.bureauName = bureauInfo.name();
        this.config = config;
        this.clock = Clock.system(ZoneId.of(config.zone()));
    }

    /** For tests: a fixed clock. */
    CaseServiceImpl(JpaTemplate jpa, PersonnelService personnel, WorkingDays workingDays, RecordService record,
                    String bureau, CasesConfig config, Clock clock) {
        this.jpa = jpa;
        this.record = record;
        this.personnel = personnel;
        this.workingDays = workingDays;
        this.bureau = bureau;
        this.bureauName = "衡阳县自然资源局";
        this.config = config;
        this.clock = clock;
    }

    @Reference(service = EnforcementKind.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void addKind(EnforcementKind kind) {
        kinds.put(kind.id(), kind);
        forgetLists();
    }

    void removeKind(EnforcementKind kind) {
        kinds.remove(kind.id(), kind);
        forgetLists();
    }

    /** Documents are optional: without the zhifa-documents feature a case lists them but cannot render. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setRenderer(DocumentRenderer r) {
        renderer = r;
    }

    void unsetRenderer(DocumentRenderer r) {
        if (renderer == r) {
            renderer = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setTemplates(DocumentTemplates t) {
        templates = t;
    }

    void unsetTemplates(DocumentTemplates t) {
        if (templates == t) {
            templates = null;
        }
    }

    /** The evidence store is optional; without it a step that needs audio/video cannot be left. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setEvidence(EvidenceService e) {
        evidence = e;
    }

    void unsetEvidence(EvidenceService e) {
        if (evidence == e) {
            evidence = null;
        }
    }

    /**
     * The legal-review gate (V2) is optional for the engine to start (the legal-review bundle needs the
     * engine, so a mandatory reference would be a cycle), but without it every decision is refused.
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setGate(DecisionGate g) {
        gate = g;
    }

    void unsetGate(DecisionGate g) {
        if (gate == g) {
            gate = null;
        }
    }

    /** Told of every disclosed decision inside its transaction (the disclosure bundle queues its item, D3). */
    @Reference(service = CaseDecisionListener.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void addDecisionListener(CaseDecisionListener l) {
        decisionListeners.add(l);
    }

    void removeDecisionListener(CaseDecisionListener l) {
        decisionListeners.remove(l);
    }

    // ---------------------------------------------------------------- kinds

    @Override
    public List<KindInfo> kinds() {
        return kinds.values().stream().map(CaseServiceImpl::info).sorted(Comparator.comparing(KindInfo::id)).toList();
    }

    @Override
    public Optional<KindInfo> kind(String id) {
        return Optional.ofNullable(id == null ? null : kinds.get(id)).map(CaseServiceImpl::info);
    }

    private static KindInfo info(EnforcementKind k) {
        return new KindInfo(k.id(), k.title(ZH), k.title(Locale.ENGLISH), k.numberCode(), k.procedure(),
                k.disclosure());
    }

    private EnforcementKind installed(String kind) {
        EnforcementKind k = kind == null ? null : kinds.get(kind);
        if (k == null) {
            throw Errors.of(Kind.NOT_FOUND, "KIND_UNKNOWN", "kind", kind);
        }
        return k;
    }

    // ---------------------------------------------------------------- writes

    @Override
    public CaseFile file(CaseDraft draft, Actor actor) {
        requireWriter(actor);
        if (draft == null) {
            throw Errors.invalid("FIELD_REQUIRED", "kind", "kind");
        }
        EnforcementKind kind = installed(draft.kind());
        Procedure proc = kind.procedure();
        LocalDate today = LocalDate.now(clock);
        String category = PartyRules.text(draft.category(), "category", 50, true);
        if (!personnel.categories().contains(category)) {
            throw Errors.invalid("CATEGORY_UNKNOWN", "category", category, String.join("、", personnel.categories()));
        }
        String title = PartyRules.text(draft.title(), "title", 200, true);
        Party party = PartyRules.validate(draft.party(), today);
        boolean minor = PartyRules.minor(party, today);
        if (draft.simple() && proc.transitions().stream().noneMatch(t -> t.variant() == Transition.Variant.SIMPLE)) {
            throw Errors.invalid("SIMPLE_NOT_SUPPORTED", "simple", kind.title(ZH));
        }
        Map<String, String> fields = FieldRules.validate(proc.filingFields(), draft.fields());
        List<Officer> officers = officers(draft.officers(), category, actor, today);
        Step initial = proc.step(proc.initialStep()).orElseThrow();
        requireOfficers(initial, officers.size());
        Instant now = Instant.now(clock);
        for (int attempt = 1; ; attempt++) {
          try {
            long id = jpa.txExpr(TransactionType.Required, em -> {
                CaseEntity c = new CaseEntity();
                c.bureau = bureau;
                c.kind = kind.id();
                c.kindTitleZh = kind.title(ZH);
                c.kindTitleEn = kind.title(Locale.ENGLISH);
                c.number = nextNumber(em, kind, today.getYear());
                c.category = category;
                c.title = title;
                c.partyType = party.type().name();
                c.partyName = party.name();
                c.partyIdNumber = party.idNumber();
                c.partyLegalRep = party.legalRep();
                c.partyPhone = party.phone();
                c.partyAddress = party.address();
                c.minor = minor;
                c.simple = draft.simple();
                enter(c, initial);
                c.status = CaseStatus.OPEN.name();
                c.filedOn = today;
                c.eventCount = 0;
                c.createdAt = now;
                c.createdBy = actor.user();
                em.persist(c);
                em.flush();
                CaseEventEntity e = event(em, c, FILED, null, null, initial.id(), Errors.text(ZH, "EVENT_FILED"),
                        Errors.text(Locale.ENGLISH, "EVENT_FILED"), actor, now, null, fields);
                for (Officer o : officers) {
                    addOfficer(em, c.id, o.id(), e.seq);
                }
                startTimers(em, c, proc, initial.id(), fields, today, e.seq);
                e.facts.put("title", title).put("category", category).put("simple", c.simple).put("minor", minor)
                        .put("party", new Payload().put("type", c.partyType).put("name", c.partyName)
                                .put("idNumber", c.partyIdNumber).put("legalRep", c.partyLegalRep)
                                .put("phone", c.partyPhone).put("address", c.partyAddress))
                        .put("officers", officers.stream().map(o -> officerFacts(o)).toList());
                appendToRecord(em, c, e, actor);
                return c.id;
            });
            forgetLists();
            return load(id);
          } catch (PersistenceException e) {
            // two first cases of a kind and year racing for the new counter row: the loser tries again
            if (attempt == 3) {
                throw e;
            }
          }
        }
    }

    @Override
    public CaseFile transition(long caseId, String transitionId, Map<String, String> submitted, String reason,
                               long expectedVersion, Actor actor) {
        requireStaff(actor);
        String why = PartyRules.text(reason, "reason", 1000, false);
        LocalDateTime at = LocalDateTime.now(clock);
        LocalDate today = at.toLocalDate();
        return write(caseId, expectedVersion, actor, (em, c) -> {
            EnforcementKind kind = movable(c);
            Procedure proc = kind.procedure();
            Transition t = proc.transition(transitionId == null ? "" : transitionId).orElseThrow(
                    () -> Errors.invalid("TRANSITION_UNKNOWN", "transition", transitionId, kind.title(ZH)));
            if (!t.from().equals(c.step)) {
                throw Errors.conflict("TRANSITION_NOT_ALLOWED", c.stepTitleZh, t.titleZh(), allowedTitles(proc, c));
            }
            if (t.variant() == Transition.Variant.SIMPLE && !c.simple) {
                throw Errors.conflict("TRANSITION_SIMPLE_ONLY", t.titleZh());
            }
            if (t.variant() == Transition.Variant.ORDINARY && c.simple) {
                throw Errors.conflict("TRANSITION_ORDINARY_ONLY", t.titleZh());
            }
            if (!mayTake(t, actor)) {
                throw Errors.of(Kind.FORBIDDEN, "TRANSITION_ROLE", null, t.titleZh(), roleNames(t.roles()));
            }
            Map<String, String> fields = FieldRules.validate(t.fields(), submitted);
            Step target = proc.step(t.to()).orElseThrow();
            requireOfficers(target, validOfficers(em, c.id, today));
            CaseFacts facts = facts(em, c);
            kind.check(new TransitionCheck(facts, t, fields, at, workingDays));
            Step leaving = proc.step(c.step).orElseThrow();
            List<String> avEvidence = avGate(c, leaving, t, actor);
            MajorEvaluation judged = null;
            if (kind.decides(t)) {
                judged = admit(em, prepared(c, kind, t, facts, fields), actor);
            }
            Instant now = at.atZone(clock.getZone()).toInstant();
            CaseEventEntity e = event(em, c, TRANSITION, t.id(), c.step, t.to(), t.titleZh(), t.titleEn(), actor, now,
                    why, fields);
            e.evidence = avEvidence;
            e.disclosed = kind.disclosures().stream().filter(d -> d.step().equals(t.to())).findFirst().orElse(null);
            e.major = judged != null && judged.major();
            if (judged != null) {
                e.facts.put("legalReview", new Payload().put("major", judged.major())
                        .put("reviewRequired", judged.reviewRequired()).put("catalogue", judged.catalogueVersion()));
            }
            if (leaving.av() != AvRule.NONE && !t.from().equals(t.to())) {
                e.facts.put("av", leaving.av().name());
            }
            stopTimers(em, c, t.to(), today);
            enter(c, target);
            if (target.terminal()) {
                c.status = CaseStatus.CLOSED.name();
            }
            startTimers(em, c, proc, t.to(), fields, today, e.seq);
            Map<String, String> latest = new HashMap<>(facts.fields());
            latest.putAll(fields);
            extendTimers(em, c, proc, latest);
            return e;
        });
    }

    @Override
    public PreparedDecision prepareDecision(long caseId, String transitionId, Map<String, String> submitted,
                                            Actor actor) {
        requireStaff(actor);
        return jpa.txExpr(TransactionType.Required, em -> {
            CaseEntity c = em.find(CaseEntity.class, caseId);
            if (c == null || !bureau.equals(c.bureau)) {
                throw notFound(caseId);
            }
            EnforcementKind kind = movable(c);
            Transition t = kind.procedure().transition(transitionId == null ? "" : transitionId).orElseThrow(
                    () -> Errors.invalid("TRANSITION_UNKNOWN", "transition", transitionId, kind.title(ZH)));
            if (!kind.decides(t) || !variantAllows(t, c.simple)) {
                throw Errors.of(Kind.CONFLICT, "TRANSITION_NOT_A_DECISION", "transition", t.titleZh(),
                        decisionTitles(kind, c.simple));
            }
            Map<String, String> fields = FieldRules.validate(t.fields(), submitted);
            return prepared(c, kind, t, facts(em, c), fields);
        });
    }

    @Override
    public List<String> decisionTransitions(long caseId, Actor actor) {
        requireStaff(actor);
        return jpa.txExpr(TransactionType.Required, em -> {
            CaseEntity c = em.find(CaseEntity.class, caseId);
            if (c == null || !bureau.equals(c.bureau)) {
                throw notFound(caseId);
            }
            EnforcementKind kind = kinds.get(c.kind);
            return kind == null ? List.<String>of() : decisions(kind, c.simple).stream().map(Transition::id).toList();
        });
    }

    private static List<Transition> decisions(EnforcementKind kind, boolean simple) {
        return kind.procedure().transitions().stream().filter(t -> variantAllows(t, simple)).filter(kind::decides)
                .toList();
    }

    private static String decisionTitles(EnforcementKind kind, boolean simple) {
        List<Transition> ts = decisions(kind, simple);
        return ts.isEmpty() ? "—" : ts.stream().map(Transition::titleZh).distinct().collect(Collectors.joining("、"));
    }

    private static boolean variantAllows(Transition t, boolean simple) {
        return t.variant() == Transition.Variant.ANY || (t.variant() == Transition.Variant.SIMPLE) == simple;
    }

    /**
     * The decision as the gate judges it: the validated fields (the same normalised map a draft is saved
     * with, so the hashes agree) and what the kind says it decides, on the case with those fields applied.
     */
    private static PreparedDecision prepared(CaseEntity c, EnforcementKind kind, Transition t, CaseFacts facts,
                                             Map<String, String> fields) {
        Map<String, String> merged = new HashMap<>(facts.fields());
        merged.putAll(fields);
        CaseFacts after = new CaseFacts(facts.kind(), facts.number(), facts.partyType(), facts.minor(), facts.simple(),
                facts.step(), facts.filedOn(), facts.transitionsTaken(), merged);
        DecisionFacts decides = kind.decisionFacts(after);
        return new PreparedDecision(c.id, c.number, c.title, c.kind, c.category, t.id(), t.titleZh(), t.titleEn(),
                c.step, PartyType.valueOf(c.partyType), c.simple, c.filedOn, fields,
                decides == null ? DecisionFacts.NONE : decides, kind.majorReasons(after));
    }

    /**
     * V2: the gate judges the decision on this transaction's connection and writes its decision row there;
     * without a gate no decision is taken at all (fail closed).
     */
    private MajorEvaluation admit(EntityManager em, PreparedDecision decision, Actor actor) {
        DecisionGate g = gate;
        if (g == null) {
            throw Errors.of(Kind.UNAVAILABLE, "REVIEW_GATE_UNAVAILABLE", null, decision.transitionTitleZh());
        }
        em.flush();
        return em.unwrap(org.hibernate.Session.class).doReturningWork(conn -> g.admit(conn, decision, actor));
    }

    @Override
    public CaseFile assign(long caseId, List<Long> officerIds, String reason, Actor actor) {
        requireWriter(actor);
        String why = PartyRules.text(reason, "reason", 1000, false);
        LocalDate today = LocalDate.now(clock);
        return write(caseId, -1, actor, (em, c) -> {
            EnforcementKind kind = movable(c);
            List<Officer> officers = officers(officerIds, c.category, actor, today);
            requireOfficers(kind.procedure().step(c.step).orElseThrow(), officers.size());
            Map<String, String> names = Map.of("officers",
                    officers.stream().map(o -> o.name() + "（" + o.certificateNo() + "）").collect(Collectors.joining("、")));
            CaseEventEntity e = event(em, c, ASSIGNED, null, null, null, Errors.text(ZH, "EVENT_ASSIGNED"),
                    Errors.text(Locale.ENGLISH, "EVENT_ASSIGNED"), actor, Instant.now(clock), why, names);
            Set<Long> wanted = officers.stream().map(Officer::id).collect(Collectors.toSet());
            List<CaseOfficerEntity> current = assignments(em, c.id);
            for (CaseOfficerEntity a : current) {
                if (!wanted.remove(a.officerId)) {
                    a.removedSeq = e.seq;
                }
            }
            for (Long id : wanted) {
                addOfficer(em, c.id, id, e.seq);
            }
            e.facts.put("officers", officers.stream().map(o -> officerFacts(o)).toList());
            return e;
        });
    }

    @Override
    public CaseFile requestRecusal(long caseId, long officerId, String requestedBy, String reason, Actor actor) {
        requireWriter(actor);
        String why = PartyRules.text(reason, "reason", 1000, true);
        if (requestedBy == null || !REQUESTERS.contains(requestedBy)) {
            throw Errors.invalid("RECUSAL_REQUESTER", "requestedBy", String.join(", ", REQUESTERS));
        }
        Instant now = Instant.now(clock);
        return write(caseId, -1, actor, (em, c) -> {
            movable(c);
            if (assignments(em, c.id).stream().noneMatch(a -> a.officerId == officerId)) {
                throw Errors.invalid("RECUSAL_NOT_ASSIGNED", "officerId", officerId);
            }
            boolean open = recusals(em, c.id).stream().anyMatch(r -> r.officerId == officerId && r.approved == null);
            if (open) {
                throw Errors.conflict("RECUSAL_PENDING", officerId);
            }
            Officer o = personnel.find(officerId, actor).orElseThrow();
            RecusalEntity r = new RecusalEntity();
            r.caseId = c.id;
            r.officerId = officerId;
            r.officerName = o.name();
            r.requestedBy = requestedBy;
            r.reason = why;
            r.requestedAt = now;
            r.requestActor = actor.user();
            em.persist(r);
            em.flush();
            CaseEventEntity e = event(em, c, RECUSAL_REQUESTED, null, null, null,
                    Errors.text(ZH, "EVENT_RECUSAL_REQUESTED"), Errors.text(Locale.ENGLISH, "EVENT_RECUSAL_REQUESTED"),
                    actor, now, why, Map.of("recusal", r.id.toString(), "officer", o.name(), "requestedBy", requestedBy));
            e.facts.put("officerId", officerId);
            return e;
        });
    }

    @Override
    public CaseFile decideRecusal(long caseId, long recusalId, boolean approved, String reason, Actor actor) {
        requireStaff(actor);
        if (!actor.has(Roles.LEADER)) {
            throw Errors.of(Kind.FORBIDDEN, "RECUSAL_LEADER_ONLY", null);
        }
        String why = PartyRules.text(reason, "reason", 1000, true);
        Instant now = Instant.now(clock);
        return write(caseId, -1, actor, (em, c) -> {
            movable(c);
            RecusalEntity r = em.find(RecusalEntity.class, recusalId);
            if (r == null || r.caseId != c.id) {
                throw Errors.of(Kind.NOT_FOUND, "RECUSAL_UNKNOWN", "recusalId", recusalId);
            }
            if (r.approved != null) {
                throw Errors.conflict("RECUSAL_DECIDED", recusalId);
            }
            r.approved = approved;
            r.decisionReason = why;
            r.decidedAt = now;
            r.decisionActor = actor.user();
            CaseEventEntity e = event(em, c, RECUSAL_DECIDED, null, null, null,
                    Errors.text(ZH, approved ? "EVENT_RECUSAL_APPROVED" : "EVENT_RECUSAL_REFUSED"),
                    Errors.text(Locale.ENGLISH, approved ? "EVENT_RECUSAL_APPROVED" : "EVENT_RECUSAL_REFUSED"),
                    actor, now, why, Map.of("recusal", r.id.toString(), "officer", r.officerName,
                            "approved", Boolean.toString(approved)));
            if (approved) {
                for (CaseOfficerEntity a : assignments(em, c.id)) {
                    if (a.officerId == r.officerId) {
                        a.removedSeq = e.seq;
                    }
                }
            }
            e.facts.put("officerId", r.officerId);
            return e;
        });
    }

    // ---------------------------------------------------------------- reads

    @Override
    public Optional<CaseFile> find(long caseId, Actor actor) {
        requireStaff(actor);
        return jpa.txExpr(TransactionType.Required, em -> {
            CaseEntity c = em.find(CaseEntity.class, caseId);
            return c == null || !bureau.equals(c.bureau) ? Optional.<CaseFile>empty() : Optional.of(toFile(em, c, actor));
        });
    }

    @Override
    public Optional<CaseFile> findByNumber(String number, Actor actor) {
        requireStaff(actor);
        return jpa.txExpr(TransactionType.Required, em -> em.createQuery(
                        "select c from CaseEntity c where c.bureau = :b and c.number = :n", CaseEntity.class)
                .setParameter("b", bureau).setParameter("n", number == null ? "" : number.strip())
                .getResultStream().findFirst().map(c -> toFile(em, c, actor)));
    }

    @Override
    public Page<CaseSummary> list(CaseQuery q, Actor actor) {
        requireStaff(actor);
        CaseQuery query = checked(q);
        LocalDate today = LocalDate.now(clock);
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(" where c.bureau = :bureau");
        params.put("bureau", bureau);
        if (query.text() != null && !query.text().isBlank()) {
            where.append(" and (lower(c.number) like :text or lower(c.title) like :text or lower(c.partyName) like :text)");
            params.put("text", "%" + query.text().strip().toLowerCase(Locale.ROOT).replace("%", "").replace("_", "") + "%");
        }
        if (query.kind() != null) {
            where.append(" and c.kind = :kind");
            params.put("kind", query.kind());
        }
        if (query.step() != null) {
            where.append(" and c.step = :step");
            params.put("step", query.step());
        }
        if (query.status() != null) {
            where.append(" and c.status = :status");
            params.put("status", query.status().name());
        }
        if (query.category() != null) {
            where.append(" and c.category = :category");
            params.put("category", query.category());
        }
        if (query.officerId() != null) {
            where.append(" and exists (select a.id from CaseOfficerEntity a where a.caseId = c.id"
                    + " and a.officerId = :officer and a.removedSeq is null)");
            params.put("officer", query.officerId());
        }
        if (query.due() == CaseQuery.Due.OVERDUE) {
            where.append(" and c.status = 'OPEN' and c.nextDue < :today");
            params.put("today", today);
        } else if (query.due() == CaseQuery.Due.SOON) {
            where.append(" and c.status = 'OPEN' and c.nextDue >= :today and c.nextDue <= :soon");
            params.put("today", today);
            params.put("soon", workingDays.add(today, query.dueWithin()));
        }
        String dir = query.ascending() ? " asc" : " desc";
        String order = " order by c." + query.sort() + dir + (query.sort().equals("id") ? "" : ", c.id" + dir);
        ListCache c = listCache;
        String key = where + "|" + new java.util.TreeMap<>(params) + order;
        long[] ids = c.ids.get(key);
        if (ids == null) {
            // the whole filter's order once (narrow rows, one sort); every page of it is then a slice
            ids = jpa.txExpr(TransactionType.Required, em -> {
                TypedQuery<Long> idQuery = em.createQuery("select c.id from CaseEntity c" + where + order, Long.class);
                params.forEach(idQuery::setParameter);
                return idQuery.getResultList().stream().mapToLong(Long::longValue).toArray();
            });
            c.remember(key, ids);
        }
        int from = (int) Math.min(query.offset(), ids.length);
        int to = (int) Math.min((long) from + query.limit(), ids.length);
        long[] pageIds = Arrays.copyOfRange(ids, from, to);
        List<Long> missing = Arrays.stream(pageIds).filter(id -> !c.rows.containsKey(id)).boxed().toList();
        if (!missing.isEmpty()) {
            jpa.txExpr(TransactionType.Required, em -> em.createQuery("select c from CaseEntity c where c.id in :ids",
                    CaseEntity.class).setParameter("ids", missing).getResultList()).forEach(e -> c.row(toSummary(e)));
        }
        List<CaseSummary> items = Arrays.stream(pageIds).mapToObj(c.rows::get).toList();
        if (items.contains(null)) {
            // a row vanished between the two reads (cannot happen: cases are never deleted); answer afresh
            listCache = new ListCache();
            return list(query, actor);
        }
        return new Page<>(items, ids.length, query.offset(), query.limit());
    }

    /**
     * What case lists remember between writes: the sorted ids of each filter and the rows by id. Any
     * write (and a kind coming or going) replaces the whole object after its commit, so a read that
     * began before can only fill a discarded one. Bounded: past the limits it starts afresh.
     */
    private volatile ListCache listCache = new ListCache();

    private static final class ListCache {
        static final long MAX_IDS = 2_000_000;
        static final int MAX_ROWS = 50_000;
        final Map<String, long[]> ids = new ConcurrentHashMap<>();
        final Map<Long, CaseSummary> rows = new ConcurrentHashMap<>();
        final java.util.concurrent.atomic.AtomicLong idCount = new java.util.concurrent.atomic.AtomicLong();

        void remember(String key, long[] sorted) {
            if (idCount.addAndGet(sorted.length) > MAX_IDS) {
                ids.clear();
                idCount.set(sorted.length);
            }
            ids.put(key, sorted);
        }

        void row(CaseSummary s) {
            if (rows.size() >= MAX_ROWS) {
                rows.clear();
            }
            rows.put(s.id(), s);
        }
    }

    private void forgetLists() {
        listCache = new ListCache();
    }

    @Override
    public List<DueItem> due(int withinWorkingDays, Actor actor) {
        requireStaff(actor);
        if (withinWorkingDays < 0 || withinWorkingDays > 365) {
            throw Errors.invalid("DUE_WITHIN_RANGE", "within", 0, 365);
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate limit = workingDays.add(today, withinWorkingDays);
        return jpa.txExpr(TransactionType.Required, em -> em.createQuery(
                        "select t, c from CaseTimerEntity t, CaseEntity c where t.caseId = c.id and t.bureau = :b"
                                + " and t.metOn is null and c.status = 'OPEN' and t.dueOn <= :limit"
                                + " order by t.dueOn, c.id", Object[].class)
                .setParameter("b", bureau).setParameter("limit", limit).setMaxResults(1000)
                .getResultList().stream().map(row -> {
                    CaseTimerEntity t = (CaseTimerEntity) row[0];
                    CaseEntity c = (CaseEntity) row[1];
                    return new DueItem(c.id, c.number, c.kind, c.title, t.rule, t.titleZh, t.titleEn, t.basis, t.dueOn,
                            workingDays.between(today, t.dueOn), t.dueOn.isBefore(today));
                }).toList());
    }

    @Override
    public List<String> availableTransitions(long caseId, Actor actor) {
        CaseFile c = find(caseId, actor).orElseThrow(() -> notFound(caseId));
        EnforcementKind kind = kinds.get(c.kind());
        if (kind == null || c.status() == CaseStatus.CLOSED) {
            return List.of();
        }
        return available(kind.procedure(), c.step(), c.simple(), actor).stream().map(Transition::id).toList();
    }

    @Override
    public List<String> documents(long caseId, Actor actor) {
        return documents(find(caseId, actor).orElseThrow(() -> notFound(caseId)));
    }

    private List<String> documents(CaseFile c) {
        EnforcementKind kind = kinds.get(c.kind());
        if (kind == null) {
            return List.of();
        }
        Procedure proc = kind.procedure();
        Set<String> docs = new LinkedHashSet<>();
        for (CaseEvent e : c.events()) {
            if (e.toStep() != null) {
                proc.step(e.toStep()).ifPresent(s -> docs.addAll(s.documents()));
            }
        }
        return List.copyOf(docs);
    }

    /** What plug-ins add to case documents (e.g. the evidence list with hashes); see DocumentExtras. */
    @Reference(service = org.zhifa.api.document.DocumentData.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            fieldOption = org.osgi.service.component.annotations.FieldOption.UPDATE,
            collectionType = org.osgi.service.component.annotations.CollectionType.TUPLE)
    private final List<Map.Entry<Map<String, Object>, org.zhifa.api.document.DocumentData>> documentData =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public void renderDocument(long caseId, String documentId, String format, OutputStream out, Actor actor) {
        DocumentRenderer renderer = this.renderer;
        DocumentTemplates templates = this.templates;
        if (renderer == null || templates == null) {
            throw Errors.of(Kind.UNAVAILABLE, "DOCUMENTS_UNAVAILABLE", null);
        }
        DocumentRenderer.Format f = Arrays.stream(DocumentRenderer.Format.values())
                .filter(v -> v.name().equalsIgnoreCase(format == null ? "" : format.strip())).findFirst()
                .orElseThrow(() -> Errors.invalid("DOCUMENT_FORMAT", "format", format));
        CaseFile c = find(caseId, actor).orElseThrow(() -> notFound(caseId));
        if (!documents(c).contains(documentId)) {
            throw Errors.of(Kind.NOT_FOUND, "DOCUMENT_NOT_IN_CASE", "document", documentId, c.number());
        }
        DocumentTemplate template = templates.find(documentId)
                .orElseThrow(() -> Errors.of(Kind.UNAVAILABLE, "DOCUMENT_TEMPLATE_MISSING", "document", documentId));
        Map<String, Object> fields = CaseDocuments.fields(c, bureauName, workingDays);
        DocumentExtras.add(fields, documentData, c, documentId, kinds.get(c.kind()), actor);
        renderer.render(template, fields, f, out);
    }

    // ---------------------------------------------------------------- internals

    @FunctionalInterface
    private interface CaseWrite {
        /** Changes the case; returns the timeline event it wrote. */
        CaseEventEntity apply(EntityManager em, CaseEntity c);
    }

    /** Runs a write on a locked, current case in one transaction, then reads it back. */
    private CaseFile write(long caseId, long expectedVersion, Actor actor, CaseWrite work) {
        try {
            jpa.tx(TransactionType.Required, em -> {
                CaseEntity c = em.find(CaseEntity.class, caseId, LockModeType.PESSIMISTIC_WRITE);
                if (c == null || !bureau.equals(c.bureau)) {
                    throw notFound(caseId);
                }
                if (expectedVersion >= 0 && c.version != expectedVersion) {
                    throw Errors.conflict("VERSION_CONFLICT", expectedVersion, c.version);
                }
                CaseEventEntity e = work.apply(em, c);
                c.nextDue = em.createQuery("select min(t.dueOn) from CaseTimerEntity t where t.caseId = :c"
                        + " and t.metOn is null", LocalDate.class).setParameter("c", c.id).getSingleResult();
                if (CaseStatus.CLOSED.name().equals(c.status)) {
                    c.nextDue = null;
                }
                appendToRecord(em, c, e, actor);
                if (e.disclosed != null && !decisionListeners.isEmpty()) {
                    tellDecided(em, c, e, actor);
                }
            });
        } catch (OptimisticLockException | PessimisticLockException | LockTimeoutException e) {
            throw Errors.conflict("CASE_CONCURRENT_WRITE");
        } finally {
            forgetLists();
        }
        return load(caseId);
    }

    /** D3: after the decision's own record entry, every listener (the disclosure queue) on this transaction. */
    private void tellDecided(EntityManager em, CaseEntity c, CaseEventEntity e, Actor actor) {
        em.flush();
        CaseFile after = toFile(em, c, null);
        LocalDate on = countFrom(after, e.disclosed, LocalDate.ofInstant(e.at, clock.getZone()));
        for (CaseDecisionListener l : decisionListeners) {
            em.unwrap(org.hibernate.Session.class).doWork(conn -> l.decided(conn, after, e.disclosed, e.major, on, actor));
        }
    }

    /** The day a disclosure deadline counts from: the rule's date field when set and not later than the decision. */
    static LocalDate countFrom(CaseFile c, DisclosureRule rule, LocalDate decided) {
        String value = rule.fromField() == null ? null : c.fields().get(rule.fromField());
        if (value == null || value.isBlank()) {
            return decided;
        }
        try {
            LocalDate from = LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
            return from.isAfter(decided) ? decided : from;
        } catch (java.time.format.DateTimeParseException ex) {
            return decided;
        }
    }

    private CaseFile load(long id) {
        return jpa.txExpr(TransactionType.Required, em -> toFile(em, em.find(CaseEntity.class, id), null));
    }

    private ZhifaException notFound(long caseId) {
        return Errors.of(Kind.NOT_FOUND, "CASE_UNKNOWN", null, caseId);
    }

    /** The kind of a case that may still move: installed, and the case open. */
    private EnforcementKind movable(CaseEntity c) {
        EnforcementKind kind = kinds.get(c.kind);
        if (kind == null) {
            throw Errors.conflict("KIND_NOT_INSTALLED", c.kindTitleZh);
        }
        if (CaseStatus.CLOSED.name().equals(c.status)) {
            throw Errors.conflict("CASE_CLOSED", c.number);
        }
        return kind;
    }

    private static void enter(CaseEntity c, Step s) {
        c.step = s.id();
        c.stepTitleZh = s.titleZh();
        c.stepTitleEn = s.titleEn();
    }

    private String nextNumber(EntityManager em, EnforcementKind kind, int year) {
        String key = bureau + "|" + kind.id() + "|" + year;
        CaseCounterEntity counter = em.find(CaseCounterEntity.class, key, LockModeType.PESSIMISTIC_WRITE);
        if (counter == null) {
            counter = new CaseCounterEntity();
            counter.id = key;
            counter.next = 1;
            em.persist(counter);
        }
        int seq = counter.next++;
        return CaseNumbers.format(config.numberFormat(), config.numberPrefix(), kind.numberCode(), year, seq);
    }

    private CaseEventEntity event(EntityManager em, CaseEntity c, String type, String transition, String from,
                                  String to, String titleZh, String titleEn, Actor actor, Instant at, String reason,
                                  Map<String, String> fields) {
        CaseEventEntity e = new CaseEventEntity();
        e.bureau = c.bureau;
        e.caseId = c.id;
        e.seq = ++c.eventCount;
        e.type = type;
        e.transition = transition;
        e.fromStep = from;
        e.toStep = to;
        e.titleZh = titleZh;
        e.titleEn = titleEn;
        e.actor = actor.user();
        e.at = at;
        e.reason = reason;
        em.persist(e);
        fields.forEach((name, value) -> {
            CaseFieldEntity f = new CaseFieldEntity();
            f.caseId = c.id;
            f.seq = e.seq;
            f.name = name;
            f.value = value;
            em.persist(f);
        });
        return e;
    }

    /** Record entry types by timeline event type. */
    private static final Map<String, String> ENTRY_TYPES = Map.of(FILED, "case.filed", TRANSITION, "case.transition",
            ASSIGNED, "case.assigned", RECUSAL_REQUESTED, "case.recusal.requested",
            RECUSAL_DECIDED, "case.recusal.decided");

    /**
     * Appends the event's entry to the record on this transaction's connection. Called last: every row
     * of the change is flushed first, and the record holds its append lock until the commit.
     */
    private void appendToRecord(EntityManager em, CaseEntity c, CaseEventEntity e, Actor actor) {
        em.flush();
        Map<String, Object> fieldValues = new java.util.TreeMap<>();
        for (CaseFieldEntity f : em.createQuery("select f from CaseFieldEntity f where f.caseId = :c and f.seq = :s",
                CaseFieldEntity.class).setParameter("c", c.id).setParameter("s", e.seq).getResultList()) {
            fieldValues.put(f.name, f.value);
        }
        String payload = e.facts.put("case", c.id).put("number", c.number).put("kind", c.kind).put("event", e.seq)
                .put("type", e.type).put("transition", e.transition).put("from", e.fromStep).put("to", e.toStep)
                .put("title", e.titleZh).put("reason", e.reason).put("fields", fieldValues)
                .put("status", c.status).put("version", c.version)
                .put("timers", timers(em, c.id).stream().map(t -> new Payload().put("rule", t.rule)
                        .put("startedOn", t.startedOn).put("dueOn", t.dueOn).put("metOn", t.metOn)).toList())
                .json();
        EntryDraft draft = new EntryDraft("case", Long.toString(c.id), c.step, ENTRY_TYPES.get(e.type), payload,
                e.evidence, null);
        em.unwrap(org.hibernate.Session.class).doReturningWork(conn -> record.append(conn, draft, actor));
    }

    private static Payload officerFacts(Officer o) {
        return new Payload().put("id", o.id()).put("name", o.name()).put("certificateNo", o.certificateNo());
    }

    /**
     * R4: a transition that leaves a step needing audio/video asks the evidence store whether the step is
     * covered; refused (nothing written) unless it is. Returns the hashes of the step's audio/video
     * evidence, which the transition's record entry names.
     */
    private List<String> avGate(CaseEntity c, Step leaving, Transition t, Actor actor) {
        if (leaving.av() == AvRule.NONE || t.from().equals(t.to())) {
            return List.of();
        }
        EvidenceService store = evidence;
        if (store == null) {
            throw Errors.of(Kind.UNAVAILABLE, "AV_STORE_UNAVAILABLE", null, leaving.titleZh());
        }
        AvCoverage coverage = store.coverage(c.id, leaving.id(), leaving.av());
        if (!coverage.satisfied()) {
            String code = leaving.av() == AvRule.UNINTERRUPTED ? "AV_NOT_CONTINUOUS" : "AV_MISSING";
            throw new ZhifaException(Kind.CONFLICT, code,
                    Errors.text(ZH, code, leaving.titleZh(), t.titleZh(), text(coverage.messageZh())),
                    Errors.text(Locale.ENGLISH, code, leaving.titleEn(), t.titleEn(), text(coverage.messageEn())),
                    null);
        }
        return store.ofCase(c.id, actor).stream()
                .filter(i -> leaving.id().equals(i.step()) && i.isAudioVideo() && !i.purged())
                .map(EvidenceItem::hash).distinct().toList();
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    private void addOfficer(EntityManager em, long caseId, long officerId, int seq) {
        CaseOfficerEntity a = new CaseOfficerEntity();
        a.caseId = caseId;
        a.officerId = officerId;
        a.assignedSeq = seq;
        em.persist(a);
    }

    private void startTimers(EntityManager em, CaseEntity c, Procedure proc, String step, Map<String, String> fields,
                             LocalDate today, int seq) {
        List<CaseTimerEntity> existing = timers(em, c.id);
        for (TimerRule rule : proc.timers()) {
            if (!rule.startStep().equals(step)) {
                continue;
            }
            if (existing.stream().anyMatch(t -> t.rule.equals(rule.id()) && t.metOn == null)) {
                continue;
            }
            LocalDate start = today;
            if (rule.startField() != null && fields.get(rule.startField()) != null) {
                String v = fields.get(rule.startField());
                start = LocalDate.parse(v.length() > 10 ? v.substring(0, 10) : v);
            }
            CaseTimerEntity t = new CaseTimerEntity();
            t.bureau = c.bureau;
            t.caseId = c.id;
            t.rule = rule.id();
            t.titleZh = rule.titleZh();
            t.titleEn = rule.titleEn();
            t.basis = rule.basis();
            t.startedOn = start;
            t.dueOn = TimerMath.due(rule, rule.effectiveLength(fields), start, workingDays);
            t.startedSeq = seq;
            em.persist(t);
            if (c.nextDue == null || t.dueOn.isBefore(c.nextDue)) {
                c.nextDue = t.dueOn;
            }
        }
    }

    /** Running timers whose rule is extendable follow the case's latest extension field (e.g. 许可法 42). */
    private void extendTimers(EntityManager em, CaseEntity c, Procedure proc, Map<String, String> latest) {
        for (CaseTimerEntity t : timers(em, c.id)) {
            TimerRule rule = proc.timers().stream().filter(r -> r.id().equals(t.rule)).findFirst().orElse(null);
            if (t.metOn == null && rule != null && rule.extendField() != null) {
                t.dueOn = TimerMath.due(rule, rule.effectiveLength(latest), t.startedOn, workingDays);
            }
        }
    }

    private void stopTimers(EntityManager em, CaseEntity c, String step, LocalDate today) {
        EnforcementKind kind = kinds.get(c.kind);
        Map<String, TimerRule> rules = kind.procedure().timers().stream()
                .collect(Collectors.toMap(TimerRule::id, r -> r, (a, b) -> a));
        Step target = kind.procedure().step(step).orElseThrow();
        for (CaseTimerEntity t : timers(em, c.id)) {
            TimerRule rule = rules.get(t.rule);
            boolean stops = target.terminal() || (rule != null && rule.stopSteps().contains(step));
            if (t.metOn == null && stops) {
                t.metOn = today;
            }
        }
    }

    private List<CaseTimerEntity> timers(EntityManager em, long caseId) {
        return em.createQuery("select t from CaseTimerEntity t where t.caseId = :c order by t.startedSeq, t.id",
                CaseTimerEntity.class).setParameter("c", caseId).getResultList();
    }

    private List<CaseOfficerEntity> assignments(EntityManager em, long caseId) {
        return em.createQuery("select a from CaseOfficerEntity a where a.caseId = :c and a.removedSeq is null"
                + " order by a.id", CaseOfficerEntity.class).setParameter("c", caseId).getResultList();
    }

    private List<RecusalEntity> recusals(EntityManager em, long caseId) {
        return em.createQuery("select r from RecusalEntity r where r.caseId = :c order by r.id", RecusalEntity.class)
                .setParameter("c", caseId).getResultList();
    }

    /** Assigned officers whose certificate is valid today (T4). */
    private int validOfficers(EntityManager em, long caseId, LocalDate today) {
        int n = 0;
        for (CaseOfficerEntity a : assignments(em, caseId)) {
            Optional<Officer> o = personnel.find(a.officerId, SYSTEM);
            if (o.isPresent() && certified(o.get())) {
                n++;
            }
        }
        return n;
    }

    private static final Actor SYSTEM = new Actor("zhifa-cases", Set.of(Roles.OFFICER));

    private static boolean certified(Officer o) {
        return o.active() && (o.status() == CertificateStatus.VALID || o.status() == CertificateStatus.EXPIRING);
    }

    private static void requireOfficers(Step step, int have) {
        if (have < step.minOfficers()) {
            throw Errors.conflict("STEP_NEEDS_OFFICERS", step.titleZh(), step.minOfficers(), have);
        }
    }

    /** The officers to assign: each known, active, with a valid certificate of the case's category (T4). */
    private List<Officer> officers(List<Long> ids, String category, Actor actor, LocalDate today) {
        List<Long> distinct = ids == null ? List.of() : ids.stream().distinct().toList();
        if (distinct.size() > MAX_OFFICERS) {
            throw Errors.invalid("OFFICERS_TOO_MANY", "officers", MAX_OFFICERS);
        }
        List<Officer> out = new ArrayList<>();
        for (Long id : distinct) {
            if (id == null) {
                throw Errors.invalid("OFFICER_UNKNOWN", "officers", "null");
            }
            Officer o = personnel.find(id, actor).orElseThrow(() -> Errors.invalid("OFFICER_UNKNOWN", "officers", id));
            if (!o.active()) {
                throw Errors.conflict("OFFICER_INACTIVE", o.name());
            }
            if (o.status() == CertificateStatus.EXPIRED) {
                throw Errors.conflict("OFFICER_CERTIFICATE_EXPIRED", o.name(), o.certificateNo(), o.validTo());
            }
            if (o.status() == CertificateStatus.NOT_YET_VALID) {
                throw Errors.conflict("OFFICER_CERTIFICATE_NOT_YET_VALID", o.name(), o.certificateNo(), o.validFrom());
            }
            if (!certified(o)) {
                throw Errors.conflict("OFFICER_INACTIVE", o.name());
            }
            if (!o.categories().contains(category)) {
                throw Errors.conflict("OFFICER_WRONG_CATEGORY", o.name(), category, String.join("、", o.categories()));
            }
            out.add(o);
        }
        return out;
    }

    private static boolean mayTake(Transition t, Actor actor) {
        if (t.roles().isEmpty()) {
            return actor.has(Roles.OFFICER) || actor.has(Roles.LEADER);
        }
        return t.roles().stream().anyMatch(actor::has);
    }

    private static List<Transition> available(Procedure proc, String step, boolean simple, Actor actor) {
        return proc.from(step).stream()
                .filter(t -> t.variant() == Transition.Variant.ANY
                        || (t.variant() == Transition.Variant.SIMPLE) == simple)
                .filter(t -> actor == null || mayTake(t, actor)).toList();
    }

    private static String allowedTitles(Procedure proc, CaseEntity c) {
        List<Transition> ts = available(proc, c.step, c.simple, null);
        return ts.isEmpty() ? "—" : ts.stream().map(Transition::titleZh).collect(Collectors.joining("、"));
    }

    private static String roleNames(Set<String> roles) {
        return roles.stream().map(r -> Errors.text(ZH, "ROLE_" + r)).sorted().collect(Collectors.joining("、"));
    }

    private CaseFacts facts(EntityManager em, CaseEntity c) {
        List<CaseEventEntity> events = events(em, c.id);
        List<String> taken = events.stream().filter(e -> TRANSITION.equals(e.type)).map(e -> e.transition).toList();
        return new CaseFacts(c.kind, c.number, PartyType.valueOf(c.partyType), c.minor, c.simple, c.step, c.filedOn,
                taken, latestFields(em, c.id, events));
    }

    private List<CaseEventEntity> events(EntityManager em, long caseId) {
        return em.createQuery("select e from CaseEventEntity e where e.caseId = :c order by e.seq",
                CaseEventEntity.class).setParameter("c", caseId).getResultList();
    }

    private List<CaseFieldEntity> fieldRows(EntityManager em, long caseId) {
        return em.createQuery("select f from CaseFieldEntity f where f.caseId = :c order by f.seq, f.id",
                CaseFieldEntity.class).setParameter("c", caseId).getResultList();
    }

    /** The latest value of each case field recorded at filing or by a transition. */
    private Map<String, String> latestFields(EntityManager em, long caseId, List<CaseEventEntity> events) {
        Set<Integer> dataSeqs = events.stream().filter(e -> FILED.equals(e.type) || TRANSITION.equals(e.type))
                .map(e -> e.seq).collect(Collectors.toSet());
        Map<String, String> latest = new LinkedHashMap<>();
        for (CaseFieldEntity f : fieldRows(em, caseId)) {
            if (dataSeqs.contains(f.seq)) {
                latest.put(f.name, f.value);
            }
        }
        return latest;
    }

    private CaseFile toFile(EntityManager em, CaseEntity c, Actor actor) {
        List<CaseEventEntity> events = events(em, c.id);
        Map<Integer, Map<String, String>> bySeq = new HashMap<>();
        for (CaseFieldEntity f : fieldRows(em, c.id)) {
            bySeq.computeIfAbsent(f.seq, k -> new LinkedHashMap<>()).put(f.name, f.value);
        }
        List<CaseEvent> timeline = events.stream().map(e -> new CaseEvent(e.seq, e.type, e.transition, e.fromStep,
                e.toStep, e.titleZh, e.titleEn, e.actor, e.at, e.reason, bySeq.getOrDefault(e.seq, Map.of()))).toList();
        List<AssignedOfficer> officers = assignments(em, c.id).stream().map(a -> {
            Optional<Officer> o = personnel.find(a.officerId, SYSTEM);
            return new AssignedOfficer(a.officerId, o.map(Officer::name).orElse("?"),
                    o.map(Officer::certificateNo).orElse("?"), o.map(CaseServiceImpl::certified).orElse(false));
        }).toList();
        List<CaseTimer> timers = timers(em, c.id).stream().map(t -> new CaseTimer(t.rule, t.titleZh, t.titleEn, t.basis,
                t.startedOn, t.dueOn, t.metOn)).toList();
        List<Recusal> recusals = recusals(em, c.id).stream().map(r -> new Recusal(r.id, r.officerId, r.officerName,
                r.requestedBy, r.reason, r.requestedAt, r.requestActor, r.approved, r.decisionReason, r.decidedAt,
                r.decisionActor)).toList();
        Party party = new Party(PartyType.valueOf(c.partyType), c.partyName, c.partyIdNumber, c.partyLegalRep,
                c.partyPhone, c.partyAddress);
        return new CaseFile(c.id, c.bureau, c.number, c.kind, c.kindTitleZh, c.kindTitleEn, c.category, c.title, party,
                c.minor, c.simple, c.step, c.stepTitleZh, c.stepTitleEn, CaseStatus.valueOf(c.status), c.filedOn,
                officers, timers, recusals, timeline, latestFields(em, c.id, events), kinds.containsKey(c.kind),
                c.version, c.createdAt, c.createdBy);
    }

    private CaseSummary toSummary(CaseEntity c) {
        return new CaseSummary(c.id, c.number, c.kind, c.kindTitleZh, c.kindTitleEn, c.category, c.title, c.partyName,
                c.step, c.stepTitleZh, c.stepTitleEn, CaseStatus.valueOf(c.status), c.filedOn, c.nextDue,
                kinds.containsKey(c.kind));
    }

    private static CaseQuery checked(CaseQuery q) {
        CaseQuery query = q == null ? CaseQuery.all(0, 50) : q;
        if (!CaseQuery.SORT_FIELDS.contains(query.sort())) {
            throw Errors.invalid("SORT_UNKNOWN", "sort", query.sort(), String.join(", ", CaseQuery.SORT_FIELDS));
        }
        if (query.offset() < 0) {
            throw Errors.invalid("OFFSET_NEGATIVE", "offset");
        }
        if (query.limit() < 1 || query.limit() > CaseQuery.MAX_LIMIT) {
            throw Errors.invalid("LIMIT_RANGE", "limit", 1, CaseQuery.MAX_LIMIT);
        }
        if (query.due() == CaseQuery.Due.SOON && (query.dueWithin() < 0 || query.dueWithin() > 365)) {
            throw Errors.invalid("DUE_WITHIN_RANGE", "dueWithin", 0, 365);
        }
        return query;
    }

    private static void requireStaff(Actor actor) {
        if (actor == null || !actor.isStaff()) {
            throw Errors.of(Kind.FORBIDDEN, "ROLE_STAFF", null);
        }
    }

    private static void requireWriter(Actor actor) {
        requireStaff(actor);
        if (!actor.has(Roles.OFFICER) && !actor.has(Roles.LEADER)) {
            throw Errors.of(Kind.FORBIDDEN, "ROLE_WRITER", null);
        }
    }
}
