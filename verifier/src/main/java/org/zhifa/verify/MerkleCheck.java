package org.zhifa.verify;

import java.util.Arrays;
import java.util.List;

/** RFC 6962 / RFC 9162 tree hashing: leaf = H(0x00 ‖ input), node = H(0x01 ‖ left ‖ right). */
final class MerkleCheck {
    private final String algorithm;

    MerkleCheck(String algorithm) {
        this.algorithm = algorithm;
    }

    byte[] leaf(byte[] input) {
        return Hashing.of(algorithm).update((byte) 0).update(input).digest();
    }

    byte[] node(byte[] left, byte[] right) {
        return Hashing.of(algorithm).update((byte) 1).update(left).update(right).digest();
    }

    /** RFC 9162 §2.1.3.2: whether {@code path} proves {@code leaf} at {@code index} in the tree of {@code root}. */
    boolean inclusion(long index, long size, byte[] leaf, List<byte[]> path, byte[] root) {
        if (index < 0 || index >= size) {
            return false;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leaf;
        for (byte[] p : path) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = node(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = node(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(r, root);
    }
}
