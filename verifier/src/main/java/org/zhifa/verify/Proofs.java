package org.zhifa.verify;

import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import org.zhifa.api.record.RecordEntry;
import org.zhifa.api.record.SignedTreeHead;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a case file and a draw file share: the bureau's key, the signed tree head, and entries exported with
 * their inclusion proofs ({@code CanonicalJson.provenEntry}).
 */
final class Proofs {

    /** The input cannot be checked at all. */
    static final class Unusable extends Exception {
        final transient Finding finding;

        Unusable(Finding finding) {
            super(finding.code(), null, false, false);
            this.finding = finding;
        }
    }

    /** The key the document is checked with and its tree head, already checked ({@code root} null if malformed). */
    record Anchor(PublicKey key, SignedTreeHead sth, byte[] root, MerkleCheck merkle) {}

    private Proofs() {}

    /**
     * Picks the key (one given on the command line wins; a different key in the document is a finding) and
     * checks the document's {@code treeHead} against it, the document's hash algorithm and bureau.
     */
    static Anchor anchor(JsonNode doc, String givenKeyPem, String docName, String algorithm, String bureau,
                         List<Finding> findings) throws Unusable {
        PublicKey key;
        PublicKey docKey = parseKey(doc.path("publicKey").asText(""));
        if (givenKeyPem != null) {
            key = parseKey(givenKeyPem);
            if (key == null) {
                throw new Unusable(Finding.of("KEY_UNUSABLE", "--public-key"));
            }
            if (docKey == null || !Arrays.equals(docKey.getEncoded(), key.getEncoded())) {
                findings.add(Finding.of("KEY_MISMATCH", docName + " publicKey"));
            }
        } else {
            key = docKey;
            if (key == null) {
                throw new Unusable(Finding.of("KEY_UNUSABLE", docName + " publicKey"));
            }
        }
        JsonNode h = doc.path("treeHead");
        SignedTreeHead sth;
        try {
            sth = new SignedTreeHead(h.path("bureau").asText(), h.path("treeSize").asLong(-1),
                    Instant.parse(h.path("timestamp").asText()), h.path("rootHash").asText(),
                    h.path("hashAlgorithm").asText(), h.path("keyId").asText(), h.path("signature").asText());
        } catch (RuntimeException e) {
            throw new Unusable(Finding.of("MANIFEST_INVALID", docName + " treeHead", String.valueOf(e.getMessage())));
        }
        String location = "treeHead " + sth.treeSize();
        if (!sth.hashAlgorithm().equals(algorithm)) {
            findings.add(Finding.of("STH_ALGORITHM", location, sth.hashAlgorithm(), algorithm));
        }
        if (bureau == null || !bureau.equals(sth.bureau())) {
            findings.add(Finding.of("STH_BUREAU", location, sth.bureau(), bureau));
        }
        if (!Hashing.hex(Hashing.sha256().digest(key.getEncoded())).equals(sth.keyId())) {
            findings.add(Finding.of("KEY_ID_MISMATCH", location, sth.keyId()));
        }
        if (!signatureValid(key, sth)) {
            findings.add(Finding.of("STH_FORGED", location));
        }
        return new Anchor(key, sth, hexOrNull(sth.rootHash()), new MerkleCheck(algorithm));
    }

    /**
     * Rebuilds an exported entry, recomputes its leaf and checks its inclusion proof against the anchor's head;
     * returns the entry, or null after adding what is wrong ({@code location} names where it is).
     */
    static RecordEntry proven(JsonNode j, Anchor a, String location, long seqHint, List<Finding> findings) {
        RecordEntry entry;
        try {
            entry = entry(j);
        } catch (RuntimeException ex) {
            findings.add(new Finding("ENTRY_INVALID", location, seqHint, List.of(String.valueOf(ex.getMessage()))));
            return null;
        }
        byte[] leaf = a.merkle().leaf(entry.leafInput());
        if (!Hashing.hex(leaf).equals(j.path("leafHash").asText())) {
            findings.add(new Finding("ENTRY_CHANGED", location, entry.seq(),
                    List.of(j.path("leafHash").asText(), Hashing.hex(leaf))));
            return null;
        }
        JsonNode p = j.path("proof");
        List<byte[]> path = new ArrayList<>();
        boolean wellFormed = p.path("path").isArray();
        for (JsonNode n : p.path("path")) {
            byte[] b = hexOrNull(n.asText());
            wellFormed &= b != null;
            path.add(b == null ? new byte[0] : b);
        }
        long size = a.sth().treeSize();
        if (!wellFormed || a.root() == null || p.path("leafIndex").asLong(-1) != entry.seq()
                || p.path("treeSize").asLong(-1) != size
                || !a.merkle().inclusion(entry.seq(), size, leaf, path, a.root())) {
            findings.add(new Finding("PROOF_INVALID", location, entry.seq(), List.of(size)));
            return null;
        }
        return entry;
    }

    /** Rebuilds the stored entry from its exported fields; the payload is the canonical text itself. */
    static RecordEntry entry(JsonNode j) {
        List<String> hashes = new ArrayList<>();
        for (JsonNode n : j.path("evidence")) {
            hashes.add(n.asText());
        }
        JsonNode corrects = j.path("corrects");
        return new RecordEntry(required(j, "seq").asLong(), Instant.parse(required(j, "at").asText()),
                required(j, "bureau").asText(), required(j, "objectType").asText(),
                required(j, "objectId").asText(), text(j, "step"), text(j, "actor"),
                required(j, "entryType").asText(), required(j, "payload").asText(), hashes,
                corrects.isNumber() ? corrects.asLong() : null);
    }

    private static JsonNode required(JsonNode j, String name) {
        JsonNode n = j.get(name);
        if (n == null || n.isNull()) {
            throw new IllegalArgumentException("no " + name);
        }
        return n;
    }

    private static String text(JsonNode j, String name) {
        JsonNode n = j.get(name);
        return n == null || n.isNull() ? null : n.asText();
    }

    static boolean signatureValid(PublicKey key, SignedTreeHead sth) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(key);
            s.update(sth.signedBytes());
            return s.verify(Base64.getDecoder().decode(sth.signature()));
        } catch (Exception e) {
            return false;
        }
    }

    /** An Ed25519 public key from PEM ({@code -----BEGIN PUBLIC KEY-----}), or null. */
    static PublicKey parseKey(String pem) {
        try {
            String b64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            if (b64.isEmpty()) {
                return null;
            }
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(b64)));
        } catch (Exception e) {
            return null;
        }
    }

    static byte[] hexOrNull(String s) {
        try {
            return s == null || s.isEmpty() ? null : Hashing.unhex(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
