package org.zhifa.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.zhifa.itests.support.Bureau;
import org.zhifa.itests.support.Cases;
import org.zhifa.itests.support.Json;
import org.zhifa.itests.support.Officers;
import org.zhifa.itests.support.Wait;

/**
 * Issue 4, crash safety: 8 REST clients file and move cases and register officers while the Karaf JVM
 * is killed with SIGKILL. After the same bureau boots again, every change a client was told succeeded
 * (2xx) is there with its record entry, no change exists without its entry nor an entry without its
 * change, and the full verification of the log finds nothing wrong.
 */
class CrashSafetyIT {
    private static final int CLIENTS = 8;
    /** The kill comes after this many acknowledged changes, wherever the clients are then. */
    private static final int KILL_AFTER = 60;
    private static final Duration LOAD_LIMIT = Duration.ofSeconds(240);

    private final Bureau bureau = Bureau.shared();
    private final Cases cases = new Cases(bureau);

    @Test
    void everyAcknowledgedChangeSurvivesAKillWithItsEntryAndTheLogVerifies() throws Exception {
        long first = cases.validOfficer("崩溃甲");
        long second = cases.validOfficer("崩溃乙");
        String run = "崩溃" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);

        Map<Long, Integer> acknowledgedEvents = new ConcurrentHashMap<>();
        Set<Long> acknowledgedOfficers = ConcurrentHashMap.newKeySet();
        List<String> refusedBeforeTheKill = new CopyOnWriteArrayList<>();
        AtomicInteger acknowledged = new AtomicInteger();
        AtomicBoolean killed = new AtomicBoolean();

        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int i = 0; i < CLIENTS; i++) {
            int client = i;
            clients.execute(() -> {
                for (int k = 0; ; k++) {
                    try {
                        HttpResponse<String> filed = cases.file("officer", Cases.penalty(run + "-" + client + "-" + k,
                                Cases.person("当事人" + client), List.of(first, second), false));
                        if (!ok(filed, killed, refusedBeforeTheKill)) {
                            return;
                        }
                        long id = Json.parse(filed.body()).get("id").asLong();
                        acknowledgedEvents.merge(id, 1, Math::max);
                        acknowledged.incrementAndGet();

                        HttpResponse<String> moved = cases.move("officer", id, "investigate", Map.of());
                        if (!ok(moved, killed, refusedBeforeTheKill)) {
                            return;
                        }
                        acknowledgedEvents.merge(id, 2, Math::max);
                        acknowledged.incrementAndGet();

                        HttpResponse<String> officer = bureau.send("POST", "/api/v1/personnel", "admin",
                                Json.write(Officers.draft("崩溃" + client, Officers.certificate("CRASH"))));
                        if (!ok(officer, killed, refusedBeforeTheKill)) {
                            return;
                        }
                        acknowledgedOfficers.add(Json.parse(officer.body()).get("id").asLong());
                        acknowledged.incrementAndGet();
                    } catch (RuntimeException e) {
                        // the connection broke: the bureau is gone, the answer never came
                        if (!killed.get()) {
                            refusedBeforeTheKill.add(e.toString());
                        }
                        return;
                    }
                }
            });
        }
        try {
            Wait.until(KILL_AFTER + " acknowledged changes", LOAD_LIMIT,
                    () -> acknowledged.get() >= KILL_AFTER || !refusedBeforeTheKill.isEmpty(),
                    () -> acknowledged.get() + " so far");
            killed.set(true);
            bureau.crash();
        } finally {
            clients.shutdown();
        }
        assertTrue(clients.awaitTermination(120, TimeUnit.SECONDS), "clients stop once the bureau is gone");
        assertEquals(List.of(), refusedBeforeTheKill, "nothing was refused under load before the kill");

        bureau.start();

        // every acknowledged change is there, with exactly one entry per timeline event
        for (Map.Entry<Long, Integer> c : acknowledgedEvents.entrySet()) {
            JsonNode read = cases.read(c.getKey());
            assertTrue(read.get("events").size() >= c.getValue(), "case " + c.getKey() + " lost an acknowledged step");
            assertCaseMatchesItsEntries(read);
        }
        // and so is every case filed in this run, acknowledged or cut off in flight: all or nothing
        HttpResponse<String> listed = bureau.get("/api/v1/cases?limit=500&q=" + java.net.URLEncoder.encode(run,
                java.nio.charset.StandardCharsets.UTF_8), "officer");
        assertEquals(200, listed.statusCode(), listed.body());
        JsonNode all = Json.parse(listed.body());
        assertTrue(all.get("total").asInt() >= acknowledgedEvents.size(), listed.body());
        assertEquals(all.get("total").asInt(), all.get("items").size(), "one page holds the run's cases");
        for (JsonNode s : all.get("items")) {
            assertCaseMatchesItsEntries(cases.read(s.get("id").asLong()));
        }
        for (long id : acknowledgedOfficers) {
            HttpResponse<String> officer = bureau.get("/api/v1/personnel/" + id, "officer");
            assertEquals(200, officer.statusCode(), "officer " + id + ": " + officer.body());
            List<String> types = new ArrayList<>();
            entries("officer", id).forEach(e -> types.add(e.get("entryType").asText()));
            assertEquals(List.of("officer.created"), types, "officer " + id);
        }

        HttpResponse<String> verified = bureau.send("POST", "/api/v1/record/verify", "admin", "{}");
        assertEquals(200, verified.statusCode(), verified.body());
        JsonNode report = Json.parse(verified.body());
        assertEquals(0, report.get("problems").size(), "the log verifies after the crash: " + verified.body());
        assertTrue(report.get("treeSize").asLong() >= acknowledged.get(), verified.body());
    }

    private void assertCaseMatchesItsEntries(JsonNode c) {
        long id = c.get("id").asLong();
        List<Integer> events = new ArrayList<>();
        c.get("events").forEach(e -> events.add(e.get("seq").asInt()));
        List<Integer> recorded = new ArrayList<>();
        entries("case", id).stream().filter(e -> e.get("entryType").asText().startsWith("case."))
                .forEach(e -> recorded.add(Json.parse(e.get("payload").isTextual()
                        ? e.get("payload").asText() : e.get("payload").toString()).get("event").asInt()));
        assertEquals(events, recorded, "case " + id + ": one entry per timeline event, no more, no less");
    }

    private List<JsonNode> entries(String objectType, long id) {
        HttpResponse<String> r = bureau.get("/api/v1/record/entries?objectType=" + objectType + "&objectId=" + id
                + "&limit=1000", "officer");
        assertEquals(200, r.statusCode(), r.body());
        List<JsonNode> out = new ArrayList<>();
        Json.parse(r.body()).get("items").forEach(out::add);
        return out;
    }

    /** True for a 2xx; a refusal under load is noted (it must not happen before the kill). */
    private static boolean ok(HttpResponse<String> r, AtomicBoolean killed, List<String> refused) {
        if (r.statusCode() / 100 == 2) {
            return true;
        }
        if (!killed.get()) {
            refused.add(r.statusCode() + " " + r.uri() + ": " + r.body());
        }
        return false;
    }
}
