package org.zhifa.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zhifa.itests.support.Cases.fields;
import static org.zhifa.itests.support.Cases.refused;
import static org.zhifa.itests.support.Cases.remedies;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.zhifa.itests.support.Bureau;
import org.zhifa.itests.support.Cases;
import org.zhifa.itests.support.Json;

import com.fasterxml.jackson.databind.JsonNode;

/** /api/v1/kinds and /api/v1/cases as an integrator uses them, including every kind of bad input. */
class CaseRestIT {
    private final Bureau bureau = Bureau.shared();
    private final Cases cases = new Cases(bureau);

    private List<Long> twoOfficers(String tag) {
        return List.of(cases.validOfficer("甲" + tag), cases.validOfficer("乙" + tag));
    }

    @Test
    void kindsDescribeTheirProceduresAndAnUnknownKindIsNotFound() {
        HttpResponse<String> r = bureau.get("/api/v1/kinds", "reviewer");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode items = Json.parse(r.body()).get("items");
        assertTrue(Cases.texts(items, "id").contains("penalty"), r.body());

        JsonNode penalty = Json.parse(bureau.get("/api/v1/kinds/penalty", "officer").body());
        assertEquals("行政处罚", penalty.get("titleZh").asText());
        assertEquals("罚", penalty.get("numberCode").asText());
        JsonNode proc = penalty.get("procedure");
        assertEquals("filed", proc.get("initialStep").asText());
        assertTrue(Cases.texts(proc.get("steps"), "id").containsAll(List.of("investigation", "decided", "closed")));
        JsonNode decide = null;
        for (JsonNode t : proc.get("transitions")) {
            if (t.get("id").asText().equals("decide")) {
                decide = t;
            }
        }
        assertTrue(decide != null && decide.get("roles").toString().contains("zhifa-leader"), proc.toString());
        JsonNode legalBasis = null;
        for (JsonNode f : decide.get("fields")) {
            if (f.get("name").asText().equals("legalBasis")) {
                legalBasis = f;
            }
        }
        assertTrue(legalBasis.get("required").asBoolean());
        assertFalse(legalBasis.get("labelZh").asText().isBlank());
        assertFalse(legalBasis.get("labelEn").asText().isBlank());
        assertTrue(Cases.texts(proc.get("timers"), "id").contains("decision"));
        assertEquals("decided", penalty.get("disclosure").get("step").asText());

        refused(bureau.get("/api/v1/kinds/no-such-kind", "officer"), 404, "KIND_NOT_FOUND");
        // filing a case of a kind that is not installed
        Map<String, Object> body = Cases.penalty("未知类别", Cases.person("赵一"), List.of(), false);
        body.put("kind", "nosuchkind");
        refused(cases.file("officer", body), 404, "KIND_UNKNOWN");
    }

    /** A penalty case through the ordinary procedure, 立案 to 结案, with the fields the law requires. */
    @Test
    void aPenaltyCaseRunsFromFilingToClosing() {
        List<Long> officers = twoOfficers("全程");
        Map<String, Object> party = Cases.person("王全程");
        HttpResponse<String> created = cases.file("officer", Cases.penalty("王全程未经批准占用耕地建房案", party, officers, false));
        assertEquals(201, created.statusCode(), created.body());
        JsonNode c = Json.parse(created.body());
        long id = c.get("id").asLong();
        assertTrue(created.headers().firstValue("Location").orElseThrow().endsWith("/api/v1/cases/" + id));
        assertEquals(c.get("version").asText(), created.headers().firstValue("ETag").orElseThrow().replace("\"", ""));
        String number = c.get("number").asText();
        assertTrue(number.contains("罚〔") && number.endsWith("号"), number);
        assertEquals("filed", c.get("step").asText());
        assertEquals("OPEN", c.get("status").asText());
        assertEquals("officer", c.get("createdBy").asText());
        assertTrue(c.get("kindInstalled").asBoolean());
        String today = c.get("filedOn").asText();

        // by number, and in the list with filters
        HttpResponse<String> byNumber = bureau.get("/api/v1/cases/by-number?number="
                + URLEncoder.encode(number, StandardCharsets.UTF_8), "reviewer");
        assertEquals(200, byNumber.statusCode(), byNumber.body());
        assertEquals(id, Json.parse(byNumber.body()).get("id").asLong());
        JsonNode page = Json.parse(bureau.get("/api/v1/cases?kind=penalty&status=open&step=filed&q="
                + URLEncoder.encode("王全程", StandardCharsets.UTF_8) + "&officer=" + officers.get(0), "leader").body());
        assertEquals(1, page.get("total").asLong(), page.toString());
        assertEquals(number, page.get("items").get(0).get("number").asText());

        // what the officer may do now; 负责人-only transitions are not offered to an officer
        List<String> available = Cases.texts(Json.parse(bureau.get("/api/v1/cases/" + id + "/transitions", "officer")
                .body()).get("items"), "id");
        assertTrue(available.contains("investigate"), available.toString());
        assertFalse(available.contains("withdrawFiling"), available.toString());

        cases.moved("officer", id, "investigate", Map.of());
        cases.moved("officer", id, "concludeInvestigation", fields("facts", "当事人未经批准占用耕地 300 平方米建房",
                "evidence", "现场检查笔录、询问笔录、测绘报告"));
        cases.moved("officer", id, "notify", fields("proposedType", "罚款", "proposedFine", 6000,
                "proposedBasis", "《土地管理法》第七十八条", "notifiedOn", today, "hearingRight", true));
        // 处罚法 62/64: while the hearing-request period runs, no decision unless the party waived the hearing
        JsonNode early = refused(cases.move("leader", id, "decide", remedies(fields("penaltyType", "罚款",
                "fineAmount", 6000, "legalBasis", "《土地管理法》第七十八条", "performanceManner", "自收到决定书之日起十五日内缴纳",
                "decisionDate", today))), 409, "penalty.hearing.window.open");
        assertTrue(early.get("message_zh").asText().contains("第六十四条"), early.toString());
        // the decision is the 负责人's: an officer is refused
        refused(cases.move("officer", id, "decide", remedies(fields("penaltyType", "罚款", "fineAmount", 6000,
                "legalBasis", "《土地管理法》第七十八条", "performanceManner", "十五日内缴纳", "decisionDate", today,
                "partyWaived", true))), 403, "TRANSITION_ROLE");
        JsonNode decided = cases.moved("leader", id, "decide", remedies(fields("penaltyType", "罚款", "fineAmount", 6000,
                "legalBasis", "《土地管理法》第七十八条", "performanceManner", "自收到决定书之日起十五日内缴纳",
                "paymentAccount", "衡阳县财政局非税收入专户", "decisionDate", today, "partyWaived", true)));
        assertEquals("decided", decided.get("step").asText());
        assertEquals("6000.00", decided.get("fields").get("fineAmount").asText());
        cases.moved("officer", id, "serve", fields("servedOn", today, "serviceMethod", "直接送达",
                "serviceRecipient", "王全程"));
        cases.moved("officer", id, "recordPerformance", fields("performedOn", today, "performance", "全部履行",
                "paidAmount", "6000.00", "receiptNo", "HN-2026-000123"));
        JsonNode closed = cases.moved("officer", id, "close", fields("closedOn", today,
                "closingSummary", "罚款已全部缴纳，案件办结"));
        assertEquals("closed", closed.get("step").asText());
        assertEquals("CLOSED", closed.get("status").asText());

        List<String> timeline = Cases.texts(closed.get("events"), "transition");
        assertEquals(List.of("null", "investigate", "concludeInvestigation", "notify", "decide", "serve",
                "recordPerformance", "close"), timeline);
        assertEquals("leader", closed.get("events").get(4).get("actor").asText());
        for (JsonNode t : closed.get("timers")) {
            assertFalse(t.get("metOn").isNull(), "every timer stopped: " + t);
        }
        // closed: nothing more to do, and a further step is refused with the reason
        assertEquals(0, Json.parse(bureau.get("/api/v1/cases/" + id + "/transitions", "officer").body())
                .get("items").size());
        refused(cases.move("officer", id, "investigate", Map.of()), 409, "CASE_CLOSED");

        // the documents its steps produced (their contents: CaseDocumentsIT)
        JsonNode docs = Json.parse(bureau.get("/api/v1/cases/" + id + "/documents", "officer").body()).get("items");
        assertTrue(docs.toString().contains("penalty.decision"), docs.toString());
        assertEquals(200, bureau.download("/api/v1/cases/" + id + "/documents/penalty.closing?format=pdf", "officer")
                .statusCode());
        refused(bureau.get("/api/v1/cases/" + id + "/documents/penalty.decision?format=exe", "officer"), 400,
                "INVALID_PARAMETER");
    }

    @Test
    void illegalTransitionsAndStaleVersionsAreRefusedWithTheReasonAndChangeNothing() {
        JsonNode c = cases.filed("officer", Cases.penalty("非法环节测试案", Cases.person("钱非法"), twoOfficers("非法"), false));
        long id = c.get("id").asLong();
        String etag = "\"" + c.get("version").asText() + "\"";
        // 立案 cannot jump to 送达 (T2)
        JsonNode e = refused(cases.move("officer", id, "serve", fields("servedOn", c.get("filedOn").asText(),
                "serviceMethod", "直接送达", "serviceRecipient", "钱非法")), 409, "TRANSITION_NOT_ALLOWED");
        assertTrue(e.get("message_zh").asText().contains("立案"), e.toString());
        refused(cases.move("officer", id, "noSuchTransition", Map.of()), 400, "TRANSITION_UNKNOWN");
        // 当场处罚 belongs to the simple procedure only
        refused(cases.move("officer", id, "decideOnSpot", Map.of()), 409, "TRANSITION_SIMPLE_ONLY");

        JsonNode moved = Json.parse(cases.move("officer", id, "investigate", Map.of(), "If-Match", etag).body());
        assertEquals("investigation", moved.get("step").asText(), moved.toString());
        // the old ETag is stale now: a lost update is refused
        refused(cases.move("officer", id, "concludeInvestigation", fields("facts", "事实", "evidence", "证据"),
                "If-Match", etag), 409, "VERSION_CONFLICT");
        refused(cases.move("officer", id, "concludeInvestigation", fields("facts", "事实", "evidence", "证据"),
                "If-Match", "abc"), 400, "INVALID_PARAMETER");
        JsonNode now = cases.read(id);
        assertEquals("investigation", now.get("step").asText());
        assertEquals(moved.get("version").asLong(), now.get("version").asLong());
        refused(bureau.get("/api/v1/cases/987654321", "officer"), 404, "CASE_NOT_FOUND");
        refused(bureau.get("/api/v1/cases/abc", "officer"), 400, "INVALID_PARAMETER");
        refused(bureau.get("/api/v1/cases/by-number?number=" + URLEncoder.encode("衡国土资罚〔1999〕1号",
                StandardCharsets.UTF_8), "officer"), 404, "CASE_NUMBER_NOT_FOUND");
    }

    @Test
    void badInputIsRefusedAsJsonAndNothingIsFiled() {
        List<Long> officers = twoOfficers("坏输入");
        long before = cases.count();
        String good = Json.write(Cases.penalty("输入测试案", Cases.person("孙输入"), officers, false));

        refused(cases.file("officer", "{\"kind\":\"penalty\","), 400, "MALFORMED_JSON");
        refused(cases.file("officer", good.replaceFirst("\\{", "{\"colour\":\"red\",")), 400, "UNKNOWN_FIELD");
        refused(cases.file("officer", good.replace("\"simple\":false", "\"simple\":\"no\"")), 400, "WRONG_TYPE");
        refused(cases.file("officer", good.replace("\"officers\":[", "\"officers\":[\"x\",")), 400, "WRONG_TYPE");
        refused(cases.file("officer", good.replace("\"type\":\"PERSON\"", "\"type\":\"ROBOT\"")), 400, "WRONG_TYPE");
        JsonNode e = refused(cases.file("officer", good.replace("\"cause\":\"未经批准占用耕地建房\"", "\"cause\":{\"a\":1}")),
                400, "WRONG_TYPE");
        assertEquals("fields.cause", e.get("field").asText());

        Map<String, Object> noTitle = Cases.penalty(null, Cases.person("孙输入"), officers, false);
        assertEquals("title", refused(cases.file("officer", noTitle), 400, "FIELD_REQUIRED").get("field").asText());
        Map<String, Object> noCause = Cases.penalty("缺案由", Cases.person("孙输入"), officers, false);
        noCause.put("fields", Map.of());
        assertEquals("cause", refused(cases.file("officer", noCause), 400, "FIELD_REQUIRED").get("field").asText());
        Map<String, Object> badId = Cases.penalty("身份证错", Cases.person("孙输入"), officers, false);
        ((Map<String, Object>) badId.get("party")).put("idNumber", "430421198005170000");
        refused(cases.file("officer", badId), 400, "PARTY_ID_INVALID");
        Map<String, Object> unknownField = Cases.penalty("未知字段", Cases.person("孙输入"), officers, false);
        unknownField.put("fields", Map.of("cause", "占地", "colour", "red"));
        refused(cases.file("officer", unknownField), 400, "FIELD_UNKNOWN");
        refused(cases.file("officer", ""), 400, "BODY_REQUIRED");
        refused(bureau.send("POST", "/api/v1/cases", "officer", good, "Content-Type", "text/plain"), 415,
                "UNSUPPORTED_MEDIA_TYPE");

        String huge = "占".repeat(1 << 20);
        refused(cases.file("officer", Cases.penalty(huge, Cases.person("孙输入"), officers, false)), 413,
                "PAYLOAD_TOO_LARGE");
        String longTitle = "长".repeat(201);
        refused(cases.file("officer", Cases.penalty(longTitle, Cases.person("孙输入"), officers, false)), 400,
                "FIELD_TOO_LONG");
        refused(bureau.get("/api/v1/cases?limit=100000", "officer"), 400, "LIMIT_RANGE");
        refused(bureau.get("/api/v1/cases?sort=party", "officer"), 400, "SORT_UNKNOWN");
        refused(bureau.get("/api/v1/cases?due=tomorrow", "officer"), 400, "INVALID_PARAMETER");
        refused(bureau.get("/api/v1/cases?status=lost", "officer"), 400, "INVALID_PARAMETER");
        refused(bureau.get("/api/v1/cases/due?within=-1", "officer"), 400, "DUE_WITHIN_RANGE");
        assertEquals(before, cases.count(), "nothing was filed");

        // markup in a title is kept literally: stored and returned as text, never interpreted
        String markup = "<script>alert('x')</script><b>占地</b> & \"引号\"";
        JsonNode c = cases.filed("officer", Cases.penalty(markup, Cases.person("孙输入"), officers, false));
        assertEquals(markup, cases.read(c.get("id").asLong()).get("title").asText());
        assertEquals(before + 1, cases.count());

        // bad transition bodies change nothing either
        long id = c.get("id").asLong();
        long version = c.get("version").asLong();
        refused(bureau.send("POST", "/api/v1/cases/" + id + "/transitions", "officer",
                "{\"transition\":\"investigate\",\"colour\":1}"), 400, "UNKNOWN_FIELD");
        refused(bureau.send("POST", "/api/v1/cases/" + id + "/transitions", "officer",
                "{\"transition\":[\"investigate\"]}"), 400, "WRONG_TYPE");
        refused(bureau.send("PUT", "/api/v1/cases/" + id + "/officers", "officer", "{\"reason\":\"换人\"}"), 400,
                "FIELD_REQUIRED");
        assertEquals(version, cases.read(id).get("version").asLong());
        assertEquals("filed", cases.read(id).get("step").asText());
    }

    @Test
    void writingNeedsCredentialsAndAnOfficerOrLeader() {
        List<Long> officers = twoOfficers("权限");
        long before = cases.count();
        Map<String, Object> body = Cases.penalty("权限测试案", Cases.person("周权限"), officers, false);
        HttpResponse<String> anonymous = bureau.send("POST", "/api/v1/cases", null, Json.write(body));
        refused(anonymous, 401, "UNAUTHENTICATED");
        assertTrue(anonymous.headers().firstValue("WWW-Authenticate").isPresent());
        refused(bureau.get("/api/v1/cases", null), 401, "UNAUTHENTICATED");
        refused(bureau.get("/api/v1/kinds", null), 401, "UNAUTHENTICATED");
        refused(bureau.send("POST", "/api/v1/cases", "officer:wrong", Json.write(body)), 401, "BAD_CREDENTIALS");
        // a 法制审核人员 reviews; filing is for 执法人员 and 负责人
        refused(cases.file("reviewer", body), 403, "ROLE_WRITER");
        refused(cases.file("admin", body), 403, "ROLE_WRITER");
        assertEquals(before, cases.count());

        long id = cases.filed("leader", body).get("id").asLong();
        refused(cases.move("reviewer", id, "investigate", Map.of()), 403, "TRANSITION_ROLE");
        assertEquals("filed", cases.read(id).get("step").asText());
        // the reviewer reads
        assertEquals(200, bureau.get("/api/v1/cases/" + id, "reviewer").statusCode());
    }

    @Test
    void officersAreReassignedAndRecusalsRecordedAndDecided() {
        List<Long> officers = twoOfficers("回避");
        long third = cases.validOfficer("丙回避");
        JsonNode c = cases.filed("officer", Cases.penalty("回避测试案", Cases.person("吴回避"), officers, false));
        long id = c.get("id").asLong();

        HttpResponse<String> assigned = bureau.send("PUT", "/api/v1/cases/" + id + "/officers", "officer",
                Json.write(Map.of("officers", List.of(officers.get(0), officers.get(1), third), "reason", "增派人员")));
        assertEquals(200, assigned.statusCode(), assigned.body());
        assertEquals(3, Json.parse(assigned.body()).get("officers").size());

        HttpResponse<String> asked = bureau.send("POST", "/api/v1/cases/" + id + "/recusals", "officer",
                Json.write(Map.of("officerId", third, "requestedBy", "PARTY", "reason", "与当事人系近亲属")));
        assertEquals(200, asked.statusCode(), asked.body());
        JsonNode recusal = Json.parse(asked.body()).get("recusals").get(0);
        assertTrue(recusal.get("approved").isNull());
        long rid = recusal.get("id").asLong();
        String decision = "/api/v1/cases/" + id + "/recusals/" + rid + "/decision";
        refused(bureau.send("POST", decision, "officer", "{\"approved\":true,\"reason\":\"属实\"}"), 403,
                "RECUSAL_LEADER_ONLY");
        refused(bureau.send("POST", decision, "leader", "{\"reason\":\"属实\"}"), 400, "FIELD_REQUIRED");
        refused(bureau.send("POST", decision, "leader", "{\"approved\":\"yes\"}"), 400, "WRONG_TYPE");
        HttpResponse<String> decided = bureau.send("POST", decision, "leader", "{\"approved\":true,\"reason\":\"属实\"}");
        assertEquals(200, decided.statusCode(), decided.body());
        JsonNode after = Json.parse(decided.body());
        assertTrue(after.get("recusals").get(0).get("approved").asBoolean());
        assertEquals(2, after.get("officers").size(), "the recused officer left the case");
        refused(bureau.send("POST", decision, "leader", "{\"approved\":false,\"reason\":\"再议\"}"), 409,
                "RECUSAL_DECIDED");
    }

    @Test
    void dueListsAndFiltersShowRunningTimers() {
        JsonNode c = cases.filed("officer", Cases.penalty("期限测试案", Cases.person("郑期限"), twoOfficers("期限"), false));
        long id = c.get("id").asLong();
        JsonNode due = Json.parse(bureau.get("/api/v1/cases/due?within=365", "officer").body()).get("items");
        boolean found = false;
        for (JsonNode i : due) {
            if (i.get("caseId").asLong() == id && i.get("rule").asText().equals("decision")) {
                found = true;
                assertFalse(i.get("overdue").asBoolean());
                assertTrue(i.get("basis").asText().contains("第六十条"), i.toString());
            }
        }
        assertTrue(found, due.toString());
        // nothing of this new case is overdue; ~90 days ahead is not within 3 working days
        JsonNode overdue = Json.parse(bureau.get("/api/v1/cases?due=overdue&limit=500", "officer").body());
        assertFalse(Cases.texts(overdue.get("items"), "id").contains(Long.toString(id)));
        JsonNode soon = Json.parse(bureau.get("/api/v1/cases?due=soon&within=3&limit=500", "officer").body());
        assertFalse(Cases.texts(soon.get("items"), "id").contains(Long.toString(id)));
        JsonNode sorted = Json.parse(bureau.get("/api/v1/cases?sort=id&asc=false&limit=1", "officer").body());
        assertTrue(sorted.get("items").get(0).get("id").asLong() >= id, "newest first: " + sorted);
    }
}
