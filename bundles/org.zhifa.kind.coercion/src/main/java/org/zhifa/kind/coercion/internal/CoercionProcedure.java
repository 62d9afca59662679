package org.zhifa.kind.coercion.internal;

import java.util.List;
import java.util.Set;

import org.zhifa.api.common.Roles;
import org.zhifa.api.kind.AvItems;
import org.zhifa.api.kind.FieldDef;
import org.zhifa.api.kind.FieldDef.Type;
import org.zhifa.api.kind.KindTexts;
import org.zhifa.api.kind.Procedure;
import org.zhifa.api.kind.TimerRule;
import org.zhifa.api.kind.TimerRule.DayCount;

/**
 * The procedure of 行政强制 in its two branches: 行政强制措施 (查封、扣押, 行政强制法 18–28) and
 * 行政强制执行 by the bureau (催告 35 → 陈述申辩 36 → 决定 37 → 执行; 强制拆除 44) or by the court
 * (申请人民法院强制执行 53–55). The first transition taken from 立案 chooses the branch.
 */
final class CoercionProcedure {

    // steps
    static final String FILED = "filed";
    static final String SEIZING = "seizing";
    static final String HELD = "held";
    static final String EXTENDED = "extended";
    static final String DISPOSED = "disposed";
    static final String ANNOUNCED = "announced";
    static final String DEMANDED = "demanded";
    static final String HEARD = "heard";
    static final String DECIDED = "decided";
    static final String EXECUTING = "executing";
    static final String DEMOLISHING = "demolishing";
    static final String EXECUTED = "executed";
    static final String COURT = "court";
    static final String COURT_RULED = "court_ruled";
    static final String CLOSED = "closed";

    // transitions the checks name
    static final String SEIZE = "seize";
    static final String RECORD_SEIZURE = "record_seizure";
    static final String EXTEND_SEIZURE = "extend_seizure";
    static final String DISPOSE = "dispose";
    static final String DISPOSE_EXTENDED = "dispose_extended";
    static final String ANNOUNCE_DEMOLITION = "announce_demolition";
    static final String DEMAND = "demand";
    static final String DEMAND_AFTER_NOTICE = "demand_after_notice";
    static final String RECORD_STATEMENT = "record_statement";
    static final String DECIDE_EXECUTION = "decide_execution";
    static final String START_EXECUTION = "start_execution";
    static final String START_DEMOLITION = "start_demolition";
    static final String FINISH_EXECUTION = "finish_execution";
    static final String FINISH_DEMOLITION = "finish_demolition";
    static final String APPLY_COURT = "apply_court";
    static final String APPLY_COURT_AFTER_DEMAND = "apply_court_after_demand";
    static final String COURT_RULING = "court_ruling";

    // choice values, shown to staff as they are
    static final String MEASURE_SEAL = "查封";
    static final String MEASURE_SEIZE = "扣押";
    static final String DISPOSAL_CONFISCATE = "没收";
    static final String DISPOSAL_DESTROY = "销毁";
    static final String DISPOSAL_RELEASE = "解除查封扣押";
    static final String DISPOSAL_TRANSFER = "移送司法机关";
    /** 行政强制法 12: the manners of 行政强制执行. */
    static final String MANNER_FINE = "加处罚款或者滞纳金";
    static final String MANNER_TRANSFER = "划拨存款、汇款";
    static final String MANNER_AUCTION = "拍卖或者依法处理查封、扣押的场所、设施或者财物";
    static final String MANNER_RESTORE = "排除妨碍、恢复原状";
    static final String MANNER_SUBSTITUTE = "代履行";
    static final String MANNER_DEMOLITION = "强制拆除";
    static final String MANNER_OTHER = "其他强制执行方式";
    static final String STATEMENT_MADE = "已陈述申辩";
    static final String STATEMENT_WAIVED = "放弃陈述申辩";
    static final String STATEMENT_LAPSED = "逾期未陈述申辩";
    static final String REMEDY_NONE = "未申请复议或提起诉讼";
    static final String REMEDY_REVIEW = "已申请行政复议";
    static final String REMEDY_SUIT = "已提起行政诉讼";
    static final String REMEDY_CONCLUDED = "复议或诉讼已终结，决定维持";
    static final String RULING_GRANTED = "准予执行";
    static final String RULING_REFUSED = "不予执行";

    // timers
    static final String TIMER_SEIZURE = "seizure_term";
    static final String TIMER_SEIZURE_MAX = "seizure_term_extended";

    static final KindTexts TEXTS = new KindTexts("org.zhifa.kind.coercion.internal.messages",
            CoercionProcedure.class.getClassLoader());

    private CoercionProcedure() {}

    static Procedure build(CoercionConfig config) {
        int officers = config.executionMinOfficers();
        var steps = AvItems.apply(List.of(
                TEXTS.step(FILED),
                // 行政强制法 18: two officers, 现场笔录
                TEXTS.step(SEIZING).officers(2).documents("coercion.onsite-record"),
                TEXTS.step(HELD).documents("coercion.seizure-decision", "coercion.seizure-list"),
                TEXTS.step(EXTENDED).documents("coercion.seizure-extension"),
                TEXTS.step(DISPOSED).documents("coercion.disposal-decision"),
                TEXTS.step(ANNOUNCED).documents("coercion.demolition-notice"),
                TEXTS.step(DEMANDED).documents("coercion.demand"),
                TEXTS.step(HEARD).documents("coercion.statement-record"),
                TEXTS.step(DECIDED).documents("coercion.execution-decision"),
                TEXTS.step(EXECUTING).officers(officers).documents("coercion.execution-record"),
                TEXTS.step(DEMOLISHING).officers(officers).documents("coercion.execution-record"),
                TEXTS.step(EXECUTED),
                TEXTS.step(COURT).documents("coercion.court-application"),
                TEXTS.step(COURT_RULED),
                TEXTS.step(CLOSED).documents("coercion.closing-report").closes()),
                config.avRequired(), config.avUninterrupted());

        FieldDef remedy = TEXTS.choice("remedyStatus", true, REMEDY_NONE, REMEDY_REVIEW, REMEDY_SUIT, REMEDY_CONCLUDED);
        FieldDef[] urgency = {TEXTS.optional("urgent", Type.BOOLEAN), TEXTS.optional("urgentReason", Type.LONGTEXT)};
        var transitions = List.of(
                // 行政强制措施
                TEXTS.transition(SEIZE, FILED, SEIZING,
                        TEXTS.choice("measureType", true, MEASURE_SEAL, MEASURE_SEIZE),
                        TEXTS.optional("approvalRef", Type.TEXT),
                        TEXTS.optional("onSpotUrgent", Type.BOOLEAN),
                        TEXTS.optional("onSpotUrgentReason", Type.LONGTEXT),
                        TEXTS.required("partyPresent", Type.BOOLEAN),
                        TEXTS.optional("witness", Type.TEXT)),
                TEXTS.transition(RECORD_SEIZURE, SEIZING, HELD,
                        TEXTS.required("seizedOn", Type.DATE),
                        TEXTS.required("seizureReason", Type.LONGTEXT),
                        TEXTS.required("seizureBasis", Type.LONGTEXT),
                        TEXTS.required("items", Type.LONGTEXT),
                        TEXTS.optional("place", Type.TEXT),
                        TEXTS.required("reviewBody", Type.TEXT),
                        TEXTS.required("court", Type.TEXT),
                        TEXTS.required("servedOnSpot", Type.BOOLEAN)),
                TEXTS.transition(EXTEND_SEIZURE, HELD, EXTENDED,
                        TEXTS.required("extendedUntil", Type.DATE),
                        TEXTS.required("extensionReason", Type.LONGTEXT),
                        TEXTS.required("partyNotifiedOn", Type.DATE)).roles(Roles.LEADER),
                TEXTS.transition(DISPOSE, HELD, DISPOSED, disposalFields()),
                TEXTS.transition(DISPOSE_EXTENDED, EXTENDED, DISPOSED, disposalFields()),
                TEXTS.transition("close_measure", DISPOSED, CLOSED),
                // 行政强制执行
                TEXTS.transition(ANNOUNCE_DEMOLITION, FILED, ANNOUNCED,
                        TEXTS.required("decisionNo", Type.TEXT),
                        TEXTS.required("decisionServedOn", Type.DATE),
                        TEXTS.required("structure", Type.LONGTEXT),
                        TEXTS.required("noticePublishedOn", Type.DATE),
                        TEXTS.required("selfDemolishBy", Type.DATE),
                        TEXTS.required("noticeContent", Type.LONGTEXT)),
                TEXTS.transition(DEMAND, FILED, DEMANDED, demandFields()),
                TEXTS.transition(DEMAND_AFTER_NOTICE, ANNOUNCED, DEMANDED, demandFields()),
                TEXTS.transition("performed_on_demand", DEMANDED, CLOSED, performedFields()),
                TEXTS.transition(RECORD_STATEMENT, DEMANDED, HEARD,
                        TEXTS.choice("statementOutcome", true, STATEMENT_MADE, STATEMENT_WAIVED, STATEMENT_LAPSED),
                        TEXTS.optional("statementSummary", Type.LONGTEXT),
                        TEXTS.optional("reviewOpinion", Type.LONGTEXT)),
                TEXTS.transition("performed_after_statement", HEARD, CLOSED, performedFields()),
                TEXTS.transition(DECIDE_EXECUTION, HEARD, DECIDED,
                        TEXTS.required("executionReason", Type.LONGTEXT),
                        TEXTS.required("executionBasis", Type.LONGTEXT),
                        TEXTS.choice("executionManner", true, MANNER_FINE, MANNER_TRANSFER, MANNER_AUCTION,
                                MANNER_RESTORE, MANNER_SUBSTITUTE, MANNER_DEMOLITION, MANNER_OTHER),
                        TEXTS.required("executionPlannedAt", Type.DATETIME),
                        TEXTS.optional("amount", Type.MONEY),
                        TEXTS.required("reviewBody", Type.TEXT),
                        TEXTS.required("court", Type.TEXT),
                        TEXTS.choice("remedyStatus", false, REMEDY_NONE, REMEDY_REVIEW, REMEDY_SUIT, REMEDY_CONCLUDED),
                        urgency[0], urgency[1]).roles(Roles.LEADER),
                TEXTS.transition("performed_after_decision", DECIDED, CLOSED, performedFields()),
                TEXTS.transition(START_EXECUTION, DECIDED, EXECUTING,
                        TEXTS.required("executionStartedAt", Type.DATETIME), urgency[0], urgency[1]),
                TEXTS.transition(START_DEMOLITION, DECIDED, DEMOLISHING,
                        TEXTS.required("executionStartedAt", Type.DATETIME), remedy, urgency[0], urgency[1]),
                TEXTS.transition(FINISH_EXECUTION, EXECUTING, EXECUTED, finishFields(urgency)),
                TEXTS.transition(FINISH_DEMOLITION, DEMOLISHING, EXECUTED, finishFields(urgency)),
                TEXTS.transition("close_execution", EXECUTED, CLOSED),
                // 申请人民法院强制执行
                TEXTS.transition(APPLY_COURT_AFTER_DEMAND, DEMANDED, COURT, courtFields(remedy)).roles(Roles.LEADER),
                TEXTS.transition(APPLY_COURT, HEARD, COURT, courtFields(remedy)).roles(Roles.LEADER),
                TEXTS.transition(COURT_RULING, COURT, COURT_RULED,
                        TEXTS.required("rulingNo", Type.TEXT),
                        TEXTS.required("rulingOn", Type.DATE),
                        TEXTS.choice("rulingResult", true, RULING_GRANTED, RULING_REFUSED)),
                TEXTS.transition("close_court", COURT_RULED, CLOSED));

        int term = config.seizureTermDays();
        var timers = List.of(
                new TimerRule(TIMER_SEIZURE, TEXTS.zh("timer." + TIMER_SEIZURE), TEXTS.en("timer." + TIMER_SEIZURE), HELD,
                        "seizedOn", Set.of(EXTENDED, DISPOSED, CLOSED), term, DayCount.CALENDAR_DAYS,
                        TEXTS.zh("basis.art25")),
                new TimerRule(TIMER_SEIZURE_MAX, TEXTS.zh("timer." + TIMER_SEIZURE_MAX), TEXTS.en("timer." + TIMER_SEIZURE_MAX),
                        HELD, "seizedOn", Set.of(DISPOSED, CLOSED), term + config.seizureExtensionDays(),
                        DayCount.CALENDAR_DAYS, TEXTS.zh("basis.art25")));

        return new Procedure(FILED, steps, transitions, List.of(
                TEXTS.optional("subject", Type.LONGTEXT),
                TEXTS.optional("legalBasis", Type.LONGTEXT)), timers);
    }

    private static FieldDef[] disposalFields() {
        return new FieldDef[] {
                TEXTS.choice("disposal", true, DISPOSAL_CONFISCATE, DISPOSAL_DESTROY, DISPOSAL_RELEASE, DISPOSAL_TRANSFER),
                TEXTS.required("disposalBasis", Type.LONGTEXT),
                TEXTS.required("disposedOn", Type.DATE)};
    }

    private static FieldDef[] demandFields() {
        return new FieldDef[] {
                TEXTS.optional("decisionNo", Type.TEXT),
                TEXTS.optional("decisionServedOn", Type.DATE),
                TEXTS.required("obligation", Type.LONGTEXT),
                TEXTS.required("performBy", Type.DATE),
                TEXTS.required("performManner", Type.TEXT),
                TEXTS.optional("amount", Type.MONEY),
                TEXTS.optional("paymentManner", Type.TEXT),
                TEXTS.required("statementDeadline", Type.DATE),
                TEXTS.required("demandServedOn", Type.DATE)};
    }

    private static FieldDef[] performedFields() {
        return new FieldDef[] {TEXTS.required("performedOn", Type.DATE), TEXTS.optional("performanceNote", Type.LONGTEXT)};
    }

    private static FieldDef[] finishFields(FieldDef[] urgency) {
        return new FieldDef[] {TEXTS.required("executionEndedAt", Type.DATETIME), TEXTS.required("executionResult", Type.LONGTEXT),
                urgency[0], urgency[1]};
    }

    private static FieldDef[] courtFields(FieldDef remedy) {
        return new FieldDef[] {TEXTS.required("courtName", Type.TEXT), remedy, TEXTS.optional("materials", Type.LONGTEXT)};
    }
}
