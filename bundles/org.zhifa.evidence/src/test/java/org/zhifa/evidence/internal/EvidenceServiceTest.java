package org.zhifa.evidence.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.evidence.AvCoverage;
import org.zhifa.api.evidence.Device;
import org.zhifa.api.evidence.EvidenceDraft;
import org.zhifa.api.evidence.EvidenceItem;
import org.zhifa.api.evidence.EvidenceRetention;
import org.zhifa.api.evidence.UploadSession;
import org.zhifa.api.kind.AvRule;
import org.zhifa.api.record.Problem;
import org.zhifa.api.record.RecordEntry;
import org.zhifa.api.record.VerificationContributor;
import org.zhifa.api.record.VerificationProgress;

class EvidenceServiceTest {

    @TempDir
    Path root;

    private static EvidenceDraft photo(String name) {
        return new EvidenceDraft(name, "image/jpeg", 1L, "investigation", null, "衡阳县西渡镇", null, null, null);
    }

    private static EvidenceDraft video(Instant from, Instant to) {
        return new EvidenceDraft("clip.mp4", "video/mp4", 1L, "investigation", null, null, from, to, null);
    }

    private static InputStream bytes(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    private static long files(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void storesContentAddressedAndRecordsTheHash() throws Exception {
        Fixture f = new Fixture(root);
        EvidenceServiceImpl s = f.service();
        EvidenceItem item = s.store(photo("现场照片.jpg"), bytes("photo bytes"), Fixture.OFFICER);

        String hash = sha256("photo bytes".getBytes(StandardCharsets.UTF_8));
        assertEquals(hash, item.hash());
        Path file = root.resolve(hash.substring(0, 2)).resolve(hash.substring(2, 4)).resolve(hash);
        assertEquals("photo bytes", Files.readString(file));
        assertFalse(Files.getPosixFilePermissions(file).contains(java.nio.file.attribute.PosixFilePermission.OWNER_WRITE),
                "stored files are read-only");
        RecordEntry e = f.log.ofType("evidence.stored").get(0);
        assertEquals(List.of(hash), e.evidenceHashes());
        assertEquals("evidence", e.objectType());
        assertEquals(Long.toString(item.id()), e.objectId());
        assertEquals(e.seq(), item.recordSeq());
        assertEquals(item, s.find(item.id(), Fixture.REVIEWER).orElseThrow());
        assertEquals(List.of(item), s.ofCase(1, Fixture.LEADER));
    }

    @Test
    void sameContentIsStoredOnceAndNeverOverwritten() throws Exception {
        Fixture f = new Fixture(root);
        EvidenceServiceImpl s = f.service();
        String hash = sha256("same".getBytes(StandardCharsets.UTF_8));
        // a file already under the hash's name stays as it is, even if (tampered) its bytes differ
        Path file = root.resolve(hash.substring(0, 2)).resolve(hash.substring(2, 4)).resolve(hash);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "existing");
        EvidenceItem a = s.store(photo("a.jpg"), bytes("same"), Fixture.OFFICER);
        EvidenceItem b = s.store(photo("b.jpg"), bytes("same"), Fixture.OFFICER);
        assertEquals(a.hash(), b.hash());
        assertTrue(a.id() != b.id());
        assertEquals("existing", Files.readString(file));
        assertEquals(1, files(root));
        assertEquals(2, f.count("EVIDENCE_ITEM"));
    }

    @Test
    void oversizeLeavesNoFileNoRowNoEntry() throws Exception {
        Fixture f = new Fixture(root);
        EvidenceServiceImpl s = f.service(Map.of("maxBytes", 1000L));
        ZhifaException e = assertThrows(ZhifaException.class,
                () -> s.store(photo("big.jpg"), new ByteArrayInputStream(new byte[1001]), Fixture.OFFICER));
        assertEquals(ZhifaException.Kind.INVALID, e.kind());
        assertEquals("evidence.too.large", e.code());
        assertEquals(0, files(root));
        assertEquals(0, f.count("EVIDENCE_ITEM"));
        assertTrue(f.log.entries.isEmpty());
        assertEquals(1000, s.store(photo("ok.jpg"), new ByteArrayInputStream(new byte[1000]), Fixture.OFFICER).size());
    }

    @Test
    void aFailedRecordAppendUndoesTheNewFile() throws Exception {
        Fixture f = new Fixture(root);
        EvidenceServiceImpl s = f.service();
        f.log.failNext = new IllegalStateException("log down");
        assertThrows(IllegalStateException.class, () -> s.store(photo("a.jpg"), bytes("x"), Fixture.OFFICER));
        assertEquals(0, files(root));
        assertEquals(0, f.count("EVIDENCE_ITEM"));
    }

    @Test
    void refusesBadMetadataAndRoles() {
        Fixture f = new Fixture(root);
        EvidenceServiceImpl s = f.service();
        for (String name : new String[] {"../../etc/passwd", "a/b.jpg", "a\\b.jpg", "nul\u0000.jpg", "<script>.jpg",
                "x".repeat(256), " "}) {
            ZhifaException e = assertThrows(ZhifaException.class, () -> s.store(photo(name), bytes("x"), Fixture.OFFICER),
                    name);
            assertEquals(ZhifaException.Kind.INVALID, e.kind());
        }
        assertThrows(ZhifaException.class, () -> s.store(new EvidenceDraft("a.jpg", "image/jpeg", 1L, "investigation",
                null, "<b>place</b>", null, null, null), bytes("x"), Fixture.OFFICER));
        assertEquals("evidence.case.unknown", assertThrows(ZhifaException.class, () -> s.store(
                new EvidenceDraft("a.jpg", "image/jpeg", 99L, "investigation", null, null, null, null, null),
                bytes("x"), Fixture.OFFICER)).code());
        assertEquals(ZhifaException.Kind.FORBIDDEN, assertThrows(ZhifaException.class,
                () -> s.store(photo("a.jpg"), bytes("x"), Fixture.REVIEWER)).kind());
        assertEquals(0, f.count("EVIDENCE_ITEM"));
    }

    @Test
    void streamsAFileLargerThanTheHeap() throws Exception {
        long size = 256L * 1024 * 1024;
        assertTrue(Runtime.getRuntime().maxMemory() < size, "run with a heap smaller than the file (see the pom)");
        Fixture f = new Fixture(root);
        EvidenceServiceImpl s = f.service();
        MessageDigest expected = MessageDigest.getInstance("SHA-256");
        EvidenceItem item = s.store(new EvidenceDraft("long.mp4", "video/mp4", 1L, "investigation", null, null, null,
                null, null), new Generated(size, expected), Fixture.OFFICER);
        assertEquals(size, item.size());
        assertEquals(HexFormat.of().formatHex(expected.digest()), item.hash());
        assertEquals(size, Files.size(s.store().path(item.hash())));
    }

    /** Pseudo-random bytes, generated as read; digests what it hands out. */
    static final class Generated extends InputStream {
        private final long size;
        private final MessageDigest digest;
        private long pos;
        private long seed = 42;

        Generated(long size, MessageDigest digest) {
            this.size = size;
            this.digest = digest;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (pos >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - pos);
            for (int i = 0; i < n; i++) {
                seed = seed * 6364136223846793005L + 1442695040888963407L;
                b[off + i] = (byte) (seed >>> 56);
            }
            digest.update(b, off, n);
            pos += n;
            return n;
        }
    }

    @Test
    void chunkedUploadResumesAfterAReconnectAndChecksTheHash() throws Exception {
        Fixture f = new Fixture(root);
        EvidenceServiceImpl s = f.service();
        byte[] content = "0123456789abcdefghij".getBytes(StandardCharsets.UTF_8);
        UploadSession u = s.startUpload(video(null, null), content.length, Fixture.OFFICER);
        assertEquals(0, u.received());
        s.appendChunk(u.id(), 0, new ByteArrayInputStream(content, 0, 8), Fixture.OFFICER);

        ZhifaException wrong = assertThrows(ZhifaException.class,
                () -> s.appendChunk(u.id(), 4, new ByteArrayInputStream(content, 4, 4), Fixture.OFFICER));
        assertEquals(ZhifaException.Kind.CONFLICT, wrong.kind());
        assertTrue(wrong.messageEn().contains("continue at 8"), wrong.messageEn());
        assertTrue(wrong.messageZh().contains("8"), wrong.messageZh());

        // "reconnect": a fresh service over the same store finds the upload where it was
        EvidenceServiceImpl again = f.service();
        assertEquals(8, again.upload(u.id(), Fixture.OFFICER).orElseThrow().received());
        ZhifaException early = assertThrows(ZhifaException.class, () -> again.finishUpload(u.id(), null, Fixture.OFFICER));
        assertEquals("evidence.upload.incomplete", early.code());
        ZhifaException beyond = assertThrows(ZhifaException.class, () -> again.appendChunk(u.id(), 8,
                new ByteArrayInputStream(new byte[20]), Fixture.OFFICER));
        assertEquals("evidence.upload.beyond", beyond.code());
        assertEquals(8, again.upload(u.id(), Fixture.OFFICER).orElseThrow().received(), "a refused chunk is cut back");
        again.appendChunk(u.id(), 8, new ByteArrayInputStream(content, 8, 12), Fixture.OFFICER);
        EvidenceItem item = again.finishUpload(u.id(), sha256(content).toUpperCase(), Fixture.OFFICER);
        assertEquals(sha256(content), item.hash());
        assertEquals(20, item.size());
        assertTrue(again.upload(u.id(), Fixture.OFFICER).isEmpty());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        again.copy(item.id(), 3, 9, out, Fixture.REVIEWER);
        assertArrayEquals("3456789".getBytes(StandardCharsets.UTF_8), out.toByteArray());
    }

    @Test
    void aHashMismatchStoresNothing() throws Exception {
        Fixture f = new Fixture(root);
        EvidenceServiceImpl s = f.service();
        UploadSession u = s.startUpload(video(null, null), 3, Fixture.OFFICER);
        s.appendChunk(u.id(), 0, bytes("abc"), Fixture.OFFICER);
        ZhifaException e = assertThrows(ZhifaException.class,
                () -> s.finishUpload(u.id(), "0".repeat(64), Fixture.OFFICER));
        assertEquals("evidence.hash.mismatch", e.code());
        assertEquals(0, f.count("EVIDENCE_ITEM"));
        assertTrue(f.log.entries.isEmpty());
        assertEquals(0, files(root));
        assertEquals("evidence.too.large", assertThrows(ZhifaException.class,
                () -> f.service(Map.of("maxBytes", 10L)).startUpload(video(null, null), 11, Fixture.OFFICER)).code());
    }

    @Test
    void abandonedUploadsAreCleaned() throws Exception {
        Fixture f = new Fixture(root);
        EvidenceServiceImpl s = f.service();
        UploadSession u = s.startUpload(video(null, null), 10, Fixture.OFFICER);
        s.appendChunk(u.id(), 0, bytes("abc"), Fixture.OFFICER);
        assertEquals(0, s.cleanAbandoned(Instant.now()));
        assertTrue(s.upload(u.id(), Fixture.OFFICER).isPresent());
        assertEquals(1, s.cleanAbandoned(Instant.now().plus(25, ChronoUnit.HOURS)));
        assertTrue(s.upload(u.id(), Fixture.OFFICER).isEmpty());
    }

    @Test
    void devicesKeepRevisionsAndTheRulesOfUse() {
        Fixture f = new Fixture(root);
        EvidenceServiceImpl s = f.service();
        Instant checked = Instant.now().minus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
        EvidenceDraft withDevice = new EvidenceDraft("a.mp4", "video/mp4", 1L, "investigation", "DSJ-001", null,
                null, null, null);
        assertEquals("evidence.device.unknown", assertThrows(ZhifaException.class,
                () -> s.store(withDevice, bytes("v"), Fixture.OFFICER)).code());
        assertEquals(ZhifaException.Kind.FORBIDDEN, assertThrows(ZhifaException.class, () -> s.saveDevice(
                new Device("DSJ-001", "执法记录仪", null, null, Device.Status.ACTIVE, checked, null, 0, null, null),
                Fixture.OFFICER)).kind());
        Device d1 = s.saveDevice(new Device("DSJ-001", "执法记录仪", "DSJ-V8", "王建国", Device.Status.ACTIVE,
                Instant.now().minus(200, ChronoUnit.DAYS), null, 0, null, null), Fixture.ADMIN);
        assertEquals(1, d1.revision());
        assertEquals("evidence.device.clock", assertThrows(ZhifaException.class,
                () -> s.store(withDevice, bytes("v"), Fixture.OFFICER)).code());
        EvidenceItem warned = f.service(Map.of("clockCheckPolicy", "warn")).store(withDevice, bytes("v"), Fixture.OFFICER);
        assertTrue(f.log.entries.get((int) warned.recordSeq()).payload().contains("\"clockCheckOverdue\":true"));

        Device d2 = s.saveDevice(new Device("DSJ-001", "执法记录仪", "DSJ-V8", "王建国", Device.Status.ACTIVE, checked,
                null, 1, null, null), Fixture.ADMIN);
        assertEquals(2, d2.revision());
        s.store(withDevice, bytes("v2"), Fixture.OFFICER);
        assertEquals(ZhifaException.Kind.CONFLICT, assertThrows(ZhifaException.class, () -> s.saveDevice(
                new Device("DSJ-001", "执法记录仪", null, null, Device.Status.REPAIR, checked, null, 1, null, null),
                Fixture.ADMIN)).kind());
        s.saveDevice(new Device("DSJ-001", "执法记录仪", "DSJ-V8", "王建国", Device.Status.RETIRED, checked, "报废", 2,
                null, null), Fixture.ADMIN);
        assertEquals("evidence.device.inactive", assertThrows(ZhifaException.class,
                () -> s.store(withDevice, bytes("v3"), Fixture.OFFICER)).code());
        assertEquals(ZhifaException.Kind.CONFLICT, assertThrows(ZhifaException.class, () -> s.saveDevice(
                new Device("DSJ-001", "执法记录仪", null, null, Device.Status.ACTIVE, checked, null, 3, null, null),
                Fixture.ADMIN)).kind());
        assertEquals(List.of(1, 2, 3), s.deviceHistory("DSJ-001", Fixture.OFFICER).stream().map(Device::revision).toList());
        assertTrue(s.devices(false, Fixture.OFFICER).isEmpty());
        assertEquals(1, s.devices(true, Fixture.OFFICER).size());
        assertEquals(3, f.log.ofType("device.changed").size());
    }

    @Test
    void coverageFindsMissingAudioVideoAndUnexplainedGaps() {
        Fixture f = new Fixture(root);
        EvidenceServiceImpl s = f.service();
        assertTrue(s.coverage(1, "investigation", AvRule.NONE).satisfied());
        AvCoverage none = s.coverage(1, "investigation", AvRule.REQUIRED);
        assertFalse(none.satisfied());
        assertTrue(none.messageZh().contains("investigation"));
        s.store(photo("p.jpg"), bytes("photo"), Fixture.OFFICER);
        assertFalse(s.coverage(1, "investigation", AvRule.REQUIRED).satisfied(), "a photo is not audio/video");

        Instant t0 = Instant.parse("2026-03-02T01:00:00Z");
        s.store(video(t0, t0.plusSeconds(600)), bytes("v1"), Fixture.OFFICER);
        assertTrue(s.coverage(1, "investigation", AvRule.REQUIRED).satisfied());
        assertTrue(s.coverage(1, "investigation", AvRule.UNINTERRUPTED).satisfied());
        assertFalse(s.coverage(1, "seizing", AvRule.REQUIRED).satisfied(), "another step's video does not count");

        s.store(video(t0.plusSeconds(630), t0.plusSeconds(900)), bytes("v2"), Fixture.OFFICER); // 30 s: tolerated
        s.store(video(t0.plusSeconds(1200), t0.plusSeconds(1500)), bytes("v3"), Fixture.OFFICER); // 5 min gap
        AvCoverage gap = s.coverage(1, "investigation", AvRule.UNINTERRUPTED);
        assertFalse(gap.satisfied());
        assertEquals(List.of(new AvCoverage.Gap(t0.plusSeconds(900), t0.plusSeconds(1200))), gap.gaps());
        assertTrue(gap.messageEn().contains("1 unexplained"), gap.messageEn());

        assertEquals("evidence.field.missing", assertThrows(ZhifaException.class, () -> s.recordInterruption(1,
                "investigation", t0.plusSeconds(900), t0.plusSeconds(1200), " ", Fixture.OFFICER)).code());
        s.recordInterruption(1, "investigation", t0.plusSeconds(900), t0.plusSeconds(1100), "电池更换", Fixture.OFFICER);
        AvCoverage partly = s.coverage(1, "investigation", AvRule.UNINTERRUPTED);
        assertEquals(List.of(new AvCoverage.Gap(t0.plusSeconds(1100), t0.plusSeconds(1200))), partly.gaps());
        s.recordInterruption(1, "investigation", t0.plusSeconds(1090), t0.plusSeconds(1200), "当事人要求暂停",
                Fixture.OFFICER);
        assertTrue(s.coverage(1, "investigation", AvRule.UNINTERRUPTED).satisfied());
        assertEquals(2, s.interruptions(1, Fixture.REVIEWER).size());
        assertEquals(2, f.log.ofType("av.interruption").size());
    }

    @Test
    void purgeRemovesOnlyExpiredNotHeldFilesAndKeepsTheHash() throws Exception {
        Fixture f = new Fixture(root);
        Instant longAgo = Instant.now().minus(3 * 366, ChronoUnit.DAYS);
        f.cases.known.put(2L, new CaseLookup.CaseInfo(2, "penalty", longAgo)); // closed 3 years ago; penalty = 2y
        f.cases.known.put(3L, new CaseLookup.CaseInfo(3, "penalty", longAgo));
        f.cases.known.put(4L, new CaseLookup.CaseInfo(4, "license", longAgo)); // default: permanent
        EvidenceServiceImpl s = f.service();
        EvidenceItem expired = s.store(draftOf(2), bytes("two"), Fixture.OFFICER);
        EvidenceItem held = s.store(draftOf(3), bytes("three"), Fixture.OFFICER);
        EvidenceItem permanent = s.store(draftOf(4), bytes("four"), Fixture.OFFICER);
        EvidenceItem open = s.store(draftOf(1), bytes("one"), Fixture.OFFICER);
        EvidenceItem sharedExpired = s.store(draftOf(2), bytes("shared"), Fixture.OFFICER);
        s.store(draftOf(1), bytes("shared"), Fixture.OFFICER); // the same file, in a case still open

        assertEquals(ZhifaException.Kind.FORBIDDEN, assertThrows(ZhifaException.class,
                () -> s.setHold(3, "诉讼中", Fixture.OFFICER)).kind());
        s.setHold(3, "行政诉讼中", Fixture.LEADER);
        assertEquals(ZhifaException.Kind.FORBIDDEN, assertThrows(ZhifaException.class,
                () -> s.purge(false, Fixture.LEADER)).kind());

        EvidenceRetention.PurgeResult dry = s.purge(true, Fixture.ADMIN);
        assertEquals(List.of(expired.hash()), dry.hashes());
        assertTrue(s.store().exists(expired.hash()));

        EvidenceRetention.PurgeResult r = s.purge(false, Fixture.ADMIN);
        assertEquals(List.of(expired.hash()), r.hashes());
        assertEquals(1, r.heldSkipped());
        assertFalse(s.store().exists(expired.hash()));
        for (EvidenceItem kept : List.of(held, permanent, open, sharedExpired)) {
            assertTrue(s.store().exists(kept.hash()));
        }
        RecordEntry purge = f.log.ofType("evidence.purged").get(0);
        assertEquals(List.of(expired.hash()), purge.evidenceHashes());
        assertTrue(s.find(expired.id(), Fixture.OFFICER).orElseThrow().purged());
        assertEquals(ZhifaException.Kind.NOT_FOUND, assertThrows(ZhifaException.class,
                () -> s.copy(expired.id(), 0, -1, new ByteArrayOutputStream(), Fixture.OFFICER)).kind());

        s.clearHold(3, "判决生效", Fixture.ADMIN);
        assertEquals(List.of(held.hash()), s.purge(false, Fixture.ADMIN).hashes());
        assertEquals(2, f.count("EVIDENCE_HOLD"));
        assertTrue(s.purge(false, Fixture.ADMIN).hashes().isEmpty());
    }

    private static EvidenceDraft draftOf(long caseId) {
        return new EvidenceDraft("f.jpg", "image/jpeg", caseId, "investigation", null, null, null, null, null);
    }

    @Test
    void verificationFindsAChangedByteAndAMissingFile() throws Exception {
        Fixture f = new Fixture(root);
        EvidenceServiceImpl s = f.service();
        EvidenceItem a = s.store(photo("a.jpg"), bytes("alpha"), Fixture.OFFICER);
        EvidenceItem b = s.store(photo("b.jpg"), bytes("bravo"), Fixture.OFFICER);
        EvidenceItem c = s.store(photo("c.jpg"), bytes("charlie"), Fixture.OFFICER);
        Set<String> all = Set.of(a.hash(), b.hash(), c.hash());
        assertTrue(s.verify(all, Set.of(), true, VerificationProgress.NONE).problems().isEmpty());

        Path fileA = s.store().path(a.hash());
        fileA.toFile().setWritable(true);
        byte[] changed = Files.readAllBytes(fileA);
        changed[2] ^= 1;
        Files.write(fileA, changed);
        Files.delete(s.store().path(b.hash()));
        long[] seen = new long[1];
        VerificationContributor.Result r = s.verify(all, Set.of(), true, (done, total, phase) -> seen[0] = done);
        assertEquals(3, r.checked());
        assertEquals(3, seen[0]);
        assertEquals(2, r.problems().size());
        Problem changedProblem = r.problems().stream().filter(p -> p.type() == Problem.Type.EVIDENCE_CHANGED)
                .findFirst().orElseThrow();
        assertEquals(a.recordSeq(), changedProblem.seq());
        assertEquals(fileA.toString(), changedProblem.location());
        Problem missing = r.problems().stream().filter(p -> p.type() == Problem.Type.EVIDENCE_MISSING)
                .findFirst().orElseThrow();
        assertEquals(b.recordSeq(), missing.seq());
        assertTrue(missing.messageZh().contains(b.hash()));
        // a purged file may be gone
        assertEquals(1, s.verify(all, Set.of(b.hash()), true, VerificationProgress.NONE).problems().size());
    }
}
