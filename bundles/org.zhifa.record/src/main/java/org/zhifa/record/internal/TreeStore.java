package org.zhifa.record.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.zhifa.api.record.Merkle;

/**
 * Reads perfect subtrees from the stored tree. Level 0 is RECORD_ENTRY.LEAF_HASH; RECORD_NODE holds the
 * levels that are multiples of {@link #STRIDE}; any other level is folded from at most 2^(STRIDE-1) stored
 * hashes of the stored level below it, read with one range query. Storing one level in four keeps an
 * append at about 1/15 node rows per entry while a proof still reads O(log n) small ranges.
 */
final class TreeStore {
    static final int STRIDE = 4;

    private TreeStore() {}

    static boolean stored(int level) {
        return level > 0 && level % STRIDE == 0;
    }

    /** A source over {@code c}; SQL errors become {@link IllegalStateException}. */
    static Merkle.SubtreeSource source(Merkle.Hasher h, Connection c) {
        return source(h, c, null);
    }

    /**
     * A source over {@code c} that keeps the subtrees of level ≥ {@link #STRIDE} it reads in {@code cache}:
     * a perfect subtree of committed entries never changes, and proofs share their upper levels.
     */
    static Merkle.SubtreeSource source(Merkle.Hasher h, Connection c, Cache cache) {
        return (level, index) -> {
            long key = ((long) level << 56) | index;
            if (cache != null && level >= STRIDE) {
                byte[] known = cache.get(key);
                if (known != null) {
                    return known;
                }
            }
            try {
                byte[] hash = perfect(h, c, level, index);
                if (cache != null && level >= STRIDE) {
                    cache.put(key, hash);
                }
                return hash;
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read the record's tree: " + e.getMessage(), e);
            }
        };
    }

    /** A bounded LRU map of subtree hashes, shared by the threads that ask for proofs. */
    static final class Cache {
        private final java.util.LinkedHashMap<Long, byte[]> map;

        Cache(int max) {
            map = new java.util.LinkedHashMap<>(1024, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<Long, byte[]> eldest) {
                    return size() > max;
                }
            };
        }

        synchronized byte[] get(long key) {
            return map.get(key);
        }

        synchronized void put(long key, byte[] hash) {
            map.put(key, hash);
        }
    }

    static byte[] perfect(Merkle.Hasher h, Connection c, int level, long index) throws SQLException {
        int base = level - level % STRIDE;
        int up = level - base;
        long count = 1L << up;
        long first = index << up;
        byte[][] hashes = new byte[(int) count][];
        String sql = base == 0
                ? "SELECT SEQ, LEAF_HASH FROM RECORD_ENTRY WHERE SEQ >= ? AND SEQ < ? ORDER BY SEQ"
                : "SELECT IDX, HASH FROM RECORD_NODE WHERE LVL = " + base + " AND IDX >= ? AND IDX < ? ORDER BY IDX";
        int found = 0;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, first);
            ps.setLong(2, first + count);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long at = rs.getLong(1) - first;
                    if (hashes[(int) at] == null) {
                        found++;
                    }
                    hashes[(int) at] = Merkle.fromHex(rs.getString(2).trim());
                }
            }
        }
        if (found != count) {
            throw new IllegalStateException("the record's tree lacks hashes of level " + base + " from " + first
                    + " (" + found + " of " + count + ")");
        }
        for (int n = (int) count; n > 1; n /= 2) {
            for (int i = 0; i < n / 2; i++) {
                hashes[i] = Merkle.nodeHash(h, hashes[2 * i], hashes[2 * i + 1]);
            }
        }
        return hashes[0];
    }
}
