package org.zhifa.itests.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The legal review over REST for tests that take a major decision (V2): the demo user {@code reviewer} in the
 * reviewer register (qualified), then draft → submit → assign → pass, as the bureau's staff would.
 */
public final class LegalReviews {
    private final Bureau bureau;

    public LegalReviews(Bureau bureau) {
        this.bureau = bureau;
    }

    /** Puts the demo user {@code reviewer} in the register with 法律职业资格 (again: a new row, same state). */
    public void registerReviewer() {
        HttpResponse<String> r = bureau.send("POST", "/api/v1/legal-review/reviewers", "admin", Json.write(Map.of(
                "user", "reviewer", "name", "钱审核", "unit", "政策法规科", "legalQualification", true,
                "qualificationNo", "A20190430001", "active", true)));
        assertEquals(200, r.statusCode(), r.body());
    }

    public JsonNode draft(long caseId, String transition, Map<String, ?> fields) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("transition", transition);
        b.put("fields", fields);
        HttpResponse<String> r = bureau.send("POST", "/api/v1/legal-review/cases/" + caseId + "/drafts", "officer",
                Json.write(b));
        assertEquals(201, r.statusCode(), r.body());
        return Json.parse(r.body());
    }

    public JsonNode submit(long caseId, long draftId) {
        HttpResponse<String> r = bureau.send("POST", "/api/v1/legal-review/cases/" + caseId + "/reviews", "officer",
                Json.write(Map.of("draftId", draftId, "materials", List.of("INVESTIGATION_REPORT", "EVIDENCE",
                        "PROPOSAL"), "note", "请予审核")));
        assertEquals(201, r.statusCode(), r.body());
        return Json.parse(r.body());
    }

    public JsonNode assign(long reviewId) {
        HttpResponse<String> r = bureau.send("POST", "/api/v1/legal-review/reviews/" + reviewId + "/assign", "leader",
                Json.write(Map.of("reviewer", "reviewer")));
        assertEquals(200, r.statusCode(), r.body());
        return Json.parse(r.body());
    }

    /** Every checklist item with the verdict OK. */
    public static List<Map<String, Object>> allOk() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String item : List.of("SUBJECT", "QUALIFICATION", "FACTS", "EVIDENCE", "LAW", "DISCRETION", "PROCEDURE",
                "ULTRA_VIRES", "DOCUMENTS", "CRIME_REFERRAL", "OTHER")) {
            out.add(Map.of("item", item, "verdict", "OK"));
        }
        return out;
    }

    public HttpResponse<String> decide(long reviewId, boolean passed, List<Map<String, Object>> findings) {
        return bureau.send("POST", "/api/v1/legal-review/reviews/" + reviewId + "/decide", "reviewer",
                Json.write(Map.of("findings", findings, "passed", passed, "opinion", "事实清楚，证据确凿，适用法律正确")));
    }

    /** Drafts the decision, submits it, assigns {@code reviewer} and passes it; returns the review. */
    public JsonNode pass(long caseId, String transition, Map<String, ?> fields) {
        registerReviewer();
        JsonNode d = draft(caseId, transition, fields);
        JsonNode r = submit(caseId, d.get("id").asLong());
        assign(r.get("id").asLong());
        HttpResponse<String> passed = decide(r.get("id").asLong(), true, allOk());
        assertEquals(200, passed.statusCode(), passed.body());
        return Json.parse(passed.body());
    }
}
