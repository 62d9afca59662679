package org.zhifa.api.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The RFC 6962 test vectors (copied from ../shared/testdata/merkle), and altered proofs refused. */
class MerkleTest {
    private static final Merkle.Hasher H = Merkle.SHA256;
    private static JsonNode vectors;
    private static List<byte[]> leaves;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = MerkleTest.class.getResourceAsStream("rfc6962-vectors.json")) {
            vectors = new ObjectMapper().readTree(in);
        }
        leaves = new ArrayList<>();
        for (JsonNode leaf : vectors.get("leaves_hex")) {
            leaves.add(Merkle.leafHash(H, Merkle.fromHex(leaf.asText())));
        }
    }

    private static List<byte[]> hashes(JsonNode array) {
        List<byte[]> out = new ArrayList<>();
        array.forEach(n -> out.add(Merkle.fromHex(n.asText())));
        return out;
    }

    private static byte[] root(long size) {
        return Merkle.fromHex(vectors.get("roots").get(Long.toString(size)).asText());
    }

    private static Merkle.SubtreeSource source() {
        return (level, index) -> Merkle.root(H, leaves.subList((int) (index << level), (int) ((index + 1) << level)));
    }

    @Test
    void leafHashesAndEveryRoot() {
        List<byte[]> expected = hashes(vectors.get("leaf_hashes"));
        assertEquals(expected.size(), leaves.size());
        for (int i = 0; i < leaves.size(); i++) {
            assertArrayEquals(expected.get(i), leaves.get(i), "leaf " + i);
        }
        assertEquals(vectors.get("empty_tree_root").asText(), Merkle.hex(Merkle.root(H, List.of())));
        assertEquals(8, vectors.get("roots").size());
        for (int size = 1; size <= leaves.size(); size++) {
            assertArrayEquals(root(size), Merkle.root(H, leaves.subList(0, size)), "root of " + size);
            assertArrayEquals(root(size), Merkle.rangeRoot(H, source(), 0, size), "range root of " + size);
        }
    }

    @Test
    void everyInclusionProofIsReproducedAndVerifies() {
        int checked = 0;
        for (JsonNode v : vectors.get("inclusion")) {
            long index = v.get("leaf_index").asLong();
            long size = v.get("tree_size").asLong();
            List<byte[]> proof = hashes(v.get("proof"));
            assertEquals(hexes(proof), hexes(Merkle.inclusionProof(H, source(), index, size)), index + " in " + size);
            assertTrue(Merkle.verifyInclusion(H, index, size, leaves.get((int) index), proof, root(size)),
                    index + " in " + size);
            checked++;
        }
        assertEquals(36, checked);
    }

    @Test
    void everyConsistencyProofIsReproducedAndVerifies() {
        int checked = 0;
        for (JsonNode v : vectors.get("consistency")) {
            long first = v.get("size1").asLong();
            long second = v.get("size2").asLong();
            List<byte[]> proof = hashes(v.get("proof"));
            assertEquals(hexes(proof), hexes(Merkle.consistencyProof(H, source(), first, second)), first + "→" + second);
            assertTrue(Merkle.verifyConsistency(H, first, second, root(first), root(second), proof), first + "→" + second);
            checked++;
        }
        assertEquals(36, checked);
    }

    @Test
    void alteredInclusionProofsAreRefused() {
        for (JsonNode v : vectors.get("inclusion")) {
            long index = v.get("leaf_index").asLong();
            long size = v.get("tree_size").asLong();
            List<byte[]> proof = hashes(v.get("proof"));
            byte[] leaf = leaves.get((int) index);
            byte[] root = root(size);
            String at = index + " in " + size;
            for (int i = 0; i < proof.size(); i++) {
                for (int bit : new int[] {0, 7, 255}) {
                    List<byte[]> flipped = copy(proof);
                    flipped.get(i)[bit / 8] ^= (byte) (1 << (bit % 8));
                    assertFalse(Merkle.verifyInclusion(H, index, size, leaf, flipped, root), at + " element " + i);
                }
            }
            byte[] otherLeaf = leaf.clone();
            otherLeaf[31] ^= 1;
            assertFalse(Merkle.verifyInclusion(H, index, size, otherLeaf, proof, root), at + " other leaf");
            byte[] otherRoot = root.clone();
            otherRoot[0] ^= 1;
            assertFalse(Merkle.verifyInclusion(H, index, size, leaf, proof, otherRoot), at + " other root");
            // wrong index: the same proof must not prove the leaf at another position (unless the trees coincide)
            for (long other = 0; other < size; other++) {
                if (other != index) {
                    assertFalse(Merkle.verifyInclusion(H, other, size, leaf, proof, root), at + " as index " + other);
                }
            }
            assertFalse(Merkle.verifyInclusion(H, index, index, leaf, proof, root), at + " index = size");
            assertFalse(Merkle.verifyInclusion(H, -1, size, leaf, proof, root), at + " negative index");
            // wrong sizes: the proof does not lead to any other tree head (size with its root)
            for (long other = 1; other <= 8; other++) {
                if (other != size && index < other) {
                    assertFalse(Merkle.verifyInclusion(H, index, other, leaf, proof, root(other)),
                            at + " as size " + other + " with its root");
                }
            }
            List<byte[]> extended = copy(proof);
            extended.add(leaves.get(0));
            assertFalse(Merkle.verifyInclusion(H, index, size, leaf, extended, root), at + " extended");
            assertNull(Merkle.rootFromInclusion(H, index, size, leaf, extended), at + " extended");
            if (!proof.isEmpty()) {
                assertFalse(Merkle.verifyInclusion(H, index, size, leaf, proof.subList(0, proof.size() - 1), root),
                        at + " truncated");
                List<byte[]> swapped = copy(proof);
                java.util.Collections.reverse(swapped);
                if (proof.size() > 1) {
                    assertFalse(Merkle.verifyInclusion(H, index, size, leaf, swapped, root), at + " reversed");
                }
            }
        }
    }

    @Test
    void alteredConsistencyProofsAreRefused() {
        for (JsonNode v : vectors.get("consistency")) {
            long first = v.get("size1").asLong();
            long second = v.get("size2").asLong();
            List<byte[]> proof = hashes(v.get("proof"));
            String at = first + "→" + second;
            for (int i = 0; i < proof.size(); i++) {
                for (int bit : new int[] {0, 100, 255}) {
                    List<byte[]> flipped = copy(proof);
                    flipped.get(i)[bit / 8] ^= (byte) (1 << (bit % 8));
                    assertFalse(Merkle.verifyConsistency(H, first, second, root(first), root(second), flipped),
                            at + " element " + i);
                }
            }
            for (long a = 1; a <= 8; a++) {
                for (long b = a; b <= 8; b++) {
                    // the proof does not link any other pair of tree heads (sizes with their roots)
                    boolean same = hexes(proof).equals(hexes(Merkle.consistencyProof(H, source(), a, b)));
                    if (!same) {
                        assertFalse(Merkle.verifyConsistency(H, a, b, root(a), root(b), proof), at + " as " + a + "→" + b);
                    }
                }
            }
            if (first != second) {
                byte[] r1 = root(first).clone();
                r1[5] ^= 1;
                assertFalse(Merkle.verifyConsistency(H, first, second, r1, root(second), proof), at + " other first root");
                byte[] r2 = root(second).clone();
                r2[5] ^= 1;
                assertFalse(Merkle.verifyConsistency(H, first, second, root(first), r2, proof), at + " other second root");
                List<byte[]> extended = copy(proof);
                extended.add(leaves.get(3));
                assertFalse(Merkle.verifyConsistency(H, first, second, root(first), root(second), extended), at + " extended");
                assertFalse(Merkle.verifyConsistency(H, first, second, root(first), root(second),
                        proof.subList(0, proof.size() - 1)), at + " truncated");
                assertFalse(Merkle.verifyConsistency(H, second, first, root(second), root(first), proof), at + " reversed sizes");
            } else {
                assertFalse(Merkle.verifyConsistency(H, first, second, root(first), root(second), List.of(leaves.get(0))),
                        at + " non-empty proof between equal sizes");
            }
        }
    }

    @Test
    void emptyTreeIsConsistentWithAnyTree() {
        byte[] empty = Merkle.emptyRoot(H);
        assertTrue(Merkle.verifyConsistency(H, 0, 5, empty, root(5), List.of()));
        assertFalse(Merkle.verifyConsistency(H, 0, 5, root(1), root(5), List.of()));
        assertEquals(List.of(), Merkle.consistencyProof(H, source(), 0, 5));
    }

    @Test
    void hexRecordsVerify() {
        InclusionProof p = new InclusionProof(5, 8, Merkle.hex(leaves.get(5)),
                hexes(Merkle.inclusionProof(H, source(), 5, 8)));
        assertTrue(Merkle.verify(H, p, Merkle.hex(root(8))));
        assertFalse(Merkle.verify(H, p, Merkle.hex(root(7))));
        assertFalse(Merkle.verify(H, new InclusionProof(5, 8, "zz", p.path()), Merkle.hex(root(8))));
        ConsistencyProof c = new ConsistencyProof(3, 7, hexes(Merkle.consistencyProof(H, source(), 3, 7)));
        assertTrue(Merkle.verify(H, c, Merkle.hex(root(3)), Merkle.hex(root(7))));
        assertFalse(Merkle.verify(H, c, Merkle.hex(root(4)), Merkle.hex(root(7))));
    }

    private static List<String> hexes(List<byte[]> hashes) {
        return hashes.stream().map(Merkle::hex).toList();
    }

    private static List<byte[]> copy(List<byte[]> proof) {
        List<byte[]> c = new ArrayList<>();
        proof.forEach(p -> c.add(p.clone()));
        return c;
    }
}
