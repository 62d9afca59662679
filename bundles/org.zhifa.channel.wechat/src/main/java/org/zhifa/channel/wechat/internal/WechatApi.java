package org.zhifa.channel.wechat.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The WeChat Official Account HTTP API: JSON and multipart POSTs with the access token from
 * {@code /cgi-bin/stable_token}, cached until shortly before it expires. A call answered with an invalid or
 * expired token (40001, 40014, 42001) refreshes the token once (force_refresh) and is sent once more.
 */
final class WechatApi {
    /** The token was refused: invalid credential, invalid access_token, access_token expired. */
    static final Set<Integer> TOKEN_ERRORS = Set.of(40001, 40014, 42001);
    static final ObjectMapper JSON = new ObjectMapper();

    /** WeChat answered with an errcode other than 0. */
    static final class ApiException extends Exception {
        final int errcode;
        final String errmsg;
        final String call;

        ApiException(String call, int errcode, String errmsg) {
            super(call + ": errcode " + errcode + " " + errmsg);
            this.call = call;
            this.errcode = errcode;
            this.errmsg = errmsg == null ? "" : errmsg;
        }
    }

    /** No usable answer: connection, timeout, HTTP status, not JSON. */
    static final class TransportException extends Exception {
        TransportException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final HttpClient http;
    private final Clock clock;
    private volatile Settings settings;
    private String token;
    private Instant tokenUntil = Instant.MIN;
    private String tokenAccount = "";

    WechatApi(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** New settings; the cached token is dropped when the account or the API address changed. */
    synchronized void update(Settings s) {
        this.settings = s;
        if (!s.account().equals(tokenAccount)) {
            token = null;
        }
    }

    /** POSTs a JSON body to {@code path?access_token=…}. */
    JsonNode post(String path, JsonNode body) throws ApiException, TransportException {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        return call(path, "", "application/json; charset=utf-8", bytes);
    }

    /** POSTs one file as multipart/form-data field {@code media} to {@code path?access_token=…&query}. */
    JsonNode upload(String path, String query, String fileName, String mediaType, byte[] content)
            throws ApiException, TransportException {
        String boundary = "----zhifa" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 512);
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"media\"; filename=\"" + fileName
                + "\"; filelength=" + content.length + "\r\nContent-Type: " + mediaType + "\r\n\r\n";
        out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return call(path, query, "multipart/form-data; boundary=" + boundary, out.toByteArray());
    }

    private JsonNode call(String path, String query, String contentType, byte[] body)
            throws ApiException, TransportException {
        String t = token(false);
        try {
            return send(path, query, t, contentType, body);
        } catch (ApiException e) {
            if (!TOKEN_ERRORS.contains(e.errcode)) {
                throw e;
            }
            forget(t);
            return send(path, query, token(true), contentType, body);
        }
    }

    private JsonNode send(String path, String query, String accessToken, String contentType, byte[] body)
            throws ApiException, TransportException {
        String url = settings.baseUrl() + path + "?access_token=" + enc(accessToken) + (query.isEmpty() ? "" : "&" + query);
        HttpRequest req = HttpRequest.newBuilder(URI.create(url)).timeout(settings.timeout())
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return answer(path, req);
    }

    private JsonNode answer(String call, HttpRequest req) throws ApiException, TransportException {
        HttpResponse<byte[]> res;
        try {
            res = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            // the URL carries the token: never in a message
            throw new TransportException(call + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage().replaceAll("access_token=[^&\\s]*", "access_token=***")), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException(call + ": interrupted", e);
        }
        if (res.statusCode() != 200) {
            throw new TransportException(call + ": HTTP " + res.statusCode(), null);
        }
        JsonNode json;
        try {
            json = JSON.readTree(res.body());
        } catch (IOException e) {
            throw new TransportException(call + ": the answer is not JSON", e);
        }
        if (json == null || !json.isObject()) {
            throw new TransportException(call + ": the answer is not a JSON object", null);
        }
        int errcode = json.path("errcode").asInt(0);
        if (errcode != 0) {
            throw new ApiException(call, errcode, json.path("errmsg").asText(""));
        }
        return json;
    }

    /** The cached access token, or a new one from stable_token. */
    synchronized String token(boolean forceRefresh) throws ApiException, TransportException {
        Settings s = settings;
        Instant now = clock.instant();
        if (!forceRefresh && token != null && s.account().equals(tokenAccount) && now.isBefore(tokenUntil)) {
            return token;
        }
        ObjectNode body = JSON.createObjectNode().put("grant_type", "client_credential").put("appid", s.appid())
                .put("secret", s.secret()).put("force_refresh", forceRefresh);
        HttpRequest req = HttpRequest.newBuilder(URI.create(s.baseUrl() + "/cgi-bin/stable_token")).timeout(s.timeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build();
        JsonNode json = answer("/cgi-bin/stable_token", req);
        String t = json.path("access_token").asText("");
        long expires = json.path("expires_in").asLong(0);
        if (t.isEmpty() || expires <= 0) {
            throw new TransportException("/cgi-bin/stable_token: no access_token in the answer", null);
        }
        // renew shortly before it expires: a fifth of its life, at most five minutes
        Duration margin = Duration.ofSeconds(Math.min(300, expires / 5));
        token = t;
        tokenUntil = now.plusSeconds(expires).minus(margin);
        tokenAccount = s.account();
        return t;
    }

    private synchronized void forget(String t) {
        if (t != null && t.equals(token)) {
            token = null;
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
