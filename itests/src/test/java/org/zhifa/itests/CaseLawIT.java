package org.zhifa.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zhifa.itests.support.Cases.fields;
import static org.zhifa.itests.support.Cases.refused;
import static org.zhifa.itests.support.Cases.remedies;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.zhifa.itests.support.Bureau;
import org.zhifa.itests.support.Cases;
import org.zhifa.itests.support.Json;

import com.fasterxml.jackson.databind.JsonNode;

/** The legal rules of a penalty case (行政处罚法, T3–T6) through the REST API of the built bureau. */
class CaseLawIT {
    private final Bureau bureau = Bureau.shared();
    private final Cases cases = new Cases(bureau);

    private List<Long> twoOfficers(String tag) {
        return List.of(cases.validOfficer("甲" + tag), cases.validOfficer("乙" + tag));
    }

    /** 处罚法 42: investigation needs at least two certified officers; one alone is refused. */
    @Test
    void investigationByOneOfficerAloneIsRefused_Art42() {
        long alone = cases.validOfficer("单独执法");
        JsonNode c = cases.filed("officer", Cases.penalty("单人调查案", Cases.person("冯单人"), List.of(alone), false));
        long id = c.get("id").asLong();
        JsonNode e = refused(cases.move("officer", id, "investigate", Map.of()), 409, "STEP_NEEDS_OFFICERS");
        assertTrue(e.get("message_zh").asText().contains("2"), e.toString());
        assertTrue(e.get("message_en").asText().contains("2"), e.toString());
        assertEquals("filed", cases.read(id).get("step").asText());

        // with a second certified officer the investigation starts
        long second = cases.validOfficer("补派执法");
        HttpResponse<String> assigned = bureau.send("PUT", "/api/v1/cases/" + id + "/officers", "officer",
                Json.write(Map.of("officers", List.of(alone, second), "reason", "调查取证须两名执法人员")));
        assertEquals(200, assigned.statusCode(), assigned.body());
        assertEquals("investigation", cases.moved("officer", id, "investigate", Map.of()).get("step").asText());
    }

    /** T4: only certified, unexpired officers may act; the expired one is created through the register API. */
    @Test
    void anOfficerWithAnExpiredCertificateIsRefused_T4() {
        long expired = cases.officer("过期证件", "2019-01-01", "2024-12-31");
        JsonNode o = Json.parse(bureau.get("/api/v1/personnel/" + expired, "admin").body());
        assertEquals("EXPIRED", o.get("status").asText(), o.toString());
        long valid = cases.validOfficer("有效证件");
        long before = cases.count();
        JsonNode e = refused(cases.file("officer", Cases.penalty("过期证件案", Cases.person("陈过期"),
                List.of(valid, expired), false)), 409, "OFFICER_CERTIFICATE_EXPIRED");
        assertTrue(e.get("message_zh").asText().contains("2024-12-31"), e.toString());
        assertEquals(before, cases.count(), "nothing filed");

        // nor can the officer be assigned to an existing case
        JsonNode c = cases.filed("officer", Cases.penalty("过期证件指派案", Cases.person("陈过期"),
                List.of(valid, cases.validOfficer("另一有效")), false));
        refused(bureau.send("PUT", "/api/v1/cases/" + c.get("id").asLong() + "/officers", "officer",
                Json.write(Map.of("officers", List.of(valid, expired), "reason", "换人"))), 409,
                "OFFICER_CERTIFICATE_EXPIRED");
        assertEquals(2, cases.read(c.get("id").asLong()).get("officers").size());
    }

    private HttpResponse<String> onSpot(long id, String today, Object fine) {
        return cases.move("officer", id, "decideOnSpot", remedies(fields("penaltyType", "罚款", "fineAmount", fine,
                "facts", "在禁采区内擅自采砂", "legalBasis", "《矿产资源法》第三十九条", "decisionDate", today,
                "decisionPlace", "衡阳县西渡镇河段")));
    }

    /** 处罚法 51: 当场处罚 only for fines up to 200 元 (citizen) and 3000 元 (organisation). */
    @Test
    void simpleProcedureFineLimitsOnBothSides_Art51() {
        List<Long> officers = twoOfficers("当场");
        JsonNode citizen = cases.filed("officer", Cases.penalty("当场处罚公民案", Cases.person("褚当场"), officers, true));
        long cid = citizen.get("id").asLong();
        String today = citizen.get("filedOn").asText();
        JsonNode e = refused(onSpot(cid, today, 200.01), 400, "penalty.simple.limit.person");
        assertTrue(e.get("message_zh").asText().contains("第五十一条"), e.toString());
        assertEquals("filed", cases.read(cid).get("step").asText());
        JsonNode ok = Json.parse(onSpot(cid, today, 200).body());
        assertEquals("onSpot", ok.get("step").asText(), ok.toString());
        assertEquals("200.00", ok.get("fields").get("fineAmount").asText());

        JsonNode org = cases.filed("officer", Cases.penalty("当场处罚单位案", Cases.organisation("衡阳县某砂石有限公司"),
                officers, true));
        long oid = org.get("id").asLong();
        e = refused(onSpot(oid, today, "3000.01"), 400, "penalty.simple.limit.organisation");
        assertTrue(e.get("message_zh").asText().contains("第五十一条"), e.toString());
        assertEquals("onSpot", Json.parse(onSpot(oid, today, 3000).body()).get("step").asText());

        // 当场交付 closes the simple case's decision
        assertEquals("served", cases.moved("officer", oid, "serveOnSpot", fields("servedOn", today,
                "serviceRecipient", "李明")).get("step").asText());
        // and the ordinary procedure's investigation is not for a simple case
        JsonNode simple = cases.filed("officer", Cases.penalty("简易不调查案", Cases.person("卫简易"), officers, true));
        refused(cases.move("officer", simple.get("id").asLong(), "investigate", Map.of()), 409,
                "TRANSITION_ORDINARY_ONLY");
    }

    /** 处罚法 45: no heavier penalty because the party stated and defended (陈述申辩). */
    @Test
    void aHeavierPenaltyAfterTheStatementIsRefused_Art45() {
        JsonNode c = cases.filed("officer", Cases.penalty("陈述申辩案", Cases.person("蒋申辩"), twoOfficers("申辩"), false));
        long id = c.get("id").asLong();
        String today = c.get("filedOn").asText();
        cases.moved("officer", id, "investigate", Map.of());
        cases.moved("officer", id, "concludeInvestigation", fields("facts", "非法占地 80 平方米", "evidence", "现场检查笔录"));
        cases.moved("officer", id, "notify", fields("proposedType", "罚款", "proposedFine", 2000,
                "proposedBasis", "《土地管理法》第七十七条", "notifiedOn", today, "hearingRight", false));
        cases.moved("officer", id, "hearStatement", fields("statementOn", today, "statement", "当事人称系临时堆放",
                "statementAdopted", false, "statementReply", "经复核，理由不成立"));
        Map<String, Object> decision = remedies(fields("penaltyType", "罚款", "fineAmount", 2000.01,
                "legalBasis", "《土地管理法》第七十七条", "performanceManner", "十五日内缴纳", "decisionDate", today));
        JsonNode e = refused(cases.move("leader", id, "decideAfterStatement", decision), 409,
                "penalty.heavier.after.statement");
        assertTrue(e.get("message_zh").asText().contains("第四十五条"), e.toString());
        assertEquals("statement", cases.read(id).get("step").asText());

        decision.put("fineAmount", 2000);
        assertEquals("decided", cases.moved("leader", id, "decideAfterStatement", decision).get("step").asText());
    }

    /**
     * 处罚法 60 with 民法典 203: the 90-day decision limit from 立案; a last day on a rest day or holiday
     * (e.g. the Spring Festival) moves to the next working day. The server's clock is today's, so the
     * expected day comes from the calendar API; the fixed-date proof is the engine's unit test
     * (CaseServiceTest.ninetyDayDecisionLimitEndingInTheSpringFestivalMovesToTheNextWorkingDay).
     */
    @Test
    void ninetyDayDecisionLimitFollowsTheHolidayCalendar_Art60() {
        JsonNode c = cases.filed("officer", Cases.penalty("九十日期限案", Cases.person("沈期限"), twoOfficers("九十"), false));
        LocalDate filed = LocalDate.parse(c.get("filedOn").asText());
        JsonNode timer = null;
        for (JsonNode t : c.get("timers")) {
            if (t.get("rule").asText().equals("decision")) {
                timer = t;
            }
        }
        assertTrue(timer != null, c.toString());
        assertTrue(timer.get("basis").asText().contains("第六十条"), timer.toString());
        assertEquals(filed.toString(), timer.get("startedOn").asText());

        LocalDate day = filed.plusDays(90);
        while (true) {
            HttpResponse<String> r = bureau.get("/api/v1/calendar/working-days/check?date=" + day, "officer");
            assertEquals(200, r.statusCode(), r.body());
            if (Json.parse(r.body()).get("working").asBoolean()) {
                break;
            }
            HttpResponse<String> next = bureau.get("/api/v1/calendar/working-days/add?from=" + day + "&n=1", "officer");
            assertEquals(200, next.statusCode(), next.body());
            day = LocalDate.parse(Json.parse(next.body()).get("date").asText());
        }
        assertEquals(day.toString(), timer.get("dueOn").asText(), timer.toString());
    }
}
