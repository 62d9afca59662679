package org.zhifa.api.casereview;

import java.time.Instant;
import java.util.List;

/**
 * A review round as stored, with its progress.
 *
 * @param seed       the sample's seed, null when all closed cases of the year are in the round
 * @param population how many closed cases of the year there were to choose from
 * @param assigned   cases with a reviewer
 * @param scored     cases with a submitted result
 */
public record ReviewRound(long id, String bureau, int year, String name, String catalogueVersion,
                          Integer sampleSize, Long seed, int population, List<Reviewer> reviewers,
                          RoundStatus status, int cases, int assigned, int scored, Instant createdAt,
                          String createdBy) {
    public ReviewRound {
        reviewers = List.copyOf(reviewers);
    }
}
