package org.zhifa.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;
import org.zhifa.itests.support.Bureau;

/**
 * Enforcement documents inside the built bureau: the embedded OpenPDF and POI work under OSGi, the
 * Chinese font is found and embedded, and the shipped template is picked up by the extender.
 */
class DocumentsIT {
    private static final String RECEIPT = "zhifa:document-render service.receipt %s bureau.name=衡阳县自然资源局 "
            + "document.name=行政处罚决定书 document.no=衡县自然资罚〔2026〕12号 recipient.name=张三 "
            + "service.address=衡阳县西渡镇 service.method=直接送达 servers=王建国、李明";

    private final Bureau bureau = Bureau.shared();

    @Test
    void theShippedTemplateIsListed() {
        String list = bureau.admin("zhifa:document-templates");
        assertTrue(list.contains("service.receipt") && list.contains("送达回证"), list);
    }

    @Test
    void rendersAPdfWithTheChineseFontEmbedded() throws IOException {
        String out = bureau.admin(String.format(RECEIPT, "documents-it/receipt.pdf"));
        assertTrue(out.contains("PDF"), out);
        byte[] pdf = Files.readAllBytes(bureau.home.resolve("documents-it/receipt.pdf"));
        String raw = new String(pdf, StandardCharsets.ISO_8859_1);
        assertTrue(raw.startsWith("%PDF-"), "a PDF");
        assertTrue(raw.contains("/FontFile3") && raw.contains("/CIDFontType0C"), "the CJK font program is embedded");
        assertTrue(raw.contains("NotoSerifCJKsc"), "the configured Noto Serif CJK SC face");
        assertTrue(pdf.length < 400_000, "a subset, not the whole collection: " + pdf.length);
    }

    @Test
    void rendersAnEditableDocx() throws IOException {
        bureau.admin(String.format(RECEIPT, "documents-it/receipt.docx"));
        Path docx = bureau.home.resolve("documents-it/receipt.docx");
        try (ZipFile zip = new ZipFile(docx.toFile())) {
            String body = new String(zip.getInputStream(zip.getEntry("word/document.xml")).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertTrue(body.contains("送达回证") && body.contains("张三") && body.contains("<w:tbl>"), body);
            assertTrue(body.contains("w:eastAsia=\"Noto Serif CJK SC\""), "the Chinese font is named");
        }
    }

    @Test
    void aMissingFieldIsRefusedByName() {
        Bureau.Shell r = bureau.client("admin", "admin",
                "zhifa:document-render service.receipt documents-it/incomplete.pdf bureau.name=衡阳县自然资源局");
        assertNotEquals(0, r.exit(), r.output());
        assertTrue(r.output().contains("DOCUMENT_FIELD_MISSING"), r.output());
        assertTrue(r.output().contains("送达文书名称"), r.output());
        assertEquals(false, Files.exists(bureau.home.resolve("documents-it/incomplete.pdf")));
    }
}
