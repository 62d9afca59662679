package org.zhifa.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zhifa.itests.support.Cases.refused;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.zhifa.itests.support.Bureau;
import org.zhifa.itests.support.Json;
import org.zhifa.itests.support.Wait;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The city platform with two bureaus on loopback (C5, R3): a city with {@code zhifa-city} and a county with
 * {@code zhifa-channel-city}, each a fresh copy of the built distribution. A notice published at the county
 * reaches the city (its REST and its public site) and the county's signed tree head is accepted; with the city
 * stopped the county keeps working and its outbox waits, and it catches up when the city is back; a forged head
 * and a county record rolled back under the city's eyes raise alarms that stay until an administrator
 * acknowledges them. The receiver's refusals are tried with plain HTTP. Token over loopback HTTP (no TLS).
 */
class CityIT {
    private static final Duration LIMIT = Duration.ofSeconds(90);
    private static final String API = "/api/v1/city";

    private Bureau city;
    private Bureau county;

    @Test
    void aCountyPushesCatchesUpAndIsCaughtRewritingItsRecord() throws Exception {
        Path dist = Paths.get(System.getProperty("zhifa.distribution"));
        Path work = Paths.get(System.getProperty("zhifa.work", "target/it"));
        city = Bureau.unpack(dist, work.resolve("city-city"));
        county = Bureau.unpack(dist, work.resolve("city-county"));
        try {
            run(work);
        } finally {
            county.stop();
            city.stop();
        }
    }

    private void run(Path work) throws Exception {
        city.start();
        city.admin("feature:install zhifa-city");
        Wait.until("the city API", LIMIT, () -> city.get(API + "/admin/counties", "admin").statusCode() == 200,
                city::logTail);
        county.start();

        // --- registration at the city (管理员) ---------------------------------------------------------------
        String pem = county.get("/api/v1/record/public-key", null).body();
        JsonNode sth0 = Json.parse(ok(county.get("/api/v1/record/sth", null)).body());
        String code = sth0.get("bureau").asText();
        String registration = Json.write(Map.of("code", code, "name", "衡阳县自然资源局<b>", "publicKeyPem", pem));
        refused(city.send("POST", API + "/admin/counties", null, registration), 401, "UNAUTHENTICATED");
        refused(city.send("POST", API + "/admin/counties", "officer", registration), 403, "NOT_ADMIN");
        refused(city.send("POST", API + "/admin/counties", "admin", Json.write(Map.of("code", code, "name", "x",
                "publicKeyPem", "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----"))), 422, "INVALID_FIELD");
        refused(city.send("POST", API + "/admin/counties", "admin", "{\"code\":\"" + code + "\",\"colour\":1}"), 400,
                "UNKNOWN_FIELD");
        JsonNode registered = Json.parse(created(city.send("POST", API + "/admin/counties", "admin", registration)).body());
        String token = registered.get("token").asText();
        assertTrue(token.length() >= 43, token);
        refused(city.send("POST", API + "/admin/counties", "admin", registration), 409, "COUNTY_EXISTS");
        // a second county, to try a token on the wrong path
        JsonNode other = Json.parse(created(city.send("POST", API + "/admin/counties", "admin", Json.write(Map.of(
                "code", "439999", "name", "别的县", "publicKeyPem", pem)))).body());
        assertFalse(city.get(API + "/admin/counties", "admin").body().contains(token), "only the hash is kept");

        // --- the receiver's refusals, with plain HTTP -----------------------------------------------------------
        String itemPath = API + "/counties/" + code + "/items/plainHttp01/versions/1";
        String item = Json.write(item(code, "plainHttp01", "<script>alert(1)</script>直接推送的公告"));
        refused(city.send("PUT", itemPath, null, item), 401, "UNAUTHENTICATED");
        refused(push(city, "PUT", itemPath, "wrong-token", item), 401, "UNAUTHENTICATED");
        refused(push(city, "PUT", API + "/counties/439999/items/plainHttp01/versions/1", token, item), 403, "WRONG_COUNTY");
        refused(push(city, "PUT", API + "/counties/439999/items/plainHttp01/versions/1", other.get("token").asText(),
                item), 422, "PATH_MISMATCH");
        refused(push(city, "PUT", itemPath, token, item.replace("\"schemaVersion\":1", "\"schemaVersion\":1,\"extra\":2")),
                400, "UNKNOWN_FIELD");
        refused(push(city, "PUT", itemPath, token, item.replace("\"schemaVersion\":1", "\"schemaVersion\":2")), 422,
                "SCHEMA_VERSION");
        refused(push(city, "PUT", itemPath, token, "{\"schemaVersion\":"), 400, "MALFORMED_JSON");
        refused(push(city, "PUT", API + "/counties/" + code + "/items/plainHttp01/versions/1", token,
                Json.write(withAttachment(item(code, "plainHttp01", "附件哈希不符"), "x.pdf", "AAAA", "00".repeat(32)))),
                422, "INVALID_FIELD");
        refused(push(city, "POST", API + "/counties/" + code + "/items/neverSent01/withdrawal", token, Json.write(Map.of(
                "schemaVersion", 1, "version", 1, "withdrawnAt", "2026-11-27T01:00:00.000Z", "ground", "REVOKED",
                "reason", "撤销"))), 404, "ITEM_NOT_FOUND");
        refused(push(city, "GET", API + "/counties/" + code + "/tree-heads/latest", token, null), 404, "NO_TREE_HEAD");
        HttpResponse<String> first = push(city, "PUT", itemPath, token, item);
        assertEquals(201, first.statusCode(), first.body());
        HttpResponse<String> again = push(city, "PUT", itemPath, token, item);
        assertEquals(200, again.statusCode(), again.body());
        assertEquals(Json.parse(first.body()).get("receipt"), Json.parse(again.body()).get("receipt"));
        refused(push(city, "PUT", itemPath, token, Json.write(item(code, "plainHttp01", "另一个标题"))), 409,
                "VERSION_CONFLICT");
        String page = ok(city.get("/city/items/" + code + "/plainHttp01", null)).body();
        assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;直接推送的公告"), page);
        assertFalse(page.contains("<script>"), page);
        assertTrue(city.get("/city/items/" + code + "/plainHttp01", null).headers()
                .firstValue("Content-Security-Policy").orElse("").contains("default-src 'none'"));
        assertEquals(404, city.get("/city/items/" + code + "/..%2F..%2Fetc", null).statusCode());
        // the conflict raised an alarm of its own; an administrator acknowledges it with a reason
        JsonNode conflict = openAlarms(code).get(0);
        assertEquals("CONFLICT", conflict.get("kind").asText());
        acknowledge(conflict.get("id").asLong());

        // --- the county channel ---------------------------------------------------------------------------------
        county.admin("config:edit org.zhifa.disclosure", "config:property-set retryBaseSeconds 1",
                "config:property-set retryCapSeconds 3", "config:update");
        county.admin("feature:install zhifa-channel-city");
        county.admin("config:edit org.zhifa.channel.city",
                "config:property-set url " + city.url(API), "config:property-set token " + token, "config:update");

        // (1) a notice published at the county appears at the city; the county's tree head is accepted
        String title1 = "关于某地块征收的公告（第一批）";
        String id1 = publishNotice(title1);
        waitAtCity(code, id1, title1);
        long accepted1 = pushHeadNow(code, 0);
        String counties = ok(city.get("/city/counties", null)).body();
        assertTrue(counties.contains("county-" + code) && counties.contains(">正常<"), counties);
        String listing = ok(city.get("/city/?county=" + code, null)).body();
        assertTrue(listing.contains(title1), listing);
        HttpResponse<byte[]> pdf = city.download("/city/items/" + code + "/" + id1 + ".pdf", null);
        assertEquals(200, pdf.statusCode());
        assertEquals("%PDF", new String(pdf.body(), 0, 4, StandardCharsets.ISO_8859_1));

        // a forged head (the county's own, re-signed by nobody) is refused and raises an alarm
        JsonNode own = Json.parse(ok(county.get("/api/v1/record/sth", null)).body());
        Map<String, Object> forged = head(own);
        byte[] sig = Base64.getDecoder().decode(own.get("signature").asText());
        sig[0] ^= 1;
        forged.put("signature", Base64.getEncoder().encodeToString(sig));
        refused(push(city, "POST", API + "/counties/" + code + "/tree-heads", token, Json.write(Map.of(
                "schemaVersion", 1, "treeHead", forged))), 422, "TREE_HEAD_SIGNATURE");
        JsonNode forgedAlarm = openAlarms(code).get(0);
        assertEquals("FORGED", forgedAlarm.get("kind").asText());
        assertTrue(ok(city.get("/city/counties", null)).body().contains("告警 1 项"));
        refused(city.send("POST", API + "/admin/alarms/" + forgedAlarm.get("id").asLong() + "/acknowledgement", "admin",
                "{\"reason\":\"  \"}"), 422, "INVALID_FIELD");
        acknowledge(forgedAlarm.get("id").asLong());
        assertEquals(0, openAlarms(code).size());

        // a snapshot of the county's database as it is now, for (3)
        county.stop();
        Path snapshot = work.resolve("city-county-snapshot");
        copy(county.home.resolve("data/zhifa"), snapshot);
        county.start();

        // (2) the city is down: the county keeps working and its outbox waits; the city back, it catches up.
        // Down by a power cut: during a graceful stop the container answers a plain 404 for a moment, which the
        // county channel takes for a configuration error (docs/city-api.md §3 now says: RETRY).
        city.crash();
        String title2 = "关于某地块征收的公告（第二批）";
        String id2 = publishNotice(title2);
        assertEquals(200, county.status("/api/v1/health"));
        Wait.until("the county's outbox retrying the city", LIMIT, () -> {
            JsonNode out = Json.parse(county.get("/api/v1/disclosure/outbox?channel=city", "leader").body());
            for (JsonNode e : out.get("items")) {
                if (e.get("publicId").asText().equals(id2)) {
                    return e.get("attempts").asInt() >= 1 && !e.get("state").asText().equals("DONE");
                }
            }
            return false;
        });
        city.start();
        // while the city boots its container answers a bare 404: the county retries that by itself (city-api.md §3)
        waitAtCity(code, id2, title2);
        long accepted2 = pushHeadNow(code, accepted1);
        assertTrue(accepted2 > accepted1, accepted2 + " > " + accepted1);
        assertEquals(0, openAlarms(code).size());

        // (3) the county's record rolled back to the snapshot behind the city's back: the city raises an alarm
        county.stop();
        copy(snapshot, county.home.resolve("data/zhifa"));
        county.start();
        publishNotice("关于某地块征收的公告（改写后）");
        Wait.until("a fork/rewrite alarm at the city", LIMIT, () -> {
            county.send("POST", "/api/v1/channels/city/push", "leader", "{}");
            return openAlarms(code).size() > 0;
        }, city::logTail);
        JsonNode fork = openAlarms(code).get(0);
        assertEquals("FORK", fork.get("kind").asText(), fork.toString());
        assertEquals(1, openAlarms(code).size(), "one open alarm however often the county pushes");
        assertTrue(ok(city.get("/city/counties", null)).body().contains("告警 1 项"));
        JsonNode heads = Json.parse(ok(city.get(API + "/admin/counties/" + code, "admin")).body()).get("treeHeads");
        JsonNode latest = Json.parse(ok(push(city, "GET", API + "/counties/" + code + "/tree-heads/latest", token,
                null)).body()).get("treeHead");
        assertTrue(latest.get("treeSize").asLong() >= accepted2, latest.toString());
        boolean kept = false;
        for (JsonNode h : heads) {
            kept |= h.get("status").asText().equals("FORK") && !h.get("rootHash").equals(latest.get("rootHash"));
        }
        assertTrue(kept, "the rejected head is kept as evidence, not taken as the latest: " + heads);
        Bureau.Shell alarms = city.client("admin", "admin", "zhifa:city-alarms");
        assertNotEquals(0, alarms.exit(), alarms.output());
        assertTrue(alarms.output().contains(code) && alarms.output().contains("分叉/改写"), alarms.output());
        Bureau.Shell listed = city.client("admin", "admin", "zhifa:city-counties");
        assertEquals(0, listed.exit(), listed.output());
        assertTrue(listed.output().contains(code), listed.output());
        Bureau.Shell ack = city.client("admin", "admin", "zhifa:city-alarms --ack " + fork.get("id").asLong()
                + " 已与县局核实：数据库被从备份恢复");
        assertEquals(0, ack.exit(), ack.output());
        assertEquals(0, city.client("admin", "admin", "zhifa:city-alarms").exit());
        JsonNode all = Json.parse(ok(city.get(API + "/admin/alarms", "admin")).body()).get("alarms");
        assertTrue(all.toString().contains("已与县局核实"), all.toString());

        // statistics and the takedown log on the public site
        String month = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString().substring(0, 7);
        HttpResponse<String> stats = push(city, "PUT", API + "/counties/" + code + "/statistics/" + month, token,
                Json.write(statistics(code, month, 7)));
        assertTrue(stats.statusCode() == 200 || stats.statusCode() == 201, stats.body());
        assertEquals(200, push(city, "PUT", API + "/counties/" + code + "/statistics/" + month, token,
                Json.write(statistics(code, month, 9))).statusCode());
        String table = ok(city.get("/city/statistics", null)).body();
        assertTrue(table.contains("行政处罚") && table.contains(">9<"), table);
        String csv = ok(city.get("/city/statistics.csv", null)).body();
        assertTrue(csv.contains(code + ",") && csv.contains(month + ",penalty,行政处罚,12,9,8,1"), csv);
        created(push(city, "POST", API + "/counties/" + code + "/items/plainHttp01/withdrawal", token, Json.write(Map.of(
                "schemaVersion", 1, "version", 1, "withdrawnAt", "2026-11-27T01:00:00.000Z", "ground", "REVOKED",
                "reason", "复议撤销<i>原决定</i>"))));
        assertEquals(404, city.get("/city/items/" + code + "/plainHttp01", null).statusCode());
        String takedowns = ok(city.get("/city/withdrawals", null)).body();
        assertTrue(takedowns.contains("复议撤销&lt;i&gt;原决定&lt;/i&gt;"), takedowns);

        // the feature leaves a running city cleanly, and comes back with everything it held
        city.admin("feature:uninstall zhifa-city");
        Wait.until("the city site gone", LIMIT, () -> city.status("/city/") == 404 && city.status(API + "/admin/counties") == 404);
        assertEquals(200, city.status("/api/v1/health"));
        city.admin("feature:install zhifa-city");
        Wait.until("the city site back", LIMIT, () -> city.status("/city/") == 200);
        assertTrue(ok(city.get("/city/?q=" + java.net.URLEncoder.encode("第二批", StandardCharsets.UTF_8), null)).body()
                .contains("第二批"));
    }

    // --- the county --------------------------------------------------------------------------------------------

    /** A notice made by an officer and approved by the leader; its public id. */
    private String publishNotice(String title) {
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        JsonNode notice = Json.parse(created(county.send("POST", "/api/v1/disclosure/items", "officer", Json.write(Map.of(
                "type", "NOTICE", "title", title, "decidedOn", today, "text", "公告正文：" + title)))).body());
        ok(county.send("POST", "/api/v1/disclosure/items/" + notice.get("id").asLong() + "/approve", "leader", "{}"));
        return notice.get("publicId").asText();
    }

    private void waitAtCity(String code, String publicId, String title) {
        Wait.until(publicId + " at the city", LIMIT, () -> {
            HttpResponse<String> r = city.get(API + "/admin/items?county=" + code, "admin");
            return r.statusCode() == 200 && r.body().contains(publicId);
        }, () -> county.get("/api/v1/disclosure/outbox?channel=city", "leader").body());
        String page = ok(city.get("/city/items/" + code + "/" + publicId, null)).body();
        assertTrue(page.contains(title), page);
    }

    /** Asks the county channel to push its tree head now; waits until the city accepted a larger one. */
    private long pushHeadNow(String code, long above) {
        long[] size = {0};
        Wait.until("a tree head above " + above + " accepted at the city", LIMIT, () -> {
            county.send("POST", "/api/v1/channels/city/push", "leader", "{}");
            JsonNode c = Json.parse(city.get(API + "/admin/counties/" + code, "admin").body());
            JsonNode h = c.get("latestTreeHead");
            size[0] = h == null ? 0 : h.get("treeSize").asLong();
            return size[0] > above;
        }, () -> county.get("/api/v1/channels/city/status", "leader").body());
        return size[0];
    }

    // --- the city ----------------------------------------------------------------------------------------------

    private List<JsonNode> openAlarms(String code) {
        JsonNode a = Json.parse(ok(city.get(API + "/admin/alarms?open=true", "admin")).body()).get("alarms");
        return Stream.of(Json.parse(a.toString())).flatMap(n -> {
            java.util.List<JsonNode> l = new java.util.ArrayList<>();
            n.forEach(x -> {
                if (x.get("county").asText().equals(code)) {
                    l.add(x);
                }
            });
            return l.stream();
        }).toList();
    }

    private void acknowledge(long id) {
        JsonNode a = Json.parse(ok(city.send("POST", API + "/admin/alarms/" + id + "/acknowledgement", "admin",
                "{\"reason\":\"已核实\"}")).body());
        assertFalse(a.get("open").asBoolean(), a.toString());
        refused(city.send("POST", API + "/admin/alarms/" + id + "/acknowledgement", "admin", "{\"reason\":\"再次\"}"), 409,
                "ALARM_ACKNOWLEDGED");
    }

    private static HttpResponse<String> push(Bureau to, String method, String path, String token, String body) {
        return to.send(method, path, null, body, "Authorization", "Bearer " + token);
    }

    // --- bodies (docs/city-api.md) -----------------------------------------------------------------------------

    private static Map<String, Object> item(String code, String publicId, String title) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("schemaVersion", 1);
        m.put("publicId", publicId);
        m.put("version", 1);
        m.put("type", "NOTICE");
        m.put("kind", null);
        m.put("kindTitleZh", null);
        m.put("title", title);
        m.put("caseNumber", null);
        m.put("partyName", null);
        m.put("decidedOn", "2026-11-20");
        m.put("publishedAt", "2026-11-26T08:30:00.000Z");
        m.put("postUntil", null);
        m.put("text", "正文");
        m.put("pdf", null);
        m.put("attachments", List.of());
        m.put("bureau", Map.of("code", code, "name", "衡阳县自然资源局"));
        return m;
    }

    private static Map<String, Object> withAttachment(Map<String, Object> item, String name, String base64, String sha) {
        item.put("attachments", List.of(Map.of("name", name, "contentType", "application/pdf", "sha256", sha,
                "base64", base64)));
        return item;
    }

    private static Map<String, Object> statistics(String code, String month, int decided) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("schemaVersion", 1);
        m.put("month", month);
        m.put("generatedAt", "2026-11-27T02:00:00.000Z");
        m.put("bureau", Map.of("code", code, "name", "衡阳县自然资源局"));
        Map<String, Object> k = new LinkedHashMap<>();
        k.put("kind", "penalty");
        k.put("kindTitleZh", "行政处罚");
        k.put("filed", 12);
        k.put("decided", decided);
        k.put("disclosed", 8);
        k.put("withdrawn", 1);
        m.put("kinds", List.of(k));
        m.put("totals", Map.of("filed", 12, "decided", decided, "disclosed", 8, "withdrawn", 1));
        return m;
    }

    private static Map<String, Object> head(JsonNode sth) {
        Map<String, Object> h = new LinkedHashMap<>();
        for (String f : new String[] {"bureau", "timestamp", "rootHash", "hashAlgorithm", "keyId", "signature"}) {
            h.put(f, sth.get(f).asText());
        }
        h.put("treeSize", sth.get("treeSize").asLong());
        h.put("algorithm", "Ed25519");
        return h;
    }

    static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private static void copy(Path from, Path to) {
        try {
            if (Files.exists(to)) {
                try (Stream<Path> s = Files.walk(to)) {
                    s.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
                }
            }
            try (Stream<Path> s = Files.walk(from)) {
                for (Path p : (Iterable<Path>) s::iterator) {
                    Path target = to.resolve(from.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpResponse<String> ok(HttpResponse<String> r) {
        assertEquals(200, r.statusCode(), r.body());
        return r;
    }

    private static HttpResponse<String> created(HttpResponse<String> r) {
        assertEquals(201, r.statusCode(), r.body());
        return r;
    }
}
