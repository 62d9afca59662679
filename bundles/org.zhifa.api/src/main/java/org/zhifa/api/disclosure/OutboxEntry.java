package org.zhifa.api.disclosure;

import java.time.Instant;

/**
 * One delivery of one item version to one channel.
 *
 * @param alarm waiting longer than the configured limit, or FAILED
 */
public record OutboxEntry(long id, String channel, long itemId, String publicId, int version,
                          Delivery.Action action, OutboxState state, int attempts, Instant createdAt,
                          Instant nextAttemptAt, Instant doneAt, String receipt, String lastError, boolean alarm) {
}
