package org.zhifa.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.zhifa.itests.support.Bureau;
import org.zhifa.itests.support.Json;
import org.zhifa.itests.support.Officers;

import com.fasterxml.jackson.databind.JsonNode;

/** /api/v1/personnel as an integrator uses it, including every kind of bad input. */
class PersonnelRestIT {
    private final Bureau bureau = Bureau.shared();

    private HttpResponse<String> post(String user, Object body) {
        return bureau.send("POST", "/api/v1/personnel", user, body instanceof String s ? s : Json.write(body));
    }

    private long total(String query) {
        return Json.parse(bureau.get("/api/v1/personnel?limit=1" + query, "officer").body()).get("total").asLong();
    }

    @Test
    void createReadUpdateListDeactivate() {
        String cert = Officers.certificate("CRUD");
        Map<String, Object> draft = Officers.draft("欧阳修", cert);
        HttpResponse<String> created = post("admin", draft);
        assertEquals(201, created.statusCode(), created.body());
        JsonNode o = Json.parse(created.body());
        long id = o.get("id").asLong();
        assertEquals("欧阳修", o.get("name").asText());
        assertEquals("VALID", o.get("status").asText());
        assertEquals("admin", o.get("createdBy").asText());
        assertTrue(created.headers().firstValue("Location").orElseThrow().endsWith("/api/v1/personnel/" + id));

        HttpResponse<String> read = bureau.get("/api/v1/personnel/" + id, "officer");
        assertEquals(200, read.statusCode());
        assertEquals(cert, Json.parse(read.body()).get("certificateNo").asText());
        String etag = read.headers().firstValue("ETag").orElseThrow();

        // list it first, so that whatever the list remembers must be forgotten by the update
        assertEquals("执法队员", Json.parse(bureau.get("/api/v1/personnel?q=" + cert, "officer").body())
                .get("items").get(0).get("post").asText());
        draft.put("post", "副大队长");
        draft.put("legalQualification", true);
        HttpResponse<String> updated = bureau.send("PUT", "/api/v1/personnel/" + id, "admin", Json.write(draft),
                "If-Match", etag);
        assertEquals(200, updated.statusCode(), updated.body());
        assertEquals("副大队长", Json.parse(updated.body()).get("post").asText());
        assertTrue(Json.parse(updated.body()).get("legalQualification").asBoolean());

        // the old ETag is stale now: a lost update is refused
        HttpResponse<String> stale = bureau.send("PUT", "/api/v1/personnel/" + id, "admin", Json.write(draft),
                "If-Match", etag);
        assertEquals(409, stale.statusCode());
        assertEquals("VERSION_CONFLICT", Json.parse(stale.body()).get("code").asText());

        JsonNode page = Json.parse(bureau.get("/api/v1/personnel?q=" + cert, "reviewer").body());
        assertEquals(1, page.get("total").asLong());
        assertEquals(id, page.get("items").get(0).get("id").asLong());
        assertEquals("副大队长", page.get("items").get(0).get("post").asText(), "the list shows the update");

        HttpResponse<String> noReason = bureau.send("POST", "/api/v1/personnel/" + id + "/deactivate", "admin", "{}");
        assertEquals(400, noReason.statusCode());
        HttpResponse<String> gone = bureau.send("POST", "/api/v1/personnel/" + id + "/deactivate", "admin",
                "{\"reason\":\"调离执法岗位\"}");
        assertEquals(200, gone.statusCode(), gone.body());
        assertEquals("INACTIVE", Json.parse(gone.body()).get("status").asText());
        // never deleted: still readable, and its whole history is kept
        assertEquals(200, bureau.get("/api/v1/personnel/" + id, "officer").statusCode());
        JsonNode history = Json.parse(bureau.get("/api/v1/personnel/" + id + "/history", "leader").body()).get("items");
        assertEquals(List.of("CREATE", "UPDATE", "DEACTIVATE"),
                List.of(history.get(0).get("action").asText(), history.get(1).get("action").asText(),
                        history.get(2).get("action").asText()));
        assertEquals("调离执法岗位", history.get(2).get("reason").asText());
        assertEquals("INACTIVE", Json.parse(bureau.get("/api/v1/personnel?q=" + cert, "officer").body())
                .get("items").get(0).get("status").asText(), "the list shows the deactivation");
        assertEquals(0, total("&active=true&q=" + cert));
        assertEquals(1, total("&active=false&q=" + cert));
        HttpResponse<String> again = bureau.send("PUT", "/api/v1/personnel/" + id, "admin", Json.write(draft));
        assertEquals(409, again.statusCode());
    }

    @Test
    void deepPagesAgreeWithShallowOnesAndFollowWrites() {
        String first = Officers.certificate("DEEP");
        String tag = first.substring(0, first.lastIndexOf('-'));
        List<String> names = List.of("张伟", "王芳", "李娜", "刘洋", "陈静", "杨军", "赵敏");
        for (int i = 0; i < 600; i++) {
            String cert = i == 0 ? first : Officers.certificate("DEEP");
            assertEquals(201, post("admin", Officers.draft(names.get(i % names.size()), cert)).statusCode());
        }
        String q = "/api/v1/personnel?q=" + tag + "&sort=name";
        // OFFSET/FETCH first (offset + limit <= 1000), then a deep page, read as a slice of the whole order
        JsonNode shallow = Json.parse(bureau.get(q + "&offset=500&limit=100", "officer").body());
        JsonNode deep = Json.parse(bureau.get(q + "&offset=550&limit=500", "officer").body());
        assertEquals(600, shallow.get("total").asLong());
        assertEquals(600, deep.get("total").asLong());
        assertEquals(50, deep.get("items").size());
        for (int i = 0; i < 50; i++) {
            assertEquals(shallow.get("items").get(50 + i).get("id"), deep.get("items").get(i).get("id"));
        }
        assertEquals(0, Json.parse(bureau.get(q + "&offset=1600&limit=10", "officer").body()).get("items").size());
        // a write is seen at once: a new officer whose name sorts first shifts every page by one
        assertEquals(201, post("admin", Officers.draft("丁一", Officers.certificate("DEEP"))).statusCode());
        JsonNode after = Json.parse(bureau.get(q + "&offset=551&limit=500", "officer").body());
        assertEquals(601, after.get("total").asLong());
        assertEquals(deep.get("items").get(0).get("id"), after.get("items").get(0).get("id"));
    }

    @Test
    void listPagesSortsAndFilters() {
        String tag = Officers.certificate("PAGE");
        for (String name : List.of("丙", "甲", "乙")) {
            assertEquals(201, post("admin", Officers.draft(name, tag + "-" + name.codePointAt(0))).statusCode());
        }
        JsonNode asc = Json.parse(bureau.get("/api/v1/personnel?q=" + tag + "&sort=certificateNo&order=asc&limit=2",
                "officer").body());
        assertEquals(3, asc.get("total").asLong());
        assertEquals(2, asc.get("items").size());
        JsonNode rest = Json.parse(bureau.get("/api/v1/personnel?q=" + tag + "&sort=certificateNo&order=asc&limit=2&offset=2",
                "officer").body());
        assertEquals(1, rest.get("items").size());
        assertTrue(asc.get("items").get(0).get("certificateNo").asText()
                .compareTo(asc.get("items").get(1).get("certificateNo").asText()) < 0);
        assertTrue(asc.get("items").get(1).get("certificateNo").asText()
                .compareTo(rest.get("items").get(0).get("certificateNo").asText()) < 0);
        JsonNode desc = Json.parse(bureau.get("/api/v1/personnel?q=" + tag + "&sort=certificateNo&order=desc&limit=1",
                "officer").body());
        assertEquals(rest.get("items").get(0).get("id"), desc.get("items").get(0).get("id"));

        // filters: status, category, unit
        Map<String, Object> expired = Officers.draft("过期", Officers.certificate("EXP"));
        expired.put("validFrom", "2019-01-01");
        expired.put("validTo", "2021-01-01");
        expired.put("categories", List.of("测绘地理信息"));
        expired.put("unit", "测试单位" + tag);
        long id = Json.parse(post("admin", expired).body()).get("id").asLong();
        JsonNode byStatus = Json.parse(bureau.get("/api/v1/personnel?status=EXPIRED&limit=500&unit="
                + java.net.URLEncoder.encode("测试单位" + tag, java.nio.charset.StandardCharsets.UTF_8), "officer").body());
        assertEquals(1, byStatus.get("total").asLong());
        assertEquals(id, byStatus.get("items").get(0).get("id").asLong());
        assertEquals("EXPIRED", byStatus.get("items").get(0).get("status").asText());
        JsonNode none = Json.parse(bureau.get("/api/v1/personnel?status=VALID&q=" + expired.get("certificateNo"),
                "officer").body());
        assertEquals(0, none.get("total").asLong());
    }

    @Test
    void authenticationAndRoles() {
        HttpResponse<String> anonymous = bureau.get("/api/v1/personnel", null);
        assertEquals(401, anonymous.statusCode());
        assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
        assertError(anonymous, "UNAUTHENTICATED");
        assertError(bureau.get("/api/v1/personnel", "officer:wrong"), "BAD_CREDENTIALS");
        assertEquals(401, bureau.get("/api/v1/personnel", "nobody:nobody").statusCode());
        for (String reader : List.of("officer", "reviewer", "leader", "admin")) {
            assertEquals(200, bureau.get("/api/v1/personnel", reader).statusCode(), reader);
        }
        long before = total("");
        for (String writer : List.of("officer", "reviewer", "leader")) {
            HttpResponse<String> r = post(writer, Officers.draft("越权", Officers.certificate("ROLE")));
            assertEquals(403, r.statusCode(), writer);
            assertError(r, "FORBIDDEN_ADMIN");
        }
        assertEquals(before, total(""));
        // public endpoints need no login
        assertEquals(200, bureau.get("/api/v1/health", null).statusCode());
        assertEquals(200, bureau.get("/api/openapi.json", null).statusCode());
    }

    @Test
    void badInputIsRefusedWithAClearErrorAndNothingIsStored() {
        long before = total("");
        String cert = Officers.certificate("BAD");
        Map<String, Object> good = Officers.draft("张三", cert);

        assertBad(post("admin", "{\"name\": \"张三\", "), 400, "MALFORMED_JSON", null);
        assertBad(post("admin", "[1, 2]"), 400, "WRONG_TYPE", null);
        Map<String, Object> unknown = new java.util.LinkedHashMap<>(good);
        unknown.put("salary", 1);
        assertBad(post("admin", unknown), 400, "UNKNOWN_FIELD", "salary");
        Map<String, Object> wrongType = new java.util.LinkedHashMap<>(good);
        wrongType.put("validFrom", 20250101);
        assertBad(post("admin", wrongType), 400, "WRONG_TYPE", "validFrom");
        Map<String, Object> wrongBool = new java.util.LinkedHashMap<>(good);
        wrongBool.put("legalQualification", "是");
        assertBad(post("admin", wrongBool), 400, "WRONG_TYPE", "legalQualification");
        Map<String, Object> wrongList = new java.util.LinkedHashMap<>(good);
        wrongList.put("categories", "土地管理");
        assertBad(post("admin", wrongList), 400, "WRONG_TYPE", "categories");
        Map<String, Object> missing = new java.util.LinkedHashMap<>(good);
        missing.remove("name");
        assertBad(post("admin", missing), 400, "FIELD_REQUIRED", "name");
        Map<String, Object> huge = new java.util.LinkedHashMap<>(good);
        huge.put("name", "王".repeat(1024 * 1024 / 3) + "x".repeat(1024 * 1024 % 3));
        HttpResponse<String> big = post("admin", huge);
        assertEquals(413, big.statusCode(), big.body());
        assertError(big, "PAYLOAD_TOO_LARGE");
        Map<String, Object> longName = new java.util.LinkedHashMap<>(good);
        longName.put("name", "王".repeat(51));
        assertBad(post("admin", longName), 400, "FIELD_TOO_LONG", "name");
        Map<String, Object> impossible = new java.util.LinkedHashMap<>(good);
        impossible.put("validFrom", "2030-01-01");
        impossible.put("validTo", "2025-01-01");
        assertBad(post("admin", impossible), 400, "INVALID_DATE_RANGE", "validTo");
        Map<String, Object> badDate = new java.util.LinkedHashMap<>(good);
        badDate.put("validTo", "2025-02-30");
        assertBad(post("admin", badDate), 400, "WRONG_TYPE", "validTo");
        Map<String, Object> markup = new java.util.LinkedHashMap<>(good);
        markup.put("certificateNo", "<img src=x onerror=alert(1)>");
        assertBad(post("admin", markup), 400, "INVALID_CERTIFICATE_NO", "certificateNo");
        Map<String, Object> category = new java.util.LinkedHashMap<>(good);
        category.put("categories", List.of("不存在的类别"));
        assertBad(post("admin", category), 400, "UNKNOWN_CATEGORY", "categories");
        HttpResponse<String> xml = bureau.send("POST", "/api/v1/personnel", "admin", "<officer/>", "Content-Type",
                "application/xml");
        assertEquals(415, xml.statusCode());
        assertError(xml, "UNSUPPORTED_MEDIA_TYPE");
        assertBad(bureau.get("/api/v1/personnel?limit=abc", "officer"), 400, "INVALID_PARAMETER", "limit");
        assertBad(bureau.get("/api/v1/personnel?limit=100000", "officer"), 400, "INVALID_LIMIT", "limit");
        assertBad(bureau.get("/api/v1/personnel?sort=password", "officer"), 400, "INVALID_SORT", "sort");
        assertBad(bureau.get("/api/v1/personnel?status=GOOD", "officer"), 400, "INVALID_PARAMETER", "status");
        assertBad(bureau.get("/api/v1/personnel/abc", "officer"), 400, "INVALID_PARAMETER", "id");
        assertError(bureau.get("/api/v1/personnel/999999999", "officer"), "OFFICER_NOT_FOUND");
        assertEquals(404, bureau.get("/api/v1/nothing-here", "officer").statusCode());

        assertEquals(before, total(""), "no bad request stored anything");

        assertEquals(201, post("admin", good).statusCode());
        HttpResponse<String> dup = post("admin", Officers.draft("李四", cert));
        assertBad(dup, 409, "DUPLICATE_CERTIFICATE", "certificateNo");
        assertEquals(before + 1, total(""));
    }

    private static void assertBad(HttpResponse<String> r, int status, String code, String field) {
        assertEquals(status, r.statusCode(), r.body());
        JsonNode e = assertError(r, code);
        if (field != null) {
            assertEquals(field, e.get("field").asText(), r.body());
        }
    }

    private static JsonNode assertError(HttpResponse<String> r, String code) {
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), r.headers().toString());
        JsonNode e = Json.parse(r.body());
        assertEquals(code, e.get("code").asText(), r.body());
        assertNotNull(e.get("message_zh"));
        assertFalse(e.get("message_zh").asText().isBlank());
        assertTrue(e.get("message_zh").asText().codePoints().anyMatch(c -> c >= 0x4e00 && c <= 0x9fff),
                "Chinese message: " + r.body());
        assertFalse(e.get("message_en").asText().isBlank());
        return e;
    }
}
