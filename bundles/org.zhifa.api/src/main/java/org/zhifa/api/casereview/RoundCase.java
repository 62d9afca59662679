package org.zhifa.api.casereview;

import java.math.BigDecimal;
import java.util.List;

/**
 * A case of a round with its reviewer and latest result.
 *
 * @param officers the names of the officers assigned to the case
 * @param reviewer the assigned reviewer's user name, or null
 * @param revision the latest result's revision, 0 when not yet scored
 * @param score    the latest result's total, or null
 * @param grade    the latest result's grade, or null
 */
public record RoundCase(long roundId, long caseId, String caseNumber, String kind, String kindTitleZh,
                        String kindTitleEn, String title, List<String> officers, String reviewer, int revision,
                        BigDecimal score, Grade grade) {
    public RoundCase {
        officers = List.copyOf(officers);
    }
}
