package org.zhifa.kind.license.internal;

import static org.zhifa.api.common.ZhifaException.Kind.CONFLICT;
import static org.zhifa.api.common.ZhifaException.Kind.INVALID;
import static org.zhifa.kind.license.internal.LicenseProcedure.*;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;
import org.zhifa.api.kind.CaseFacts;
import org.zhifa.api.kind.DecisionFacts;
import org.zhifa.api.kind.DisclosureRule;
import org.zhifa.api.kind.EnforcementKind;
import org.zhifa.api.kind.KindTexts;
import org.zhifa.api.kind.Procedure;
import org.zhifa.api.kind.TransitionCheck;

/** 行政许可 (administrative licensing) under the 行政许可法. */
@Component(service = EnforcementKind.class, property = EnforcementKind.PROPERTY_KIND + "=license",
        configurationPid = "org.zhifa.kind.license")
@Designate(ocd = LicenseConfig.class)
public class LicenseKind implements EnforcementKind {

    static final String MESSAGES = "org.zhifa.kind.license.internal.messages";

    private final LicenseConfig cfg;
    private final KindTexts texts;
    private final Procedure procedure;

    @Activate
    public LicenseKind(LicenseConfig cfg) {
        this.cfg = cfg;
        this.texts = new KindTexts(MESSAGES, LicenseKind.class.getClassLoader());
        this.procedure = LicenseProcedure.build(texts, cfg);
    }

    @Override
    public String id() {
        return "license";
    }

    @Override
    public String title(Locale locale) {
        return texts.text(locale, "kind.title");
    }

    @Override
    public String numberCode() {
        return "许";
    }

    @Override
    public Procedure procedure() {
        return procedure;
    }

    /** 许可法 40: 准予 decisions are public; refusals are not published. */
    @Override
    public DisclosureRule disclosure() {
        return new DisclosureRule(GRANTED, cfg.disclosureWorkingDays(),
                List.of("item", "licenceContent", "legalBasis", "decisionDate", "validUntil", "certificateNo"));
    }

    /** 准予 and 不予行政许可 both decide (38), though only 准予 is published (40). */
    @Override
    public boolean decides(org.zhifa.api.kind.Transition t) {
        return GRANTED.equals(t.to()) || REFUSED.equals(t.to());
    }

    @Override
    public DecisionFacts decisionFacts(CaseFacts f) {
        String measure = f.text("refusalReasons").isPresent() ? "不予行政许可" : "准予行政许可";
        return new DecisionFacts(List.of(measure), Optional.empty(), Optional.empty(), f.took(SCHEDULE_HEARING));
    }

    @Override
    public List<String> majorReasons(CaseFacts facts) {
        if (cfg.majorOnHearing() && facts.took(SCHEDULE_HEARING)) {
            return List.of(texts.zh("major.hearing"));
        }
        return List.of();
    }

    @Override
    public void check(TransitionCheck c) {
        switch (c.transition().id()) {
            case ACCEPT -> notBefore(c, "acceptedOn", c.facts().date("appliedOn"), "license.accept.order");
            case NOT_ACCEPT -> notBefore(c, "nonAcceptanceOn", c.facts().date("appliedOn"), "license.accept.order");
            case CONCLUDE_VERIFICATION -> notAfterToday(c, "verifiedOn");
            case EXTEND -> extension(c);
            case SCHEDULE_HEARING -> hearing(c);
            case ISSUE -> notBefore(c, "issuedOn", c.facts().date("decisionDate"), "license.issue.order");
            case SERVE_REFUSAL -> notBefore(c, "servedOn", c.facts().date("decisionDate"), "license.service.order");
            default -> { }
        }
        String to = c.transition().to();
        if (GRANTED.equals(to) || REFUSED.equals(to)) {
            decisionDate(c);
        }
        if (REFUSED.equals(to)) {
            remedies(c);
        }
    }

    /** 许可法 42: extended once only, approved within the original period, with the flag set. */
    private void extension(TransitionCheck c) {
        if (c.facts().took(EXTEND) || c.facts().flag(EXTENDED)) {
            throw texts.error(CONFLICT, "license.extension.once", null);
        }
        if (!c.flag(EXTENDED)) {
            throw texts.error(INVALID, "license.extension.flag", EXTENDED);
        }
        LocalDate accepted = c.facts().date("acceptedOn").orElseThrow();
        LocalDate lastDay = c.workingDays().add(accepted, cfg.decisionWorkingDays());
        LocalDate approved = c.date("extensionApprovedOn").orElseThrow();
        if (approved.isAfter(lastDay)) {
            throw texts.error(CONFLICT, "license.extension.late", "extensionApprovedOn", approved, lastDay);
        }
        notBefore(c, "extensionApprovedOn", Optional.of(accepted), "license.extension.order");
        notBefore(c, "extensionNotifiedOn", Optional.of(approved), "license.extension.notice");
    }

    /** 许可法 47, 48(1): request within 5 working days of being told; held within 20; notice 7 ahead. */
    private void hearing(TransitionCheck c) {
        LocalDate held = c.dateTime("hearingAt").orElseThrow().toLocalDate();
        if (BASIS_REQUEST.equals(c.value("hearingBasis").orElse(""))) {
            LocalDate told = c.date("hearingRightNotifiedOn")
                    .orElseThrow(() -> texts.error(INVALID, "license.hearing.told.missing", "hearingRightNotifiedOn"));
            LocalDate requested = c.date("hearingRequestedOn")
                    .orElseThrow(() -> texts.error(INVALID, "license.hearing.request.missing", "hearingRequestedOn"));
            notBefore(c, "hearingRequestedOn", Optional.of(told), "license.hearing.request.order");
            LocalDate lastRequest = c.workingDays().add(told, cfg.hearingRequestWorkingDays());
            if (requested.isAfter(lastRequest)) {
                throw texts.error(INVALID, "license.hearing.request.late", "hearingRequestedOn", requested,
                        cfg.hearingRequestWorkingDays(), lastRequest);
            }
            LocalDate lastHearing = c.workingDays().add(requested, cfg.hearingOrganiseWorkingDays());
            if (held.isAfter(lastHearing)) {
                throw texts.error(INVALID, "license.hearing.organise.late", "hearingAt", held,
                        cfg.hearingOrganiseWorkingDays(), lastHearing);
            }
        }
        LocalDate notice = c.date("hearingNoticeOn").orElseThrow();
        LocalDate earliest = c.workingDays().add(notice, cfg.hearingNoticeWorkingDays());
        if (held.isBefore(earliest)) {
            throw texts.error(INVALID, "license.hearing.notice.short", "hearingAt", held,
                    cfg.hearingNoticeWorkingDays(), earliest);
        }
    }

    /** 许可法 42: the decision falls after 受理 and not in the future. */
    private void decisionDate(TransitionCheck c) {
        LocalDate d = c.date("decisionDate").orElseThrow();
        LocalDate accepted = c.facts().date("acceptedOn").orElse(c.facts().filedOn());
        if (d.isBefore(accepted) || d.isAfter(c.at().toLocalDate())) {
            throw texts.error(INVALID, "license.decision.date", "decisionDate", d, accepted, c.at().toLocalDate());
        }
    }

    /** 许可法 38(2): a refusal tells the applicant the remedies, with the full legal periods. */
    private void remedies(TransitionCheck c) {
        long days = Long.parseLong(c.value("reconsiderationDays").orElseThrow());
        if (days < cfg.reconsiderationDays()) {
            throw texts.error(INVALID, "license.remedy.reconsideration", "reconsiderationDays", days,
                    cfg.reconsiderationDays());
        }
        long months = Long.parseLong(c.value("litigationMonths").orElseThrow());
        if (months < cfg.litigationMonths()) {
            throw texts.error(INVALID, "license.remedy.litigation", "litigationMonths", months, cfg.litigationMonths());
        }
    }

    private void notAfterToday(TransitionCheck c, String field) {
        LocalDate d = c.date(field).orElseThrow();
        if (d.isAfter(c.at().toLocalDate())) {
            throw texts.error(INVALID, "license.date.future", field, d);
        }
    }

    private void notBefore(TransitionCheck c, String field, Optional<LocalDate> earlier, String code) {
        LocalDate d = c.date(field).orElseThrow();
        if (earlier.isPresent() && d.isBefore(earlier.get())) {
            throw texts.error(INVALID, code, field, d, earlier.get());
        }
    }
}
