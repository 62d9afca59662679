package org.zhifa.api.legalreview;

import java.sql.Connection;

import org.osgi.annotation.versioning.ProviderType;
import org.zhifa.api.cases.PreparedDecision;
import org.zhifa.api.common.Actor;

/**
 * The gate of V2, asked by the case engine inside the transaction that takes any decision transition.
 * The engine refuses every decision while no gate is registered.
 */
@ProviderType
public interface DecisionGate {

    /**
     * Admits the decision or refuses it. Admitted, it writes the decision row on {@code transaction}
     * (the database refuses a row for a major case without a passed review of its latest draft) and
     * returns how it was judged. Refused, it records the refusal in the whole-process record in a
     * transaction of its own and throws a CONFLICT {@link org.zhifa.api.common.ZhifaException}
     * (REVIEW_REQUIRED, REVIEW_DRAFT_CHANGED, REVIEW_NOT_PASSED) whose message explains the evaluation.
     */
    MajorEvaluation admit(Connection transaction, PreparedDecision decision, Actor actor);
}
