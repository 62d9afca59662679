package org.zhifa.itests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zhifa.itests.support.Cases.refused;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.zhifa.itests.support.Bureau;
import org.zhifa.itests.support.Cases;
import org.zhifa.itests.support.Json;
import org.zhifa.itests.support.Wait;

import com.fasterxml.jackson.databind.JsonNode;

/** /api/v1/evidence and /api/v1/devices against the built bureau: real store, real Derby, real log. */
class EvidenceRestIT {
    private final Bureau bureau = Bureau.shared();
    private final Cases cases = new Cases(bureau);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String tag = Long.toString(System.nanoTime() % 1_000_000);

    private HttpResponse<byte[]> raw(String method, String path, String user, byte[] body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(bureau.url(path))).timeout(Duration.ofSeconds(120))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    private static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    private static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    private long penaltyCase() {
        List<Long> officers = List.of(cases.validOfficer("证甲" + tag), cases.validOfficer("证乙" + tag));
        return cases.filed("officer", Cases.penalty("证据测试案" + tag, Cases.person("证据" + tag), officers, false))
                .get("id").asLong();
    }

    private String device() {
        String id = "DSJ-" + tag;
        HttpResponse<String> r = bureau.send("POST", "/api/v1/devices", "admin", Json.write(Map.of("id", id,
                "type", "执法记录仪", "holder", "王建国", "status", "ACTIVE",
                "clockCheckedAt", Instant.now().minus(1, ChronoUnit.DAYS).toString())));
        assertEquals(201, r.statusCode(), r.body());
        return id;
    }

    private int itemsOf(long caseId) {
        HttpResponse<String> r = bureau.get("/api/v1/evidence?caseId=" + caseId, "officer");
        assertEquals(200, r.statusCode(), r.body());
        return Json.parse(r.body()).get("items").size();
    }

    @Test
    void aWholeUploadIsStreamedHashedAndPlayedBackByRange() throws Exception {
        long caseId = penaltyCase();
        String device = device();
        byte[] video = random(300 * 1024, 7); // more than the core's 256 KiB JSON body limit
        HttpResponse<byte[]> up = raw("POST", "/api/v1/evidence?fileName=" + q("现场检查.mp4") + "&mediaType=video/mp4"
                + "&caseId=" + caseId + "&step=investigation&deviceId=" + device + "&place=" + q("西渡镇")
                + "&recordedFrom=2026-03-02T01:00:00Z&recordedTo=2026-03-02T01:10:00Z", "officer", video,
                "Content-Type", "video/mp4");
        assertEquals(201, up.statusCode(), text(up));
        JsonNode item = Json.parse(text(up));
        assertEquals(sha256(video), item.get("hash").asText());
        assertEquals(video.length, item.get("size").asLong());
        long id = item.get("id").asLong();
        assertEquals(item.get("hash").asText(),
                Json.parse(bureau.get("/api/v1/evidence/" + id, "reviewer").body()).get("hash").asText());
        assertEquals(1, itemsOf(caseId));

        HttpResponse<byte[]> part = raw("GET", "/api/v1/evidence/" + id + "/content", "officer", null,
                "Range", "bytes=100-1123");
        assertEquals(206, part.statusCode());
        assertArrayEquals(Arrays.copyOfRange(video, 100, 1124), part.body());
        assertEquals("bytes 100-1123/" + video.length, part.headers().firstValue("Content-Range").orElseThrow());
        assertEquals("bytes", part.headers().firstValue("Accept-Ranges").orElseThrow());
        assertEquals("video/mp4", part.headers().firstValue("Content-Type").orElseThrow());

        HttpResponse<byte[]> tail = raw("GET", "/api/v1/evidence/" + id + "/content", "officer", null,
                "Range", "bytes=-10");
        assertEquals(206, tail.statusCode());
        assertArrayEquals(Arrays.copyOfRange(video, video.length - 10, video.length), tail.body());

        HttpResponse<byte[]> whole = raw("GET", "/api/v1/evidence/" + id + "/content", "officer", null);
        assertEquals(200, whole.statusCode());
        assertArrayEquals(video, whole.body());

        for (String bad : new String[] {"bytes=" + video.length + "-", "bytes=50-10", "bytes=abc", "items=0-1"}) {
            HttpResponse<byte[]> r = raw("GET", "/api/v1/evidence/" + id + "/content", "officer", null, "Range", bad);
            assertEquals(416, r.statusCode(), bad);
            assertEquals("bytes */" + video.length, r.headers().firstValue("Content-Range").orElseThrow());
            assertTrue(Json.parse(text(r)).get("message_zh").asText().length() > 0);
        }

        // the same bytes again: a second item, one file
        HttpResponse<byte[]> again = raw("POST", "/api/v1/evidence?fileName=copy.mp4&mediaType=video/mp4&caseId="
                + caseId + "&step=investigation", "officer", video, "Content-Type", "application/octet-stream");
        assertEquals(201, again.statusCode(), text(again));
        assertEquals(item.get("hash").asText(), Json.parse(text(again)).get("hash").asText());

        JsonNode coverage = Json.parse(bureau.get("/api/v1/evidence/cases/" + caseId
                + "/coverage?step=investigation&rule=REQUIRED", "officer").body());
        assertTrue(coverage.get("satisfied").asBoolean(), coverage.toString());
    }

    @Test
    void aChunkedUploadResumesAndChecksTheHash() throws Exception {
        long caseId = penaltyCase();
        byte[] content = random(100_000, 11);
        HttpResponse<String> started = bureau.send("POST", "/api/v1/evidence/uploads", "officer", Json.write(Map.of(
                "fileName", "long.mp4", "mediaType", "video/mp4", "caseId", caseId, "step", "investigation",
                "totalSize", content.length)));
        assertEquals(201, started.statusCode(), started.body());
        String upload = Json.parse(started.body()).get("id").asText();
        String path = "/api/v1/evidence/uploads/" + upload;

        HttpResponse<byte[]> first = raw("PUT", path + "?offset=0", "officer", Arrays.copyOfRange(content, 0, 40_000),
                "Content-Type", "application/octet-stream");
        assertEquals(200, first.statusCode(), text(first));
        HttpResponse<byte[]> wrong = raw("PUT", path + "?offset=30000", "officer",
                Arrays.copyOfRange(content, 30_000, 50_000), "Content-Type", "application/octet-stream");
        assertEquals(409, wrong.statusCode(), text(wrong));
        assertTrue(Json.parse(text(wrong)).get("message_en").asText().contains("40000"), text(wrong));
        // a reconnecting client asks how far it got
        assertEquals(40_000, Json.parse(bureau.get(path, "officer").body()).get("received").asLong());
        assertEquals(200, raw("PUT", path + "?offset=40000", "officer", Arrays.copyOfRange(content, 40_000,
                content.length), "Content-Type", "application/octet-stream").statusCode());
        HttpResponse<String> done = bureau.send("POST", path + "/finish?hash=" + sha256(content), "officer", null);
        assertEquals(201, done.statusCode(), done.body());
        assertEquals(sha256(content), Json.parse(done.body()).get("hash").asText());
        refused(bureau.get(path, "officer"), 404, "evidence.upload.unknown");

        // a mismatching hash stores nothing
        String other = Json.parse(bureau.send("POST", "/api/v1/evidence/uploads", "officer", Json.write(Map.of(
                "fileName", "x.mp4", "mediaType", "video/mp4", "caseId", caseId, "step", "investigation",
                "totalSize", 3))).body()).get("id").asText();
        assertEquals(200, raw("PUT", "/api/v1/evidence/uploads/" + other + "?offset=0", "officer",
                "abc".getBytes(StandardCharsets.UTF_8), "Content-Type", "application/octet-stream").statusCode());
        refused(bureau.send("POST", "/api/v1/evidence/uploads/" + other + "/finish?hash=" + "0".repeat(64), "officer",
                null), 400, "evidence.hash.mismatch");
        assertEquals(1, itemsOf(caseId));
    }

    @Test
    void badInputIsRefusedAndStoresNothing() {
        long caseId = penaltyCase();
        byte[] b = "x".getBytes(StandardCharsets.UTF_8);
        String base = "/api/v1/evidence?mediaType=image/jpeg&caseId=" + caseId + "&step=investigation&fileName=";
        for (String name : new String[] {"../../etc/passwd", "a%2Fb.jpg", "nul%00.jpg", q("<img src=x>.jpg"),
                "x".repeat(300)}) {
            HttpResponse<byte[]> r = raw("POST", base + (name.contains("%") ? name : q(name)), "officer", b,
                    "Content-Type", "image/jpeg");
            assertEquals(400, r.statusCode(), name + ": " + text(r));
            assertTrue(Json.parse(text(r)).has("message_en"));
        }
        assertEquals(400, raw("POST", base + "a.jpg&place=" + q("<script>alert(1)</script>"), "officer", b,
                "Content-Type", "image/jpeg").statusCode());
        assertEquals(400, raw("POST", base + "a.jpg&bogus=1", "officer", b, "Content-Type", "image/jpeg").statusCode());
        assertEquals(400, raw("POST", "/api/v1/evidence?fileName=a.jpg&caseId=abc&step=investigation", "officer", b,
                "Content-Type", "image/jpeg").statusCode());
        assertEquals(400, raw("POST", base + "a.jpg&deviceId=NO-SUCH-" + tag, "officer", b,
                "Content-Type", "image/jpeg").statusCode());
        assertEquals(403, raw("POST", base + "a.jpg", "reviewer", b, "Content-Type", "image/jpeg").statusCode());
        refused(bureau.send("POST", "/api/v1/evidence/uploads", "officer", "{\"fileName\":\"a.mp4\",\"totalSize\":3,"
                + "\"bogus\":1}"), 400, "UNKNOWN_FIELD");
        refused(bureau.send("POST", "/api/v1/evidence/uploads", "officer", "{\"fileName\":\"a.mp4\",\"totalSize\":\"x\"}"),
                400, "WRONG_TYPE");
        assertEquals(0, itemsOf(caseId));
    }

    @Test
    void anOversizeUploadIsRefusedWith413AndLeavesNothing() throws Exception {
        long caseId = penaltyCase();
        Path cfg = bureau.home.resolve("etc/org.zhifa.evidence.cfg");
        String path = "/api/v1/evidence?fileName=big.jpg&mediaType=image/jpeg&caseId=" + caseId + "&step=investigation";
        String probe = "/api/v1/evidence?fileName=probe.jpg&mediaType=image/jpeg"; // no case: probes stay out of the count
        Bureau.set(cfg, "maxBytes", "1000");
        try {
            Wait.until("the evidence store takes maxBytes = 1000", Duration.ofSeconds(60),
                    () -> raw("POST", probe, "officer", new byte[1001], "Content-Type", "image/jpeg").statusCode() == 413);
            HttpResponse<byte[]> r = raw("POST", path, "officer", random(5000, 3), "Content-Type", "image/jpeg");
            assertEquals(413, r.statusCode(), text(r));
            assertEquals("evidence.too.large", Json.parse(text(r)).get("code").asText());
            assertEquals(0, itemsOf(caseId));
        } finally {
            // Karaf's file install writes a configuration back to its file when it handles the change; if that
            // comes after this write, the old limit is back in the file: write again until it stays
            Wait.until("the evidence store takes its default limit again", Duration.ofSeconds(60), () -> {
                try {
                    if (!Files.readString(cfg, StandardCharsets.ISO_8859_1).contains("maxBytes = 2147483648")) {
                        Bureau.set(cfg, "maxBytes", "2147483648");
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return raw("POST", probe, "officer", new byte[1001], "Content-Type", "image/jpeg").statusCode() == 201;
            });
        }
    }

    @Test
    void theDeviceRegisterKeepsRevisions() {
        String id = device();
        refused(bureau.send("POST", "/api/v1/devices", "admin", Json.write(Map.of("id", id, "type", "执法记录仪",
                "status", "ACTIVE"))), 409, "rest.device.exists");
        assertEquals(403, bureau.send("POST", "/api/v1/devices", "officer", Json.write(Map.of("id", "X-" + tag,
                "type", "执法记录仪", "status", "ACTIVE"))).statusCode());
        refused(bureau.send("POST", "/api/v1/devices", "admin", Json.write(Map.of("id", "Y-" + tag,
                "type", "执法记录仪", "status", "BROKEN"))), 400, "rest.param.type");
        refused(bureau.send("POST", "/api/v1/devices", "admin", Json.write(Map.of("id", "Y-" + tag,
                "type", "执法记录仪", "status", "ACTIVE", "colour", "red"))), 400, "UNKNOWN_FIELD");
        assertEquals(400, bureau.send("POST", "/api/v1/devices", "admin", Json.write(Map.of("id", "Y-" + tag,
                "type", "执法记录仪", "status", "ACTIVE", "holder", "<b>x</b>"))).statusCode());
        HttpResponse<String> changed = bureau.send("PUT", "/api/v1/devices/" + id, "admin", Json.write(Map.of(
                "type", "执法记录仪", "status", "REPAIR", "revision", 1)));
        assertEquals(200, changed.statusCode(), changed.body());
        assertEquals(2, Json.parse(changed.body()).get("revision").asInt());
        refused(bureau.send("PUT", "/api/v1/devices/" + id, "admin", Json.write(Map.of(
                "type", "执法记录仪", "status", "ACTIVE", "revision", 1))), 409, "evidence.device.stale");
        JsonNode history = Json.parse(bureau.get("/api/v1/devices/" + id + "/history", "officer").body());
        assertEquals(2, history.get("revisions").size());
        // a device under repair is refused in an upload
        long caseId = penaltyCase();
        HttpResponse<byte[]> r = raw("POST", "/api/v1/evidence?fileName=a.mp4&mediaType=video/mp4&caseId=" + caseId
                + "&step=investigation&deviceId=" + id, "officer", new byte[10], "Content-Type", "video/mp4");
        assertEquals(400, r.statusCode(), text(r));
        assertEquals("evidence.device.inactive", Json.parse(text(r)).get("code").asText());
    }

    @Test
    void theCaseServesItsEvidenceAndItsInspectionRecordPrintsTheHashes() throws Exception {
        long caseId = penaltyCase();
        cases.moved("officer", caseId, "investigate", Map.of());
        String device = device();
        byte[] video = random(4000, 21);
        HttpResponse<byte[]> up = raw("POST", "/api/v1/evidence?fileName=" + q("现场勘验.mp4") + "&mediaType=video/mp4"
                + "&caseId=" + caseId + "&step=investigation&deviceId=" + device
                + "&recordedFrom=2026-03-02T01:00:00Z&recordedTo=2026-03-02T01:10:00Z", "officer", video,
                "Content-Type", "video/mp4");
        assertEquals(201, up.statusCode(), text(up));
        String hash = Json.parse(text(up)).get("hash").asText();
        byte[] photo = random(3000, 22);
        assertEquals(201, raw("POST", "/api/v1/evidence?fileName=a.jpg&mediaType=image/jpeg&caseId=" + caseId
                + "&step=investigation", "officer", photo, "Content-Type", "image/jpeg").statusCode());

        // below the case, as at /api/v1/evidence?caseId=
        String base = "/api/v1/cases/" + caseId + "/evidence";
        JsonNode items = Json.parse(bureau.get(base, "reviewer").body()).get("items");
        assertEquals(Json.parse(bureau.get("/api/v1/evidence?caseId=" + caseId, "reviewer").body()).get("items"), items);
        assertEquals(2, items.size());
        assertEquals(hash, items.get(0).get("hash").asText());
        assertEquals(device, items.get(0).get("deviceId").asText());
        refused(bureau.get(base + "?bogus=1", "officer"), 400, "rest.param.unknown");
        assertEquals(404, bureau.get("/api/v1/cases/99999999/evidence", "officer").statusCode());
        assertEquals(401, bureau.get(base, null).statusCode());

        JsonNode coverage = Json.parse(bureau.get(base + "/coverage?step=investigation&rule=REQUIRED", "officer").body());
        assertTrue(coverage.get("satisfied").asBoolean(), coverage.toString());
        assertEquals(1, coverage.get("recordings").asInt());
        refused(bureau.get(base + "/coverage?step=investigation&rule=SOMETIMES", "officer"), 400, "rest.param.type");

        assertEquals(0, Json.parse(bureau.get(base + "/interruptions", "officer").body()).get("items").size());
        HttpResponse<String> cut = bureau.send("POST", base + "/interruptions", "officer", Json.write(Map.of(
                "step", "investigation", "from", "2026-03-02T01:10:00Z", "to", "2026-03-02T01:12:00Z",
                "reason", "更换电池")));
        assertEquals(201, cut.statusCode(), cut.body());
        JsonNode listed = Json.parse(bureau.get("/api/v1/evidence/cases/" + caseId + "/interruptions", "officer").body())
                .get("items");
        assertEquals(1, listed.size());
        assertEquals("更换电池", listed.get(0).get("reason").asText());
        assertEquals("officer", listed.get(0).get("recordedBy").asText());
        refused(bureau.send("POST", base + "/interruptions", "officer", "{\"step\":\"investigation\",\"bogus\":1}"),
                400, "UNKNOWN_FIELD");
        assertEquals(403, bureau.send("POST", base + "/interruptions", "reviewer", Json.write(Map.of("step",
                "investigation", "from", "2026-03-02T01:10:00Z", "to", "2026-03-02T01:12:00Z", "reason", "x")))
                .statusCode());

        // R2: the 现场检查（勘验）笔录 of 调查取证 prints each item's hash
        HttpResponse<byte[]> pdf = bureau.download("/api/v1/cases/" + caseId + "/documents/penalty.inspection?format=pdf",
                "officer");
        assertEquals(200, pdf.statusCode(), text(pdf));
        String printed;
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            printed = new PDFTextStripper().getText(doc).replaceAll("\\s+", ""); // drawing order: a cell stays together
        }
        assertTrue(printed.contains(hash), "the video's hash on the record: " + printed);
        assertTrue(printed.contains(sha256(photo)), "the photo's hash on the record: " + printed);
        assertTrue(printed.contains("现场勘验.mp4") && printed.contains(device), printed);
    }
}
