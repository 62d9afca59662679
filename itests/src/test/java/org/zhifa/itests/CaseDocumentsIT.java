package org.zhifa.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zhifa.itests.support.Cases.fields;
import static org.zhifa.itests.support.Cases.refused;
import static org.zhifa.itests.support.Cases.remedies;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.zhifa.itests.support.Bureau;
import org.zhifa.itests.support.Cases;
import org.zhifa.itests.support.Json;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A case's documents (执法文书, T5) in the built bureau: the kind's templates are picked up from its bundle
 * and filled with the case; the 行政处罚决定书 carries the items of 处罚法 59 in PDF and DOCX.
 */
class CaseDocumentsIT {
    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private final Bureau bureau = Bureau.shared();
    private final Cases cases = new Cases(bureau);

    @Test
    void thePenaltyDecisionIsFilledWithTheCaseAsPdfAndDocx() throws IOException {
        List<Long> officers = List.of(cases.validOfficer("甲文书"), cases.validOfficer("乙文书"));
        JsonNode c = cases.filed("officer", Cases.penalty("欧阳文书未经批准占用耕地建房案", Cases.person("欧阳文书"),
                officers, false));
        long id = c.get("id").asLong();
        String number = c.get("number").asText();
        String today = c.get("filedOn").asText();
        String base = "/api/v1/cases/" + id + "/documents";

        // a document of a step not reached yet
        refused(bureau.get(base + "/penalty.decision?format=pdf", "officer"), 404, "DOCUMENT_NOT_IN_CASE");
        HttpResponse<byte[]> filing = bureau.download(base + "/penalty.filing?format=pdf", "officer");
        assertEquals(200, filing.statusCode(), new String(filing.body(), StandardCharsets.UTF_8));

        cases.moved("officer", id, "investigate", Map.of());
        cases.moved("officer", id, "concludeInvestigation", fields("facts", "当事人未经批准占用耕地 300 平方米建房",
                "evidence", "现场检查笔录、询问笔录、测绘报告"));
        cases.moved("officer", id, "notify", fields("proposedType", "罚款", "proposedFine", 6000,
                "proposedBasis", "《土地管理法》第七十八条", "notifiedOn", today, "hearingRight", true));
        cases.moved("leader", id, "decide", remedies(fields("penaltyType", "罚款", "fineAmount", 6000,
                "legalBasis", "《土地管理法》第七十八条", "performanceManner", "自收到决定书之日起十五日内缴纳",
                "paymentAccount", "衡阳县财政局非税收入专户", "decisionDate", today, "partyWaived", true)));

        JsonNode docs = Json.parse(bureau.get(base, "officer").body()).get("items");
        assertTrue(docs.toString().contains("\"penalty.decision\""), docs.toString());
        assertFalse(docs.toString().contains("penalty.service-receipt"), "送达 is not reached yet: " + docs);

        HttpResponse<byte[]> pdf = bureau.download(base + "/penalty.decision?format=pdf", "officer");
        assertEquals(200, pdf.statusCode(), new String(pdf.body(), StandardCharsets.UTF_8));
        assertTrue(pdf.headers().firstValue("Content-Type").orElseThrow().startsWith("application/pdf"));
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            text = new PDFTextStripper().getText(doc);
        }
        assertDecision(compact(text), number);

        HttpResponse<byte[]> docx = bureau.download(base + "/penalty.decision?format=docx", "officer");
        assertEquals(200, docx.statusCode(), new String(docx.body(), StandardCharsets.UTF_8));
        assertTrue(docx.headers().firstValue("Content-Type").orElseThrow().startsWith(DOCX));
        assertDecision(compact(documentXml(docx.body()).replaceAll("<[^>]+>", "")), number);

        // only pdf and docx
        refused(bureau.get(base + "/penalty.decision?format=exe", "officer"), 400, "INVALID_PARAMETER");
    }

    private static void assertDecision(String text, String number) {
        for (String expected : List.of("行政处罚决定书", "欧阳文书", compact(number), "6000.00", "行政复议", "行政诉讼",
                "《土地管理法》第七十八条", "衡阳县人民政府", "60日", "6个月", "衡阳县财政局非税收入专户")) {
            assertTrue(text.contains(expected), expected + " missing in: " + text);
        }
    }

    /** Without white space: a line may break anywhere in Chinese text. */
    private static String compact(String s) {
        return s.replaceAll("\\s+", "");
    }

    private static String documentXml(byte[] docx) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(docx))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().equals("word/document.xml")) {
                    return new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError("no word/document.xml in the DOCX");
    }
}
