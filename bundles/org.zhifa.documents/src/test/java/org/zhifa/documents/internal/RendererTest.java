package org.zhifa.documents.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.document.DocumentRenderer.Format;
import org.zhifa.api.document.DocumentTemplate;

class RendererTest {
    private static final String FACTS = "当事人未经批准，于2026年3月在衡阳县西渡镇占用集体土地建设厂房，面积1200平方米。";

    private final Renderer renderer = new Renderer(Configs.DEFAULT);
    private final DocumentTemplate decision = template("/penalty.decision.json");

    static DocumentTemplate template(String resource) {
        try (InputStream in = RendererTest.class.getResourceAsStream(resource)) {
            return TemplateJson.parse(in, resource);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static Map<String, Object> fields(int evidence) {
        Map<String, Object> f = new HashMap<>();
        f.put("bureau.name", "衡阳县自然资源局");
        f.put("doc.no", "衡县自然资罚〔2026〕12号");
        f.put("party.name", "张三");
        f.put("party.address", "湖南省衡阳县西渡镇");
        f.put("facts", FACTS);
        f.put("decision", "责令退还非法占用的土地，限期拆除新建的建筑物和其他设施，并处罚款人民币贰万肆仟元整。");
        f.put("decision.date", "2026年11月26日");
        List<String> names = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        for (int i = 1; i <= evidence; i++) {
            names.add("现场勘测图第" + i + "号");
            sources.add("执法人员现场制作");
        }
        f.put("evidence.name", names);
        f.put("evidence.source", sources);
        return f;
    }

    private byte[] render(DocumentTemplate t, Map<String, ?> fields, Format format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        renderer.render(t, fields, format, out);
        return out.toByteArray();
    }

    /** Keeps a rendering in target/documents/ for a person to look at. */
    private static void keep(String name, byte[] bytes) throws IOException {
        Path dir = Path.of("target", "documents");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name), bytes);
    }

    private static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(doc);
        }
    }

    /** Text without white space: lines wrap and justified lines spread wherever the page width says. */
    private static String flat(String text) {
        return text.replaceAll("\\s+", "");
    }

    private static void assertHas(String text, String... expected) {
        for (String e : expected) {
            assertTrue(flat(text).contains(flat(e)), "\"" + e + "\" in:\n" + text);
        }
    }

    /** Every font the pages use, with a check that its program is inside the file. */
    private static List<String> embeddedFonts(PDDocument doc) throws IOException {
        List<String> names = new ArrayList<>();
        for (PDPage page : doc.getPages()) {
            PDResources resources = page.getResources();
            for (COSName name : resources.getFontNames()) {
                PDFont font = resources.getFont(name);
                PDFontDescriptor d = font instanceof PDType0Font t0
                        ? t0.getDescendantFont().getFontDescriptor() : font.getFontDescriptor();
                assertNotNull(d, font.getName());
                assertTrue(d.getFontFile() != null || d.getFontFile2() != null || d.getFontFile3() != null,
                        "font program of " + font.getName() + " is embedded");
                assertTrue(font.isEmbedded(), font.getName());
                names.add(font.getName());
            }
        }
        return names;
    }

    @Test
    void pdfHasTheChineseTextAndEmbedsItsFont() throws IOException {
        byte[] pdf = render(decision, fields(3), Format.PDF);
        keep("penalty.decision.pdf", pdf);
        assertEquals("%PDF", new String(pdf, 0, 4));
        String text = pdfText(pdf);
        assertHas(text, "行政处罚决定书", "衡县自然资罚〔2026〕12号", "当事人 张三", "经查，" + FACTS,
                "现场勘测图第3号 执法人员现场制作", "衡阳县自然资源局（印章）", "2026年11月26日");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            int pages = doc.getNumberOfPages();
            assertHas(text, "第 1 页 共 " + pages + " 页");
            List<String> fonts = embeddedFonts(doc);
            assertFalse(fonts.isEmpty());
            // a subset (tag "ABCDEF+"), not the 19 MB collection
            assertTrue(fonts.stream().allMatch(n -> n.matches("[A-Z]{6}\\+.*")), fonts.toString());
            assertEquals("行政处罚决定书", doc.getDocumentInformation().getTitle());
        }
        assertTrue(pdf.length < 400_000, "subset font keeps the file small: " + pdf.length);
    }

    @Test
    void longListsBreakOverPagesAndTheFooterCountsThem() throws IOException {
        byte[] pdf = render(decision, fields(120), Format.PDF);
        keep("penalty.decision-long.pdf", pdf);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            int pages = doc.getNumberOfPages();
            assertTrue(pages >= 3, "pages: " + pages);
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            for (int p = 1; p <= pages; p++) {
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                String text = stripper.getText(doc);
                assertHas(text, "第 " + p + " 页 共 " + pages + " 页");
                if (text.contains("现场勘测图")) {
                    assertHas(text, "证据名称 来源");
                }
            }
            stripper.setStartPage(1);
            stripper.setEndPage(pages);
            assertHas(stripper.getText(doc), "现场勘测图第120号");
            embeddedFonts(doc);
        }
    }

    @Test
    void docxHasRealParagraphsTablesAndTheChineseFont() throws IOException {
        byte[] docx = render(decision, fields(3), Format.DOCX);
        keep("penalty.decision.docx", docx);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            List<String> paragraphs = doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            assertTrue(paragraphs.contains("行政处罚决定书"), paragraphs.toString());
            assertTrue(paragraphs.contains("经查，" + FACTS), paragraphs.toString());
            assertTrue(paragraphs.contains("衡阳县自然资源局（印章）"), paragraphs.toString());
            List<XWPFTable> tables = doc.getTables();
            assertEquals(2, tables.size());
            assertEquals("当事人", tables.get(0).getRow(0).getCell(0).getText());
            assertEquals("张三", tables.get(0).getRow(0).getCell(1).getText());
            assertEquals(4, tables.get(1).getNumberOfRows(), "header + 3 evidence rows");
            assertEquals("现场勘测图第2号", tables.get(1).getRow(2).getCell(0).getText());
            assertEquals("执法人员现场制作", tables.get(1).getRow(2).getCell(1).getText());
            XWPFRun run = doc.getParagraphs().stream().filter(p -> p.getText().equals("行政处罚决定书"))
                    .findFirst().orElseThrow().getRuns().get(0);
            assertEquals("Noto Serif CJK SC", run.getFontFamily(XWPFRun.FontCharRange.eastAsia));
            assertTrue(run.isBold());
            XWPFFooter footer = doc.getFooterList().get(0);
            String footerXml = footer._getHdrFtr().xmlText();
            assertTrue(footerXml.contains("NUMPAGES") && footerXml.contains("PAGE"), footerXml);
            assertTrue(footer.getText().contains("第") && footer.getText().contains("页"), footer.getText());
            assertEquals("行政处罚决定书", doc.getProperties().getCoreProperties().getTitle());
        }
    }

    @Test
    void valuesStayLiteralNeverMarkupOrPlaceholders() throws IOException {
        Map<String, Object> f = fields(1);
        f.put("party.name", "<b>李四</b> ${decision} $${x} & </w:t>");
        f.put("note", "备注：${facts}");
        String literal = "<b>李四</b> ${decision} $${x} & </w:t>";
        String pdf = pdfText(render(decision, f, Format.PDF));
        assertHas(pdf, literal, "备注：${facts}", "费用为 ${不是占位符}。");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(render(decision, f, Format.DOCX)))) {
            assertEquals(literal, doc.getTables().get(0).getRow(0).getCell(1).getText());
            String all = doc.getParagraphs().stream().map(XWPFParagraph::getText).collect(Collectors.joining("\n"));
            assertTrue(all.contains("备注：${facts}"), all);
            assertFalse(all.contains("<b>"), "the value did not become a paragraph of its own");
        }
    }

    @Test
    void lineBreaksInValuesAreLineBreaks() throws IOException {
        Map<String, Object> f = fields(1);
        f.put("decision", "一、责令退还土地；\n二、罚款贰万肆仟元。");
        String pdf = pdfText(render(decision, f, Format.PDF));
        assertTrue(pdf.contains("一、责令退还土地；\n") || pdf.contains("一、责令退还土地；\r\n"), pdf);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(render(decision, f, Format.DOCX)))) {
            XWPFParagraph p = doc.getParagraphs().stream().filter(x -> x.getText().contains("责令退还土地"))
                    .findFirst().orElseThrow();
            assertEquals("一、责令退还土地；\n二、罚款贰万肆仟元。", p.getText());
        }
    }

    @Test
    void aMissingRequiredFieldIsRefusedWithItsName() {
        Map<String, Object> f = fields(1);
        f.remove("party.name");
        ZhifaException e = assertThrows(ZhifaException.class, () -> render(decision, f, Format.PDF));
        assertEquals("DOCUMENT_FIELD_MISSING", e.code());
        assertEquals(ZhifaException.Kind.INVALID, e.kind());
        assertEquals("party.name", e.field());
        assertTrue(e.messageZh().contains("当事人") && e.messageZh().contains("行政处罚决定书"), e.messageZh());
        assertTrue(e.messageEn().contains("lacks the required field"), e.messageEn());

        f.put("party.name", "   ");
        assertEquals("DOCUMENT_FIELD_MISSING",
                assertThrows(ZhifaException.class, () -> render(decision, f, Format.DOCX)).code());

        Map<String, Object> noEvidence = fields(0);
        assertEquals("evidence.name",
                assertThrows(ZhifaException.class, () -> render(decision, noEvidence, Format.DOCX)).field());
    }

    @Test
    void optionalFieldsMayBeLeftOut() throws IOException {
        Map<String, Object> f = fields(2);
        f.remove("evidence.source");
        f.remove("note");
        assertHas(pdfText(render(decision, f, Format.PDF)), "现场勘测图第2号");
    }

    @Test
    void aListForATextFieldOrTextForAListIsRefused() {
        Map<String, Object> f = fields(1);
        f.put("party.name", List.of("张三", "李四"));
        ZhifaException e = assertThrows(ZhifaException.class, () -> render(decision, f, Format.PDF));
        assertEquals("DOCUMENT_FIELD_TYPE", e.code());
        assertTrue(e.messageZh().contains("文字"), e.messageZh());
        Map<String, Object> g = fields(1);
        g.put("evidence.name", "现场勘测图");
        assertEquals("DOCUMENT_FIELD_TYPE", assertThrows(ZhifaException.class,
                () -> render(decision, g, Format.DOCX)).code());
    }

    @Test
    void withoutAChineseFontPdfIsRefusedClearlyAndDocxStillWorks() {
        Renderer noFont = new Renderer(Configs.with(new String[] {"/no/such/font.ttc,2",
                "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"}, ""));
        ZhifaException e = assertThrows(ZhifaException.class,
                () -> noFont.render(decision, fields(1), Format.PDF, new ByteArrayOutputStream()));
        assertEquals("DOCUMENT_FONT_MISSING", e.code());
        assertEquals(ZhifaException.Kind.UNAVAILABLE, e.kind());
        assertTrue(e.messageEn().contains("/no/such/font.ttc,2 (not found)"), e.messageEn());
        assertTrue(e.messageZh().contains("fontFiles"), e.messageZh());
        ByteArrayOutputStream docx = new ByteArrayOutputStream();
        noFont.render(decision, fields(1), Format.DOCX, docx);
        assertTrue(docx.size() > 0);
    }

    @Test
    void candidatesFromACfgFileAreOneStringSeparatedBySemicolons() throws IOException {
        Renderer fromCfg = new Renderer(Configs.with(new String[] {
                "/no/such/font.ttf; /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc,2\n/also/missing.ttf"}, ""));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fromCfg.render(decision, fields(1), Format.PDF, out);
        try (PDDocument doc = Loader.loadPDF(out.toByteArray())) {
            assertTrue(embeddedFonts(doc).stream().allMatch(n -> n.contains("NotoSansCJKsc")));
        }
    }

    @Test
    void theConfiguredFamilyIsNamedInDocx() throws IOException {
        Renderer fangsong = new Renderer(Configs.with(null, "仿宋_GB2312"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fangsong.render(decision, fields(1), Format.DOCX, out);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(out.toByteArray()))) {
            XWPFRun run = doc.getParagraphs().get(0).getRuns().get(0);
            assertEquals("仿宋_GB2312", run.getFontFamily(XWPFRun.FontCharRange.eastAsia));
        }
    }

    @Test
    void theShippedServiceReceiptRenders() throws IOException {
        DocumentTemplate receipt = template("/OSGI-INF/documents/service.receipt.json");
        assertEquals("service.receipt", receipt.id());
        Map<String, Object> f = new HashMap<>();
        f.put("bureau.name", "衡阳县自然资源局");
        f.put("document.name", "行政处罚决定书");
        f.put("document.no", "衡县自然资罚〔2026〕12号");
        f.put("recipient.name", "张三");
        f.put("service.address", "衡阳县西渡镇");
        f.put("service.method", "直接送达");
        f.put("servers", "王建国、李明");
        String text = pdfText(render(receipt, f, Format.PDF));
        assertHas(text, "送达回证", "送达方式 直接送达", "衡阳县自然资源局（印章）", "第 1 页 共 1 页");
        assertTrue(render(receipt, f, Format.DOCX).length > 0);
    }
}
