package org.zhifa.kind.inspection.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zhifa.kind.inspection.internal.InspectionProcedure.*;
import static org.zhifa.testsupport.KindChecks.assertConflict;
import static org.zhifa.testsupport.KindChecks.assertInvalid;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.kind.AvRule;
import org.zhifa.api.kind.FieldDef;
import org.zhifa.testsupport.CaseBuilder;
import org.zhifa.testsupport.Configs;
import org.zhifa.testsupport.KindChecks;
import org.zhifa.testsupport.ProcedureAssertions;

class InspectionKindTest {

    static final InspectionKind KIND = new InspectionKind(Configs.defaults(InspectionConfig.class));

    static CaseBuilder withResult(String result) {
        return new CaseBuilder(KIND).took(INSPECT, RECORD_RESULT).field("startedAt", "2026-03-02T09:00")
                .field("endedOn", "2026-03-02").field("result", result);
    }

    /** Ordered on 2026-03-03 to rectify by 2026-03-20. */
    static CaseBuilder rectifying() {
        return withResult(RESULT_RECTIFY).took(ORDER_RECTIFICATION).field("rectifyBy", "2026-03-20")
                .field("orderServedOn", "2026-03-03");
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
            Configs.assertShippedConfig(InspectionConfig.class, "org.zhifa.kind.inspection");
        }

        @Test
        void identity() {
            assertEquals("inspection", KIND.id());
            assertEquals("检", KIND.numberCode());
            assertEquals("行政检查", KIND.title(java.util.Locale.SIMPLIFIED_CHINESE));
        }

        /** R4, 行政处罚法 42: on-site inspection and follow-up need A/V and two officers. */
        @Test
        void avAndOfficers() {
            for (String step : List.of(ONSITE, REINSPECTING)) {
                assertEquals(AvRule.REQUIRED, KIND.procedure().step(step).orElseThrow().av(), step);
                assertEquals(2, KIND.procedure().step(step).orElseThrow().minOfficers(), step);
            }
            var three = new InspectionKind(Configs.of(InspectionConfig.class, Map.of("minOfficers", 3)));
            assertEquals(3, three.procedure().step(ONSITE).orElseThrow().minOfficers());
            assertThrows(IllegalArgumentException.class,
                    () -> new InspectionKind(Configs.of(InspectionConfig.class, Map.of("minOfficers", 1))));
        }

        /** D3, S4: results within 20 working days. */
        @Test
        void resultsAreDisclosedWithinTwentyWorkingDays() {
            assertEquals(RESULT, KIND.disclosure().step());
            assertEquals(20, KIND.disclosure().workingDays());
            assertTrue(KIND.disclosure().fields().containsAll(List.of("result", "drawId")));
            assertEquals(List.of(KIND.disclosure()), KIND.disclosures());
        }

        /** Issue 8: a 双随机 draw files an inspection with source 随机抽查 and its drawId. */
        @Test
        void aRandomDrawCanFileAnInspection() {
            List<FieldDef> filing = KIND.procedure().filingFields();
            FieldDef source = filing.stream().filter(f -> f.name().equals("source")).findFirst().orElseThrow();
            assertTrue(source.required() && source.options().contains(SOURCE_RANDOM));
            FieldDef draw = filing.stream().filter(f -> f.name().equals("drawId")).findFirst().orElseThrow();
            assertEquals(false, draw.required());
            assertEquals(FieldDef.Type.TEXT, draw.type());
        }

        @Test
        void noMajorDecisionOfItsOwn() {
            assertEquals(List.of(), KIND.majorReasons(withResult(RESULT_REFER).facts()));
        }

        @Test
        void everyRefusalTextExistsInBothLanguagesAndNamesItsArticle() throws IOException {
            KindChecks.assertRefusalTexts(InspectionKind.class, "org/zhifa/kind/inspection/internal/messages", "inspection.");
        }
    }

    @Nested
    class OnSite {
        final CaseBuilder filed = new CaseBuilder(KIND).field("source", SOURCE_RANDOM).field("drawId", "SJ-2026-03");

        /** 行政处罚法 55, 土地管理法 69. */
        @Test
        void certificatesAreShown() {
            ZhifaException e = assertConflict("inspection.certificates", () -> filed.check(INSPECT, "2026-03-02T09:00",
                    "startedAt", "2026-03-02T09:00", "location", "樟木乡", "certificatesShown", "false"));
            assertTrue(e.messageZh().contains("第五十五条"));
            assertDoesNotThrow(() -> filed.check(INSPECT, "2026-03-02T09:00",
                    "startedAt", "2026-03-02T09:00", "location", "樟木乡", "certificatesShown", "true"));
        }

        @Test
        void aStartCannotLieAhead() {
            assertInvalid("inspection.field.future", "startedAt", () -> filed.check(INSPECT, "2026-03-02T09:00",
                    "startedAt", "2026-03-02T09:01", "location", "樟木乡", "certificatesShown", "true"));
        }

        @Test
        void theResultEndsOnOrAfterTheStart() {
            var onsite = new CaseBuilder(KIND).took(INSPECT).field("startedAt", "2026-03-02T09:00");
            assertInvalid("inspection.result.before-start", "endedOn", () -> onsite.check(RECORD_RESULT, "2026-03-02T11:00",
                    "endedOn", "2026-03-01", "findings", "未发现问题", "result", RESULT_PASSED));
            assertInvalid("inspection.field.future", "endedOn", () -> onsite.check(RECORD_RESULT, "2026-03-02T11:00",
                    "endedOn", "2026-03-03", "findings", "未发现问题", "result", RESULT_PASSED));
            assertDoesNotThrow(() -> onsite.check(RECORD_RESULT, "2026-03-02T11:00",
                    "endedOn", "2026-03-02", "findings", "未发现问题", "result", RESULT_PASSED));
        }

        @Test
        void theResultChoosesTheWay() {
            assertConflict("inspection.result.mismatch", () -> withResult(RESULT_RECTIFY).check(CLOSE_PASSED, "2026-03-03T09:00"));
            assertConflict("inspection.result.mismatch", () -> withResult(RESULT_PASSED).check(REFER, "2026-03-03T09:00",
                    "referredTo", "执法监察大队", "referralReason", "x", "referredOn", "2026-03-03"));
            assertConflict("inspection.result.mismatch", () -> withResult(RESULT_REFER).check(ORDER_RECTIFICATION,
                    "2026-03-03T09:00", "rectifyBy", "2026-03-20", "requirements", "x", "orderServedOn", "2026-03-03"));
            assertDoesNotThrow(() -> withResult(RESULT_PASSED).check(CLOSE_PASSED, "2026-03-03T09:00"));
            assertDoesNotThrow(() -> withResult(RESULT_REFER).check(REFER, "2026-03-03T09:00",
                    "referredTo", "执法监察大队", "referralReason", "x", "referredOn", "2026-03-03"));
        }
    }

    /** 行政处罚法 28: rectification within a deadline, followed up after it. */
    @Nested
    class Rectification {
        @Test
        void theDeadlineLiesInTheFuture() {
            var result = withResult(RESULT_RECTIFY);
            assertInvalid("inspection.rectify.deadline", "rectifyBy", () -> result.check(ORDER_RECTIFICATION,
                    "2026-03-03T09:00", "rectifyBy", "2026-03-03", "requirements", "拆除违建", "orderServedOn", "2026-03-03"));
            assertDoesNotThrow(() -> result.check(ORDER_RECTIFICATION, "2026-03-03T09:00",
                    "rectifyBy", "2026-03-04", "requirements", "拆除违建", "orderServedOn", "2026-03-03"));
        }

        @Test
        void noFollowUpUntilTheDeadlineHasPassed() {
            ZhifaException e = assertConflict("inspection.follow-up.early", () -> rectifying().check(START_FOLLOW_UP,
                    "2026-03-20T09:00", "followUpOn", "2026-03-20", "certificatesShown", "true"));
            assertTrue(e.messageZh().contains("2026-03-20"));
            assertDoesNotThrow(() -> rectifying().check(START_FOLLOW_UP, "2026-03-21T09:00",
                    "followUpOn", "2026-03-21", "certificatesShown", "true"));
        }

        @Test
        void unlessThePartyReportsItDone() {
            assertDoesNotThrow(() -> rectifying().check(START_FOLLOW_UP, "2026-03-10T09:00", "followUpOn", "2026-03-10",
                    "certificatesShown", "true", "partyReportedDone", "true", "partyReportedOn", "2026-03-09"));
            assertInvalid("inspection.field.missing", "partyReportedOn", () -> rectifying().check(START_FOLLOW_UP,
                    "2026-03-10T09:00", "followUpOn", "2026-03-10", "certificatesShown", "true", "partyReportedDone", "true"));
            assertInvalid("inspection.follow-up.report-after", "partyReportedOn", () -> rectifying().check(START_FOLLOW_UP,
                    "2026-03-10T09:00", "followUpOn", "2026-03-10", "certificatesShown", "true",
                    "partyReportedDone", "true", "partyReportedOn", "2026-03-11"));
        }

        @Test
        void theFollowUpShowsCertificatesToo() {
            assertConflict("inspection.certificates", () -> rectifying().check(START_FOLLOW_UP, "2026-03-21T09:00",
                    "followUpOn", "2026-03-21", "certificatesShown", "false"));
        }

        @Test
        void theFollowUpResultChoosesTheWay() {
            var done = rectifying().took(START_FOLLOW_UP, RECORD_FOLLOW_UP).field("followUpResult", FOLLOW_UP_DONE);
            var notDone = rectifying().took(START_FOLLOW_UP, RECORD_FOLLOW_UP).field("followUpResult", FOLLOW_UP_NOT_DONE);
            assertDoesNotThrow(() -> done.check(CLOSE_RECTIFIED, "2026-03-22T09:00"));
            assertConflict("inspection.follow-up.mismatch", () -> notDone.check(CLOSE_RECTIFIED, "2026-03-22T09:00"));
            assertConflict("inspection.follow-up.mismatch", () -> done.check(REFER_AFTER_FOLLOW_UP, "2026-03-22T09:00",
                    "referredTo", "执法监察大队", "referralReason", "x", "referredOn", "2026-03-22"));
            assertDoesNotThrow(() -> notDone.check(ORDER_AGAIN, "2026-03-22T09:00",
                    "rectifyBy", "2026-04-10", "requirements", "x", "orderServedOn", "2026-03-22"));
            assertInvalid("inspection.rectify.deadline", "rectifyBy", () -> notDone.check(ORDER_AGAIN, "2026-03-22T09:00",
                    "rectifyBy", "2026-03-22", "requirements", "x", "orderServedOn", "2026-03-22"));
        }
    }
}
