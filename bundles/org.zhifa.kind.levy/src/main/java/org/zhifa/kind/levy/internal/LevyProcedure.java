package org.zhifa.kind.levy.internal;

import static org.zhifa.kind.levy.internal.Texts.choice;
import static org.zhifa.kind.levy.internal.Texts.en;
import static org.zhifa.kind.levy.internal.Texts.optional;
import static org.zhifa.kind.levy.internal.Texts.required;
import static org.zhifa.kind.levy.internal.Texts.step;
import static org.zhifa.kind.levy.internal.Texts.transition;
import static org.zhifa.kind.levy.internal.Texts.zh;

import java.util.List;
import java.util.Set;

import org.zhifa.api.common.Roles;
import org.zhifa.api.kind.FieldDef.Type;
import org.zhifa.api.kind.Procedure;
import org.zhifa.api.kind.TimerRule;
import org.zhifa.api.kind.TimerRule.DayCount;

/**
 * Land expropriation (征收集体土地) as 土地管理法 (2019) 47 and its 实施条例 (2021) 26–31 order it:
 * 预公告 → 现状调查、社会稳定风险评估 → 补偿安置方案公告 (→ 听证) → 方案确定 → 补偿登记 → 协议 →
 * 申请征收 → 批准 → 征收土地公告 → (补偿安置决定 → 责令交出土地) → 结案.
 */
final class LevyProcedure {

    static final String FILED = "filed";
    static final String PRE_NOTICED = "pre_noticed";
    static final String SURVEYED = "surveyed";
    static final String PLAN_NOTICED = "plan_noticed";
    static final String HEARING = "hearing";
    static final String PLAN_FIXED = "plan_fixed";
    static final String REGISTERED = "registered";
    static final String AGREEMENTS = "agreements";
    static final String APPLIED = "applied";
    static final String APPROVED = "approved";
    static final String LEVY_NOTICED = "levy_noticed";
    static final String COMPENSATION_DECIDED = "compensation_decided";
    static final String SURRENDER_ORDERED = "surrender_ordered";
    static final String CLOSED = "closed";

    static final String PRE_NOTICE = "pre_notice";
    static final String SURVEY = "survey";
    static final String PLAN_NOTICE = "plan_notice";
    static final String REQUEST_HEARING = "request_hearing";
    static final String HOLD_HEARING = "hold_hearing";
    static final String FIX_PLAN = "fix_plan";
    static final String REGISTER = "register";
    static final String SIGN_AGREEMENTS = "sign_agreements";
    static final String APPLY = "apply";
    static final String APPROVE = "approve";
    static final String REJECT = "reject";
    static final String LEVY_NOTICE = "levy_notice";
    static final String DECIDE_COMPENSATION = "decide_compensation";
    static final String ORDER_SURRENDER = "order_surrender";
    static final String CLOSE_AFTER_NOTICE = "close_after_notice";

    /** 土地管理法 45: the public interests for which collective land may be taken. */
    static final String[] PURPOSES = {"军事和外交需要用地", "政府组织实施的能源、交通、水利、通信、邮政等基础设施建设需要用地",
            "政府组织实施的科技、教育、文化、卫生、体育、生态环境和资源保护、防灾减灾、文物保护、社区综合服务、社会福利、市政公用、优抚安置、英烈保护等公共事业需要用地",
            "政府组织实施的扶贫搬迁、保障性安居工程建设需要用地", "成片开发建设需要用地", "法律规定的其他公共利益需要用地"};
    static final String RISK_LOW = "低风险";
    static final String RISK_MEDIUM = "中风险";
    static final String RISK_HIGH = "高风险";

    static final String TIMER_PRE_NOTICE = "pre_notice_period";
    static final String TIMER_PLAN_NOTICE = "plan_notice_period";
    static final String TIMER_LEVY_NOTICE = "levy_notice_due";

    private LevyProcedure() {}

    static Procedure build(LevyConfig config) {
        var steps = AvItems.apply(List.of(
                step(FILED),
                step(PRE_NOTICED).documents("levy.pre-notice"),
                step(SURVEYED).documents("levy.survey-report", "levy.risk-assessment"),
                step(PLAN_NOTICED).documents("levy.plan-notice"),
                step(HEARING).documents("levy.hearing-record"),
                step(PLAN_FIXED),
                step(REGISTERED).documents("levy.registration-list"),
                step(AGREEMENTS).documents("levy.agreement"),
                step(APPLIED).documents("levy.application"),
                step(APPROVED),
                step(LEVY_NOTICED).documents("levy.levy-notice"),
                step(COMPENSATION_DECIDED).documents("levy.compensation-decision"),
                step(SURRENDER_ORDERED).documents("levy.surrender-order"),
                step(CLOSED).closes()),
                config.avRequired(), config.avUninterrupted());

        var transitions = List.of(
                transition(PRE_NOTICE, FILED, PRE_NOTICED,
                        required("preNoticeOn", Type.DATE),
                        required("levyScope", Type.LONGTEXT),
                        required("levyPurpose", Type.LONGTEXT),
                        required("surveyArrangement", Type.LONGTEXT),
                        required("noticePlaces", Type.TEXT)),
                transition(SURVEY, PRE_NOTICED, SURVEYED,
                        required("surveyResult", Type.LONGTEXT),
                        required("riskAssessment", Type.LONGTEXT),
                        choice("riskLevel", true, RISK_LOW, RISK_MEDIUM, RISK_HIGH),
                        optional("riskMeasures", Type.LONGTEXT)),
                transition(PLAN_NOTICE, SURVEYED, PLAN_NOTICED,
                        required("planNoticeOn", Type.DATE),
                        required("noticeDays", Type.INTEGER),
                        required("landStatus", Type.LONGTEXT),
                        required("compensationStandard", Type.LONGTEXT),
                        required("resettlement", Type.LONGTEXT),
                        required("socialSecurity", Type.LONGTEXT),
                        required("registrationDeadline", Type.DATE),
                        required("objectionChannel", Type.TEXT)),
                transition(REQUEST_HEARING, PLAN_NOTICED, HEARING,
                        required("memberCount", Type.INTEGER),
                        required("objectorCount", Type.INTEGER)),
                transition(HOLD_HEARING, HEARING, PLAN_FIXED,
                        required("hearingOn", Type.DATE),
                        required("hearingRecord", Type.LONGTEXT),
                        required("planRevised", Type.BOOLEAN),
                        optional("planRevision", Type.LONGTEXT)),
                transition(FIX_PLAN, PLAN_NOTICED, PLAN_FIXED,
                        required("memberCount", Type.INTEGER),
                        required("objectorCount", Type.INTEGER),
                        required("opinionsSummary", Type.LONGTEXT)),
                transition(REGISTER, PLAN_FIXED, REGISTERED,
                        required("registeredCount", Type.INTEGER),
                        optional("registrationNote", Type.LONGTEXT)),
                transition(SIGN_AGREEMENTS, REGISTERED, AGREEMENTS,
                        required("signedCount", Type.INTEGER),
                        required("unsignedCount", Type.INTEGER),
                        optional("unsignedExplanation", Type.LONGTEXT),
                        required("feesInPlace", Type.BOOLEAN)),
                transition(APPLY, AGREEMENTS, APPLIED,
                        required("appliedOn", Type.DATE),
                        required("applicationNo", Type.TEXT)).roles(Roles.LEADER),
                transition(APPROVE, APPLIED, APPROVED,
                        required("approvalNo", Type.TEXT),
                        required("approvedOn", Type.DATE),
                        required("approvalReceivedOn", Type.DATE)),
                transition(REJECT, APPLIED, CLOSED,
                        required("rejectionNote", Type.LONGTEXT)),
                transition(LEVY_NOTICE, APPROVED, LEVY_NOTICED,
                        required("levyNoticeOn", Type.DATE),
                        required("levyNoticeScope", Type.LONGTEXT),
                        required("levySchedule", Type.LONGTEXT)),
                transition(DECIDE_COMPENSATION, LEVY_NOTICED, COMPENSATION_DECIDED,
                        required("compensationDecisionNo", Type.TEXT),
                        required("compensationDecidedOn", Type.DATE),
                        required("compensationParties", Type.LONGTEXT),
                        required("compensationContent", Type.LONGTEXT),
                        required("reviewBody", Type.TEXT),
                        required("court", Type.TEXT)).roles(Roles.LEADER),
                transition(ORDER_SURRENDER, COMPENSATION_DECIDED, SURRENDER_ORDERED,
                        required("surrenderDecisionNo", Type.TEXT),
                        required("surrenderOrderedOn", Type.DATE),
                        required("surrenderParties", Type.LONGTEXT),
                        required("surrenderBy", Type.DATE),
                        required("reviewBody", Type.TEXT),
                        required("court", Type.TEXT)).roles(Roles.LEADER),
                transition(CLOSE_AFTER_NOTICE, LEVY_NOTICED, CLOSED),
                transition("close_after_decision", COMPENSATION_DECIDED, CLOSED),
                transition("close_after_surrender", SURRENDER_ORDERED, CLOSED));

        var timers = List.of(
                new TimerRule(TIMER_PRE_NOTICE, zh("timer." + TIMER_PRE_NOTICE), en("timer." + TIMER_PRE_NOTICE),
                        PRE_NOTICED, "preNoticeOn", Set.of(PLAN_NOTICED, CLOSED), config.preNoticeWorkingDays(),
                        DayCount.WORKING_DAYS, zh("basis.regulation26")),
                new TimerRule(TIMER_PLAN_NOTICE, zh("timer." + TIMER_PLAN_NOTICE), en("timer." + TIMER_PLAN_NOTICE),
                        PLAN_NOTICED, "planNoticeOn", Set.of(PLAN_FIXED, CLOSED), config.planNoticeDays(),
                        DayCount.CALENDAR_DAYS, zh("basis.law47")),
                new TimerRule(TIMER_LEVY_NOTICE, zh("timer." + TIMER_LEVY_NOTICE), en("timer." + TIMER_LEVY_NOTICE),
                        APPROVED, "approvalReceivedOn", Set.of(LEVY_NOTICED, CLOSED), config.levyNoticeWorkingDays(),
                        DayCount.WORKING_DAYS, zh("basis.regulation31")));

        return new Procedure(FILED, steps, transitions, List.of(
                required("landLocation", Type.TEXT),
                required("landArea", Type.TEXT),
                required("collective", Type.TEXT),
                choice("publicPurpose", true, PURPOSES),
                choice("approvingAuthority", true, "国务院", "省、自治区、直辖市人民政府")), timers);
    }
}
