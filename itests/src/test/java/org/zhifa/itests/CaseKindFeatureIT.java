package org.zhifa.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zhifa.itests.support.Cases.fields;
import static org.zhifa.itests.support.Cases.refused;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.zhifa.itests.support.Bureau;
import org.zhifa.itests.support.Cases;
import org.zhifa.itests.support.Json;
import org.zhifa.itests.support.Wait;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A kind's feature uninstalled and installed again while cases of it exist (T1, P1): its cases stay readable
 * and read-only meanwhile, and move again once it is back. Likewise the case engine itself.
 */
class CaseKindFeatureIT {
    private static final Duration LIMIT = Duration.ofSeconds(90);
    private final Bureau bureau = Bureau.shared();
    private final Cases cases = new Cases(bureau);

    private boolean penaltyListed() {
        var r = bureau.get("/api/v1/kinds", "officer");
        return r.statusCode() == 200 && Cases.texts(Json.parse(r.body()).get("items"), "id").contains("penalty");
    }

    @Test
    void casesOfAnUninstalledKindAreReadOnlyUntilItIsBack() {
        List<Long> officers = List.of(cases.validOfficer("甲热插拔"), cases.validOfficer("乙热插拔"));
        JsonNode c = cases.filed("officer", Cases.penalty("热插拔测试案", Cases.person("韩热插"), officers, false));
        long id = c.get("id").asLong();
        assertTrue(penaltyListed());

        bureau.admin("feature:uninstall zhifa-kind-penalty");
        try {
            Wait.until("penalty gone from /api/v1/kinds", LIMIT, () -> !penaltyListed());
            refused(bureau.get("/api/v1/kinds/penalty", "officer"), 404, "KIND_NOT_FOUND");
            JsonNode read = cases.read(id);
            assertFalse(read.get("kindInstalled").asBoolean(), read.toString());
            assertEquals("热插拔测试案", read.get("title").asText());
            assertEquals("行政处罚", read.get("kindTitleZh").asText(), "the kind's name is kept with the case");
            JsonNode listed = Json.parse(bureau.get("/api/v1/cases?kind=penalty&q=" + java.net.URLEncoder.encode(
                    "韩热插", java.nio.charset.StandardCharsets.UTF_8), "officer").body());
            assertEquals(1, listed.get("total").asLong());
            assertFalse(listed.get("items").get(0).get("kindInstalled").asBoolean());
            JsonNode e = refused(cases.move("officer", id, "investigate", Map.of()), 409, "KIND_NOT_INSTALLED");
            assertTrue(e.get("message_zh").asText().contains("行政处罚"), e.toString());
            assertEquals(0, Json.parse(bureau.get("/api/v1/cases/" + id + "/transitions", "officer").body())
                    .get("items").size());
            // no new case of a kind that is not there
            refused(cases.file("officer", Cases.penalty("无类别立案", Cases.person("韩热插"), officers, false)), 404,
                    "KIND_UNKNOWN");
        } finally {
            bureau.admin("feature:install zhifa-kind-penalty");
        }
        Wait.until("penalty back in /api/v1/kinds", LIMIT, this::penaltyListed);
        assertTrue(cases.read(id).get("kindInstalled").asBoolean());
        JsonNode moved = cases.moved("officer", id, "investigate", Map.of());
        assertEquals("investigation", moved.get("step").asText());
        assertEquals("review", cases.moved("officer", id, "concludeInvestigation",
                fields("facts", "占地事实", "evidence", "笔录")).get("step").asText());
    }

    @Test
    void withoutTheEngineTheCaseEndpointsAndCommandsSaySoAndTheCoreKeepsServing() {
        bureau.admin("bundle:stop org.zhifa.cases");
        try {
            Wait.until("case REST gone", LIMIT, () -> bureau.get("/api/v1/cases", "officer").statusCode() == 404);
            assertEquals(404, bureau.get("/api/v1/kinds", "officer").statusCode());
            assertEquals(200, bureau.get("/api/v1/personnel?limit=1", "officer").statusCode());
            String doc = bureau.get("/api/openapi.json", null).body();
            assertFalse(doc.contains("/v1/cases"), "undocumented while not served");
            Bureau.Shell r = bureau.client("admin", "admin", "zhifa:case-list");
            assertNotEquals(0, r.exit(), r.output());
            assertTrue(r.output().contains("案件办理模块未安装") && r.output().contains("not installed"), r.output());
            r = bureau.client("admin", "admin", "zhifa:due");
            assertNotEquals(0, r.exit(), r.output());
            assertTrue(r.output().contains("zhifa-cases"), r.output());
        } finally {
            bureau.admin("bundle:start org.zhifa.cases");
        }
        Wait.until("case REST back", LIMIT, () -> bureau.get("/api/v1/cases", "officer").statusCode() == 200);
        Wait.until("kinds back", LIMIT, this::penaltyListed);
        assertTrue(bureau.get("/api/openapi.json", null).body().contains("/v1/cases/{id}/transitions"));
    }
}
