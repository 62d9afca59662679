package org.zhifa.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.zhifa.itests.support.Bureau;
import org.zhifa.itests.support.Json;
import org.zhifa.itests.support.Officers;

/** Data lives in the embedded Derby under data/ and survives a restart. */
class PersistenceIT {
    private final Bureau bureau = Bureau.shared();

    @Test
    void dataSurvivesARestart() {
        String cert = Officers.certificate("KEEP");
        var created = bureau.send("POST", "/api/v1/personnel", "admin", Json.write(Officers.draft("留存", cert)));
        assertEquals(201, created.statusCode(), created.body());
        long id = Json.parse(created.body()).get("id").asLong();
        long total = Json.parse(bureau.get("/api/v1/personnel?limit=1", "officer").body()).get("total").asLong();

        long pid = bureau.pid();
        bureau.restart();
        assertNotEquals(pid, bureau.pid(), "a new JVM answers");

        var read = bureau.get("/api/v1/personnel/" + id, "officer");
        assertEquals(200, read.statusCode());
        assertEquals(cert, Json.parse(read.body()).get("certificateNo").asText());
        assertEquals(total, Json.parse(bureau.get("/api/v1/personnel?limit=1", "officer").body()).get("total").asLong(),
                "the demo data was not loaded twice and nothing was lost");
        assertTrue(java.nio.file.Files.isDirectory(bureau.home.resolve("data/zhifa/derby")));
    }
}
