package org.zhifa.api.legalreview;

import java.time.Instant;
import java.util.Map;

/**
 * One version of a case's decision draft (拟作出的决定): the decision transition and its fields. A new
 * version supersedes the earlier ones and voids their reviews; the gate compares the decision taken with
 * the latest version by {@code hash} (SHA-256 of the transition and the fields in canonical JSON).
 *
 * @param evaluation the catalogue's verdict when the version was saved
 */
public record DecisionDraft(long id, long caseId, int version, String transition, Map<String, String> fields,
                            String hash, MajorEvaluation evaluation, String createdBy, Instant createdAt,
                            boolean current) {

    public DecisionDraft {
        fields = Map.copyOf(fields);
    }
}
