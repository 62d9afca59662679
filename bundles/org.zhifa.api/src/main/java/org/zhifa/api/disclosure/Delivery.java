package org.zhifa.api.disclosure;

/**
 * One outbox entry handed to a channel: do {@code action} for {@code item} at its version.
 * Deliveries are idempotent per (channel, public id, version, action): the same delivery may come again
 * after a crash, a retry or a {@link DeliveryResult.State#PENDING} answer, and must then not publish twice.
 *
 * @param outboxId the outbox entry's id
 * @param attempt  1 on the first try
 * @param receipt  what the channel answered last time for this item (its remote id), or null
 */
public record Delivery(long outboxId, Action action, PublicItem item, int attempt, String receipt) {
    public enum Action { PUBLISH, UPDATE, WITHDRAW }
}
