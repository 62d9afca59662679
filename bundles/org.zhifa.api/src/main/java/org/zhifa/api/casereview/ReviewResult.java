package org.zhifa.api.casereview;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A submitted result. It is final: a change is a new result with the next revision, the earlier one stays.
 *
 * @param items   the score of every catalogue item (its points less its deductions)
 */
public record ReviewResult(long roundId, long caseId, int revision, String reviewer, Instant submittedAt,
                           BigDecimal total, Grade grade, List<ItemScore> items, List<Deduction> deductions,
                           String comment, String revisionReason) {
    public ReviewResult {
        items = List.copyOf(items);
        deductions = List.copyOf(deductions);
    }

    /** One item's score. */
    public record ItemScore(String code, String title, BigDecimal points, BigDecimal score) {}
}
