package org.zhifa.api.kind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class KindSpiTest {

    @Test
    void aTimerOfTheFirstShapeCannotBeExtended() {
        TimerRule r = new TimerRule("t", "期限", "Limit", "a", null, Set.of("b"), 20, TimerRule.DayCount.WORKING_DAYS, "basis");
        assertNull(r.extendField());
        assertEquals(0, r.extension());
        assertEquals(20, r.effectiveLength(Map.of("anything", "true")));
    }

    /** 许可法 42: 20 working days, 30 once the extension flag is true. */
    @Test
    void anExtendedTimerIsLongerWhileItsFlagIsTrue() {
        TimerRule r = new TimerRule("t", "期限", "Limit", "a", null, Set.of("b"), 20, TimerRule.DayCount.WORKING_DAYS,
                "basis").extendedBy("extended", 10);
        assertEquals(20, r.effectiveLength(Map.of()));
        assertEquals(20, r.effectiveLength(Map.of("extended", "false")));
        assertEquals(30, r.effectiveLength(Map.of("extended", "true")));
    }

    @Test
    void timerLengthsAreNotNegativeAndExtensionsNamed() {
        assertThrows(IllegalArgumentException.class, () -> new TimerRule("t", "", "", "a", null, Set.of(), -1,
                TimerRule.DayCount.CALENDAR_DAYS, ""));
        assertThrows(IllegalArgumentException.class, () -> new TimerRule("t", "", "", "a", null, Set.of(), 1,
                TimerRule.DayCount.CALENDAR_DAYS, "", null, 5));
    }

    @Test
    void aProcedureChecksItsSteps() {
        Step a = Step.of("a", "甲", "A");
        Step b = Step.of("b", "乙", "B").closes();
        Procedure p = new Procedure("a", List.of(a, b), List.of(Transition.of("go", "a", "b", "走", "Go")), List.of(), List.of());
        assertEquals("b", p.transition("go").orElseThrow().to());
        assertThrows(IllegalArgumentException.class, () -> new Procedure("x", List.of(a, b), List.of(), List.of(), List.of()));
        assertThrows(IllegalArgumentException.class, () -> new Procedure("a", List.of(a, b),
                List.of(Transition.of("go", "a", "c", "走", "Go")), List.of(), List.of()));
        assertThrows(IllegalArgumentException.class, () -> new Procedure("a", List.of(a, b),
                List.of(Transition.of("go", "a", "b", "走", "Go"), Transition.of("go", "b", "a", "回", "Back")),
                List.of(), List.of()));
    }

    @Test
    void kindTextsFallBackToTheKeyWhenMissing() {
        KindTexts t = new KindTexts("org.zhifa.api.kind.none", KindSpiTest.class.getClassLoader());
        assertEquals("step.x", t.step("x").titleZh());
        assertEquals("step.x", t.step("x").titleEn());
    }
}
