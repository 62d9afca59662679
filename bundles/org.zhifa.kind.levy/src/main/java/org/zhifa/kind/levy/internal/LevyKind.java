package org.zhifa.kind.levy.internal;

import static org.zhifa.api.common.ZhifaException.Kind.CONFLICT;
import static org.zhifa.api.common.ZhifaException.Kind.INVALID;
import static org.zhifa.kind.levy.internal.LevyProcedure.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;
import org.zhifa.api.calendar.WorkingDays;
import org.zhifa.api.kind.CaseFacts;
import org.zhifa.api.kind.DisclosureRule;
import org.zhifa.api.kind.EnforcementKind;
import org.zhifa.api.kind.Procedure;
import org.zhifa.api.kind.TransitionCheck;

/** 行政征收 (land expropriation): the procedure and the rules of 土地管理法 47 and its 实施条例. */
@Component(service = EnforcementKind.class, property = EnforcementKind.PROPERTY_KIND + "=" + LevyKind.ID,
        configurationPid = "org.zhifa.kind.levy")
@Designate(ocd = LevyConfig.class)
public final class LevyKind implements EnforcementKind {

    static final String ID = "levy";

    private final LevyConfig config;
    private final Procedure procedure;

    @Activate
    public LevyKind(LevyConfig config) {
        if (config.preNoticeWorkingDays() < 1 || config.planNoticeDays() < 1 || config.levyNoticeWorkingDays() < 1
                || config.objectionMajorityPercent() < 1 || config.objectionMajorityPercent() > 99
                || config.disclosureWorkingDays() < 1) {
            throw new IllegalArgumentException("org.zhifa.kind.levy: a period or share is out of range");
        }
        this.config = config;
        this.procedure = LevyProcedure.build(config);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title(Locale locale) {
        return TEXTS.text(locale, "kind.title");
    }

    @Override
    public String numberCode() {
        return "征";
    }

    @Override
    public Procedure procedure() {
        return procedure;
    }

    @Override
    public DisclosureRule disclosure() {
        return disclosures().get(0);
    }

    @Override
    public List<DisclosureRule> disclosures() {
        int days = config.disclosureWorkingDays();
        return List.of(
                new DisclosureRule(LEVY_NOTICED, days, List.of("landLocation", "landArea", "collective", "publicPurpose",
                        "approvalNo", "approvedOn", "levyNoticeOn", "levyNoticeScope", "levySchedule")),
                new DisclosureRule(COMPENSATION_DECIDED, days, List.of("compensationDecisionNo",
                        "compensationDecidedOn", "compensationContent")));
    }

    /** The 征收土地公告 and the 征收补偿决定; a hearing requested on the plan counts as held. */
    @Override
    public org.zhifa.api.kind.DecisionFacts decisionFacts(CaseFacts f) {
        String measure = f.text("compensationDecisionNo").isPresent() ? "征收补偿决定" : "土地征收";
        return new org.zhifa.api.kind.DecisionFacts(List.of(measure), java.util.Optional.empty(),
                java.util.Optional.empty(), f.took(REQUEST_HEARING));
    }

    @Override
    public List<String> majorReasons(CaseFacts facts) {
        List<String> reasons = new ArrayList<>();
        if (facts.took(REQUEST_HEARING)) {
            reasons.add(TEXTS.zh("major.hearing"));
        }
        if (RISK_HIGH.equals(facts.fields().get("riskLevel"))) {
            reasons.add(TEXTS.zh("major.risk"));
        }
        if (facts.text("unsignedCount").map(Integer::parseInt).orElse(0) > 0) {
            reasons.add(TEXTS.zh("major.unsigned"));
        }
        return reasons;
    }

    @Override
    public void check(TransitionCheck c) {
        LocalDate today = c.at().toLocalDate();
        switch (c.transition().id()) {
            case PRE_NOTICE -> notAfter(c, "preNoticeOn", today);
            case SURVEY -> {
                if (RISK_HIGH.equals(c.value("riskLevel").orElse(""))) {
                    requireText(c, "riskMeasures", "levy.survey.risk-measures");
                }
            }
            case PLAN_NOTICE -> checkPlanNotice(c, today);
            case REQUEST_HEARING -> counts(c);
            case HOLD_HEARING -> {
                notAfter(c, "hearingOn", today);
                noticeRun(c, today, "levy.plan.notice-running");
                if (c.flag("planRevised")) {
                    requireText(c, "planRevision", "levy.hearing.revision");
                }
            }
            case FIX_PLAN -> {
                if (counts(c)) {
                    throw TEXTS.error(CONFLICT, "levy.plan.hearing-required", null, value(c, "objectorCount"), value(c, "memberCount"),
                            String.valueOf(config.objectionMajorityPercent()));
                }
                noticeRun(c, today, "levy.plan.notice-running");
            }
            case REGISTER -> {
                LocalDate deadline = requireDate(c, "registrationDeadline");
                if (!today.isAfter(deadline)) {
                    throw TEXTS.error(CONFLICT, "levy.register.running", null, deadline.toString());
                }
            }
            case SIGN_AGREEMENTS -> {
                nonNegative(c, "signedCount");
                if (nonNegative(c, "unsignedCount") > 0) {
                    requireText(c, "unsignedExplanation", "levy.agreements.explain");
                }
            }
            case APPLY -> checkApplication(c, today);
            case APPROVE -> {
                LocalDate approved = requireDate(c, "approvedOn");
                notAfter(c, "approvalReceivedOn", today);
                notBefore(c, "approvedOn", requireDate(c, "appliedOn"), "levy.approve.order");
                notBefore(c, "approvalReceivedOn", approved, "levy.approve.order");
            }
            case LEVY_NOTICE -> {
                notAfter(c, "levyNoticeOn", today);
                notBefore(c, "levyNoticeOn", requireDate(c, "approvalReceivedOn"), "levy.notice.before-approval");
            }
            case DECIDE_COMPENSATION -> {
                if (unsigned(c) == 0) {
                    throw TEXTS.error(CONFLICT, "levy.compensation.none-unsigned", null);
                }
                notAfter(c, "compensationDecidedOn", today);
                notBefore(c, "compensationDecidedOn", requireDate(c, "levyNoticeOn"), "levy.compensation.before-notice");
            }
            case ORDER_SURRENDER -> {
                LocalDate ordered = requireDate(c, "surrenderOrderedOn");
                notAfter(c, "surrenderOrderedOn", today);
                notBefore(c, "surrenderOrderedOn", requireDate(c, "compensationDecidedOn"), "levy.surrender.before-decision");
                if (!requireDate(c, "surrenderBy").isAfter(ordered)) {
                    throw TEXTS.error(INVALID, "levy.surrender.deadline", "surrenderBy", ordered.toString());
                }
            }
            case CLOSE_AFTER_NOTICE -> {
                if (unsigned(c) > 0) {
                    throw TEXTS.error(CONFLICT, "levy.close.decision-owed", null, String.valueOf(unsigned(c)));
                }
            }
            default -> { }
        }
    }

    /** 实施条例 26, 29; 土地管理法 47. */
    private void checkPlanNotice(TransitionCheck c, LocalDate today) {
        LocalDate published = requireDate(c, "planNoticeOn");
        notAfter(c, "planNoticeOn", today);
        int days = (int) requireLong(c, "noticeDays");
        if (days < config.planNoticeDays()) {
            throw TEXTS.error(INVALID, "levy.plan.notice-days", "noticeDays", String.valueOf(days),
                    String.valueOf(config.planNoticeDays()));
        }
        LocalDate preNoticeEnd = preNoticeEnd(c);
        if (!published.isAfter(preNoticeEnd)) {
            throw TEXTS.error(CONFLICT, "levy.plan.pre-notice-running", null, preNoticeEnd.toString(),
                    String.valueOf(config.preNoticeWorkingDays()));
        }
        notBefore(c, "registrationDeadline", published, "levy.plan.registration-deadline");
    }

    /** T7 — 土地管理法 47: no application before the notice has run its days and the costs are secured. */
    private void checkApplication(TransitionCheck c, LocalDate today) {
        LocalDate applied = requireDate(c, "appliedOn");
        notAfter(c, "appliedOn", today);
        LocalDate preNoticeEnd = preNoticeEnd(c);
        if (!applied.isAfter(preNoticeEnd)) {
            throw TEXTS.error(CONFLICT, "levy.plan.pre-notice-running", null, preNoticeEnd.toString(),
                    String.valueOf(config.preNoticeWorkingDays()));
        }
        LocalDate noticeEnd = planNoticeEnd(c);
        if (!applied.isAfter(noticeEnd)) {
            throw TEXTS.error(CONFLICT, "levy.apply.notice-running", null, requireDate(c, "planNoticeOn").toString(), noticeEnd.toString(),
                    String.valueOf(noticeDays(c)));
        }
        if (!c.flag("feesInPlace")) {
            throw TEXTS.error(CONFLICT, "levy.apply.fees", null);
        }
        if (unsigned(c) > 0 && c.value("unsignedExplanation").map(String::isBlank).orElse(true)) {
            throw TEXTS.error(CONFLICT, "levy.apply.unsigned", null, String.valueOf(unsigned(c)));
        }
    }

    /** The last day of the pre-notice (实施条例 26: at least N working days after its publication). */
    private LocalDate preNoticeEnd(TransitionCheck c) {
        return c.workingDays().add(requireDate(c, "preNoticeOn"), config.preNoticeWorkingDays());
    }

    /**
     * The last day of the plan notice: its days counted from the day after publication, moved to the
     * next working day when it ends on a rest day (民法典 201, 203), as the case engine counts the timer.
     */
    LocalDate planNoticeEnd(TransitionCheck c) {
        LocalDate end = requireDate(c, "planNoticeOn").plusDays(noticeDays(c));
        WorkingDays days = c.workingDays();
        while (!days.isWorkingDay(end)) {
            end = end.plusDays(1);
        }
        return end;
    }

    private int noticeDays(TransitionCheck c) {
        return Math.max(config.planNoticeDays(), (int) c.value("noticeDays").map(Long::parseLong).orElse(0L).longValue());
    }

    private void noticeRun(TransitionCheck c, LocalDate today, String code) {
        LocalDate end = planNoticeEnd(c);
        if (!today.isAfter(end)) {
            throw TEXTS.error(CONFLICT, code, null, end.toString());
        }
    }

    /** Whether the objectors are a majority of the collective's members (土地管理法 47). */
    private boolean counts(TransitionCheck c) {
        long members = requireLong(c, "memberCount");
        long objectors = requireLong(c, "objectorCount");
        if (members < 1) {
            throw TEXTS.error(INVALID, "levy.count.members", "memberCount");
        }
        if (objectors < 0 || objectors > members) {
            throw TEXTS.error(INVALID, "levy.count.objectors", "objectorCount", String.valueOf(members));
        }
        return objectors * 100 > members * config.objectionMajorityPercent();
    }

    private static int unsigned(TransitionCheck c) {
        return c.value("unsignedCount").map(Integer::parseInt).orElse(0);
    }

    private static long nonNegative(TransitionCheck c, String field) {
        long n = requireLong(c, field);
        if (n < 0) {
            throw TEXTS.error(INVALID, "levy.count.negative", field, field);
        }
        return n;
    }

    private static String value(TransitionCheck c, String field) {
        return c.value(field).orElse("");
    }

    private static long requireLong(TransitionCheck c, String field) {
        return c.value(field).map(Long::parseLong).orElseThrow(() -> TEXTS.error(INVALID, "levy.field.missing", field, field));
    }

    private static void requireText(TransitionCheck c, String field, String code) {
        if (c.value(field).map(String::isBlank).orElse(true)) {
            throw TEXTS.error(INVALID, code, field);
        }
    }

    private static LocalDate requireDate(TransitionCheck c, String field) {
        return c.date(field).orElseThrow(() -> TEXTS.error(INVALID, "levy.field.missing", field, field));
    }

    private static void notAfter(TransitionCheck c, String field, LocalDate today) {
        c.date(field).filter(d -> d.isAfter(today)).ifPresent(d -> {
            throw TEXTS.error(INVALID, "levy.field.future", field, d.toString(), today.toString());
        });
    }

    private static void notBefore(TransitionCheck c, String field, LocalDate earliest, String code) {
        c.date(field).filter(d -> d.isBefore(earliest)).ifPresent(d -> {
            throw TEXTS.error(INVALID, code, field, d.toString(), earliest.toString());
        });
    }
}
