package org.zhifa.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.node.ObjectNode;

class CaseFileVerifierTest {

    @TempDir
    Path dir;

    @Test
    void aGoodArchiveVerifies() throws Exception {
        TestArchive a = new TestArchive("SHA-256");
        Report r = CaseFileVerifier.verify(a.write(dir, "good.zip"), null);
        assertTrue(r.ok(), () -> r.findings().toString());
        assertEquals(0, r.exitCode());
        assertEquals(4, r.entries());
        assertEquals(4, r.files());
    }

    @Test
    void anSm3ArchiveVerifies() throws Exception {
        TestArchive a = new TestArchive("SM3");
        assertEquals(64, a.evidenceHash.length());
        Report r = CaseFileVerifier.verify(a.write(dir, "sm3.zip"), TestArchive.pem(a.key));
        assertTrue(r.ok(), () -> r.findings().toString());
    }

    @Test
    void aChangedDocumentByteIsLocated() throws Exception {
        TestArchive a = new TestArchive("SHA-256");
        a.files.get("documents/penalty.decision.pdf")[3] ^= 1;
        Report r = CaseFileVerifier.verify(a.write(dir, "doc.zip"), null);
        assertOnly(r, "FILE_CHANGED", "documents/penalty.decision.pdf");
    }

    @Test
    void aDocumentChangedWithItsManifestLineIsNotAnchored() throws Exception {
        TestArchive a = new TestArchive("SHA-256");
        byte[] doc = a.files.get("documents/penalty.notice.pdf");
        doc[0] ^= 1;
        ObjectNode f = (ObjectNode) a.manifest.get("files").get(1);
        f.put("hash", a.hash(doc));
        a.writeRecord();
        Report r = CaseFileVerifier.verify(a.write(dir, "doc2.zip"), null);
        assertOnly(r, "FILES_NOT_ANCHORED", "manifest.json files");
    }

    @Test
    void aChangedEntryFieldIsLocatedBySeq() throws Exception {
        TestArchive a = new TestArchive("SHA-256");
        a.caseLines.set(2, a.caseLines.get(2).replace("\"actor\":\"officer\"", "\"actor\":\"leader\""));
        a.writeRecord();
        Report r = CaseFileVerifier.verify(a.write(dir, "entry.zip"), null);
        assertOnly(r, "ENTRY_CHANGED", "record/entries.jsonl#3 seq 3");
        assertEquals(3, r.findings().get(0).seq());
    }

    @Test
    void aChangedPayloadIsLocated() throws Exception {
        TestArchive a = new TestArchive("SHA-256");
        a.caseLines.set(0, a.caseLines.get(0).replace("某某占用耕地案", "某某临时用地案"));
        a.writeRecord();
        assertOnly(CaseFileVerifier.verify(a.write(dir, "payload.zip"), null), "ENTRY_CHANGED", "record/entries.jsonl#1 seq 1");
    }

    @Test
    void swappedEntriesAreLocated() throws Exception {
        TestArchive a = new TestArchive("SHA-256");
        String first = a.caseLines.get(0);
        a.caseLines.set(0, a.caseLines.get(1));
        a.caseLines.set(1, first);
        a.writeRecord();
        Report r = CaseFileVerifier.verify(a.write(dir, "swap.zip"), null);
        assertOnly(r, "ENTRY_ORDER", "record/entries.jsonl#2 seq 1");
    }

    @Test
    void anEntryMovedToAnotherSeqFailsItsProof() throws Exception {
        TestArchive a = new TestArchive("SHA-256");
        // claims seq 4 with a leaf recomputed for seq 4, but the tree holds another entry there
        ObjectNode j = (ObjectNode) TestArchive.JSON.readTree(a.caseLines.get(2));
        j.put("seq", 4);
        var e = a.log.get(3);
        var moved = new org.zhifa.api.record.RecordEntry(4, e.at(), e.bureau(), e.objectType(), e.objectId(), e.step(),
                e.actor(), e.entryType(), e.payload(), e.evidenceHashes(), null);
        j.put("leafHash", Hashing.hex(new MerkleCheck("SHA-256").leaf(moved.leafInput())));
        ((ObjectNode) j.get("proof")).put("leafIndex", 4);
        a.caseLines.set(2, TestArchive.JSON.writeValueAsString(j));
        a.writeRecord();
        assertOnly(CaseFileVerifier.verify(a.write(dir, "moved.zip"), null), "PROOF_INVALID", "record/entries.jsonl#3 seq 4");
    }

    @Test
    void aRemovedEvidenceFileIsLocated() throws Exception {
        TestArchive a = new TestArchive("SHA-256");
        String path = "evidence/" + a.evidenceHash + ".mp4";
        a.files.remove(path);
        Report r = CaseFileVerifier.verify(a.write(dir, "noevidence.zip"), null);
        assertEquals(List.of("FILE_MISSING " + path, "EVIDENCE_MISSING record/entries.jsonl#2 seq 2"), codes(r));
        assertEquals(1, r.exitCode());
    }

    @Test
    void aChangedEvidenceByteIsLocated() throws Exception {
        TestArchive a = new TestArchive("SHA-256");
        String path = "evidence/" + a.evidenceHash + ".mp4";
        a.files.get(path)[50_000] ^= 1;
        Report r = CaseFileVerifier.verify(a.write(dir, "evidence.zip"), null);
        assertEquals(List.of("FILE_CHANGED " + path, "EVIDENCE_CHANGED " + path), codes(r));
    }

    @Test
    void evidenceListedAsAReferenceNeedNotBeInside() throws Exception {
        TestArchive a = new TestArchive("SHA-256");
        String path = "evidence/" + a.evidenceHash + ".mp4";
        a.files.remove(path);
        // a reference is part of the anchored file list only through the manifest's evidence section
        ((ObjectNode) a.manifest.get("evidence").get(0)).putNull("path").put("reference", true);
        a.manifest.withArray("files").remove(2);
        a.writeRecord();
        Report r = CaseFileVerifier.verify(a.write(dir, "reference.zip"), null);
        // the exporter anchors the list it wrote: this hand-edited one is not the anchored one
        assertOnly(r, "FILES_NOT_ANCHORED", "manifest.json files");
    }

    @Test
    void aForgedTreeHeadIsDetected() throws Exception {
        TestArchive a = new TestArchive("SHA-256");
        ObjectNode h = (ObjectNode) a.manifest.get("treeHead");
        h.put("timestamp", "2027-01-01T00:00:00.000Z");
        a.writeRecord();
        assertOnly(CaseFileVerifier.verify(a.write(dir, "forged.zip"), null), "STH_FORGED", "treeHead 7");
    }

    @Test
    void aTreeHeadSignedByAnotherKeyFailsAgainstTheBureauKey() throws Exception {
        TestArchive a = new TestArchive("SHA-256");
        String bureauKey = TestArchive.pem(a.key);
        // the forger signs with its own key and puts that key into the manifest: self-consistent ...
        TestArchive forged = new TestArchive("SHA-256");
        assertTrue(CaseFileVerifier.verify(forged.write(dir, "self.zip"), null).ok());
        // ... but not with the bureau's published key
        Report r = CaseFileVerifier.verify(forged.write(dir, "self2.zip"), bureauKey);
        assertEquals(List.of("KEY_MISMATCH manifest.json publicKey", "KEY_ID_MISMATCH treeHead 7", "STH_FORGED treeHead 7"),
                codes(r));
    }

    @Test
    void aWrongPublicKeyIsReported() throws Exception {
        TestArchive a = new TestArchive("SHA-256");
        Report r = CaseFileVerifier.verify(a.write(dir, "key.zip"), TestArchive.pem(TestArchive.otherKey()));
        assertEquals(List.of("KEY_MISMATCH manifest.json publicKey", "KEY_ID_MISMATCH treeHead 7", "STH_FORGED treeHead 7"),
                codes(r));
    }

    @Test
    void aZipPathTrickIsReportedAndNotRead() throws Exception {
        TestArchive a = new TestArchive("SHA-256");
        a.files.put("../../etc/cron.d/evil", "x".getBytes(StandardCharsets.UTF_8));
        a.files.put("documents/../../evil.pdf", "x".getBytes(StandardCharsets.UTF_8));
        a.files.put("/abs.pdf", "x".getBytes(StandardCharsets.UTF_8));
        Report r = CaseFileVerifier.verify(a.write(dir, "trick.zip"), null);
        assertEquals(List.of("UNSAFE_PATH ../../etc/cron.d/evil", "UNSAFE_PATH documents/../../evil.pdf",
                "UNSAFE_PATH /abs.pdf"), codes(r));
        assertTrue(Files.notExists(dir.getParent().resolve("evil.pdf")));
    }

    @Test
    void anExtraFileIsReported() throws Exception {
        TestArchive a = new TestArchive("SHA-256");
        a.files.put("documents/extra.pdf", "x".getBytes(StandardCharsets.UTF_8));
        assertOnly(CaseFileVerifier.verify(a.write(dir, "extra.zip"), null), "UNLISTED_FILE", "documents/extra.pdf");
    }

    @Test
    void unusableInputExitsWithTwo() throws Exception {
        Path notZip = Files.writeString(dir.resolve("x.zip"), "not a zip");
        Report r = CaseFileVerifier.verify(notZip, null);
        assertEquals(2, r.exitCode());
        assertEquals("UNUSABLE_ZIP", r.unusable().code());
        TestArchive a = new TestArchive("SHA-256");
        a.files.remove("manifest.json");
        assertEquals("MANIFEST_MISSING", CaseFileVerifier.verify(a.write(dir, "nomanifest.zip"), null).unusable().code());
    }

    @Test
    void theCommandLinePrintsInChineseByDefaultAndInEnglishOnRequest() throws Exception {
        TestArchive a = new TestArchive("SHA-256");
        Path good = a.write(dir, "good.zip");
        assertEquals(0, run(good.toString()).code);
        assertTrue(run(good.toString()).text.startsWith("验证通过：案卷 衡国土资罚〔2026〕7号"));
        a.files.get("documents/penalty.decision.pdf")[0] ^= 1;
        Path bad = a.write(dir, "bad.zip");
        Out zh = run(bad.toString());
        assertEquals(1, zh.code);
        assertTrue(zh.text.contains("FILE_CHANGED  documents/penalty.decision.pdf  文件内容被改动"), zh.text);
        Out en = run(bad.toString(), "--lang", "en");
        assertTrue(en.text.startsWith("FAILED: case file"), en.text);
        assertTrue(en.text.contains("FILE_CHANGED  documents/penalty.decision.pdf  the file was changed"), en.text);
        Path pem = Files.writeString(dir.resolve("bureau.pem"), TestArchive.pem(a.key));
        assertEquals(1, run(bad.toString(), "--public-key", pem.toString()).code);
        assertEquals(2, run().code);
        assertEquals(2, run(dir.resolve("missing.zip").toString()).code);
        Out usage = run("--lang", "en");
        assertTrue(usage.text.startsWith("Usage:"), usage.text);
    }

    record Out(int code, String text) {}

    private static Out run(String... args) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(b, true, StandardCharsets.UTF_8));
        return new Out(code, b.toString(StandardCharsets.UTF_8));
    }

    private static List<String> codes(Report r) {
        assertNotNull(r.findings());
        return r.findings().stream().map(f -> f.code() + " " + f.location()).toList();
    }

    private static void assertOnly(Report r, String code, String location) {
        assertEquals(List.of(code + " " + location), codes(r));
        assertEquals(1, r.exitCode());
        // every finding has a message in both languages
        r.findings().forEach(f -> {
            assertTrue(!Main.text(Locale.SIMPLIFIED_CHINESE, f.code()).equals(f.code()));
            assertTrue(!Main.text(Locale.ENGLISH, f.code()).equals(f.code()));
        });
    }
}
