package org.zhifa.api.disclosure;

import java.time.Duration;

/**
 * A channel's answer to a {@link Delivery}.
 * <ul>
 * <li>DONE — delivered; {@code receipt} is the channel's remote id for later updates and withdrawals</li>
 * <li>PENDING — accepted, still in progress on the far side (e.g. WeChat's publishing job): the outbox asks
 * again after {@code retryAfter} with the same delivery and this receipt</li>
 * <li>RETRY — failed for now (down, quota): tried again with exponential back-off, or after
 * {@code retryAfter} when the channel knows better</li>
 * <li>FAILED — cannot succeed until the bureau fixes something: the entry waits for a manual retry and
 * raises an alarm with {@code message}</li>
 * </ul>
 */
public record DeliveryResult(State state, String receipt, String message, Duration retryAfter) {
    public enum State { DONE, PENDING, RETRY, FAILED }

    public static DeliveryResult done(String receipt) {
        return new DeliveryResult(State.DONE, receipt, null, null);
    }

    public static DeliveryResult pending(String receipt, Duration askAgainAfter) {
        return new DeliveryResult(State.PENDING, receipt, null, askAgainAfter);
    }

    public static DeliveryResult retry(String message) {
        return new DeliveryResult(State.RETRY, null, message, null);
    }

    public static DeliveryResult retryAfter(String message, Duration after) {
        return new DeliveryResult(State.RETRY, null, message, after);
    }

    public static DeliveryResult failed(String message) {
        return new DeliveryResult(State.FAILED, null, message, null);
    }
}
