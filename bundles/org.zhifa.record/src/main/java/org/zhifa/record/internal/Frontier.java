package org.zhifa.record.internal;

import java.util.Arrays;

import org.zhifa.api.record.Merkle;

/**
 * The right edge of the tree: the roots of the perfect subtrees a tree of {@code size} leaves splits into,
 * largest first (one per set bit of {@code size}). Enough to append and to compute the root in O(log n).
 * Immutable: an append returns a new frontier, so a rolled-back append leaves the old one intact.
 */
final class Frontier {
    /** Told every perfect subtree an append completes (level ≥ 1). */
    @FunctionalInterface
    interface NodeSink {
        void node(int level, long index, byte[] hash);
    }

    final long size;
    private final byte[][] stack;

    Frontier(long size, byte[][] stack) {
        if (stack.length != Long.bitCount(size)) {
            throw new IllegalArgumentException("a tree of " + size + " has " + Long.bitCount(size) + " subtrees");
        }
        this.size = size;
        this.stack = stack;
    }

    static Frontier empty() {
        return new Frontier(0, new byte[0][]);
    }

    /** Loads the frontier of a tree of {@code size} from its perfect subtrees. */
    static Frontier of(long size, Merkle.SubtreeSource source) {
        byte[][] stack = new byte[Long.bitCount(size)][];
        long start = 0;
        int i = 0;
        for (int level = 63; level >= 0; level--) {
            if ((size & (1L << level)) != 0) {
                stack[i++] = source.perfect(level, start >> level);
                start += 1L << level;
            }
        }
        return new Frontier(size, stack);
    }

    /** Appends leaves in order; {@code sink} gets the subtrees they complete. */
    Frontier append(Merkle.Hasher h, byte[][] leaves, NodeSink sink) {
        Builder b = new Builder(this);
        for (byte[] leaf : leaves) {
            b.append(h, leaf, sink);
        }
        return b.freeze();
    }

    /** A mutable frontier, for scanning the whole log without copying per leaf. */
    static final class Builder {
        private long size;
        private final byte[][] s = new byte[65][];
        private int top;

        Builder(Frontier f) {
            size = f.size;
            System.arraycopy(f.stack, 0, s, 0, f.stack.length);
            top = f.stack.length;
        }

        long size() {
            return size;
        }

        void append(Merkle.Hasher h, byte[] leaf, NodeSink sink) {
            byte[] cur = leaf;
            long index = size;
            long bits = size;
            int level = 0;
            while ((bits & 1) == 1) {
                cur = Merkle.nodeHash(h, s[--top], cur);
                level++;
                index >>= 1;
                bits >>= 1;
                sink.node(level, index, cur);
            }
            s[top++] = cur;
            size++;
        }

        /**
         * Appends the perfect subtree of {@code 2^level} leaves whose root is {@code root}, as if its leaves were
         * appended one by one; the size must be a multiple of {@code 2^level}. {@code sink} gets the subtrees
         * above {@code level} it completes (the caller answers for those within it).
         */
        void appendPerfect(Merkle.Hasher h, int level, byte[] root, NodeSink sink) {
            if (level < 0 || level > 62 || (size & ((1L << level) - 1)) != 0) {
                throw new IllegalArgumentException("a subtree of level " + level + " cannot follow " + size + " leaves");
            }
            byte[] cur = root;
            long index = size >> level;
            long bits = index;
            int l = level;
            while ((bits & 1) == 1) {
                cur = Merkle.nodeHash(h, s[--top], cur);
                l++;
                index >>= 1;
                bits >>= 1;
                sink.node(l, index, cur);
            }
            s[top++] = cur;
            size += 1L << level;
        }

        byte[] root(Merkle.Hasher h) {
            return freeze().root(h);
        }

        Frontier freeze() {
            return new Frontier(size, Arrays.copyOf(s, top));
        }
    }

    byte[] root(Merkle.Hasher h) {
        if (stack.length == 0) {
            return Merkle.emptyRoot(h);
        }
        byte[] r = stack[stack.length - 1];
        for (int i = stack.length - 2; i >= 0; i--) {
            r = Merkle.nodeHash(h, stack[i], r);
        }
        return r;
    }
}
