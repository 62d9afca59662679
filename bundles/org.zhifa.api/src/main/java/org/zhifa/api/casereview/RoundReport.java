package org.zhifa.api.casereview;

import java.math.BigDecimal;
import java.util.List;

/**
 * The report of a round: every case with its latest score and grade, the averages per kind and per
 * officer, and the most frequent deductions.
 *
 * @param excellentFrom the lowest score graded 优秀 when the report was made
 * @param passFrom      the lowest score graded 合格
 */
public record RoundReport(ReviewRound round, BigDecimal excellentFrom, BigDecimal passFrom, List<RoundCase> cases,
                          BigDecimal average, List<Average> byKind, List<Average> byOfficer,
                          List<FrequentDeduction> deductions, int excellent, int pass, int fail) {
    public RoundReport {
        cases = List.copyOf(cases);
        byKind = List.copyOf(byKind);
        byOfficer = List.copyOf(byOfficer);
        deductions = List.copyOf(deductions);
    }

    /** The average score of the scored cases of a kind or of an officer. */
    public record Average(String key, String titleZh, String titleEn, int cases, BigDecimal average) {}

    /** How often a sub-item was deducted for, and how many points in all. */
    public record FrequentDeduction(String subItemCode, String itemTitle, String subItemTitle, int count,
                                    BigDecimal points) {}
}
