package org.zhifa.kind.coercion.internal;

import static org.zhifa.api.common.ZhifaException.Kind.CONFLICT;
import static org.zhifa.api.common.ZhifaException.Kind.INVALID;
import static org.zhifa.kind.coercion.internal.CoercionProcedure.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;
import org.zhifa.api.calendar.WorkingDays;
import org.zhifa.api.kind.CaseFacts;
import org.zhifa.api.kind.DecisionFacts;
import org.zhifa.api.kind.DisclosureRule;
import org.zhifa.api.kind.EnforcementKind;
import org.zhifa.api.kind.Procedure;
import org.zhifa.api.kind.TransitionCheck;

/** 行政强制 (administrative coercion): the procedure and the rules of 行政强制法. */
@Component(service = EnforcementKind.class, property = EnforcementKind.PROPERTY_KIND + "=" + CoercionKind.ID,
        configurationPid = "org.zhifa.kind.coercion")
@Designate(ocd = CoercionConfig.class)
public final class CoercionKind implements EnforcementKind {

    static final String ID = "coercion";

    private final CoercionConfig config;
    private final LocalTime nightStart;
    private final LocalTime nightEnd;
    private final BigDecimal majorAmount;
    private final Procedure procedure;

    @Activate
    public CoercionKind(CoercionConfig config) {
        this.config = config;
        this.nightStart = LocalTime.parse(config.nightStart());
        this.nightEnd = LocalTime.parse(config.nightEnd());
        this.majorAmount = new BigDecimal(config.majorAmount());
        if (config.seizureTermDays() < 1 || config.seizureExtensionDays() < 0 || config.courtWaitDays() < 0
                || config.courtApplicationMonths() < 1 || config.reviewPeriodDays() < 1
                || config.suitPeriodMonths() < 1 || config.executionMinOfficers() < 1
                || config.disclosureWorkingDays() < 1 || nightStart.equals(nightEnd)) {
            throw new IllegalArgumentException("org.zhifa.kind.coercion: a time limit is out of range");
        }
        this.procedure = CoercionProcedure.build(config);
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
        return "强";
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
                new DisclosureRule(DECIDED, days, List.of("decisionNo", "executionReason", "executionBasis",
                        "executionManner", "executionPlannedAt", "amount")),
                new DisclosureRule(HELD, days, List.of("measureType", "seizedOn", "seizureReason", "seizureBasis",
                        "items")));
    }

    /**
     * The 查封扣押决定 (its measure) and the 强制执行决定 (强制执行 and its manner; a demolition enforces a
     * 限期拆除 decision). No fine: the amount enforced is the earlier decision's.
     */
    @Override
    public DecisionFacts decisionFacts(CaseFacts f) {
        Optional<String> manner = f.text("executionManner");
        if (manner.isPresent()) {
            List<String> measures = new ArrayList<>(List.of(EXECUTION_MEASURE, manner.get()));
            if (MANNER_DEMOLITION.equals(manner.get()) || f.took(ANNOUNCE_DEMOLITION)) {
                measures.add(DEADLINE_DEMOLITION_MEASURE);
            }
            return new DecisionFacts(measures, Optional.empty(), Optional.empty(), false);
        }
        return f.text("measureType").map(m -> new DecisionFacts(List.of(m), Optional.empty(), Optional.empty(), false))
                .orElse(DecisionFacts.NONE);
    }

    static final String EXECUTION_MEASURE = "强制执行";
    static final String DEADLINE_DEMOLITION_MEASURE = "限期拆除";

    @Override
    public List<String> majorReasons(CaseFacts facts) {
        List<String> reasons = new ArrayList<>();
        if (facts.took(ANNOUNCE_DEMOLITION) || facts.took(START_DEMOLITION)
                || MANNER_DEMOLITION.equals(facts.fields().get("executionManner"))) {
            reasons.add(TEXTS.zh("major.demolition"));
        }
        Optional<BigDecimal> amount = facts.money("amount");
        if (amount.isPresent() && amount.get().compareTo(majorAmount) >= 0) {
            reasons.add(TEXTS.zh("major.amount", amount.get().toPlainString(), majorAmount.toPlainString()));
        }
        return reasons;
    }

    @Override
    public void check(TransitionCheck check) {
        LocalDate today = check.at().toLocalDate();
        switch (check.transition().id()) {
            case SEIZE -> checkSeize(check);
            case RECORD_SEIZURE -> notAfter(check, "seizedOn", today);
            case EXTEND_SEIZURE -> checkExtension(check, today);
            case DISPOSE, DISPOSE_EXTENDED -> checkDisposal(check);
            case ANNOUNCE_DEMOLITION -> checkAnnouncement(check, today);
            case DEMAND, DEMAND_AFTER_NOTICE -> checkDemand(check, today);
            case RECORD_STATEMENT -> checkStatement(check, today);
            case DECIDE_EXECUTION -> checkDecision(check, today);
            case START_EXECUTION, START_DEMOLITION -> checkStart(check);
            case FINISH_EXECUTION, FINISH_DEMOLITION -> checkFinish(check);
            case APPLY_COURT, APPLY_COURT_AFTER_DEMAND -> checkCourt(check, today);
            default -> { }
        }
    }

    // --- 行政强制措施

    /** 行政强制法 18 (一)(四)(八), 19. */
    private void checkSeize(TransitionCheck c) {
        if (c.flag("onSpotUrgent")) {
            requireText(c, "onSpotUrgentReason", "coercion.seize.urgent-reason");
        } else {
            requireText(c, "approvalRef", "coercion.seize.approval");
        }
        if (!c.flag("partyPresent")) {
            requireText(c, "witness", "coercion.seize.witness");
        }
    }

    /** 行政强制法 25: extend once, before the term ends, by at most the configured days, with approval. */
    private void checkExtension(TransitionCheck c, LocalDate today) {
        LocalDate seizedOn = requireDate(c, "seizedOn");
        LocalDate termEnd = workingDayOnOrAfter(seizedOn.plusDays(config.seizureTermDays()), c.workingDays());
        if (today.isAfter(termEnd)) {
            throw TEXTS.error(CONFLICT, "coercion.extend.expired", null, termEnd.toString());
        }
        LocalDate until = requireDate(c, "extendedUntil");
        LocalDate latest = workingDayOnOrAfter(
                seizedOn.plusDays((long) config.seizureTermDays() + config.seizureExtensionDays()), c.workingDays());
        if (!until.isAfter(termEnd) || until.isAfter(latest)) {
            throw TEXTS.error(INVALID, "coercion.extend.until", "extendedUntil", termEnd.toString(), latest.toString(),
                    String.valueOf(config.seizureExtensionDays()));
        }
    }

    /** 行政强制法 27, 28 (四): after the term only release is left. */
    private void checkDisposal(TransitionCheck c) {
        LocalDate seizedOn = requireDate(c, "seizedOn");
        LocalDate termEnd = c.facts().took(EXTEND_SEIZURE) ? requireDate(c, "extendedUntil")
                : workingDayOnOrAfter(seizedOn.plusDays(config.seizureTermDays()), c.workingDays());
        LocalDate disposedOn = requireDate(c, "disposedOn");
        notAfter(c, "disposedOn", c.at().toLocalDate());
        String disposal = c.value("disposal").orElse("");
        if (disposedOn.isAfter(termEnd) && !DISPOSAL_RELEASE.equals(disposal)) {
            throw TEXTS.error(CONFLICT, "coercion.dispose.expired", null, termEnd.toString(), disposal);
        }
    }

    // --- 行政强制执行

    /** 行政强制法 44: the notice sets a deadline for self-demolition after its publication. */
    private void checkAnnouncement(TransitionCheck c, LocalDate today) {
        LocalDate published = requireDate(c, "noticePublishedOn");
        notAfter(c, "noticePublishedOn", today);
        notAfter(c, "decisionServedOn", today);
        if (!requireDate(c, "selfDemolishBy").isAfter(published)) {
            throw TEXTS.error(INVALID, "coercion.notice.deadline", "selfDemolishBy", published.toString());
        }
    }

    /** 行政强制法 35: a written demand with a deadline, the manner, the amount and how to pay it. */
    private void checkDemand(TransitionCheck c, LocalDate today) {
        requireText(c, "decisionNo", "coercion.demand.decision");
        LocalDate decisionServed = requireDate(c, "decisionServedOn");
        LocalDate served = requireDate(c, "demandServedOn");
        notAfter(c, "demandServedOn", today);
        if (served.isBefore(decisionServed)) {
            throw TEXTS.error(INVALID, "coercion.demand.before-decision", "demandServedOn", decisionServed.toString());
        }
        if (!requireDate(c, "performBy").isAfter(served)) {
            throw TEXTS.error(INVALID, "coercion.demand.perform-by", "performBy", served.toString());
        }
        if (requireDate(c, "statementDeadline").isBefore(served)) {
            throw TEXTS.error(INVALID, "coercion.demand.statement-deadline", "statementDeadline", served.toString());
        }
        if (c.value("amount").isPresent()) {
            requireText(c, "paymentManner", "coercion.demand.payment");
        }
    }

    /** 行政强制法 36: the party is heard; a lapse is recorded only after the period has run. */
    private void checkStatement(TransitionCheck c, LocalDate today) {
        String outcome = c.value("statementOutcome").orElse("");
        if (STATEMENT_LAPSED.equals(outcome)) {
            LocalDate deadline = requireDate(c, "statementDeadline");
            if (!today.isAfter(deadline)) {
                throw TEXTS.error(CONFLICT, "coercion.statement.running", null, deadline.toString());
            }
        } else if (STATEMENT_MADE.equals(outcome)) {
            requireText(c, "statementSummary", "coercion.statement.summary");
            requireText(c, "reviewOpinion", "coercion.statement.review");
        }
    }

    /** 行政强制法 37 (after the deadline to perform), 43 (planned time), 44 (demolition). */
    private void checkDecision(TransitionCheck c, LocalDate today) {
        LocalDate performBy = requireDate(c, "performBy");
        if (!today.isAfter(performBy)) {
            throw TEXTS.error(CONFLICT, "coercion.decide.perform-by", null, performBy.toString());
        }
        checkUrgency(c);
        LocalDateTime planned = requireDateTime(c, "executionPlannedAt");
        if (!c.flag("urgent")) {
            barredTime(planned, c.workingDays()).ifPresent(why -> {
                throw TEXTS.error(CONFLICT, "coercion.time." + why, null, planned.toString(), config.nightStart(), config.nightEnd());
            });
        }
        if (MANNER_DEMOLITION.equals(c.value("executionManner").orElse(""))) {
            if (c.value("remedyStatus").isEmpty()) {
                throw TEXTS.error(INVALID, "coercion.demolition.remedy-status", "remedyStatus");
            }
            checkDemolition(c, today);
        }
    }

    /** 行政强制法 43, 44: not at night or on holidays unless urgent; demolition only as 44 allows. */
    private void checkStart(TransitionCheck c) {
        checkUrgency(c);
        LocalDateTime start = requireDateTime(c, "executionStartedAt");
        String manner = c.value("executionManner").orElse("");
        boolean demolition = START_DEMOLITION.equals(c.transition().id());
        if (demolition != MANNER_DEMOLITION.equals(manner)) {
            throw TEXTS.error(CONFLICT, demolition ? "coercion.start.not-demolition" : "coercion.start.is-demolition", null, manner);
        }
        if (demolition) {
            checkDemolition(c, start.toLocalDate());
        }
        if (!c.flag("urgent")) {
            barredTime(start, c.workingDays()).ifPresent(why -> {
                throw TEXTS.error(CONFLICT, "coercion.time." + why, null, start.toString(), config.nightStart(), config.nightEnd());
            });
        }
    }

    /** 行政强制法 43: the whole execution, up to its end, stays out of nights and holidays. */
    private void checkFinish(TransitionCheck c) {
        checkUrgency(c);
        LocalDateTime end = requireDateTime(c, "executionEndedAt");
        LocalDateTime start = requireDateTime(c, "executionStartedAt");
        if (end.isBefore(start)) {
            throw TEXTS.error(INVALID, "coercion.finish.before-start", "executionEndedAt", start.toString());
        }
        if (c.flag("urgent")) {
            return;
        }
        barredTime(end, c.workingDays()).ifPresent(why -> {
            throw TEXTS.error(CONFLICT, "coercion.time." + why, null, end.toString(), config.nightStart(), config.nightEnd());
        });
        if (!start.toLocalDate().equals(end.toLocalDate())
                || (start.toLocalTime().isBefore(nightStart) && end.toLocalTime().isAfter(nightStart))) {
            throw TEXTS.error(CONFLICT, "coercion.time.night-spanned", null, start.toString(), end.toString(), config.nightStart(),
                    config.nightEnd());
        }
    }

    /**
     * 行政强制法 44: the notice was published, its deadline has passed, and the party either let the
     * periods for review (行政复议法 20) and suit (行政诉讼法 46) run out or lost.
     */
    private void checkDemolition(TransitionCheck c, LocalDate day) {
        if (!c.facts().took(ANNOUNCE_DEMOLITION)) {
            throw TEXTS.error(CONFLICT, "coercion.demolition.no-notice", null);
        }
        LocalDate deadline = requireDate(c, "selfDemolishBy");
        if (!day.isAfter(deadline)) {
            throw TEXTS.error(CONFLICT, "coercion.demolition.deadline", null, deadline.toString());
        }
        String remedy = c.value("remedyStatus").orElse(REMEDY_NONE);
        if (REMEDY_REVIEW.equals(remedy) || REMEDY_SUIT.equals(remedy)) {
            throw TEXTS.error(CONFLICT, "coercion.demolition.remedy-pending", null, remedy);
        }
        if (REMEDY_NONE.equals(remedy)) {
            LocalDate periodsEnd = remedyPeriodsEnd(requireDate(c, "decisionServedOn"), c.workingDays());
            if (!day.isAfter(periodsEnd)) {
                throw TEXTS.error(CONFLICT, "coercion.demolition.remedy-period", null, periodsEnd.toString());
            }
        }
    }

    /** 行政强制法 53, 54: demand served ten days before; review and suit periods run out; within three months. */
    private void checkCourt(TransitionCheck c, LocalDate today) {
        LocalDate statementDeadline = requireDate(c, "statementDeadline");
        if (!c.facts().took(RECORD_STATEMENT) && !today.isAfter(statementDeadline)) {
            throw TEXTS.error(CONFLICT, "coercion.statement.running", null, statementDeadline.toString());
        }
        LocalDate served = requireDate(c, "demandServedOn");
        LocalDate earliest = served.plusDays(config.courtWaitDays() + 1L);
        if (today.isBefore(earliest)) {
            throw TEXTS.error(CONFLICT, "coercion.court.demand-wait", null, served.toString(), earliest.toString());
        }
        String remedy = c.value("remedyStatus").orElse(REMEDY_NONE);
        if (REMEDY_REVIEW.equals(remedy) || REMEDY_SUIT.equals(remedy)) {
            throw TEXTS.error(CONFLICT, "coercion.court.remedy-pending", null, remedy);
        }
        if (REMEDY_NONE.equals(remedy)) {
            LocalDate periodsEnd = remedyPeriodsEnd(requireDate(c, "decisionServedOn"), c.workingDays());
            if (!today.isAfter(periodsEnd)) {
                throw TEXTS.error(CONFLICT, "coercion.court.remedy-period", null, periodsEnd.toString());
            }
            LocalDate last = periodsEnd.plusMonths(config.courtApplicationMonths());
            if (today.isAfter(last)) {
                throw TEXTS.error(CONFLICT, "coercion.court.too-late", null, last.toString());
            }
        }
    }

    /**
     * The last day on which the party may still apply for review or sue (whichever is later); a
     * period ending on a rest day runs to the next working day (民法典 203).
     */
    LocalDate remedyPeriodsEnd(LocalDate decisionServed, WorkingDays days) {
        LocalDate review = decisionServed.plusDays(config.reviewPeriodDays());
        LocalDate suit = decisionServed.plusMonths(config.suitPeriodMonths());
        return workingDayOnOrAfter(review.isAfter(suit) ? review : suit, days);
    }

    /**
     * The last day of a calendar-day period: moved past rest days (民法典 203), as the case engine
     * counts the same period's timer, so checks and timers agree.
     */
    static LocalDate workingDayOnOrAfter(LocalDate day, WorkingDays days) {
        LocalDate d = day;
        while (!days.isWorkingDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    /**
     * Why {@code t} is barred by 行政强制法 43, if it is: {@code night}, {@code holiday} (a published
     * public holiday) or {@code rest-day} (a weekend, when configured to count).
     */
    Optional<String> barredTime(LocalDateTime t, WorkingDays days) {
        LocalTime time = t.toLocalTime();
        boolean night = nightStart.isAfter(nightEnd)
                ? !time.isBefore(nightStart) || time.isBefore(nightEnd)
                : !time.isBefore(nightStart) && time.isBefore(nightEnd);
        if (night) {
            return Optional.of("night");
        }
        LocalDate day = t.toLocalDate();
        if (days.isPublicHoliday(day)) {
            return Optional.of("holiday");
        }
        if (config.restDays() == CoercionConfig.RestDays.ALL_REST_DAYS && !days.isWorkingDay(day)) {
            return Optional.of("rest-day");
        }
        return Optional.empty();
    }

    /** 行政强制法 43 情况紧急: urgency needs its reason on record. */
    private static void checkUrgency(TransitionCheck c) {
        if (c.flag("urgent")) {
            requireText(c, "urgentReason", "coercion.urgent.reason");
        }
    }

    // --- field helpers: a submitted value, else the case's latest one

    private static void requireText(TransitionCheck c, String field, String code) {
        if (c.value(field).map(String::isBlank).orElse(true)) {
            throw TEXTS.error(INVALID, code, field);
        }
    }

    private static LocalDate requireDate(TransitionCheck c, String field) {
        return c.date(field).orElseThrow(() -> TEXTS.error(INVALID, "coercion.field.missing", field, field, article(field)[0],
                article(field)[1]));
    }

    private static LocalDateTime requireDateTime(TransitionCheck c, String field) {
        return c.dateTime(field).orElseThrow(() -> TEXTS.error(INVALID, "coercion.field.missing", field, field,
                article(field)[0], article(field)[1]));
    }

    /** The article of 行政强制法 a date field serves, in Chinese numerals and in digits. */
    private static String[] article(String field) {
        return switch (field) {
            case "seizedOn", "extendedUntil" -> new String[] {"二十五", "25"};
            case "disposedOn" -> new String[] {"二十八", "28"};
            case "decisionServedOn" -> new String[] {"三十四", "34"};
            case "demandServedOn", "performBy" -> new String[] {"三十五", "35"};
            case "statementDeadline" -> new String[] {"三十六", "36"};
            case "executionPlannedAt" -> new String[] {"三十七", "37"};
            case "executionStartedAt", "executionEndedAt" -> new String[] {"四十三", "43"};
            case "noticePublishedOn", "selfDemolishBy" -> new String[] {"四十四", "44"};
            default -> new String[] {"三十四", "34"};
        };
    }

    /** A date of something that already happened cannot lie after the day it is recorded. */
    private static void notAfter(TransitionCheck c, String field, LocalDate today) {
        c.date(field).filter(d -> d.isAfter(today)).ifPresent(d -> {
            throw TEXTS.error(INVALID, "coercion.field.future", field, d.toString(), today.toString(), article(field)[0],
                    article(field)[1]);
        });
    }
}
