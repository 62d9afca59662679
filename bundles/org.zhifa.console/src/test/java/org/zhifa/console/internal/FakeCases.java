package org.zhifa.console.internal;

import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.LongStream;

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
import org.zhifa.api.common.Actor;
import org.zhifa.api.common.Page;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.kind.CaseFacts.PartyType;
import org.zhifa.api.kind.DisclosureRule;
import org.zhifa.api.kind.FieldDef;
import org.zhifa.api.kind.FieldDef.Type;
import org.zhifa.api.kind.Procedure;
import org.zhifa.api.kind.Step;
import org.zhifa.api.kind.TimerRule;
import org.zhifa.api.kind.Transition;

/** A case engine of 100 000 cases of one small kind that records what it was asked. */
final class FakeCases implements CaseService {
    static final long ROWS = 100_000;
    static final Transition DECIDE = Transition.of("decide", "filed", "decided", "决定", "Decide",
            FieldDef.choice("penaltyType", true, "处罚种类", "Type", "警告", "罚款"),
            FieldDef.optional("fineAmount", Type.MONEY, "罚款金额", "Fine"),
            FieldDef.required("decisionDate", Type.DATE, "决定日期", "Decision date"),
            FieldDef.optional("hearingAt", Type.DATETIME, "听证时间", "Hearing at"),
            FieldDef.optional("waived", Type.BOOLEAN, "放弃", "Waived"),
            FieldDef.optional("days", Type.INTEGER, "天数", "Days"),
            FieldDef.required("facts", Type.LONGTEXT, "事实", "Facts"),
            FieldDef.optional("place", Type.TEXT, "地点", "Place"));
    static final KindInfo KIND = new KindInfo("penalty", "行政处罚", "Administrative penalty", "罚",
            new Procedure("filed", List.of(Step.of("filed", "立案", "Filed"), Step.of("decided", "决定", "Decided").closes()),
                    List.of(DECIDE, Transition.of("onSpot", "filed", "decided", "当场", "On the spot")
                            .variant(Transition.Variant.SIMPLE)),
                    List.of(FieldDef.required("cause", Type.TEXT, "案由", "Cause")),
                    List.of(new TimerRule("decision", "决定期限", "Decision", "filed", null, java.util.Set.of("decided"),
                            90, TimerRule.DayCount.CALENDAR_DAYS, "处罚法 60"))),
            new DisclosureRule("decided", 7, List.of()));

    final List<CaseQuery> queries = new ArrayList<>();
    final List<String> transitions = new ArrayList<>();
    boolean kindInstalled = true;
    ZhifaException refuse;

    @Override
    public List<KindInfo> kinds() {
        return List.of(KIND);
    }

    @Override
    public Optional<KindInfo> kind(String id) {
        return KIND.id().equals(id) ? Optional.of(KIND) : Optional.empty();
    }

    @Override
    public CaseFile file(CaseDraft draft, Actor actor) {
        throw new UnsupportedOperationException();
    }

    @Override
    public CaseFile transition(long caseId, String transition, Map<String, String> fields, String reason,
                               long expectedVersion, Actor actor) {
        if (refuse != null) {
            throw refuse;
        }
        transitions.add(transition + fields);
        return find(caseId, actor).orElseThrow();
    }

    @Override
    public CaseFile assign(long caseId, List<Long> officerIds, String reason, Actor actor) {
        throw new UnsupportedOperationException();
    }

    @Override
    public CaseFile requestRecusal(long caseId, long officerId, String requestedBy, String reason, Actor actor) {
        throw new UnsupportedOperationException();
    }

    @Override
    public CaseFile decideRecusal(long caseId, long recusalId, boolean approved, String reason, Actor actor) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<CaseFile> find(long caseId, Actor actor) {
        LocalDate today = LocalDate.now();
        return Optional.of(new CaseFile(caseId, "430421", "衡国土资罚〔2026〕" + caseId + "号", "penalty", "行政处罚",
                "Administrative penalty", "土地管理", "<b>占地</b>", new Party(PartyType.PERSON, "欧阳明",
                        "430421200901011234", null, null, null), true, false, "filed", "立案", "Filed",
                CaseStatus.OPEN, today, List.of(new AssignedOfficer(1, "王建国", "43042120181001", true)),
                List.of(new CaseTimer("decision", "决定期限", "Decision", "处罚法 60", today, today.minusDays(1), null)),
                List.of(), List.of(new CaseEvent(1, "FILED", null, null, "filed", "立案", "Filed", "officer",
                        Instant.now(), null, Map.of("cause", "占地"))),
                Map.of("cause", "占地"), kindInstalled, 3, Instant.now(), "officer"));
    }

    @Override
    public Optional<CaseFile> findByNumber(String number, Actor actor) {
        return Optional.empty();
    }

    @Override
    public Page<CaseSummary> list(CaseQuery q, Actor actor) {
        queries.add(q);
        if (q.limit() > CaseQuery.MAX_LIMIT || q.limit() < 1) {
            throw new IllegalArgumentException("limit " + q.limit());
        }
        List<CaseSummary> items = LongStream.range(q.offset(), Math.min(ROWS, (long) q.offset() + q.limit()))
                .mapToObj(FakeCases::summary).toList();
        return new Page<>(items, ROWS, q.offset(), q.limit());
    }

    static CaseSummary summary(long id) {
        LocalDate today = LocalDate.now();
        return new CaseSummary(id, "罚" + id, "penalty", "行政处罚", "Administrative penalty", "土地管理", "案件" + id,
                "当事人" + id, "filed", "立案", "Filed", CaseStatus.OPEN, today, today.plusDays(id % 30 - 5), true);
    }

    @Override
    public List<DueItem> due(int withinWorkingDays, Actor actor) {
        return List.of();
    }

    @Override
    public List<String> availableTransitions(long caseId, Actor actor) {
        return kindInstalled ? List.of("decide") : List.of();
    }

    @Override
    public org.zhifa.api.cases.PreparedDecision prepareDecision(long caseId, String transition,
                                                                 Map<String, String> fields, Actor actor) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<String> decisionTransitions(long caseId, Actor actor) {
        return kindInstalled ? List.of("decide") : List.of();
    }

    @Override
    public List<String> documents(long caseId, Actor actor) {
        return List.of("penalty.filing");
    }

    @Override
    public void renderDocument(long caseId, String documentId, String format, OutputStream out, Actor actor) {
        throw new ZhifaException(ZhifaException.Kind.UNAVAILABLE, "DOCUMENTS_UNAVAILABLE", "文书服务未安装",
                "The document service is not installed", null);
    }
}
