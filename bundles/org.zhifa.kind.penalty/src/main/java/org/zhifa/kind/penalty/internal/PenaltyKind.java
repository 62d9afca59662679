package org.zhifa.kind.penalty.internal;

import static org.zhifa.api.common.ZhifaException.Kind.CONFLICT;
import static org.zhifa.api.common.ZhifaException.Kind.INVALID;
import static org.zhifa.kind.penalty.internal.PenaltyProcedure.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.kind.CaseFacts;
import org.zhifa.api.kind.CaseFacts.PartyType;
import org.zhifa.api.kind.DecisionFacts;
import org.zhifa.api.kind.Transition;
import org.zhifa.api.kind.DisclosureRule;
import org.zhifa.api.kind.EnforcementKind;
import org.zhifa.api.kind.KindTexts;
import org.zhifa.api.kind.Procedure;
import org.zhifa.api.kind.TransitionCheck;

/** 行政处罚 (administrative penalty) under the 行政处罚法 as revised in 2021. */
@Component(service = EnforcementKind.class, property = EnforcementKind.PROPERTY_KIND + "=penalty",
        configurationPid = "org.zhifa.kind.penalty")
@Designate(ocd = PenaltyConfig.class)
public class PenaltyKind implements EnforcementKind {

    static final String MESSAGES = "org.zhifa.kind.penalty.internal.messages";

    private final PenaltyConfig cfg;
    private final KindTexts texts;
    private final Procedure procedure;
    private final BigDecimal surchargePercent;
    private final BigDecimal simpleLimitPerson;
    private final BigDecimal simpleLimitOrganisation;
    private final BigDecimal majorFinePerson;
    private final BigDecimal majorFineOrganisation;

    @Activate
    public PenaltyKind(PenaltyConfig cfg) {
        this.cfg = cfg;
        this.texts = new KindTexts(MESSAGES, PenaltyKind.class.getClassLoader());
        this.procedure = PenaltyProcedure.build(texts, cfg);
        this.surchargePercent = new BigDecimal(cfg.surchargePercentPerDay().trim());
        this.simpleLimitPerson = new BigDecimal(cfg.simpleFineLimitPerson().trim());
        this.simpleLimitOrganisation = new BigDecimal(cfg.simpleFineLimitOrganisation().trim());
        this.majorFinePerson = new BigDecimal(cfg.majorFinePerson().trim());
        this.majorFineOrganisation = new BigDecimal(cfg.majorFineOrganisation().trim());
    }

    @Override
    public String id() {
        return "penalty";
    }

    @Override
    public String title(Locale locale) {
        return texts.text(locale, "kind.title");
    }

    @Override
    public String numberCode() {
        return "罚";
    }

    @Override
    public Procedure procedure() {
        return procedure;
    }

    /** The decision (57, 59), the 当场 decision (51) and the 不予行政处罚 decision (57(1)2–3) all decide. */
    @Override
    public boolean decides(Transition t) {
        return DECIDED.equals(t.to()) || ON_SPOT.equals(t.to()) || NO_PENALTY.equals(t.to());
    }

    /** The penalty decided (its type, plus 罚款 when a fine comes with another type), the amounts, the hearing. */
    @Override
    public DecisionFacts decisionFacts(CaseFacts f) {
        boolean heard = f.took(SCHEDULE_HEARING) || f.took(SCHEDULE_HEARING_AFTER_STATEMENT);
        if (f.text("noPenaltyGround").isPresent()) {
            return new DecisionFacts(List.of(NO_PENALTY_MEASURE), Optional.empty(), Optional.empty(), heard);
        }
        List<String> measures = new ArrayList<>();
        f.text("penaltyType").ifPresent(measures::add);
        Optional<BigDecimal> fine = f.money("fineAmount").filter(v -> v.signum() > 0);
        Optional<BigDecimal> confiscated = f.money("confiscatedAmount").filter(v -> v.signum() > 0);
        if (fine.isPresent() && !measures.contains(PenaltyRules.FINE)) {
            measures.add(PenaltyRules.FINE);
        }
        return new DecisionFacts(measures, fine, confiscated, heard);
    }

    /** The catalogue name of the 不予行政处罚 decision. */
    static final String NO_PENALTY_MEASURE = "不予行政处罚";

    @Override
    public DisclosureRule disclosure() {
        return new DisclosureRule(DECIDED, cfg.disclosureWorkingDays(), List.of("cause", "facts", "penaltyType",
                "fineAmount", "confiscatedAmount", "legalBasis", "decisionDate"));
    }

    @Override
    public void check(TransitionCheck c) {
        String id = c.transition().id();
        String to = c.transition().to();
        String from = c.transition().from();
        switch (id) {
            case DISPOSE_PRESERVED -> notBefore(c, "disposedOn", "preservedOn", "penalty.preservation.order");
            case NOTIFY -> {
                notBefore(c, "notifiedOn", c.facts().filedOn(), "penalty.notice.order");
                amounts(c, "proposedType", "proposedFine", "proposedConfiscation");
            }
            case SCHEDULE_HEARING, SCHEDULE_HEARING_AFTER_STATEMENT -> hearing(c);
            case DECIDE_ON_SPOT -> {
                simpleProcedure(c);
                amounts(c, "penaltyType", "fineAmount", "confiscatedAmount");
                decisionDate(c);
                remedies(c);
            }
            case SERVE, SERVE_ON_SPOT -> service(c);
            case RECORD_PERFORMANCE -> performance(c);
            default -> { }
        }
        // a statement or a hearing may come any time; moving on towards a decision waits for the window
        if ((NOTIFIED.equals(from) || STATEMENT.equals(from)) && !HEARING.equals(to) && !STATEMENT.equals(to)) {
            hearingWindowClosed(c);
        }
        if (DECIDED.equals(to)) {
            amounts(c, "penaltyType", "fineAmount", "confiscatedAmount");
            notHeavierThanNotified(c);
            decisionDate(c);
            remedies(c);
            if (cfg.discussionForMajor() && !DISCUSSION.equals(from)) {
                List<String> major = majorReasons(withSubmitted(c));
                if (!major.isEmpty()) {
                    throw texts.error(CONFLICT, "penalty.discussion.required", null, String.join("；", major));
                }
            }
        }
        if (NO_PENALTY.equals(to)) {
            decisionDate(c);
        }
        if (CLOSED.equals(to) && c.value("closedOn").isPresent()) {
            notBefore(c, "closedOn", c.value("performedOn").or(() -> c.value("decisionDate"))
                    .map(LocalDate::parse).orElse(c.facts().filedOn()), "penalty.closing.order");
        }
    }

    @Override
    public List<String> majorReasons(CaseFacts f) {
        List<String> reasons = new ArrayList<>();
        // once decided, the decision counts; before, the notified proposal
        boolean decided = f.text("penaltyType").isPresent();
        String type = decided ? f.text("penaltyType").get() : f.text("proposedType").orElse(null);
        Optional<BigDecimal> fine = decided ? f.money("fineAmount") : f.money("proposedFine");
        boolean person = f.partyType() == PartyType.PERSON;
        BigDecimal threshold = person ? majorFinePerson : majorFineOrganisation;
        if (fine.isPresent() && fine.get().compareTo(threshold) >= 0) {
            reasons.add(texts.zh(person ? "major.fine.person" : "major.fine.organisation", fine.get().toPlainString(),
                    threshold.toPlainString()));
        }
        if (cfg.majorOnSuspension() && (PenaltyRules.SUSPEND.equals(type) || PenaltyRules.CLOSE_DOWN.equals(type))) {
            reasons.add(texts.zh("major.suspension", type));
        }
        if (cfg.majorOnRevocation() && PenaltyRules.REVOKE.equals(type)) {
            reasons.add(texts.zh("major.revocation"));
        }
        if (cfg.majorOnHearing() && (f.took(SCHEDULE_HEARING) || f.took(SCHEDULE_HEARING_AFTER_STATEMENT))) {
            reasons.add(texts.zh("major.hearing"));
        }
        return List.copyOf(reasons);
    }

    /** The case as it will be once the checked transition's fields are recorded. */
    private static CaseFacts withSubmitted(TransitionCheck c) {
        CaseFacts f = c.facts();
        java.util.Map<String, String> fields = new java.util.HashMap<>(f.fields());
        fields.putAll(c.submitted());
        return new CaseFacts(f.kind(), f.number(), f.partyType(), f.minor(), f.simple(), f.step(), f.filedOn(),
                f.transitionsTaken(), fields);
    }

    /** A type that needs an amount has one, above zero (处罚法 59(3): the decision states the amount). */
    private void amounts(TransitionCheck c, String typeField, String fineField, String confiscationField) {
        String type = c.value(typeField).orElseThrow();
        if (PenaltyRules.FINE.equals(type)) {
            positive(c, fineField, type);
        }
        if (PenaltyRules.CONFISCATE_GAINS.equals(type) || PenaltyRules.CONFISCATE_PROPERTY.equals(type)) {
            positive(c, confiscationField, type);
        }
        for (String f : List.of(fineField, confiscationField)) {
            Optional<BigDecimal> v = c.submitted().containsKey(f) ? c.money(f) : Optional.empty();
            if (v.isPresent() && v.get().signum() < 0) {
                throw texts.error(INVALID, "penalty.amount.negative", f);
            }
        }
    }

    private void positive(TransitionCheck c, String field, String type) {
        Optional<BigDecimal> v = c.submitted().containsKey(field) ? c.money(field) : Optional.empty();
        if (v.isEmpty() || v.get().signum() <= 0) {
            throw texts.error(INVALID, "penalty.amount.required", field, type);
        }
    }

    /** 处罚法 51: 当场处罚 only a warning, or a fine up to 200 元 (citizen) / 3000 元 (organisation). */
    private void simpleProcedure(TransitionCheck c) {
        String type = c.value("penaltyType").orElseThrow();
        if (!PenaltyRules.WARNING.equals(type) && !PenaltyRules.FINE.equals(type)) {
            throw texts.error(INVALID, "penalty.simple.type", "penaltyType", type);
        }
        if (PenaltyRules.FINE.equals(type) && c.money("fineAmount").isPresent()) {
            boolean person = c.facts().partyType() == PartyType.PERSON;
            BigDecimal limit = person ? simpleLimitPerson : simpleLimitOrganisation;
            BigDecimal fine = c.money("fineAmount").orElseThrow();
            if (fine.compareTo(limit) > 0) {
                throw texts.error(INVALID, person ? "penalty.simple.limit.person" : "penalty.simple.limit.organisation",
                        "fineAmount", fine.toPlainString(), limit.toPlainString());
            }
        }
    }

    /** 处罚法 64(1)(2): requested within 5 working days of 告知; notified 7 working days before the hearing. */
    private void hearing(TransitionCheck c) {
        LocalDate notified = c.date("notifiedOn").orElseThrow();
        LocalDate requested = c.date("hearingRequestedOn").orElseThrow();
        LocalDate lastDay = c.workingDays().add(notified, cfg.hearingRequestWorkingDays());
        if (requested.isBefore(notified)) {
            throw texts.error(INVALID, "penalty.hearing.request.early", "hearingRequestedOn", requested, notified);
        }
        if (requested.isAfter(lastDay)) {
            throw texts.error(INVALID, "penalty.hearing.request.late", "hearingRequestedOn", requested,
                    cfg.hearingRequestWorkingDays(), lastDay);
        }
        LocalDate notice = c.date("hearingNoticeOn").orElseThrow();
        if (notice.isBefore(requested)) {
            throw texts.error(INVALID, "penalty.hearing.notice.early", "hearingNoticeOn", notice, requested);
        }
        LocalDate earliest = c.workingDays().add(notice, cfg.hearingNoticeWorkingDays());
        LocalDate held = c.dateTime("hearingAt").orElseThrow().toLocalDate();
        if (held.isBefore(earliest)) {
            throw texts.error(INVALID, "penalty.hearing.notice.short", "hearingAt", held,
                    cfg.hearingNoticeWorkingDays(), earliest);
        }
    }

    /**
     * 处罚法 62, 64: when the party was told of the right to a hearing, the case may not move on to a
     * decision before the request period is over, unless the party waived it.
     */
    private void hearingWindowClosed(TransitionCheck c) {
        if (!c.flag("hearingRight") || c.flag("partyWaived")) {
            return;
        }
        LocalDate lastDay = c.workingDays().add(c.date("notifiedOn").orElseThrow(), cfg.hearingRequestWorkingDays());
        if (!c.at().toLocalDate().isAfter(lastDay)) {
            throw texts.error(CONFLICT, "penalty.hearing.window.open", null, lastDay);
        }
    }

    /** 处罚法 45 (after 陈述申辩 or 听证) and 44 (otherwise): no heavier penalty than the one notified. */
    private void notHeavierThanNotified(TransitionCheck c) {
        Optional<String> notifiedType = c.facts().text("proposedType");
        if (notifiedType.isEmpty()) {
            return;
        }
        boolean heavier = PenaltyRules.heavier(c.value("penaltyType").orElseThrow(), c.money("fineAmount"),
                c.money("confiscatedAmount"), notifiedType.get(), c.facts().money("proposedFine"),
                c.facts().money("proposedConfiscation"));
        if (!heavier) {
            return;
        }
        CaseFacts f = c.facts();
        boolean heard = f.took(HEAR_STATEMENT) || f.took(SCHEDULE_HEARING) || f.took(SCHEDULE_HEARING_AFTER_STATEMENT);
        String notified = describe(notifiedType.get(), f.money("proposedFine"), f.money("proposedConfiscation"));
        String decided = describe(c.value("penaltyType").orElseThrow(), c.money("fineAmount"), c.money("confiscatedAmount"));
        throw texts.error(CONFLICT, heard ? "penalty.heavier.after.statement" : "penalty.heavier.than.notified",
                "penaltyType", decided, notified);
    }

    private static String describe(String type, Optional<BigDecimal> fine, Optional<BigDecimal> confiscation) {
        StringBuilder s = new StringBuilder(type);
        fine.ifPresent(v -> s.append(" 罚款").append(v.toPlainString()).append("元"));
        confiscation.ifPresent(v -> s.append(" 没收").append(v.toPlainString()).append("元"));
        return s.toString();
    }

    /** 处罚法 60: the decision falls within the case (not before 立案, not in the future). */
    private void decisionDate(TransitionCheck c) {
        LocalDate d = c.date("decisionDate").orElseThrow();
        if (d.isBefore(c.facts().filedOn()) || d.isAfter(c.at().toLocalDate())) {
            throw texts.error(INVALID, "penalty.decision.date", "decisionDate", d, c.facts().filedOn(),
                    c.at().toLocalDate());
        }
    }

    /** 处罚法 59(5), 52: the remedy periods stated are not shorter than the law's (复议法 20, 诉讼法 46). */
    private void remedies(TransitionCheck c) {
        long days = Long.parseLong(c.value("reconsiderationDays").orElseThrow());
        if (days < cfg.reconsiderationDays()) {
            throw texts.error(INVALID, "penalty.remedy.reconsideration", "reconsiderationDays", days,
                    cfg.reconsiderationDays());
        }
        long months = Long.parseLong(c.value("litigationMonths").orElseThrow());
        if (months < cfg.litigationMonths()) {
            throw texts.error(INVALID, "penalty.remedy.litigation", "litigationMonths", months, cfg.litigationMonths());
        }
    }

    /** 处罚法 61: served after the decision; 电子送达 only with the party's consent. */
    private void service(TransitionCheck c) {
        notBefore(c, "servedOn", "decisionDate", "penalty.service.order");
        if (ELECTRONIC.equals(c.value("serviceMethod").orElse("")) && !c.flag("electronicConsent")) {
            throw texts.error(INVALID, "penalty.service.electronic", "electronicConsent");
        }
    }

    /** 处罚法 67, 72: performance after service; 加处罚款 not above 3 % a day, capped at the fine. */
    private void performance(TransitionCheck c) {
        notBefore(c, "performedOn", "servedOn", "penalty.performance.order");
        Optional<BigDecimal> fine = c.facts().money("fineAmount");
        Optional<BigDecimal> surcharge = c.money("surcharge");
        LocalDate performed = c.date("performedOn").orElseThrow();
        if (surcharge.isPresent()) {
            if (fine.isEmpty()) {
                throw texts.error(INVALID, "penalty.surcharge.nofine", "surcharge");
            }
            LocalDate lastDay = PenaltyRules.lastDayToPay(c.date("servedOn").orElseThrow(), cfg.paymentDays(),
                    c.workingDays());
            BigDecimal max = PenaltyRules.surcharge(fine.get(), lastDay, performed, surchargePercent);
            if (surcharge.get().compareTo(max) > 0 || surcharge.get().signum() < 0) {
                throw texts.error(INVALID, "penalty.surcharge.excess", "surcharge", surcharge.get().toPlainString(),
                        max.toPlainString(), lastDay);
            }
        }
        if (PAID_IN_FULL.equals(c.value("performance").orElse("")) && fine.isPresent()) {
            BigDecimal paid = c.money("paidAmount").orElse(BigDecimal.ZERO);
            if (paid.compareTo(fine.get()) < 0) {
                throw texts.error(INVALID, "penalty.paid.short", "paidAmount", paid.toPlainString(),
                        fine.get().toPlainString());
            }
        }
    }

    private void notBefore(TransitionCheck c, String field, String earlierField, String code) {
        Optional<LocalDate> earlier = c.date(earlierField);
        if (earlier.isPresent()) {
            notBefore(c, field, earlier.get(), code);
        }
    }

    private void notBefore(TransitionCheck c, String field, LocalDate earlier, String code) {
        LocalDate d = c.date(field).orElseThrow();
        if (d.isBefore(earlier)) {
            throw texts.error(INVALID, code, field, d, earlier);
        }
    }
}
