package org.zhifa.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zhifa.itests.support.Cases.fields;
import static org.zhifa.itests.support.Cases.refused;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.zhifa.itests.support.Bureau;
import org.zhifa.itests.support.Cases;
import org.zhifa.itests.support.Json;

/**
 * R4 in the built bureau: 调查取证 of a penalty case needs audio/video (etc/org.zhifa.kind.penalty.cfg);
 * the case cannot leave it until a recording of the step is uploaded through the evidence API, and the
 * transition's record entry then names the recording's hash.
 */
class AvGateIT {
    private final Bureau bureau = Bureau.shared();
    private final Cases cases = new Cases(bureau);

    @Test
    void anInvestigationIsNotConcludedWithoutItsAudioVideo_R4() {
        long a = cases.validOfficer("音像甲");
        long b = cases.validOfficer("音像乙");
        long id = cases.filed("officer", Cases.penalty("音像记录案", Cases.person("周音像"), List.of(a, b), false))
                .get("id").asLong();
        cases.moved("officer", id, "investigate", Map.of());
        Map<String, Object> conclusion = fields("facts", "非法占地 60 平方米", "evidence", "现场检查笔录");
        int events = cases.read(id).get("events").size();

        JsonNode e = refused(cases.move("officer", id, "concludeInvestigation", conclusion), 409, "AV_MISSING");
        assertTrue(e.get("message_zh").asText().contains("调查取证"), e.toString());
        assertTrue(e.get("message_en").asText().toLowerCase().contains("investigation"), e.toString());
        JsonNode unchanged = cases.read(id);
        assertEquals("investigation", unchanged.get("step").asText(), "nothing written");
        assertEquals(events, unchanged.get("events").size());

        String hash = cases.recordAv("officer", id, "investigation").get("hash").asText();
        HttpResponse<String> moved = cases.move("officer", id, "concludeInvestigation", conclusion);
        assertEquals(200, moved.statusCode(), moved.body());
        assertEquals("review", Json.parse(moved.body()).get("step").asText());

        HttpResponse<String> record = bureau.get("/api/v1/cases/" + id + "/record", "officer");
        assertEquals(200, record.statusCode(), record.body());
        List<JsonNode> caseEntries = new java.util.ArrayList<>();
        Json.parse(record.body()).get("items").forEach(i -> {
            if (i.get("entryType").asText().startsWith("case.")) {
                caseEntries.add(i);
            }
        });
        assertEquals(events + 1, caseEntries.size(), "one entry per timeline event: " + record.body());
        JsonNode last = caseEntries.get(caseEntries.size() - 1);
        assertEquals("case.transition", last.get("entryType").asText());
        assertEquals("concludeInvestigation", last.get("payload").get("transition").asText());
        assertEquals(1, last.get("evidence").size(), record.body());
        assertEquals(hash, last.get("evidence").get(0).asText(), "the entry names the recording");
        assertTrue(last.get("leafHash").asText().matches("[0-9a-f]{64}"), last.toString());
    }
}
