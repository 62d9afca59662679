package org.zhifa.kind.inspection.internal;

import static org.zhifa.api.common.ZhifaException.Kind.CONFLICT;
import static org.zhifa.api.common.ZhifaException.Kind.INVALID;
import static org.zhifa.kind.inspection.internal.InspectionProcedure.*;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;
import org.zhifa.api.kind.DisclosureRule;
import org.zhifa.api.kind.EnforcementKind;
import org.zhifa.api.kind.Procedure;
import org.zhifa.api.kind.TransitionCheck;

/** 行政检查 (administrative inspection), filed by hand or by a 双随机 draw. */
@Component(service = EnforcementKind.class, property = EnforcementKind.PROPERTY_KIND + "=" + InspectionKind.ID,
        configurationPid = "org.zhifa.kind.inspection")
@Designate(ocd = InspectionConfig.class)
public final class InspectionKind implements EnforcementKind {

    static final String ID = "inspection";

    private final InspectionConfig config;
    private final Procedure procedure;

    @Activate
    public InspectionKind(InspectionConfig config) {
        if (config.minOfficers() < 2 || config.disclosureWorkingDays() < 1) {
            // 行政处罚法 42 sets two officers as the floor; a province may ask for more, never fewer
            throw new IllegalArgumentException("org.zhifa.kind.inspection: minOfficers >= 2, disclosureWorkingDays >= 1");
        }
        this.config = config;
        this.procedure = InspectionProcedure.build(config);
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
        return "检";
    }

    @Override
    public Procedure procedure() {
        return procedure;
    }

    /** D3, S4: results (双随机 ones included) within 20 working days of the inspection's end. */
    /** The inspection result (合格, 责令整改, 移送立案) is the decision published (D3, S4). */
    @Override
    public org.zhifa.api.kind.DecisionFacts decisionFacts(org.zhifa.api.kind.CaseFacts f) {
        return new org.zhifa.api.kind.DecisionFacts(f.text("result").map(List::of).orElse(List.of()),
                java.util.Optional.empty(), java.util.Optional.empty(), false);
    }

    @Override
    public DisclosureRule disclosure() {
        return new DisclosureRule(RESULT, config.disclosureWorkingDays(), List.of("source", "drawId", "inspectionItem",
                "inspectionBasis", "endedOn", "result", "findings"), "endedOn");
    }

    @Override
    public void check(TransitionCheck c) {
        LocalDate today = c.at().toLocalDate();
        switch (c.transition().id()) {
            case INSPECT -> {
                certificatesShown(c);
                LocalDateTime started = c.dateTime("startedAt").orElse(c.at());
                if (started.isAfter(c.at())) {
                    throw TEXTS.error(INVALID, "inspection.field.future", "startedAt", started.toString(), c.at().toString());
                }
            }
            case RECORD_RESULT -> {
                LocalDate ended = requireDate(c, "endedOn");
                if (ended.isAfter(today)) {
                    throw TEXTS.error(INVALID, "inspection.field.future", "endedOn", ended.toString(), today.toString());
                }
                c.dateTime("startedAt").map(LocalDateTime::toLocalDate).filter(ended::isBefore).ifPresent(s -> {
                    throw TEXTS.error(INVALID, "inspection.result.before-start", "endedOn", s.toString());
                });
            }
            case ORDER_RECTIFICATION -> {
                requireResult(c, RESULT_RECTIFY);
                checkDeadline(c, today);
            }
            case ORDER_AGAIN -> {
                requireFollowUp(c, FOLLOW_UP_NOT_DONE);
                checkDeadline(c, today);
            }
            case REFER -> requireResult(c, RESULT_REFER);
            case CLOSE_PASSED -> requireResult(c, RESULT_PASSED);
            case START_FOLLOW_UP -> checkFollowUp(c, today);
            case CLOSE_RECTIFIED -> requireFollowUp(c, FOLLOW_UP_DONE);
            case REFER_AFTER_FOLLOW_UP -> requireFollowUp(c, FOLLOW_UP_NOT_DONE);
            default -> { }
        }
    }

    /** 土地管理法 69, 行政处罚法 55: officers show their certificates when they inspect. */
    private static void certificatesShown(TransitionCheck c) {
        if (!c.flag("certificatesShown")) {
            throw TEXTS.error(CONFLICT, "inspection.certificates", null);
        }
    }

    /** 行政处罚法 28: 限期改正 — a deadline still ahead, served no later than today. */
    private static void checkDeadline(TransitionCheck c, LocalDate today) {
        LocalDate by = requireDate(c, "rectifyBy");
        if (!by.isAfter(today)) {
            throw TEXTS.error(INVALID, "inspection.rectify.deadline", "rectifyBy", by.toString(), today.toString());
        }
        LocalDate served = requireDate(c, "orderServedOn");
        if (served.isAfter(today)) {
            throw TEXTS.error(INVALID, "inspection.field.future", "orderServedOn", served.toString(), today.toString());
        }
    }

    /** 行政处罚法 28: the party has until the deadline, unless it reports the rectification done. */
    private static void checkFollowUp(TransitionCheck c, LocalDate today) {
        certificatesShown(c);
        LocalDate on = requireDate(c, "followUpOn");
        if (on.isAfter(today)) {
            throw TEXTS.error(INVALID, "inspection.field.future", "followUpOn", on.toString(), today.toString());
        }
        if (c.flag("partyReportedDone")) {
            LocalDate reported = requireDate(c, "partyReportedOn");
            if (reported.isAfter(on)) {
                throw TEXTS.error(INVALID, "inspection.follow-up.report-after", "partyReportedOn", reported.toString(), on.toString());
            }
        }
        LocalDate by = requireDate(c, "rectifyBy");
        if (!on.isAfter(by) && !c.flag("partyReportedDone")) {
            throw TEXTS.error(CONFLICT, "inspection.follow-up.early", null, by.toString());
        }
    }

    private static void requireResult(TransitionCheck c, String expected) {
        String result = c.value("result").orElse("");
        if (!expected.equals(result)) {
            throw TEXTS.error(CONFLICT, "inspection.result.mismatch", null, result, expected);
        }
    }

    private static void requireFollowUp(TransitionCheck c, String expected) {
        String result = c.value("followUpResult").orElse("");
        if (!expected.equals(result)) {
            throw TEXTS.error(CONFLICT, "inspection.follow-up.mismatch", null, result, expected);
        }
    }

    private static LocalDate requireDate(TransitionCheck c, String field) {
        return c.date(field).orElseThrow(() -> TEXTS.error(INVALID, "inspection.field.missing", field, field));
    }
}
