package org.zhifa.api.casereview;

import java.util.List;

/**
 * A new review round (评查批次).
 *
 * @param year       the cases closed in this year are reviewed
 * @param sampleSize null for all closed cases of the year, else a random sample of this many
 * @param seed       the sample's seed; null lets the service draw one (it is recorded either way)
 */
public record RoundDraft(int year, String name, Integer sampleSize, Long seed, List<Reviewer> reviewers) {
    public RoundDraft {
        reviewers = reviewers == null ? List.of() : List.copyOf(reviewers);
    }
}
