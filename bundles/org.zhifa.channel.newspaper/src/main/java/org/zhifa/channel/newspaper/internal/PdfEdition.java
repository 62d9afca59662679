package org.zhifa.channel.newspaper.internal;

import java.io.ByteArrayOutputStream;
import java.util.List;

import com.lowagie.text.Document;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfWriter;

/** The print-ready PDF of an edition in the layout of GB/T 9704-2012 (see {@link Page}); fonts subset-embedded. */
final class PdfEdition {
    private PdfEdition() {}

    static byte[] render(Edition edition, Fonts bodyFonts, Fonts titleFonts) {
        BaseFont body = bodyFonts.load();
        BaseFont title = titleFonts.load();
        Layout.Measure measure = (cp, isTitle) -> {
            float size = isTitle ? Page.TITLE_SIZE : Page.BODY_SIZE;
            if (Layout.wide(cp)) {
                return isTitle ? Page.TITLE_SIZE : Page.CELL;
            }
            return (isTitle ? title : body).getWidthPoint(new String(Character.toChars(cp)), size);
        };
        List<List<Layout.Line>> pages = Layout.pages(Block.of(edition), measure);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(new Rectangle(Page.WIDTH, Page.HEIGHT), 0, 0, 0, 0);
        PdfWriter writer = PdfWriter.getInstance(doc, out);
        doc.addTitle(edition.title());
        doc.addAuthor(edition.bureau());
        doc.addCreator("zhifa newspaper channel");
        doc.open();
        for (int p = 0; p < pages.size(); p++) {
            if (p > 0) {
                doc.newPage();
            }
            writer.setPageEmpty(false);
            PdfContentByte cb = writer.getDirectContent();
            List<Layout.Line> lines = pages.get(p);
            for (int i = 0; i < lines.size(); i++) {
                Layout.Line line = lines.get(i);
                if (line.glyphs().isEmpty()) {
                    continue;
                }
                boolean isTitle = line.style() == Block.Style.TITLE;
                float size = isTitle ? Page.TITLE_SIZE : Page.BODY_SIZE;
                float y = Page.baseline(i, size);
                cb.beginText();
                cb.setFontAndSize(isTitle ? title : body, size);
                for (Layout.Glyph g : line.glyphs()) {
                    if (g.text().isBlank()) {
                        continue;
                    }
                    // a CJK glyph is centred in its grid cell; others start at their place
                    float x = g.x();
                    int cp = g.text().codePointAt(0);
                    if (Layout.wide(cp) && !isTitle) {
                        x += (Page.CELL - Page.BODY_SIZE) / 2;
                    }
                    cb.setTextMatrix(x, y);
                    cb.showText(g.text());
                }
                cb.endText();
            }
            String number = Page.number(p + 1);
            float w = body.getWidthPoint(number, Page.NUMBER_SIZE);
            boolean odd = (p + 1) % 2 == 1;
            float x = odd ? Page.LEFT + Page.BOX_WIDTH - Page.NUMBER_SIZE - w : Page.LEFT + Page.NUMBER_SIZE;
            cb.beginText();
            cb.setFontAndSize(body, Page.NUMBER_SIZE);
            cb.setTextMatrix(x, Page.numberBaseline());
            cb.showText(number);
            cb.endText();
        }
        doc.close();
        return out.toByteArray();
    }
}
