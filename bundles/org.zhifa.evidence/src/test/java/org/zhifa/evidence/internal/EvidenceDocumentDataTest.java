package org.zhifa.evidence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zhifa.api.common.Actor;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.document.DocumentRenderer;
import org.zhifa.api.document.DocumentTemplate;
import org.zhifa.api.evidence.EvidenceDraft;
import org.zhifa.api.evidence.EvidenceItem;
import org.zhifa.documents.internal.DocumentsConfig;
import org.zhifa.documents.internal.Renderer;
import org.zhifa.kind.penalty.internal.PenaltyKind;
import org.zhifa.testsupport.Configs;
import org.zhifa.testsupport.DocumentTemplateAssertions;

/** The 笔录 print each evidence item's hash (R2): the store's rows, filled into the penalty kind's template. */
class EvidenceDocumentDataTest {

    @TempDir
    Path root;

    private EvidenceItem store(EvidenceServiceImpl s, String name, String type, String step, Instant from, Instant to,
                               String content) {
        return s.store(new EvidenceDraft(name, type, 1L, step, null, null, from, to, null),
                new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), Fixture.OFFICER);
    }

    @Test
    void listsTheCaseAndTheStepWithHashesAndRecordingTimes() {
        EvidenceServiceImpl s = new Fixture(root).service();
        EvidenceItem video = store(s, "现场.mp4", "video/mp4", "investigation", Instant.parse("2026-03-02T01:00:00Z"),
                Instant.parse("2026-03-02T01:10:00Z"), "video");
        EvidenceItem photo = store(s, "照片.jpg", "image/jpeg", "review", Instant.parse("2026-03-03T02:30:00Z"), null, "photo");
        EvidenceItem scan = store(s, "扫描件.pdf", "application/pdf", "investigation", null, null, "scan");
        EvidenceDocumentData data = new EvidenceDocumentData(s, ZoneId.of("Asia/Shanghai"));

        Map<String, ?> f = data.fields(1L, "penalty.inspection", "investigation", Fixture.REVIEWER);
        assertEquals(List.of("现场.mp4", "照片.jpg", "扫描件.pdf"), f.get("evidence.name"));
        assertEquals(List.of(video.hash(), photo.hash(), scan.hash()), f.get("evidence.hash"));
        assertEquals(List.of(video.hash(), scan.hash()), f.get("evidence.step.hash"));
        List<?> at = (List<?>) f.get("evidence.recordedAt");
        assertEquals("2026-03-02 09:00 至 09:10", at.get(0), "in the bureau's zone, the end without its date");
        assertEquals("2026-03-03 10:30", at.get(1));
        assertTrue(((String) at.get(2)).startsWith("上传于 "), "no recording time: the upload's, marked as such");
        assertEquals(List.of("", "", ""), f.get("evidence.device"));
        assertTrue(f.keySet().stream().allMatch(k -> k.startsWith("evidence.")), f.keySet().toString());
        // no step: nothing under evidence.step
        assertEquals(List.of(), data.fields(1L, "x", null, Fixture.OFFICER).get("evidence.step.name"));
        // reading is refused like the store's own reads
        assertThrows(ZhifaException.class, () -> data.fields(1L, "x", null, new Actor("public", java.util.Set.of())));
    }

    @Test
    void theInspectionRecordPrintsEveryHashOfItsStep() throws IOException {
        EvidenceServiceImpl s = new Fixture(root).service();
        EvidenceItem video = store(s, "现场检查.mp4", "video/mp4", "investigation",
                Instant.parse("2026-03-02T01:00:00Z"), Instant.parse("2026-03-02T01:10:00Z"), "第一段");
        EvidenceItem photo = store(s, "勘测图.jpg", "image/jpeg", "investigation", null, null, "图");
        EvidenceItem other = store(s, "听证.mp3", "audio/mpeg", "hearing", null, null, "听证录音");
        PenaltyKind kind = new PenaltyKind(Configs.defaults(org.zhifa.kind.penalty.internal.PenaltyConfig.class));
        DocumentTemplate t = DocumentTemplateAssertions.parse(kind.getClass().getClassLoader(), "penalty.inspection");

        Map<String, Object> fields = new HashMap<>();
        for (DocumentTemplate.Field f : t.fields()) {
            if (f.required()) {
                fields.put(f.name(), f.list() ? List.of("王建国") : "样例");
            }
        }
        fields.putAll(new EvidenceDocumentData(s, ZoneId.of("Asia/Shanghai"))
                .fields(1L, "penalty.inspection", "investigation", Fixture.OFFICER));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new Renderer(Configs.defaults(DocumentsConfig.class)).render(t, fields, DocumentRenderer.Format.PDF, out);
        Files.createDirectories(Path.of("target", "documents"));
        Files.write(Path.of("target", "documents", "penalty.inspection-with-evidence.pdf"), out.toByteArray());

        String text = flat(pdfText(out.toByteArray()));
        assertTrue(text.contains(video.hash()), "the video's hash is printed:\n" + text);
        assertTrue(text.contains(photo.hash()), "the photo's hash is printed");
        assertTrue(text.contains("现场检查.mp4") && text.contains("勘测图.jpg"), text);
        assertTrue(text.contains("2026-03-0209:00至09:10"), text);
        assertFalse(text.contains(other.hash()), "a hearing's recording is not evidence of the inspection");
    }

    private static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            // in the order the writer drew it (cell by cell): sorted by position, the lines of a wrapped
            // hash interleave with the lines of the columns beside it
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(false);
            return stripper.getText(doc);
        }
    }

    /** Without white space: a 64-digit hash wraps inside its column. */
    private static String flat(String text) {
        return text.replaceAll("\\s+", "");
    }
}
