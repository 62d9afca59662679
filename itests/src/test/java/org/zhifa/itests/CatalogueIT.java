package org.zhifa.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.zhifa.itests.support.Bureau;
import org.zhifa.itests.support.Json;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The catalogues (D1, D7, D8) over REST in the built bureau: a draft reviewed by someone else, published,
 * never edited again, corrected as a new version; the filing package and the penalty kind's flowchart.
 */
class CatalogueIT {
    private final Bureau bureau = Bureau.shared();
    private final String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();

    private JsonNode ok(HttpResponse<String> r, int status) {
        assertEquals(status, r.statusCode(), r.body());
        return Json.parse(r.body());
    }

    private void refused(HttpResponse<String> r, int status, String code) {
        assertEquals(status, r.statusCode(), r.body());
        JsonNode e = Json.parse(r.body());
        assertEquals(code, e.get("code").asText(), r.body());
        assertFalse(e.get("message_zh").asText().isBlank(), r.body());
        assertFalse(e.get("message_en").asText().isBlank(), r.body());
    }

    private static String item(String name, String basis) {
        return Json.write(Map.of("subject", "衡阳县自然资源局", "name", name, "kind", "行政处罚",
                "duty", "查处违法占地", "authority", "责令退还、罚款", "basis", basis));
    }

    @Test
    void aDraftIsReviewedPublishedFiledAndCorrected() throws IOException {
        String name = "对非法占用土地的行政处罚<script>alert(1)</script>";
        String body = "{\"type\":\"ITEMS\",\"effectiveFrom\":\"" + today + "\",\"note\":\"测试版本\",\"items\":["
                + item(name, "《中华人民共和国土地管理法》第七十七条") + "]}";

        refused(bureau.send("POST", "/api/v1/catalogues", "officer",
                "{\"type\":\"ITEMS\",\"effectiveFrom\":\"" + today + "\",\"items\":[{\"name\":\"缺依据\"}]}"),
                400, "CATALOGUE_FIELD_REQUIRED");
        refused(bureau.send("POST", "/api/v1/catalogues", "officer", body.replace("\"note\"", "\"notes\"")),
                400, "FIELD_UNKNOWN");
        refused(bureau.send("POST", "/api/v1/catalogues", "officer", body.replace("ITEMS", "NOPE")), 400,
                "TYPE_UNKNOWN");
        refused(bureau.send("POST", "/api/v1/catalogues", "officer", "{\"type\":\"ITEMS\""), 400, "MALFORMED_JSON");
        refused(bureau.send("POST", "/api/v1/catalogues", null, body), 401, "UNAUTHENTICATED");

        JsonNode draft = ok(bureau.send("POST", "/api/v1/catalogues", "officer", body), 201);
        long id = draft.get("id").asLong();
        int number = draft.get("number").asInt();
        assertEquals("DRAFT", draft.get("status").asText());
        assertEquals(name, draft.get("items").get(0).get("values").get("name").asText());

        ok(bureau.send("POST", "/api/v1/catalogues/" + id + "/submit", "officer", "{}"), 200);
        refused(bureau.send("POST", "/api/v1/catalogues/" + id + "/review", "officer", "{\"passed\":true}"), 403,
                "FORBIDDEN_ROLE");
        refused(bureau.send("POST", "/api/v1/catalogues/" + id + "/publish", "leader", "{}"), 409,
                "CATALOGUE_NOT_REVIEWED");
        JsonNode reviewed = ok(bureau.send("POST", "/api/v1/catalogues/" + id + "/review", "reviewer",
                "{\"passed\":true,\"opinion\":\"依据准确\"}"), 200);
        assertEquals("REVIEWED", reviewed.get("status").asText());
        assertEquals("reviewer", reviewed.get("reviewedBy").asText());

        JsonNode published = ok(bureau.send("POST", "/api/v1/catalogues/" + id + "/publish", "leader", "{}"), 200);
        assertEquals("PUBLISHED", published.get("status").asText());
        assertTrue(published.get("inForce").asBoolean(), published.toString());
        // handed to disclosure (in the umbrella) and approved there: on its way to the public channels
        assertTrue(published.get("disclosureItemId").isNumber(), published.toString());
        JsonNode item = ok(bureau.get("/api/v1/disclosure/items/" + published.get("disclosureItemId").asLong(),
                "leader"), 200);
        assertEquals("CATALOGUE", item.get("type").asText(), item.toString());
        assertEquals("行政执法事项清单（第" + number + "版）", item.get("title").asText());
        assertEquals("leader", item.get("approvedBy").asText(), item.toString());
        assertEquals("PUBLISHED", item.get("status").asText(), item.toString());
        JsonNode inForce = ok(bureau.get("/api/v1/catalogues/in-force?type=ITEMS", "officer"), 200);
        assertEquals(id, inForce.get("id").asLong());

        // a published version is never edited: a correction is a new version with the request recorded
        refused(bureau.send("PUT", "/api/v1/catalogues/" + id, "officer", "{\"effectiveFrom\":\"" + today
                + "\",\"items\":[" + item("改", "改") + "]}"), 409, "CATALOGUE_NOT_EDITABLE");
        JsonNode correction = ok(bureau.send("POST", "/api/v1/catalogues/" + id + "/corrections", "leader",
                "{\"request\":\"张某来函：依据条款有误\"}"), 201);
        assertEquals(id, correction.get("correctionOf").asLong());
        assertEquals("DRAFT", correction.get("status").asText());
        assertEquals(number + 1, correction.get("number").asInt());
        assertEquals(name, correction.get("items").get(0).get("values").get("name").asText());
        assertEquals("PUBLISHED", ok(bureau.get("/api/v1/catalogues/" + id, "officer"), 200).get("status").asText());

        HttpResponse<String> record = bureau.get("/api/v1/record/entries?objectType=catalogue&objectId=ITEMS:" + number,
                "leader");
        assertEquals(200, record.statusCode(), record.body());
        for (String entry : List.of("catalogue.drafted", "catalogue.submitted", "catalogue.reviewed",
                "catalogue.published", "catalogue.correction.requested")) {
            assertTrue(record.body().contains(entry), entry + " in " + record.body());
        }

        // the filing package: the catalogue in force as PDF and XLSX, every kind's flowchart, a manifest
        HttpResponse<byte[]> zip = bureau.download("/api/v1/catalogues/filing", "officer");
        assertEquals(200, zip.statusCode());
        assertEquals("application/zip", zip.headers().firstValue("Content-Type").orElse(""));
        Map<String, byte[]> entries = unzip(zip.body());
        String stem = "catalogues/items-v" + number;
        for (String e : List.of(stem + ".pdf", stem + ".xlsx", "flowcharts/penalty.svg", "flowcharts/penalty.png",
                "manifest.json")) {
            assertTrue(entries.containsKey(e), e + " in " + entries.keySet());
        }
        assertTrue(new String(entries.get(stem + ".pdf"), 0, 5, StandardCharsets.US_ASCII).startsWith("%PDF-"));
        Map<String, byte[]> sheet = unzip(entries.get(stem + ".xlsx"));
        String cells = new String(sheet.get("xl/worksheets/sheet1.xml"), StandardCharsets.UTF_8);
        assertTrue(cells.contains("对非法占用土地的行政处罚&lt;script&gt;"), cells);
        JsonNode manifest = Json.parse(new String(entries.get("manifest.json"), StandardCharsets.UTF_8));
        assertEquals(number, manifest.get("catalogues").get(0).get("version").asInt(), manifest.toString());
        assertEquals(entries.size() - 1, manifest.get("files").size(), manifest.toString());
    }

    @Test
    void thePenaltyFlowchartListsItsSteps() {
        JsonNode kind = ok(bureau.get("/api/v1/kinds/penalty", "officer"), 200);
        HttpResponse<String> svg = bureau.get("/api/v1/catalogues/flowcharts/penalty", "officer");
        assertEquals(200, svg.statusCode(), svg.body());
        assertTrue(svg.headers().firstValue("Content-Type").orElse("").startsWith("image/svg+xml"));
        int steps = 0;
        for (JsonNode step : kind.get("procedure").get("steps")) {
            String title = step.get("titleZh").asText();
            assertTrue(svg.body().contains(">" + title + "</text>"), title + " in the flowchart");
            steps++;
        }
        assertTrue(steps >= 10, kind.toString());
        HttpResponse<byte[]> png = bureau.download("/api/v1/catalogues/flowcharts/penalty?format=png", "officer");
        assertEquals(200, png.statusCode());
        assertEquals((byte) 0x89, png.body()[0]);
        assertEquals('P', png.body()[1]);
        refused(bureau.send("GET", "/api/v1/catalogues/flowcharts/nokind", "officer", null), 404, "KIND_NOT_FOUND");
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> out = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                out.put(e.getName(), in.readAllBytes());
            }
        }
        return out;
    }
}
