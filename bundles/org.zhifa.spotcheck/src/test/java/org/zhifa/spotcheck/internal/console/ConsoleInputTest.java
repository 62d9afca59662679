package org.zhifa.spotcheck.internal.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.zhifa.api.common.ZhifaException;

/** What the console reads from typed text before the service judges it. */
class ConsoleInputTest {

    @Test
    void aRatioIsADecimalOrAPercentage() {
        assertEquals(new BigDecimal("0.1"), PlanWindow.ratio("0.1"));
        assertEquals(new BigDecimal("0.1"), PlanWindow.ratio(" 10% "));
        assertEquals(new BigDecimal("0.125"), PlanWindow.ratio("12.5 ％"));
        assertNull(PlanWindow.ratio("  "));
        ZhifaException e = assertThrows(ZhifaException.class, () -> PlanWindow.ratio("十分之一"));
        assertEquals("CONSOLE_RATIO", e.code());
        assertTrue(e.messageZh().contains("十分之一") && e.messageEn().contains("decimal"), e.messageEn());
        assertEquals("CONSOLE_INTEGER", assertThrows(ZhifaException.class,
                () -> PlanWindow.integer("2.5", "count")).code());
        assertEquals(2, PlanWindow.integer(" 2 ", "count"));
    }

    @Test
    void sourceValuesAndLabelsAreSplitAsTyped() {
        assertEquals(List.of("3", "07", "12", "19", "A1"), DrawWindows.split(" 3, 07、12\t19；A1 "));
        assertEquals(List.of(), DrawWindows.split(null));
        assertEquals(Set.of("采矿", "尾矿库", "在建工程"), ConsoleTexts.list("采矿，尾矿库、 ;在建工程,"));
        assertEquals(Set.of(), ConsoleTexts.list(" "));
    }

    @Test
    void textsComeInBothLanguagesChineseFirst() {
        assertEquals("检查对象名录库", new ConsoleTexts(Locale.SIMPLIFIED_CHINESE).get("targets.title"));
        assertEquals("检查对象名录库", new ConsoleTexts(Locale.GERMAN).get("targets.title"));
        assertEquals("Inspection targets", new ConsoleTexts(Locale.ENGLISH).get("targets.title"));
        assertEquals("第 2 轮已抽取，记录第 12345 条", new ConsoleTexts(Locale.ROOT).get("draws.made", 2, 12345L));
    }
}
