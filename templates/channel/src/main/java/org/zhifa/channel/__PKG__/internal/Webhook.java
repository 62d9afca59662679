package org.zhifa.channel.__PKG__.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.zhifa.api.disclosure.Delivery;
import org.zhifa.api.disclosure.DeliveryResult;

/**
 * One webhook: the HTTP exchange and what its answer means to the outbox.
 * <ul>
 * <li>2xx → DONE; the receipt is {@code "receipt"} of a JSON answer, else the public id</li>
 * <li>408, 429, 5xx, a connection error or a timeout → RETRY (a Retry-After is honoured up to a limit)</li>
 * <li>any other answer (3xx, 4xx) → FAILED with what the webhook said: the bureau has to fix the URL,
 * the secret or the receiver, then retry the entry</li>
 * </ul>
 * Every request carries {@code Idempotency-Key: <publicId>-v<version>-<ACTION>}: the outbox may send the same
 * delivery again (crash, retry), and the receiver must answer 2xx again without publishing twice.
 */
final class Webhook {
    static final String ALGORITHM = "HmacSHA256";
    private static final Pattern RECEIPT = Pattern.compile("\"receipt\"\\s*:\\s*\"([A-Za-z0-9._:/-]{1,200})\"");
    private static final int SHOWN = 200;

    /** The configuration, checked once; {@code problem} is the key of what is wrong with it, or null. */
    record Settings(URI url, byte[] secret, String signatureHeader, boolean includePdf, Duration timeout,
                    Duration maxRetryAfter, String problem) {
        static Settings of(String url, String secret, String signatureHeader, boolean includePdf, int timeoutSeconds,
                           int maxRetryAfterSeconds) {
            String problem = null;
            URI uri = null;
            if (url == null || url.isBlank()) {
                problem = "config.url.missing";
            } else {
                try {
                    uri = URI.create(url.strip());
                    if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                        problem = "config.url.invalid";
                    }
                } catch (IllegalArgumentException e) {
                    problem = "config.url.invalid";
                }
            }
            if (problem == null && (secret == null || secret.isBlank())) {
                problem = "config.secret.missing";
            }
            String header = signatureHeader == null || !signatureHeader.matches("[A-Za-z0-9-]{1,64}")
                    ? "X-Zhifa-Signature" : signatureHeader;
            return new Settings(uri, secret == null ? new byte[0] : secret.getBytes(StandardCharsets.UTF_8), header,
                    includePdf, Duration.ofSeconds(Math.max(1, timeoutSeconds)),
                    Duration.ofSeconds(Math.max(1, maxRetryAfterSeconds)), problem);
        }
    }

    private final HttpClient http;
    private final Settings settings;
    private final Clock clock;

    Webhook(HttpClient http, Settings settings) {
        this(http, settings, Clock.systemUTC());
    }

    Webhook(HttpClient http, Settings settings, Clock clock) {
        this.http = http;
        this.settings = settings;
        this.clock = clock;
    }

    DeliveryResult deliver(Delivery d) {
        if (settings.problem() != null) {
            // a bad configuration is fixed by editing it, which replaces this webhook: retrying (not FAILED)
            // lets every waiting entry go out then without a manual retry each; the outbox alarms meanwhile
            return DeliveryResult.retry(Texts.both(settings.problem(), __CLASS__Channel.PID));
        }
        byte[] body = Payload.json(d, settings.includePdf()).getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(settings.url())
                .timeout(settings.timeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "zhifa-channel-__ID__")
                .header("Idempotency-Key", Payload.key(d))
                .header(settings.signatureHeader(), "sha256=" + sign(settings.secret(), body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return DeliveryResult.retry(Texts.both("http.unreachable", settings.url().getHost(), e.toString()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DeliveryResult.retry(Texts.both("http.interrupted"));
        }
        int status = response.statusCode();
        String said = shown(response.body());
        if (status >= 200 && status < 300) {
            Matcher m = RECEIPT.matcher(response.body() == null ? "" : response.body());
            return DeliveryResult.done(m.find() ? m.group(1) : d.item().publicId());
        }
        if (status == 408 || status == 429 || status >= 500) {
            String message = Texts.both("http.busy", status, said);
            Duration after = retryAfter(response.headers().firstValue("Retry-After").orElse(null));
            return after == null ? DeliveryResult.retry(message) : DeliveryResult.retryAfter(message, after);
        }
        return DeliveryResult.failed(Texts.both(status >= 300 && status < 400 ? "http.redirect" : "http.refused",
                status, said, response.headers().firstValue("Location").orElse("")));
    }

    /** Retry-After as delay-seconds or an HTTP date, capped; null when absent or unreadable. */
    Duration retryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Duration d;
        try {
            d = Duration.ofSeconds(Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            try {
                d = Duration.between(clock.instant(),
                        ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
        if (d.isNegative()) {
            return Duration.ZERO;
        }
        return d.compareTo(settings.maxRetryAfter()) > 0 ? settings.maxRetryAfter() : d;
    }

    /** Hex HMAC-SHA256 of the body: what the receiver recomputes with the shared secret. */
    static String sign(byte[] secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret, ALGORITHM));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The start of what the webhook answered, one line, for the alarm. */
    private static String shown(String body) {
        if (body == null || body.isBlank()) {
            return "-";
        }
        String one = body.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
        return one.length() > SHOWN ? one.substring(0, SHOWN) + "…" : one;
    }
}
