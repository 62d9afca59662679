package org.zhifa.kind.levy.internal;

import java.util.List;
import java.util.Set;

import org.zhifa.api.common.Roles;
import org.zhifa.api.kind.AvItems;
import org.zhifa.api.kind.FieldDef.Type;
import org.zhifa.api.kind.KindTexts;
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

    static final KindTexts TEXTS = new KindTexts("org.zhifa.kind.levy.internal.messages",
            LevyProcedure.class.getClassLoader());

    private LevyProcedure() {}

    static Procedure build(LevyConfig config) {
        var steps = AvItems.apply(List.of(
                TEXTS.step(FILED),
                TEXTS.step(PRE_NOTICED).documents("levy.pre-notice"),
                TEXTS.step(SURVEYED).documents("levy.survey-report", "levy.risk-assessment"),
                TEXTS.step(PLAN_NOTICED).documents("levy.plan-notice"),
                TEXTS.step(HEARING).documents("levy.hearing-record"),
                TEXTS.step(PLAN_FIXED),
                TEXTS.step(REGISTERED).documents("levy.registration-list"),
                TEXTS.step(AGREEMENTS).documents("levy.agreement"),
                TEXTS.step(APPLIED).documents("levy.application"),
                TEXTS.step(APPROVED),
                TEXTS.step(LEVY_NOTICED).documents("levy.levy-notice"),
                TEXTS.step(COMPENSATION_DECIDED).documents("levy.compensation-decision"),
                TEXTS.step(SURRENDER_ORDERED).documents("levy.surrender-order"),
                TEXTS.step(CLOSED).closes()),
                config.avRequired(), config.avUninterrupted());

        var transitions = List.of(
                TEXTS.transition(PRE_NOTICE, FILED, PRE_NOTICED,
                        TEXTS.required("preNoticeOn", Type.DATE),
                        TEXTS.required("levyScope", Type.LONGTEXT),
                        TEXTS.required("levyPurpose", Type.LONGTEXT),
                        TEXTS.required("surveyArrangement", Type.LONGTEXT),
                        TEXTS.required("noticePlaces", Type.TEXT)),
                TEXTS.transition(SURVEY, PRE_NOTICED, SURVEYED,
                        TEXTS.required("surveyResult", Type.LONGTEXT),
                        TEXTS.required("riskAssessment", Type.LONGTEXT),
                        TEXTS.choice("riskLevel", true, RISK_LOW, RISK_MEDIUM, RISK_HIGH),
                        TEXTS.optional("riskMeasures", Type.LONGTEXT)),
                TEXTS.transition(PLAN_NOTICE, SURVEYED, PLAN_NOTICED,
                        TEXTS.required("planNoticeOn", Type.DATE),
                        TEXTS.required("noticeDays", Type.INTEGER),
                        TEXTS.required("landStatus", Type.LONGTEXT),
                        TEXTS.required("compensationStandard", Type.LONGTEXT),
                        TEXTS.required("resettlement", Type.LONGTEXT),
                        TEXTS.required("socialSecurity", Type.LONGTEXT),
                        TEXTS.required("registrationDeadline", Type.DATE),
                        TEXTS.required("objectionChannel", Type.TEXT)),
                TEXTS.transition(REQUEST_HEARING, PLAN_NOTICED, HEARING,
                        TEXTS.required("memberCount", Type.INTEGER),
                        TEXTS.required("objectorCount", Type.INTEGER)),
                TEXTS.transition(HOLD_HEARING, HEARING, PLAN_FIXED,
                        TEXTS.required("hearingOn", Type.DATE),
                        TEXTS.required("hearingRecord", Type.LONGTEXT),
                        TEXTS.required("planRevised", Type.BOOLEAN),
                        TEXTS.optional("planRevision", Type.LONGTEXT)),
                TEXTS.transition(FIX_PLAN, PLAN_NOTICED, PLAN_FIXED,
                        TEXTS.required("memberCount", Type.INTEGER),
                        TEXTS.required("objectorCount", Type.INTEGER),
                        TEXTS.required("opinionsSummary", Type.LONGTEXT)),
                TEXTS.transition(REGISTER, PLAN_FIXED, REGISTERED,
                        TEXTS.required("registeredCount", Type.INTEGER),
                        TEXTS.optional("registrationNote", Type.LONGTEXT)),
                TEXTS.transition(SIGN_AGREEMENTS, REGISTERED, AGREEMENTS,
                        TEXTS.required("signedCount", Type.INTEGER),
                        TEXTS.required("unsignedCount", Type.INTEGER),
                        TEXTS.optional("unsignedExplanation", Type.LONGTEXT),
                        TEXTS.required("feesInPlace", Type.BOOLEAN)),
                TEXTS.transition(APPLY, AGREEMENTS, APPLIED,
                        TEXTS.required("appliedOn", Type.DATE),
                        TEXTS.required("applicationNo", Type.TEXT)).roles(Roles.LEADER),
                TEXTS.transition(APPROVE, APPLIED, APPROVED,
                        TEXTS.required("approvalNo", Type.TEXT),
                        TEXTS.required("approvedOn", Type.DATE),
                        TEXTS.required("approvalReceivedOn", Type.DATE)),
                TEXTS.transition(REJECT, APPLIED, CLOSED,
                        TEXTS.required("rejectionNote", Type.LONGTEXT)),
                TEXTS.transition(LEVY_NOTICE, APPROVED, LEVY_NOTICED,
                        TEXTS.required("levyNoticeOn", Type.DATE),
                        TEXTS.required("levyNoticeScope", Type.LONGTEXT),
                        TEXTS.required("levySchedule", Type.LONGTEXT)),
                TEXTS.transition(DECIDE_COMPENSATION, LEVY_NOTICED, COMPENSATION_DECIDED,
                        TEXTS.required("compensationDecisionNo", Type.TEXT),
                        TEXTS.required("compensationDecidedOn", Type.DATE),
                        TEXTS.required("compensationParties", Type.LONGTEXT),
                        TEXTS.required("compensationContent", Type.LONGTEXT),
                        TEXTS.required("reviewBody", Type.TEXT),
                        TEXTS.required("court", Type.TEXT)).roles(Roles.LEADER),
                TEXTS.transition(ORDER_SURRENDER, COMPENSATION_DECIDED, SURRENDER_ORDERED,
                        TEXTS.required("surrenderDecisionNo", Type.TEXT),
                        TEXTS.required("surrenderOrderedOn", Type.DATE),
                        TEXTS.required("surrenderParties", Type.LONGTEXT),
                        TEXTS.required("surrenderBy", Type.DATE),
                        TEXTS.required("reviewBody", Type.TEXT),
                        TEXTS.required("court", Type.TEXT)).roles(Roles.LEADER),
                TEXTS.transition(CLOSE_AFTER_NOTICE, LEVY_NOTICED, CLOSED),
                TEXTS.transition("close_after_decision", COMPENSATION_DECIDED, CLOSED),
                TEXTS.transition("close_after_surrender", SURRENDER_ORDERED, CLOSED));

        var timers = List.of(
                new TimerRule(TIMER_PRE_NOTICE, TEXTS.zh("timer." + TIMER_PRE_NOTICE), TEXTS.en("timer." + TIMER_PRE_NOTICE),
                        PRE_NOTICED, "preNoticeOn", Set.of(PLAN_NOTICED, CLOSED), config.preNoticeWorkingDays(),
                        DayCount.WORKING_DAYS, TEXTS.zh("basis.regulation26")),
                new TimerRule(TIMER_PLAN_NOTICE, TEXTS.zh("timer." + TIMER_PLAN_NOTICE), TEXTS.en("timer." + TIMER_PLAN_NOTICE),
                        PLAN_NOTICED, "planNoticeOn", Set.of(PLAN_FIXED, CLOSED), config.planNoticeDays(),
                        DayCount.CALENDAR_DAYS, TEXTS.zh("basis.law47")),
                new TimerRule(TIMER_LEVY_NOTICE, TEXTS.zh("timer." + TIMER_LEVY_NOTICE), TEXTS.en("timer." + TIMER_LEVY_NOTICE),
                        APPROVED, "approvalReceivedOn", Set.of(LEVY_NOTICED, CLOSED), config.levyNoticeWorkingDays(),
                        DayCount.WORKING_DAYS, TEXTS.zh("basis.regulation31")));

        return new Procedure(FILED, steps, transitions, List.of(
                TEXTS.required("landLocation", Type.TEXT),
                TEXTS.required("landArea", Type.TEXT),
                TEXTS.required("collective", Type.TEXT),
                TEXTS.choice("publicPurpose", true, PURPOSES),
                TEXTS.choice("approvingAuthority", true, "国务院", "省、自治区、直辖市人民政府")), timers);
    }
}
