package org.zhifa.api.kind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class AvItemsTest {

    private static final List<Step> STEPS = List.of(Step.of("a", "甲", "A"), Step.of("b", "乙", "B"),
            Step.of("c", "丙", "C").av(AvRule.REQUIRED));

    @Test
    void eachStepTakesItsRuleFromTheLists() {
        List<Step> s = AvItems.apply(STEPS, " a , ", "b");
        assertEquals(List.of(AvRule.REQUIRED, AvRule.UNINTERRUPTED, AvRule.NONE), s.stream().map(Step::av).toList());
        assertEquals(List.of("a", "b", "c"), s.stream().map(Step::id).toList());
    }

    @Test
    void emptyListsMeanNoRecording() {
        assertEquals(List.of(AvRule.NONE, AvRule.NONE, AvRule.NONE),
                AvItems.apply(STEPS, "", "").stream().map(Step::av).toList());
    }

    @Test
    void unknownOrDoublyListedStepsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> AvItems.apply(STEPS, "a,nowhere", ""));
        assertThrows(IllegalArgumentException.class, () -> AvItems.apply(STEPS, "", "nowhere"));
        assertThrows(IllegalArgumentException.class, () -> AvItems.apply(STEPS, "a,b", "b"));
    }
}
