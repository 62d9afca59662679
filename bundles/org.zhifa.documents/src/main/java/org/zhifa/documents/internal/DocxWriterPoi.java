package org.zhifa.documents.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.util.List;

import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;

import org.zhifa.api.document.DocumentTemplate;
import org.zhifa.api.document.DocumentTemplate.Block;

/**
 * Writes a filled template as an editable Word document with Apache POI: real paragraphs and tables,
 * the Chinese font named for East Asian text, page numbers as Word fields.
 */
final class DocxWriterPoi {
    private static final int TWIPS_PER_MM = 1440 * 10 / 254;

    private final String family;
    private final float size;

    DocxWriterPoi(String family, float size) {
        this.family = family;
        this.size = size;
    }

    void write(Fill fill, OutputStream out) throws IOException {
        DocumentTemplate t = fill.template();
        try (XWPFDocument doc = new XWPFDocument()) {
            doc.getProperties().getCoreProperties().setTitle(t.titleZh());
            doc.getProperties().getCoreProperties().setCreator("zhifa");
            defaultFonts(doc);
            page(doc);
            for (Block b : t.blocks()) {
                if (b instanceof Block.Title x) {
                    XWPFParagraph p = doc.createParagraph();
                    p.setAlignment(ParagraphAlignment.CENTER);
                    p.setSpacingAfter(twips(size));
                    text(p, fill.text(x.text()), size * 22f / 14f, true);
                } else if (b instanceof Block.Heading x) {
                    XWPFParagraph p = doc.createParagraph();
                    p.setSpacingBefore(twips(size * 0.5f));
                    p.setKeepNext(true);
                    text(p, fill.text(x.text()), size, true);
                } else if (b instanceof Block.Paragraph x) {
                    XWPFParagraph p = doc.createParagraph();
                    p.setSpacingBetween(1.5, LineSpacingRule.AUTO);
                    switch (x.align()) {
                        case BODY -> {
                            p.setAlignment(ParagraphAlignment.BOTH);
                            p.setIndentationFirstLine(twips(size * 2));
                        }
                        case LEFT -> p.setAlignment(ParagraphAlignment.LEFT);
                        case CENTER -> p.setAlignment(ParagraphAlignment.CENTER);
                        case RIGHT -> p.setAlignment(ParagraphAlignment.RIGHT);
                    }
                    text(p, fill.text(x.text()), size, false);
                } else if (b instanceof Block.KeyValueTable x) {
                    XWPFTable table = table(doc, x.rows().size(), 2);
                    for (int i = 0; i < x.rows().size(); i++) {
                        Block.Row r = x.rows().get(i);
                        XWPFTableRow row = table.getRow(i);
                        cell(row.getCell(0), fill.text(r.label()), false, ParagraphAlignment.CENTER).setWidth("25%");
                        cell(row.getCell(1), fill.text(r.value()), false, ParagraphAlignment.LEFT).setWidth("75%");
                    }
                    spacer(doc);
                } else if (b instanceof Block.ListTable x) {
                    List<List<String>> rows = fill.rows(x);
                    int n = x.columns().size();
                    XWPFTable table = table(doc, 1 + Math.max(rows.size(), 1), n);
                    XWPFTableRow header = table.getRow(0);
                    header.setRepeatHeader(true);
                    for (int c = 0; c < n; c++) {
                        cell(header.getCell(c), fill.text(x.columns().get(c).header()), true, ParagraphAlignment.CENTER);
                    }
                    for (int r = 0; r < rows.size(); r++) {
                        for (int c = 0; c < n; c++) {
                            cell(table.getRow(r + 1).getCell(c), rows.get(r).get(c), false, ParagraphAlignment.LEFT);
                        }
                    }
                    spacer(doc);
                } else if (b instanceof Block.Signature x) {
                    XWPFParagraph p = doc.createParagraph();
                    p.setAlignment(ParagraphAlignment.RIGHT);
                    p.setSpacingBefore(twips(size * (x.seal() ? 3 : 1.5f)));
                    p.setKeepNext(true);
                    text(p, fill.text(x.signer()) + (x.seal() ? "（印章）" : ""), size, false);
                    XWPFParagraph d = doc.createParagraph();
                    d.setAlignment(ParagraphAlignment.RIGHT);
                    text(d, fill.text(x.date()), size, false);
                }
            }
            if (!t.footer().isEmpty()) {
                footer(doc, fill);
            }
            doc.write(out);
        }
        out.flush();
    }

    /** The font for every run that sets none: East Asian text included, so a new paragraph typed in Word fits. */
    private void defaultFonts(XWPFDocument doc) {
        CTFonts fonts = CTFonts.Factory.newInstance();
        fonts.setAscii(family);
        fonts.setHAnsi(family);
        fonts.setEastAsia(family);
        fonts.setCs(family);
        doc.createStyles().setDefaultFonts(fonts);
    }

    /** A4, margins after GB/T 9704. */
    private static void page(XWPFDocument doc) {
        CTSectPr sect = doc.getDocument().getBody().isSetSectPr()
                ? doc.getDocument().getBody().getSectPr() : doc.getDocument().getBody().addNewSectPr();
        CTPageSz sz = sect.isSetPgSz() ? sect.getPgSz() : sect.addNewPgSz();
        sz.setW(BigInteger.valueOf(11906));
        sz.setH(BigInteger.valueOf(16838));
        CTPageMar mar = sect.isSetPgMar() ? sect.getPgMar() : sect.addNewPgMar();
        mar.setTop(BigInteger.valueOf(37L * TWIPS_PER_MM));
        mar.setBottom(BigInteger.valueOf(35L * TWIPS_PER_MM));
        mar.setLeft(BigInteger.valueOf(28L * TWIPS_PER_MM));
        mar.setRight(BigInteger.valueOf(26L * TWIPS_PER_MM));
    }

    private XWPFTable table(XWPFDocument doc, int rows, int columns) {
        XWPFTable table = doc.createTable(rows, columns);
        table.setWidth("100%");
        table.setTableAlignment(TableRowAlign.CENTER);
        return table;
    }

    private XWPFTableCell cell(XWPFTableCell cell, String text, boolean bold, ParagraphAlignment align) {
        XWPFParagraph p = cell.getParagraphs().get(0);
        p.setAlignment(align);
        text(p, text, size, bold);
        cell.setVerticalAlignment(XWPFTableCell.XWPFVertAlign.CENTER);
        return cell;
    }

    /** An empty paragraph, so two tables in a row stay two tables in Word. */
    private static void spacer(XWPFDocument doc) {
        doc.createParagraph();
    }

    /** Runs for {@code text}; each {@code \n} becomes a line break within the paragraph. */
    private void text(XWPFParagraph p, String text, float points, boolean bold) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            XWPFRun run = run(p, points, bold);
            run.setText(lines[i]);
            if (i < lines.length - 1) {
                run.addBreak();
            }
        }
    }

    private XWPFRun run(XWPFParagraph p, float points, boolean bold) {
        XWPFRun run = p.createRun();
        run.setFontFamily(family, XWPFRun.FontCharRange.ascii);
        run.setFontFamily(family, XWPFRun.FontCharRange.hAnsi);
        run.setFontFamily(family, XWPFRun.FontCharRange.eastAsia);
        run.setFontSize((double) points);
        run.setBold(bold);
        return run;
    }

    /** The footer with {@code ${page}} and {@code ${pages}} as Word's PAGE and NUMPAGES fields. */
    private void footer(XWPFDocument doc, Fill fill) {
        XWPFFooter footer = doc.createFooter(HeaderFooterType.DEFAULT);
        XWPFParagraph p = footer.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        float points = size * 10.5f / 14f;
        for (Fill.FooterPart part : fill.footerParts()) {
            if (part.text() != null) {
                text(p, part.text(), points, false);
            } else {
                String instr = DocumentTemplate.PAGES.equals(part.pageField()) ? "NUMPAGES" : "PAGE";
                run(p, points, false).getCTR().addNewFldChar().setFldCharType(STFldCharType.BEGIN);
                run(p, points, false).getCTR().addNewInstrText().setStringValue(" " + instr + " ");
                run(p, points, false).getCTR().addNewFldChar().setFldCharType(STFldCharType.SEPARATE);
                run(p, points, false).setText("1");
                run(p, points, false).getCTR().addNewFldChar().setFldCharType(STFldCharType.END);
            }
        }
    }


    private static int twips(float points) {
        return Math.round(points * 20);
    }
}
