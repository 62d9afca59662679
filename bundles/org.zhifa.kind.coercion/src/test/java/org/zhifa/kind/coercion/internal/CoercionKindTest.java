package org.zhifa.kind.coercion.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zhifa.kind.coercion.internal.CoercionProcedure.*;
import static org.zhifa.testsupport.KindChecks.assertConflict;
import static org.zhifa.testsupport.KindChecks.assertInvalid;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.kind.AvRule;
import org.zhifa.api.kind.TimerRule;
import org.zhifa.testsupport.CaseBuilder;
import org.zhifa.testsupport.Configs;
import org.zhifa.testsupport.FixedWorkingDays;
import org.zhifa.testsupport.KindChecks;
import org.zhifa.testsupport.ProcedureAssertions;

class CoercionKindTest {

    static final CoercionKind KIND = new CoercionKind(Configs.defaults(CoercionConfig.class));

    /** A case decided for enforcement by a fine; performance was due 2026-02-27. */
    static CaseBuilder decided(CoercionKind kind, String manner) {
        return new CaseBuilder(kind).took(DEMAND, RECORD_STATEMENT, DECIDE_EXECUTION)
                .field("decisionNo", "衡自然资罚〔2026〕3号").field("decisionServedOn", "2025-09-03")
                .field("demandServedOn", "2026-02-02").field("performBy", "2026-02-27")
                .field("statementDeadline", "2026-02-09").field("statementOutcome", STATEMENT_WAIVED)
                .field("executionManner", manner);
    }

    static CaseBuilder decided(String manner) {
        return decided(KIND, manner);
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
            Configs.assertShippedConfig(CoercionConfig.class, "org.zhifa.kind.coercion");
        }

        @Test
        void identity() {
            assertEquals("coercion", KIND.id());
            assertEquals("强", KIND.numberCode());
            assertEquals("行政强制", KIND.title(java.util.Locale.SIMPLIFIED_CHINESE));
            assertEquals("Administrative coercion", KIND.title(java.util.Locale.ENGLISH));
        }

        /** R4 and 行政强制法 18: seizure and demolition uninterrupted A/V, two officers. */
        @Test
        void avAndOfficers() {
            var p = KIND.procedure();
            assertEquals(AvRule.UNINTERRUPTED, p.step(SEIZING).orElseThrow().av());
            assertEquals(2, p.step(SEIZING).orElseThrow().minOfficers());
            assertEquals(AvRule.UNINTERRUPTED, p.step(DEMOLISHING).orElseThrow().av());
            assertEquals(AvRule.REQUIRED, p.step(EXECUTING).orElseThrow().av());
            assertEquals(2, p.step(EXECUTING).orElseThrow().minOfficers());
        }

        /** R4: the 音像记录事项清单 is configuration; unknown or doubly listed steps are refused. */
        @Test
        void avListIsConfigurable() {
            var more = new CoercionKind(Configs.of(CoercionConfig.class, Map.of("avRequired", "executing, demanded")));
            assertEquals(AvRule.REQUIRED, more.procedure().step(DEMANDED).orElseThrow().av());
            assertEquals(AvRule.NONE, KIND.procedure().step(DEMANDED).orElseThrow().av());
            assertEquals(AvRule.UNINTERRUPTED, more.procedure().step(SEIZING).orElseThrow().av());
            assertThrows(IllegalArgumentException.class, () -> new CoercionKind(Configs.of(CoercionConfig.class,
                    Map.of("avRequired", "executing,nowhere"))));
            assertThrows(IllegalArgumentException.class, () -> new CoercionKind(Configs.of(CoercionConfig.class,
                    Map.of("avRequired", "seizing"))));
        }

        /** 行政强制法 25: 30 days, 60 with the extension, configurable. */
        @Test
        void seizureTimers() {
            TimerRule term = KIND.procedure().timers().get(0);
            assertEquals(TIMER_SEIZURE, term.id());
            assertEquals(30, term.length());
            assertEquals(TimerRule.DayCount.CALENDAR_DAYS, term.count());
            assertTrue(term.basis().contains("第二十五条"));
            assertEquals(60, KIND.procedure().timers().get(1).length());
            var shorter = new CoercionKind(Configs.of(CoercionConfig.class, Map.of("seizureTermDays", 20)));
            assertEquals(20, shorter.procedure().timers().get(0).length());
            assertEquals(50, shorter.procedure().timers().get(1).length());
        }

        @Test
        void decisionsAreDisclosedWithinTwentyWorkingDays() {
            assertEquals(DECIDED, KIND.disclosure().step());
            assertEquals(20, KIND.disclosure().workingDays());
            assertEquals(Set.of(DECIDED, HELD), Set.copyOf(KIND.disclosures().stream().map(d -> d.step()).toList()));
        }

        @Test
        void aBadConfigurationIsRefused() {
            assertThrows(IllegalArgumentException.class, () -> new CoercionKind(Configs.of(CoercionConfig.class,
                    Map.of("nightStart", "22:00", "nightEnd", "22:00"))));
            assertThrows(RuntimeException.class, () -> new CoercionKind(Configs.of(CoercionConfig.class,
                    Map.of("nightStart", "late"))));
        }

        @Test
        void everyRefusalTextExistsInBothLanguagesAndNamesItsArticle() throws IOException {
            KindChecks.assertRefusalTexts(CoercionKind.class, "org/zhifa/kind/coercion/internal/messages", "coercion.");
        }
    }

    /** 行政强制法 43: no execution at night or on holidays, unless urgent. */
    @Nested
    class NightsAndHolidays {
        final CaseBuilder fine = decided(MANNER_FINE);

        @Test
        void at2159OnAWeekdayIsAllowed() {
            assertDoesNotThrow(() -> fine.check(START_EXECUTION, "2026-03-04T21:59", "executionStartedAt", "2026-03-04T21:59"));
        }

        @Test
        void at2200And2300AreNight() {
            assertConflict("coercion.time.night", () -> fine.check(START_EXECUTION, "2026-03-04T22:00",
                    "executionStartedAt", "2026-03-04T22:00"));
            ZhifaException e = assertConflict("coercion.time.night", () -> fine.check(START_EXECUTION, "2026-03-04T23:00",
                    "executionStartedAt", "2026-03-04T23:00"));
            assertTrue(e.messageZh().contains("第四十三条") && e.messageZh().contains("22:00"), e.messageZh());
        }

        @Test
        void theMorningStartsAt0600() {
            assertConflict("coercion.time.night", () -> fine.check(START_EXECUTION, "2026-03-04T05:59",
                    "executionStartedAt", "2026-03-04T05:59"));
            assertDoesNotThrow(() -> fine.check(START_EXECUTION, "2026-03-04T06:00", "executionStartedAt", "2026-03-04T06:00"));
        }

        @Test
        void nightHoursAreConfigurable() {
            var kind = new CoercionKind(Configs.of(CoercionConfig.class, Map.of("nightStart", "21:00", "nightEnd", "07:00")));
            var c = decided(kind, MANNER_FINE);
            assertConflict("coercion.time.night", () -> c.check(START_EXECUTION, "2026-03-04T21:30", "executionStartedAt", "2026-03-04T21:30"));
            assertConflict("coercion.time.night", () -> c.check(START_EXECUTION, "2026-03-04T06:30", "executionStartedAt", "2026-03-04T06:30"));
            assertDoesNotThrow(() -> c.check(START_EXECUTION, "2026-03-04T07:00", "executionStartedAt", "2026-03-04T07:00"));
        }

        @Test
        void aSpringFestivalDayIsBarredOnEitherReading() {
            // 2026-02-17, Tuesday, 春节
            assertConflict("coercion.time.holiday", () -> fine.check(START_EXECUTION, "2026-02-17T10:00",
                    "executionStartedAt", "2026-02-17T10:00"));
            var strict = decided(new CoercionKind(Configs.of(CoercionConfig.class,
                    Map.of("restDays", CoercionConfig.RestDays.PUBLIC_HOLIDAYS_ONLY))), MANNER_FINE);
            assertConflict("coercion.time.holiday", () -> strict.check(START_EXECUTION, "2026-02-17T10:00",
                    "executionStartedAt", "2026-02-17T10:00"));
            // the Sunday that opens the holiday block is a holiday too
            assertConflict("coercion.time.holiday", () -> strict.check(START_EXECUTION, "2026-02-15T10:00",
                    "executionStartedAt", "2026-02-15T10:00"));
        }

        @Test
        void aPlainSundayIsBarredByDefaultButNotOnTheStrictReading() {
            // 2026-03-08, Sunday
            assertConflict("coercion.time.rest-day", () -> fine.check(START_EXECUTION, "2026-03-08T10:00",
                    "executionStartedAt", "2026-03-08T10:00"));
            var strict = decided(new CoercionKind(Configs.of(CoercionConfig.class,
                    Map.of("restDays", CoercionConfig.RestDays.PUBLIC_HOLIDAYS_ONLY))), MANNER_FINE);
            assertDoesNotThrow(() -> strict.check(START_EXECUTION, "2026-03-08T10:00", "executionStartedAt", "2026-03-08T10:00"));
        }

        @Test
        void anAdjustedWorkingSaturdayIsAWorkingDay() {
            assertDoesNotThrow(() -> fine.check(START_EXECUTION, "2026-02-14T10:00", "executionStartedAt", "2026-02-14T10:00"));
        }

        @Test
        void aCalendarWithoutHolidayNamesStillBarsHolidayWeekdays() {
            var c = decided(MANNER_FINE).calendar(FixedWorkingDays.spring2026().withoutHolidayNames());
            assertConflict("coercion.time.holiday", () -> c.check(START_EXECUTION, "2026-02-17T10:00",
                    "executionStartedAt", "2026-02-17T10:00"));
        }

        @Test
        void urgencyWithAReasonAllowsTheNight() {
            assertDoesNotThrow(() -> fine.check(START_EXECUTION, "2026-03-04T23:00", "executionStartedAt",
                    "2026-03-04T23:00", "urgent", "true", "urgentReason", "山体滑坡危及下游居民安全"));
            assertDoesNotThrow(() -> fine.check(START_EXECUTION, "2026-02-17T10:00", "executionStartedAt",
                    "2026-02-17T10:00", "urgent", "true", "urgentReason", "违法采矿危及堤坝安全"));
        }

        @Test
        void urgencyWithoutAReasonIsInvalid() {
            assertInvalid("coercion.urgent.reason", "urgentReason", () -> fine.check(START_EXECUTION, "2026-03-04T23:00",
                    "executionStartedAt", "2026-03-04T23:00", "urgent", "true"));
        }

        @Test
        void theEndOfAnExecutionCountsToo() {
            var started = decided(MANNER_FINE).took(START_EXECUTION).field("executionStartedAt", "2026-03-04T09:00");
            assertDoesNotThrow(() -> started.check(FINISH_EXECUTION, "2026-03-04T21:59", "executionEndedAt",
                    "2026-03-04T21:59", "executionResult", "已划拨"));
            assertConflict("coercion.time.night", () -> started.check(FINISH_EXECUTION, "2026-03-04T23:00",
                    "executionEndedAt", "2026-03-04T23:00", "executionResult", "已划拨"));
            assertConflict("coercion.time.night-spanned", () -> started.check(FINISH_EXECUTION, "2026-03-05T10:00",
                    "executionEndedAt", "2026-03-05T10:00", "executionResult", "已划拨"));
            assertInvalid("coercion.finish.before-start", "executionEndedAt", () -> started.check(FINISH_EXECUTION,
                    "2026-03-04T10:00", "executionEndedAt", "2026-03-04T08:00", "executionResult", "已划拨"));
        }

        @Test
        void anUrgentStartCoversTheEnd() {
            var started = decided(MANNER_FINE).took(START_EXECUTION).field("executionStartedAt", "2026-03-04T20:00")
                    .field("urgent", "true").field("urgentReason", "危及公共安全");
            assertDoesNotThrow(() -> started.check(FINISH_EXECUTION, "2026-03-04T23:00", "executionEndedAt",
                    "2026-03-04T23:00", "executionResult", "已排除妨碍"));
        }

        @Test
        void thePlannedTimeOfTheDecisionIsChecked() {
            var heard = decided(MANNER_FINE);
            assertConflict("coercion.time.night", () -> heard.check(DECIDE_EXECUTION, "2026-03-02T10:00",
                    "executionPlannedAt", "2026-03-05T22:30"));
            assertDoesNotThrow(() -> heard.check(DECIDE_EXECUTION, "2026-03-02T10:00", "executionPlannedAt", "2026-03-05T09:00"));
        }
    }

    /** 行政强制法 44: forced demolition. */
    @Nested
    class Demolition {
        CaseBuilder announced() {
            return decided(MANNER_DEMOLITION).took(ANNOUNCE_DEMOLITION).field("noticePublishedOn", "2026-02-02")
                    .field("selfDemolishBy", "2026-03-03");
        }

        @Test
        void withoutANoticeItIsRefused() {
            var noNotice = decided(MANNER_DEMOLITION);
            ZhifaException e = assertConflict("coercion.demolition.no-notice", () -> noNotice.check(START_DEMOLITION,
                    "2026-03-10T10:00", "executionStartedAt", "2026-03-10T10:00", "remedyStatus", REMEDY_CONCLUDED));
            assertTrue(e.messageZh().contains("第四十四条"));
        }

        @Test
        void notBeforeTheSelfDemolitionDeadlineHasPassed() {
            var c = announced();
            assertConflict("coercion.demolition.deadline", () -> c.check(START_DEMOLITION, "2026-03-03T10:00",
                    "executionStartedAt", "2026-03-03T10:00", "remedyStatus", REMEDY_CONCLUDED));
            assertDoesNotThrow(() -> c.check(START_DEMOLITION, "2026-03-04T10:00", "executionStartedAt",
                    "2026-03-04T10:00", "remedyStatus", REMEDY_CONCLUDED));
        }

        @Test
        void notWhileReviewOrSuitIsPending() {
            var c = announced();
            assertConflict("coercion.demolition.remedy-pending", () -> c.check(START_DEMOLITION, "2026-03-10T10:00",
                    "executionStartedAt", "2026-03-10T10:00", "remedyStatus", REMEDY_REVIEW));
            assertConflict("coercion.demolition.remedy-pending", () -> c.check(START_DEMOLITION, "2026-03-10T10:00",
                    "executionStartedAt", "2026-03-10T10:00", "remedyStatus", REMEDY_SUIT));
        }

        @Test
        void notBeforeTheSixMonthsToSueHaveRun() {
            // decision served 2025-09-03: review until 2025-11-02, suit until 2026-03-03 (行政诉讼法 46)
            var c = announced().field("selfDemolishBy", "2026-02-10");
            assertConflict("coercion.demolition.remedy-period", () -> c.check(START_DEMOLITION, "2026-03-03T10:00",
                    "executionStartedAt", "2026-03-03T10:00", "remedyStatus", REMEDY_NONE));
            assertDoesNotThrow(() -> c.check(START_DEMOLITION, "2026-03-04T10:00", "executionStartedAt",
                    "2026-03-04T10:00", "remedyStatus", REMEDY_NONE));
        }

        @Test
        void aSuitPeriodEndingOnASundayRunsToMonday() {
            // served 2025-09-08: six months end Sunday 2026-03-08, so Monday 2026-03-09 (民法典 203)
            var c = announced().field("selfDemolishBy", "2026-02-10").field("decisionServedOn", "2025-09-08");
            assertConflict("coercion.demolition.remedy-period", () -> c.check(START_DEMOLITION, "2026-03-09T10:00",
                    "executionStartedAt", "2026-03-09T10:00", "remedyStatus", REMEDY_NONE));
            assertDoesNotThrow(() -> c.check(START_DEMOLITION, "2026-03-10T10:00", "executionStartedAt",
                    "2026-03-10T10:00", "remedyStatus", REMEDY_NONE));
        }

        @Test
        void aDemolitionIsStartedAsADemolitionOnly() {
            assertConflict("coercion.start.is-demolition", () -> announced().check(START_EXECUTION, "2026-03-10T10:00",
                    "executionStartedAt", "2026-03-10T10:00"));
            assertConflict("coercion.start.not-demolition", () -> decided(MANNER_FINE).check(START_DEMOLITION,
                    "2026-03-10T10:00", "executionStartedAt", "2026-03-10T10:00", "remedyStatus", REMEDY_CONCLUDED));
        }

        @Test
        void theDecisionToDemolishIsCheckedToo() {
            var noNotice = decided(MANNER_DEMOLITION);
            assertConflict("coercion.demolition.no-notice", () -> noNotice.check(DECIDE_EXECUTION, "2026-03-10T10:00",
                    "executionPlannedAt", "2026-03-12T09:00", "remedyStatus", REMEDY_NONE));
            assertInvalid("coercion.demolition.remedy-status", "remedyStatus", () -> announced().check(DECIDE_EXECUTION,
                    "2026-03-10T10:00", "executionPlannedAt", "2026-03-12T09:00"));
            assertDoesNotThrow(() -> announced().check(DECIDE_EXECUTION, "2026-03-10T10:00",
                    "executionPlannedAt", "2026-03-12T09:00", "remedyStatus", REMEDY_NONE));
        }

        @Test
        void theNoticeSetsADeadlineAfterItsPublication() {
            var c = new CaseBuilder(KIND);
            assertInvalid("coercion.notice.deadline", "selfDemolishBy", () -> c.check(ANNOUNCE_DEMOLITION, "2026-02-02T10:00",
                    "noticePublishedOn", "2026-02-02", "selfDemolishBy", "2026-02-02", "decisionServedOn", "2025-09-03"));
            assertDoesNotThrow(() -> c.check(ANNOUNCE_DEMOLITION, "2026-02-02T10:00",
                    "noticePublishedOn", "2026-02-02", "selfDemolishBy", "2026-02-03", "decisionServedOn", "2025-09-03"));
        }

        @Test
        void demolitionIsAlwaysAMajorDecision() {
            List<String> reasons = KIND.majorReasons(new CaseBuilder(KIND).took(ANNOUNCE_DEMOLITION).facts());
            assertEquals(1, reasons.size());
            assertTrue(reasons.get(0).contains("强制拆除"));
            assertEquals(1, KIND.majorReasons(new CaseBuilder(KIND).field("executionManner", MANNER_DEMOLITION).facts()).size());
            assertEquals(List.of(), KIND.majorReasons(new CaseBuilder(KIND).field("executionManner", MANNER_FINE).facts()));
        }

        @Test
        void largeAmountsAreMajorFromTheConfiguredThreshold() {
            assertEquals(1, KIND.majorReasons(new CaseBuilder(KIND).field("amount", "100000.00").facts()).size());
            assertEquals(0, KIND.majorReasons(new CaseBuilder(KIND).field("amount", "99999.99").facts()).size());
        }
    }

    /** 行政强制法 35–37: demand, statement and defence, decision. */
    @Nested
    class DemandAndStatement {
        final CaseBuilder filed = new CaseBuilder(KIND);
        final String[] demand = {"decisionNo", "衡自然资罚〔2026〕3号", "decisionServedOn", "2025-09-03",
                "demandServedOn", "2026-03-02", "performBy", "2026-03-12", "statementDeadline", "2026-03-05"};

        String[] with(String... more) {
            String[] all = java.util.Arrays.copyOf(demand, demand.length + more.length);
            System.arraycopy(more, 0, all, demand.length, more.length);
            return all;
        }

        @Test
        void aCompleteDemandPasses() {
            assertDoesNotThrow(() -> filed.check(DEMAND, "2026-03-02T10:00", demand));
        }

        @Test
        void theDeadlineToPerformFollowsService() {
            String[] same = demand.clone();
            same[7] = "2026-03-02";
            assertInvalid("coercion.demand.perform-by", "performBy", () -> filed.check(DEMAND, "2026-03-02T10:00", same));
        }

        @Test
        void moneyNeedsTheMannerOfPayment() {
            assertInvalid("coercion.demand.payment", "paymentManner", () -> filed.check(DEMAND, "2026-03-02T10:00",
                    with("amount", "5000.00")));
            assertDoesNotThrow(() -> filed.check(DEMAND, "2026-03-02T10:00", with("amount", "5000.00",
                    "paymentManner", "缴入国库指定账户")));
        }

        @Test
        void theDecisionEnforcedIsNamed() {
            assertInvalid("coercion.demand.decision", "decisionNo", () -> filed.check(DEMAND, "2026-03-02T10:00",
                    "decisionServedOn", "2025-09-03", "demandServedOn", "2026-03-02", "performBy", "2026-03-12",
                    "statementDeadline", "2026-03-05"));
        }

        @Test
        void serviceCannotBeDatedInTheFuture() {
            assertInvalid("coercion.field.future", "demandServedOn", () -> filed.check(DEMAND, "2026-03-01T10:00", demand));
        }

        @Test
        void aLapsedStatementIsRecordedOnlyAfterItsDeadline() {
            var demanded = new CaseBuilder(KIND).took(DEMAND).field("statementDeadline", "2026-03-05");
            ZhifaException e = assertConflict("coercion.statement.running", () -> demanded.check(RECORD_STATEMENT,
                    "2026-03-05T16:00", "statementOutcome", STATEMENT_LAPSED));
            assertTrue(e.messageZh().contains("第三十六条"));
            assertDoesNotThrow(() -> demanded.check(RECORD_STATEMENT, "2026-03-06T09:00", "statementOutcome", STATEMENT_LAPSED));
            assertDoesNotThrow(() -> demanded.check(RECORD_STATEMENT, "2026-03-03T09:00", "statementOutcome", STATEMENT_WAIVED));
        }

        @Test
        void aStatementMadeIsRecordedAndReviewed() {
            var demanded = new CaseBuilder(KIND).took(DEMAND).field("statementDeadline", "2026-03-05");
            assertInvalid("coercion.statement.summary", "statementSummary", () -> demanded.check(RECORD_STATEMENT,
                    "2026-03-04T09:00", "statementOutcome", STATEMENT_MADE));
            assertInvalid("coercion.statement.review", "reviewOpinion", () -> demanded.check(RECORD_STATEMENT,
                    "2026-03-04T09:00", "statementOutcome", STATEMENT_MADE, "statementSummary", "已部分整改"));
        }

        /** 行政强制法 37: only after the deadline to perform has passed. */
        @Test
        void theDecisionWaitsForTheDeadlineToPerform() {
            var heard = decided(MANNER_FINE);
            assertConflict("coercion.decide.perform-by", () -> heard.check(DECIDE_EXECUTION, "2026-02-27T10:00",
                    "executionPlannedAt", "2026-03-05T09:00"));
            assertDoesNotThrow(() -> heard.check(DECIDE_EXECUTION, "2026-02-28T10:00", "executionPlannedAt", "2026-03-05T09:00"));
        }
    }

    /** 行政强制法 53, 54: applying to the people's court. */
    @Nested
    class Court {
        // demand served 2026-02-20; decision served 2025-09-03, so review and suit periods end 2026-03-03
        CaseBuilder demanded() {
            return new CaseBuilder(KIND).took(DEMAND).field("decisionServedOn", "2025-09-03")
                    .field("demandServedOn", "2026-02-20").field("statementDeadline", "2026-02-25");
        }

        @Test
        void notWithinTenDaysOfTheDemand() {
            var c = demanded().field("demandServedOn", "2026-03-02");
            assertConflict("coercion.court.demand-wait", () -> c.check(APPLY_COURT_AFTER_DEMAND, "2026-03-12T10:00",
                    "courtName", "衡阳县人民法院", "remedyStatus", REMEDY_CONCLUDED));
            assertDoesNotThrow(() -> c.check(APPLY_COURT_AFTER_DEMAND, "2026-03-13T10:00",
                    "courtName", "衡阳县人民法院", "remedyStatus", REMEDY_CONCLUDED));
        }

        @Test
        void notBeforeReviewAndSuitPeriodsHaveRun() {
            assertConflict("coercion.court.remedy-period", () -> demanded().check(APPLY_COURT_AFTER_DEMAND,
                    "2026-03-03T10:00", "courtName", "衡阳县人民法院", "remedyStatus", REMEDY_NONE));
            assertDoesNotThrow(() -> demanded().check(APPLY_COURT_AFTER_DEMAND, "2026-03-04T10:00",
                    "courtName", "衡阳县人民法院", "remedyStatus", REMEDY_NONE));
        }

        @Test
        void withinThreeMonthsAfterThem() {
            assertDoesNotThrow(() -> demanded().check(APPLY_COURT_AFTER_DEMAND, "2026-06-03T10:00",
                    "courtName", "衡阳县人民法院", "remedyStatus", REMEDY_NONE));
            assertConflict("coercion.court.too-late", () -> demanded().check(APPLY_COURT_AFTER_DEMAND,
                    "2026-06-04T10:00", "courtName", "衡阳县人民法院", "remedyStatus", REMEDY_NONE));
        }

        @Test
        void notWhileReviewIsPending() {
            assertConflict("coercion.court.remedy-pending", () -> demanded().check(APPLY_COURT_AFTER_DEMAND,
                    "2026-03-10T10:00", "courtName", "衡阳县人民法院", "remedyStatus", REMEDY_REVIEW));
        }

        @Test
        void notWithinTheStatementPeriod() {
            var c = demanded().field("statementDeadline", "2026-03-10");
            assertConflict("coercion.statement.running", () -> c.check(APPLY_COURT_AFTER_DEMAND, "2026-03-10T10:00",
                    "courtName", "衡阳县人民法院", "remedyStatus", REMEDY_CONCLUDED));
            assertDoesNotThrow(() -> c.check(APPLY_COURT_AFTER_DEMAND, "2026-03-11T10:00",
                    "courtName", "衡阳县人民法院", "remedyStatus", REMEDY_CONCLUDED));
        }
    }

    /** 行政强制法 18, 19, 25, 28: sealing and seizing. */
    @Nested
    class Seizure {
        final CaseBuilder filed = new CaseBuilder(KIND);
        final CaseBuilder held = new CaseBuilder(KIND).took(SEIZE, RECORD_SEIZURE).field("seizedOn", "2026-03-02");

        @Test
        void approvalOrAnUrgentReason() {
            assertInvalid("coercion.seize.approval", "approvalRef", () -> filed.check(SEIZE, "2026-03-02T10:00",
                    "measureType", MEASURE_SEIZE, "partyPresent", "true"));
            assertInvalid("coercion.seize.urgent-reason", "onSpotUrgentReason", () -> filed.check(SEIZE, "2026-03-02T10:00",
                    "measureType", MEASURE_SEIZE, "partyPresent", "true", "onSpotUrgent", "true"));
            assertDoesNotThrow(() -> filed.check(SEIZE, "2026-03-02T10:00", "measureType", MEASURE_SEIZE,
                    "partyPresent", "true", "onSpotUrgent", "true", "onSpotUrgentReason", "挖掘机正在转移"));
            assertDoesNotThrow(() -> filed.check(SEIZE, "2026-03-02T10:00", "measureType", MEASURE_SEAL,
                    "partyPresent", "true", "approvalRef", "局长批准 2026-03-02"));
        }

        @Test
        void anAbsentPartyNeedsAWitness() {
            assertInvalid("coercion.seize.witness", "witness", () -> filed.check(SEIZE, "2026-03-02T10:00",
                    "measureType", MEASURE_SEAL, "partyPresent", "false", "approvalRef", "局长批准"));
            assertDoesNotThrow(() -> filed.check(SEIZE, "2026-03-02T10:00", "measureType", MEASURE_SEAL,
                    "partyPresent", "false", "approvalRef", "局长批准", "witness", "村委会主任李某"));
        }

        @Test
        void extensionOnlyWithinTheTerm() {
            // seized 2026-03-02: the 30 days end 2026-04-01
            assertDoesNotThrow(() -> held.check(EXTEND_SEIZURE, "2026-04-01T10:00", "extendedUntil", "2026-05-01"));
            assertConflict("coercion.extend.expired", () -> held.check(EXTEND_SEIZURE, "2026-04-02T10:00",
                    "extendedUntil", "2026-05-01"));
        }

        @Test
        void extensionByAtMostThirtyDays() {
            assertInvalid("coercion.extend.until", "extendedUntil", () -> held.check(EXTEND_SEIZURE, "2026-03-20T10:00",
                    "extendedUntil", "2026-05-02"));
            assertInvalid("coercion.extend.until", "extendedUntil", () -> held.check(EXTEND_SEIZURE, "2026-03-20T10:00",
                    "extendedUntil", "2026-04-01"));
            assertDoesNotThrow(() -> held.check(EXTEND_SEIZURE, "2026-03-20T10:00", "extendedUntil", "2026-04-02"));
        }

        @Test
        void aTermEndingOnARestDayRunsToTheNextWorkingDay() {
            // seized 2026-01-16: 30 days end 2026-02-15, inside the Spring Festival, so 2026-02-24
            var festive = new CaseBuilder(KIND).took(SEIZE, RECORD_SEIZURE).field("seizedOn", "2026-01-16");
            assertDoesNotThrow(() -> festive.check(EXTEND_SEIZURE, "2026-02-24T10:00", "extendedUntil", "2026-03-17"));
            assertConflict("coercion.extend.expired", () -> festive.check(EXTEND_SEIZURE, "2026-02-25T10:00",
                    "extendedUntil", "2026-03-17"));
            assertDoesNotThrow(() -> festive.check(DISPOSE, "2026-02-24T10:00", "disposal", DISPOSAL_CONFISCATE,
                    "disposedOn", "2026-02-24"));
        }

        @Test
        void afterTheTermOnlyRelease() {
            assertConflict("coercion.dispose.expired", () -> held.check(DISPOSE, "2026-04-02T10:00",
                    "disposal", DISPOSAL_CONFISCATE, "disposedOn", "2026-04-02"));
            assertDoesNotThrow(() -> held.check(DISPOSE, "2026-04-01T10:00", "disposal", DISPOSAL_CONFISCATE,
                    "disposedOn", "2026-04-01"));
            assertDoesNotThrow(() -> held.check(DISPOSE, "2026-04-02T10:00", "disposal", DISPOSAL_RELEASE,
                    "disposedOn", "2026-04-02"));
        }

        @Test
        void anExtendedTermEndsOnItsNewDay() {
            var extended = new CaseBuilder(KIND).took(SEIZE, RECORD_SEIZURE, EXTEND_SEIZURE)
                    .field("seizedOn", "2026-03-02").field("extendedUntil", "2026-04-20");
            assertDoesNotThrow(() -> extended.check(DISPOSE_EXTENDED, "2026-04-20T10:00", "disposal",
                    DISPOSAL_DESTROY, "disposedOn", "2026-04-20"));
            assertConflict("coercion.dispose.expired", () -> extended.check(DISPOSE_EXTENDED, "2026-04-21T10:00",
                    "disposal", DISPOSAL_DESTROY, "disposedOn", "2026-04-21"));
        }
    }
}
