package org.zhifa.channel.newspaper.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.zhifa.api.disclosure.DeliveryResult;
import org.zhifa.api.disclosure.ItemType;
import org.zhifa.api.disclosure.PublicItem;
import org.zhifa.api.disclosure.RedactionContext;
import org.zhifa.disclosure.internal.redact.RedactorImpl;

/**
 * The shared redaction cases (../shared/testdata/redaction/decisions.json) go through the real redactor into
 * public items, as the disclosure service builds them; the edition's PDF and DOCX then hold what must appear and
 * none of what must not. A minor's case is never published, so it is not delivered.
 */
class RedactionTest {
    private static final Pattern PARTY = Pattern.compile("当事人：([^，,\\n]+)");
    private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    @Test
    void editionsCarryOnlyTheRedactedText() throws Exception {
        Path file = Path.of("../../../shared/testdata/redaction/decisions.json").toAbsolutePath().normalize();
        if (!Files.isReadable(file)) {
            fail("the shared redaction test data is missing: " + file);
        }
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        Fixture f = new Fixture();
        RedactorImpl redactor = new RedactorImpl();
        List<String> mustAppear = new ArrayList<>();
        List<String> mustNot = new ArrayList<>();
        int day = 1;
        for (JsonNode c : root.get("cases")) {
            if (c.get("party_is_minor").asBoolean()) {
                continue;
            }
            String text = c.get("text").asText();
            Matcher m = PARTY.matcher(text);
            assertTrue(m.find(), c.get("id").asText());
            String party = m.group(1).strip();
            boolean person = "natural_person".equals(c.get("party_type").asText());
            String redacted = redactor.redact(text, new RedactionContext(party, person, List.of(), List.of(), List.of())).redacted();
            String d = "2026-03-" + (day < 10 ? "0" + day : "" + day);
            day++;
            PublicItem p = Fixture.item("case-" + c.get("id").asText().replaceAll("[^A-Za-z0-9]", ""), 1, ItemType.DECISION,
                    "行政处罚决定书（" + c.get("id").asText() + "）", redacted, d);
            assertEquals(DeliveryResult.State.DONE, f.publish(p).state());
            c.get("must_appear").forEach(x -> mustAppear.add(x.asText()));
            c.get("must_not_appear").forEach(x -> mustNot.add(x.asText()));
        }
        assertTrue(mustNot.size() > 10, "cases read: " + mustNot.size());
        Edition e = f.edition("2026-03-01", "2026-03-31");
        String pdf;
        try (PDDocument doc = Loader.loadPDF(f.channel.render(e, NewspaperChannel.Format.PDF).content())) {
            pdf = new PDFTextStripper().getText(doc).replaceAll("\\s+", "").replaceAll("—\\d+—", "");
        }
        Document docx = DocxEditionTest.parts(f.channel.render(e, NewspaperChannel.Format.DOCX).content()).get("word/document.xml");
        StringBuilder b = new StringBuilder();
        NodeList ts = docx.getElementsByTagNameNS(W, "t");
        for (int i = 0; i < ts.getLength(); i++) {
            b.append(ts.item(i).getTextContent());
        }
        String word = b.toString().replaceAll("\\s+", "");
        for (String s : mustAppear) {
            String x = s.replaceAll("\\s+", "");
            assertTrue(pdf.contains(x), "PDF lacks " + s);
            assertTrue(word.contains(x), "DOCX lacks " + s);
        }
        for (String s : mustNot) {
            String x = s.replaceAll("\\s+", "");
            assertFalse(pdf.contains(x), "PDF shows " + s);
            assertFalse(word.contains(x), "DOCX shows " + s);
        }
    }
}
