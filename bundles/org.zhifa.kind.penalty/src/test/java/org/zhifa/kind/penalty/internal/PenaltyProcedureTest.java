package org.zhifa.kind.penalty.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.zhifa.api.kind.AvRule;
import org.zhifa.api.kind.Procedure;
import org.zhifa.api.kind.TimerRule;
import org.zhifa.api.kind.TimerRule.DayCount;
import org.zhifa.api.kind.Transition;
import org.zhifa.api.kind.Transition.Variant;
import org.zhifa.testsupport.Configs;
import org.zhifa.testsupport.KindChecks;
import org.zhifa.testsupport.ProcedureAssertions;

class PenaltyProcedureTest {

    private final PenaltyKind kind = new PenaltyKind(Configs.defaults(PenaltyConfig.class));
    private final Procedure p = kind.procedure();

    @Test
    void procedureIsWellFormed() {
        ProcedureAssertions.assertWellFormed(p);
    }

    @Test
    void kindIsTitledAndNumbered() {
        assertEquals("penalty", kind.id());
        assertEquals("罚", kind.numberCode());
        assertEquals("行政处罚", kind.title(Locale.SIMPLIFIED_CHINESE));
        assertEquals("行政处罚", kind.title(Locale.ROOT));
        assertEquals("Administrative penalty", kind.title(Locale.ENGLISH));
    }

    @Test
    void messagesExistInBothLanguages() throws Exception {
        KindChecks.assertSameKeys(PenaltyKind.class, "org/zhifa/kind/penalty/internal/messages");
    }

    @Test
    void investigationNeedsTwoOfficersAndAvArt42() {
        assertEquals(2, p.step("investigation").orElseThrow().minOfficers());
        assertEquals(AvRule.REQUIRED, p.step("investigation").orElseThrow().av());
        assertEquals(2, p.step("preservation").orElseThrow().minOfficers());
        assertEquals(AvRule.REQUIRED, p.step("preservation").orElseThrow().av());
    }

    @Test
    void hearingAndServiceNeedAvR4() {
        assertEquals(AvRule.REQUIRED, p.step("hearing").orElseThrow().av());
        assertEquals(AvRule.REQUIRED, p.step("served").orElseThrow().av());
    }

    @Test
    void decisionDocumentAndTimerDocuments() {
        assertTrue(p.step("decided").orElseThrow().documents().contains("penalty.decision"));
        assertTrue(p.step("onSpot").orElseThrow().documents().contains("penalty.on-spot-decision"));
        assertTrue(p.step("notified").orElseThrow().documents().contains("penalty.notice"));
    }

    /** 处罚法 60 counts calendar days (the engine moves a last day on a rest day to the next working day). */
    @Test
    void decisionTimerIs90CalendarDaysFromFilingArt60() {
        TimerRule r = timer("decision");
        assertEquals(90, r.length());
        assertEquals(DayCount.CALENDAR_DAYS, r.count());
        assertEquals("filed", r.startStep());
        assertTrue(r.stopSteps().containsAll(Set.of("decided", "onSpot", "noPenalty", "closed")));
        assertTrue(r.basis().contains("第六十条"));
    }

    /** 处罚法 85: 二日、三日、五日、七日 are working days. */
    @Test
    void shortPeriodsAreWorkingDaysArt85() {
        assertTimer("service", 7, DayCount.WORKING_DAYS, "decided", "decisionDate");
        assertTimer("hearingRequest", 5, DayCount.WORKING_DAYS, "notified", "notifiedOn");
        assertTimer("preservation", 7, DayCount.WORKING_DAYS, "preservation", "preservedOn");
    }

    /** 处罚法 67: fifteen days is not one of art. 85's periods, so calendar days. */
    @Test
    void paymentTimerIs15CalendarDaysFromServiceArt67() {
        assertTimer("payment", 15, DayCount.CALENDAR_DAYS, "served", "servedOn");
    }

    @Test
    void timersFollowConfiguration() {
        PenaltyKind hunan = new PenaltyKind(Configs.of(PenaltyConfig.class,
                Map.of("decisionDays", 60, "serviceWorkingDays", 5, "paymentDays", 30)));
        assertEquals(60, hunan.procedure().timers().stream().filter(t -> t.id().equals("decision")).findFirst()
                .orElseThrow().length());
        assertEquals(5, hunan.procedure().timers().stream().filter(t -> t.id().equals("service")).findFirst()
                .orElseThrow().length());
        assertEquals(30, hunan.procedure().timers().stream().filter(t -> t.id().equals("payment")).findFirst()
                .orElseThrow().length());
    }

    /** 处罚法 51: the simple procedure goes 立案 → 当场决定 → 送达 → 执行 → 结案, skipping review and hearing. */
    @Test
    void simpleProcedureSkipsReviewAndHearingArt51() {
        assertEquals(Set.of("filed", "onSpot", "served", "executed", "closed"), reachable(Variant.SIMPLE));
        assertEquals(Variant.SIMPLE, p.transition("decideOnSpot").orElseThrow().variant());
        assertEquals(Variant.ORDINARY, p.transition("investigate").orElseThrow().variant());
        Set<String> ordinary = reachable(Variant.ORDINARY);
        assertTrue(ordinary.containsAll(Set.of("investigation", "review", "notified", "hearing", "legalReview",
                "discussion", "decided", "served", "executed", "closed")));
        assertTrue(!ordinary.contains("onSpot"));
    }

    @Test
    void noPenaltyAndWithdrawalLeadToClosing() {
        assertEquals("closed", p.transition("withdrawFiling").orElseThrow().to());
        assertEquals("closed", p.transition("withdrawDuringInvestigation").orElseThrow().to());
        assertEquals("noPenalty", p.transition("noPenaltyDecision").orElseThrow().to());
        assertEquals("closed", p.transition("closeNoPenalty").orElseThrow().to());
    }

    /** 处罚法 58(1)2: after a hearing the case always goes to legal review. */
    @Test
    void hearingLeadsOnlyToLegalReviewArt58() {
        assertEquals(1, p.from("hearing").size());
        assertEquals("legalReview", p.from("hearing").get(0).to());
    }

    /** 处罚法 59: the decision records the contents of a 行政处罚决定书. */
    @Test
    void everyDecisionRecordsTheFieldsOfArt59() {
        Set<String> art59 = Set.of("penaltyType", "fineAmount", "confiscatedAmount", "legalBasis", "performanceManner",
                "reconsiderationBody", "reconsiderationDays", "litigationCourt", "litigationMonths", "decisionDate");
        for (Transition t : p.transitions()) {
            if (t.to().equals("decided")) {
                Set<String> names = new HashSet<>();
                t.fields().forEach(f -> names.add(f.name()));
                assertTrue(names.containsAll(art59), t.id() + " lacks fields of art. 59: " + names);
                assertTrue(t.roles().contains("zhifa-leader"), t.id() + ": decided by a 负责人 (art. 57)");
            }
        }
    }

    @Test
    void shippedConfigurationEqualsTheDefaults() throws Exception {
        Path cfg = Path.of("../../etc/org.zhifa.kind.penalty.cfg");
        Configs.assertCfgMatchesDefaults(PenaltyConfig.class, cfg);
        Configs.assertFeatureConfigMatches(Path.of("../../features/src/main/feature/feature.xml"),
                "org.zhifa.kind.penalty", cfg);
    }

    @Test
    void disclosureWithinSevenWorkingDaysOfTheDecisionD3() {
        assertEquals("decided", kind.disclosure().step());
        assertEquals(7, kind.disclosure().workingDays());
        assertEquals(5, new PenaltyKind(Configs.of(PenaltyConfig.class, Map.of("disclosureWorkingDays", 5)))
                .disclosure().workingDays());
    }

    private Set<String> reachable(Variant v) {
        Set<String> seen = new HashSet<>(Set.of(p.initialStep()));
        Deque<String> todo = new ArrayDeque<>(seen);
        while (!todo.isEmpty()) {
            for (Transition t : p.from(todo.pop())) {
                boolean usable = t.variant() == Variant.ANY || t.variant() == v;
                // withdrawal and no-penalty paths are not the procedure's main line
                if (usable && !t.id().startsWith("withdraw") && seen.add(t.to())) {
                    todo.push(t.to());
                }
            }
        }
        return seen;
    }

    private TimerRule timer(String id) {
        return p.timers().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
    }

    private void assertTimer(String id, int length, DayCount count, String start, String startField) {
        TimerRule r = timer(id);
        assertEquals(length, r.length(), id);
        assertEquals(count, r.count(), id);
        assertEquals(start, r.startStep(), id);
        assertEquals(startField, r.startField(), id);
    }
}
