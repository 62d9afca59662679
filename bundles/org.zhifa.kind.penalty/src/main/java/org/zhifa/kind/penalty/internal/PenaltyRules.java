package org.zhifa.kind.penalty.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.zhifa.api.calendar.WorkingDays;

/** The pure legal arithmetic of 行政处罚, free of the case engine so each rule is tested alone. */
final class PenaltyRules {

    static final String WARNING = "警告";
    static final String FINE = "罚款";
    static final String CONFISCATE_GAINS = "没收违法所得";
    static final String CONFISCATE_PROPERTY = "没收非法财物";
    static final String SUSPEND = "责令停产停业";
    static final String CLOSE_DOWN = "责令关闭";
    static final String REVOKE = "吊销许可证件";

    /**
     * The penalty types of 处罚法 9 (行政拘留 excepted: not a natural-resources bureau's), lightest first;
     * types in one group weigh the same.
     */
    static final List<List<String>> SEVERITY = List.of(
            List.of(WARNING, "通报批评"),
            List.of(FINE, CONFISCATE_GAINS, CONFISCATE_PROPERTY),
            List.of("暂扣许可证件"),
            List.of("降低资质等级", "限制开展生产经营活动", "限制从业"),
            List.of(SUSPEND),
            List.of(REVOKE, CLOSE_DOWN));

    static final String[] TYPES = SEVERITY.stream().flatMap(List::stream).toArray(String[]::new);

    private PenaltyRules() {}

    static int rank(String type) {
        for (int i = 0; i < SEVERITY.size(); i++) {
            if (SEVERITY.get(i).contains(type)) {
                return i;
            }
        }
        throw new IllegalArgumentException("unknown penalty type " + type);
    }

    /**
     * A decided penalty heavier than the notified one (处罚法 45): a heavier type, or a larger fine or
     * confiscation. Absent amounts count as zero.
     */
    static boolean heavier(String decidedType, Optional<BigDecimal> decidedFine, Optional<BigDecimal> decidedConfiscation,
                           String notifiedType, Optional<BigDecimal> notifiedFine, Optional<BigDecimal> notifiedConfiscation) {
        return rank(decidedType) > rank(notifiedType)
                || decidedFine.orElse(BigDecimal.ZERO).compareTo(notifiedFine.orElse(BigDecimal.ZERO)) > 0
                || decidedConfiscation.orElse(BigDecimal.ZERO).compareTo(notifiedConfiscation.orElse(BigDecimal.ZERO)) > 0;
    }

    /** The last day to pay a fine: {@code days} after service; a rest day moves it to the next working day. */
    static LocalDate lastDayToPay(LocalDate servedOn, int days, WorkingDays workingDays) {
        return workingDays.add(servedOn.plusDays(days), 0);
    }

    /**
     * 加处罚款 (处罚法 72(1)): {@code percentPerDay} % of the fine for each day paid after
     * {@code lastDayToPay}, never more than the fine itself; rounded to the fen.
     */
    static BigDecimal surcharge(BigDecimal fine, LocalDate lastDayToPay, LocalDate paidOn, BigDecimal percentPerDay) {
        long daysLate = Math.max(0, ChronoUnit.DAYS.between(lastDayToPay, paidOn));
        BigDecimal amount = fine.multiply(percentPerDay).multiply(BigDecimal.valueOf(daysLate))
                .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
        return amount.min(fine).setScale(2, RoundingMode.HALF_UP);
    }
}
