package org.zhifa.documents.internal;

import java.io.OutputStream;
import java.util.List;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;

import org.zhifa.api.document.DocumentTemplate;
import org.zhifa.api.document.DocumentTemplate.Block;

/** Writes a filled template as PDF with OpenPDF: A4, margins after GB/T 9704, the Chinese font embedded. */
final class PdfWriterOpenPdf {
    private static final float MM = 72f / 25.4f;

    private final Fonts fonts;
    private final float size;

    PdfWriterOpenPdf(Fonts fonts, float size) {
        this.fonts = fonts;
        this.size = size;
    }

    void write(Fill fill, OutputStream out) throws DocumentException {
        BaseFont bf = fonts.load();
        Font body = new Font(bf, size);
        Font bold = new Font(bf, size, Font.BOLD);
        Font title = new Font(bf, size * 22f / 14f, Font.BOLD);
        Font small = new Font(bf, size * 10.5f / 14f);
        Document doc = new Document(PageSize.A4, 28 * MM, 26 * MM, 37 * MM, 35 * MM);
        PdfWriter writer = PdfWriter.getInstance(doc, out);
        writer.setCloseStream(false);
        DocumentTemplate t = fill.template();
        doc.addTitle(t.titleZh());
        doc.addCreator("zhifa");
        if (!t.footer().isEmpty()) {
            writer.setPageEvent(new Footer(fill, bf, small.getSize()));
        }
        doc.open();
        for (Block b : t.blocks()) {
            if (b instanceof Block.Title x) {
                Paragraph p = paragraph(size * 2f, fill.text(x.text()), title);
                p.setAlignment(Element.ALIGN_CENTER);
                p.setSpacingAfter(size);
                doc.add(p);
            } else if (b instanceof Block.Heading x) {
                Paragraph p = paragraph(size * 1.6f, fill.text(x.text()), bold);
                p.setSpacingBefore(size * 0.5f);
                p.setKeepTogether(true);
                doc.add(p);
            } else if (b instanceof Block.Paragraph x) {
                Paragraph p = paragraph(size * 1.6f, fill.text(x.text()), body);
                switch (x.align()) {
                    case BODY -> {
                        p.setAlignment(Element.ALIGN_JUSTIFIED);
                        p.setFirstLineIndent(size * 2);
                    }
                    case LEFT -> p.setAlignment(Element.ALIGN_LEFT);
                    case CENTER -> p.setAlignment(Element.ALIGN_CENTER);
                    case RIGHT -> p.setAlignment(Element.ALIGN_RIGHT);
                }
                doc.add(p);
            } else if (b instanceof Block.KeyValueTable x) {
                PdfPTable table = table(new float[] {1, 3});
                for (Block.Row r : x.rows()) {
                    table.addCell(cell(fill.text(r.label()), body, Element.ALIGN_CENTER));
                    table.addCell(cell(fill.text(r.value()), body, Element.ALIGN_LEFT));
                }
                doc.add(table);
            } else if (b instanceof Block.ListTable x) {
                PdfPTable table = table(null, x.columns().size());
                for (Block.Column c : x.columns()) {
                    table.addCell(cell(fill.text(c.header()), bold, Element.ALIGN_CENTER));
                }
                table.setHeaderRows(1);
                List<List<String>> rows = fill.rows(x);
                for (List<String> row : rows) {
                    row.forEach(v -> table.addCell(cell(v, body, Element.ALIGN_LEFT)));
                }
                if (rows.isEmpty()) {
                    x.columns().forEach(c -> table.addCell(cell(" ", body, Element.ALIGN_LEFT)));
                }
                doc.add(table);
            } else if (b instanceof Block.Signature x) {
                Paragraph p = paragraph(size * 1.8f,
                        fill.text(x.signer()) + (x.seal() ? "（印章）" : "") + "\n" + fill.text(x.date()), body);
                p.setAlignment(Element.ALIGN_RIGHT);
                p.setSpacingBefore(size * (x.seal() ? 3 : 1.5f));
                doc.add(p);
            }
        }
        doc.close();
    }

    private static Paragraph paragraph(float leading, String text, Font font) {
        return new Paragraph(leading, chunk(text, font));
    }

    /** Text as one chunk that breaks lines the Chinese way. */
    private static Chunk chunk(String text, Font font) {
        Chunk chunk = new Chunk(text, font);
        chunk.setSplitCharacter(CjkSplit.INSTANCE);
        return chunk;
    }

    private PdfPTable table(float[] widths, int... columns) {
        PdfPTable table = widths != null ? new PdfPTable(widths) : new PdfPTable(columns[0]);
        table.setWidthPercentage(100);
        table.setSpacingBefore(size * 0.5f);
        table.setSpacingAfter(size * 0.5f);
        return table;
    }

    private PdfPCell cell(String text, Font font, int align) {
        PdfPCell cell = new PdfPCell(new Phrase(size * 1.4f, chunk(text, font)));
        cell.setHorizontalAlignment(align);
        cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
        cell.setPadding(size * 0.35f);
        cell.setPaddingBottom(size * 0.5f);
        return cell;
    }

    /** The page footer, centred; the page count is a template filled in when the document closes. */
    private static final class Footer extends PdfPageEventHelper {
        private final Fill fill;
        private final BaseFont font;
        private final float size;
        private PdfTemplate pages;

        Footer(Fill fill, BaseFont font, float size) {
            this.fill = fill;
            this.font = font;
            this.size = size;
        }

        @Override
        public void onOpenDocument(PdfWriter writer, Document document) {
            pages = writer.getDirectContent().createTemplate(size * 4, size * 1.5f);
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            String page = String.valueOf(writer.getPageNumber());
            // the count is unknown yet: reserve the width the current page number takes
            float width = 0;
            for (Fill.FooterPart part : fill.footerParts()) {
                width += font.getWidthPoint(part.text() != null ? part.text() : page, size);
            }
            PdfContentByte cb = writer.getDirectContent();
            float x = (document.left() + document.right() - width) / 2;
            float y = document.bottom() - size * 3;
            for (Fill.FooterPart part : fill.footerParts()) {
                if (DocumentTemplate.PAGES.equals(part.pageField())) {
                    cb.addTemplate(pages, x, y);
                    x += font.getWidthPoint(page, size);
                    continue;
                }
                String text = part.text() != null ? part.text() : page;
                cb.beginText();
                cb.setFontAndSize(font, size);
                cb.setTextMatrix(x, y);
                cb.showText(text);
                cb.endText();
                x += font.getWidthPoint(text, size);
            }
        }

        @Override
        public void onCloseDocument(PdfWriter writer, Document document) {
            pages.beginText();
            pages.setFontAndSize(font, size);
            pages.setTextMatrix(0, 0);
            pages.showText(String.valueOf(writer.getPageNumber() - 1));
            pages.endText();
        }
    }
}
