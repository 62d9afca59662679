package org.zhifa.channel.city.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

import org.zhifa.api.disclosure.DeliveryResult;

/**
 * What one exchange with the city came to, as docs/city-api.md §3 maps it: 2xx done; 5xx, 429 and an
 * unreachable city RETRY (after Retry-After when given); every other answer FAILED with a message that
 * says in Chinese and English what the bureau must fix, the city's own words appended.
 */
record Outcome(State state, int status, String code, String receipt, String message, Duration retryAfter) {
    enum State { DONE, RETRY, FAILED }

    static Outcome done(int status, String receipt) {
        return new Outcome(State.DONE, status, null, receipt, null, null);
    }

    static Outcome failed(String code, String message) {
        return new Outcome(State.FAILED, 0, code, null, message, null);
    }

    /** The meaning of a non-2xx answer (2xx are read by the caller, which knows the receipt field). */
    static Outcome of(CityClient.Answer a, String county) {
        int s = a.status();
        if (a.ok()) {
            return done(s, a.text("receipt"));
        }
        String city = cityWords(a);
        if (s >= 500 || s == 429) {
            return new Outcome(State.RETRY, s, a.code(), null, Texts.both("retry.busy", String.valueOf(s)) + city,
                    a.retryAfter());
        }
        if (a.code() == null) {
            // not the receiver's JSON refusal but the container's or a proxy's page (docs/city-api.md §3)
            return new Outcome(State.RETRY, s, null, null, Texts.both("retry.container", String.valueOf(s)),
                    a.retryAfter());
        }
        if (s == 404 && !"ITEM_NOT_FOUND".equals(a.code()) && !"NO_TREE_HEAD".equals(a.code())) {
            // No receiver behind the path: a city still starting (its REST layer answers before the receiver is
            // deployed) or a wrong url. Retried; the outbox raises the alarm if it lasts (docs/city-api.md §3).
            return new Outcome(State.RETRY, s, a.code(), null, Texts.both("fail.404", String.valueOf(s), county)
                    + city, a.retryAfter());
        }
        if (s == 412) {
            return new Outcome(State.RETRY, s, a.code(), null, Texts.both("retry.base") + city, Duration.ZERO);
        }
        String key = switch (s) {
            case 400, 415 -> "fail.format";
            case 401 -> "fail.401";
            case 403 -> "fail.403";
            case 409 -> "fail.409";
            case 413 -> "fail.413";
            case 422 -> "fail.422";
            case 404 -> "fail.404";
            default -> "fail.other";
        };
        return new Outcome(State.FAILED, s, a.code(), null, Texts.both(key, String.valueOf(s), county) + city, null);
    }

    /** No answer at all: down, refused, timed out — RETRY; a TLS handshake refused — FAILED (configuration). */
    static Outcome unreachable(IOException e) {
        String what = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        if (e instanceof SSLHandshakeException || e instanceof SSLException && !(e.getCause() instanceof IOException)) {
            return new Outcome(State.FAILED, 0, "TLS", null, Texts.both("fail.tls", what), null);
        }
        if (e instanceof HttpTimeoutException) {
            return new Outcome(State.RETRY, 0, "TIMEOUT", null, Texts.both("retry.timeout", what), null);
        }
        String key = e instanceof ConnectException ? "retry.refused" : "retry.unreachable";
        return new Outcome(State.RETRY, 0, "UNREACHABLE", null, Texts.both(key, what), null);
    }

    private static String cityWords(CityClient.Answer a) {
        if (a.messageZh() == null && a.messageEn() == null) {
            return "";
        }
        return " — " + Texts.zh("city.says", String.valueOf(a.code()), String.valueOf(a.messageZh())) + " / "
                + Texts.en("city.says", String.valueOf(a.code()), String.valueOf(a.messageEn()));
    }

    DeliveryResult delivery() {
        return switch (state) {
            case DONE -> DeliveryResult.done(receipt);
            case RETRY -> retryAfter == null ? DeliveryResult.retry(message) : DeliveryResult.retryAfter(message, retryAfter);
            case FAILED -> DeliveryResult.failed(message);
        };
    }
}
