package org.zhifa.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zhifa.itests.support.Cases.refused;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.zhifa.itests.support.Bureau;
import org.zhifa.itests.support.Cases;
import org.zhifa.itests.support.Json;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * 案卷评查 (R6) and statistics (R8) over REST against the built assembly: two penalty cases closed, a round,
 * a refused self-review, scoring with a revision, the report as JSON, PDF and CSV, the shell's report, the
 * statistics counting the new cases, and bad input answered 4xx with a bilingual JSON error.
 */
class CaseReviewIT {
    private static final String ROUNDS = "/api/v1/casereview/rounds";
    private final Bureau bureau = Bureau.shared();
    private final Cases cases = new Cases(bureau);
    private final int year = LocalDate.now().getYear();

    /** Files a penalty case as 执法人员 and has 负责人 withdraw it (撤销立案): the quickest way to 结案. */
    private JsonNode closedCase(String tag) {
        List<Long> officers = List.of(cases.validOfficer("评甲" + tag), cases.validOfficer("评乙" + tag));
        JsonNode c = cases.filed("officer", Cases.penalty("评查" + tag + "未经批准占地案", Cases.person("评" + tag), officers, false));
        cases.moved("leader", c.get("id").asLong(), "withdrawFiling", Cases.fields(
                "withdrawalReason", "违法事实不存在", "withdrawalNote", "经核查，占地行为已依法取得批准"));
        return cases.read(c.get("id").asLong());
    }

    private JsonNode stats(String query) {
        HttpResponse<String> r = bureau.get("/api/v1/statistics" + query, "officer");
        assertEquals(200, r.statusCode(), r.body());
        return Json.parse(r.body());
    }

    private static long count(JsonNode list, String key) {
        for (JsonNode c : list) {
            if (c.get("key").asText().equals(key)) {
                return c.get("count").asLong();
            }
        }
        return 0;
    }

    @Test
    void aRoundIsCreatedAssignedScoredAndReported() throws Exception {
        JsonNode before = stats("?year=" + year + "&kind=penalty");
        JsonNode a = closedCase("甲");
        JsonNode b = closedCase("乙");
        long caseA = a.get("id").asLong();
        long caseB = b.get("id").asLong();

        // statistics count the two new cases: by kind, by step, by officer, filed and closed this month
        JsonNode after = stats("?year=" + year + "&kind=penalty");
        assertEquals(before.get("total").asLong() + 2, after.get("total").asLong(), after.toString());
        assertEquals(count(before.get("byKind"), "penalty") + 2, count(after.get("byKind"), "penalty"));
        assertEquals(count(before.get("byStep"), "penalty/closed") + 2, count(after.get("byStep"), "penalty/closed"));
        String month = LocalDate.now().toString().substring(0, 7);
        assertEquals(count(before.get("filedByMonth"), month) + 2, count(after.get("filedByMonth"), month));
        assertEquals(count(before.get("closedByMonth"), month) + 2, count(after.get("closedByMonth"), month));
        assertEquals(1, count(after.get("byOfficer"), a.get("officers").get(0).get("officerId").asText()));
        HttpResponse<byte[]> csv = bureau.download("/api/v1/statistics?year=" + year + "&format=csv", "officer");
        assertEquals(200, csv.statusCode());
        assertEquals("text/csv; charset=UTF-8", csv.headers().firstValue("Content-Type").orElseThrow().replace("utf-8", "UTF-8"));
        assertEquals((byte) 0xEF, csv.body()[0]);
        String statsCsv = new String(csv.body(), StandardCharsets.UTF_8);
        assertTrue(statsCsv.startsWith("\uFEFF统计维度,键,名称,案件数\r\n"), statsCsv);
        assertTrue(statsCsv.contains("执法类别,penalty,行政处罚,"), statsCsv);

        // a round of every case closed this year; 负责人 creates it, 执法人员 may not
        String round = Json.write(Map.of("year", year, "name", year + "年度行政处罚案卷评查",
                "reviewers", List.of(Map.of("user", "reviewer"), Map.of("user", "officer"))));
        refused(bureau.send("POST", ROUNDS, "officer", round), 403, "casereview.forbidden.manage");
        HttpResponse<String> created = bureau.send("POST", ROUNDS, "leader", round);
        assertEquals(201, created.statusCode(), created.body());
        JsonNode r = Json.parse(created.body());
        long id = r.get("id").asLong();
        assertTrue(created.headers().firstValue("Location").orElseThrow().endsWith(ROUNDS + "/" + id));
        assertEquals("OPEN", r.get("status").asText());
        assertEquals("2026-1", r.get("catalogueVersion").asText());
        JsonNode roundCases = Json.parse(bureau.get(ROUNDS + "/" + id + "/cases", "reviewer").body()).get("items");
        assertTrue(Cases.texts(roundCases, "caseId").containsAll(List.of(String.valueOf(caseA), String.valueOf(caseB))),
                roundCases.toString());

        // officer filed the case: never its reviewer
        String base = ROUNDS + "/" + id;
        refused(bureau.send("POST", base + "/assignments", "leader", Json.write(Map.of("assignments",
                List.of(Map.of("caseId", caseA, "reviewer", "officer"))))), 409, "casereview.assign.own.case");
        HttpResponse<String> assigned = bureau.send("POST", base + "/assignments", "leader", Json.write(Map.of(
                "assignments", List.of(Map.of("caseId", caseA, "reviewer", "reviewer"), Map.of("caseId", caseB, "reviewer", "reviewer")))));
        assertEquals(200, assigned.statusCode(), assigned.body());

        // only the assigned reviewer scores; deductions are checked against the catalogue
        String results = base + "/cases/" + caseA + "/results";
        String score = Json.write(Map.of("deductions", List.of(
                Map.of("subItemCode", "C3", "points", 2.5, "reason", "询问笔录无当事人签名"),
                Map.of("subItemCode", "G1", "points", 3, "reason", "撤销立案审批表要素不全")), "comment", "证据、文书须规范"));
        refused(bureau.send("POST", results, "officer", score), 403, "casereview.score.not.reviewer");
        refused(bureau.send("POST", results, "reviewer", Json.write(Map.of("deductions", List.of(
                Map.of("subItemCode", "Z9", "points", 1, "reason", "x"))))), 400, "casereview.deduction.unknown");
        refused(bureau.send("POST", results, "reviewer", Json.write(Map.of("deductions", List.of(
                Map.of("subItemCode", "H2", "points", 3, "reason", "x"))))), 400, "casereview.deduction.subitem.exceeded");
        refused(bureau.send("POST", results, "reviewer", Json.write(Map.of("deductions", List.of(), "score", 100))),
                400, "UNKNOWN_FIELD");
        HttpResponse<String> first = bureau.send("POST", results, "reviewer", score);
        assertEquals(201, first.statusCode(), first.body());
        JsonNode result = Json.parse(first.body());
        assertEquals(94.5, result.get("total").asDouble());
        assertEquals("EXCELLENT", result.get("grade").asText());
        assertEquals(1, result.get("revision").asInt());

        // a submitted result is final: a change is revision 2, with a reason
        String revised = Json.write(Map.of("deductions", List.of(Map.of("subItemCode", "C1", "points", 20, "reason",
                "主要证据不足"), Map.of("subItemCode", "F2", "points", 5, "reason", "超过法定期限")), "revisionReason", "复查发现证据不足"));
        refused(bureau.send("POST", results, "reviewer", revised.replace("\"revisionReason\"", "\"comment\"")), 400,
                "casereview.revision.reason");
        HttpResponse<String> second = bureau.send("POST", results, "reviewer", revised);
        assertEquals(201, second.statusCode(), second.body());
        assertEquals(2, Json.parse(second.body()).get("revision").asInt());
        JsonNode history = Json.parse(bureau.get(results, "officer").body()).get("items");
        assertEquals(2, history.size());
        assertEquals(94.5, history.get(0).get("total").asDouble());
        assertEquals(75.0, history.get(1).get("total").asDouble());
        assertEquals("PASS", history.get(1).get("grade").asText());
        HttpResponse<String> third = bureau.send("POST", base + "/cases/" + caseB + "/results", "reviewer",
                Json.write(Map.of("deductions", List.of(Map.of("subItemCode", "B1", "points", 15, "reason", "事实不清"),
                        Map.of("subItemCode", "C1", "points", 20, "reason", "证据不足")))));
        assertEquals(201, third.statusCode(), third.body());
        assertEquals("FAIL", Json.parse(third.body()).get("grade").asText());

        // the report: JSON, PDF (Chinese text extractable) and CSV (BOM, the case numbers and scores)
        JsonNode report = Json.parse(bureau.get(base + "/report", "officer").body());
        for (JsonNode c : report.get("cases")) {
            if (c.get("caseId").asLong() == caseA) {
                assertEquals(75.0, c.get("score").asDouble(), c.toString());
                assertEquals(2, c.get("revision").asInt());
            }
        }
        assertTrue(report.get("deductions").toString().contains("\"subItemCode\":\"C1\""), report.toString());
        HttpResponse<byte[]> pdf = bureau.download(base + "/report?format=pdf", "officer");
        assertEquals(200, pdf.statusCode(), new String(pdf.body(), StandardCharsets.UTF_8));
        assertTrue(pdf.headers().firstValue("Content-Type").orElseThrow().startsWith("application/pdf"));
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
        }
        assertTrue(text.contains("行政执法案卷评查报告"), text);
        assertTrue(text.contains(a.get("number").asText()), text);
        assertTrue(text.contains("不合格"), text);
        assertTrue(text.contains("主要证据不足或证据之间相互矛盾"), text);
        HttpResponse<byte[]> reportCsv = bureau.download(base + "/report?format=csv", "officer");
        assertEquals(200, reportCsv.statusCode());
        assertTrue(reportCsv.headers().firstValue("Content-Type").orElseThrow().toLowerCase().startsWith("text/csv; charset=utf-8"));
        String csvText = new String(reportCsv.body(), StandardCharsets.UTF_8);
        assertTrue(csvText.startsWith("\uFEFF评查批次,"), csvText);
        assertTrue(csvText.contains(a.get("number").asText() + ","), csvText);
        assertTrue(csvText.contains(",reviewer,2,75.00,合格\r\n"), csvText);

        // the shell writes the same report
        Path out = bureau.home.resolve("casereview-" + id + ".csv");
        String shell = bureau.admin("zhifa:casereview-report " + id + " casereview-" + id + ".csv");
        assertTrue(shell.contains("written"), shell);
        assertTrue(Files.readString(out, StandardCharsets.UTF_8).contains(a.get("number").asText()));
        assertTrue(bureau.client("admin", "admin", "zhifa:casereview-report " + id + " x.txt").output()
                .contains("casereview.format.invalid"));

        // closing ends scoring
        assertEquals("CLOSED", Json.parse(bureau.send("POST", base + "/close", "leader", null).body()).get("status").asText());
        refused(bureau.send("POST", results, "reviewer", revised), 409, "casereview.round.closed");
    }

    @Test
    void badInputIsRefusedWithJson() {
        refused(bureau.get(ROUNDS + "/abc", "officer"), 400, "casereview.id.invalid");
        refused(bureau.get(ROUNDS + "/987654321", "officer"), 404, "casereview.round.not.found");
        refused(bureau.send("POST", ROUNDS, "leader", "{\"year\":"), 400, "MALFORMED_JSON");
        refused(bureau.send("POST", ROUNDS, "leader", Json.write(Map.of("year", 1990, "name", "x",
                "reviewers", List.of(Map.of("user", "reviewer"))))), 400, "casereview.year.invalid");
        refused(bureau.send("POST", ROUNDS, "leader", Json.write(Map.of("year", year, "name", "x",
                "reviewers", List.of()))), 400, "casereview.reviewers.empty");
        refused(bureau.send("POST", ROUNDS, "leader", Json.write(Map.of("year", 2001, "name", "x",
                "reviewers", List.of(Map.of("user", "reviewer"))))), 409, "casereview.round.empty");
        refused(bureau.get("/api/v1/statistics?year=abc", "officer"), 400, "casereview.year.invalid");
        refused(bureau.get("/api/v1/statistics?format=xml", "officer"), 400, "casereview.format.invalid");
        refused(bureau.get("/api/v1/statistics", null), 401, "UNAUTHENTICATED");
    }
}
