package org.zhifa.kind.coercion.internal;

import static org.zhifa.kind.coercion.internal.Texts.choice;
import static org.zhifa.kind.coercion.internal.Texts.en;
import static org.zhifa.kind.coercion.internal.Texts.optional;
import static org.zhifa.kind.coercion.internal.Texts.required;
import static org.zhifa.kind.coercion.internal.Texts.step;
import static org.zhifa.kind.coercion.internal.Texts.transition;
import static org.zhifa.kind.coercion.internal.Texts.zh;

import java.util.List;
import java.util.Set;

import org.zhifa.api.common.Roles;
import org.zhifa.api.kind.FieldDef;
import org.zhifa.api.kind.FieldDef.Type;
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

    private CoercionProcedure() {}

    static Procedure build(CoercionConfig config) {
        int officers = config.executionMinOfficers();
        var steps = AvItems.apply(List.of(
                step(FILED),
                // 行政强制法 18: two officers, 现场笔录
                step(SEIZING).officers(2).documents("coercion.onsite-record"),
                step(HELD).documents("coercion.seizure-decision", "coercion.seizure-list"),
                step(EXTENDED).documents("coercion.seizure-extension"),
                step(DISPOSED).documents("coercion.disposal-decision"),
                step(ANNOUNCED).documents("coercion.demolition-notice"),
                step(DEMANDED).documents("coercion.demand"),
                step(HEARD).documents("coercion.statement-record"),
                step(DECIDED).documents("coercion.execution-decision"),
                step(EXECUTING).officers(officers).documents("coercion.execution-record"),
                step(DEMOLISHING).officers(officers).documents("coercion.execution-record"),
                step(EXECUTED),
                step(COURT).documents("coercion.court-application"),
                step(COURT_RULED),
                step(CLOSED).documents("coercion.closing-report").closes()),
                config.avRequired(), config.avUninterrupted());

        FieldDef remedy = choice("remedyStatus", true, REMEDY_NONE, REMEDY_REVIEW, REMEDY_SUIT, REMEDY_CONCLUDED);
        FieldDef[] urgency = {optional("urgent", Type.BOOLEAN), optional("urgentReason", Type.LONGTEXT)};
        var transitions = List.of(
                // 行政强制措施
                transition(SEIZE, FILED, SEIZING,
                        choice("measureType", true, MEASURE_SEAL, MEASURE_SEIZE),
                        optional("approvalRef", Type.TEXT),
                        optional("onSpotUrgent", Type.BOOLEAN),
                        optional("onSpotUrgentReason", Type.LONGTEXT),
                        required("partyPresent", Type.BOOLEAN),
                        optional("witness", Type.TEXT)),
                transition(RECORD_SEIZURE, SEIZING, HELD,
                        required("seizedOn", Type.DATE),
                        required("seizureReason", Type.LONGTEXT),
                        required("seizureBasis", Type.LONGTEXT),
                        required("items", Type.LONGTEXT),
                        optional("place", Type.TEXT),
                        required("reviewBody", Type.TEXT),
                        required("court", Type.TEXT),
                        required("servedOnSpot", Type.BOOLEAN)),
                transition(EXTEND_SEIZURE, HELD, EXTENDED,
                        required("extendedUntil", Type.DATE),
                        required("extensionReason", Type.LONGTEXT),
                        required("partyNotifiedOn", Type.DATE)).roles(Roles.LEADER),
                transition(DISPOSE, HELD, DISPOSED, disposalFields()),
                transition(DISPOSE_EXTENDED, EXTENDED, DISPOSED, disposalFields()),
                transition("close_measure", DISPOSED, CLOSED),
                // 行政强制执行
                transition(ANNOUNCE_DEMOLITION, FILED, ANNOUNCED,
                        required("decisionNo", Type.TEXT),
                        required("decisionServedOn", Type.DATE),
                        required("structure", Type.LONGTEXT),
                        required("noticePublishedOn", Type.DATE),
                        required("selfDemolishBy", Type.DATE),
                        required("noticeContent", Type.LONGTEXT)),
                transition(DEMAND, FILED, DEMANDED, demandFields()),
                transition(DEMAND_AFTER_NOTICE, ANNOUNCED, DEMANDED, demandFields()),
                transition("performed_on_demand", DEMANDED, CLOSED, performedFields()),
                transition(RECORD_STATEMENT, DEMANDED, HEARD,
                        choice("statementOutcome", true, STATEMENT_MADE, STATEMENT_WAIVED, STATEMENT_LAPSED),
                        optional("statementSummary", Type.LONGTEXT),
                        optional("reviewOpinion", Type.LONGTEXT)),
                transition("performed_after_statement", HEARD, CLOSED, performedFields()),
                transition(DECIDE_EXECUTION, HEARD, DECIDED,
                        required("executionReason", Type.LONGTEXT),
                        required("executionBasis", Type.LONGTEXT),
                        choice("executionManner", true, MANNER_FINE, MANNER_TRANSFER, MANNER_AUCTION,
                                MANNER_RESTORE, MANNER_SUBSTITUTE, MANNER_DEMOLITION, MANNER_OTHER),
                        required("executionPlannedAt", Type.DATETIME),
                        optional("amount", Type.MONEY),
                        required("reviewBody", Type.TEXT),
                        required("court", Type.TEXT),
                        choice("remedyStatus", false, REMEDY_NONE, REMEDY_REVIEW, REMEDY_SUIT, REMEDY_CONCLUDED),
                        urgency[0], urgency[1]).roles(Roles.LEADER),
                transition("performed_after_decision", DECIDED, CLOSED, performedFields()),
                transition(START_EXECUTION, DECIDED, EXECUTING,
                        required("executionStartedAt", Type.DATETIME), urgency[0], urgency[1]),
                transition(START_DEMOLITION, DECIDED, DEMOLISHING,
                        required("executionStartedAt", Type.DATETIME), remedy, urgency[0], urgency[1]),
                transition(FINISH_EXECUTION, EXECUTING, EXECUTED, finishFields(urgency)),
                transition(FINISH_DEMOLITION, DEMOLISHING, EXECUTED, finishFields(urgency)),
                transition("close_execution", EXECUTED, CLOSED),
                // 申请人民法院强制执行
                transition(APPLY_COURT_AFTER_DEMAND, DEMANDED, COURT, courtFields(remedy)).roles(Roles.LEADER),
                transition(APPLY_COURT, HEARD, COURT, courtFields(remedy)).roles(Roles.LEADER),
                transition(COURT_RULING, COURT, COURT_RULED,
                        required("rulingNo", Type.TEXT),
                        required("rulingOn", Type.DATE),
                        choice("rulingResult", true, RULING_GRANTED, RULING_REFUSED)),
                transition("close_court", COURT_RULED, CLOSED));

        int term = config.seizureTermDays();
        var timers = List.of(
                new TimerRule(TIMER_SEIZURE, zh("timer." + TIMER_SEIZURE), en("timer." + TIMER_SEIZURE), HELD,
                        "seizedOn", Set.of(EXTENDED, DISPOSED, CLOSED), term, DayCount.CALENDAR_DAYS,
                        zh("basis.art25")),
                new TimerRule(TIMER_SEIZURE_MAX, zh("timer." + TIMER_SEIZURE_MAX), en("timer." + TIMER_SEIZURE_MAX),
                        HELD, "seizedOn", Set.of(DISPOSED, CLOSED), term + config.seizureExtensionDays(),
                        DayCount.CALENDAR_DAYS, zh("basis.art25")));

        return new Procedure(FILED, steps, transitions, List.of(
                optional("subject", Type.LONGTEXT),
                optional("legalBasis", Type.LONGTEXT)), timers);
    }

    private static FieldDef[] disposalFields() {
        return new FieldDef[] {
                choice("disposal", true, DISPOSAL_CONFISCATE, DISPOSAL_DESTROY, DISPOSAL_RELEASE, DISPOSAL_TRANSFER),
                required("disposalBasis", Type.LONGTEXT),
                required("disposedOn", Type.DATE)};
    }

    private static FieldDef[] demandFields() {
        return new FieldDef[] {
                optional("decisionNo", Type.TEXT),
                optional("decisionServedOn", Type.DATE),
                required("obligation", Type.LONGTEXT),
                required("performBy", Type.DATE),
                required("performManner", Type.TEXT),
                optional("amount", Type.MONEY),
                optional("paymentManner", Type.TEXT),
                required("statementDeadline", Type.DATE),
                required("demandServedOn", Type.DATE)};
    }

    private static FieldDef[] performedFields() {
        return new FieldDef[] {required("performedOn", Type.DATE), optional("performanceNote", Type.LONGTEXT)};
    }

    private static FieldDef[] finishFields(FieldDef[] urgency) {
        return new FieldDef[] {required("executionEndedAt", Type.DATETIME), required("executionResult", Type.LONGTEXT),
                urgency[0], urgency[1]};
    }

    private static FieldDef[] courtFields(FieldDef remedy) {
        return new FieldDef[] {required("courtName", Type.TEXT), remedy, optional("materials", Type.LONGTEXT)};
    }
}
