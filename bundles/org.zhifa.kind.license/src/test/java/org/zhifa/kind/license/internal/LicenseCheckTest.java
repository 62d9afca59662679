package org.zhifa.kind.license.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.zhifa.api.common.ZhifaException.Kind.CONFLICT;
import static org.zhifa.api.common.ZhifaException.Kind.INVALID;
import static org.zhifa.api.kind.CaseFacts.PartyType.ORGANISATION;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.zhifa.api.kind.CaseFacts;
import org.zhifa.testsupport.Configs;
import org.zhifa.testsupport.FixedWorkingDays;
import org.zhifa.testsupport.KindChecks;

/** The legal checks of 行政许可, both sides of every limit, over the 2026 Spring Festival. */
class LicenseCheckTest {

    private static final LocalDateTime APRIL = LocalDateTime.of(2026, 4, 1, 10, 0);
    private static final String REQUEST = LicenseProcedure.BASIS_REQUEST;
    private static final String STATUTORY = "法律、法规、规章规定应当听证（第四十六条）";

    private final LicenseKind kind = new LicenseKind(Configs.defaults(LicenseConfig.class));
    private final KindChecks checks = new KindChecks(kind, FixedWorkingDays.spring2026());

    @Test
    void acceptanceNotBeforeTheApplicationArt32() {
        checks.allowed(applied(), "accept", Map.of("acceptedOn", "2026-02-02"), APRIL);
        checks.refused(INVALID, "license.accept.order", "acceptedOn", applied(), "accept",
                Map.of("acceptedOn", "2026-02-01"), APRIL);
        checks.refused(INVALID, "license.accept.order", "nonAcceptanceOn", applied(), "notAccept",
                Map.of("nonAcceptanceOn", "2026-01-30", "nonAcceptanceReason", "申请事项不属于本机关职权范围",
                        "nonAcceptanceNote", "x"), APRIL);
    }

    /** Accepted Thu 2026-02-05: the 20 working days end on 2026-03-11. */
    @Test
    void extensionApprovedWithinTheTwentyWorkingDaysArt42() {
        checks.allowed(examining(), "extendDecisionPeriod", extension("2026-03-11", "2026-03-11"), APRIL);
        checks.refused(CONFLICT, "license.extension.late", "extensionApprovedOn", examining(), "extendDecisionPeriod",
                extension("2026-03-12", "2026-03-12"), APRIL);
    }

    @Test
    void extensionOnlyOnceArt42() {
        CaseFacts once = facts(List.of("accept", "examine", "extendDecisionPeriod"),
                Map.of("acceptedOn", "2026-02-05", "decisionExtended", "true"));
        checks.refused(CONFLICT, "license.extension.once", null, once, "extendDecisionPeriod",
                extension("2026-03-02", "2026-03-02"), APRIL);
    }

    @Test
    void extensionSetsItsFlagAndIsToldAfterApprovalArt42() {
        Map<String, String> noFlag = new HashMap<>(extension("2026-03-02", "2026-03-02"));
        noFlag.put("decisionExtended", "false");
        checks.refused(INVALID, "license.extension.flag", "decisionExtended", examining(), "extendDecisionPeriod",
                noFlag, APRIL);
        checks.refused(INVALID, "license.extension.notice", "extensionNotifiedOn", examining(), "extendDecisionPeriod",
                extension("2026-03-02", "2026-02-27"), APRIL);
        checks.refused(INVALID, "license.extension.order", "extensionApprovedOn", examining(), "extendDecisionPeriod",
                extension("2026-02-04", "2026-02-04"), APRIL);
    }

    /** Told of the right Thu 2026-02-12: five working days end 2026-02-26. */
    @Test
    void hearingRequestedWithinFiveWorkingDaysArt47() {
        checks.allowed(examining(), "scheduleHearing", hearing(REQUEST, "2026-02-12", "2026-02-26", "2026-03-02",
                "2026-03-11T09:00"), APRIL);
        checks.refused(INVALID, "license.hearing.request.late", "hearingRequestedOn", examining(), "scheduleHearing",
                hearing(REQUEST, "2026-02-12", "2026-02-27", "2026-03-02", "2026-03-11T09:00"), APRIL);
        checks.refused(INVALID, "license.hearing.request.order", "hearingRequestedOn", examining(), "scheduleHearing",
                hearing(REQUEST, "2026-02-12", "2026-02-11", "2026-03-02", "2026-03-11T09:00"), APRIL);
    }

    /** Requested 2026-02-26: the hearing is held by 2026-03-25 (20 working days). */
    @Test
    void hearingHeldWithinTwentyWorkingDaysOfTheRequestArt47() {
        checks.allowed(examining(), "scheduleHearing", hearing(REQUEST, "2026-02-12", "2026-02-26", "2026-03-02",
                "2026-03-25T09:00"), APRIL);
        checks.refused(INVALID, "license.hearing.organise.late", "hearingAt", examining(), "scheduleHearing",
                hearing(REQUEST, "2026-02-12", "2026-02-26", "2026-03-02", "2026-03-26T09:00"), APRIL);
    }

    @Test
    void hearingOnRequestNeedsItsDatesArt47() {
        Map<String, String> h = new HashMap<>(hearing(REQUEST, "2026-02-12", "2026-02-26", "2026-03-02",
                "2026-03-11T09:00"));
        h.remove("hearingRightNotifiedOn");
        checks.refused(INVALID, "license.hearing.told.missing", "hearingRightNotifiedOn", examining(),
                "scheduleHearing", h, APRIL);
        h.put("hearingRightNotifiedOn", "2026-02-12");
        h.remove("hearingRequestedOn");
        checks.refused(INVALID, "license.hearing.request.missing", "hearingRequestedOn", examining(),
                "scheduleHearing", h, APRIL);
        // a hearing the law prescribes (46) has no request
        Map<String, String> statutory = new HashMap<>(h);
        statutory.put("hearingBasis", STATUTORY);
        statutory.remove("hearingRightNotifiedOn");
        checks.allowed(examining(), "scheduleHearing", statutory, APRIL);
    }

    /** Notice Tue 2026-02-24: seven working days end Wed 2026-03-04. */
    @Test
    void hearingNoticeSevenWorkingDaysAheadArt48() {
        checks.allowed(examining(), "scheduleHearing", hearing(STATUTORY, null, null, "2026-02-24",
                "2026-03-04T09:00"), APRIL);
        checks.refused(INVALID, "license.hearing.notice.short", "hearingAt", examining(), "scheduleHearing",
                hearing(STATUTORY, null, null, "2026-02-24", "2026-03-03T09:00"), APRIL);
    }

    @Test
    void decisionBetweenAcceptanceAndTodayArt42() {
        checks.allowed(examining(), "grant", grant("2026-02-05"), APRIL);
        checks.refused(INVALID, "license.decision.date", "decisionDate", examining(), "grant", grant("2026-02-04"), APRIL);
        checks.refused(INVALID, "license.decision.date", "decisionDate", examining(), "grant", grant("2026-04-02"), APRIL);
        checks.allowed(examining(), "grant", grant("2026-04-01"), APRIL);
    }

    /** 许可法 38(2): a refusal states the remedies, with no less than the legal periods. */
    @Test
    void refusalStatesTheRemediesArt38() {
        checks.allowed(examining(), "refuse", refusal("60", "6"), APRIL);
        checks.refused(INVALID, "license.remedy.reconsideration", "reconsiderationDays", examining(), "refuse",
                refusal("59", "6"), APRIL);
        checks.refused(INVALID, "license.remedy.litigation", "litigationMonths", examining(), "refuse",
                refusal("60", "5"), APRIL);
    }

    @Test
    void certificateAfterTheDecisionArt44() {
        CaseFacts granted = facts(List.of("accept", "examine", "grant"),
                Map.of("acceptedOn", "2026-02-05", "decisionDate", "2026-02-12"));
        checks.allowed(granted, "issue", Map.of("issuedOn", "2026-02-12", "certificateNo", "C-1",
                "serviceRecipient", "王五"), APRIL);
        checks.refused(INVALID, "license.issue.order", "issuedOn", granted, "issue", Map.of("issuedOn", "2026-02-11",
                "certificateNo", "C-1", "serviceRecipient", "王五"), APRIL);
    }

    @Test
    void refusalServedAfterTheDecisionArt38() {
        CaseFacts refused = facts(List.of("accept", "examine", "refuse"),
                Map.of("acceptedOn", "2026-02-05", "decisionDate", "2026-02-12"));
        checks.refused(INVALID, "license.service.order", "servedOn", refused, "serveRefusal",
                Map.of("servedOn", "2026-02-11", "serviceMethod", "直接送达", "serviceRecipient", "王五"), APRIL);
    }

    @Test
    void verificationNotInTheFutureArt34() {
        checks.allowed(examining(), "concludeVerification", Map.of("verifiedOn", "2026-04-01",
                "verificationRecord", "x"), APRIL);
        checks.refused(INVALID, "license.date.future", "verifiedOn", examining(), "concludeVerification",
                Map.of("verifiedOn", "2026-04-02", "verificationRecord", "x"), APRIL);
    }

    @Test
    void hearingMakesTheDecisionMajorV1() {
        assertEquals(1, kind.majorReasons(facts(List.of("accept", "examine", "scheduleHearing"), Map.of())).size());
        assertEquals(List.of(), kind.majorReasons(facts(List.of("accept", "examine"), Map.of())));
        LicenseKind off = new LicenseKind(Configs.of(LicenseConfig.class, Map.of("majorOnHearing", false)));
        assertEquals(List.of(), off.majorReasons(facts(List.of("accept", "examine", "scheduleHearing"), Map.of())));
    }

    private static CaseFacts facts(List<String> taken, Map<String, String> fields) {
        Map<String, String> all = new HashMap<>(Map.of("item", "建设用地规划许可", "appliedOn", "2026-02-02"));
        all.putAll(fields);
        return KindChecks.facts("license", ORGANISATION, false, "applied", LocalDate.of(2026, 2, 2), taken, all);
    }

    private static CaseFacts applied() {
        return facts(List.of(), Map.of());
    }

    private static CaseFacts examining() {
        return facts(List.of("accept", "examine"), Map.of("acceptedOn", "2026-02-05"));
    }

    private static Map<String, String> extension(String approved, String notified) {
        return Map.of("decisionExtended", "true", "extensionReason", "需征求相关部门意见",
                "extensionApprovedOn", approved, "extensionNotifiedOn", notified);
    }

    private static Map<String, String> hearing(String basis, String told, String requested, String notice, String at) {
        Map<String, String> m = new HashMap<>(Map.of("hearingBasis", basis, "hearingNoticeOn", notice, "hearingAt", at,
                "hearingPlace", "局三楼会议室", "hearingHost", "赵六"));
        if (told != null) {
            m.put("hearingRightNotifiedOn", told);
        }
        if (requested != null) {
            m.put("hearingRequestedOn", requested);
        }
        return m;
    }

    private static Map<String, String> grant(String date) {
        return Map.of("decisionDate", date, "licenceContent", "准予使用国有建设用地", "legalBasis", "《土地管理法》第五十四条");
    }

    private static Map<String, String> refusal(String days, String months) {
        return Map.of("decisionDate", "2026-03-02", "refusalReasons", "不符合土地利用总体规划",
                "legalBasis", "《行政许可法》第三十八条", "reconsiderationBody", "衡阳县人民政府", "reconsiderationDays", days,
                "litigationCourt", "衡阳县人民法院", "litigationMonths", months);
    }
}
