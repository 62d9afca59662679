package org.zhifa.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.zhifa.api.record.ConsistencyProof;
import org.zhifa.api.record.Merkle;
import org.zhifa.api.record.SignedTreeHead;
import org.zhifa.itests.support.Bureau;
import org.zhifa.itests.support.Json;
import org.zhifa.itests.support.Wait;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The city channel (C5, county side) hot-installed into the running bureau and pointed at a city in this
 * test JVM (127.0.0.1) that speaks docs/city-api.md: a notice approved over REST arrives as an item version,
 * its withdrawal follows; the record's real signed tree heads arrive with consistency proofs that the city
 * checks against the bureau's published key; statistics arrive; status over REST and shell; a refused head
 * raises the alarm; the feature uninstalls cleanly.
 */
class CityPushIT {
    private static final Duration LIMIT = Duration.ofSeconds(90);
    private static final String TOKEN = "it-city-token-430421";

    private final Bureau bureau = Bureau.shared();

    @Test
    void aCountyPushesItemsTreeHeadsAndStatisticsToTheCity() throws Exception {
        PublicKey key = publicKey(bureau.get("/api/v1/record/public-key", "officer").body());
        try (City city = new City(key)) {
            bureau.admin("config:edit org.zhifa.channel.city", "config:property-set url " + city.url(),
                    "config:property-set token " + TOKEN, "config:update");
            bureau.admin("feature:install zhifa-channel-city");
            try {
                Wait.until("the city channel is known to the outbox", LIMIT, () -> channel() != null,
                        () -> bureau.get("/api/v1/disclosure/channels", "officer").body() + "\n" + bureau.logTail());

                // at start: the signed tree head (checked against the published key) and the statistics
                Wait.until("the first tree head at the city", LIMIT, () -> !city.accepted.isEmpty(),
                        () -> city.seen + "\n" + bureau.logTail());
                String month = YearMonth.now(ZoneId.of("Asia/Shanghai")).toString();
                Wait.until("this month's statistics at the city", LIMIT, () -> city.statistics.containsKey(month),
                        () -> city.seen.toString());
                JsonNode stats = city.statistics.get(month);
                assertEquals(month, stats.get("month").asText());
                assertTrue(stats.get("totals").get("disclosed").asLong() >= 0, stats.toString());

                // a notice approved over REST arrives at the city, redacted, with the bureau's code
                String today = java.time.LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
                JsonNode notice = Json.parse(created(bureau.send("POST", "/api/v1/disclosure/items", "officer", Json.write(Map.of(
                        "type", "NOTICE", "title", "关于城市平台推送测试地块的公告", "decidedOn", today,
                        "text", "城市平台推送测试公告正文，联系人赵秘书")))).body());
                long id = notice.get("id").asLong();
                String publicId = notice.get("publicId").asText();
                ok(bureau.send("POST", "/api/v1/disclosure/items/" + id + "/approve", "leader",
                        "{\"extraMasks\":[\"赵秘书\"]}"));
                Wait.until("the notice at the city", LIMIT, () -> city.items.containsKey(publicId + "/1"),
                        () -> city.seen + "\n" + bureau.get("/api/v1/disclosure/outbox?channel=city", "officer").body());
                JsonNode item = city.items.get(publicId + "/1");
                assertEquals("NOTICE", item.get("type").asText());
                assertTrue(item.get("text").asText().contains("城市平台推送测试公告正文"), item.toString());
                assertFalse(item.get("text").asText().contains("赵秘书"), "the approver's mask reached the city");
                assertEquals(city.county, item.get("bureau").get("code").asText());
                assertTrue(Base64.getDecoder().decode(item.get("pdf").asText()).length > 1000, "the redacted PDF");

                // the withdrawal follows, with its ground and reason
                ok(bureau.send("POST", "/api/v1/disclosure/items/" + id + "/withdraw", "leader",
                        "{\"ground\":\"OTHER\",\"reason\":\"公告内容有误，撤回重发\"}"));
                Wait.until("the withdrawal at the city", LIMIT, () -> city.withdrawals.containsKey(publicId),
                        () -> city.seen.toString());
                assertEquals("公告内容有误，撤回重发", city.withdrawals.get(publicId).get("reason").asText());

                // the record grew: pushed now, with a consistency proof the city verified
                int heads = city.accepted.size();
                JsonNode pushed = Json.parse(ok(bureau.send("POST", "/api/v1/channels/city/push", "leader", "")).body());
                assertEquals("DONE", pushed.get("treeHead").get("state").asText(), pushed.toString());
                assertEquals(heads + 1, city.accepted.size(), city.seen.toString());
                JsonNode proof = city.accepted.get(city.accepted.size() - 1).get("consistency");
                assertTrue(proof != null && proof.get("fromSize").asLong() > 0, String.valueOf(proof));

                // status: staff over REST, nobody anonymous; the shell
                JsonNode status = Json.parse(ok(bureau.get("/api/v1/channels/city/status", "officer")).body());
                assertFalse(status.get("alarm").asBoolean(), status.toString());
                assertFalse(status.get("treeHeads").get("lastSuccess").isNull(), status.toString());
                assertFalse(status.toString().contains(TOKEN), "the token never leaves the county's config");
                assertEquals(401, bureau.status("/api/v1/channels/city/status"));
                Bureau.Shell shown = bureau.client("reviewer", "reviewer", "zhifa:city-status");
                assertEquals(0, shown.exit(), shown.output());
                assertTrue(shown.output().contains("签名树头") && shown.output().contains(city.url()), shown.output());
                Bureau.Shell notAllowed = bureau.client("reviewer", "reviewer", "zhifa:city-status --push-now");
                assertNotEquals(0, notAllowed.exit(), notAllowed.output());
                assertTrue(notAllowed.output().contains("FORBIDDEN_PUSH"), notAllowed.output());
                refusedWith(bureau.send("POST", "/api/v1/channels/city/push", "officer", ""), 403);
                assertTrue(bureau.get("/api/openapi.json", null).body().contains("/v1/channels/city/status"),
                        "the channel documents its endpoints while installed");

                // the city refuses the next head as a fork: the alarm shows in status, shell and channel list
                city.refuseHeads = true;
                ok(bureau.send("POST", "/api/v1/disclosure/items", "officer", Json.write(Map.of("type", "NOTICE",
                        "title", "让记录增长的公告", "decidedOn", today, "text", "正文"))), 201);
                Bureau.Shell refused = bureau.client("leader", "leader", "zhifa:city-status --push-now");
                assertNotEquals(0, refused.exit(), refused.output());
                assertTrue(refused.output().contains("TREE_HEAD_FORK"), refused.output());
                JsonNode alarmed = Json.parse(ok(bureau.get("/api/v1/channels/city/status", "officer")).body());
                assertTrue(alarmed.get("alarm").asBoolean(), alarmed.toString());
                assertEquals("TREE_HEAD_FORK", alarmed.get("treeHeads").get("alarmCode").asText());
                assertTrue(channel().get("titleZh").asText().contains("告警"), channel().toString());
            } finally {
                bureau.admin("feature:uninstall zhifa-channel-city");
            }
            Wait.until("the channel is gone", LIMIT, () -> channel() == null);
            assertEquals(404, bureau.get("/api/v1/channels/city/status", "officer").statusCode());
            assertFalse(bureau.get("/api/openapi.json", null).body().contains("/v1/channels/city/status"));
        }
    }

    /** The city channel as the outbox lists it while installed, or null. */
    private JsonNode channel() {
        HttpResponse<String> r = bureau.get("/api/v1/disclosure/channels", "officer");
        if (r.statusCode() != 200) {
            return null;
        }
        for (JsonNode c : Json.parse(r.body()).get("items")) {
            if ("city".equals(c.get("id").asText()) && c.get("installed").asBoolean()) {
                return c;
            }
        }
        return null;
    }

    private static PublicKey publicKey(String pem) throws Exception {
        String b64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(b64)));
    }

    private static HttpResponse<String> ok(HttpResponse<String> r) {
        return ok(r, 200);
    }

    private static HttpResponse<String> ok(HttpResponse<String> r, int status) {
        assertEquals(status, r.statusCode(), r.body());
        return r;
    }

    /** A JSON refusal: the status, a code and both messages. */
    private static void refusedWith(HttpResponse<String> r, int status) {
        assertEquals(status, r.statusCode(), r.body());
        JsonNode e = Json.parse(r.body());
        assertFalse(e.path("code").asText().isBlank(), r.body());
        assertFalse(e.path("message_zh").asText().isBlank(), r.body());
        assertFalse(e.path("message_en").asText().isBlank(), r.body());
    }

    private static HttpResponse<String> created(HttpResponse<String> r) {
        return ok(r, 201);
    }

    /**
     * The city side of docs/city-api.md, as much as this test needs: Bearer token, item versions,
     * withdrawals, statistics, and tree heads whose Ed25519 signature and consistency proof it checks.
     */
    static final class City implements AutoCloseable {
        final HttpServer server;
        final PublicKey key;
        final List<String> seen = new CopyOnWriteArrayList<>();
        final Map<String, JsonNode> items = new ConcurrentHashMap<>();
        final Map<String, JsonNode> withdrawals = new ConcurrentHashMap<>();
        final Map<String, JsonNode> statistics = new ConcurrentHashMap<>();
        final List<JsonNode> accepted = new CopyOnWriteArrayList<>();
        volatile String county;
        volatile boolean refuseHeads;

        City(PublicKey key) throws IOException {
            this.key = key;
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/api/v1/city/", this::handle);
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1/city";
        }

        @Override
        public void close() {
            server.stop(0);
        }

        private synchronized void handle(HttpExchange x) throws IOException {
            String[] p = x.getRequestURI().getRawPath().substring("/api/v1/city/".length()).split("/");
            byte[] raw;
            try (InputStream in = x.getRequestBody()) {
                raw = in.readAllBytes();
            }
            JsonNode body = raw.length == 0 ? null : Json.parse(new String(raw, StandardCharsets.UTF_8));
            int status;
            Object answer;
            if (!("Bearer " + TOKEN).equals(x.getRequestHeaders().getFirst("Authorization"))) {
                status = 401;
                answer = error("UNAUTHENTICATED");
            } else {
                county = p[1];
                String what = String.join("/", java.util.Arrays.copyOfRange(p, 2, p.length));
                if (what.matches("items/[^/]+/versions/\\d+")) {
                    status = items.putIfAbsent(p[3] + "/" + p[5], body) == null ? 201 : 200;
                    answer = Map.of("schemaVersion", 1, "receipt", county + "/" + p[3] + "/" + p[5]);
                } else if (what.matches("items/[^/]+/withdrawal")) {
                    status = withdrawals.putIfAbsent(p[3], body) == null ? 201 : 200;
                    answer = Map.of("schemaVersion", 1, "receipt", county + "/" + p[3] + "/withdrawal");
                } else if (what.matches("statistics/\\d{4}-\\d{2}")) {
                    status = statistics.put(p[3], body) == null ? 201 : 200;
                    answer = Map.of("schemaVersion", 1, "receipt", county + "/statistics/" + p[3]);
                } else if (what.equals("tree-heads/latest")) {
                    status = accepted.isEmpty() || refuseHeads ? 404 : 200;
                    answer = status == 404 ? error("NO_TREE_HEAD")
                            : Map.of("schemaVersion", 1, "treeHead", accepted.get(accepted.size() - 1).get("treeHead"));
                } else if (what.equals("tree-heads")) {
                    String refusal = refuseHeads ? "TREE_HEAD_FORK" : check(body);
                    status = refusal == null ? 201 : switch (refusal) {
                        case "TREE_HEAD_SIGNATURE" -> 422;
                        case "TREE_HEAD_BASE_MISMATCH" -> 412;
                        default -> 409;
                    };
                    answer = refusal == null ? Map.of("schemaVersion", 1, "accepted", true) : error(refusal);
                    if (refusal == null) {
                        accepted.add(body);
                    }
                } else {
                    status = 404;
                    answer = error("NOT_FOUND");
                }
            }
            seen.add(x.getRequestMethod() + " " + x.getRequestURI().getRawPath() + " " + status);
            byte[] out = Json.write(answer).getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
            x.sendResponseHeaders(status, out.length);
            try (OutputStream o = x.getResponseBody()) {
                o.write(out);
            }
        }

        /** Null when the head is signed by the bureau's key and consistent with the last accepted one. */
        private String check(JsonNode body) {
            JsonNode h = body.get("treeHead");
            SignedTreeHead head = new SignedTreeHead(h.get("bureau").asText(), h.get("treeSize").asLong(),
                    Instant.parse(h.get("timestamp").asText()), h.get("rootHash").asText(),
                    h.get("hashAlgorithm").asText(), h.get("keyId").asText(), h.get("signature").asText());
            try {
                Signature s = Signature.getInstance("Ed25519");
                s.initVerify(key);
                s.update(head.signedBytes());
                if (!head.bureau().equals(county) || !s.verify(Base64.getDecoder().decode(head.signature()))) {
                    return "TREE_HEAD_SIGNATURE";
                }
            } catch (Exception e) {
                return "TREE_HEAD_SIGNATURE";
            }
            if (accepted.isEmpty()) {
                return null;
            }
            JsonNode last = accepted.get(accepted.size() - 1).get("treeHead");
            JsonNode c = body.get("consistency");
            if (c == null || c.get("fromSize").asLong() != last.get("treeSize").asLong()) {
                return "TREE_HEAD_BASE_MISMATCH";
            }
            List<String> path = new ArrayList<>();
            c.get("path").forEach(n -> path.add(n.asText()));
            boolean ok = Merkle.verify(Merkle.SHA256, new ConsistencyProof(last.get("treeSize").asLong(), head.treeSize(), path),
                    last.get("rootHash").asText(), head.rootHash());
            return ok ? null : "TREE_HEAD_FORK";
        }

        private static Map<String, Object> error(String code) {
            return Map.of("code", code, "message_zh", "城市平台：" + code, "message_en", "city: " + code);
        }
    }
}
