package org.zhifa.verify;

import java.util.List;

import org.zhifa.api.record.Merkle;

/** The API's pure Merkle functions (RFC 6962/9162) over the case file's hash algorithm. */
final class MerkleCheck {
    private final Merkle.Hasher hasher;

    MerkleCheck(String algorithm) {
        this.hasher = new Merkle.Hasher() {
            @Override
            public String algorithm() {
                return algorithm;
            }

            @Override
            public byte[] hash(byte[]... parts) {
                Hashing h = Hashing.of(algorithm);
                for (byte[] p : parts) {
                    h.update(p);
                }
                return h.digest();
            }
        };
    }

    byte[] leaf(byte[] input) {
        return Merkle.leafHash(hasher, input);
    }

    byte[] node(byte[] left, byte[] right) {
        return Merkle.nodeHash(hasher, left, right);
    }

    /** RFC 9162 §2.1.3.2: whether {@code path} proves {@code leaf} at {@code index} in the tree of {@code root}. */
    boolean inclusion(long index, long size, byte[] leaf, List<byte[]> path, byte[] root) {
        return Merkle.verifyInclusion(hasher, index, size, leaf, path, root);
    }
}
