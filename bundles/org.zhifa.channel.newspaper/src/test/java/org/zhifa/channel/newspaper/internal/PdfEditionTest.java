package org.zhifa.channel.newspaper.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zhifa.api.disclosure.ItemType;
import org.zhifa.api.disclosure.PublicItem;
import org.zhifa.api.disclosure.WithdrawalGround;

/** The PDF read back with PDFBox: GB/T 9704 page, grid, page numbers, embedded fonts, no ink outside the 版心. */
class PdfEditionTest {
    private static final float MM = 72f / 25.4f;
    private static final float LEFT = 28 * MM;
    private static final float TOP = 37 * MM;
    private static final float RIGHT = LEFT + 156 * MM;
    private static final float BOTTOM = TOP + 225 * MM;
    private static final String LONG = "经查，当事人于2025年5月未经批准擅自占用集体土地411平方米建设厂房，违反了《中华人民共和国土地管理法》"
            + "第四十四条的规定。依据该法第七十七条，决定责令退还非法占用的土地，限期拆除新建的建筑物和其他设施，并处罚款人民币8220元。"
            + "当事人应当自收到本决定书之日起十五日内缴纳罚款。";

    private static Edition edition;
    private static byte[] pdf;

    @BeforeAll
    static void render() throws Exception {
        Fixture f = new Fixture();
        for (int i = 1; i <= 12; i++) {
            String day = "2026-03-" + (i < 10 ? "0" + i : "" + i);
            ItemType type = i % 3 == 0 ? ItemType.DECISION : ItemType.NOTICE;
            f.publish(Fixture.item("item-" + (100 + i), 1, type, "第" + i + "号公告：关于某某村集体土地征收补偿安置方案的公告",
                    LONG + "\n第二段：联系电话请见本局网站。ABCdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ长串。", day));
        }
        PublicItem old = Fixture.item("item-old", 1, ItemType.NOTICE, "二月公告", "二月正文", "2026-02-03");
        f.publish(old);
        f.withdraw(Fixture.withdrawal(old, "2026-03-20", WithdrawalGround.REVOKED, "依法撤销"));
        edition = f.edition("2026-03-01", "2026-03-31");
        pdf = f.channel.render(edition, NewspaperChannel.Format.PDF).content();
        // for humans: the sample edition beside the test reports
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target"));
        java.nio.file.Files.write(java.nio.file.Path.of("target/edition-sample.pdf"), pdf);
    }

    @Test
    void pagesAreA4WithEmbeddedSubsetFonts() throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertTrue(doc.getNumberOfPages() >= 3, "pages: " + doc.getNumberOfPages());
            for (PDPage page : doc.getPages()) {
                assertEquals(595.28f, page.getMediaBox().getWidth(), 0.05f);
                assertEquals(841.89f, page.getMediaBox().getHeight(), 0.05f);
                int fonts = 0;
                for (COSName name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    PDType0Font t0 = assertInstanceOf(PDType0Font.class, font);
                    PDFontDescriptor d = t0.getDescendantFont().getFontDescriptor();
                    assertTrue(d.getFontFile2() != null || d.getFontFile3() != null, "embedded: " + font.getName());
                    assertTrue(font.getName().matches("[A-Z]{6}\\+.+"), "subset: " + font.getName());
                    fonts++;
                }
                assertTrue(fonts >= 1);
            }
        }
        assertTrue(pdf.length < 3_000_000, "subset fonts keep the file small: " + pdf.length);
    }

    @Test
    void textSitsOnTheGridOf22LinesBy28CharactersInsideThe版心() throws IOException {
        List<List<TextPosition>> pages = positions();
        boolean fullLine = false;
        boolean fullPage = false;
        for (int p = 0; p < pages.size(); p++) {
            Map<Integer, List<TextPosition>> lines = new TreeMap<>();
            List<TextPosition> number = new ArrayList<>();
            for (TextPosition t : pages.get(p)) {
                if (t.getYDirAdj() > BOTTOM + 1) {
                    number.add(t);
                    continue;
                }
                lines.computeIfAbsent(Math.round(t.getYDirAdj() * 2), k -> new ArrayList<>()).add(t);
                assertTrue(t.getXDirAdj() >= LEFT - 0.5f && t.getXDirAdj() + t.getWidthDirAdj() <= RIGHT + 0.5f,
                        "page " + (p + 1) + " '" + t.getUnicode() + "' x=" + t.getXDirAdj());
                assertTrue(t.getYDirAdj() - t.getFontSizeInPt() * 0.88f >= TOP - 0.5f && t.getYDirAdj() <= BOTTOM,
                        "page " + (p + 1) + " '" + t.getUnicode() + "' y=" + t.getYDirAdj());
            }
            assertTrue(lines.size() <= 22, "page " + (p + 1) + ": " + lines.size() + " lines");
            for (List<TextPosition> line : lines.values()) {
                long cjk = line.stream().filter(t -> Layout.wide(t.getUnicode().codePointAt(0))).count();
                float size = line.get(0).getFontSizeInPt();
                assertTrue(size == 16f || size == 22f, "size " + size);
                assertTrue(cjk <= 28, "page " + (p + 1) + ": " + cjk + " characters: " + text(line));
                fullLine |= cjk == 28;
            }
            // every line sits on one of the 22 lines of the grid (225 mm / 22), its em box centred in it
            for (List<TextPosition> line : lines.values()) {
                float size = line.get(0).getFontSizeInPt();
                float pitch = 225 * MM / 22;
                float index = (line.get(0).getYDirAdj() - size * 0.88f - (pitch - size) / 2 - TOP) / pitch;
                assertEquals(Math.round(index), index, 0.02f, "on the grid: " + text(line));
                assertTrue(Math.round(index) >= 0 && Math.round(index) <= 21, "line " + index);
                fullPage |= Math.round(index) == 21;
            }
            String n = text(number).replace(" ", "");
            assertEquals("—" + (p + 1) + "—", n, "page number of page " + (p + 1));
            float minX = (float) number.stream().mapToDouble(TextPosition::getXDirAdj).min().orElseThrow();
            float maxX = (float) number.stream().mapToDouble(t -> t.getXDirAdj() + t.getWidthDirAdj()).max().orElseThrow();
            if ((p + 1) % 2 == 1) {
                assertTrue(minX > 297.6f && maxX <= RIGHT - 13f, "odd page number on the right, one character in: " + minX + "–" + maxX);
            } else {
                assertTrue(maxX < 297.6f && minX >= LEFT + 13f, "even page number on the left, one character in: " + minX + "–" + maxX);
            }
            float baseline = number.get(0).getYDirAdj();
            assertEquals(BOTTOM + 7 * MM + 14 * 0.74f, baseline, 1.0f, "page number 7 mm below the 版心");
            assertEquals(14f, number.get(0).getFontSizeInPt(), 0.01f);
        }
        assertTrue(fullLine, "some line uses all 28 cells");
        assertTrue(fullPage, "some page uses its 22nd line");
    }

    @Test
    void noInkOutsideThe版心ButThePageNumber() throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFRenderer renderer = new PDFRenderer(doc);
            float scale = 2f;
            for (int p = 0; p < doc.getNumberOfPages(); p++) {
                BufferedImage img = renderer.renderImage(p, scale);
                int numberInk = 0;
                float numberTop = BOTTOM + 7 * MM;
                for (int y = 0; y < img.getHeight(); y++) {
                    for (int x = 0; x < img.getWidth(); x++) {
                        int rgb = img.getRGB(x, y);
                        int grey = ((rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff)) / 3;
                        if (grey > 160) {
                            continue;
                        }
                        float px = x / scale;
                        float py = y / scale;
                        boolean inBox = px >= LEFT - 1 && px <= RIGHT + 1 && py >= TOP - 1 && py <= BOTTOM + 1;
                        boolean inNumber = py >= numberTop - 1.5f && py <= numberTop + 14 && px >= LEFT && px <= RIGHT;
                        assertTrue(inBox || inNumber, "page " + (p + 1) + ": ink at " + px + "," + py + " pt");
                        if (inNumber && !inBox) {
                            numberInk++;
                            assertTrue((p + 1) % 2 == 1 ? px > 297.6f : px < 297.6f, "page number side on page " + (p + 1));
                        }
                    }
                }
                assertTrue(numberInk > 20, "the page number is printed on page " + (p + 1));
            }
        }
    }

    @Test
    void contentIsEveryTitleAndTextInOrder() throws IOException {
        String all;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            all = new PDFTextStripper().getText(doc).replaceAll("\\s+", "").replaceAll("—\\d+—", "");
        }
        assertTrue(all.startsWith("衡阳县自然资源局行政执法公告（2026年3月1日至2026年3月31日）"), all.substring(0, 40));
        int at = 0;
        for (Entry e : edition.entries()) {
            String title = e.kind() == Entry.Kind.WITHDRAWAL ? "关于撤销《" + e.title() + "》公示的公告" : e.title();
            int i = all.indexOf(title, at);
            assertTrue(i >= at, "title in order: " + title);
            at = i + title.length();
            if (e.kind() == Entry.Kind.NEW) {
                for (String para : e.text().split("\n")) {
                    int j = all.indexOf(para.replaceAll("\\s+", ""), at);
                    assertTrue(j >= at, "text of " + e.publicId());
                    at = j;
                }
                assertTrue(all.indexOf("衡阳县自然资源局2026年3月", at) >= at, "bureau and date after " + e.publicId());
            }
        }
        assertTrue(all.contains("本机关2026年2月3日公开的《二月公告》，因行政执法决定被依法撤销，已于2026年3月20日撤销公示。"), all);
        assertTrue(all.contains("撤销理由：依法撤销"));
        assertFalse(all.contains("二月正文"), "a withdrawn item's text is not printed again");
    }

    private static List<List<TextPosition>> positions() throws IOException {
        List<List<TextPosition>> pages = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper s = new PDFTextStripper() {
                @Override
                protected void startPage(PDPage page) throws IOException {
                    pages.add(new ArrayList<>());
                    super.startPage(page);
                }

                @Override
                protected void processTextPosition(TextPosition text) {
                    pages.get(pages.size() - 1).add(text);
                }
            };
            s.getText(doc);
        }
        assertNotNull(pages);
        return pages;
    }

    private static String text(List<TextPosition> line) {
        StringBuilder b = new StringBuilder();
        line.forEach(t -> b.append(t.getUnicode()));
        return b.toString();
    }
}
