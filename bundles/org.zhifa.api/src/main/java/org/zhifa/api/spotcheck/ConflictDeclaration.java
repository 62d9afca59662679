package org.zhifa.api.spotcheck;

import java.time.Instant;

/**
 * A declared conflict of interest (利害关系回避) between an inspector and a target. Ending one is a new
 * entry ({@code endedAt}, {@code endReason}); nothing is deleted.
 */
public record ConflictDeclaration(long id, long officerId, long targetId, String reason, Instant declaredAt,
                                  String declaredBy, Instant endedAt, String endReason) {
    public boolean active() {
        return endedAt == null;
    }
}
