package org.zhifa.api.cases;

import java.sql.Connection;
import java.time.LocalDate;

import org.osgi.annotation.versioning.ConsumerType;
import org.zhifa.api.common.Actor;
import org.zhifa.api.kind.DisclosureRule;

/**
 * Told by the case engine, inside the transaction of the transition, whenever a case enters a step whose
 * decision its kind discloses (D3). The disclosure bundle creates the disclosure item here, so the item
 * commits or rolls back with the decision itself. A listener must not take long and must not call back
 * into {@link CaseService}; what it throws refuses the transition.
 *
 * @since 1.2
 */
@ConsumerType
public interface CaseDecisionListener {

    /**
     * @param transaction the open transaction on the zhifa database that takes the transition
     * @param decided     the case as it stands after the transition (its last event is the decision)
     * @param rule        the kind's disclosure rule of the step entered
     * @param major       the legal-review gate judged the decision major
     * @param decidedOn   the day of the decision (the deadline counts from here)
     */
    void decided(Connection transaction, CaseFile decided, DisclosureRule rule, boolean major, LocalDate decidedOn,
                 Actor actor);
}
