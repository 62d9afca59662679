package org.zhifa.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zhifa.itests.support.Cases.fields;
import static org.zhifa.itests.support.Cases.refused;
import static org.zhifa.itests.support.Cases.remedies;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.zhifa.itests.support.Bureau;
import org.zhifa.itests.support.Cases;
import org.zhifa.itests.support.Json;
import org.zhifa.itests.support.LegalReviews;

import com.fasterxml.jackson.databind.JsonNode;

/** The gate of V2 over REST in the built bureau: a major penalty decision only after its draft passed review. */
class LegalReviewIT {
    private final Bureau bureau = Bureau.shared();
    private final Cases cases = new Cases(bureau);
    private final LegalReviews reviews = new LegalReviews(bureau);
    private final String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();

    /** A penalty case against a citizen, notified of a 20000 fine and through 法制审核 and 集体讨论 steps. */
    private long atDiscussion(String name) {
        List<Long> officers = List.of(cases.validOfficer(name + "甲"), cases.validOfficer(name + "乙"));
        long id = cases.filed("officer", Cases.penalty(name + "违法占地案", Cases.person(name), officers, false))
                .get("id").asLong();
        cases.moved("officer", id, "investigate", Map.of());
        cases.moved("officer", id, "concludeInvestigation", fields("facts", "未经批准占用耕地 600 平方米建房",
                "evidence", "现场检查笔录、询问笔录、测绘报告"));
        cases.moved("officer", id, "notify", fields("proposedType", "罚款", "proposedFine", 20000,
                "proposedBasis", "《土地管理法》第七十七条", "notifiedOn", today, "hearingRight", false));
        cases.moved("officer", id, "submitLegalReview", fields("reviewSubmittedOn", today, "partyWaived", true));
        cases.moved("officer", id, "submitDiscussion", fields("reviewOpinion", "同意拟处理意见"));
        return id;
    }

    private Map<String, Object> decision(int fine) {
        return remedies(fields("penaltyType", "罚款", "fineAmount", fine, "legalBasis", "《土地管理法》第七十七条",
                "performanceManner", "自收到决定书之日起十五日内缴纳", "decisionDate", today,
                "discussionConclusion", "经集体讨论，决定罚款"));
    }

    @Test
    void aMajorDecisionWaitsForItsPassedReviewAndAChangedOneIsRefused() {
        long id = atDiscussion("郑重大");
        JsonNode e = refused(cases.move("leader", id, "decideAfterDiscussion", decision(20000)), 409, "REVIEW_REQUIRED");
        assertTrue(e.get("message_zh").asText().contains("重大：罚款 20000 ≥ 10000（公民），目录 v1"), e.toString());
        assertEquals("discussion", cases.read(id).get("step").asText());

        JsonNode review = reviews.pass(id, "decideAfterDiscussion", decision(20000));
        assertEquals("PASSED", review.get("status").asText());
        assertTrue(review.get("evaluation").get("major").asBoolean(), review.toString());

        refused(cases.move("leader", id, "decideAfterDiscussion", decision(19000)), 409, "REVIEW_DRAFT_CHANGED");
        assertEquals("decided", cases.moved("leader", id, "decideAfterDiscussion", decision(20000)).get("step").asText());

        HttpResponse<String> record = bureau.get("/api/v1/record/entries?objectType=legalreview&objectId=" + id, "leader");
        assertEquals(200, record.statusCode(), record.body());
        assertTrue(record.body().contains("legalreview.decision.refused"), record.body());
        assertTrue(record.body().contains("legalreview.decision.admitted"), record.body());
    }

    @Test
    void aChangedDraftVoidsThePass() {
        long id = atDiscussion("冯改稿");
        JsonNode first = reviews.pass(id, "decideAfterDiscussion", decision(20000));
        reviews.draft(id, "decideAfterDiscussion", decision(25000));
        JsonNode voided = Json.parse(bureau.get("/api/v1/legal-review/reviews/" + first.get("id").asLong(), "officer")
                .body());
        assertEquals("VOID", voided.get("status").asText());
        refused(cases.move("leader", id, "decideAfterDiscussion", decision(20000)), 409, "REVIEW_DRAFT_CHANGED");
        refused(cases.move("leader", id, "decideAfterDiscussion", decision(25000)), 409, "REVIEW_REQUIRED");
    }

    @Test
    void badInputIsRefusedAsJson() {
        long id = atDiscussion("陈坏参");
        refused(bureau.send("POST", "/api/v1/legal-review/cases/" + id + "/drafts", "officer",
                "{\"transition\":\"decideAfterDiscussion\",\"fields\":{},\"extra\":1}"), 400, "UNKNOWN_FIELD");
        refused(bureau.send("POST", "/api/v1/legal-review/cases/" + id + "/flags", "officer",
                "{\"flag\":\"COMPLEX\",\"on\":true,\"reason\":\"<script>alert(1)</script>\"}"), 400, "FIELD_MARKUP");
        refused(bureau.send("POST", "/api/v1/legal-review/catalogues", "admin",
                "{\"effectiveFrom\":\"2030-01-01\",\"rules\":[{\"type\":\"FINE\",\"threshold\":\"many\"}]}"), 400,
                "FIELD_TYPE");
        refused(bureau.send("POST", "/api/v1/legal-review/catalogues", "officer",
                "{\"effectiveFrom\":\"2030-01-01\",\"rules\":[]}"), 403, "FORBIDDEN_ROLE");
        refused(bureau.send("GET", "/api/v1/legal-review/reviews/abc", "officer", null), 400, "ID_INVALID");
        JsonNode d = reviews.draft(id, "decideAfterDiscussion", decision(20000));
        refused(bureau.send("POST", "/api/v1/legal-review/cases/" + id + "/reviews", "officer",
                Json.write(Map.of("draftId", d.get("id").asLong(), "materials", List.of("EVIDENCE")))), 400,
                "MATERIALS_MISSING");
    }
}
