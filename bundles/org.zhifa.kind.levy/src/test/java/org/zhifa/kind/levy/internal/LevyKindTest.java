package org.zhifa.kind.levy.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zhifa.kind.levy.internal.LevyProcedure.*;
import static org.zhifa.testsupport.KindChecks.assertConflict;
import static org.zhifa.testsupport.KindChecks.assertInvalid;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.kind.TimerRule;
import org.zhifa.testsupport.CaseBuilder;
import org.zhifa.testsupport.Configs;
import org.zhifa.testsupport.KindChecks;
import org.zhifa.testsupport.ProcedureAssertions;

class LevyKindTest {

    static final LevyKind KIND = new LevyKind(Configs.defaults(LevyConfig.class));

    /** Pre-notice 2026-03-02 (Monday); plan published 2026-03-17, 30 days, registration until 2026-04-10. */
    static CaseBuilder noticed() {
        return new CaseBuilder(KIND).took(PRE_NOTICE, SURVEY, PLAN_NOTICE)
                .field("preNoticeOn", "2026-03-02").field("riskLevel", RISK_LOW)
                .field("planNoticeOn", "2026-03-17").field("noticeDays", "30").field("registrationDeadline", "2026-04-10");
    }

    static CaseBuilder agreed() {
        return noticed().took(FIX_PLAN, REGISTER, SIGN_AGREEMENTS).field("signedCount", "40")
                .field("unsignedCount", "0").field("feesInPlace", "true");
    }

    @Nested
    class Shape {
        @Test
        void procedureIsWellFormed() {
            ProcedureAssertions.assertWellFormed(KIND);
            ProcedureAssertions.assertEveryTransitionLeavesItsStep(KIND.procedure());
        }

        @Test
        void shippedConfigurationEqualsTheDefaults() throws IOException {
            Configs.assertShippedConfig(LevyConfig.class, "org.zhifa.kind.levy");
        }

        @Test
        void identity() {
            assertEquals("levy", KIND.id());
            assertEquals("征", KIND.numberCode());
        }

        @Test
        void timers() {
            List<TimerRule> t = KIND.procedure().timers();
            assertEquals(List.of(TIMER_PRE_NOTICE, TIMER_PLAN_NOTICE, TIMER_LEVY_NOTICE), t.stream().map(TimerRule::id).toList());
            assertEquals(10, t.get(0).length());
            assertEquals(TimerRule.DayCount.WORKING_DAYS, t.get(0).count());
            assertEquals(30, t.get(1).length());
            assertEquals(TimerRule.DayCount.CALENDAR_DAYS, t.get(1).count());
            assertTrue(t.get(1).basis().contains("第四十七条"));
            assertEquals(15, t.get(2).length());
            assertEquals(TimerRule.DayCount.WORKING_DAYS, t.get(2).count());
            var longer = new LevyKind(Configs.of(LevyConfig.class, Map.of("planNoticeDays", 45)));
            assertEquals(45, longer.procedure().timers().get(1).length());
        }

        /** R4: 听证 is recorded on audio/video; the list is configuration. */
        @Test
        void theHearingIsRecorded() {
            assertEquals(org.zhifa.api.kind.AvRule.REQUIRED, KIND.procedure().step(HEARING).orElseThrow().av());
            var none = new LevyKind(Configs.of(LevyConfig.class, Map.of("avRequired", "")));
            assertEquals(org.zhifa.api.kind.AvRule.NONE, none.procedure().step(HEARING).orElseThrow().av());
        }

        @Test
        void disclosure() {
            assertEquals(LEVY_NOTICED, KIND.disclosure().step());
            assertEquals(20, KIND.disclosure().workingDays());
            assertEquals(2, KIND.disclosures().size());
        }

        @Test
        void aBadConfigurationIsRefused() {
            assertThrows(IllegalArgumentException.class, () -> new LevyKind(Configs.of(LevyConfig.class,
                    Map.of("objectionMajorityPercent", 100))));
            assertThrows(IllegalArgumentException.class, () -> new LevyKind(Configs.of(LevyConfig.class,
                    Map.of("planNoticeDays", 0))));
        }

        @Test
        void everyRefusalTextExistsInBothLanguagesAndNamesItsArticle() throws IOException {
            KindChecks.assertRefusalTexts(LevyKind.class, "org/zhifa/kind/levy/internal/messages", "levy.");
        }
    }

    /** T7 — 土地管理法 47: the plan notice runs at least 30 days before the application. */
    @Nested
    class Application {
        @Test
        void refusedOnTheLastDayOfTheNoticeAllowedTheDayAfter() {
            // 2026-03-17 + 30 days = 2026-04-16, a Thursday
            ZhifaException e = assertConflict("levy.apply.notice-running", () -> agreed().check(APPLY, "2026-04-16T10:00",
                    "appliedOn", "2026-04-16", "applicationNo", "衡县政〔2026〕1号"));
            assertTrue(e.messageZh().contains("第四十七条") && e.messageZh().contains("2026-04-16"), e.messageZh());
            assertDoesNotThrow(() -> agreed().check(APPLY, "2026-04-17T10:00", "appliedOn", "2026-04-17",
                    "applicationNo", "衡县政〔2026〕1号"));
        }

        @Test
        void aNoticeEndingOnAHolidayRunsToTheNextWorkingDay() {
            // 2026-01-16 + 30 = 2026-02-15, inside the Spring Festival: the period ends 2026-02-24
            var c = agreed().field("preNoticeOn", "2025-12-15").field("planNoticeOn", "2026-01-16");
            assertConflict("levy.apply.notice-running", () -> c.check(APPLY, "2026-02-24T10:00", "appliedOn", "2026-02-24",
                    "applicationNo", "1"));
            assertDoesNotThrow(() -> c.check(APPLY, "2026-02-25T10:00", "appliedOn", "2026-02-25", "applicationNo", "1"));
        }

        @Test
        void theNoticePeriodIsConfigurable() {
            var kind = new LevyKind(Configs.of(LevyConfig.class, Map.of("planNoticeDays", 45)));
            var c = new CaseBuilder(kind).took(PRE_NOTICE, SURVEY, PLAN_NOTICE, FIX_PLAN, REGISTER, SIGN_AGREEMENTS)
                    .field("preNoticeOn", "2026-03-02").field("planNoticeOn", "2026-03-17").field("noticeDays", "45")
                    .field("unsignedCount", "0").field("feesInPlace", "true");
            // 2026-03-17 + 45 = 2026-05-01 (劳动节 is not in the test calendar; a Friday)
            assertConflict("levy.apply.notice-running", () -> c.check(APPLY, "2026-05-01T10:00", "appliedOn", "2026-05-01",
                    "applicationNo", "1"));
            assertDoesNotThrow(() -> c.check(APPLY, "2026-05-02T10:00", "appliedOn", "2026-05-02", "applicationNo", "1"));
        }

        @Test
        void aLongerPublishedNoticeIsHonoured() {
            var c = agreed().field("noticeDays", "40");
            // 2026-03-17 + 40 = 2026-04-26, a Sunday: ends Monday 2026-04-27
            assertConflict("levy.apply.notice-running", () -> c.check(APPLY, "2026-04-27T10:00", "appliedOn", "2026-04-27",
                    "applicationNo", "1"));
            assertDoesNotThrow(() -> c.check(APPLY, "2026-04-28T10:00", "appliedOn", "2026-04-28", "applicationNo", "1"));
        }

        @Test
        void costsMustBeSecured() {
            var c = agreed().field("feesInPlace", "false");
            assertConflict("levy.apply.fees", () -> c.check(APPLY, "2026-04-20T10:00", "appliedOn", "2026-04-20",
                    "applicationNo", "1"));
        }

        @Test
        void unsignedHoldersAreExplained() {
            var c = agreed().field("unsignedCount", "2");
            assertConflict("levy.apply.unsigned", () -> c.check(APPLY, "2026-04-20T10:00", "appliedOn", "2026-04-20",
                    "applicationNo", "1"));
            var explained = agreed().field("unsignedCount", "2").field("unsignedExplanation", "两户对安置地点有异议");
            assertDoesNotThrow(() -> explained.check(APPLY, "2026-04-20T10:00", "appliedOn", "2026-04-20",
                    "applicationNo", "1"));
        }

        @Test
        void anApplicationCannotBeDatedAhead() {
            assertInvalid("levy.field.future", "appliedOn", () -> agreed().check(APPLY, "2026-04-20T10:00",
                    "appliedOn", "2026-04-21", "applicationNo", "1"));
        }
    }

    /** 实施条例 26, 29: the pre-notice runs ten working days before the plan notice. */
    @Nested
    class Notices {
        final CaseBuilder surveyed = new CaseBuilder(KIND).took(PRE_NOTICE, SURVEY).field("preNoticeOn", "2026-03-02");

        String[] plan(String on, String days) {
            return new String[] {"planNoticeOn", on, "noticeDays", days, "registrationDeadline", "2026-04-30"};
        }

        @Test
        void tenWorkingDaysAfterThePreNotice() {
            // working days after Monday 2026-03-02: the tenth is Monday 2026-03-16
            assertConflict("levy.plan.pre-notice-running", () -> surveyed.check(PLAN_NOTICE, "2026-03-16T10:00",
                    plan("2026-03-16", "30")));
            assertDoesNotThrow(() -> surveyed.check(PLAN_NOTICE, "2026-03-17T10:00", plan("2026-03-17", "30")));
        }

        @Test
        void theSpringFestivalDoesNotCount() {
            // pre-notice Friday 2026-02-13: working days 14 (Sat, adjusted), 24, 25, 26, 27, 28 (Sat, adjusted), 3-02, 3-03, 3-04, 3-05
            var c = new CaseBuilder(KIND).took(PRE_NOTICE, SURVEY).field("preNoticeOn", "2026-02-13");
            assertConflict("levy.plan.pre-notice-running", () -> c.check(PLAN_NOTICE, "2026-03-05T10:00", plan("2026-03-05", "30")));
            assertDoesNotThrow(() -> c.check(PLAN_NOTICE, "2026-03-06T10:00", plan("2026-03-06", "30")));
        }

        @Test
        void thirtyDaysAtLeast() {
            assertInvalid("levy.plan.notice-days", "noticeDays", () -> surveyed.check(PLAN_NOTICE, "2026-03-20T10:00",
                    plan("2026-03-20", "29")));
            assertDoesNotThrow(() -> surveyed.check(PLAN_NOTICE, "2026-03-20T10:00", plan("2026-03-20", "30")));
        }

        @Test
        void aHighRiskNeedsMeasures() {
            var c = new CaseBuilder(KIND).took(PRE_NOTICE).field("preNoticeOn", "2026-03-02");
            assertInvalid("levy.survey.risk-measures", "riskMeasures", () -> c.check(SURVEY, "2026-03-10T10:00",
                    "riskLevel", RISK_HIGH));
            assertDoesNotThrow(() -> c.check(SURVEY, "2026-03-10T10:00", "riskLevel", RISK_MEDIUM));
        }

        @Test
        void theLevyNoticeFollowsTheApproval() {
            var approved = agreed().took(APPLY, APPROVE).field("approvalReceivedOn", "2026-05-06");
            assertInvalid("levy.notice.before-approval", "levyNoticeOn", () -> approved.check(LEVY_NOTICE, "2026-05-06T10:00",
                    "levyNoticeOn", "2026-05-05"));
            assertDoesNotThrow(() -> approved.check(LEVY_NOTICE, "2026-05-06T10:00", "levyNoticeOn", "2026-05-06"));
        }
    }

    /** 土地管理法 47, 实施条例 29: a majority of members objecting requires a hearing. */
    @Nested
    class Hearing {
        @Test
        void aMajorityObjectingRequiresAHearing() {
            ZhifaException e = assertConflict("levy.plan.hearing-required", () -> noticed().check(FIX_PLAN, "2026-04-20T10:00",
                    "memberCount", "100", "objectorCount", "51", "opinionsSummary", "多数反对"));
            assertTrue(e.messageZh().contains("听证"));
            assertDoesNotThrow(() -> noticed().check(FIX_PLAN, "2026-04-20T10:00",
                    "memberCount", "100", "objectorCount", "50", "opinionsSummary", "半数反对"));
        }

        @Test
        void theShareIsConfigurable() {
            var kind = new LevyKind(Configs.of(LevyConfig.class, Map.of("objectionMajorityPercent", 33)));
            var c = new CaseBuilder(kind).took(PRE_NOTICE, SURVEY, PLAN_NOTICE).field("planNoticeOn", "2026-03-17")
                    .field("noticeDays", "30");
            assertConflict("levy.plan.hearing-required", () -> c.check(FIX_PLAN, "2026-04-20T10:00",
                    "memberCount", "100", "objectorCount", "34", "opinionsSummary", "x"));
            assertDoesNotThrow(() -> c.check(FIX_PLAN, "2026-04-20T10:00", "memberCount", "100", "objectorCount", "33",
                    "opinionsSummary", "x"));
        }

        @Test
        void thePlanIsNotFixedWhileTheNoticeRuns() {
            assertConflict("levy.plan.notice-running", () -> noticed().check(FIX_PLAN, "2026-04-16T10:00",
                    "memberCount", "100", "objectorCount", "0", "opinionsSummary", "无异议"));
            assertDoesNotThrow(() -> noticed().check(FIX_PLAN, "2026-04-17T10:00",
                    "memberCount", "100", "objectorCount", "0", "opinionsSummary", "无异议"));
            var hearing = noticed().took(REQUEST_HEARING);
            assertConflict("levy.plan.notice-running", () -> hearing.check(HOLD_HEARING, "2026-04-16T10:00",
                    "hearingOn", "2026-04-16", "hearingRecord", "笔录", "planRevised", "false"));
        }

        @Test
        void aRevisedPlanRecordsTheRevision() {
            var hearing = noticed().took(REQUEST_HEARING);
            assertInvalid("levy.hearing.revision", "planRevision", () -> hearing.check(HOLD_HEARING, "2026-04-20T10:00",
                    "hearingOn", "2026-04-20", "hearingRecord", "笔录", "planRevised", "true"));
        }

        @Test
        void countsAreSane() {
            assertInvalid("levy.count.objectors", "objectorCount", () -> noticed().check(REQUEST_HEARING, "2026-04-01T10:00",
                    "memberCount", "10", "objectorCount", "11"));
            assertInvalid("levy.count.members", "memberCount", () -> noticed().check(REQUEST_HEARING, "2026-04-01T10:00",
                    "memberCount", "0", "objectorCount", "0"));
        }

        @Test
        void majorReasons() {
            assertEquals(List.of(), KIND.majorReasons(agreed().facts()));
            assertEquals(1, KIND.majorReasons(agreed().took(REQUEST_HEARING).facts()).size());
            assertEquals(1, KIND.majorReasons(agreed().field("unsignedCount", "1").facts()).size());
            assertEquals(1, KIND.majorReasons(agreed().field("riskLevel", RISK_HIGH).facts()).size());
        }
    }

    /** 土地管理法 47, 实施条例 30, 31, 62: registration, agreements, decisions. */
    @Nested
    class AfterThePlan {
        @Test
        void registrationClosesAfterItsDeadline() {
            var fixed = noticed().took(FIX_PLAN);
            assertConflict("levy.register.running", () -> fixed.check(REGISTER, "2026-04-10T10:00", "registeredCount", "40"));
            assertDoesNotThrow(() -> fixed.check(REGISTER, "2026-04-11T10:00", "registeredCount", "40"));
        }

        @Test
        void unsignedAgreementsAreExplained() {
            var registered = noticed().took(FIX_PLAN, REGISTER);
            assertInvalid("levy.agreements.explain", "unsignedExplanation", () -> registered.check(SIGN_AGREEMENTS,
                    "2026-04-20T10:00", "signedCount", "38", "unsignedCount", "2", "feesInPlace", "true"));
            assertInvalid("levy.count.negative", "unsignedCount", () -> registered.check(SIGN_AGREEMENTS,
                    "2026-04-20T10:00", "signedCount", "38", "unsignedCount", "-1", "feesInPlace", "true"));
            assertDoesNotThrow(() -> registered.check(SIGN_AGREEMENTS, "2026-04-20T10:00", "signedCount", "40",
                    "unsignedCount", "0", "feesInPlace", "true"));
        }

        CaseBuilder noticedLevy(String unsigned) {
            return agreed().took(APPLY, APPROVE, LEVY_NOTICE).field("unsignedCount", unsigned)
                    .field("unsignedExplanation", "x").field("levyNoticeOn", "2026-05-08");
        }

        @Test
        void unsignedHoldersGetADecisionBeforeClosing() {
            assertConflict("levy.close.decision-owed", () -> noticedLevy("2").check(CLOSE_AFTER_NOTICE, "2026-06-01T10:00"));
            assertDoesNotThrow(() -> noticedLevy("0").check(CLOSE_AFTER_NOTICE, "2026-06-01T10:00"));
            assertConflict("levy.compensation.none-unsigned", () -> noticedLevy("0").check(DECIDE_COMPENSATION,
                    "2026-06-01T10:00", "compensationDecidedOn", "2026-06-01"));
            assertInvalid("levy.compensation.before-notice", "compensationDecidedOn", () -> noticedLevy("2").check(
                    DECIDE_COMPENSATION, "2026-06-01T10:00", "compensationDecidedOn", "2026-05-07"));
            assertDoesNotThrow(() -> noticedLevy("2").check(DECIDE_COMPENSATION, "2026-06-01T10:00",
                    "compensationDecidedOn", "2026-06-01"));
        }

        @Test
        void theHandOverOrderSetsADeadline() {
            var decided = noticedLevy("2").took(DECIDE_COMPENSATION).field("compensationDecidedOn", "2026-06-01");
            assertInvalid("levy.surrender.deadline", "surrenderBy", () -> decided.check(ORDER_SURRENDER, "2026-07-01T10:00",
                    "surrenderOrderedOn", "2026-07-01", "surrenderBy", "2026-07-01"));
            assertInvalid("levy.surrender.before-decision", "surrenderOrderedOn", () -> decided.check(ORDER_SURRENDER,
                    "2026-07-01T10:00", "surrenderOrderedOn", "2026-05-31", "surrenderBy", "2026-07-15"));
            assertDoesNotThrow(() -> decided.check(ORDER_SURRENDER, "2026-07-01T10:00",
                    "surrenderOrderedOn", "2026-07-01", "surrenderBy", "2026-07-02"));
        }

        @Test
        void approvalFollowsTheApplication() {
            var applied = agreed().took(APPLY).field("appliedOn", "2026-04-20");
            assertInvalid("levy.approve.order", "approvedOn", () -> applied.check(APPROVE, "2026-05-06T10:00",
                    "approvedOn", "2026-04-19", "approvalReceivedOn", "2026-05-06"));
            assertInvalid("levy.approve.order", "approvalReceivedOn", () -> applied.check(APPROVE, "2026-05-06T10:00",
                    "approvedOn", "2026-05-04", "approvalReceivedOn", "2026-05-03"));
            assertDoesNotThrow(() -> applied.check(APPROVE, "2026-05-06T10:00",
                    "approvedOn", "2026-05-04", "approvalReceivedOn", "2026-05-06"));
        }
    }
}
