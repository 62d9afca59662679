package org.zhifa.catalogue.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zhifa.catalogue.internal.Fixture.LEADER;
import static org.zhifa.catalogue.internal.Fixture.OFFICER;
import static org.zhifa.catalogue.internal.Fixture.REVIEWER;
import static org.zhifa.catalogue.internal.Fixture.draft;
import static org.zhifa.catalogue.internal.Fixture.item;
import static org.zhifa.catalogue.internal.Fixture.penaltyItem;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.zhifa.api.catalogue.CatalogueItem;
import org.zhifa.api.catalogue.CatalogueService.RenderFormat;
import org.zhifa.api.catalogue.CatalogueStatus;
import org.zhifa.api.catalogue.CatalogueType;
import org.zhifa.api.catalogue.CatalogueVersion;
import org.zhifa.api.catalogue.Flowchart;
import org.zhifa.api.kind.DisclosureRule;
import org.zhifa.api.kind.EnforcementKind;
import org.zhifa.api.kind.Procedure;
import org.zhifa.api.kind.Step;
import org.zhifa.api.kind.TimerRule;
import org.zhifa.api.kind.Transition;

import com.fasterxml.jackson.databind.JsonNode;

/** The files a catalogue becomes: SVG and PNG flowcharts, XLSX, PDF and the filing package. */
class OutputsTest {
    static final String NASTY = "<b onclick=\"x\">立案&'审查'</b>";
    private final Fixture f = new Fixture("2026-03-02");

    @AfterEach
    void close() {
        f.close();
    }

    static Document xml(byte[] bytes) throws Exception {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setNamespaceAware(true);
        dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return dbf.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
    }

    static List<String> texts(Document d, String tag) {
        NodeList nodes = d.getElementsByTagNameNS("*", tag);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(nodes.item(i).getTextContent());
        }
        return out;
    }

    /** A kind whose names are markup, with a loop back. */
    static final class NastyKind implements EnforcementKind {
        @Override public String id() { return "nasty"; }
        @Override public String title(Locale l) { return "测试<类型>"; }
        @Override public String numberCode() { return "测"; }
        @Override public Procedure procedure() {
            return new Procedure("a", List.of(Step.of("a", NASTY, "a"), Step.of("b", "调查\u0001取证", "b"),
                    Step.of("c", "结案", "c").closes()),
                    List.of(Transition.of("go", "a", "b", "<script>alert(1)</script>", "go"),
                            Transition.of("back", "b", "a", "退回", "back"), Transition.of("end", "b", "c", "结", "end")),
                    List.of(), List.of(new TimerRule("t", "期限&", "t", "a", null, Set.of("c"), 5,
                            TimerRule.DayCount.WORKING_DAYS, "某法<第1条>")));
        }
        @Override public DisclosureRule disclosure() { return new DisclosureRule("c", 7, List.of()); }
    }

    @Test
    void theSvgIsWellFormedAndEscapesEveryText() throws Exception {
        byte[] svg = f.flowcharts.svg(f.flowcharts.layout(new NastyKind()));
        String text = new String(svg, StandardCharsets.UTF_8);
        assertFalse(text.contains("<script>") || text.contains("<b ") || text.contains("<类型>"), text);
        Document d = xml(svg);
        assertEquals("svg", d.getDocumentElement().getLocalName());
        List<String> labels = texts(d, "text");
        assertTrue(labels.contains(NASTY), labels.toString());
        assertTrue(labels.contains("调查取证"), "control characters dropped: " + labels);
        assertTrue(texts(d, "title").contains("<script>alert(1)</script>"));
        assertTrue(labels.stream().anyMatch(l -> l.contains("期限&") && l.contains("某法<第1条>")), labels.toString());
        // the move back is drawn as a dashed curve
        assertTrue(text.contains("data-from=\"b\" data-to=\"a\"") && text.contains("stroke-dasharray"), text);
    }

    @Test
    void thePenaltyFlowchartShowsEveryStepAndTimer() throws Exception {
        Flowchart chart = f.service.flowchart("penalty", Flowchart.Format.SVG, OFFICER);
        Document d = xml(chart.content());
        List<String> labels = texts(d, "text");
        for (Step s : f.penalty.procedure().steps()) {
            assertTrue(labels.contains(s.titleZh()), s.titleZh() + " in " + labels);
        }
        assertTrue(labels.stream().anyMatch(l -> l.contains("90")), "the 90-day decision timer: " + labels);
        assertEquals(f.penalty.procedure().transitions().size(), d.getElementsByTagNameNS("*", "g").getLength()
                - 2 - f.penalty.procedure().steps().size() - 1);
    }

    @Test
    void theMainPathRunsTopDownAndNoBoxesOverlap() {
        Flowcharts.Chart c = f.flowcharts.layout(f.penalty);
        List<String> path = List.of("filed", "investigation", "review", "notified", "decided", "served", "executed",
                "closed");
        for (int i = 1; i < path.size(); i++) {
            assertTrue(c.node(path.get(i - 1)).y() < c.node(path.get(i)).y(), path.get(i - 1) + " above " + path.get(i));
        }
        for (Flowcharts.Node a : c.nodes()) {
            for (Flowcharts.Node b : c.nodes()) {
                boolean apart = a == b || a.x() + a.w() <= b.x() || b.x() + b.w() <= a.x() || a.bottom() <= b.y()
                        || b.bottom() <= a.y();
                assertTrue(apart, a.id() + " overlaps " + b.id());
            }
            assertTrue(a.x() >= 0 && a.x() + a.w() <= c.width() && a.bottom() <= c.height(), a.id() + " inside");
        }
        // the move back from 先行登记保存 to 调查取证 is drawn dashed, back up
        assertTrue(c.edges().stream().anyMatch(e -> e.back() && e.from().equals("preservation")
                && e.to().equals("investigation")), c.edges().toString());
    }

    @Test
    void thePngDecodesAndHasInk() throws IOException {
        Flowchart chart = f.service.flowchart("penalty", Flowchart.Format.PNG, OFFICER);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(chart.content()));
        assertTrue(img.getWidth() > 300 && img.getHeight() > 300, img.getWidth() + "x" + img.getHeight());
        int dark = 0;
        for (int x = 0; x < img.getWidth(); x += 2) {
            for (int y = 0; y < img.getHeight(); y += 2) {
                if ((img.getRGB(x, y) & 0xff) < 128) {
                    dark++;
                }
            }
        }
        assertTrue(dark > 500, "ink: " + dark);
        ImageIO.read(new ByteArrayInputStream(f.flowcharts.png(f.flowcharts.layout(new NastyKind()))));
    }

    private CatalogueVersion published(CatalogueType type, org.zhifa.api.catalogue.CatalogueItem... items) {
        CatalogueVersion v = f.service.createDraft(type, draft("2026-03-01", items), LEADER);
        f.service.submit(v.id(), LEADER);
        f.service.review(v.id(), true, null, REVIEWER);
        return f.service.publish(v.id(), Fixture.ADMIN);
    }

    static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                out.put(e.getName(), in.readAllBytes());
            }
        }
        return out;
    }

    @Test
    void anOfficersNameIsLabelledAsANameNotAnItem() {
        CatalogueVersion people = new CatalogueVersion(1, CatalogueType.PERSONNEL, 1, 1, CatalogueStatus.PUBLISHED,
                java.time.LocalDate.of(2026, 3, 2), List.of(new CatalogueItem(1, Map.of("name", "张伟", "unit", "执法监察大队"))),
                null, null, null, List.of("admin"), "admin", java.time.Instant.EPOCH, null, null, null, null, true, null,
                List.of());
        String text = Render.text(people);
        assertTrue(text.contains("姓名：张伟"), text);
        assertFalse(text.contains("事项名称"), text);
        assertEquals("Name", Messages.field(Locale.ENGLISH, CatalogueType.PERSONNEL, "name"));
        assertEquals("事项名称", Messages.fieldZh(CatalogueType.ITEMS, "name"));
    }

    @Test
    void theXlsxIsAZipOfValidXmlWithTheRightCells() throws Exception {
        CatalogueVersion v = published(CatalogueType.ITEMS, penaltyItem(NASTY), penaltyItem("对非法转让土地的处罚"));
        Map<String, byte[]> parts = unzip(f.service.render(v.id(), RenderFormat.XLSX, OFFICER));
        assertEquals(Set.of("[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                "xl/styles.xml", "xl/worksheets/sheet1.xml"), parts.keySet());
        for (byte[] part : parts.values()) {
            xml(part);
        }
        Document sheet = xml(parts.get("xl/worksheets/sheet1.xml"));
        assertEquals(3, sheet.getElementsByTagNameNS("*", "row").getLength());
        List<String> cells = texts(sheet, "t");
        int width = CatalogueType.ITEMS.fields().size() + 1;
        assertEquals(List.of("序号", "事项编码", "执法主体", "事项名称", "执法类别", "职责", "权限", "依据"), cells.subList(0, width));
        assertEquals(List.of("1", "", Fixture.BUREAU_NAME, NASTY, "行政处罚"), cells.subList(width, width + 5));
        assertEquals("对非法转让土地的处罚", cells.get(2 * width + 3));
        NodeList c = sheet.getElementsByTagNameNS("*", "c");
        assertEquals("H3", c.item(c.getLength() - 1).getAttributes().getNamedItem("r").getNodeValue());
        assertEquals("行政执法事项清单", xml(parts.get("xl/workbook.xml")).getElementsByTagNameNS("*", "sheet").item(0)
                .getAttributes().getNamedItem("name").getNodeValue());
        assertEquals("AA", Xlsx.column(26));
    }

    @Test
    void thePdfHasTheChineseText() throws IOException {
        CatalogueVersion items = published(CatalogueType.ITEMS, penaltyItem("对非法占用土地的行政处罚"));
        String text = pdfText(f.service.render(items.id(), RenderFormat.PDF, OFFICER));
        for (String s : List.of("行政执法事项清单", "衡阳县自然资源局", "第1版", "对非法占用土地的行政处罚", "土地管理法》第七十七条",
                "执法主体")) {
            assertTrue(text.contains(s), s + " missing in " + text);
        }
        CatalogueVersion guides = f.service.createDraft(CatalogueType.GUIDES, draft("2026-03-01", guide()), LEADER);
        String g = pdfText(f.service.render(guides.id(), RenderFormat.PDF, OFFICER));
        for (String s : List.of("行政执法服务指南", "建设用地规划许可证核发", "受理机构", "办公电话", "12345")) {
            assertTrue(g.contains(s), s + " missing in " + g);
        }
    }

    static org.zhifa.api.catalogue.CatalogueItem guide() {
        List<String> kv = new ArrayList<>();
        for (String k : CatalogueType.GUIDES.fields()) {
            kv.add(k);
            kv.add(k.equals("name") ? "建设用地规划许可证核发" : k.equals("phone") ? "12345" : "内容" + k);
        }
        return item(kv.toArray(String[]::new));
    }

    static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
        }
    }

    @Test
    void theFilingPackageHoldsWhatIsInForceWithAManifest() throws Exception {
        CatalogueVersion items = published(CatalogueType.ITEMS, penaltyItem("对非法占用土地的行政处罚"));
        CatalogueVersion people = published(CatalogueType.PERSONNEL);
        f.service.createDraft(CatalogueType.GUIDES, draft("2026-03-01", guide()), LEADER); // a draft is not filed
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        f.service.filingPackage(out, OFFICER);
        Map<String, byte[]> entries = unzip(out.toByteArray());
        assertEquals(List.of("catalogues/items-v1.pdf", "catalogues/items-v1.xlsx", "catalogues/personnel-v1.pdf",
                "catalogues/personnel-v1.xlsx", "flowcharts/penalty.svg", "flowcharts/penalty.png", "manifest.json"),
                List.copyOf(entries.keySet()));
        JsonNode manifest = Items.JSON.readTree(entries.get("manifest.json"));
        assertEquals("430421", manifest.get("bureau").get("code").asText());
        assertEquals(2, manifest.get("catalogues").size());
        assertEquals(items.id(), manifest.get("catalogues").get(0).get("id").asLong());
        assertEquals(people.id(), manifest.get("catalogues").get(1).get("id").asLong());
        assertEquals(6, manifest.get("files").size());
        for (JsonNode file : manifest.get("files")) {
            byte[] content = entries.get(file.get("path").asText());
            assertEquals(Items.hash(content), file.get("sha256").asText(), file.toString());
            assertEquals(content.length, file.get("bytes").asInt());
        }
        assertTrue(pdfText(entries.get("catalogues/personnel-v1.pdf")).contains("王建国"));
    }
}
