package org.zhifa.kind.penalty.internal;

import static org.zhifa.api.kind.FieldDef.Type.BOOLEAN;
import static org.zhifa.api.kind.FieldDef.Type.DATE;
import static org.zhifa.api.kind.FieldDef.Type.DATETIME;
import static org.zhifa.api.kind.FieldDef.Type.INTEGER;
import static org.zhifa.api.kind.FieldDef.Type.LONGTEXT;
import static org.zhifa.api.kind.FieldDef.Type.MONEY;
import static org.zhifa.api.kind.FieldDef.Type.TEXT;
import static org.zhifa.api.kind.TimerRule.DayCount.CALENDAR_DAYS;
import static org.zhifa.api.kind.TimerRule.DayCount.WORKING_DAYS;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.zhifa.api.common.Roles;
import org.zhifa.api.kind.AvRule;
import org.zhifa.api.kind.FieldDef;
import org.zhifa.api.kind.KindTexts;
import org.zhifa.api.kind.Procedure;
import org.zhifa.api.kind.Step;
import org.zhifa.api.kind.Transition;
import org.zhifa.api.kind.Transition.Variant;

/** The 行政处罚 procedure (处罚法 第五章): ordinary with hearing, and the simple 当场 one (51–52). */
final class PenaltyProcedure {

    // Steps
    static final String FILED = "filed";                   // 立案
    static final String INVESTIGATION = "investigation";   // 调查取证
    static final String PRESERVATION = "preservation";     // 先行登记保存
    static final String REVIEW = "review";                 // 审查 (调查终结, 57)
    static final String NOTIFIED = "notified";             // 告知 (44)
    static final String STATEMENT = "statement";           // 陈述申辩 (45)
    static final String HEARING = "hearing";               // 听证 (63–65)
    static final String LEGAL_REVIEW = "legalReview";      // 法制审核 (58)
    static final String DISCUSSION = "discussion";         // 集体讨论 (57 para 2)
    static final String DECIDED = "decided";               // 决定 (57, 59)
    static final String ON_SPOT = "onSpot";                // 当场处罚决定 (51–52)
    static final String NO_PENALTY = "noPenalty";          // 不予行政处罚 (57(1)2–3)
    static final String SERVED = "served";                 // 送达 (61)
    static final String EXECUTED = "executed";             // 执行 (66–72)
    static final String CLOSED = "closed";                 // 结案

    // Transitions the checks look for by id
    static final String PRESERVE = "preserve";
    static final String DISPOSE_PRESERVED = "disposePreserved";
    static final String NOTIFY = "notify";
    static final String HEAR_STATEMENT = "hearStatement";
    static final String SCHEDULE_HEARING = "scheduleHearing";
    static final String SCHEDULE_HEARING_AFTER_STATEMENT = "scheduleHearingAfterStatement";
    static final String DECIDE_ON_SPOT = "decideOnSpot";
    static final String SERVE = "serve";
    static final String SERVE_ON_SPOT = "serveOnSpot";
    static final String RECORD_PERFORMANCE = "recordPerformance";

    /** Options of 送达 (民事诉讼法 第七章 as 处罚法 61 refers to it; 电子送达 needs consent). */
    static final String ELECTRONIC = "电子送达";
    static final String PAID_IN_FULL = "全部履行";

    private PenaltyProcedure() {}

    static Procedure build(KindTexts t, PenaltyConfig cfg) {
        List<Step> steps = List.of(
                t.step(FILED).documents("penalty.filing"),
                // 处罚法 42: at least two officers; R4: A/V for 调查取证 and 证据保全
                t.step(INVESTIGATION).officers(2).av(AvRule.REQUIRED).documents("penalty.inquiry", "penalty.inspection"),
                t.step(PRESERVATION).officers(2).av(AvRule.REQUIRED)
                        .documents("penalty.preservation", "penalty.preservation-disposal"),
                t.step(REVIEW).documents("penalty.investigation-report"),
                t.step(NOTIFIED).documents("penalty.notice"),
                t.step(STATEMENT).documents("penalty.statement"),
                t.step(HEARING).av(AvRule.REQUIRED)
                        .documents("penalty.hearing-notice", "penalty.hearing-record", "penalty.hearing-report"),
                t.step(LEGAL_REVIEW).documents("penalty.legal-review"),
                t.step(DISCUSSION).documents("penalty.discussion"),
                t.step(DECIDED).documents("penalty.decision"),
                // 当场处罚 is on-site enforcement: two officers (42), recorded (R4 现场执法)
                t.step(ON_SPOT).officers(2).av(AvRule.REQUIRED).documents("penalty.on-spot-decision"),
                t.step(NO_PENALTY).documents("penalty.no-penalty"),
                t.step(SERVED).av(AvRule.REQUIRED).documents("penalty.service-receipt"),
                t.step(EXECUTED).documents("penalty.performance"),
                t.step(CLOSED).documents("penalty.closing").closes());

        FieldDef waived = t.optional("partyWaived", BOOLEAN);
        List<Transition> tr = new ArrayList<>();
        tr.add(t.transition("investigate", FILED, INVESTIGATION).variant(Variant.ORDINARY));
        tr.add(t.transition(PRESERVE, INVESTIGATION, PRESERVATION,
                t.required("preservedOn", DATE), t.required("preservedItems", LONGTEXT),
                t.required("preservationApprover", TEXT)));
        tr.add(t.transition(DISPOSE_PRESERVED, PRESERVATION, INVESTIGATION,
                t.required("disposedOn", DATE),
                t.choice("disposition", true, "解除先行登记保存", "移交检测、检验、检疫、技术鉴定", "依法查封、扣押",
                        "依法予以没收", "移送有关部门"),
                t.optional("dispositionNote", LONGTEXT)));
        tr.add(t.transition("concludeInvestigation", INVESTIGATION, REVIEW,
                t.required("facts", LONGTEXT), t.required("evidence", LONGTEXT)));
        tr.add(t.transition(NOTIFY, REVIEW, NOTIFIED,
                t.choice("proposedType", true, PenaltyRules.TYPES), t.optional("proposedFine", MONEY),
                t.optional("proposedConfiscation", MONEY), t.required("proposedBasis", LONGTEXT),
                t.required("notifiedOn", DATE), t.required("hearingRight", BOOLEAN)));
        tr.add(t.transition(HEAR_STATEMENT, NOTIFIED, STATEMENT,
                t.required("statementOn", DATE), t.required("statement", LONGTEXT),
                t.required("statementAdopted", BOOLEAN), t.required("statementReply", LONGTEXT)));
        FieldDef[] hearing = {t.required("hearingRequestedOn", DATE), t.required("hearingNoticeOn", DATE),
                t.required("hearingAt", DATETIME), t.required("hearingPlace", TEXT), t.required("hearingHost", TEXT),
                t.required("hearingPublic", BOOLEAN)};
        tr.add(t.transition(SCHEDULE_HEARING, NOTIFIED, HEARING, hearing));
        tr.add(t.transition(SCHEDULE_HEARING_AFTER_STATEMENT, STATEMENT, HEARING, hearing));
        // 处罚法 58(1)2: a decision after a hearing always passes legal review
        tr.add(t.transition("concludeHearing", HEARING, LEGAL_REVIEW,
                t.required("hearingRecord", LONGTEXT), t.required("hearingReport", LONGTEXT)));
        FieldDef submitted = t.required("reviewSubmittedOn", DATE);
        tr.add(t.transition("submitLegalReview", NOTIFIED, LEGAL_REVIEW, submitted, waived));
        tr.add(t.transition("submitLegalReviewAfterStatement", STATEMENT, LEGAL_REVIEW, submitted, waived));
        FieldDef opinion = t.required("reviewOpinion", LONGTEXT);
        tr.add(t.transition("submitDiscussion", LEGAL_REVIEW, DISCUSSION, opinion));
        tr.add(t.transition("returnForInvestigation", LEGAL_REVIEW, INVESTIGATION, opinion));

        tr.add(decision(t, "decide", NOTIFIED, waived));
        tr.add(decision(t, "decideAfterStatement", STATEMENT, waived));
        tr.add(decision(t, "decideAfterReview", LEGAL_REVIEW, opinion));
        tr.add(decision(t, "decideAfterDiscussion", DISCUSSION, t.required("discussionConclusion", LONGTEXT)));

        FieldDef[] noPenalty = {t.choice("noPenaltyGround", true, "违法行为轻微并及时改正，没有造成危害后果",
                "初次违法且危害后果轻微并及时改正", "当事人有证据足以证明没有主观过错", "违法事实不能成立",
                "违法行为超过追责时效"), t.required("noPenaltyReason", LONGTEXT), t.required("decisionDate", DATE)};
        tr.add(t.transition("noPenaltyDecision", REVIEW, NO_PENALTY, noPenalty).roles(Roles.LEADER));
        tr.add(t.transition("noPenaltyAfterReview", LEGAL_REVIEW, NO_PENALTY, noPenalty).roles(Roles.LEADER));
        tr.add(t.transition("noPenaltyAfterDiscussion", DISCUSSION, NO_PENALTY, noPenalty).roles(Roles.LEADER));

        FieldDef[] withdrawal = {t.choice("withdrawalReason", true, "不属于本机关管辖，移送有管辖权的机关",
                "违法事实不存在", "涉嫌犯罪，移送司法机关", "其他依法应当撤销立案的情形"),
                t.required("withdrawalNote", LONGTEXT)};
        tr.add(t.transition("withdrawFiling", FILED, CLOSED, withdrawal).roles(Roles.LEADER));
        tr.add(t.transition("withdrawDuringInvestigation", INVESTIGATION, CLOSED, withdrawal).roles(Roles.LEADER));
        tr.add(t.transition("withdrawAfterReview", REVIEW, CLOSED, withdrawal).roles(Roles.LEADER));

        tr.add(t.transition(DECIDE_ON_SPOT, FILED, ON_SPOT,
                t.choice("penaltyType", true, PenaltyRules.WARNING, PenaltyRules.FINE),
                t.optional("fineAmount", MONEY), t.required("facts", LONGTEXT), t.required("legalBasis", LONGTEXT),
                t.required("decisionDate", DATE), t.required("decisionPlace", TEXT),
                t.required("reconsiderationBody", TEXT), t.required("reconsiderationDays", INTEGER),
                t.required("litigationCourt", TEXT), t.required("litigationMonths", INTEGER))
                .variant(Variant.SIMPLE));
        tr.add(t.transition(SERVE_ON_SPOT, ON_SPOT, SERVED,
                t.required("servedOn", DATE), t.required("serviceRecipient", TEXT)).variant(Variant.SIMPLE));

        tr.add(t.transition(SERVE, DECIDED, SERVED,
                t.required("servedOn", DATE),
                t.choice("serviceMethod", true, "直接送达", "留置送达", "邮寄送达", "委托送达", ELECTRONIC, "公告送达"),
                t.required("serviceRecipient", TEXT), t.optional("electronicConsent", BOOLEAN)));
        tr.add(t.transition(RECORD_PERFORMANCE, SERVED, EXECUTED,
                t.required("performedOn", DATE),
                t.choice("performance", true, PAID_IN_FULL, "分期缴纳", "延期缴纳", "申请人民法院强制执行"),
                t.optional("paidAmount", MONEY), t.optional("surcharge", MONEY), t.optional("receiptNo", TEXT)));
        FieldDef closedOn = t.required("closedOn", DATE);
        FieldDef summary = t.required("closingSummary", LONGTEXT);
        tr.add(t.transition("close", EXECUTED, CLOSED, closedOn, summary));
        tr.add(t.transition("closeNoPenalty", NO_PENALTY, CLOSED, closedOn, summary));

        List<FieldDef> filing = List.of(t.required("cause", TEXT),
                t.choice("source", false, "监督检查发现", "投诉举报", "上级交办", "有关部门移送", "其他"),
                t.optional("discoveredOn", DATE));

        return new Procedure(FILED, steps, tr, filing, List.of(
                t.timer("decision", FILED, null, Set.of(DECIDED, ON_SPOT, NO_PENALTY, CLOSED),
                        cfg.decisionDays(), CALENDAR_DAYS),
                t.timer("preservation", PRESERVATION, "preservedOn", Set.of(INVESTIGATION, CLOSED),
                        cfg.preservationWorkingDays(), WORKING_DAYS),
                t.timer("hearingRequest", NOTIFIED, "notifiedOn",
                        Set.of(HEARING, LEGAL_REVIEW, DISCUSSION, DECIDED, NO_PENALTY, CLOSED),
                        cfg.hearingRequestWorkingDays(), WORKING_DAYS),
                t.timer("service", DECIDED, "decisionDate", Set.of(SERVED), cfg.serviceWorkingDays(), WORKING_DAYS),
                t.timer("payment", SERVED, "servedOn", Set.of(EXECUTED, CLOSED), cfg.paymentDays(), CALENDAR_DAYS)));
    }

    /** A decision transition: the contents of a 行政处罚决定书 (处罚法 59), plus what its path records. */
    private static Transition decision(KindTexts t, String id, String from, FieldDef extra) {
        return t.transition(id, from, DECIDED,
                t.choice("penaltyType", true, PenaltyRules.TYPES), t.optional("fineAmount", MONEY),
                t.optional("confiscatedAmount", MONEY), t.optional("facts", LONGTEXT), t.optional("evidence", LONGTEXT),
                t.required("legalBasis", LONGTEXT), t.required("performanceManner", TEXT),
                t.optional("paymentAccount", TEXT),
                t.required("reconsiderationBody", TEXT), t.required("reconsiderationDays", INTEGER),
                t.required("litigationCourt", TEXT), t.required("litigationMonths", INTEGER),
                t.required("decisionDate", DATE), extra)
                .roles(Roles.LEADER);
    }
}
