package org.zhifa.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zhifa.itests.support.Cases.fields;
import static org.zhifa.itests.support.Cases.remedies;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.zip.ZipFile;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.zhifa.itests.support.Bureau;
import org.zhifa.itests.support.Cases;
import org.zhifa.itests.support.Json;
import org.zhifa.itests.support.LegalReviews;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The legal-review gate (V2) holds through the shell, city IT's tool (P5): zhifa:case-move of a major decision
 * without a passed review exits non-zero with the reason; zhifa:review-pending and zhifa:review-show show the
 * review; once it passed the decision is taken through the shell, its 行政处罚决定书 prints the 法制审核栏 (V6)
 * and the exported case file carries the review, still verifiable offline.
 */
class LegalReviewShellIT {
    /** What {@link LegalReviews#decide} writes as the reviewer's opinion. */
    private static final String OPINION = "事实清楚，证据确凿，适用法律正确";

    private final Bureau bureau = Bureau.shared();
    private final Cases cases = new Cases(bureau);
    private final LegalReviews reviews = new LegalReviews(bureau);

    @Test
    void theGateHoldsThroughTheShellAndTheReviewIsPrintedAndArchived() throws Exception {
        List<Long> officers = List.of(cases.validOfficer("甲法审"), cases.validOfficer("乙法审"));
        JsonNode c = cases.filed("officer", Cases.penalty("韩法审未经批准占用耕地建房案", Cases.person("韩法审"), officers, false));
        long id = c.get("id").asLong();
        String number = c.get("number").asText();
        String today = c.get("filedOn").asText();
        cases.moved("officer", id, "investigate", Map.of());
        cases.moved("officer", id, "concludeInvestigation", fields("facts", "当事人未经批准占用耕地 600 平方米建房",
                "evidence", "现场检查笔录、询问笔录、测绘报告"));
        cases.moved("officer", id, "notify", fields("proposedType", "罚款", "proposedFine", 20000,
                "proposedBasis", "《土地管理法》第七十七条", "notifiedOn", today, "hearingRight", true));
        cases.moved("officer", id, "submitLegalReview", fields("reviewSubmittedOn", today, "partyWaived", true));
        cases.moved("leader", id, "submitDiscussion", fields("reviewOpinion", "提请集体讨论"));
        Map<String, Object> decision = remedies(fields("penaltyType", "罚款", "fineAmount", 20000,
                "legalBasis", "《土地管理法》第七十七条", "performanceManner", "自收到决定书之日起十五日内缴纳",
                "paymentAccount", "衡阳县财政局非税收入专户", "decisionDate", today,
                "discussionConclusion", "经集体讨论，同意处以罚款 20000 元"));
        String move = "zhifa:case-move " + id + " decideAfterDiscussion " + decision.entrySet().stream()
                .map(e -> "'" + e.getKey() + "=" + e.getValue() + "'").collect(Collectors.joining(" "));

        // a major decision (fine 20000 on a citizen) without a passed review: refused, with the reason
        Bureau.Shell refused = bureau.client("leader", "leader", move);
        assertNotEquals(0, refused.exit(), refused.output());
        assertTrue(refused.output().contains("[REVIEW_REQUIRED]") && refused.output().contains("20000"), refused.output());
        assertEquals("discussion", cases.read(id).get("step").asText(), "nothing was taken");
        // bad input: non-zero and a message, nothing taken
        Bureau.Shell bad = bureau.client("leader", "leader", "zhifa:case-move " + id + " decideAfterDiscussion fineAmount");
        assertNotEquals(0, bad.exit(), bad.output());
        assertTrue(bad.output().contains("name=value"), bad.output());
        bad = bureau.client("leader", "leader", "zhifa:case-move " + id + " flyAway");
        assertNotEquals(0, bad.exit(), bad.output());
        assertEquals("discussion", cases.read(id).get("step").asText());

        // the draft is reviewed: submitted, assigned, passed
        long review = submitAndAssign(id, decision);
        String pending = bureau.client("reviewer", "reviewer", "zhifa:review-pending").output();
        assertTrue(pending.contains(number) && pending.contains("韩法审未经批准占用耕地建房案") && pending.contains("v1")
                && pending.contains("reviewer"), pending);
        passed(review);
        counsel(review);
        Bureau.Shell show = bureau.client("leader", "leader", "zhifa:review-show " + review);
        assertEquals(0, show.exit(), show.output());
        for (String s : List.of(number, "通过 / Passed", "20000", "调查终结报告", "案件事实是否清楚", "符合", OPINION,
                "法律顾问", "王律师", "decideAfterDiscussion")) {
            assertTrue(show.output().contains(s), s + " missing in:\n" + show.output());
        }
        bad = bureau.client("leader", "leader", "zhifa:review-show 98765432");
        assertNotEquals(0, bad.exit(), bad.output());
        bad = bureau.client("leader", "leader", "zhifa:review-show abc");
        assertNotEquals(0, bad.exit(), bad.output());

        // passed: the decision goes through the shell
        Bureau.Shell taken = bureau.client("leader", "leader", move);
        assertEquals(0, taken.exit(), taken.output());
        assertEquals("decided", cases.read(id).get("step").asText(), taken.output());
        pending = bureau.client("reviewer", "reviewer", "zhifa:review-pending").output();
        assertTrue(!pending.contains(number), "a decided review is no longer pending: " + pending);

        // the decision prints the 法制审核栏 with the reviewer's opinion
        HttpResponse<byte[]> pdf = bureau.download("/api/v1/cases/" + id + "/documents/penalty.decision?format=pdf", "officer");
        assertEquals(200, pdf.statusCode(), new String(pdf.body(), StandardCharsets.UTF_8));
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
        }
        for (String s : List.of("法制审核栏", "法制审核结论通过", "reviewer", OPINION, "王律师", "属于重大执法决定")) {
            assertTrue(text.contains(s), s + " missing in: " + text);
        }

        // the exported case file carries the review and still verifies offline
        HttpResponse<byte[]> zip = bureau.download("/api/v1/cases/" + id + "/casefile", "officer");
        assertEquals(200, zip.statusCode(), new String(zip.body(), StandardCharsets.UTF_8));
        Path dir = Files.createDirectories(Path.of(System.getProperty("zhifa.work", "target/it"), "legalreview"));
        Path file = Files.write(dir.resolve("case-" + id + ".zip"), zip.body());
        try (ZipFile z = new ZipFile(file.toFile())) {
            JsonNode part = Json.parse(new String(z.getInputStream(z.getEntry("parts/legal-review/legal-review.json"))
                    .readAllBytes(), StandardCharsets.UTF_8));
            assertEquals("通过", part.get("column").get("outcome").asText(), part.toString());
            JsonNode r = part.get("reviews").get(0);
            assertEquals(review, r.get("id").asLong());
            assertEquals("PASSED", r.get("status").asText());
            assertEquals(OPINION, r.get("opinion").asText());
            assertEquals(LegalReviews.allOk().size(), r.get("findings").size(), r.toString());
            assertEquals("王律师", r.get("counsel").get(0).get("name").asText());
            assertTrue(r.get("evaluation").get("major").asBoolean(), r.toString());
            assertEquals("decideAfterDiscussion", part.get("decisions").get(0).get("transition").asText());
            assertTrue(z.getEntry("parts/legal-review/legal-review.pdf") != null, "the 法制审核记录");
            String manifest = new String(z.getInputStream(z.getEntry("manifest.json")).readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(manifest.contains("parts/legal-review/legal-review.json"), manifest);
            String entries = new String(z.getInputStream(z.getEntry("record/entries.jsonl")).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertTrue(entries.contains("\"objectType\":\"legalreview\"") && entries.contains("legalreview.review.decided"),
                    "the review's record entries travel with the case file: " + entries);
        }
        Run verified = verify(file);
        assertEquals(0, verified.exit(), verified.output());
    }

    // ------------------------------------------------------------ the review, over the legal review's REST API

    private long submitAndAssign(long caseId, Map<String, Object> decision) {
        reviews.registerReviewer();
        Map<String, Object> values = new LinkedHashMap<>();
        decision.forEach((k, v) -> values.put(k, String.valueOf(v)));
        long draft = reviews.draft(caseId, "decideAfterDiscussion", values).get("id").asLong();
        long id = reviews.submit(caseId, draft).get("id").asLong();
        reviews.assign(id);
        return id;
    }

    private void passed(long review) {
        HttpResponse<String> r = reviews.decide(review, true, LegalReviews.allOk());
        assertEquals(200, r.statusCode(), r.body());
    }

    private void counsel(long review) {
        ok(bureau.send("POST", "/api/v1/legal-review/reviews/" + review + "/counsel", "reviewer",
                Json.write(fields("role", "LEGAL_ADVISER", "name", "王律师", "opinion", "同意审核意见"))), 200, 201);
    }

    private static JsonNode ok(HttpResponse<String> r, int... statuses) {
        for (int s : statuses) {
            if (r.statusCode() == s) {
                return Json.parse(r.body());
            }
        }
        throw new AssertionError(r.request().uri() + " → " + r.statusCode() + ": " + r.body());
    }

    record Run(int exit, String output) {}

    private static Run verify(Path zip) throws IOException, InterruptedException {
        String jar = System.getProperty("zhifa.verifier", "../verifier/target/zhifa-verify.jar");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar,
                zip.toString()).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("verifier did not finish");
        }
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
