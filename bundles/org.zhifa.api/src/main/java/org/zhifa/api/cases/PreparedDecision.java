package org.zhifa.api.cases;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.zhifa.api.kind.CaseFacts.PartyType;
import org.zhifa.api.kind.DecisionFacts;

/**
 * A decision transition as the engine would take it now, without taking it: its fields validated and
 * normalised exactly as {@link CaseService#transition} records them, and what the kind says the decision
 * decides. The legal review (V2) drafts, evaluates and guards decisions in this form.
 *
 * @param fields   the validated fields, normalised (the same map gives the same draft hash)
 * @param simple   the case runs the simple (当场) procedure
 * @param category the case's enforcement category
 * @param kindReasons what the kind itself counts as major in this decision ({@link
 *                    org.zhifa.api.kind.EnforcementKind#majorReasons}), in Chinese
 * @since 1.1
 */
public record PreparedDecision(long caseId, String caseNumber, String caseTitle, String kind, String category,
                               String transition, String transitionTitleZh, String transitionTitleEn,
                               String step, PartyType partyType, boolean simple, LocalDate filedOn,
                               Map<String, String> fields, DecisionFacts facts, List<String> kindReasons) {

    public PreparedDecision {
        fields = Map.copyOf(fields);
        kindReasons = kindReasons == null ? List.of() : List.copyOf(kindReasons);
    }
}
