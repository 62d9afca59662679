package org.zhifa.city.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.zhifa.api.record.Merkle;

/** The verdicts on pushed tree heads, with a real Ed25519 key and real RFC 9162 trees and proofs. */
class TreeHeadsTest {
    private final KeyPair key = generate();
    private final KeyPair stranger = generate();
    private final List<byte[]> leaves = new ArrayList<>();

    private static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void grow(int n, String prefix) {
        for (int i = 0; i < n; i++) {
            leaves.add(Merkle.leafHash(Merkle.SHA256, (prefix + leaves.size()).getBytes(StandardCharsets.UTF_8)));
        }
    }

    private Wire.TreeHead head(KeyPair signer, List<byte[]> tree, String timestamp) throws Exception {
        String root = Merkle.hex(Merkle.root(Merkle.SHA256, tree));
        Wire.TreeHead unsigned = new Wire.TreeHead("430421", (long) tree.size(), timestamp, root, "SHA-256",
                TreeHeads.keyId(key.getPublic()), "", "Ed25519");
        Signature s = Signature.getInstance("Ed25519");
        s.initSign(signer.getPrivate());
        s.update(TreeHeads.signedBytes(unsigned));
        return new Wire.TreeHead("430421", (long) tree.size(), timestamp, root, "SHA-256",
                TreeHeads.keyId(key.getPublic()), Base64.getEncoder().encodeToString(s.sign()), "Ed25519");
    }

    private static Model.Head accepted(Wire.TreeHead h) {
        return new Model.Head(1, "430421", h.bureau(), h.treeSize(), h.timestamp(), h.rootHash(), h.hashAlgorithm(),
                h.keyId(), h.signature(), "ACCEPTED", null, Instant.now());
    }

    private Wire.Consistency proof(long from, List<byte[]> tree) {
        List<byte[]> copy = List.copyOf(tree);
        List<String> path = Merkle.consistencyProof(Merkle.SHA256, (level, index) -> perfect(copy, level, index), from,
                copy.size()).stream().map(Merkle::hex).toList();
        return new Wire.Consistency(from, (long) copy.size(), path);
    }

    private static byte[] perfect(List<byte[]> leaves, int level, long index) {
        long size = 1L << level;
        return Merkle.root(Merkle.SHA256, leaves.subList((int) (index * size), (int) ((index + 1) * size)));
    }

    @Test
    void aGrowingLogIsAcceptedWithItsProof() throws Exception {
        grow(7, "a");
        Wire.TreeHead first = head(key, leaves, "2026-11-27T01:00:00.000Z");
        assertEquals(TreeHeads.Verdict.ACCEPTED, TreeHeads.judge(key.getPublic(), first, Optional.empty(), null));
        assertEquals(TreeHeads.Verdict.SAME, TreeHeads.judge(key.getPublic(), first, Optional.of(accepted(first)), null));
        grow(6, "b");
        Wire.TreeHead second = head(key, leaves, "2026-11-27T01:10:00.000Z");
        assertEquals(TreeHeads.Verdict.ACCEPTED,
                TreeHeads.judge(key.getPublic(), second, Optional.of(accepted(first)), proof(7, leaves)));
        // no proof, or one from another size: the county asks for the latest and proves again (no alarm)
        assertEquals(TreeHeads.Verdict.BASE_MISMATCH,
                TreeHeads.judge(key.getPublic(), second, Optional.of(accepted(first)), null));
        assertEquals(TreeHeads.Verdict.BASE_MISMATCH,
                TreeHeads.judge(key.getPublic(), second, Optional.of(accepted(first)), proof(5, leaves)));
    }

    @Test
    void aForgedHeadIsRefused() throws Exception {
        grow(3, "a");
        Wire.TreeHead h = head(stranger, leaves, "2026-11-27T01:00:00.000Z");
        assertEquals(TreeHeads.Verdict.FORGED, TreeHeads.judge(key.getPublic(), h, Optional.empty(), null));
        Wire.TreeHead good = head(key, leaves, "2026-11-27T01:00:00.000Z");
        Wire.TreeHead otherTime = new Wire.TreeHead(good.bureau(), good.treeSize(), "2026-11-27T01:00:00.001Z",
                good.rootHash(), good.hashAlgorithm(), good.keyId(), good.signature(), good.algorithm());
        assertEquals(TreeHeads.Verdict.FORGED, TreeHeads.judge(key.getPublic(), otherTime, Optional.empty(), null));
    }

    @Test
    void aRewrittenOrRolledBackLogIsAFork() throws Exception {
        grow(8, "a");
        Wire.TreeHead first = head(key, leaves, "2026-11-27T01:00:00.000Z");
        Model.Head l = accepted(first);
        // rolled back: fewer entries
        Wire.TreeHead smaller = head(key, leaves.subList(0, 5), "2026-11-27T01:05:00.000Z");
        assertEquals(TreeHeads.Verdict.SHRANK, TreeHeads.judge(key.getPublic(), smaller, Optional.of(l), null));
        // rewritten: one entry changed, same size
        List<byte[]> rewritten = new ArrayList<>(leaves);
        rewritten.set(2, Merkle.leafHash(Merkle.SHA256, "changed".getBytes(StandardCharsets.UTF_8)));
        Wire.TreeHead same = head(key, rewritten, "2026-11-27T01:06:00.000Z");
        assertEquals(TreeHeads.Verdict.REWRITE, TreeHeads.judge(key.getPublic(), same, Optional.of(l), null));
        // rewritten and grown: its honest proof from 8 does not lead to the accepted root
        rewritten.add(Merkle.leafHash(Merkle.SHA256, "more".getBytes(StandardCharsets.UTF_8)));
        Wire.TreeHead grown = head(key, rewritten, "2026-11-27T01:07:00.000Z");
        assertEquals(TreeHeads.Verdict.FORK, TreeHeads.judge(key.getPublic(), grown, Optional.of(l), proof(8, rewritten)));
    }
}
