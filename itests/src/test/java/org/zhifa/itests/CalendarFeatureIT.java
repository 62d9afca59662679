package org.zhifa.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.zhifa.itests.support.Bureau;
import org.zhifa.itests.support.Json;
import org.zhifa.itests.support.Wait;

/** The calendar plug-in feature installed and uninstalled at run time; its data survives. */
class CalendarFeatureIT {
    private final Bureau bureau = Bureau.shared();

    @Test
    void workingDaysFollowTheStateCouncilSchedule() {
        // 2026-09-30 (Wed) + 3 working days: Oct 1–7 are holidays (国庆节), Oct 8 Thu, Oct 9 Fri, Oct 10 Sat is 调休 working
        var r = Json.parse(bureau.get("/api/v1/calendar/working-days/add?from=2026-09-30&n=3", "officer").body());
        assertEquals("2026-10-10", r.get("date").asText());
        var check = Json.parse(bureau.get("/api/v1/calendar/working-days/check?date=2026-10-10", "officer").body());
        assertTrue(check.get("working").asBoolean());
    }

    @Test
    void hotUninstallAndInstallKeepTheData() {
        String body = "{\"holidays\":{\"元旦\":[\"2027-01-01\"]},\"working_days\":[],\"source\":\"测试 " + System.nanoTime() + "\"}";
        var put = bureau.send("PUT", "/api/v1/calendar/years/2027", "admin", body);
        assertEquals(200, put.statusCode(), put.body());
        var before = bureau.get("/api/v1/calendar/years/2027", "officer");
        assertEquals(200, before.statusCode());

        // the core answers throughout: a plug-in coming or going must not interrupt other requests
        java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
        java.util.List<String> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicInteger served = new java.util.concurrent.atomic.AtomicInteger();
        Thread probe = new Thread(() -> {
            while (running.get()) {
                var r = bureau.get("/api/v1/personnel?limit=1", "officer");
                if (r.statusCode() == 200) {
                    served.incrementAndGet();
                } else {
                    failures.add(r.statusCode() + " " + r.body());
                }
            }
        });
        probe.start();
        bureau.admin("feature:uninstall zhifa-calendar");
        try {
            Wait.until("calendar REST gone", Duration.ofSeconds(60),
                    () -> bureau.get("/api/v1/calendar/years", "officer").statusCode() == 404);
            String features = bureau.admin("feature:list -i --no-format");
            assertFalse(features.lines().anyMatch(l -> l.startsWith("zhifa-calendar ")), features);
            // the core keeps working without the plug-in
            assertEquals(200, bureau.get("/api/v1/personnel?limit=1", "officer").statusCode());
            assertFalse(bureau.get("/api/openapi.json", null).body().contains("/v1/calendar"));
        } finally {
            bureau.admin("feature:install zhifa-calendar");
        }
        Wait.until("calendar REST back", Duration.ofSeconds(90),
                () -> bureau.get("/api/v1/calendar/years/2027", "officer").statusCode() == 200);
        running.set(false);
        try {
            probe.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assertTrue(served.get() > 10, "the probe ran: " + served.get());
        assertEquals(java.util.List.of(), failures, "requests failed while the plug-in was uninstalled and installed");
        var after = Json.parse(bureau.get("/api/v1/calendar/years/2027", "officer").body());
        assertEquals(Json.parse(before.body()), after, "the year entered before the uninstall survived");
        assertTrue(bureau.get("/api/openapi.json", null).body().contains("/v1/calendar"));
    }
}
