package org.zhifa.channel.newspaper.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.zhifa.api.disclosure.ItemType;

/** The DOCX opens as a zip of well-formed XML with the GB/T 9704 page set-up, fonts and the edition's texts. */
class DocxEditionTest {
    private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    @Test
    void pageSetUpFontsAndTexts() throws Exception {
        Fixture f = new Fixture();
        f.publish(Fixture.item("notice-x1", 1, ItemType.NOTICE, "<w:p>关于某地块的公告&amp;</w:p>",
                "第一段正文\n第二段正文，<b>不是标记</b>", "2026-03-02"));
        f.publish(Fixture.item("decision-x1", 1, ItemType.DECISION, "行政处罚决定书", "决定正文", "2026-03-03"));
        Edition e = f.edition("2026-03-01", "2026-03-31");
        Map<String, Document> parts = parts(f.channel.render(e, NewspaperChannel.Format.DOCX).content());
        assertTrue(parts.keySet().containsAll(java.util.List.of("[Content_Types].xml", "_rels/.rels", "word/document.xml",
                "word/styles.xml", "word/settings.xml", "word/footer1.xml", "word/footer2.xml", "word/fontTable.xml")), parts.keySet().toString());

        Document doc = parts.get("word/document.xml");
        Element sect = (Element) doc.getElementsByTagNameNS(W, "sectPr").item(0);
        Element size = child(sect, "pgSz");
        assertEquals("11906", size.getAttributeNS(W, "w"));
        assertEquals("16838", size.getAttributeNS(W, "h"));
        Element mar = child(sect, "pgMar");
        assertEquals(37.0, mm(mar.getAttributeNS(W, "top")), 0.1);
        assertEquals(28.0, mm(mar.getAttributeNS(W, "left")), 0.1);
        assertEquals(26.0, mm(mar.getAttributeNS(W, "right")), 0.1);
        assertEquals(35.0, mm(mar.getAttributeNS(W, "bottom")), 0.1);
        Element grid = child(sect, "docGrid");
        assertEquals("linesAndChars", grid.getAttributeNS(W, "type"));
        assertEquals(225.0 / 22, mm(grid.getAttributeNS(W, "linePitch")), 0.05, "22 lines");
        // 28 characters: (pitch − 16 pt) × 4096 with pitch = 156 mm / 28
        double pitch = 156 / 25.4 * 72 / 28;
        assertEquals((pitch - 16) * 4096, Integer.parseInt(grid.getAttributeNS(W, "charSpace")), 5);
        assertEquals(2, sect.getElementsByTagNameNS(W, "footerReference").getLength());

        String styles = serialise(parts.get("word/styles.xml"));
        assertTrue(styles.contains("仿宋_GB2312") && styles.contains("方正小标宋简体"), styles);
        assertTrue(styles.contains("w:val=\"44\"") && styles.contains("w:val=\"32\""), "22 pt titles, 16 pt body");
        assertTrue(serialise(parts.get("word/fontTable.xml")).contains("Noto Serif CJK SC"));
        assertTrue(parts.get("word/settings.xml").getElementsByTagNameNS(W, "evenAndOddHeaders").getLength() == 1);
        assertTrue(serialise(parts.get("word/footer1.xml")).contains("w:val=\"right\""));
        assertTrue(serialise(parts.get("word/footer2.xml")).contains("w:val=\"left\""));
        assertTrue(serialise(parts.get("word/footer1.xml")).contains("PAGE"));

        StringBuilder text = new StringBuilder();
        NodeList ts = doc.getElementsByTagNameNS(W, "t");
        for (int i = 0; i < ts.getLength(); i++) {
            text.append(ts.item(i).getTextContent()).append('\n');
        }
        String all = text.toString();
        assertTrue(all.contains("<w:p>关于某地块的公告&amp;</w:p>"), "markup stays text: " + all);
        assertTrue(all.contains("第二段正文，<b>不是标记</b>"));
        assertTrue(all.indexOf("第一段正文") < all.indexOf("行政处罚决定书"));
        assertTrue(all.contains("案号：") && all.contains("衡阳县自然资源局") && all.contains("2026年3月2日"));
        assertFalse(doc.getElementsByTagNameNS(W, "b").getLength() > 0, "no injected elements");
    }

    private static double mm(String twips) {
        return Integer.parseInt(twips) / 1440.0 * 25.4;
    }

    private static Element child(Element parent, String name) {
        return (Element) parent.getElementsByTagNameNS(W, name).item(0);
    }

    static Map<String, Document> parts(byte[] docx) throws Exception {
        Map<String, Document> out = new LinkedHashMap<>();
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setNamespaceAware(true);
        dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(docx))) {
            for (ZipEntry z; (z = zip.getNextEntry()) != null; ) {
                out.put(z.getName(), dbf.newDocumentBuilder().parse(new ByteArrayInputStream(zip.readAllBytes())));
            }
        }
        return out;
    }

    static String serialise(Document d) throws IOException {
        try {
            java.io.StringWriter w = new java.io.StringWriter();
            javax.xml.transform.TransformerFactory.newInstance().newTransformer()
                    .transform(new javax.xml.transform.dom.DOMSource(d), new javax.xml.transform.stream.StreamResult(w));
            return w.toString();
        } catch (javax.xml.transform.TransformerException e) {
            throw new IOException(e);
        }
    }
}
