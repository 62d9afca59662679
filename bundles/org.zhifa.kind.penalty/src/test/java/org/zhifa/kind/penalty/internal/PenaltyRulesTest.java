package org.zhifa.kind.penalty.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.zhifa.testsupport.FixedWorkingDays;

class PenaltyRulesTest {

    private static final BigDecimal THREE = new BigDecimal("3");
    private final FixedWorkingDays wd = FixedWorkingDays.spring2026();

    /** 处罚法 72(1): nothing is added on or before the last day to pay. */
    @Test
    void noSurchargeWhenPaidInTimeArt72() {
        LocalDate last = LocalDate.of(2026, 3, 16);
        assertEquals(new BigDecimal("0.00"), PenaltyRules.surcharge(new BigDecimal("1000"), last, last, THREE));
        assertEquals(new BigDecimal("0.00"), PenaltyRules.surcharge(new BigDecimal("1000"), last, last.minusDays(3), THREE));
    }

    /** 处罚法 72(1): 3 % of the fine for each day late. */
    @Test
    void threePercentPerDayLateArt72() {
        LocalDate last = LocalDate.of(2026, 3, 16);
        assertEquals(new BigDecimal("30.00"), PenaltyRules.surcharge(new BigDecimal("1000"), last, last.plusDays(1), THREE));
        assertEquals(new BigDecimal("300.00"), PenaltyRules.surcharge(new BigDecimal("1000"), last, last.plusDays(10), THREE));
        assertEquals(new BigDecimal("6.00"), PenaltyRules.surcharge(new BigDecimal("200"), last, last.plusDays(1), THREE));
        // rounding to the fen: 3 % of 333.33 = 9.9999
        assertEquals(new BigDecimal("10.00"), PenaltyRules.surcharge(new BigDecimal("333.33"), last, last.plusDays(1), THREE));
    }

    /** 处罚法 72(1): the surcharge never exceeds the fine: day 33 is 99 %, day 34 would be 102 %. */
    @Test
    void surchargeCappedAtTheFineArt72() {
        LocalDate last = LocalDate.of(2026, 3, 16);
        BigDecimal fine = new BigDecimal("1000.00");
        assertEquals(new BigDecimal("990.00"), PenaltyRules.surcharge(fine, last, last.plusDays(33), THREE));
        assertEquals(new BigDecimal("1000.00"), PenaltyRules.surcharge(fine, last, last.plusDays(34), THREE));
        assertEquals(new BigDecimal("1000.00"), PenaltyRules.surcharge(fine, last, last.plusDays(400), THREE));
    }

    /** 处罚法 67 with 民法典 203: a last day on a holiday moves to the next working day. */
    @Test
    void lastDayToPayMovesOffTheSpringFestivalArt67() {
        // served 2026-02-01: the 15th day is 2026-02-16, inside the holiday; next working day 2026-02-24
        assertEquals(LocalDate.of(2026, 2, 24), PenaltyRules.lastDayToPay(LocalDate.of(2026, 2, 1), 15, wd));
        // served 2026-02-27: the 15th day, 2026-03-14, is a Saturday; Monday 2026-03-16
        assertEquals(LocalDate.of(2026, 3, 16), PenaltyRules.lastDayToPay(LocalDate.of(2026, 2, 27), 15, wd));
        // the 15th day on the adjusted working Saturday 2026-02-28 stays there
        assertEquals(LocalDate.of(2026, 2, 28), PenaltyRules.lastDayToPay(LocalDate.of(2026, 2, 13), 15, wd));
    }

    /** 处罚法 45: heavier = a heavier type, or more money. */
    @Test
    void heavierPenaltyArt45() {
        Optional<BigDecimal> none = Optional.empty();
        Optional<BigDecimal> k5 = Optional.of(new BigDecimal("5000"));
        assertFalse(PenaltyRules.heavier("罚款", k5, none, "罚款", k5, none));
        assertTrue(PenaltyRules.heavier("罚款", Optional.of(new BigDecimal("5000.01")), none, "罚款", k5, none));
        assertFalse(PenaltyRules.heavier("罚款", Optional.of(new BigDecimal("4999.99")), none, "罚款", k5, none));
        assertTrue(PenaltyRules.heavier("吊销许可证件", none, none, "罚款", k5, none));
        assertTrue(PenaltyRules.heavier("罚款", Optional.of(new BigDecimal("100")), none, "警告", none, none));
        assertFalse(PenaltyRules.heavier("警告", none, none, "罚款", k5, none));
        assertTrue(PenaltyRules.heavier("罚款", k5, Optional.of(new BigDecimal("1")), "罚款", k5, none));
        assertFalse(PenaltyRules.heavier("通报批评", none, none, "警告", none, none));
        assertTrue(PenaltyRules.heavier("责令停产停业", none, none, "暂扣许可证件", none, none));
    }

    @Test
    void everyOfferedTypeHasASeverity() {
        for (String type : PenaltyRules.TYPES) {
            PenaltyRules.rank(type);
        }
        assertThrows(IllegalArgumentException.class, () -> PenaltyRules.rank("行政拘留"));
    }
}
