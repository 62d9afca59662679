package org.zhifa.gongshi.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.zhifa.api.common.Page;
import org.zhifa.api.disclosure.ItemType;

/**
 * The items on the site, in memory, newest decision first: lists and keyword searches over title, case number
 * and party never touch the database, so they stay fast at 100 000 items. A search is one pass over an array
 * (re-taken from the ordered set only after a change); each entry carries a 384-bit signature of the characters
 * and character pairs of its key, so a keyword skips almost every entry that cannot hold it before any string
 * is compared. Rebuilt from the site's tables on start; told of every delivery after it committed.
 */
final class SiteIndex {
    private static final Comparator<Entry> ORDER = Comparator
            .comparing((Entry e) -> e.item.decidedOn(), Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(e -> e.item.publishedAt(), Comparator.nullsLast(Comparator.<Instant>reverseOrder()))
            .thenComparing(e -> e.item.publicId());

    private record Entry(SiteItem item, String key, long[] sig) {
        Entry(SiteItem item, String key) {
            this(item, key, signature(key));
        }
    }

    private static final int SIG_LONGS = 6; // 2 for single characters, 4 for character pairs

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    /** @param patience see {@link #PATIENCE}; 0 = lists follow every change at once */
    SiteIndex(int patience) {
        this.patience = patience;
    }

    private final Map<String, Entry> latest = new HashMap<>();
    private final Map<String, Integer> withdrawn = new HashMap<>();
    private final NavigableSet<Entry> visible = new TreeSet<>(ORDER);
    /** {@link #visible} as arrays for searches, taken again after a change. */
    private volatile Snapshot snapshot;
    private volatile boolean changed;
    private final ReentrantLock taking = new ReentrantLock();
    /**
     * After a change, lists keep the last snapshot until this many times its taking time has passed: taking
     * them costs at most a fifth of the time while deliveries keep coming (at 100 000 items a list may lag a
     * second behind; on a small site never noticeably). Item pages never lag.
     */
    static final int PATIENCE = 5;
    private final int patience;

    /**
     * The items on the site on {@code day} (posting period not over) in display order: all, and per type, as
     * columns a search reads front to back (signatures, decision days, kind numbers side by side in arrays, the
     * entries themselves only touched when those let an item through).
     */
    private record Snapshot(long takenAt, long takeNanos, LocalDate day, Block all, Map<ItemType, Block> byType, Map<String, Integer> kindIds,
                            Map<ItemType, Map<String, String>> kinds, Map<String, int[]> results) {}

    /** Searches whose matches a snapshot remembers (positions in its block): paging and repeats cost a slice. */
    private static final int REMEMBERED = 512;

    private static final int NO_DAY = Integer.MIN_VALUE;
    private static final Block EMPTY = new Block(new Entry[0], new long[0], new int[0], new int[0]);

    private record Block(Entry[] entries, long[] sigs, int[] days, int[] kinds) {
        static Block of(List<Entry> list, Map<String, Integer> kindIds) {
            int n = list.size();
            Entry[] entries = list.toArray(new Entry[0]);
            long[] sigs = new long[n * SIG_LONGS];
            int[] days = new int[n];
            int[] kinds = new int[n];
            for (int i = 0; i < n; i++) {
                SiteItem item = entries[i].item;
                System.arraycopy(entries[i].sig, 0, sigs, i * SIG_LONGS, SIG_LONGS);
                days[i] = item.decidedOn() == null ? NO_DAY : (int) item.decidedOn().toEpochDay();
                kinds[i] = item.kind() == null ? -1 : kindIds.computeIfAbsent(item.kind(), k -> kindIds.size());
            }
            return new Block(entries, sigs, days, kinds);
        }
    }

    /** A stored version; an older version than the one known changes nothing. */
    void put(SiteItem item) {
        lock.writeLock().lock();
        try {
            Entry old = latest.get(item.publicId());
            if (old != null && old.item.version() >= item.version()) {
                return;
            }
            Entry e = new Entry(item, item.searchKey());
            latest.put(item.publicId(), e);
            if (old != null) {
                visible.remove(old);
            }
            if (withdrawn.getOrDefault(item.publicId(), 0) < item.version()) {
                visible.add(e);
            }
            changed = true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** A withdrawal of {@code version}: the item leaves unless a newer version was published since. */
    void withdraw(String publicId, int version) {
        lock.writeLock().lock();
        try {
            withdrawn.merge(publicId, version, Math::max);
            Entry e = latest.get(publicId);
            if (e != null && e.item.version() <= version) {
                visible.remove(e);
            }
            changed = true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The item's current version while it is on the site (published, not withdrawn, posting period not over). */
    Optional<SiteItem> get(String publicId, LocalDate today) {
        lock.readLock().lock();
        try {
            Entry e = latest.get(publicId);
            if (e == null || withdrawn.getOrDefault(publicId, 0) >= e.item.version() || expired(e.item, today)) {
                return Optional.empty();
            }
            return Optional.of(e.item);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * One page of the items that match, newest decision first.
     *
     * @param textMatches with a full-text search: the public ids whose text holds the keyword, with the version
     *                    that does; null otherwise
     */
    Page<SiteItem> search(Search s, LocalDate today, Map<String, Integer> textMatches) {
        Snapshot snap = entries(today);
        Block block = s.type() == null ? snap.all() : snap.byType().getOrDefault(s.type(), EMPTY);
        Entry[] entries = block.entries();
        int offset = Math.max(0, s.offset());
        int limit = Math.max(0, Math.min(s.limit(), 500));
        String keyword = s.keyword() == null || s.keyword().isEmpty() ? null : s.keyword();
        List<SiteItem> page = new ArrayList<>(limit);
        if (keyword == null && s.kind() == null && s.from() == null && s.to() == null) {
            // the plain list: a slice
            for (int i = offset; i < entries.length && page.size() < limit; i++) {
                page.add(entries[i].item);
            }
            return new Page<>(page, entries.length, offset, limit);
        }
        int[] matches = textMatches == null ? snap.results().get(s.type() + "|" + s.kind() + "|" + s.from() + "|" + s.to()
                + "|" + keyword) : null;
        if (matches == null) {
            matches = matches(snap, block, s, keyword, textMatches);
            if (textMatches == null) {
                if (snap.results().size() >= REMEMBERED) {
                    snap.results().clear();
                }
                snap.results().put(s.type() + "|" + s.kind() + "|" + s.from() + "|" + s.to() + "|" + keyword, matches);
            }
        }
        for (int i = offset; i < matches.length && page.size() < limit; i++) {
            page.add(entries[matches[i]].item);
        }
        return new Page<>(page, matches.length, offset, limit);
    }

    /** The positions in {@code block} of the items that match, in display order. */
    private static int[] matches(Snapshot snap, Block block, Search s, String keyword, Map<String, Integer> textMatches) {
        int kind = s.kind() == null ? -1 : snap.kindIds().getOrDefault(s.kind(), -2);
        if (kind == -2) {
            return new int[0];
        }
        Entry[] entries = block.entries();
        boolean dated = s.from() != null || s.to() != null;
        int from = s.from() == null ? NO_DAY + 1 : (int) s.from().toEpochDay();
        int to = s.to() == null ? Integer.MAX_VALUE : (int) s.to().toEpochDay();
        long[] want = keyword == null ? new long[SIG_LONGS] : signature(keyword);
        char single = keyword != null && keyword.length() == 1 ? keyword.charAt(0) : 0;
        long[] sigs = block.sigs();
        int[] days = block.days();
        int[] kinds = block.kinds();
        int[] out = new int[Math.min(entries.length, 1024)];
        int n = 0;
        for (int i = 0; i < entries.length; i++) {
            if (kind >= 0 && kinds[i] != kind) {
                continue;
            }
            if (dated && (days[i] < from || days[i] > to)) {
                continue; // NO_DAY is below every from
            }
            if (keyword != null) {
                int o = i * SIG_LONGS;
                boolean maybe = (sigs[o] & want[0]) == want[0] && (sigs[o + 1] & want[1]) == want[1]
                        && (sigs[o + 2] & want[2]) == want[2] && (sigs[o + 3] & want[3]) == want[3]
                        && (sigs[o + 4] & want[4]) == want[4] && (sigs[o + 5] & want[5]) == want[5];
                Entry e = entries[i];
                boolean hit = maybe && (single != 0 ? e.key.indexOf(single) >= 0 : e.key.contains(keyword));
                if (!hit && (textMatches == null
                        || !Integer.valueOf(e.item.version()).equals(textMatches.get(e.item.publicId())))) {
                    continue;
                }
            }
            if (n == out.length) {
                out = Arrays.copyOf(out, Math.min(entries.length, out.length * 2));
            }
            out[n++] = i;
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    /**
     * The items on the site on {@code day} in display order. After a change the next search takes them again,
     * unless the last take is too recent (see {@link #PATIENCE}) or another search is taking them right now: then
     * the last one serves, so a catch-up of thousands of deliveries does not make every search rebuild.
     */
    private Snapshot entries(LocalDate day) {
        Snapshot snap = snapshot;
        boolean usable = snap != null && snap.day().equals(day);
        if (usable && (!changed || System.nanoTime() - snap.takenAt() < patience * snap.takeNanos())) {
            return snap;
        }
        if (usable) {
            if (!taking.tryLock()) {
                return snap;
            }
        } else {
            taking.lock();
        }
        try {
            snap = snapshot;
            if (snap != null && snap.day().equals(day) && !changed) {
                return snap;
            }
            snap = take(day);
            snapshot = snap;
            return snap;
        } finally {
            taking.unlock();
        }
    }

    private Snapshot take(LocalDate day) {
        long t0 = System.nanoTime();
        lock.readLock().lock();
        try {
            changed = false;
            List<Entry> all = new ArrayList<>(visible.size());
            Map<ItemType, List<Entry>> byType = new EnumMap<>(ItemType.class);
            for (Entry e : visible) {
                if (!expired(e.item, day)) {
                    all.add(e);
                    byType.computeIfAbsent(e.item.type(), t -> new ArrayList<>()).add(e);
                }
            }
            Map<String, Integer> kindIds = new HashMap<>();
            Map<ItemType, Block> blocks = new EnumMap<>(ItemType.class);
            Map<ItemType, Map<String, String>> kinds = new EnumMap<>(ItemType.class);
            byType.forEach((t, l) -> {
                blocks.put(t, Block.of(l, kindIds));
                Map<String, String> k = new TreeMap<>();
                for (Entry e : l) {
                    if (e.item.kind() != null) {
                        k.putIfAbsent(e.item.kind(), e.item.kindTitle() == null ? e.item.kind() : e.item.kindTitle());
                    }
                }
                kinds.put(t, k);
            });
            long now = System.nanoTime();
            return new Snapshot(now, now - t0, day, Block.of(all, kindIds), blocks, kindIds, kinds,
                    new ConcurrentHashMap<>());
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Bits for the characters (first 128) and the character pairs (next 256) of a normalised key. */
    static long[] signature(String key) {
        long[] sig = new long[SIG_LONGS];
        for (int i = 0; i < key.length(); i++) {
            int c = key.charAt(i);
            int u = (c * 0x9E3779B1) >>> 25; // 0..127
            sig[u >>> 6] |= 1L << (u & 63);
            if (i + 1 < key.length()) {
                int b = ((c * 31 + key.charAt(i + 1)) * 0x85EBCA6B) >>> 24; // 0..255
                sig[2 + (b >>> 6)] |= 1L << (b & 63);
            }
        }
        return sig;
    }

    /** The kinds of the items of {@code type} on the site (id → title), for the filter. */
    Map<String, String> kinds(ItemType type, LocalDate today) {
        return entries(today).kinds().getOrDefault(type, Map.of());
    }

    /** How many items are on the site now. */
    int size() {
        lock.readLock().lock();
        try {
            return visible.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    private static boolean expired(SiteItem i, LocalDate today) {
        return i.postUntil() != null && i.postUntil().isBefore(today);
    }
}
