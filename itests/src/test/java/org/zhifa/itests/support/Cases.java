package org.zhifa.itests.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** Cases over REST for tests: parties with valid ID numbers, officers of their own, filing and moving. */
public final class Cases {
    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String ID_CHECK = "10X98765432";
    private static final String USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] USCC_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    public static final String CATEGORY = "土地管理";

    private final Bureau bureau;

    public Cases(Bureau bureau) {
        this.bureau = bureau;
    }

    /** A resident ID number (GB 11643) with a correct check digit. */
    public static String personId(LocalDate birth, int seq) {
        String base = "430421" + birth.toString().replace("-", "") + String.format("%03d", seq % 1000);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (base.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return base + ID_CHECK.charAt(sum % 11);
    }

    /** A unified social credit code (GB 32100) with a correct check character. */
    public static String creditCode(int seq) {
        String base = "91430421MA" + String.format("%07d", seq % 10_000_000);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += USCC_CHARS.indexOf(base.charAt(i)) * USCC_WEIGHTS[i];
        }
        return base + USCC_CHARS.charAt((31 - sum % 31) % 31);
    }

    public static Map<String, Object> person(String name) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", "PERSON");
        p.put("name", name);
        p.put("idNumber", personId(LocalDate.of(1980, 5, 17), name.hashCode() & 0x3ff));
        p.put("phone", "0734-6812345");
        p.put("address", "衡阳县西渡镇");
        return p;
    }

    public static Map<String, Object> organisation(String name) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", "ORGANISATION");
        p.put("name", name);
        p.put("idNumber", creditCode(name.hashCode() & 0xffffff));
        p.put("legalRep", "李明");
        return p;
    }

    /** Registers a certified officer for 土地管理 through the personnel API (as 管理员); returns the id. */
    public long officer(String name, String validFrom, String validTo) {
        Map<String, Object> d = Officers.draft(name, Officers.certificate("CASE"));
        d.put("validFrom", validFrom);
        d.put("validTo", validTo);
        HttpResponse<String> r = bureau.send("POST", "/api/v1/personnel", "admin", Json.write(d));
        assertEquals(201, r.statusCode(), r.body());
        return Json.parse(r.body()).get("id").asLong();
    }

    public long validOfficer(String name) {
        return officer(name, "2024-01-01", "2035-12-31");
    }

    /** A filing body for a penalty case. */
    public static Map<String, Object> penalty(String title, Map<String, Object> party, List<Long> officers, boolean simple) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("kind", "penalty");
        b.put("category", CATEGORY);
        b.put("title", title);
        b.put("party", party);
        b.put("officers", officers);
        b.put("simple", simple);
        b.put("fields", Map.of("cause", "未经批准占用耕地建房", "source", "监督检查发现"));
        return b;
    }

    public HttpResponse<String> file(String user, Object body) {
        return bureau.send("POST", "/api/v1/cases", user, body instanceof String s ? s : Json.write(body));
    }

    /** Files and returns the case, failing unless it was filed. */
    public JsonNode filed(String user, Map<String, Object> body) {
        HttpResponse<String> r = file(user, body);
        assertEquals(201, r.statusCode(), r.body());
        return Json.parse(r.body());
    }

    public HttpResponse<String> move(String user, long caseId, String transition, Map<String, ?> fields,
                                     String... headers) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("transition", transition);
        b.put("fields", fields);
        return bureau.send("POST", "/api/v1/cases/" + caseId + "/transitions", user, Json.write(b), headers);
    }

    /**
     * Takes a transition and returns the case, failing unless it was taken. When the transition leaves a
     * step that needs audio/video (R4), the step's recording is uploaded first, as the officers would.
     */
    public JsonNode moved(String user, long caseId, String transition, Map<String, ?> fields) {
        recordAvBeforeLeaving(caseId, transition);
        HttpResponse<String> r = move(user, caseId, transition, fields);
        assertEquals(200, r.statusCode(), transition + ": " + r.body());
        return Json.parse(r.body());
    }

    private final Map<String, JsonNode> procedures = new java.util.concurrent.ConcurrentHashMap<>();

    /** The step a transition leaves, when that step needs audio/video and the transition leaves it; else null. */
    public String avStepLeft(long caseId, String transition) {
        JsonNode c = read(caseId);
        JsonNode proc = procedures.computeIfAbsent(c.get("kind").asText(), k -> {
            HttpResponse<String> r = bureau.get("/api/v1/kinds/" + k, "officer");
            assertEquals(200, r.statusCode(), r.body());
            return Json.parse(r.body()).get("procedure");
        });
        String step = c.get("step").asText();
        for (JsonNode t : proc.get("transitions")) {
            if (t.get("id").asText().equals(transition) && t.get("from").asText().equals(step)
                    && !t.get("to").asText().equals(step)) {
                for (JsonNode s : proc.get("steps")) {
                    if (s.get("id").asText().equals(step) && !"NONE".equals(s.get("av").asText())) {
                        return step;
                    }
                }
            }
        }
        return null;
    }

    private void recordAvBeforeLeaving(long caseId, String transition) {
        String step = avStepLeft(caseId, transition);
        if (step != null) {
            recordAv("officer", caseId, step);
        }
    }

    /**
     * Uploads a short recording of a case's step through the evidence API (a generated file of type
     * video/mp4 recorded from 40 to 10 minutes ago); returns the stored item.
     */
    public JsonNode recordAv(String user, long caseId, String step) {
        java.time.Instant to = java.time.Instant.now().minusSeconds(600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        java.time.Instant from = to.minusSeconds(1800);
        byte[] content = ("\0\0\0\u0018ftypmp42 zhifa test video of case " + caseId + " step " + step + " at "
                + System.nanoTime()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String query = "?fileName=" + enc(step + ".mp4") + "&mediaType=" + enc("video/mp4") + "&caseId=" + caseId
                + "&step=" + enc(step) + "&place=" + enc("衡阳县西渡镇") + "&recordedFrom=" + enc(from.toString())
                + "&recordedTo=" + enc(to.toString());
        HttpResponse<String> r = bureau.sendBytes("POST", "/api/v1/evidence" + query, user, content, "video/mp4");
        assertEquals(201, r.statusCode(), "A/V of " + step + ": " + r.body());
        return Json.parse(r.body());
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    public JsonNode read(long caseId) {
        HttpResponse<String> r = bureau.get("/api/v1/cases/" + caseId, "officer");
        assertEquals(200, r.statusCode(), r.body());
        return Json.parse(r.body());
    }

    public long count() {
        return Json.parse(bureau.get("/api/v1/cases?limit=1", "officer").body()).get("total").asLong();
    }

    /** The remedy fields every decision states (处罚法 59(5)). */
    public static Map<String, Object> remedies(Map<String, Object> m) {
        m.put("reconsiderationBody", "衡阳县人民政府");
        m.put("reconsiderationDays", 60);
        m.put("litigationCourt", "衡阳县人民法院");
        m.put("litigationMonths", 6);
        return m;
    }

    public static Map<String, Object> fields(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    /** Asserts a JSON refusal with this status and code; returns it. */
    public static JsonNode refused(HttpResponse<String> r, int status, String code) {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                r.headers().toString());
        JsonNode e = Json.parse(r.body());
        assertEquals(code, e.get("code").asText(), r.body());
        assertNotNull(e.get("message_zh"), r.body());
        assertNotNull(e.get("message_en"), r.body());
        assertTrue(!e.get("message_zh").asText().isBlank() && !e.get("message_en").asText().isBlank(), r.body());
        return e;
    }

    public static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get(field).asText()));
        return out;
    }
}
