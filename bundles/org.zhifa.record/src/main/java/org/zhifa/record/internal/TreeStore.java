package org.zhifa.record.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.zhifa.api.record.Merkle;

/**
 * Reads perfect subtrees from the stored tree. Level 0 is RECORD_ENTRY.LEAF_HASH; RECORD_NODE holds the
 * levels that are multiples of {@link #STRIDE}; any other level is folded from at most 2^(STRIDE-1) stored
 * hashes of the stored level below it. Storing one level in four keeps an append at about 1/15 node rows
 * per entry while a proof still reads O(log n) small ranges.
 */
final class TreeStore {
    static final int STRIDE = 4;
    /** Stored levels from here up are kept in memory once read (1 M entries: ~4 400 hashes). */
    static final int CACHED_LEVEL = 8;
    /** Blocks of level-4 nodes kept, most recently used (8 192 blocks ≈ 7 MB: all of them up to 2 M entries). */
    static final int LEVEL4_BLOCKS = 8_192;
    private static final int BLOCK = 1 << STRIDE;

    private TreeStore() {}

    static boolean stored(int level) {
        return level > 0 && level % STRIDE == 0;
    }

    /** A source over {@code c} without any cache (the append path sees its own uncommitted rows). */
    static Merkle.SubtreeSource source(Merkle.Hasher h, Connection c) {
        return (level, index) -> {
            try {
                return perfect(h, c, level, index);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read the record's tree: " + e.getMessage(), e);
            }
        };
    }

    /**
     * A source for one proof over committed entries read through {@code c}: each aligned block of
     * 2^STRIDE stored hashes is read with one query and kept for the rest of the proof, so an inclusion proof
     * reads one block of leaves and at most one of level-4 nodes; stored levels ≥ {@link #CACHED_LEVEL} and
     * recently used level-4 blocks come from {@code upper}, shared by every proof (a perfect subtree of
     * committed entries never changes).
     */
    static Merkle.SubtreeSource proofSource(Merkle.Hasher h, Connection c, Upper upper) {
        Map<Long, byte[][]> blocks = new HashMap<>();
        return (level, index) -> {
            int base = level - level % STRIDE;
            int up = level - base;
            long first = index << up;
            long block = first >> STRIDE;
            byte[][] hashes;
            if (base >= STRIDE) {
                hashes = upper.block(base, block);
                if (hashes == null || !complete(hashes, first, 1L << up)) {
                    hashes = read(h, c, base, block);
                    upper.put(base, block, hashes);
                }
            } else {
                hashes = blocks.get(((long) base << 56) | block);
                if (hashes == null) {
                    hashes = read(h, c, base, block);
                    blocks.put(((long) base << 56) | block, hashes);
                }
            }
            int at = (int) (first - (block << STRIDE));
            return fold(h, hashes, at, 1 << up, base, first);
        };
    }

    private static boolean complete(byte[][] hashes, long first, long count) {
        int at = (int) (first & (BLOCK - 1));
        for (int i = at; i < at + count; i++) {
            if (hashes[i] == null) {
                return false;
            }
        }
        return true;
    }

    private static byte[][] read(Merkle.Hasher h, Connection c, int base, long block) {
        try {
            return range(c, base, block << STRIDE, BLOCK);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the record's tree: " + e.getMessage(), e);
        }
    }

    /**
     * Blocks of stored nodes, shared by the threads that ask for proofs: every block of the levels
     * ≥ {@link #CACHED_LEVEL}, and the {@link #LEVEL4_BLOCKS} most recently used of level 4.
     */
    static final class Upper {
        private final Map<Long, byte[][]> blocks = new ConcurrentHashMap<>();
        private final Map<Long, byte[][]> level4 = java.util.Collections.synchronizedMap(
                new java.util.LinkedHashMap<>(1024, 0.75f, true) {
                    private static final long serialVersionUID = 1L;

                    @Override
                    protected boolean removeEldestEntry(Map.Entry<Long, byte[][]> eldest) {
                        return size() > LEVEL4_BLOCKS;
                    }
                });

        private Map<Long, byte[][]> of(int level) {
            return level >= CACHED_LEVEL ? blocks : level4;
        }

        byte[][] block(int level, long block) {
            return of(level).get(((long) level << 56) | block);
        }

        /**
         * Keeps a block as read: the nodes in it are committed and never change; one missing (not yet written
         * when it was read) makes a later proof that needs it read the block again.
         */
        void put(int level, long block, byte[][] hashes) {
            of(level).put(((long) level << 56) | block, hashes);
        }
    }

    static byte[] perfect(Merkle.Hasher h, Connection c, int level, long index) throws SQLException {
        int base = level - level % STRIDE;
        int up = level - base;
        int count = 1 << up;
        long first = index << up;
        return fold(h, range(c, base, first, count), 0, count, base, first);
    }

    /** The stored hashes of level {@code base} from {@code first}, {@code count} of them (null where absent). */
    private static byte[][] range(Connection c, int base, long first, int count) throws SQLException {
        byte[][] hashes = new byte[count][];
        String sql = base == 0
                ? "SELECT SEQ, LEAF_HASH FROM RECORD_ENTRY WHERE SEQ >= ? AND SEQ < ? ORDER BY SEQ"
                : "SELECT IDX, HASH FROM RECORD_NODE WHERE LVL = " + base + " AND IDX >= ? AND IDX < ? ORDER BY IDX";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, first);
            ps.setLong(2, first + count);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    hashes[(int) (rs.getLong(1) - first)] = Merkle.fromHex(rs.getString(2).trim());
                }
            }
        }
        return hashes;
    }

    /** The root over {@code hashes[at, at + count)} (count a power of two); all of them must be there. */
    private static byte[] fold(Merkle.Hasher h, byte[][] hashes, int at, int count, int base, long first) {
        byte[][] level = new byte[count][];
        for (int i = 0; i < count; i++) {
            if (hashes[at + i] == null) {
                throw new IllegalStateException("the record's tree lacks the hash of level " + base + " at "
                        + (first + i));
            }
            level[i] = hashes[at + i];
        }
        for (int n = count; n > 1; n /= 2) {
            for (int i = 0; i < n / 2; i++) {
                level[i] = Merkle.nodeHash(h, level[2 * i], level[2 * i + 1]);
            }
        }
        return level[0];
    }
}
