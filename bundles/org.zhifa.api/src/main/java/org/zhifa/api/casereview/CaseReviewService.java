package org.zhifa.api.casereview;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.zhifa.api.common.Actor;

/**
 * The yearly case-file review (案卷评查, R6). Creating rounds, assigning and closing them needs 负责人 or
 * 管理员; a result is submitted by the case's assigned reviewer; reading needs a staff role. A reviewer is
 * never given a case they handled (filed, moved or were assigned to). Every round creation, assignment,
 * result and closing appends an entry to the record (object type {@value #OBJECT_TYPE}). Refusals are
 * {@link org.zhifa.api.common.ZhifaException}s; nothing is written then.
 */
@ProviderType
public interface CaseReviewService {

    /** The record's object type of review entries. */
    String OBJECT_TYPE = "casereview";

    /** The catalogue new rounds are scored with. */
    ReviewCatalogue catalogue();

    /** A catalogue version rounds were created with. */
    Optional<ReviewCatalogue> catalogue(String version);

    /** Creates a round with all closed cases of the year, or a reproducible random sample of them. */
    ReviewRound create(RoundDraft draft, Actor actor);

    List<ReviewRound> rounds(Actor actor);

    Optional<ReviewRound> round(long roundId, Actor actor);

    List<RoundCase> cases(long roundId, Actor actor);

    /** Assigns cases (case id → reviewer user); a later assignment of a case replaces an earlier one. */
    List<RoundCase> assign(long roundId, Map<Long, String> assignments, Actor actor);

    /** Assigns every case without a reviewer, in turn, never to a reviewer who handled it. */
    List<RoundCase> assignRemaining(long roundId, Actor actor);

    /** Submits the assigned reviewer's result; a second one for the same case is its next revision. */
    ReviewResult submit(long roundId, long caseId, ScoreDraft draft, Actor actor);

    /** Every result of a case in the round, oldest revision first. */
    List<ReviewResult> results(long roundId, long caseId, Actor actor);

    /** Ends a round: no more assignments or results. */
    ReviewRound close(long roundId, Actor actor);

    RoundReport report(long roundId, Actor actor);

    /** The grade of a score under the configured thresholds. */
    Grade grade(java.math.BigDecimal score);
}
