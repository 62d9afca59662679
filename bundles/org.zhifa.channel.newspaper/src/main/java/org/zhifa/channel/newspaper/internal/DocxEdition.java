package org.zhifa.channel.newspaper.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The editable DOCX of an edition: the same blocks as the PDF, page set up as GB/T 9704-2012 (A4, margins
 * 37/35/28/26 mm, a document grid of 22 lines × 28 characters), fonts named as the standard asks (仿宋_GB2312,
 * 方正小标宋简体) with a free alternative declared, page numbers "— 1 —" right on odd and left on even pages.
 * Written as plain WordprocessingML: nothing here needs a DOCX library.
 */
final class DocxEdition {
    /** Twentieths of a point per millimetre. */
    private static final double TWIPS_PER_MM = 1440 / 25.4;
    private static final int PAGE_W = 11906;
    private static final int PAGE_H = 16838;
    private static final int TOP = twips(37);
    private static final int LEFT = twips(28);
    private static final int RIGHT = PAGE_W - LEFT - twips(156);
    private static final int BOTTOM = PAGE_H - TOP - twips(225);
    /** 225 mm / 22 lines. */
    private static final int LINE_PITCH = (int) Math.floor(twips(225) / 22.0);
    /** Word's charSpace: (pitch − font size) in points × 4096, for 28 characters of 16 pt on 156 mm. */
    private static final int CHAR_SPACE = (int) Math.round(((PAGE_W - LEFT - RIGHT) / 20.0 / 28 - 16) * 4096);
    /** The footer's distance from the page's bottom: the number's top 7 mm below the 版心 (14 pt ≈ 5 mm high). */
    private static final int FOOTER = BOTTOM - twips(7) - 280;

    private DocxEdition() {}

    static int twips(double mm) {
        return (int) Math.round(mm * TWIPS_PER_MM);
    }

    static byte[] render(Edition edition, String bodyFont, String titleFont, String fallback) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            put(zip, "[Content_Types].xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                    <Default Extension="xml" ContentType="application/xml"/>
                    <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
                    <Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
                    <Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>
                    <Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/>
                    <Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>
                    <Override PartName="/word/footer2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>
                    <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
                    </Types>""");
            put(zip, "_rels/.rels", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
                    <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
                    </Relationships>""");
            put(zip, "docProps/core.xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
                    xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>%s</dc:title><dc:creator>%s</dc:creator></cp:coreProperties>"""
                    .formatted(esc(edition.title()), esc(edition.bureau())));
            put(zip, "word/_rels/document.xml.rels", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
                    <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>
                    <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/>
                    <Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>
                    <Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer2.xml"/>
                    </Relationships>""");
            put(zip, "word/settings.xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
                    <w:evenAndOddHeaders/><w:defaultTabStop w:val="420"/><w:characterSpacingControl w:val="compressPunctuation"/>
                    </w:settings>""");
            put(zip, "word/fontTable.xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
                    <w:font w:name="%1$s"><w:altName w:val="%3$s"/><w:charset w:val="86"/><w:family w:val="modern"/></w:font>
                    <w:font w:name="%2$s"><w:altName w:val="%3$s"/><w:charset w:val="86"/><w:family w:val="roman"/></w:font>
                    <w:font w:name="%3$s"><w:charset w:val="86"/><w:family w:val="roman"/></w:font>
                    </w:fonts>""".formatted(esc(bodyFont), esc(titleFont), esc(fallback)));
            put(zip, "word/styles.xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
                    <w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="%1$s" w:hAnsi="%1$s" w:eastAsia="%1$s" w:cs="%1$s"/>\
                    <w:kern w:val="2"/><w:sz w:val="32"/><w:szCs w:val="32"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault>
                    <w:pPrDefault><w:pPr><w:snapToGrid w:val="1"/><w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults>
                    <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
                    <w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/>\
                    <w:pPr><w:jc w:val="center"/><w:keepNext/></w:pPr><w:rPr><w:rFonts w:ascii="%2$s" w:hAnsi="%2$s" w:eastAsia="%2$s" w:cs="%2$s"/>\
                    <w:sz w:val="44"/><w:szCs w:val="44"/></w:rPr></w:style>
                    <w:style w:type="paragraph" w:styleId="Body"><w:name w:val="Body Text"/><w:basedOn w:val="Normal"/>\
                    <w:pPr><w:ind w:firstLineChars="200" w:firstLine="640"/></w:pPr></w:style>
                    <w:style w:type="paragraph" w:styleId="Sign"><w:name w:val="Signature"/><w:basedOn w:val="Normal"/>\
                    <w:pPr><w:jc w:val="right"/><w:ind w:rightChars="200" w:right="640"/></w:pPr></w:style>
                    <w:style w:type="paragraph" w:styleId="PageNumber"><w:name w:val="Page Number"/><w:basedOn w:val="Normal"/>\
                    <w:pPr><w:snapToGrid w:val="0"/></w:pPr><w:rPr><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr></w:style>
                    </w:styles>""".formatted(esc(bodyFont), esc(titleFont)));
            put(zip, "word/footer1.xml", footer("right", "w:right=\"280\""));
            put(zip, "word/footer2.xml", footer("left", "w:left=\"280\""));
            StringBuilder doc = new StringBuilder("""
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" \
                    xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>
                    """);
            for (Block b : Block.of(edition)) {
                String style = switch (b.style()) {
                    case TITLE -> "Title";
                    case PARA -> "Body";
                    case SIGN -> "Sign";
                    case BLANK -> "Normal";
                };
                doc.append("<w:p><w:pPr><w:pStyle w:val=\"").append(style).append("\"/></w:pPr>");
                if (!b.text().isEmpty()) {
                    doc.append("<w:r><w:t xml:space=\"preserve\">").append(esc(b.text())).append("</w:t></w:r>");
                }
                doc.append("</w:p>\n");
            }
            doc.append("<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rId4\"/>"
                    + "<w:footerReference w:type=\"even\" r:id=\"rId5\"/>"
                    + "<w:pgSz w:w=\"" + PAGE_W + "\" w:h=\"" + PAGE_H + "\"/>"
                    + "<w:pgMar w:top=\"" + TOP + "\" w:right=\"" + RIGHT + "\" w:bottom=\"" + BOTTOM + "\" w:left=\"" + LEFT
                    + "\" w:header=\"851\" w:footer=\"" + FOOTER + "\" w:gutter=\"0\"/>"
                    + "<w:pgNumType w:fmt=\"decimal\" w:start=\"1\"/><w:cols w:space=\"425\"/>"
                    + "<w:docGrid w:type=\"linesAndChars\" w:linePitch=\"" + LINE_PITCH + "\" w:charSpace=\"" + CHAR_SPACE + "\"/>"
                    + "</w:sectPr></w:body></w:document>");
            put(zip, "word/document.xml", doc.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static String footer(String align, String indent) {
        return """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:pPr><w:pStyle w:val="PageNumber"/>\
                <w:jc w:val="%s"/><w:ind %s/></w:pPr><w:r><w:t xml:space="preserve">— </w:t></w:r>\
                <w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>\
                <w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>\
                <w:r><w:t xml:space="preserve"> —</w:t></w:r></w:p></w:ftr>""".formatted(align, indent);
    }

    private static void put(ZipOutputStream zip, String name, String xml) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(xml.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    /** XML text and attribute escaping; characters XML 1.0 forbids are dropped. */
    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                default -> {
                    if (cp == 0x9 || cp == 0xA || cp == 0xD || cp >= 0x20 && cp <= 0xD7FF || cp >= 0xE000 && cp <= 0xFFFD
                            || cp >= 0x10000 && cp <= 0x10FFFF) {
                        b.appendCodePoint(cp);
                    }
                }
            }
        });
        return b.toString();
    }
}
