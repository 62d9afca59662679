package org.zhifa.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.zhifa.itests.support.Bureau;
import org.zhifa.itests.support.Json;
import org.zhifa.itests.support.Wait;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * No personal data leaks to any public output (D5): every case of the shared redaction data
 * (../shared/testdata/redaction/decisions.json) goes as a paper decision through the real REST API, the
 * approval and the outbox to the website channel, and then every public face of it — the decision page, the
 * list searched by case number and by party, the Atom feed, the PDF and the REST public form — is read back:
 * none of {@code must_not_appear}, all of {@code must_appear} on the page and in the PDF. A minor's decision is
 * refused and nowhere on the site. Staff still see the whole text. The 行政执法人员清单 keeps the officers'
 * names on the site (D1, D2).
 */
class RedactionLeakIT {
    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final Pattern PARTY = Pattern.compile("当事人：([^，,\\n]+)");

    private final Bureau bureau = Bureau.shared();

    record Case(String id, boolean person, boolean minor, String text, String number, String party,
                List<String> mustNotAppear, List<String> mustAppear) {}

    @Test
    void noPublicOutputLeaksWhatTheSharedCasesForbid() throws Exception {
        List<Case> cases = cases();
        List<Case> minors = new ArrayList<>();
        for (Case c : cases) {
            long id = create(c);
            JsonNode staff = ok(bureau.get("/api/v1/disclosure/items/" + id, "officer"));
            String whole = staff.get("text").asText();
            for (String s : c.mustNotAppear()) {
                assertTrue(whole.contains(s), c.id() + ": the staff's copy lost " + s);
            }
            if (c.minor()) {
                assertEquals("WITHHELD", staff.get("status").asText(), c.id() + ": " + staff);
                refused(bureau.send("POST", "/api/v1/disclosure/items/" + id + "/approve", "leader",
                        "{\"extraMasks\":[]}"), 409, "PARTY_MINOR");
                refused(bureau.get("/api/v1/disclosure/items/" + id + "/public", "officer"), 409, "PARTY_MINOR");
                minors.add(c);
                continue;
            }
            ok(bureau.send("POST", "/api/v1/disclosure/items/" + id + "/approve", "leader", "{\"extraMasks\":[]}"));
            String publicId = staff.get("publicId").asText();
            Wait.until(c.id() + " delivered to the website", LIMIT, () -> delivered(id),
                    () -> bureau.get("/api/v1/disclosure/outbox?channel=website", "officer").body() + "\n" + bureau.logTail());
            checkPublic(c, id, publicId);
        }
        assertFalse(minors.isEmpty(), "the shared data has a minor's case");

        // every other case is on the site by now: a minor's case never went out
        String feed = bureau.get("/gongshi/feed.atom", null).body();
        for (Case c : minors) {
            String list = bureau.get("/gongshi/decisions?q=" + enc(c.number()), null).body();
            assertTrue(list.contains("共 0 条"), c.id() + " is on the site:\n" + list);
            assertTrue(bureau.get("/gongshi/decisions?q=" + enc(c.party()), null).body().contains("共 0 条"), c.id());
            assertFalse(feed.contains(c.number()), c.id() + " is in the feed");
            assertFalse(feed.contains(c.party()), c.id() + "'s party is in the feed");
        }
    }

    @Test
    void thePersonnelCatalogueKeepsTheOfficersNamesOnTheSite() throws Exception {
        String today = LocalDate.now().toString();
        JsonNode draft = Json.parse(expect(bureau.send("POST", "/api/v1/catalogues", "officer",
                "{\"type\":\"PERSONNEL\",\"effectiveFrom\":\"" + today + "\",\"items\":[]}"), 201).body());
        long id = draft.get("id").asLong();
        List<String> names = new ArrayList<>();
        List<String> certificates = new ArrayList<>();
        for (JsonNode i : draft.get("items")) {
            names.add(i.get("values").get("name").asText());
            certificates.add(i.get("values").get("certificateNo").asText());
        }
        assertFalse(names.isEmpty(), draft.toString());
        ok(bureau.send("POST", "/api/v1/catalogues/" + id + "/submit", "officer", "{}"));
        ok(bureau.send("POST", "/api/v1/catalogues/" + id + "/review", "reviewer", "{\"passed\":true}"));
        JsonNode published = ok(bureau.send("POST", "/api/v1/catalogues/" + id + "/publish", "leader", "{}"));
        long itemId = published.get("disclosureItemId").asLong();
        String publicId = ok(bureau.get("/api/v1/disclosure/items/" + itemId, "officer")).get("publicId").asText();
        Wait.until("the personnel catalogue delivered to the website", LIMIT, () -> delivered(itemId),
                () -> bureau.get("/api/v1/disclosure/outbox?channel=website", "officer").body() + "\n" + bureau.logTail());

        String page = unescape(expect(bureau.get("/gongshi/catalogues/" + publicId, null), 200).body());
        String form = ok(bureau.get("/api/v1/disclosure/items/" + itemId + "/public", "officer")).get("text").asText();
        String pdf = flat(pdfText(bureau.download("/gongshi/catalogues/" + publicId + ".pdf", null).body()));
        for (int i = 0; i < names.size(); i++) {
            String line = names.get(i) + "…" + certificates.get(i);
            assertTrue(page.contains(names.get(i)), line + " masked on the site:\n" + page);
            assertTrue(page.contains(certificates.get(i)), line + " masked on the site:\n" + page);
            assertTrue(form.contains(names.get(i)), line + " masked in the public form:\n" + form);
            assertTrue(pdf.contains(flat(names.get(i))), line + " masked in the PDF:\n" + pdf);
        }
    }

    @Test
    void aServiceGuideKeepsItsOfficeAddressAndPhoneOnTheSite() throws Exception {
        String address = "衡阳县西渡镇蒸阳北路18号政务服务中心二楼";
        String phone = "0734-6812345";
        // the seeded guides, the first with the bureau's own office address and phone filled in
        JsonNode versions = ok(bureau.get("/api/v1/catalogues?type=GUIDES", "officer")).get("items");
        assertFalse(versions.isEmpty(), "the national default guides are seeded");
        List<Map<String, String>> items = new ArrayList<>();
        for (JsonNode i : versions.get(0).get("items")) {
            Map<String, String> v = new LinkedHashMap<>();
            i.get("values").fields().forEachRemaining(e -> v.put(e.getKey(), e.getValue().asText()));
            items.add(v);
        }
        items.get(0).put("address", address);
        items.get(0).put("phone", phone);
        String body = Json.write(Map.of("type", "GUIDES", "effectiveFrom", LocalDate.now().toString(), "items", items));
        long id = Json.parse(expect(bureau.send("POST", "/api/v1/catalogues", "officer", body), 201).body()).get("id").asLong();
        ok(bureau.send("POST", "/api/v1/catalogues/" + id + "/submit", "officer", "{}"));
        ok(bureau.send("POST", "/api/v1/catalogues/" + id + "/review", "reviewer", "{\"passed\":true}"));
        long itemId = ok(bureau.send("POST", "/api/v1/catalogues/" + id + "/publish", "leader", "{}"))
                .get("disclosureItemId").asLong();
        String publicId = ok(bureau.get("/api/v1/disclosure/items/" + itemId, "officer")).get("publicId").asText();
        Wait.until("the guides delivered to the website", LIMIT, () -> delivered(itemId),
                () -> bureau.get("/api/v1/disclosure/outbox?channel=website", "officer").body() + "\n" + bureau.logTail());
        String page = unescape(expect(bureau.get("/gongshi/catalogues/" + publicId, null), 200).body());
        assertTrue(page.contains(address), "the office address masked on the site:\n" + page);
        assertTrue(page.contains(phone), "the office phone masked on the site:\n" + page);
    }

    private void checkPublic(Case c, long id, String publicId) throws IOException {
        Map<String, String> outputs = new LinkedHashMap<>();
        HttpResponse<String> page = bureau.get("/gongshi/decisions/" + publicId, null);
        assertEquals(200, page.statusCode(), c.id());
        outputs.put("the decision page", unescape(page.body()));
        String byNumber = bureau.get("/gongshi/decisions?q=" + enc(c.number()), null).body();
        assertTrue(byNumber.contains(publicId), c.id() + " not found by its number:\n" + byNumber);
        outputs.put("the list by case number", unescape(byNumber));
        String[] byParty = new String[1];
        // a list may keep its last snapshot a moment after the page shows
        Wait.until(c.id() + " found by its party", LIMIT,
                () -> (byParty[0] = bureau.get("/gongshi/decisions?q=" + enc(c.party()), null).body()).contains(publicId),
                () -> byParty[0]);
        outputs.put("the list by party", unescape(byParty[0]));
        String feed = bureau.get("/gongshi/feed.atom", null).body();
        assertTrue(feed.contains(publicId), c.id() + " not in the feed");
        outputs.put("the Atom feed", unescape(feed));
        HttpResponse<byte[]> pdf = bureau.download("/gongshi/decisions/" + publicId + ".pdf", null);
        assertEquals(200, pdf.statusCode(), c.id());
        String pdfText = pdfText(pdf.body());
        outputs.put("the site's PDF", pdfText);
        JsonNode form = ok(bureau.get("/api/v1/disclosure/items/" + id + "/public", "officer"));
        outputs.put("the REST public form", form.toString());
        HttpResponse<byte[]> restPdf = bureau.download("/api/v1/disclosure/items/" + id + "/public.pdf", "officer");
        assertEquals(200, restPdf.statusCode(), c.id());
        outputs.put("the REST public PDF", pdfText(restPdf.body()));

        for (Map.Entry<String, String> o : outputs.entrySet()) {
            String flat = flat(o.getValue());
            for (String s : c.mustNotAppear()) {
                assertFalse(flat.contains(flat(s)), c.id() + ": " + s + " leaked to " + o.getKey() + ":\n" + o.getValue());
            }
        }
        String pageText = flat(outputs.get("the decision page"));
        for (String s : c.mustAppear()) {
            assertTrue(pageText.contains(flat(s)), c.id() + ": " + s + " missing from the decision page:\n" + page.body());
            assertTrue(flat(pdfText).contains(flat(s)), c.id() + ": " + s + " missing from the PDF:\n" + pdfText);
        }
    }

    private long create(Case c) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("type", "DECISION");
        b.put("kind", "penalty");
        b.put("title", c.party() + "非法占用土地案行政处罚决定");
        b.put("caseNumber", c.number());
        b.put("partyName", c.party());
        b.put("partyPerson", c.person());
        b.put("partyMinor", c.minor());
        b.put("decidedOn", LocalDate.now().minusDays(1).toString());
        b.put("text", c.text());
        HttpResponse<String> r = bureau.send("POST", "/api/v1/disclosure/items", "officer", Json.write(b));
        assertEquals(201, r.statusCode(), c.id() + ": " + r.body());
        return Json.parse(r.body()).get("id").asLong();
    }

    /** The website's PUBLISH of the item is DONE. */
    private boolean delivered(long itemId) {
        JsonNode page = ok(bureau.get("/api/v1/disclosure/outbox?state=DONE&channel=website&limit=100", "officer"));
        for (JsonNode e : page.get("items")) {
            if (e.get("itemId").asLong() == itemId && "PUBLISH".equals(e.get("action").asText())) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------ the shared data

    static Path dataFile() {
        Path root = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent(); // itests → repository
        Path p = root.resolve("../shared/testdata/redaction/decisions.json").normalize();
        if (!Files.isReadable(p)) {
            fail("the shared redaction test data is missing: expected " + p
                    + " (the checkout must sit beside ../shared, as /work/main beside /work/shared)");
        }
        return p;
    }

    static List<Case> cases() throws IOException {
        JsonNode root = Json.parse(Files.readString(dataFile()));
        List<Case> out = new ArrayList<>();
        for (JsonNode c : root.get("cases")) {
            String text = c.get("text").asText();
            Matcher m = PARTY.matcher(text);
            if (!m.find()) {
                fail(c.get("id").asText() + " names no 当事人");
            }
            String number = text.lines().findFirst().orElseThrow().strip();
            out.add(new Case(c.get("id").asText(), "natural_person".equals(c.get("party_type").asText()),
                    c.get("party_is_minor").asBoolean(), text, number, m.group(1).strip(),
                    strings(c.get("must_not_appear")), strings(c.get("must_appear"))));
        }
        if (out.isEmpty()) {
            fail("no cases in " + dataFile());
        }
        return out;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    // ------------------------------------------------------------ helpers

    static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    /** Without white space: the PDF wraps lines anywhere. */
    static String flat(String s) {
        return s.replaceAll("\\s+", "");
    }

    static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static JsonNode ok(HttpResponse<String> r) {
        return Json.parse(expect(r, 200).body());
    }

    private static HttpResponse<String> expect(HttpResponse<String> r, int status) {
        assertEquals(status, r.statusCode(), r.body());
        return r;
    }

    private static void refused(HttpResponse<String> r, int status, String code) {
        assertEquals(status, r.statusCode(), r.body());
        JsonNode e = Json.parse(r.body());
        assertEquals(code, e.path("code").asText(), r.body());
        assertFalse(e.path("message_zh").asText().isBlank(), r.body());
        assertFalse(e.path("message_en").asText().isBlank(), r.body());
    }
}
