package org.zhifa.api.record;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * RFC 9162 (RFC 6962) Merkle tree hashing and proof checks, as pure functions over a {@link Hasher}:
 * {@code leaf = H(0x00 ‖ input)}, {@code node = H(0x01 ‖ left ‖ right)}, the empty tree's root is
 * {@code H()}. The log, the offline verifier and any integrator use the same code. SHA-256 comes with the
 * JDK ({@link #SHA256}); SM3 is supplied by whoever has a provider for it (the record bundle uses
 * BouncyCastle).
 */
public final class Merkle {

    /** A hash function of the tree. Implementations must be thread-safe. */
    public interface Hasher {
        /** {@code SHA-256} or {@code SM3}. */
        String algorithm();

        /** {@code H(parts[0] ‖ parts[1] ‖ …)}. */
        byte[] hash(byte[]... parts);
    }

    /** Where proofs take the hashes of perfect subtrees from (a stored tree, or a list in memory). */
    @FunctionalInterface
    public interface SubtreeSource {
        /** The root of the perfect subtree over leaves {@code [index·2^level, (index+1)·2^level)}. */
        byte[] perfect(int level, long index);
    }

    private static final byte[] LEAF = {0};
    private static final byte[] NODE = {1};
    private static final HexFormat HEX = HexFormat.of();

    /** SHA-256 through the JDK's MessageDigest, one instance per thread. */
    public static final Hasher SHA256 = new JdkHasher("SHA-256");

    private Merkle() {}

    public static byte[] leafHash(Hasher h, byte[] input) {
        return h.hash(LEAF, input);
    }

    public static byte[] nodeHash(Hasher h, byte[] left, byte[] right) {
        return h.hash(NODE, left, right);
    }

    public static byte[] emptyRoot(Hasher h) {
        return h.hash();
    }

    /** MTH of a list of leaf hashes (RFC 9162 §2.1.1). */
    public static byte[] root(Hasher h, List<byte[]> leafHashes) {
        if (leafHashes.isEmpty()) {
            return emptyRoot(h);
        }
        return rangeRoot(h, (level, index) -> perfectOf(h, leafHashes, level, index), 0, leafHashes.size());
    }

    /** MTH of leaves {@code [start, end)}, built from the perfect subtrees it splits into; end &gt; start. */
    public static byte[] rangeRoot(Hasher h, SubtreeSource source, long start, long end) {
        long n = end - start;
        if (n <= 0) {
            throw new IllegalArgumentException("empty range");
        }
        if (Long.bitCount(n) == 1 && start % n == 0) {
            return source.perfect(Long.numberOfTrailingZeros(n), start / n);
        }
        long k = Long.highestOneBit(n - 1);
        return nodeHash(h, rangeRoot(h, source, start, start + k), rangeRoot(h, source, start + k, end));
    }

    /** The audit path of leaf {@code index} in the tree of {@code size} (RFC 6962 §2.1.1 PATH). */
    public static List<byte[]> inclusionProof(Hasher h, SubtreeSource source, long index, long size) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + size);
        }
        List<byte[]> path = new ArrayList<>();
        path(h, source, index, 0, size, path);
        return path;
    }

    private static void path(Hasher h, SubtreeSource s, long m, long start, long end, List<byte[]> out) {
        long n = end - start;
        if (n == 1) {
            return;
        }
        long k = Long.highestOneBit(n - 1);
        if (m < k) {
            path(h, s, m, start, start + k, out);
            out.add(rangeRoot(h, s, start + k, end));
        } else {
            path(h, s, m - k, start + k, end, out);
            out.add(rangeRoot(h, s, start, start + k));
        }
    }

    /** The consistency proof between the trees of {@code first} and {@code second} (RFC 6962 §2.1.2 PROOF). */
    public static List<byte[]> consistencyProof(Hasher h, SubtreeSource source, long first, long second) {
        if (first < 0 || first > second) {
            throw new IllegalArgumentException("no consistency proof from " + first + " to " + second);
        }
        List<byte[]> proof = new ArrayList<>();
        if (first > 0 && first < second) {
            subproof(h, source, first, 0, second, true, proof);
        }
        return proof;
    }

    private static void subproof(Hasher h, SubtreeSource s, long m, long start, long end, boolean b, List<byte[]> out) {
        long n = end - start;
        if (m == n) {
            if (!b) {
                out.add(rangeRoot(h, s, start, end));
            }
            return;
        }
        long k = Long.highestOneBit(n - 1);
        if (m <= k) {
            subproof(h, s, m, start, start + k, b, out);
            out.add(rangeRoot(h, s, start + k, end));
        } else {
            subproof(h, s, m - k, start + k, end, false, out);
            out.add(rangeRoot(h, s, start, start + k));
        }
    }

    /**
     * The root an inclusion proof leads to (RFC 9162 §2.1.3.2), or null when the proof cannot belong to
     * leaf {@code index} of a tree of {@code size} (wrong length, index out of range).
     */
    public static byte[] rootFromInclusion(Hasher h, long index, long size, byte[] leafHash, List<byte[]> path) {
        if (index < 0 || index >= size || leafHash == null) {
            return null;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : path) {
            if (sn == 0 || p == null) {
                return null;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(h, p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = nodeHash(h, r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 ? r : null;
    }

    /** True when {@code path} proves leaf {@code index} with {@code leafHash} in the tree of {@code size} and {@code root}. */
    public static boolean verifyInclusion(Hasher h, long index, long size, byte[] leafHash, List<byte[]> path,
                                          byte[] root) {
        byte[] computed = rootFromInclusion(h, index, size, leafHash, path);
        return computed != null && root != null && MessageDigest.isEqual(computed, root);
    }

    /** Checks an {@link InclusionProof} (hex) against a root (hex). */
    public static boolean verify(Hasher h, InclusionProof proof, String rootHex) {
        try {
            return verifyInclusion(h, proof.leafIndex(), proof.treeSize(), fromHex(proof.leafHash()),
                    proof.path().stream().map(Merkle::fromHex).toList(), fromHex(rootHex));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * True when {@code proof} shows that the tree of {@code first} with {@code firstRoot} is a prefix of
     * the tree of {@code second} with {@code secondRoot} (RFC 9162 §2.1.4.2). Any tree extends the empty
     * tree, with an empty proof.
     */
    public static boolean verifyConsistency(Hasher h, long first, long second, byte[] firstRoot, byte[] secondRoot,
                                            List<byte[]> proof) {
        if (first < 0 || second < first || firstRoot == null || secondRoot == null) {
            return false;
        }
        for (byte[] p : proof) {
            if (p == null) {
                return false;
            }
        }
        if (first == second) {
            return proof.isEmpty() && MessageDigest.isEqual(firstRoot, secondRoot);
        }
        if (first == 0) {
            return proof.isEmpty() && MessageDigest.isEqual(firstRoot, emptyRoot(h));
        }
        if (proof.isEmpty()) {
            return false;
        }
        List<byte[]> path = proof;
        if (Long.bitCount(first) == 1) {
            path = new ArrayList<>(proof.size() + 1);
            path.add(firstRoot);
            path.addAll(proof);
        }
        long fn = first - 1;
        long sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (int i = 1; i < path.size(); i++) {
            byte[] c = path.get(i);
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(h, c, fr);
                sr = nodeHash(h, c, sr);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                sr = nodeHash(h, sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(fr, firstRoot) && MessageDigest.isEqual(sr, secondRoot);
    }

    /** Checks a {@link ConsistencyProof} (hex) between two roots (hex). */
    public static boolean verify(Hasher h, ConsistencyProof proof, String firstRootHex, String secondRootHex) {
        try {
            return verifyConsistency(h, proof.firstSize(), proof.secondSize(), fromHex(firstRootHex),
                    fromHex(secondRootHex), proof.path().stream().map(Merkle::fromHex).toList());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    /** @throws IllegalArgumentException for anything but an even number of hex digits */
    public static byte[] fromHex(String hex) {
        if (hex == null) {
            throw new IllegalArgumentException("no hash");
        }
        return HEX.parseHex(hex);
    }

    private static byte[] perfectOf(Hasher h, List<byte[]> leaves, int level, long index) {
        if (level == 0) {
            return leaves.get((int) index);
        }
        return nodeHash(h, perfectOf(h, leaves, level - 1, 2 * index), perfectOf(h, leaves, level - 1, 2 * index + 1));
    }

    /** A {@link Hasher} over a JDK {@link MessageDigest} algorithm. */
    public static final class JdkHasher implements Hasher {
        private final String algorithm;
        private final ThreadLocal<MessageDigest> digest;

        public JdkHasher(String algorithm) {
            this.algorithm = algorithm;
            try {
                MessageDigest.getInstance(algorithm);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalArgumentException("no " + algorithm + " in this JDK", e);
            }
            this.digest = ThreadLocal.withInitial(() -> {
                try {
                    return MessageDigest.getInstance(algorithm);
                } catch (NoSuchAlgorithmException e) {
                    throw new IllegalStateException(e);
                }
            });
        }

        @Override
        public String algorithm() {
            return algorithm;
        }

        @Override
        public byte[] hash(byte[]... parts) {
            MessageDigest d = digest.get();
            d.reset();
            for (byte[] p : parts) {
                d.update(p);
            }
            return d.digest();
        }

        @Override
        public String toString() {
            return algorithm;
        }
    }
}
