package org.zhifa.channel.newspaper.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.zhifa.api.disclosure.ItemType;

/**
 * The .eml checked strictly by hand (no MIME library is available offline): RFC 5322 lines, headers, an RFC
 * 2047 subject, and a multipart/mixed body with the text, the PDF and the DOCX.
 */
class EmlEditionTest {
    private static final Pattern WORD = Pattern.compile("=\\?UTF-8\\?B\\?([A-Za-z0-9+/=]+)\\?=");

    record Part(Map<String, String> headers, byte[] body) {}

    @Test
    void aMessageFromTheBureauToTheNewspaperWithBothFiles() throws Exception {
        Fixture f = new Fixture(Map.of("newspaper_address", "gonggao@paper.example", "from_address", "gongshi@bureau.example",
                "newspaper_name", "衡阳日报"));
        f.publish(Fixture.item("notice-m1", 1, ItemType.NOTICE, "关于某地块的公告", "正文", "2026-03-02"));
        Edition e = f.edition("2026-03-01", "2026-03-31");
        byte[] eml = f.channel.render(e, NewspaperChannel.Format.EML).content();
        String s = new String(eml, StandardCharsets.US_ASCII);
        for (byte b : eml) {
            assertTrue(b > 0 && b < 128, "7-bit only");
        }
        assertFalse(s.replace("\r\n", "").contains("\n") || s.replace("\r\n", "").contains("\r"), "CRLF line ends only");
        for (String line : s.split("\r\n")) {
            assertTrue(line.length() <= 78, "line too long: " + line);
        }
        int split = s.indexOf("\r\n\r\n");
        Map<String, String> headers = headers(s.substring(0, split));
        assertTrue(headers.keySet().containsAll(List.of("from", "to", "subject", "date", "message-id", "mime-version", "content-type")));
        assertEquals("衡阳县自然资源局 <gongshi@bureau.example>", decode(headers.get("from")));
        assertEquals("衡阳日报 <gonggao@paper.example>", decode(headers.get("to")));
        assertEquals(e.title(), decode(headers.get("subject")));
        assertNotNull(ZonedDateTime.parse(headers.get("date"), DateTimeFormatter.RFC_1123_DATE_TIME));
        assertTrue(headers.get("message-id").matches("<[^<>@\\s]+@bureau\\.example>"), headers.get("message-id"));
        assertEquals("1.0", headers.get("mime-version"));
        Matcher m = Pattern.compile("multipart/mixed; boundary=\"([^\"]+)\"").matcher(headers.get("content-type"));
        assertTrue(m.matches(), headers.get("content-type"));

        List<Part> parts = parts(s.substring(split + 4), m.group(1));
        assertEquals(3, parts.size());
        assertTrue(parts.get(0).headers().get("content-type").startsWith("text/plain; charset=UTF-8"));
        String text = new String(parts.get(0).body(), StandardCharsets.UTF_8);
        assertTrue(text.startsWith("衡阳日报：") && text.contains(e.title()), text);

        Part pdf = parts.get(1);
        assertTrue(pdf.headers().get("content-type").startsWith("application/pdf"));
        assertTrue(pdf.headers().get("content-disposition").startsWith("attachment; filename=\"newspaper-2026-03-01-2026-03-31.pdf\""));
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            assertTrue(doc.getNumberOfPages() >= 1);
        }
        Part docx = parts.get(2);
        assertTrue(docx.headers().get("content-type").startsWith("application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
        assertTrue(docx.headers().get("content-disposition").contains("newspaper-2026-03-01-2026-03-31.docx"));
        assertTrue(DocxEditionTest.parts(docx.body()).containsKey("word/document.xml"));
    }

    @Test
    void longSubjectsAreFoldedIntoEncodedWordsOnCharacterBoundaries() {
        String title = "衡阳县自然资源局行政执法公告（2026年3月1日至2026年3月31日）特别长的标题还要更长一些以便折行";
        String w = EmlEdition.word(title);
        for (String line : w.split("\r\n")) {
            assertTrue(line.length() <= 76, line);
        }
        assertEquals(title, decode(w.replace("\r\n ", " ")));
    }

    static Map<String, String> headers(String block) {
        Map<String, String> out = new LinkedHashMap<>();
        String name = null;
        for (String line : block.split("\r\n")) {
            if (line.startsWith(" ") || line.startsWith("\t")) {
                assertNotNull(name, "folded line without a header");
                out.put(name, (out.get(name) + line).strip());
                continue;
            }
            int colon = line.indexOf(':');
            assertTrue(colon > 0 && line.substring(0, colon).matches("[A-Za-z-]+"), "header line: " + line);
            name = line.substring(0, colon).toLowerCase();
            assertFalse(out.containsKey(name), "header twice: " + name);
            out.put(name, line.substring(colon + 1).strip());
        }
        return out;
    }

    /** Decodes adjacent encoded words (the whitespace between them is dropped, RFC 2047 6.2). */
    static String decode(String value) {
        String v = value.replaceAll("\\?=\\s+=\\?", "?==?");
        Matcher m = WORD.matcher(v);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(b, Matcher.quoteReplacement(new String(Base64.getDecoder().decode(m.group(1)), StandardCharsets.UTF_8)));
        }
        m.appendTail(b);
        return b.toString();
    }

    static List<Part> parts(String body, String boundary) {
        String delimiter = "--" + boundary;
        assertTrue(body.contains("\r\n" + delimiter + "--\r\n") || body.contains(delimiter + "--\r\n"), "closing delimiter");
        String inner = body.substring(body.indexOf(delimiter), body.indexOf(delimiter + "--"));
        List<Part> out = new ArrayList<>();
        for (String chunk : inner.split(Pattern.quote(delimiter + "\r\n"))) {
            if (chunk.isEmpty()) {
                continue;
            }
            int split = chunk.indexOf("\r\n\r\n");
            Map<String, String> h = headers(chunk.substring(0, split));
            assertEquals("base64", h.get("content-transfer-encoding"));
            out.add(new Part(h, Base64.getMimeDecoder().decode(chunk.substring(split + 4))));
        }
        return out;
    }
}
