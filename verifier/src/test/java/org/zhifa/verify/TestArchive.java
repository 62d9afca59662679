package org.zhifa.verify;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.zhifa.api.record.RecordEntry;
import org.zhifa.api.record.SignedTreeHead;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes a case file exactly as the format in the casefile bundle's README says, independently of the
 * exporter, so the verifier is tested against the documented format: a small log with other cases' entries
 * around the case's, a tree over all of them, a signed head, proofs.
 */
final class TestArchive {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String BUREAU = "430421";

    final String algorithm;
    final KeyPair key;
    final Map<String, byte[]> files = new LinkedHashMap<>();
    final List<RecordEntry> log = new ArrayList<>();
    final List<String> caseLines = new ArrayList<>();
    ObjectNode manifest;
    String evidenceHash;

    TestArchive(String algorithm) throws Exception {
        this.algorithm = algorithm;
        this.key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        build();
    }

    static KeyPair otherKey() throws Exception {
        return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }

    String hash(byte[] b) {
        return Hashing.hex(Hashing.of(algorithm).update(b).digest());
    }

    private void build() throws Exception {
        byte[] decision = "%PDF-1.4 决定书 fake but hashed".getBytes(StandardCharsets.UTF_8);
        byte[] notice = "%PDF-1.4 告知书".getBytes(StandardCharsets.UTF_8);
        byte[] video = new byte[100_000];
        for (int i = 0; i < video.length; i++) {
            video[i] = (byte) (i * 31);
        }
        evidenceHash = hash(video);
        byte[] index = "%PDF-1.4 index".getBytes(StandardCharsets.UTF_8);
        Map<String, byte[]> listed = new LinkedHashMap<>();
        listed.put("documents/penalty.decision.pdf", decision);
        listed.put("documents/penalty.notice.pdf", notice);
        listed.put("evidence/" + evidenceHash + ".mp4", video);
        listed.put("index.pdf", index);
        StringBuilder listing = new StringBuilder();
        ArrayNode fileList = JSON.createArrayNode();
        for (var e : listed.entrySet()) {
            String h = hash(e.getValue());
            listing.append(h).append("  ").append(e.getValue().length).append("  ").append(e.getKey()).append('\n');
            fileList.addObject().put("path", e.getKey()).put("size", e.getValue().length).put("hash", h);
        }
        String filesHash = hash(listing.toString().getBytes(StandardCharsets.UTF_8));

        Instant t = Instant.parse("2026-03-02T01:00:00.000Z");
        add("case", "9", null, "case.filed", "{\"title\":\"别的案件\"}", List.of(), t);
        add("case", "7", "filed", "case.filed", "{\"number\":\"衡国土资罚〔2026〕7号\",\"title\":\"某某占用耕地案\"}", List.of(), t.plusSeconds(1));
        add("evidence", "1", "investigation", "evidence.stored", "{\"caseId\":7,\"fileName\":\"现场.mp4\"}", List.of(evidenceHash), t.plusSeconds(2));
        add("case", "7", "investigation", "case.transition", "{\"from\":\"filed\",\"to\":\"investigation\"}", List.of(), t.plusSeconds(3));
        add("officer", "3", null, "officer.changed", "{}", List.of(), t.plusSeconds(4));
        add("case", "7", "investigation", "casefile.exported", "{\"filesHash\":\"" + filesHash + "\",\"number\":\"衡国土资罚〔2026〕7号\"}", List.of(), t.plusSeconds(5));
        add("case", "9", null, "case.transition", "{}", List.of(), t.plusSeconds(6));

        List<byte[]> leaves = new ArrayList<>();
        MerkleCheck merkle = new MerkleCheck(algorithm);
        for (RecordEntry e : log) {
            leaves.add(merkle.leaf(e.leafInput()));
        }
        byte[] root = mth(merkle, leaves);
        String keyId = Hashing.hex(Hashing.sha256().digest(key.getPublic().getEncoded()));
        SignedTreeHead unsigned = new SignedTreeHead(BUREAU, log.size(), t.plusSeconds(10), Hashing.hex(root),
                algorithm, keyId, "");
        Signature s = Signature.getInstance("Ed25519");
        s.initSign(key.getPrivate());
        s.update(unsigned.signedBytes());
        String signature = Base64.getEncoder().encodeToString(s.sign());

        for (RecordEntry e : log) {
            if (!e.objectId().equals("7") && !e.entryType().equals("evidence.stored")) {
                continue;
            }
            int i = (int) e.seq();
            ObjectNode j = JSON.createObjectNode();
            j.put("seq", e.seq()).put("at", "" + e.at()).put("bureau", e.bureau()).put("objectType", e.objectType())
                    .put("objectId", e.objectId()).put("step", e.step()).put("actor", e.actor())
                    .put("entryType", e.entryType()).put("payload", e.payload());
            ArrayNode ev = j.putArray("evidence");
            e.evidenceHashes().forEach(ev::add);
            j.putNull("corrects");
            j.put("leafHash", Hashing.hex(leaves.get(i)));
            ObjectNode proof = j.putObject("proof");
            proof.put("leafIndex", i).put("treeSize", log.size());
            ArrayNode p = proof.putArray("path");
            path(merkle, i, leaves).forEach(b -> p.add(Hashing.hex(b)));
            caseLines.add(JSON.writeValueAsString(j));
        }

        manifest = JSON.createObjectNode();
        manifest.put("format", "zhifa-casefile").put("formatVersion", 1);
        manifest.putObject("bureau").put("code", BUREAU).put("name", "衡阳县自然资源局");
        manifest.putObject("case").put("id", 7).put("number", "衡国土资罚〔2026〕7号").put("kind", "penalty");
        manifest.put("exportedAt", "2026-03-02T01:00:05.000Z").put("exportedBy", "officer");
        manifest.put("hashAlgorithm", algorithm).put("publicKey", pem(key));
        ObjectNode h = manifest.putObject("treeHead");
        h.put("bureau", BUREAU).put("treeSize", log.size()).put("timestamp", "" + unsigned.timestamp())
                .put("rootHash", unsigned.rootHash()).put("hashAlgorithm", algorithm).put("keyId", keyId)
                .put("signature", signature);
        manifest.set("files", fileList);
        manifest.putArray("evidence").addObject().put("hash", evidenceHash).put("size", video.length)
                .put("path", "evidence/" + evidenceHash + ".mp4").put("reference", false);
        files.putAll(listed);
        writeRecord();
    }

    void writeRecord() throws IOException {
        files.put(CaseFileVerifier.ENTRIES, (String.join("\n", caseLines) + "\n").getBytes(StandardCharsets.UTF_8));
        files.put(CaseFileVerifier.MANIFEST, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
    }

    private void add(String type, String id, String step, String entryType, String payload, List<String> ev, Instant at) {
        log.add(new RecordEntry(log.size(), at, BUREAU, type, id, step, "officer", entryType, payload, ev, null));
    }

    static String pem(KeyPair k) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(k.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    Path write(Path dir, String name) throws IOException {
        Path zip = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (var e : files.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return zip;
    }

    // RFC 6962 §2.1: the tree hash and audit path, written from the RFC's definitions
    static byte[] mth(MerkleCheck m, List<byte[]> d) {
        if (d.size() == 1) {
            return d.get(0);
        }
        int k = Integer.highestOneBit(d.size() - 1);
        return m.node(mth(m, d.subList(0, k)), mth(m, d.subList(k, d.size())));
    }

    static List<byte[]> path(MerkleCheck m, int i, List<byte[]> d) {
        List<byte[]> out = new ArrayList<>();
        if (d.size() <= 1) {
            return out;
        }
        int k = Integer.highestOneBit(d.size() - 1);
        if (i < k) {
            out.addAll(path(m, i, d.subList(0, k)));
            out.add(mth(m, d.subList(k, d.size())));
        } else {
            out.addAll(path(m, i - k, d.subList(k, d.size())));
            out.add(mth(m, d.subList(0, k)));
        }
        return out;
    }
}
