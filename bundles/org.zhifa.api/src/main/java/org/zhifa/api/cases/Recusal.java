package org.zhifa.api.cases;

import java.time.Instant;

/**
 * A recusal (回避) request against an officer of a case and its decision by a 负责人.
 *
 * @param requestedBy who asked: 当事人 (the party), the officer himself, or the bureau
 * @param approved    null while undecided
 */
public record Recusal(long id, long officerId, String officerName, String requestedBy, String reason,
                      Instant requestedAt, String requestActor, Boolean approved, String decisionReason,
                      Instant decidedAt, String decisionActor) {
}
