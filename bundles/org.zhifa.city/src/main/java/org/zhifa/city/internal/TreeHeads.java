package org.zhifa.city.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.zhifa.api.record.Merkle;

/**
 * The checks of a pushed tree head against the county's pinned key and the city's latest accepted head
 * (docs/city-api.md §6). Pure functions: the caller stores the head and raises the alarm the verdict names.
 */
final class TreeHeads {
    private TreeHeads() {}

    /** What a pushed head is: accepted, a repeat, a forgery, a smaller or other history, or a proof from the wrong base. */
    enum Verdict {
        ACCEPTED(201, null, null), SAME(200, null, null),
        FORGED(422, "TREE_HEAD_SIGNATURE", "FORGED"),
        SHRANK(409, "TREE_HEAD_SHRANK", "FORK"), REWRITE(409, "TREE_HEAD_REWRITE", "FORK"),
        FORK(409, "TREE_HEAD_FORK", "FORK"),
        BASE_MISMATCH(412, "TREE_HEAD_BASE_MISMATCH", null);

        final int status;
        final String code;
        /** The alarm it raises, or null. */
        final String alarm;

        Verdict(int status, String code, String alarm) {
            this.status = status;
            this.code = code;
            this.alarm = alarm;
        }

        String stored() {
            return switch (this) {
                case ACCEPTED, SAME -> "ACCEPTED";
                case FORGED -> "FORGED";
                case BASE_MISMATCH -> "STALE";
                default -> "FORK";
            };
        }
    }

    /** An Ed25519 public key from its PEM ({@code -----BEGIN PUBLIC KEY-----}). */
    static PublicKey publicKey(String pem) {
        if (pem == null) {
            throw new IllegalArgumentException("no key");
        }
        String b64 = pem.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "")
                .replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(b64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an Ed25519 public key in PEM: " + e.getMessage(), e);
        }
    }

    /** Hex SHA-256 of the key's X.509 encoding, as the record's {@code keyId}. */
    static String keyId(PublicKey key) {
        return sha256Hex(key.getEncoded());
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The bytes the record signs ({@code SignedTreeHead.signedBytes()}), from the head exactly as sent. */
    static byte[] signedBytes(Wire.TreeHead h) {
        return ("zhifa-sth-v1\n" + h.bureau() + "\n" + h.hashAlgorithm() + "\n" + h.treeSize() + "\n" + h.timestamp()
                + "\n" + h.rootHash()).getBytes(StandardCharsets.UTF_8);
    }

    static boolean signed(PublicKey key, Wire.TreeHead h) {
        if (h.keyId() == null || !h.keyId().equalsIgnoreCase(keyId(key))) {
            return false;
        }
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(key);
            s.update(signedBytes(h));
            return s.verify(Base64.getDecoder().decode(h.signature()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * The verdict on {@code head} given the latest accepted head. A smaller tree or the same size with another
     * root is a fork whatever proof comes with it (a county whose log went back cannot even build the proof);
     * only a larger tree needs the proof from the latest accepted size. Every accepted head was proved
     * consistent with its predecessor, so consistency with the latest is consistency with all of them.
     */
    static Verdict judge(PublicKey key, Wire.TreeHead head, Optional<Model.Head> latest, Wire.Consistency proof) {
        if (!signed(key, head)) {
            return Verdict.FORGED;
        }
        if (latest.isEmpty()) {
            return Verdict.ACCEPTED;
        }
        Model.Head l = latest.get();
        if (head.treeSize() < l.treeSize()) {
            return Verdict.SHRANK;
        }
        if (head.treeSize() == l.treeSize()) {
            if (!head.rootHash().equalsIgnoreCase(l.rootHash()) || !head.hashAlgorithm().equals(l.hashAlgorithm())) {
                return Verdict.REWRITE;
            }
            return head.timestamp().equals(l.timestamp()) && head.signature().equals(l.signature())
                    ? Verdict.SAME : Verdict.ACCEPTED;
        }
        if (proof == null || proof.fromSize() == null || proof.fromSize() != l.treeSize()
                || proof.toSize() == null || proof.toSize().longValue() != head.treeSize()) {
            return Verdict.BASE_MISMATCH;
        }
        if (!head.hashAlgorithm().equals(l.hashAlgorithm())) {
            return Verdict.FORK;
        }
        try {
            List<byte[]> path = proof.path() == null ? List.of() : proof.path().stream().map(Merkle::fromHex).toList();
            boolean ok = Merkle.verifyConsistency(Merkle.SHA256, l.treeSize(), head.treeSize(),
                    Merkle.fromHex(l.rootHash()), Merkle.fromHex(head.rootHash()), path);
            return ok ? Verdict.ACCEPTED : Verdict.FORK;
        } catch (IllegalArgumentException e) {
            return Verdict.FORK;
        }
    }
}
