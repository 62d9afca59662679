package org.zhifa.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zhifa.itests.support.Cases.fields;
import static org.zhifa.itests.support.Cases.refused;
import static org.zhifa.itests.support.Cases.remedies;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.zhifa.itests.channel.ChannelBundle;
import org.zhifa.itests.support.Bureau;
import org.zhifa.itests.support.Cases;
import org.zhifa.itests.support.Json;
import org.zhifa.itests.support.Wait;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Disclosure end to end in the built bureau (D3–D5, C1): a penalty decided over REST creates its item with
 * the legal deadline; approval publishes it through the outbox to a real channel service installed into the
 * bureau; while the channel is down the entry retries, survives a restart of the bureau and is delivered
 * when the channel is back; a withdrawal reaches the channel; the shell commands and bad input.
 */
class DisclosureIT {
    private static final Duration LIMIT = Duration.ofSeconds(60);

    private final Bureau bureau = Bureau.shared();
    private final Cases cases = new Cases(bureau);

    @Test
    void aDecisionTravelsToTheChannelThroughOutageRestartAndWithdrawal() throws Exception {
        Path dir = Files.createDirectories(Path.of(System.getProperty("zhifa.work", "target/it"), "disclosure-channel")
                .toAbsolutePath());
        try (var old = Files.list(dir)) {
            for (Path p : (Iterable<Path>) old::iterator) {
                Files.delete(p);
            }
        }
        Path jar = ChannelBundle.build(dir.getParent().resolve("disclosure-channel.jar"), dir);
        // fast back-off for the test (the national default is 10 s doubling to 1 h)
        bureau.admin("config:edit org.zhifa.disclosure", "config:property-set retryBaseSeconds 1",
                "config:property-set retryCapSeconds 2", "config:update");
        String installed = bureau.admin("bundle:install -s file:" + jar);
        String bundleId = installed.replaceAll("(?s).*Bundle ID: (\\d+).*", "$1").strip();
        try {
            Wait.until("the test channel is known to the outbox", LIMIT, () -> channel() != null,
                    () -> bureau.get("/api/v1/disclosure/channels", "officer").body() + "\n" + bureau.logTail());

            // a penalty decided over REST: its item is there with the legal deadline
            List<Long> officers = List.of(cases.validOfficer("甲公示"), cases.validOfficer("乙公示"));
            JsonNode c = cases.filed("officer", Cases.penalty("韩公示未经批准占用耕地建房案", Cases.person("韩公示"), officers, false));
            long caseId = c.get("id").asLong();
            String number = c.get("number").asText();
            String today = c.get("filedOn").asText();
            cases.moved("officer", caseId, "investigate", Map.of());
            cases.moved("officer", caseId, "concludeInvestigation", fields("facts",
                    "当事人未经批准占用耕地 300 平方米建房，联系电话 13907341234，证人李秀英在场",
                    "evidence", "现场检查笔录、询问笔录、测绘报告"));
            cases.moved("officer", caseId, "notify", fields("proposedType", "罚款", "proposedFine", 6000,
                    "proposedBasis", "《土地管理法》第七十八条", "notifiedOn", today, "hearingRight", true));
            cases.moved("leader", caseId, "decide", remedies(fields("penaltyType", "罚款", "fineAmount", 6000,
                    "legalBasis", "《土地管理法》第七十八条", "performanceManner", "自收到决定书之日起十五日内缴纳",
                    "paymentAccount", "衡阳县财政局非税收入专户", "decisionDate", today, "partyWaived", true)));
            JsonNode list = Json.parse(ok(bureau.get("/api/v1/disclosure/items?q=" + enc(number), "officer")).body());
            assertEquals(1, list.get("total").asInt(), list.toString());
            JsonNode item = list.get("items").get(0);
            long id = item.get("id").asLong();
            String publicId = item.get("publicId").asText();
            assertEquals("DECISION", item.get("type").asText());
            assertEquals(caseId, item.get("caseId").asLong());
            assertEquals("PENDING", item.get("status").asText());
            assertEquals("行政处罚", item.get("kindTitleZh").asText());
            String due = Json.parse(ok(bureau.get("/api/v1/calendar/working-days/add?from=" + today + "&n=7", "officer"))
                    .body()).get("date").asText();
            assertEquals(due, item.get("dueOn").asText(), "7 working days (penalty disclosureWorkingDays)");
            assertTrue(item.get("text").asText().contains("13907341234"), "staff see the whole text");

            // approval: 负责人 only; then the channel gets the redacted form
            refused(bureau.send("POST", "/api/v1/disclosure/items/" + id + "/approve", "officer", "{}"), 403, "FORBIDDEN_ROLE");
            JsonNode approved = Json.parse(ok(bureau.send("POST", "/api/v1/disclosure/items/" + id + "/approve", "leader",
                    "{\"extraMasks\":[\"300 平方米\"]}")).body());
            assertEquals("PUBLISHED", approved.get("status").asText());
            waitDelivered(dir, "PUBLISH " + publicId + " 1");
            String sent = Files.readString(dir.resolve(publicId + "-v1-PUBLISH.txt"));
            assertTrue(sent.contains("韩公示") && sent.contains("6000"), sent);
            for (String hidden : List.of("13907341234", "李秀英", "300 平方米")) {
                assertFalse(sent.contains(hidden), hidden + " reached the channel:\n" + sent);
            }
            String pdf;
            try (PDDocument doc = Loader.loadPDF(Files.readAllBytes(dir.resolve(publicId + "-v1-PUBLISH.pdf")))) {
                pdf = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
            }
            assertTrue(pdf.contains("韩公示") && !pdf.contains("13907341234"), pdf);

            // the channel is down: a correction waits and retries, across a restart of the bureau
            Files.writeString(dir.resolve("fail"), "down");
            String text = Json.parse(ok(bureau.get("/api/v1/disclosure/items/" + id, "officer")).body()).get("text").asText();
            ok(bureau.send("POST", "/api/v1/disclosure/items/" + id + "/correct", "leader", Json.write(Map.of(
                    "text", text + "\n更正：罚款缴纳期限以决定书为准", "request", "当事人申请更正"))));
            Wait.until("the UPDATE retries", LIMIT, () -> {
                JsonNode e = entry(id);
                return e != null && e.get("attempts").asInt() >= 2 && "RETRYING".equals(e.get("state").asText());
            }, () -> bureau.get("/api/v1/disclosure/outbox", "officer").body());
            assertTrue(entry(id).get("lastError").asText().contains("told to fail"));
            // Karaf saves config:update to etc/ in the background: the restarted bureau must find the fast back-off
            Path cfg = bureau.home.resolve("etc").resolve("org.zhifa.disclosure.cfg");
            Wait.until("the fast retry settings are saved in " + cfg, LIMIT, () -> saved(cfg, "retryBaseSeconds=1"),
                    cfg::toString);
            bureau.restart();
            JsonNode waiting = entry(id);
            assertTrue(waiting != null && "UPDATE".equals(waiting.get("action").asText()), "the entry survived the restart");
            Wait.until("the restarted outbox keeps retrying", LIMIT, () -> entry(id).get("attempts").asInt() > waiting.get("attempts").asInt());
            Files.delete(dir.resolve("fail"));
            waitDelivered(dir, "UPDATE " + publicId + " 2");
            assertTrue(Files.readString(dir.resolve(publicId + "-v2-UPDATE.txt")).contains("更正：罚款缴纳期限以决定书为准"));
            Wait.until("nothing left in the outbox", LIMIT, () -> entry(id) == null);

            // withdrawal: requested (due in 3 working days), done with a published reason, delivered
            JsonNode asked = Json.parse(ok(bureau.send("POST", "/api/v1/disclosure/items/" + id + "/withdrawal-request",
                    "officer", "{\"ground\":\"REVOKED\",\"reason\":\"复议机关撤销原处罚决定\"}")).body());
            String today2 = Json.parse(ok(bureau.get("/api/v1/calendar/working-days/add?from=" + today + "&n=0", "officer"))
                    .body()).get("date").asText();
            assertFalse(asked.get("withdrawalDueOn").isNull(), asked.toString());
            assertTrue(asked.get("withdrawalDueOn").asText().compareTo(today2) > 0, asked.toString());
            Bureau.Shell bad = bureau.client("leader", "leader", "zhifa:withdraw " + id + " --ground NOPE 理由");
            assertNotEquals(0, bad.exit(), bad.output());
            Bureau.Shell w = bureau.client("leader", "leader", "zhifa:withdraw " + id + " --ground REVOKED 复议机关撤销原处罚决定");
            assertEquals(0, w.exit(), w.output());
            waitDelivered(dir, "WITHDRAW " + publicId + " 2");
            assertTrue(Files.readString(dir.resolve(publicId + "-v2-WITHDRAW.txt")).contains("REVOKED 复议机关撤销原处罚决定"));
            assertTrue(Files.readString(dir.resolve("delivered.txt")).contains("WITHDRAW " + publicId + " 2 1 it-" + publicId),
                    "the withdrawal carries the publication's receipt");

            // the shell shows it
            Bureau.Shell listed = bureau.client("leader", "leader", "zhifa:disclosure-list --status WITHDRAWN");
            assertEquals(0, listed.exit(), listed.output());
            assertTrue(listed.output().contains("韩公示未经批准占用耕地建房案"), listed.output());
            Bureau.Shell outbox = bureau.client("leader", "leader", "zhifa:outbox --state DONE --channel ittest");
            assertEquals(0, outbox.exit(), outbox.output());
            assertTrue(outbox.output().contains("ittest") && outbox.output().contains("WITHDRAW"), outbox.output());
            assertNotEquals(0, bureau.client("leader", "leader", "zhifa:disclosure-list --due tomorrow").exit());
            assertNotEquals(0, bureau.client("leader", "leader", "zhifa:publish abc").exit());
            Bureau.Shell notPending = bureau.client("leader", "leader", "zhifa:publish " + id);
            assertNotEquals(0, notPending.exit(), notPending.output());
            assertTrue(notPending.output().contains("ITEM_NOT_PENDING"), notPending.output());
            Bureau.Shell officer = bureau.client("officer", "officer", "zhifa:publish " + id);
            assertNotEquals(0, officer.exit(), officer.output());

            // a notice made by hand, published from the shell with a mask; markup stays text
            JsonNode notice = Json.parse(created(bureau.send("POST", "/api/v1/disclosure/items", "officer", Json.write(Map.of(
                    "type", "NOTICE", "title", "<script>alert(1)</script>关于某地块的公告", "decidedOn", today,
                    "text", "公告正文，联系人王秘书")))).body());
            assertEquals("<script>alert(1)</script>关于某地块的公告", notice.get("title").asText());
            Bureau.Shell published = bureau.client("leader", "leader", "zhifa:publish " + notice.get("id").asLong()
                    + " --mask 王秘书");
            assertEquals(0, published.exit(), published.output());
            waitDelivered(dir, "PUBLISH " + notice.get("publicId").asText() + " 1");
            assertFalse(Files.readString(dir.resolve(notice.get("publicId").asText() + "-v1-PUBLISH.txt")).contains("王秘书"));

            // bad input over REST: a JSON refusal, nothing written
            long before = Json.parse(bureau.get("/api/v1/disclosure/items?limit=1", "officer").body()).get("total").asLong();
            problem(bureau.send("POST", "/api/v1/disclosure/items", "officer",
                    "{\"type\":\"NOTICE\",\"title\":\"t\",\"decidedOn\":\"" + today + "\",\"text\":\"x\",\"colour\":\"red\"}"));
            problem(bureau.send("POST", "/api/v1/disclosure/items", "officer",
                    "{\"type\":\"NOTICE\",\"title\":\"t\",\"decidedOn\":\"yesterday\",\"text\":\"x\"}"));
            problem(bureau.send("POST", "/api/v1/disclosure/items", "officer",
                    "{\"type\":\"RUMOUR\",\"title\":\"t\",\"decidedOn\":\"" + today + "\",\"text\":\"x\"}"));
            refused(bureau.send("POST", "/api/v1/disclosure/items", "officer",
                    "{\"type\":\"NOTICE\",\"title\":\"\",\"decidedOn\":\"" + today + "\",\"text\":\"x\"}"), 400, "FIELD_REQUIRED");
            String big = "字".repeat(200_000);
            HttpResponse<String> oversize = bureau.send("POST", "/api/v1/disclosure/items", "officer",
                    "{\"type\":\"NOTICE\",\"title\":\"t\",\"decidedOn\":\"" + today + "\",\"text\":\"" + big + "\"}");
            assertTrue(oversize.statusCode() == 413 || oversize.statusCode() == 400, oversize.statusCode() + " " + oversize.body());
            refused(bureau.get("/api/v1/disclosure/items?due=tomorrow", "officer"), 400, "DUE_FILTER");
            refused(bureau.get("/api/v1/disclosure/items/abc", "officer"), 400, "ID_INVALID");
            refused(bureau.get("/api/v1/disclosure/items/987654321", "officer"), 404, "ITEM_UNKNOWN");
            refused(bureau.send("POST", "/api/v1/disclosure/outbox/987654321/retry", "leader", "{}"), 404, "OUTBOX_UNKNOWN");
            assertEquals(before, Json.parse(bureau.get("/api/v1/disclosure/items?limit=1", "officer").body()).get("total").asLong());
        } finally {
            Files.deleteIfExists(dir.resolve("fail"));
            bureau.admin("config:edit org.zhifa.disclosure", "config:property-set retryBaseSeconds 10",
                    "config:property-set retryCapSeconds 3600", "config:update");
            if (bundleId.matches("\\d+")) {
                bureau.admin("bundle:uninstall " + bundleId);
            }
        }
    }

    private JsonNode channel() {
        HttpResponse<String> r = bureau.get("/api/v1/disclosure/channels", "officer");
        if (r.statusCode() != 200) {
            return null;
        }
        for (JsonNode c : Json.parse(r.body()).get("items")) {
            if ("ittest".equals(c.get("id").asText()) && c.get("installed").asBoolean()) {
                return c;
            }
        }
        return null;
    }

    /** The item's open outbox entry on the test channel, or null. */
    private JsonNode entry(long itemId) {
        JsonNode page = Json.parse(ok(bureau.get("/api/v1/disclosure/outbox?channel=ittest", "officer")).body());
        for (JsonNode e : page.get("items")) {
            if (e.get("itemId").asLong() == itemId) {
                return e;
            }
        }
        return null;
    }

    private void waitDelivered(Path dir, String line) {
        Wait.until(line, LIMIT, () -> {
            try {
                return Files.exists(dir.resolve("delivered.txt"))
                        && Files.readString(dir.resolve("delivered.txt")).lines().anyMatch(l -> l.startsWith(line + " "));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, () -> bureau.get("/api/v1/disclosure/outbox", "officer").body() + "\n" + bureau.logTail());
    }

    /** A 400 with a JSON problem: code and both messages. */
    private static void problem(HttpResponse<String> r) {
        assertEquals(400, r.statusCode(), r.body());
        JsonNode e = Json.parse(r.body());
        assertFalse(e.path("code").asText().isBlank(), r.body());
        assertFalse(e.path("message_zh").asText().isBlank(), r.body());
        assertFalse(e.path("message_en").asText().isBlank(), r.body());
    }

    private static HttpResponse<String> ok(HttpResponse<String> r) {
        assertEquals(200, r.statusCode(), r.body());
        return r;
    }

    private static HttpResponse<String> created(HttpResponse<String> r) {
        assertEquals(201, r.statusCode(), r.body());
        return r;
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Whether the config file holds {@code key=value} (as Karaf writes it: spaces around =, maybe quoted). */
    private static boolean saved(Path cfg, String keyValue) {
        try {
            return Files.readAllLines(cfg).stream().anyMatch(l -> l.replace(" ", "").replace("\"", "").equals(keyValue));
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
