package org.zhifa.channel.city.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * HTTP to the city (docs/city-api.md): JSON both ways, Bearer token and/or a client certificate, the
 * configured truststore. Answers come back as they are; {@link Outcomes} decides what they mean. The token
 * is sent in a header and appears nowhere else (not in exceptions, not in logs).
 */
final class CityClient {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ANSWER_BYTES = 1 << 20;

    /** The city's answer: status, JSON body (or null), Retry-After (or null). */
    record Answer(int status, JsonNode body, Duration retryAfter) {
        String code() {
            return text("code");
        }

        String messageZh() {
            return text("message_zh");
        }

        String messageEn() {
            return text("message_en");
        }

        String text(String field) {
            return body == null || !body.hasNonNull(field) ? null : body.get(field).asText();
        }

        boolean ok() {
            return status == 200 || status == 201;
        }
    }

    /** The truststore or keystore could not be read: a configuration error. */
    static final class StoreProblem extends Exception {
        private static final long serialVersionUID = 1L;
        final String file;

        StoreProblem(String file, Exception cause) {
            super(cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage()), cause);
            this.file = file;
        }
    }

    private final Settings settings;
    private final HttpClient http;

    CityClient(Settings settings) throws StoreProblem {
        this.settings = settings;
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1);
        if (!settings.truststore().isEmpty() || !settings.keystore().isEmpty()) {
            b.sslContext(sslContext(settings));
        }
        this.http = b.build();
    }

    static SSLContext sslContext(Settings s) throws StoreProblem {
        try {
            TrustManagerFactory tmf = null;
            if (!s.truststore().isEmpty()) {
                tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(load(s.truststore(), s.truststorePassword()));
            }
            KeyManagerFactory kmf = null;
            if (!s.keystore().isEmpty()) {
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(load(s.keystore(), s.keystorePassword()), s.keystorePassword().toCharArray());
            }
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf == null ? null : kmf.getKeyManagers(), tmf == null ? null : tmf.getTrustManagers(), null);
            return ctx;
        } catch (StoreProblem e) {
            throw e;
        } catch (GeneralSecurityException e) {
            throw new StoreProblem(s.keystore().isEmpty() ? s.truststore() : s.keystore(), e);
        }
    }

    private static KeyStore load(String file, String password) throws StoreProblem {
        // KeyStore.getInstance(File, …) recognises PKCS12 and JKS by their content.
        try {
            Path p = Path.of(file);
            if (!Files.isRegularFile(p)) {
                throw new StoreProblem(file, new java.io.FileNotFoundException(file));
            }
            return KeyStore.getInstance(p.toFile(), password.toCharArray());
        } catch (IOException | GeneralSecurityException e) {
            throw new StoreProblem(file, e);
        }
    }

    /** {@code /counties/{county}} followed by the encoded segments. */
    URI uri(String... segments) {
        StringBuilder b = new StringBuilder(settings.url().toString()).append("/counties/").append(segment(settings.county()));
        for (String s : segments) {
            b.append('/').append(segment(s));
        }
        return URI.create(b.toString());
    }

    private static String segment(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    Answer get(URI uri) throws IOException, InterruptedException {
        return send(request(uri).GET().build());
    }

    Answer send(String method, URI uri, JsonNode body) throws IOException, InterruptedException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        return send(request(uri).header("Content-Type", "application/json; charset=UTF-8")
                .method(method, HttpRequest.BodyPublishers.ofByteArray(bytes)).build());
    }

    private HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder r = HttpRequest.newBuilder(uri).timeout(settings.readTimeout())
                .header("Accept", "application/json");
        if (!settings.token().isEmpty()) {
            r.header("Authorization", "Bearer " + settings.token());
        }
        return r;
    }

    private Answer send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<InputStream> r = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        byte[] bytes;
        try (InputStream in = r.body()) {
            bytes = in.readNBytes(MAX_ANSWER_BYTES);
        }
        JsonNode body = null;
        if (bytes.length > 0) {
            try {
                body = JSON.readTree(bytes);
            } catch (IOException e) {
                body = null; // a proxy's HTML error page: the status still says what happened
            }
        }
        Duration retryAfter = r.headers().firstValue("Retry-After")
                .map(v -> retryAfter(v, Instant.now(), settings.maxRetryAfter())).orElse(null);
        return new Answer(r.statusCode(), body, retryAfter);
    }

    /** RFC 9110 §10.2.3: delay-seconds or an HTTP-date; null when unreadable; cut to {@code max}. */
    static Duration retryAfter(String value, Instant now, Duration max) {
        String v = value == null ? "" : value.strip();
        Duration d;
        if (v.matches("[0-9]{1,10}")) {
            d = Duration.ofSeconds(Long.parseLong(v));
        } else {
            try {
                d = Duration.between(now, ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            } catch (DateTimeParseException e) {
                return null;
            }
            if (d.isNegative()) {
                d = Duration.ZERO;
            }
        }
        return d.compareTo(max) > 0 ? max : d;
    }
}
