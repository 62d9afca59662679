package org.zhifa.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zhifa.itests.support.Cases.fields;
import static org.zhifa.itests.support.Cases.refused;

import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.zhifa.itests.support.Bureau;
import org.zhifa.itests.support.Cases;
import org.zhifa.itests.support.Json;

import com.fasterxml.jackson.databind.JsonNode;

/** The 行政强制法 rules on when and how an execution may happen (T7), through REST. */
class CoercionLawIT {
    private final Bureau bureau = Bureau.shared();
    private final Cases cases = new Cases(bureau);

    private boolean working(LocalDate d) {
        HttpResponse<String> r = bureau.get("/api/v1/calendar/working-days/check?date=" + d, "officer");
        assertEquals(200, r.statusCode(), r.body());
        return Json.parse(r.body()).get("working").asBoolean();
    }

    /** A coercion case brought, through 催告 and 陈述申辩, to the point of the execution decision. */
    private long demandedAndHeard(String party) {
        List<Long> officers = List.of(cases.validOfficer("甲" + party), cases.validOfficer("乙" + party));
        Map<String, Object> body = Cases.penalty(party + "拒不拆除违法建筑案", Cases.person(party), officers, false);
        body.put("kind", "coercion");
        body.remove("simple");
        body.put("fields", Map.of("subject", "拒不履行限期拆除决定", "legalBasis", "《土地管理法》第七十七条"));
        JsonNode c = cases.filed("officer", body);
        long id = c.get("id").asLong();
        LocalDate today = LocalDate.parse(c.get("filedOn").asText());
        cases.moved("officer", id, "demand", fields("decisionNo", "衡国土资罚〔2026〕1号",
                "decisionServedOn", today.minusDays(40).toString(), "obligation", "自行拆除违法建筑",
                "performBy", today.minusDays(20).toString(), "performManner", "自行拆除",
                "statementDeadline", today.minusDays(30).toString(), "demandServedOn", today.minusDays(35).toString()));
        cases.moved("officer", id, "record_statement", fields("statementOutcome", "放弃陈述申辩"));
        return id;
    }

    private Map<String, Object> decision(String manner, String plannedAt) {
        return fields("executionReason", "当事人逾期不履行", "executionBasis", "《行政强制法》第三十七条",
                "executionManner", manner, "executionPlannedAt", plannedAt, "reviewBody", "衡阳县人民政府",
                "court", "衡阳县人民法院", "remedyStatus", "未申请复议或提起诉讼");
    }

    /** 行政强制法 43: no execution at night or on a rest day or holiday, unless urgent. */
    @Test
    void executionOnASundayOrAtElevenAtNightIsRefused_Art43() {
        long id = demandedAndHeard("褚夜间");
        LocalDate today = LocalDate.parse(cases.read(id).get("filedOn").asText());
        LocalDate sunday = today.plusDays(1);
        while (sunday.getDayOfWeek() != DayOfWeek.SUNDAY || working(sunday)) {
            sunday = sunday.plusDays(1);
        }
        LocalDate workday = today.plusDays(1);
        while (!working(workday)) {
            workday = workday.plusDays(1);
        }
        String manner = "排除妨碍、恢复原状";
        JsonNode e = refused(cases.move("leader", id, "decide_execution", decision(manner, sunday + "T10:00")), 409,
                "coercion.time.rest-day");
        assertTrue(e.get("message_zh").asText().contains("第四十三条"), e.toString());
        e = refused(cases.move("leader", id, "decide_execution", decision(manner, workday + "T23:00")), 409,
                "coercion.time.night");
        assertTrue(e.get("message_zh").asText().contains("第四十三条"), e.toString());
        assertEquals("heard", cases.read(id).get("step").asText());

        assertEquals("decided", cases.moved("leader", id, "decide_execution",
                decision(manner, workday + "T10:00")).get("step").asText());
        // the start is checked as well
        refused(cases.move("officer", id, "start_execution", fields("executionStartedAt", sunday + "T09:30")), 409,
                "coercion.time.rest-day");
        refused(cases.move("officer", id, "start_execution", fields("executionStartedAt", workday + "T23:00")), 409,
                "coercion.time.night");
        // 情况紧急: allowed with its reason on record
        assertEquals("executing", cases.moved("officer", id, "start_execution", fields("executionStartedAt",
                sunday + "T09:30", "urgent", true, "urgentReason", "违法建筑坍塌危及行人安全")).get("step").asText());
    }

    /** 行政强制法 44: a forced demolition needs the prior public notice to demolish within a time limit. */
    @Test
    void forcedDemolitionWithoutAPriorNoticeIsRefused_Art44() {
        long id = demandedAndHeard("卫拆除");
        LocalDate today = LocalDate.parse(cases.read(id).get("filedOn").asText());
        LocalDate workday = today.plusDays(1);
        while (!working(workday)) {
            workday = workday.plusDays(1);
        }
        JsonNode e = refused(cases.move("leader", id, "decide_execution", decision("强制拆除", workday + "T10:00")),
                409, "coercion.demolition.no-notice");
        assertTrue(e.get("message_zh").asText().contains("第四十四条"), e.toString());
        assertEquals("heard", cases.read(id).get("step").asText());
    }
}
