package org.zhifa.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The offline check of a 双随机 draw file (S3): a good file verifies, every kind of tampering is located. */
class DrawFileVerifierTest {

    @TempDir
    Path dir;

    private static List<String> codes(Report r) {
        return r.findings().stream().map(Finding::code).toList();
    }

    @Test
    void aGoodDrawFileVerifiesAndSaysWhatWasChecked() throws Exception {
        TestDrawFile d = new TestDrawFile();
        Path f = d.write(dir, "draw.json");
        assertTrue(DrawFileVerifier.isDrawFile(f));
        Report r = DrawFileVerifier.verify(f, TestArchive.pem(d.key));
        assertTrue(r.ok(), () -> r.findings().toString());
        assertEquals(12, r.files());
        assertEquals(4, r.entries());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = Main.run(new String[] {f.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8));
        assertEquals(0, exit, out.toString(StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("验证通过：抽取 抽查〔2026〕2号 #1"), out::toString);
    }

    @Test
    void aChangedSnapshotIsFound() throws Exception {
        TestDrawFile d = new TestDrawFile();
        ((ObjectNode) d.file.path("snapshots").path("targets").get(3)).put("name", "另一家公司");
        Report r = DrawFileVerifier.verify(d.write(dir, "draw.json"), null);
        assertEquals(List.of("SNAPSHOT_CHANGED"), codes(r));
        assertEquals("snapshots.targets", r.findings().get(0).location());
    }

    @Test
    void aRemovedInspectorChangesTheHashAndTheDraw() throws Exception {
        TestDrawFile d = new TestDrawFile();
        ((com.fasterxml.jackson.databind.node.ArrayNode) d.file.path("snapshots").path("inspectors")).remove(4);
        Report r = DrawFileVerifier.verify(d.write(dir, "draw.json"), null);
        assertTrue(codes(r).contains("SNAPSHOT_CHANGED"), codes(r)::toString);
        assertTrue(codes(r).contains("DRAW_RESULT_DIFFERS") || codes(r).contains("DRAW_RERUN_FAILED"), codes(r)::toString);
    }

    @Test
    void anEditedResultInTheEntryBreaksItsLeaf() throws Exception {
        TestDrawFile d = new TestDrawFile();
        ObjectNode made = (ObjectNode) d.file.path("entries").path("made");
        made.put("payload", made.path("payload").asText().replaceFirst("\"target\":\"\\d+\"", "\"target\":\"12\""));
        Report r = DrawFileVerifier.verify(d.write(dir, "draw.json"), null);
        assertEquals(List.of("ENTRY_CHANGED"), codes(r));
        assertEquals("entries.made", r.findings().get(0).location());
    }

    @Test
    void aKeyThatDoesNotFollowFromTheValuesIsFoundEvenWhenSigned() throws Exception {
        TestDrawFile d = new TestDrawFile();
        d.build("0123456789abcdef", true);
        Report r = DrawFileVerifier.verify(d.write(dir, "draw.json"), TestArchive.pem(d.key));
        assertEquals(List.of("DRAW_KEY_MISMATCH"), codes(r));
    }

    @Test
    void aDrawWithoutItsAnnouncementIsFound() throws Exception {
        TestDrawFile d = new TestDrawFile();
        d.build(org.zhifa.api.spotcheck.DrawAlgorithm.key(d.sources), false);
        Report r = DrawFileVerifier.verify(d.write(dir, "draw.json"), null);
        assertEquals(List.of("DRAW_NOT_ANNOUNCED"), codes(r));
    }

    @Test
    void aForgedTreeHeadAndAnotherKeyAreFound() throws Exception {
        TestDrawFile d = new TestDrawFile();
        ((ObjectNode) d.file.path("treeHead")).put("timestamp", "2027-01-01T00:00:00.000Z");
        Report r = DrawFileVerifier.verify(d.write(dir, "draw.json"), TestArchive.pem(TestArchive.otherKey()));
        assertTrue(codes(r).containsAll(List.of("KEY_MISMATCH", "KEY_ID_MISMATCH", "STH_FORGED")), codes(r)::toString);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = Main.run(new String[] {d.write(dir, "bad.json").toString(), "--lang", "en"},
                new PrintStream(out, true, StandardCharsets.UTF_8));
        assertEquals(1, exit);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("STH_FORGED  treeHead"), out::toString);
    }

    @Test
    void notADrawFileIsUnusable() throws Exception {
        TestDrawFile d = new TestDrawFile();
        d.file.put("format", "something-else");
        Report r = DrawFileVerifier.verify(d.write(dir, "draw.json"), null);
        assertEquals(2, r.exitCode());
        assertEquals("FORMAT_UNSUPPORTED", r.unusable().code());
    }
}
