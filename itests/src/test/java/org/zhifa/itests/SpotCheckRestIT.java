package org.zhifa.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.zhifa.api.spotcheck.Conflict;
import org.zhifa.api.spotcheck.DrawAlgorithm;
import org.zhifa.api.spotcheck.DrawInput;
import org.zhifa.api.spotcheck.DrawInspector;
import org.zhifa.api.spotcheck.DrawResult;
import org.zhifa.api.spotcheck.DrawTarget;
import org.zhifa.api.spotcheck.SeedSource;
import org.zhifa.itests.support.Bureau;
import org.zhifa.itests.support.Cases;
import org.zhifa.itests.support.Json;
import org.zhifa.itests.support.Officers;
import org.zhifa.itests.support.Verifier;
import org.zhifa.itests.support.Wait;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * 双随机、一公开 over REST in the built bureau (S1–S3): targets imported from CSV (UTF-8 and GBK, raw and as
 * a form), a refused import that imports nothing, a plan from a published 随机抽查事项清单, a draw announced
 * and made with public source values whose result this JVM reproduces with {@link DrawAlgorithm} on the pools
 * read back over REST, verification, a reasoned redraw superseding the draw, roles and bad input refused.
 */
class SpotCheckRestIT {
    private static final String API = "/api/v1/spotcheck";
    private static final String RUN = Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
    private static final Charset GBK = Charset.forName("GBK");
    private static final String CATEGORY = "矿产资源";
    private static final String HEADER = "名称,统一社会信用代码,类型,所属区域,风险等级,标签\n";
    private static final int CODES = (int) (System.nanoTime() % 9_000_000L);
    private static int codes = 0;

    private final Bureau bureau = Bureau.shared();
    private final Cases cases = new Cases(bureau);
    private final LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    // ------------------------------------------------------------------ helpers

    private static JsonNode ok(HttpResponse<String> r, int status) {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                r.headers().toString());
        return Json.parse(r.body());
    }

    private static JsonNode refused(HttpResponse<String> r, int status, String code) {
        return Cases.refused(r, status, code);
    }

    private HttpResponse<String> post(String path, String user, Object body) {
        return bureau.send("POST", API + path, user, body instanceof String s ? s : Json.write(body));
    }

    /** A credit code no other target of this run has. */
    private static synchronized String nextCode() {
        return Cases.creditCode(CODES + ++codes);
    }

    private static byte[] multipart(String boundary, String fileName, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/csv\r\n\r\n";
        out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private HttpResponse<String> importRaw(String user, String fileName, byte[] body, String type) {
        return bureau.sendBytes("POST", API + "/targets/import?fileName="
                + URLEncoder.encode(fileName, StandardCharsets.UTF_8), user, body, type);
    }

    private HttpResponse<String> importForm(String user, String fileName, byte[] content) {
        String boundary = "zhifa" + RUN;
        return bureau.sendBytes("POST", API + "/targets/import", user, multipart(boundary, fileName, content),
                "multipart/form-data; boundary=" + boundary);
    }

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** Inline-string cells A, B, C… of one row. */
    private static String cells(String... values) {
        StringBuilder b = new StringBuilder();
        for (String v : values) {
            b.append("<c t=\"inlineStr\"><is><t>").append(v).append("</t></is></c>");
        }
        return b.toString();
    }

    /** A workbook of one sheet: the target header, then {@code rows}; {@code prolog} goes before the root. */
    private static byte[] workbook(String prolog, String rows) {
        String sheet = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + prolog + "<worksheet xmlns=\""
                + "http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\">"
                + cells(HEADER.strip().split(",")) + "</row>" + rows + "</sheetData></worksheet>";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            zip.write(sheet.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private JsonNode targetsTagged(String tag) {
        return ok(bureau.get(API + "/targets?tag=" + URLEncoder.encode(tag, StandardCharsets.UTF_8)
                + "&includeInactive=true&limit=500", "officer"), 200);
    }

    /** Publishes a 随机抽查事项清单 with one item (drafted by an officer, reviewed by another, published). */
    private long publishInspectionCatalogue(String item) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("subject", "衡阳县自然资源局");
        values.put("name", item);
        values.put("basis", "《中华人民共和国矿产资源法》第十八条");
        values.put("target", "辖区内采矿权人");
        values.put("content", "开采范围、开采方式及安全生产情况");
        values.put("ratio", "不低于5%");
        values.put("method", "双随机抽查、现场检查");
        values.put("frequency", "每年一次");
        Map<String, Object> draft = new LinkedHashMap<>();
        draft.put("type", "INSPECTIONS");
        draft.put("effectiveFrom", today.toString());
        draft.put("note", "抽查测试 " + RUN);
        draft.put("items", List.of(values));
        long id = ok(bureau.send("POST", "/api/v1/catalogues", "officer", Json.write(draft)), 201).get("id").asLong();
        ok(bureau.send("POST", "/api/v1/catalogues/" + id + "/submit", "officer", "{}"), 200);
        ok(bureau.send("POST", "/api/v1/catalogues/" + id + "/review", "reviewer",
                "{\"passed\":true,\"opinion\":\"可\"}"), 200);
        JsonNode published = ok(bureau.send("POST", "/api/v1/catalogues/" + id + "/publish", "leader", "{}"), 200);
        assertEquals("PUBLISHED", published.get("status").asText(), published.toString());
        return id;
    }

    // ------------------------------------------------------------------ the target pool

    @Test
    void targetsAreImportedAllOrNothingRevisedAndDeactivated() {
        String tag = "导入" + RUN;
        refused(bureau.get(API + "/targets", null), 401, "UNAUTHENTICATED");

        // UTF-8, as a form upload (the way a browser sends a file)
        String utf8 = HEADER
                + "衡阳县某某采石场" + RUN + "," + nextCode() + ",企业,西渡镇,高," + tag + "、采矿\n"
                + "张某" + RUN + ",,自然人,演陂镇,低," + tag + "\n";
        refused(importForm("officer", "targets.csv", utf8.getBytes(StandardCharsets.UTF_8)), 403, "FORBIDDEN_ROLE");
        JsonNode first = ok(importForm("leader", "targets.csv", utf8.getBytes(StandardCharsets.UTF_8)), 200);
        assertTrue(first.get("stored").asBoolean(), first.toString());
        assertEquals(2, first.get("created").asInt(), first.toString());
        assertEquals("CSV UTF-8", first.get("format").asText());

        // GBK, as the raw body with its file name (what Excel saves as "CSV" on a Chinese Windows)
        String gbk = HEADER + "衡阳县某某砖厂" + RUN + "," + nextCode() + ",企业,界牌镇,中," + tag + "\n";
        JsonNode second = ok(importRaw("leader", "名录（GBK）.csv", gbk.getBytes(GBK), "text/csv"), 200);
        assertEquals("CSV GBK", second.get("format").asText(), second.toString());
        JsonNode pool = targetsTagged(tag);
        assertEquals(3, pool.get("total").asInt(), pool.toString());
        assertTrue(pool.toString().contains("衡阳县某某砖厂" + RUN), "GBK decoded: " + pool);

        // an Excel workbook, read with whichever StAX factory the bureau's JVM finds inside Karaf, and one
        // whose sheet declares an external entity: refused, the file it names never read
        String xlsxName = "衡阳县某某石料厂" + RUN;
        String row = "<row r=\"2\">" + cells(xlsxName, nextCode(), "企业", "洪市镇", "中", tag) + "</row>";
        JsonNode third = ok(importRaw("leader", "名录.xlsx", workbook("", row), XLSX), 200);
        assertEquals("XLSX", third.get("format").asText(), third.toString());
        String entity = "<!DOCTYPE worksheet [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>";
        String stolen = "<row r=\"2\">" + cells("&x;", nextCode(), "企业", "洪市镇", "中", tag) + "</row>";
        JsonNode xxe = refused(importRaw("leader", "xxe.xlsx", workbook(entity, stolen), XLSX), 400,
                "IMPORT_UNREADABLE");
        assertFalse(xxe.toString().contains("root:"), xxe.toString());
        pool = targetsTagged(tag);
        assertEquals(4, pool.get("total").asInt(), pool.toString());
        assertTrue(pool.toString().contains(xlsxName), pool.toString());
        assertFalse(pool.toString().contains("root:"), pool.toString());

        // every bad line reported, nothing imported
        String bad = HEADER
                + "衡阳县甲公司" + RUN + "," + nextCode() + ",企业,西渡镇,高," + tag + "\n"
                + "衡阳县乙公司" + RUN + ",,工厂,西渡镇,高," + tag + "\n"
                + "衡阳县丙公司" + RUN + "," + nextCode() + ",企业,西渡镇,极高," + tag + "\n"
                + "衡阳县丁公司" + RUN + ",91430421MA4L000000,企业,西渡镇,低," + tag + "\n";
        JsonNode report = refused(importRaw("leader", "bad.csv", bad.getBytes(StandardCharsets.UTF_8), "text/csv"),
                400, "IMPORT_REJECTED");
        assertFalse(report.get("stored").asBoolean());
        assertEquals(0, report.get("created").asInt());
        List<Integer> lines = new ArrayList<>();
        for (JsonNode e : report.get("errors")) {
            lines.add(e.get("line").asInt());
            assertFalse(e.get("message_zh").asText().isBlank(), e.toString());
            assertFalse(e.get("message_en").asText().isBlank(), e.toString());
        }
        assertEquals(List.of(3, 4, 5), lines, report.toString());
        assertEquals(4, targetsTagged(tag).get("total").asInt(), "nothing of the bad file was imported");

        // a missing header column, a file without name, an unsupported type
        refused(importRaw("leader", "x.csv", "名称,类型\n甲,企业\n".getBytes(StandardCharsets.UTF_8), "text/csv"), 400,
                "IMPORT_REJECTED");
        refused(bureau.sendBytes("POST", API + "/targets/import", "leader", utf8.getBytes(StandardCharsets.UTF_8),
                "text/csv"), 400, "IMPORT_FILE_MISSING");
        refused(bureau.sendBytes("POST", API + "/targets/import?fileName=a.csv", "leader", new byte[] {1},
                "image/png"), 415, "UNSUPPORTED_MEDIA_TYPE");
        HttpResponse<String> broken = bureau.sendBytes("POST", API + "/targets/import", "leader",
                "--x\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\n".getBytes(StandardCharsets.UTF_8),
                "multipart/form-data; boundary=x");
        assertEquals(400, broken.statusCode(), broken.body());
        assertFalse(Json.parse(broken.body()).path("message_en").asText().isBlank(), broken.body());
        refused(importForm("leader", "", utf8.getBytes(StandardCharsets.UTF_8)), 400, "IMPORT_FILE_MISSING");
        refused(bureau.sendBytes("POST", API + "/targets/import?fileName=a.csv&path=../../etc", "leader",
                utf8.getBytes(StandardCharsets.UTF_8), "text/csv"), 400, "PARAM_UNKNOWN");

        // a target typed in, markup in its name kept as inert text; the revision guards a change
        String name = "衡阳县<script>alert(1)</script>某矿" + RUN;
        Map<String, Object> draft = new LinkedHashMap<>();
        draft.put("name", name);
        draft.put("creditCode", nextCode());
        draft.put("type", "ENTERPRISE");
        draft.put("area", "西渡镇");
        draft.put("risk", "HIGH");
        draft.put("tags", List.of(tag));
        refused(post("/targets", "leader", Json.write(draft).replace("\"area\"", "\"areaa\"")), 400, "UNKNOWN_FIELD");
        refused(post("/targets", "leader", Json.write(draft).replace("\"HIGH\"", "1")), 400, "WRONG_TYPE");
        refused(post("/targets", "leader", Json.write(draft).replace("\"HIGH\"", "\"EXTREME\"")), 400, "WRONG_TYPE");
        refused(post("/targets", "leader", "{\"name\":"), 400, "MALFORMED_JSON");
        refused(post("/targets", "officer", draft), 403, "FORBIDDEN_ROLE");
        HttpResponse<String> created = post("/targets", "leader", draft);
        JsonNode t = ok(created, 201);
        assertEquals(name, t.get("name").asText(), "stored and answered as it was typed");
        long id = t.get("id").asLong();
        String etag = created.headers().firstValue("ETag").orElseThrow();

        draft.put("risk", "MEDIUM");
        refused(bureau.send("PUT", API + "/targets/" + id, "leader", Json.write(draft)), 428, "REVISION_REQUIRED");
        refused(bureau.send("PUT", API + "/targets/" + id, "leader", Json.write(draft), "If-Match", "\"7\""), 409,
                "TARGET_STALE");
        JsonNode revised = ok(bureau.send("PUT", API + "/targets/" + id, "leader", Json.write(draft), "If-Match", etag),
                200);
        assertEquals("MEDIUM", revised.get("risk").asText());
        assertEquals(t.get("revision").asInt() + 1, revised.get("revision").asInt());
        refused(bureau.send("PUT", API + "/targets/" + id, "leader", Json.write(draft), "If-Match", etag), 409,
                "TARGET_STALE");

        refused(post("/targets/" + id + "/deactivate", "leader", "{}"), 400, "FIELD_REQUIRED");
        refused(post("/targets/" + id + "/deactivate", "leader", "{\"reason\":1}"), 400, "WRONG_TYPE");
        JsonNode off = ok(post("/targets/" + id + "/deactivate", "leader", Map.of("reason", "已注销")), 200);
        assertFalse(off.get("active").asBoolean());
        assertEquals(4, ok(bureau.get(API + "/targets?tag=" + URLEncoder.encode(tag, StandardCharsets.UTF_8),
                "officer"), 200).get("total").asInt(), "deactivated targets are left out unless asked for");
        assertEquals(5, targetsTagged(tag).get("total").asInt());
        refused(bureau.get(API + "/targets/" + (id + 100_000), "officer"), 404, "TARGET_NOT_FOUND");
        refused(bureau.get(API + "/targets/abc", "officer"), 400, "PARAM_INVALID");
        refused(bureau.get(API + "/targets?risk=EXTREME", "officer"), 400, "PARAM_INVALID");
        refused(bureau.get(API + "/targets?sort=name", "officer"), 400, "PARAM_UNKNOWN");
    }

    @Test
    void anImportOverTheConfiguredLimitIs413() {
        String tag = "超限" + RUN;
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < 40; i++) {
            csv.append("张某").append(i).append(RUN).append(",,自然人,演陂镇,低,").append(tag).append('\n');
        }
        byte[] body = csv.toString().getBytes(StandardCharsets.UTF_8);
        assertTrue(body.length > 1024);
        bureau.admin("config:property-set -p org.zhifa.spotcheck maxImportBytes 1024");
        try {
            Wait.until("the 1 KiB import limit in force", Duration.ofSeconds(60),
                    () -> importRaw("leader", "big.csv", body, "text/csv").statusCode() == 413);
            refused(importRaw("leader", "big.csv", body, "text/csv"), 413, "IMPORT_TOO_LARGE");
            refused(importForm("leader", "big.csv", body), 413, "IMPORT_TOO_LARGE");
            assertEquals(0, targetsTagged(tag).get("total").asInt(), "nothing of the refused file was imported");
        } finally {
            bureau.admin("config:property-set -p org.zhifa.spotcheck maxImportBytes 20971520");
        }
        Wait.until("the import limit restored", Duration.ofSeconds(60),
                () -> importRaw("leader", "big.csv", body, "text/csv").statusCode() == 200);
        assertEquals(40, targetsTagged(tag).get("total").asInt());
    }

    // ------------------------------------------------------------------ plans and draws

    /**
     * The bureau draws inspectors certified for mineral resources and files their cases under that category,
     * as a county inspecting 矿产资源 would configure it; three more such officers make the pool large enough.
     */
    @Test
    void aDrawIsAnnouncedMadeReproducedVerifiedAndRedrawn() {
        for (int i = 1; i <= 3; i++) {
            ok(bureau.send("POST", "/api/v1/personnel", "admin", Json.write(Officers.draft("抽查员" + i + RUN,
                    Officers.certificate("SC")))), 201);
        }
        // one edit session, one write of etc/org.zhifa.spotcheck.cfg: with two "property-set -p" commands the
        // second reads the file while fileinstall may still be rewriting it after the first, and can lose it
        bureau.admin("config:edit org.zhifa.spotcheck", "config:property-set inspectionCategories " + CATEGORY,
                "config:property-set caseCategory " + CATEGORY, "config:update");
        try {
            Wait.until("only " + CATEGORY + " inspectors", Duration.ofSeconds(60), () -> {
                JsonNode items = Json.parse(bureau.get(API + "/inspectors", "officer").body()).path("items");
                boolean all = items.size() >= 5;
                for (JsonNode i : items) {
                    all &= i.get("categories").toString().contains(CATEGORY);
                }
                return all;
            }, () -> bureau.get(API + "/inspectors", "officer").body() + "\n"
                    + bureau.admin("config:property-list -p org.zhifa.spotcheck"));
            drawIsAnnouncedMadeReproducedVerifiedAndRedrawn();
        } finally {
            bureau.admin("config:edit org.zhifa.spotcheck", "config:property-delete inspectionCategories",
                    "config:property-delete caseCategory", "config:update");
        }
    }

    private void drawIsAnnouncedMadeReproducedVerifiedAndRedrawn() {
        String tag = "抽查" + RUN;
        String item = "矿产资源开采情况的检查" + RUN;
        long catalogue = publishInspectionCatalogue(item);

        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 1; i <= 6; i++) {
            csv.append("衡阳县某某矿业有限公司").append(i).append(RUN).append(',').append(nextCode()).append(",企业,")
                    .append(i % 2 == 0 ? "西渡镇" : "演陂镇").append(",高,").append(tag).append('\n');
        }
        ok(importForm("leader", "pool.csv", csv.toString().getBytes(StandardCharsets.UTF_8)), 200);
        List<JsonNode> pool = new ArrayList<>();
        targetsTagged(tag).get("items").forEach(pool::add);
        assertEquals(6, pool.size());
        pool.sort(Comparator.comparingLong(n -> n.get("id").asLong()));

        // inspectors and conflicts of interest
        JsonNode inspectors = ok(bureau.get(API + "/inspectors", "officer"), 200).get("items");
        assertTrue(inspectors.size() >= 4, inspectors.toString());
        refused(bureau.get(API + "/inspectors?day=tomorrow", "officer"), 400, "PARAM_INVALID");
        long firstInspector = inspectors.get(0).get("officerId").asLong();
        long secondInspector = inspectors.get(1).get("officerId").asLong();
        long firstTarget = pool.get(0).get("id").asLong();
        Map<String, Object> conflict = new LinkedHashMap<>();
        conflict.put("officerId", firstInspector);
        conflict.put("targetId", firstTarget);
        conflict.put("reason", "其配偶系该公司股东");
        refused(post("/conflicts", "officer", conflict), 403, "FORBIDDEN_ROLE");
        refused(post("/conflicts", "leader", Map.of("officerId", firstInspector, "targetId", firstTarget)), 400,
                "FIELD_REQUIRED");
        refused(post("/conflicts", "leader", Map.of("officerId", "张三", "targetId", firstTarget, "reason", "x")), 400,
                "WRONG_TYPE");
        JsonNode declared = ok(post("/conflicts", "leader", conflict), 201);
        assertTrue(declared.get("active").asBoolean());
        refused(post("/conflicts", "leader", conflict), 409, "CONFLICT_ALREADY_DECLARED");
        JsonNode other = ok(post("/conflicts", "leader", Map.of("officerId", secondInspector, "targetId", firstTarget,
                "reason", "曾为该公司法律顾问")), 201);
        refused(post("/conflicts/" + other.get("id").asLong() + "/end", "leader", "{}"), 400, "FIELD_REQUIRED");
        JsonNode ended = ok(post("/conflicts/" + other.get("id").asLong() + "/end", "leader",
                Map.of("reason", "顾问合同已于去年终止")), 200);
        assertFalse(ended.get("active").asBoolean());
        JsonNode ofTarget = ok(bureau.get(API + "/conflicts?targetId=" + firstTarget, "officer"), 200).get("items");
        assertEquals(2, ofTarget.size(), ofTarget.toString());

        // a plan from the published catalogue's item
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("title", "2026年度矿产资源开采情况双随机抽查 " + RUN);
        plan.put("catalogueVersionId", catalogue);
        plan.put("itemName", item);
        plan.put("keyItem", true);
        plan.put("filter", Map.of("tags", List.of(tag), "risks", List.of("HIGH")));
        plan.put("count", 3);
        plan.put("frequency", "每年一次");
        plan.put("periodFrom", today.toString());
        plan.put("periodTo", today.plusDays(60).toString());
        plan.put("inspectorsPerTarget", 2);
        plan.put("excludeOwnArea", false);
        refused(post("/plans", "officer", plan), 403, "FORBIDDEN_ROLE");
        refused(post("/plans", "leader", Json.write(plan).replace("\"count\":3", "\"count\":\"three\"")), 400,
                "WRONG_TYPE");
        refused(post("/plans", "leader", Json.write(plan).replace("\"frequency\"", "\"often\"")), 400, "UNKNOWN_FIELD");
        refused(post("/plans", "leader", Json.write(plan).replace("\"tags\"", "\"q\"")), 400, "UNKNOWN_FIELD");
        refused(post("/plans", "leader", Json.write(plan).replace(item, "不在清单中的事项")), 400, "PLAN_ITEM_NOT_LISTED");
        JsonNode p = ok(post("/plans", "leader", plan), 201);
        long planId = p.get("id").asLong();
        assertEquals(item, ok(bureau.get(API + "/plans/" + planId, "officer"), 200).get("itemName").asText());
        assertTrue(ok(bureau.get(API + "/plans", "officer"), 200).toString().contains(p.get("number").asText()));

        // announced before the values exist
        Map<String, Object> announcement = Map.of("seedMode", "PUBLIC_SOURCES", "sources", List.of(
                Map.of("label", today.plusDays(1) + " 福利彩票双色球开奖号码（红球）", "ordered", false),
                Map.of("label", today.plusDays(1) + " 上证综合指数收盘点位", "ordered", true)));
        refused(post("/plans/" + planId + "/draws", "officer", announcement), 403, "FORBIDDEN_ROLE");
        refused(post("/plans/" + planId + "/draws", "leader", Map.of("seedMode", "PUBLIC_SOURCES", "sources",
                List.of(Map.of("label", "双色球", "values", List.of("1"))))), 400, "UNKNOWN_FIELD");
        JsonNode announced = ok(post("/plans/" + planId + "/draws", "leader", announcement), 201);
        long drawId = announced.get("id").asLong();
        assertEquals("ANNOUNCED", announced.get("status").asText());
        assertTrue(announced.path("result").isNull() || announced.path("result").isMissingNode(),
                "no result before the draw: " + announced);
        refused(post("/plans/" + planId + "/draws", "leader", announcement), 409, "DRAW_ALREADY_ANNOUNCED");

        // made with the published values
        List<List<Object>> values = List.of(List.of(27, 3, 15, 9, 31, 22), List.of("3412.07"));
        refused(post("/draws/" + drawId + "/make", "officer", Map.of("values", values)), 403, "FORBIDDEN_ROLE");
        refused(post("/draws/" + drawId + "/make", "leader", Map.of("values", List.of(values.get(0)))), 400,
                "DRAW_VALUES_COUNT");
        refused(post("/draws/" + drawId + "/make", "leader", Map.of("values", List.of(List.of(true), List.of("1")))),
                400, "VALUE_TYPE");
        refused(post("/draws/" + drawId + "/make", "leader", "{\"values\":\"27 3 15\"}"), 400, "WRONG_TYPE");
        refused(post("/draws/" + drawId + "/verify", "leader", "{}"), 409, "DRAW_NOT_MADE");
        JsonNode made = ok(post("/draws/" + drawId + "/make", "leader", Map.of("values", values)), 200);
        assertEquals("DRAWN", made.get("status").asText(), made.toString());
        assertTrue(made.get("recordSeq").isNumber(), made.toString());
        refused(post("/draws/" + drawId + "/make", "leader", Map.of("values", values)), 409, "DRAW_ALREADY_MADE");

        // only the draw file is public: what anyone re-runs the draw from
        refused(bureau.get(API + "/draws/" + drawId, null), 401, "UNAUTHENTICATED");
        refused(post("/draws/" + drawId + "/verify", null, "{}"), 401, "UNAUTHENTICATED");
        assertEquals(405, bureau.send("POST", API + "/draws/" + drawId + "/draw.json", null, "{}").statusCode());
        HttpResponse<String> fileAnswer = bureau.get(API + "/draws/" + drawId + "/draw.json", null);
        JsonNode file = ok(fileAnswer, 200);
        assertTrue(fileAnswer.headers().firstValue("Content-Disposition").orElse("")
                .contains("draw-" + drawId + ".json"));
        assertEquals("zhifa-draw", file.get("format").asText(), file.toString());
        assertEquals(drawId, file.get("draw").get("id").asLong());
        assertEquals(6, file.get("snapshots").get("targets").size());
        assertTrue(file.get("entries").get("made").toString().contains(made.get("key").asText()),
                "the recorded entry holds the key");
        assertFalse(fileAnswer.body().contains("其配偶系该公司股东"), "a declared reason stays with the staff");
        refused(bureau.get(API + "/draws/" + (drawId + 100_000) + "/draw.json", null), 404, "DRAW_NOT_FOUND");
        refused(bureau.get(API + "/draws/x/draw.json", null), 400, "PARAM_INVALID");
        verifiedOffline(fileAnswer.body());

        // the same draw re-run here, from what the REST API shows, with the published algorithm
        List<SeedSource> sources = List.of(
                new SeedSource("红球", List.of("27", "3", "15", "9", "31", "22"), false),
                new SeedSource("上证", List.of("3412.07"), true));
        String key = DrawAlgorithm.key(sources);
        assertEquals(key, made.get("key").asText());
        List<DrawTarget> targets = pool.stream().map(t -> new DrawTarget(t.get("id").asText(), t.get("name").asText(),
                t.get("creditCode").asText(), t.get("area").asText())).toList();
        List<DrawInspector> inspectorPool = new ArrayList<>();
        ok(bureau.get(API + "/inspectors?day=" + today, "officer"), 200).get("items").forEach(i -> inspectorPool.add(
                new DrawInspector(i.get("officerId").asText(), i.get("name").asText(), i.get("area").asText())));
        // which conflicts count comes from the declarations; what the draw says of them, from the public file
        List<Conflict> conflicts = new ArrayList<>();
        JsonNode published = file.get("snapshots").get("conflicts");
        ok(bureau.get(API + "/conflicts", "officer"), 200).get("items").forEach(c -> {
            boolean inPool = targets.stream().anyMatch(t -> t.id().equals(c.get("targetId").asText()));
            if (c.get("active").asBoolean() && inPool) {
                JsonNode shown = published.get(conflicts.size());
                assertEquals(c.get("officerId").asText(), shown.get("inspectorId").asText(), published.toString());
                assertEquals(c.get("targetId").asText(), shown.get("targetId").asText(), published.toString());
                conflicts.add(new Conflict(c.get("officerId").asText(), c.get("targetId").asText(),
                        shown.get("reason").asText()));
            }
        });
        assertEquals(1, conflicts.size(), conflicts.toString());
        assertEquals(1, published.size(), published.toString());
        assertEquals(DrawAlgorithm.targetsHash(targets), made.get("targetsHash").asText());
        assertEquals(DrawAlgorithm.inspectorsHash(inspectorPool), made.get("inspectorsHash").asText());
        assertEquals(DrawAlgorithm.conflictsHash(conflicts), made.get("conflictsHash").asText());
        DrawResult rerun = DrawAlgorithm.draw(new DrawInput(made.get("algorithm").asText(), key, targets, inspectorPool,
                3, 2, false, conflicts));
        JsonNode assignments = made.get("result").get("assignments");
        assertEquals(3, assignments.size(), made.toString());
        for (int i = 0; i < 3; i++) {
            DrawResult.Assignment expected = rerun.assignments().get(i);
            JsonNode got = assignments.get(i);
            assertEquals(expected.target().id(), got.get("target").get("id").asText(), "target " + i);
            List<String> gotInspectors = new ArrayList<>();
            got.get("inspectors").forEach(x -> gotInspectors.add(x.get("id").asText()));
            assertEquals(expected.inspectors().stream().map(DrawInspector::id).toList(), gotInspectors,
                    "inspectors " + i);
            if (expected.target().id().equals(Long.toString(firstTarget))) {
                assertFalse(gotInspectors.contains(Long.toString(firstInspector)), "recused for the conflict");
            }
        }

        // every drawn target has its inspection case (行政检查, source 随机抽查)
        JsonNode outcomes = ok(bureau.get(API + "/draws/" + drawId + "/outcomes", "leader"), 200).get("items");
        assertEquals(3, outcomes.size(), outcomes.toString());
        for (int i = 0; i < 3; i++) {
            JsonNode o = outcomes.get(i);
            assertEquals(assignments.get(i).get("target").get("id").asLong(), o.get("targetId").asLong());
            assertTrue(o.get("caseId").isNumber(), "a case for " + o);
            JsonNode c = cases.read(o.get("caseId").asLong());
            assertEquals("inspection", c.get("kind").asText(), c.toString());
            assertTrue(c.toString().contains("随机抽查"), c.toString());
        }

        // a result is recorded once the inspection was on site
        JsonNode outcome = outcomes.get(0);
        long caseId = outcome.get("caseId").asLong();
        long targetId = outcome.get("targetId").asLong();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("endedOn", today.toString());
        result.put("finding", "PASSED");
        result.put("summary", "现场核查开采范围与许可一致，未发现越界开采<script>alert(1)</script>");
        refused(post("/draws/" + drawId + "/outcomes/" + targetId, "leader", result), 409, "OUTCOME_NOT_ONSITE");
        refused(post("/draws/" + drawId + "/outcomes/" + targetId, "leader",
                Json.write(result).replace("PASSED", "合格")), 400, "WRONG_TYPE");
        refused(post("/draws/" + drawId + "/outcomes/" + targetId, "leader",
                Json.write(result).replace("\"endedOn\"", "\"endedAt\"")), 400, "UNKNOWN_FIELD");
        cases.moved("officer", caseId, "inspect", Cases.fields("startedAt",
                LocalDateTime.now(ZoneId.of("Asia/Shanghai")).minusHours(2).truncatedTo(ChronoUnit.MINUTES).toString(),
                "location", "衡阳县西渡镇某某矿区", "certificatesShown", true));
        cases.recordAv("officer", caseId, "onsite");
        JsonNode recorded = ok(post("/draws/" + drawId + "/outcomes/" + targetId, "leader", result), 200);
        assertEquals("PASSED", recorded.get("finding").asText(), recorded.toString());
        assertEquals(result.get("summary"), recorded.get("summary").asText(), "kept as the text it was");
        assertTrue(recorded.get("publishBy").isTextual(), recorded.toString());
        assertEquals("result", cases.read(caseId).get("step").asText());
        publishedWithinTwentyWorkingDaysOfTheEnd(drawId, outcomes.get(1));

        // a redraw needs a reason, shown as the text it was
        refused(post("/draws/" + drawId + "/redraw", "leader", Map.of("seedMode", "SECURE_RANDOM")), 400,
                "FIELD_REQUIRED");
        refused(post("/draws/" + drawId + "/redraw", "officer", Map.of("reason", "x", "seedMode", "SECURE_RANDOM")),
                403, "FORBIDDEN_ROLE");
        String reason = "被抽中的执法人员<b>李某</b>已调离执法岗位";
        JsonNode redraw = ok(post("/draws/" + drawId + "/redraw", "leader",
                Map.of("reason", reason, "seedMode", "SECURE_RANDOM")), 201);
        long redrawId = redraw.get("id").asLong();
        assertEquals(reason, redraw.get("redrawReason").asText());
        assertEquals(drawId, redraw.get("supersedes").asLong());
        assertEquals("DRAWN", ok(bureau.get(API + "/draws/" + drawId, "officer"), 200).get("status").asText(),
                "the old draw stands until the redraw is made");
        JsonNode redrawn = ok(post("/draws/" + redrawId + "/make", "leader", Map.of("values", List.of())), 200);
        assertEquals("DRAWN", redrawn.get("status").asText(), redrawn.toString());
        assertEquals(2, redrawn.get("round").asInt());
        JsonNode old = ok(bureau.get(API + "/draws/" + drawId, "officer"), 200);
        assertEquals("SUPERSEDED", old.get("status").asText(), old.toString());
        assertEquals(made.get("result"), old.get("result"), "a superseded draw keeps its result");
        JsonNode draws = ok(bureau.get(API + "/plans/" + planId + "/draws", "officer"), 200).get("items");
        assertEquals(2, draws.size(), draws.toString());
        assertEquals(reason, draws.get(0).get("redrawReason").asText());
        refused(bureau.get(API + "/draws/999999999", "officer"), 404, "DRAW_NOT_FOUND");
        refused(bureau.get(API + "/plans/999999999/draws", "officer"), 404, "PLAN_NOT_FOUND");

        // both re-run from the record and the stored snapshots
        for (long d : List.of(drawId, redrawId)) {
            JsonNode verified = ok(post("/draws/" + d + "/verify", "officer", "{}"), 200);
            assertTrue(verified.get("ok").asBoolean(), verified.toString());
            assertEquals(0, verified.get("problems").size());
        }
    }

    /**
     * S3: the downloaded draw file verifies with {@code java -jar zhifa-verify.jar} and nothing else; a changed
     * snapshot is found and located.
     */
    private static void verifiedOffline(String drawFile) {
        try {
            Path dir = Files.createTempDirectory("zhifa-draw");
            Path good = Files.writeString(dir.resolve("draw.json"), drawFile, StandardCharsets.UTF_8);
            Verifier.Run ok = Verifier.run(good);
            assertEquals(0, ok.exit(), ok.output());
            assertTrue(ok.output().startsWith("验证通过"), ok.output());
            JsonNode file = Json.parse(drawFile);
            ((ObjectNode) file.get("snapshots").get("targets").get(0)).put("name", "另一家公司");
            Path bad = Files.writeString(dir.resolve("tampered.json"), Json.write(file), StandardCharsets.UTF_8);
            Verifier.Run found = Verifier.run(bad, "--lang", "en");
            assertEquals(1, found.exit(), found.output());
            assertTrue(found.output().contains("SNAPSHOT_CHANGED  snapshots.targets"), found.output());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /**
     * S4: a result is due 20 working days (holiday calendar) after the day the inspection ended, not after the
     * day it was typed in, and it is the disclosure item of the case that carries that deadline.
     */
    private void publishedWithinTwentyWorkingDaysOfTheEnd(long drawId, JsonNode outcome) {
        long caseId = outcome.get("caseId").asLong();
        LocalDateTime started = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).minusDays(4).withHour(9).withMinute(0)
                .truncatedTo(ChronoUnit.MINUTES);
        LocalDate ended = started.toLocalDate().plusDays(1);
        cases.moved("officer", caseId, "inspect", Cases.fields("startedAt", started.toString(),
                "location", "衡阳县演陂镇某某采石场", "certificatesShown", true));
        cases.recordAv("officer", caseId, "onsite");
        JsonNode recorded = ok(post("/draws/" + drawId + "/outcomes/" + outcome.get("targetId").asLong(), "leader",
                Map.of("endedOn", ended.toString(), "finding", "RECTIFY", "summary", "堆场未按方案复绿，责令限期整改")), 200);
        assertEquals(ended.toString(), recorded.get("endedOn").asText(), recorded.toString());
        String due = ok(bureau.get("/api/v1/calendar/working-days/add?from=" + ended + "&n=20", "officer"), 200)
                .get("date").asText();
        assertEquals(due, recorded.get("publishBy").asText(), recorded.toString());
        JsonNode item = ok(bureau.get("/api/v1/disclosure/items/" + recorded.get("disclosureItemId").asLong(), "leader"),
                200);
        assertEquals(ended.toString(), item.get("decidedOn").asText(), item.toString());
        assertEquals(due, item.get("dueOn").asText(), item.toString());
        assertEquals(caseId, item.get("caseId").asLong());
    }

    @Test
    void theOpenApiDocumentDescribesTheEndpoints() {
        JsonNode paths = Json.parse(bureau.get("/api/openapi.json", null).body()).get("paths");
        for (String p : List.of("/targets", "/targets/{id}", "/targets/import", "/inspectors", "/conflicts",
                "/conflicts/{id}/end", "/plans", "/plans/{id}/draws", "/draws/{id}/make", "/draws/{id}/redraw",
                "/draws/{id}/verify", "/draws/{id}/outcomes", "/draws/{id}/outcomes/{targetId}")) {
            assertTrue(paths.has("/v1/spotcheck" + p), p);
        }
        JsonNode file = paths.get("/v1/spotcheck/draws/{id}/draw.json").get("get");
        assertEquals(0, file.get("security").size(), "documented as public");
        assertTrue(paths.get("/v1/spotcheck/targets/{id}").get("put").get("responses").has("428"));
    }
}
