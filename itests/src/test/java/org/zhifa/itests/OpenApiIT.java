package org.zhifa.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Iterator;

import org.junit.jupiter.api.Test;
import org.zhifa.itests.support.Bureau;
import org.zhifa.itests.support.Json;

/** /api/openapi.json documents what is served, and what it documents is served. */
class OpenApiIT {
    private final Bureau bureau = Bureau.shared();

    @Test
    void documentsTheServedEndpoints() {
        var doc = Json.parse(bureau.get("/api/openapi.json", null).body());
        assertTrue(doc.get("openapi").asText().startsWith("3."));
        var paths = doc.get("paths");
        for (String p : new String[] {"/v1/health", "/v1/personnel", "/v1/personnel/{id}", "/v1/personnel/{id}/deactivate",
                "/v1/public/certificates/{no}", "/v1/calendar/years", "/v1/kinds", "/v1/kinds/{id}", "/v1/cases",
                "/v1/cases/{id}", "/v1/cases/{id}/transitions", "/v1/cases/due", "/v1/cases/{id}/documents/{doc}"}) {
            assertTrue(paths.has(p), "documented: " + p);
        }
        Iterator<String> names = paths.fieldNames();
        int checked = 0;
        while (names.hasNext()) {
            String p = names.next();
            if (!p.contains("{") && paths.get(p).has("get")) {
                int status = bureau.get("/api" + p, "admin").statusCode();
                assertNotEquals(404, status, p + " is documented but not served");
                assertTrue(status < 500, p + " answered " + status);
                checked++;
            }
        }
        assertTrue(checked >= 5, "checked " + checked);
        var refs = bureau.get("/api/openapi.json", null).body();
        for (String schema : new String[] {"Error", "Officer", "OfficerDraft", "KindInfo", "CaseFile", "CaseFiling",
                "CaseMove"}) {
            assertTrue(doc.get("components").get("schemas").has(schema), schema);
            assertTrue(refs.contains("#/components/schemas/" + schema));
        }
        assertEquals("basic", doc.get("components").get("securitySchemes").get("basic").get("scheme").asText());
    }
}
