package org.zhifa.channel.__PKG__.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zhifa.api.disclosure.Delivery;
import org.zhifa.api.disclosure.DeliveryResult;
import org.zhifa.api.disclosure.ItemType;
import org.zhifa.api.disclosure.PublicItem;

import com.sun.net.httpserver.HttpServer;

/** The webhook against a real HTTP server on 127.0.0.1 that answers as a receiver would, errors included. */
class __CLASS__ChannelTest {
    private static final String SECRET = "s3cret-密钥";

    private record Received(String body, String signature, String key) {}

    private HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile String answer = "";
    private volatile String retryAfter;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", ex -> {
            byte[] body = ex.getRequestBody().readAllBytes();
            received.add(new Received(new String(body, StandardCharsets.UTF_8),
                    ex.getRequestHeaders().getFirst("X-Zhifa-Signature"), ex.getRequestHeaders().getFirst("Idempotency-Key")));
            if (retryAfter != null) {
                ex.getResponseHeaders().add("Retry-After", retryAfter);
            }
            if (status / 100 == 3) {
                ex.getResponseHeaders().add("Location", "https://elsewhere.example/hook");
            }
            byte[] out = answer.getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(status, out.length == 0 ? -1 : out.length);
            try (OutputStream o = ex.getResponseBody()) {
                o.write(out);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    private Webhook webhook(String url, String secret, boolean pdf) {
        return new Webhook(http, Webhook.Settings.of(url, secret, "X-Zhifa-Signature", pdf, 5, 600),
                Clock.fixed(Instant.parse("2026-03-02T08:00:00Z"), ZoneOffset.UTC));
    }

    private static Delivery delivery(Delivery.Action action, String title) {
        PublicItem item = new PublicItem("GS-2026-000042", 2, ItemType.NOTICE, null, null, title, null, null,
                LocalDate.of(2026, 3, 1), Instant.parse("2026-03-01T09:00:00Z"), null,
                "公告正文：当事人某某，\"引号\"与反斜杠\\\n第二行", "%PDF-1.7 test".getBytes(StandardCharsets.US_ASCII),
                List.of(), null, null, null);
        return new Delivery(17, action, item, 1, null);
    }

    @Test
    void aDeliveryArrivesSignedAndItsReceiptIsKept() {
        answer = "{\"ok\":true,\"receipt\":\"remote-77\"}";
        DeliveryResult r = webhook(url(), SECRET, false).deliver(delivery(Delivery.Action.PUBLISH, "<b>关于某地块的公告</b>"));
        assertEquals(DeliveryResult.State.DONE, r.state(), String.valueOf(r.message()));
        assertEquals("remote-77", r.receipt());
        Received got = received.get(0);
        assertEquals("sha256=" + Webhook.sign(SECRET.getBytes(StandardCharsets.UTF_8),
                got.body().getBytes(StandardCharsets.UTF_8)), got.signature());
        assertEquals("GS-2026-000042-v2-PUBLISH", got.key());
        assertTrue(got.body().contains("\"action\":\"PUBLISH\""), got.body());
        assertTrue(got.body().contains("公告正文：当事人某某，\\\"引号\\\"与反斜杠\\\\\\n第二行"), got.body());
        assertTrue(got.body().contains("\\u003cb\\u003e关于某地块的公告"), "markup goes out escaped: " + got.body());
        assertFalse(got.body().contains("<b>"), got.body());
        assertFalse(got.body().contains("\"pdf\""), "no PDF unless configured");
    }

    @Test
    void withoutAReceiptThePublicIdIsTheReceiptAndThePdfGoesAsBase64WhenAsked() {
        DeliveryResult r = webhook(url(), SECRET, true).deliver(delivery(Delivery.Action.WITHDRAW, "t"));
        assertEquals(DeliveryResult.State.DONE, r.state());
        assertEquals("GS-2026-000042", r.receipt());
        assertTrue(received.get(0).body().contains("\"pdf\":\""
                + Base64.getEncoder().encodeToString("%PDF-1.7 test".getBytes(StandardCharsets.US_ASCII)) + "\""));
    }

    @Test
    void aBusyWebhookIsRetriedWhenItSays() {
        status = 503;
        answer = "maintenance";
        retryAfter = "7";
        DeliveryResult r = webhook(url(), SECRET, false).deliver(delivery(Delivery.Action.UPDATE, "t"));
        assertEquals(DeliveryResult.State.RETRY, r.state());
        assertEquals(Duration.ofSeconds(7), r.retryAfter());
        assertTrue(r.message().contains("503") && r.message().contains("maintenance"), r.message());

        retryAfter = "Mon, 02 Mar 2026 08:01:00 GMT";
        assertEquals(Duration.ofSeconds(60), webhook(url(), SECRET, false).deliver(delivery(Delivery.Action.UPDATE, "t")).retryAfter());
        retryAfter = "86400";
        assertEquals(Duration.ofSeconds(600), webhook(url(), SECRET, false).deliver(delivery(Delivery.Action.UPDATE, "t")).retryAfter(),
                "capped at maxRetryAfterSeconds");
        retryAfter = null;
        status = 429;
        DeliveryResult quota = webhook(url(), SECRET, false).deliver(delivery(Delivery.Action.UPDATE, "t"));
        assertEquals(DeliveryResult.State.RETRY, quota.state());
        assertNull(quota.retryAfter(), "the outbox's own back-off");
    }

    @Test
    void aRefusalFailsWithWhatTheWebhookSaidInBothLanguages() {
        status = 401;
        answer = "{\"error\":\"bad signature\"}";
        DeliveryResult r = webhook(url(), SECRET, false).deliver(delivery(Delivery.Action.PUBLISH, "t"));
        assertEquals(DeliveryResult.State.FAILED, r.state());
        assertTrue(r.message().contains("Webhook 拒绝了投递（HTTP 401）") && r.message().contains("bad signature")
                && r.message().contains("The webhook refused the delivery (HTTP 401)"), r.message());
        status = 301;
        DeliveryResult moved = webhook(url(), SECRET, false).deliver(delivery(Delivery.Action.PUBLISH, "t"));
        assertEquals(DeliveryResult.State.FAILED, moved.state());
        assertTrue(moved.message().contains("https://elsewhere.example/hook"), moved.message());
    }

    @Test
    void anUnreachableWebhookIsRetried() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        DeliveryResult r = webhook("http://127.0.0.1:" + closed + "/hook", SECRET, false)
                .deliver(delivery(Delivery.Action.PUBLISH, "t"));
        assertEquals(DeliveryResult.State.RETRY, r.state());
        assertTrue(r.message().contains("无法连接") && r.message().contains("Cannot reach"), r.message());
    }

    @Test
    void aMissingOrBadConfigurationSaysWhatToSetAndSendsNothing() {
        for (String[] bad : new String[][] {{"", SECRET, "url"}, {"ftp://127.0.0.1/x", SECRET, "http://"},
                {"not a url", SECRET, "url"}, {url(), " ", "secret"}}) {
            DeliveryResult r = webhook(bad[0], bad[1], false).deliver(delivery(Delivery.Action.PUBLISH, "t"));
            assertEquals(DeliveryResult.State.RETRY, r.state());
            assertTrue(r.message().contains("etc/org.zhifa.channel.__PKG__.cfg") && r.message().contains(bad[2]), r.message());
        }
        assertTrue(received.isEmpty());
    }

    @Test
    void theTitleComesFromTheResourceBundles() {
        __CLASS__Channel channel = new __CLASS__Channel();
        assertEquals("__ID__", channel.id());
        assertFalse(channel.title(Locale.SIMPLIFIED_CHINESE).isBlank());
        assertTrue(channel.title(Locale.ENGLISH).contains("__ID__"));
    }
}
