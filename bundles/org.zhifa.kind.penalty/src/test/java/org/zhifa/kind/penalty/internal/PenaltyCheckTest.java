package org.zhifa.kind.penalty.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zhifa.api.common.ZhifaException.Kind.CONFLICT;
import static org.zhifa.api.common.ZhifaException.Kind.INVALID;
import static org.zhifa.api.kind.CaseFacts.PartyType.ORGANISATION;
import static org.zhifa.api.kind.CaseFacts.PartyType.PERSON;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.kind.CaseFacts;
import org.zhifa.api.kind.CaseFacts.PartyType;
import org.zhifa.testsupport.Configs;
import org.zhifa.testsupport.FixedWorkingDays;
import org.zhifa.testsupport.KindChecks;

/** The legal checks of 行政处罚, both sides of every limit; the calendar is the 2026 Spring Festival. */
class PenaltyCheckTest {

    private static final LocalDate FILED = LocalDate.of(2026, 1, 5);
    private static final LocalDateTime MARCH = LocalDateTime.of(2026, 3, 20, 10, 0);

    private final PenaltyKind kind = new PenaltyKind(Configs.defaults(PenaltyConfig.class));
    private final KindChecks checks = new KindChecks(kind, FixedWorkingDays.spring2026());

    // ---- simple procedure, 处罚法 51 -------------------------------------------------------------

    @Test
    void onSpotFineOnCitizenUpTo200Art51() {
        checks.allowed(simple(PERSON), "decideOnSpot", onSpot("罚款", "200.00"), MARCH);
        checks.refused(INVALID, "penalty.simple.limit.person", "fineAmount", simple(PERSON), "decideOnSpot",
                onSpot("罚款", "200.01"), MARCH);
    }

    @Test
    void onSpotFineOnOrganisationUpTo3000Art51() {
        checks.allowed(simple(ORGANISATION), "decideOnSpot", onSpot("罚款", "3000.00"), MARCH);
        checks.refused(INVALID, "penalty.simple.limit.organisation", "fineAmount", simple(ORGANISATION),
                "decideOnSpot", onSpot("罚款", "3000.01"), MARCH);
        // the citizen's limit is not the organisation's
        checks.allowed(simple(ORGANISATION), "decideOnSpot", onSpot("罚款", "200.01"), MARCH);
    }

    @Test
    void onSpotWarningOrFineOnlyArt51() {
        checks.allowed(simple(PERSON), "decideOnSpot", onSpot("警告", null), MARCH);
        checks.refused(INVALID, "penalty.simple.type", "penaltyType", simple(PERSON), "decideOnSpot",
                onSpot("没收违法所得", null), MARCH);
        checks.refused(INVALID, "penalty.amount.required", "fineAmount", simple(PERSON), "decideOnSpot",
                onSpot("罚款", null), MARCH);
        checks.refused(INVALID, "penalty.amount.required", "fineAmount", simple(PERSON), "decideOnSpot",
                onSpot("罚款", "0.00"), MARCH);
    }

    @Test
    void onSpotLimitIsConfigurableArt51() {
        PenaltyKind province = new PenaltyKind(Configs.of(PenaltyConfig.class, Map.of("simpleFineLimitPerson", "500")));
        KindChecks c = new KindChecks(province, FixedWorkingDays.spring2026());
        c.allowed(simple(PERSON), "decideOnSpot", onSpot("罚款", "500.00"), MARCH);
        c.refused(INVALID, "penalty.simple.limit.person", "fineAmount", simple(PERSON), "decideOnSpot",
                onSpot("罚款", "500.01"), MARCH);
    }

    // ---- hearing, 处罚法 64 ----------------------------------------------------------------------

    /** Notified Thu 2026-02-12: five working days are 13, 14 (调休), 24, 25, 26 February. */
    @Test
    void hearingRequestWithinFiveWorkingDaysArt64() {
        checks.allowed(notified(true), "scheduleHearing", hearing("2026-02-26", "2026-02-26", "2026-03-09T09:00"), MARCH);
        ZhifaException x = checks.refused(INVALID, "penalty.hearing.request.late", "hearingRequestedOn", notified(true),
                "scheduleHearing", hearing("2026-02-27", "2026-02-27", "2026-03-10T09:00"), MARCH);
        assertTrue(x.messageZh().contains("2026-02-26"), x.messageZh());
        checks.refused(INVALID, "penalty.hearing.request.early", "hearingRequestedOn", notified(true),
                "scheduleHearing", hearing("2026-02-11", "2026-02-26", "2026-03-09T09:00"), MARCH);
    }

    /** Notice Tue 2026-02-24: seven working days are 25, 26, 27, 28 (调休), 2, 3, 4 March. */
    @Test
    void hearingNoticeSevenWorkingDaysAheadArt64() {
        checks.allowed(notified(true), "scheduleHearing", hearing("2026-02-24", "2026-02-24", "2026-03-04T09:00"), MARCH);
        checks.refused(INVALID, "penalty.hearing.notice.short", "hearingAt", notified(true), "scheduleHearing",
                hearing("2026-02-24", "2026-02-24", "2026-03-03T15:00"), MARCH);
        checks.refused(INVALID, "penalty.hearing.notice.early", "hearingNoticeOn", notified(true), "scheduleHearing",
                hearing("2026-02-24", "2026-02-23", "2026-03-04T09:00"), MARCH);
    }

    @Test
    void hearingChecksAlsoAfterAStatementArt64() {
        checks.refused(INVALID, "penalty.hearing.request.late", "hearingRequestedOn",
                notified(true, "hearStatement"), "scheduleHearingAfterStatement",
                hearing("2026-02-27", "2026-02-27", "2026-03-10T09:00"), MARCH);
    }

    /** 处罚法 62, 64: no decision while the party may still ask for a hearing, unless waived. */
    @Test
    void noDecisionWhileTheHearingWindowIsOpenArt62And64() {
        Map<String, String> d = with(decision("罚款", "5000"), "decisionDate", "2026-02-26");
        checks.refused(CONFLICT, "penalty.hearing.window.open", null, notified(true), "decide", d,
                LocalDateTime.of(2026, 2, 26, 17, 0));
        checks.allowed(notified(true), "decide", d, LocalDateTime.of(2026, 2, 27, 9, 0));
        checks.refused(CONFLICT, "penalty.hearing.window.open", null, notified(true), "submitLegalReview",
                Map.of("reviewSubmittedOn", "2026-02-13"), LocalDateTime.of(2026, 2, 13, 9, 0));
        Map<String, String> waived = new HashMap<>(d);
        waived.put("partyWaived", "true");
        waived.put("decisionDate", "2026-02-13");
        checks.allowed(notified(true), "decide", waived, LocalDateTime.of(2026, 2, 13, 9, 0));
        Map<String, String> early = new HashMap<>(d);
        early.put("decisionDate", "2026-02-13");
        checks.allowed(notified(false), "decide", early, LocalDateTime.of(2026, 2, 13, 9, 0));
    }

    @Test
    void statementMayBeHeardWhileTheHearingWindowIsOpenArt45() {
        checks.allowed(notified(true), "hearStatement", Map.of("statementOn", "2026-02-13", "statement", "初次违法",
                "statementAdopted", "false", "statementReply", "不予采纳"), LocalDateTime.of(2026, 2, 13, 9, 0));
        checks.refused(CONFLICT, "penalty.hearing.window.open", null, notified(true, "hearStatement"),
                "decideAfterStatement", with(decision("罚款", "5000"), "decisionDate", "2026-02-13"),
                LocalDateTime.of(2026, 2, 13, 9, 0));
    }

    @Test
    void closingNotBeforePerformanceArt60() {
        Map<String, String> m = new HashMap<>(decidedFields("罚款", "1000"));
        m.put("performedOn", "2026-03-05");
        CaseFacts executed = facts(PERSON, false, List.of("serve", "recordPerformance"), m);
        checks.allowed(executed, "close", Map.of("closedOn", "2026-03-05", "closingSummary", "已履行"), MARCH);
        checks.refused(INVALID, "penalty.closing.order", "closedOn", executed, "close",
                Map.of("closedOn", "2026-03-04", "closingSummary", "已履行"), MARCH);
    }

    // ---- 处罚法 45 and 44: no heavier penalty than notified ---------------------------------------

    @Test
    void noHeavierFineAfterStatementArt45() {
        CaseFacts f = notified(false, "hearStatement");
        checks.allowed(f, "decideAfterStatement", decision("罚款", "5000.00"), MARCH);
        checks.allowed(f, "decideAfterStatement", decision("罚款", "4000.00"), MARCH);
        checks.allowed(f, "decideAfterStatement", decision("警告", null), MARCH);
        ZhifaException x = checks.refused(CONFLICT, "penalty.heavier.after.statement", "penaltyType", f,
                "decideAfterStatement", decision("罚款", "5000.01"), MARCH);
        assertTrue(x.messageZh().contains("第四十五条"), x.messageZh());
    }

    @Test
    void noHeavierTypeAfterStatementArt45() {
        checks.refused(CONFLICT, "penalty.heavier.after.statement", "penaltyType", notified(false, "hearStatement"),
                "decideAfterStatement", decision("吊销许可证件", null), MARCH);
    }

    @Test
    void noHeavierPenaltyAfterHearingArt45() {
        CaseFacts f = notified(true, "scheduleHearing", "concludeHearing", "submitDiscussion");
        checks.refused(CONFLICT, "penalty.heavier.after.statement", "penaltyType", f, "decideAfterDiscussion",
                with(decision("罚款", "6000"), "discussionConclusion", "维持"), MARCH);
        checks.allowed(f, "decideAfterDiscussion", with(decision("罚款", "5000"), "discussionConclusion", "维持"), MARCH);
    }

    @Test
    void heavierThanNotifiedWithoutStatementNeedsNewNoticeArt44() {
        checks.refused(CONFLICT, "penalty.heavier.than.notified", "penaltyType", notified(false), "decide",
                decision("罚款", "5000.01"), MARCH);
    }

    // ---- the decision, 处罚法 57, 59, 60 -----------------------------------------------------------

    @Test
    void decisionAmountMatchesItsTypeArt59() {
        checks.refused(INVALID, "penalty.amount.required", "fineAmount", notified(false), "decide",
                decision("罚款", null), MARCH);
        checks.refused(INVALID, "penalty.amount.required", "confiscatedAmount", notified(false), "decide",
                decision("没收违法所得", null), MARCH);
        checks.refused(INVALID, "penalty.amount.negative", "confiscatedAmount", notified(false), "decide",
                with(decision("警告", null), "confiscatedAmount", "-1.00"), MARCH);
    }

    @Test
    void decisionDateBetweenFilingAndTodayArt60() {
        checks.allowed(notified(false), "decide", with(decision("罚款", "100"), "decisionDate", "2026-03-20"), MARCH);
        checks.refused(INVALID, "penalty.decision.date", "decisionDate", notified(false), "decide",
                with(decision("罚款", "100"), "decisionDate", "2026-03-21"), MARCH);
        checks.refused(INVALID, "penalty.decision.date", "decisionDate", notified(false), "decide",
                with(decision("罚款", "100"), "decisionDate", "2026-01-04"), MARCH);
        checks.allowed(notified(false), "decide", with(decision("罚款", "100"), "decisionDate", "2026-01-05"), MARCH);
    }

    @Test
    void remedyPeriodsNotShorterThanTheLawArt59() {
        checks.refused(INVALID, "penalty.remedy.reconsideration", "reconsiderationDays", notified(false), "decide",
                with(decision("罚款", "100"), "reconsiderationDays", "59"), MARCH);
        checks.refused(INVALID, "penalty.remedy.litigation", "litigationMonths", notified(false), "decide",
                with(decision("罚款", "100"), "litigationMonths", "5"), MARCH);
        checks.refused(INVALID, "penalty.remedy.reconsideration", "reconsiderationDays", simple(PERSON), "decideOnSpot",
                with(onSpot("警告", null), "reconsiderationDays", "30"), MARCH);
    }

    /** 处罚法 57 para 2: a major decision is made after collective discussion. */
    @Test
    void majorDecisionNeedsCollectiveDiscussionArt57() {
        CaseFacts f = notified(false);
        Map<String, String> big = with(decision("罚款", "10000.00"), "fineAmount", "10000.00");
        CaseFacts bigNotice = facts(PERSON, false, List.of("investigate", "concludeInvestigation", "notify"),
                notice("罚款", "10000.00", false));
        checks.allowed(f, "decide", decision("罚款", "5000"), MARCH);
        checks.refused(CONFLICT, "penalty.discussion.required", null, bigNotice, "decide", big, MARCH);
        checks.allowed(bigNotice, "decideAfterDiscussion", with(big, "discussionConclusion", "同意"), MARCH);
        PenaltyKind off = new PenaltyKind(Configs.of(PenaltyConfig.class, Map.of("discussionForMajor", false)));
        new KindChecks(off, FixedWorkingDays.spring2026()).allowed(bigNotice, "decide", big, MARCH);
    }

    // ---- service 61, performance 67 and 72, preservation 56 -----------------------------------------

    @Test
    void serviceAfterTheDecisionArt61() {
        CaseFacts f = decided("罚款", "1000");
        checks.allowed(f, "serve", service("2026-03-02", "直接送达"), MARCH);
        checks.refused(INVALID, "penalty.service.order", "servedOn", f, "serve", service("2026-02-27", "直接送达"), MARCH);
    }

    @Test
    void electronicServiceNeedsConsentArt61() {
        CaseFacts f = decided("罚款", "1000");
        checks.refused(INVALID, "penalty.service.electronic", "electronicConsent", f, "serve",
                service("2026-03-02", "电子送达"), MARCH);
        checks.allowed(f, "serve", with(service("2026-03-02", "电子送达"), "electronicConsent", "true"), MARCH);
    }

    /** Served 2026-02-01: last day 2026-02-16 is in the holiday, so 2026-02-24; paid 02-25 = one day late. */
    @Test
    void surchargeAtMostThreePercentADayArt72() {
        CaseFacts f = served("1000.00", "2026-02-01");
        checks.allowed(f, "recordPerformance", paid("2026-02-25", "1000.00", "30.00"), MARCH);
        checks.refused(INVALID, "penalty.surcharge.excess", "surcharge", f, "recordPerformance",
                paid("2026-02-25", "1000.00", "30.01"), MARCH);
        checks.refused(INVALID, "penalty.surcharge.excess", "surcharge", f, "recordPerformance",
                paid("2026-02-24", "1000.00", "0.01"), MARCH);
        checks.allowed(f, "recordPerformance", paid("2026-02-24", "1000.00", null), MARCH);
        checks.allowed(f, "recordPerformance", paid("2026-12-31", "1000.00", "1000.00"), MARCH);
        checks.refused(INVALID, "penalty.surcharge.excess", "surcharge", f, "recordPerformance",
                paid("2026-12-31", "1000.00", "1000.01"), MARCH);
    }

    @Test
    void paidInFullMeansTheWholeFineArt67() {
        CaseFacts f = served("1000.00", "2026-03-02");
        checks.refused(INVALID, "penalty.paid.short", "paidAmount", f, "recordPerformance",
                paid("2026-03-05", "999.99", null), MARCH);
        checks.refused(INVALID, "penalty.performance.order", "performedOn", f, "recordPerformance",
                paid("2026-03-01", "1000.00", null), MARCH);
    }

    @Test
    void noSurchargeWithoutAFineArt72() {
        Map<String, String> fields = new HashMap<>(decidedFields("警告", null));
        fields.put("servedOn", "2026-03-02");
        CaseFacts f = facts(PERSON, false, List.of("serve"), fields);
        checks.refused(INVALID, "penalty.surcharge.nofine", "surcharge", f, "recordPerformance",
                Map.of("performedOn", "2026-03-03", "performance", "全部履行", "surcharge", "1.00"), MARCH);
        checks.allowed(f, "recordPerformance", Map.of("performedOn", "2026-03-03", "performance", "全部履行"), MARCH);
    }

    @Test
    void preservationDisposedAfterItWasPreservedArt56() {
        CaseFacts f = facts(PERSON, false, List.of("investigate", "preserve"), Map.of("preservedOn", "2026-02-10"));
        checks.allowed(f, "disposePreserved", Map.of("disposedOn", "2026-02-10", "disposition", "解除先行登记保存"), MARCH);
        checks.refused(INVALID, "penalty.preservation.order", "disposedOn", f, "disposePreserved",
                Map.of("disposedOn", "2026-02-09", "disposition", "解除先行登记保存"), MARCH);
    }

    @Test
    void noticeNotBeforeFilingArt44() {
        CaseFacts f = facts(PERSON, false, List.of("investigate", "concludeInvestigation"), Map.of());
        checks.allowed(f, "notify", notice("罚款", "100", false), MARCH);
        checks.refused(INVALID, "penalty.notice.order", "notifiedOn", f, "notify",
                with(notice("罚款", "100", false), "notifiedOn", "2026-01-04"), MARCH);
        checks.refused(INVALID, "penalty.amount.required", "proposedFine", f, "notify",
                notice("罚款", null, false), MARCH);
    }

    // ---- V1 major decisions --------------------------------------------------------------------

    @Test
    void majorFineThresholdsV1() {
        assertEquals(List.of(), kind.majorReasons(fined(PERSON, "9999.99")));
        assertEquals(1, kind.majorReasons(fined(PERSON, "10000.00")).size());
        assertEquals(List.of(), kind.majorReasons(fined(ORGANISATION, "99999.99")));
        assertEquals(1, kind.majorReasons(fined(ORGANISATION, "100000.00")).size());
        assertTrue(kind.majorReasons(fined(ORGANISATION, "100000.00")).get(0).contains("100000"));
    }

    @Test
    void majorByTypeAndHearingV1() {
        assertEquals(1, kind.majorReasons(facts(PERSON, false, List.of(), Map.of("penaltyType", "责令停产停业"))).size());
        assertEquals(1, kind.majorReasons(facts(PERSON, false, List.of(), Map.of("penaltyType", "吊销许可证件"))).size());
        assertEquals(1, kind.majorReasons(facts(PERSON, false, List.of("scheduleHearing"), Map.of("penaltyType", "警告"))).size());
        assertEquals(List.of(), kind.majorReasons(facts(PERSON, false, List.of("hearStatement"), Map.of("penaltyType", "警告"))));
        // before the decision, the notified proposal counts
        assertEquals(1, kind.majorReasons(facts(PERSON, false, List.of(), Map.of("proposedType", "罚款",
                "proposedFine", "20000"))).size());
    }

    @Test
    void theDecisionNotTheProposalCountsOnceDecidedV1() {
        assertEquals(List.of(), kind.majorReasons(facts(PERSON, false, List.of(), Map.of("proposedType", "罚款",
                "proposedFine", "20000", "penaltyType", "警告"))));
        assertEquals(1, kind.majorReasons(facts(PERSON, false, List.of(), Map.of("proposedType", "警告",
                "penaltyType", "罚款", "fineAmount", "10000"))).size());
    }

    @Test
    void majorRulesAreConfigurableV1() {
        PenaltyKind mild = new PenaltyKind(Configs.of(PenaltyConfig.class, Map.of("majorOnHearing", false,
                "majorOnRevocation", false, "majorFinePerson", "50000")));
        assertEquals(List.of(), mild.majorReasons(facts(PERSON, false, List.of("scheduleHearing"),
                Map.of("penaltyType", "吊销许可证件"))));
        assertEquals(List.of(), mild.majorReasons(fined(PERSON, "49999.99")));
        assertEquals(1, mild.majorReasons(fined(PERSON, "50000")).size());
    }

    // ---- builders ------------------------------------------------------------------------------

    private static CaseFacts facts(PartyType party, boolean simple, List<String> taken, Map<String, String> fields) {
        Map<String, String> all = new HashMap<>(Map.of("cause", "未经批准占用土地"));
        all.putAll(fields);
        return KindChecks.facts("penalty", party, simple, "filed", FILED, taken, all);
    }

    private static CaseFacts simple(PartyType party) {
        return facts(party, true, List.of(), Map.of());
    }

    private static CaseFacts fined(PartyType party, String fine) {
        return facts(party, false, List.of(), Map.of("penaltyType", "罚款", "fineAmount", fine));
    }

    /** Notified of a 5000 元 fine on Thu 2026-02-12, then the given transitions. */
    private static CaseFacts notified(boolean hearingRight, String... more) {
        List<String> taken = new java.util.ArrayList<>(List.of("investigate", "concludeInvestigation", "notify"));
        taken.addAll(List.of(more));
        return facts(PERSON, false, taken, notice("罚款", "5000.00", hearingRight));
    }

    private static Map<String, String> notice(String type, String fine, boolean hearingRight) {
        Map<String, String> m = new HashMap<>(Map.of("proposedType", type, "proposedBasis", "《土地管理法》第七十七条",
                "notifiedOn", "2026-02-12", "hearingRight", String.valueOf(hearingRight)));
        if (fine != null) {
            m.put("proposedFine", fine);
        }
        return m;
    }

    private static CaseFacts decided(String type, String fine) {
        return facts(PERSON, false, List.of("investigate", "concludeInvestigation", "notify", "decide"),
                decidedFields(type, fine));
    }

    private static Map<String, String> decidedFields(String type, String fine) {
        Map<String, String> m = new HashMap<>(decision(type, fine));
        m.put("decisionDate", "2026-02-28");
        return m;
    }

    private static CaseFacts served(String fine, String servedOn) {
        Map<String, String> m = new HashMap<>(decidedFields("罚款", fine));
        m.put("decisionDate", "2026-01-30");
        m.put("servedOn", servedOn);
        return facts(PERSON, false, List.of("investigate", "concludeInvestigation", "notify", "decide", "serve"), m);
    }

    private static Map<String, String> onSpot(String type, String fine) {
        Map<String, String> m = new HashMap<>(Map.of("penaltyType", type, "facts", "在耕地上堆放杂物",
                "legalBasis", "《土地管理法实施条例》", "decisionDate", "2026-03-20", "decisionPlace", "某村",
                "reconsiderationBody", "衡阳县人民政府", "reconsiderationDays", "60", "litigationCourt", "衡阳县人民法院",
                "litigationMonths", "6"));
        if (fine != null) {
            m.put("fineAmount", fine);
        }
        return m;
    }

    private static Map<String, String> decision(String type, String fine) {
        Map<String, String> m = new HashMap<>(Map.of("penaltyType", type, "legalBasis", "《土地管理法》第七十七条",
                "performanceManner", "缴至指定银行", "reconsiderationBody", "衡阳县人民政府",
                "reconsiderationDays", "60", "litigationCourt", "衡阳县人民法院", "litigationMonths", "6",
                "decisionDate", "2026-03-20"));
        if (fine != null) {
            m.put("fineAmount", fine);
        }
        return m;
    }

    private static Map<String, String> hearing(String requested, String notice, String at) {
        return Map.of("hearingRequestedOn", requested, "hearingNoticeOn", notice, "hearingAt", at,
                "hearingPlace", "局三楼会议室", "hearingHost", "李四", "hearingPublic", "true");
    }

    private static Map<String, String> service(String servedOn, String method) {
        return Map.of("servedOn", servedOn, "serviceMethod", method, "serviceRecipient", "张三");
    }

    private static Map<String, String> paid(String on, String amount, String surcharge) {
        Map<String, String> m = new HashMap<>(Map.of("performedOn", on, "performance", "全部履行", "paidAmount", amount));
        if (surcharge != null) {
            m.put("surcharge", surcharge);
        }
        return m;
    }

    private static Map<String, String> with(Map<String, String> base, String key, String value) {
        Map<String, String> m = new HashMap<>(base);
        m.put(key, value);
        return m;
    }
}
