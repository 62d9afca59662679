package org.zhifa.api.casereview;

import java.util.List;

/**
 * A reviewer's result for one case: the deductions, a comment, and for a revision of a submitted result
 * the reason it is revised. A result without deductions scores full points.
 */
public record ScoreDraft(List<Deduction> deductions, String comment, String revisionReason) {
    public ScoreDraft {
        deductions = deductions == null ? List.of() : List.copyOf(deductions);
    }
}
