package org.zhifa.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.zhifa.itests.support.Bureau;
import org.zhifa.itests.support.Json;
import org.zhifa.itests.support.Wait;
import org.zhifa.testsupport.FakeWechat;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The WeChat channel (C3) in the built bureau: the feature hot-installed, pointed at a fake WeChat API in this
 * JVM (127.0.0.1), a notice approved over REST goes draft → submit → poll → DONE, its withdrawal deletes the
 * article, a 48001 answer becomes an alarm that a manual retry clears, a 45009 waits for midnight in Beijing and
 * is alarmed at once; the feature is uninstalled at the end.
 */
class WechatChannelIT {
    private static final Duration LIMIT = Duration.ofSeconds(120);
    private static final String PID = "org.zhifa.channel.wechat";

    private final Bureau bureau = Bureau.shared();

    @Test
    void aNoticeIsPublishedPolledWithdrawnAndA48001IsAnAlarm() throws Exception {
        Path state = Files.createDirectories(Path.of(System.getProperty("zhifa.work", "target/it"), "wechat").toAbsolutePath())
                .resolve("state-" + UUID.randomUUID() + ".properties");
        // the assembly ships the national defaults in etc/: put them back at the end
        Path cfg = bureau.home.resolve("etc").resolve(PID + ".cfg");
        String shipped = Files.exists(cfg) ? Files.readString(cfg, StandardCharsets.ISO_8859_1) : null;
        try (FakeWechat wechat = new FakeWechat("wx5a1e0f00000000it", "it-secret-" + UUID.randomUUID())) {
            JsonNode before = channel();
            assertTrue(before == null || !before.get("installed").asBoolean(), "not installed at boot: " + before);
            bureau.admin("config:edit " + PID, "config:property-set baseUrl " + wechat.baseUrl(),
                    "config:property-set appid wx5a1e0f00000000it",
                    "config:property-set secret " + wechat.secret(),
                    "config:property-set pollSeconds 1", "config:property-set siteUrl http://127.0.0.1:8181",
                    "config:property-set stateFile " + state, "config:update");
            bureau.admin("feature:install zhifa-channel-wechat");
            try {
                Wait.until("the wechat channel is installed", LIMIT, () -> channel() != null && channel().get("installed").asBoolean(),
                        () -> bureau.get("/api/v1/disclosure/channels", "officer").body() + "\n" + bureau.logTail());
                // the channel catches up on what the shared bureau published before: let that finish first
                Wait.until("the catch-up is delivered", LIMIT, () -> open() == 0,
                        () -> bureau.get("/api/v1/disclosure/outbox?channel=wechat", "officer").body() + "\n" + wechat.refusals());
                assertFalse(channel().get("alarm").asBoolean(), channel().toString());

                // a notice with markup and a long title, approved by the leader
                String marker = "公示标记" + UUID.randomUUID().toString().substring(0, 8);
                JsonNode notice = create("<b>关于衡阳县某某镇某某村集体土地征收补偿安置方案（征求意见稿）的公告及附件说明</b>",
                        "为公共利益需要，拟征收某某村集体土地。\n" + marker + "<script>alert(1)</script>");
                long id = notice.get("id").asLong();
                String publicId = notice.get("publicId").asText();
                approve(id);
                Wait.until("the notice is DONE on wechat", LIMIT, () -> done(id, "PUBLISH") != null,
                        () -> bureau.get("/api/v1/disclosure/outbox?channel=wechat", "officer").body() + "\n" + wechat.refusals()
                                + "\n" + bureau.logTail());
                JsonNode entry = done(id, "PUBLISH");
                assertTrue(entry.get("receipt").asText().startsWith("article:"), entry.toString());
                assertTrue(entry.get("attempts").asInt() >= 2, "submitted, then polled: " + entry);
                FakeWechat.Published article = wechat.published().stream()
                        .filter(p -> p.articles.get(0).content().contains(marker)).findFirst().orElseThrow();
                assertEquals(entry.get("receipt").asText().replaceAll("^article:([^;]*).*", "$1"), article.articleId);
                FakeWechat.Article a = article.articles.get(0);
                assertTrue(a.title().codePointCount(0, a.title().length()) <= 32 && a.title().endsWith("…"), a.title());
                assertFalse(a.content().contains("<script") || a.content().contains("<b>"), a.content());
                assertTrue(a.content().contains("&lt;script&gt;"), a.content());
                assertEquals("http://127.0.0.1:8181/gongshi/notices/" + publicId, a.sourceUrl());
                assertTrue(wechat.count("freepublish/get") >= 1);
                assertTrue(Files.readString(state).contains("thumb."), "the cover's media_id survives restarts");
                assertNoRefusals(wechat);

                // withdrawal: the article is deleted, every article of the item (index 0)
                HttpResponse<String> w = bureau.send("POST", "/api/v1/disclosure/items/" + id + "/withdraw", "leader",
                        Json.write(Map.of("ground", "REVOKED", "reason", "公告内容有误，撤回重发")));
                assertEquals(200, w.statusCode(), w.body());
                Wait.until("the withdrawal is DONE on wechat", LIMIT, () -> done(id, "WITHDRAW") != null,
                        () -> bureau.get("/api/v1/disclosure/outbox?channel=wechat", "officer").body() + "\n" + bureau.logTail());
                FakeWechat.Published gone = wechat.published().stream().filter(p -> p.articleId.equals(article.articleId))
                        .findFirst().orElseThrow();
                assertTrue(gone.allDeleted());
                assertEquals(java.util.List.of(0), gone.deleteIndexes);

                // 48001: the account may not publish — an alarm that says what to fix; a manual retry after the fix
                wechat.failNext("freepublish/submit", 48001);
                JsonNode second = create("关于第二件事项的公告", "第二件公告正文。");
                long id2 = second.get("id").asLong();
                approve(id2);
                Wait.until("the 48001 shows as FAILED", LIMIT, () -> {
                    JsonNode e = openEntry(id2);
                    return e != null && "FAILED".equals(e.get("state").asText());
                }, () -> bureau.get("/api/v1/disclosure/outbox?channel=wechat", "officer").body());
                JsonNode failed = openEntry(id2);
                assertTrue(failed.get("alarm").asBoolean(), failed.toString());
                assertTrue(failed.get("lastError").asText().contains("48001") && failed.get("lastError").asText().contains("发布能力"),
                        failed.toString());
                assertTrue(channel().get("alarm").asBoolean(), "发布通道 shows the alarm: " + channel());
                HttpResponse<String> retry = bureau.send("POST", "/api/v1/disclosure/outbox/" + failed.get("id").asLong() + "/retry",
                        "leader", "{}");
                assertEquals(200, retry.statusCode(), retry.body());
                Wait.until("the retried notice is DONE", LIMIT, () -> done(id2, "PUBLISH") != null,
                        () -> bureau.get("/api/v1/disclosure/outbox?channel=wechat", "officer").body());
                assertFalse(channel().get("alarm").asBoolean(), channel().toString());

                // 45009: the daily quota — the entry waits until a minute after midnight in Beijing, an alarm at once
                // when that lies beyond the outbox's alarmMinutes (60 by default)
                wechat.failNext("draft/add", 45009);
                JsonNode third = create("关于第三件事项的公告", "第三件公告正文。");
                long id3 = third.get("id").asLong();
                java.time.ZonedDateTime now = java.time.ZonedDateTime.now(ZoneId.of("Asia/Shanghai"));
                approve(id3);
                Wait.until("the 45009 waits for the quota", LIMIT, () -> {
                    JsonNode e = openEntry(id3);
                    return e != null && "RETRYING".equals(e.get("state").asText());
                }, () -> bureau.get("/api/v1/disclosure/outbox?channel=wechat", "officer").body());
                JsonNode quota = openEntry(id3);
                assertTrue(quota.get("lastError").asText().contains("45009"), quota.toString());
                java.time.Instant next = java.time.Instant.parse(quota.get("nextAttemptAt").asText());
                java.time.Instant midnight = now.toLocalDate().plusDays(1).atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant();
                assertTrue(!next.isBefore(midnight) && next.isBefore(midnight.plusSeconds(300)), "next attempt " + next);
                boolean late = Duration.between(java.time.Instant.parse(quota.get("createdAt").asText()), next)
                        .compareTo(Duration.ofMinutes(60)) > 0;
                assertEquals(late, quota.get("alarm").asBoolean(), quota.toString());
                assertEquals(late, channel().get("alarm").asBoolean(), channel().toString());
                // the quota was reset by hand in the WeChat admin: a manual retry delivers it now
                assertEquals(200, bureau.send("POST", "/api/v1/disclosure/outbox/" + quota.get("id").asLong() + "/retry",
                        "leader", "{}").statusCode());
                Wait.until("the notice after the quota is DONE", LIMIT, () -> done(id3, "PUBLISH") != null,
                        () -> bureau.get("/api/v1/disclosure/outbox?channel=wechat", "officer").body());
                assertFalse(channel().get("alarm").asBoolean(), channel().toString());
                assertFalse(bureau.logTail().contains(wechat.secret()), "the secret is never logged");
            } finally {
                bureau.admin("feature:uninstall zhifa-channel-wechat");
                bureau.admin("config:delete " + PID);
                if (shipped != null) {
                    Files.writeString(cfg, shipped, StandardCharsets.ISO_8859_1);
                }
                Wait.until("the wechat channel is gone", LIMIT, () -> {
                    JsonNode c = channel();
                    return c == null || !c.get("installed").asBoolean();
                });
            }
        }
    }

    private static void assertNoRefusals(FakeWechat wechat) {
        assertEquals(java.util.List.of(), wechat.refusals(), "every request as documented");
    }

    private JsonNode create(String title, String text) {
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        HttpResponse<String> r = bureau.send("POST", "/api/v1/disclosure/items", "officer",
                Json.write(Map.of("type", "NOTICE", "title", title, "decidedOn", today, "text", text)));
        assertEquals(201, r.statusCode(), r.body());
        return Json.parse(r.body());
    }

    private void approve(long id) {
        HttpResponse<String> r = bureau.send("POST", "/api/v1/disclosure/items/" + id + "/approve", "leader", "{}");
        assertEquals(200, r.statusCode(), r.body());
    }

    private JsonNode channel() {
        HttpResponse<String> r = bureau.get("/api/v1/disclosure/channels", "officer");
        if (r.statusCode() != 200) {
            return null;
        }
        for (JsonNode c : Json.parse(r.body()).get("items")) {
            if ("wechat".equals(c.get("id").asText())) {
                return c;
            }
        }
        return null;
    }

    private long open() {
        return Json.parse(bureau.get("/api/v1/disclosure/outbox?channel=wechat&limit=1", "officer").body()).get("total").asLong();
    }

    private JsonNode openEntry(long itemId) {
        for (JsonNode e : Json.parse(bureau.get("/api/v1/disclosure/outbox?channel=wechat&limit=50", "officer").body()).get("items")) {
            if (e.get("itemId").asLong() == itemId) {
                return e;
            }
        }
        return null;
    }

    private JsonNode done(long itemId, String action) {
        for (JsonNode e : Json.parse(bureau.get("/api/v1/disclosure/outbox?channel=wechat&state=DONE&limit=50", "officer").body())
                .get("items")) {
            if (e.get("itemId").asLong() == itemId && action.equals(e.get("action").asText())) {
                return e;
            }
        }
        return null;
    }
}
