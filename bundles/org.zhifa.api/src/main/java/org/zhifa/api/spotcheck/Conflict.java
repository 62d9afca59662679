package org.zhifa.api.spotcheck;

/** A declared conflict of interest (利害关系): the inspector never inspects the target. */
public record Conflict(String inspectorId, String targetId, String reason) {
}
