package org.zhifa.gongshi.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.zhifa.api.common.Page;
import org.zhifa.api.disclosure.ItemType;

/**
 * The items on the site, in memory, newest decision first: lists and keyword searches over title, case number
 * and party never touch the database, so they stay fast at 100 000 items (one pass over compact keys, no
 * table scan). Rebuilt from the site's tables on start; told of every delivery after it committed.
 */
final class SiteIndex {
    private static final Comparator<Entry> ORDER = Comparator
            .comparing((Entry e) -> e.item.decidedOn(), Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(e -> e.item.publishedAt(), Comparator.nullsLast(Comparator.<Instant>reverseOrder()))
            .thenComparing(e -> e.item.publicId());

    private record Entry(SiteItem item, String key) {}

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, Entry> latest = new HashMap<>();
    private final Map<String, Integer> withdrawn = new HashMap<>();
    private final NavigableSet<Entry> visible = new TreeSet<>(ORDER);

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
        List<SiteItem> page = new ArrayList<>(Math.max(0, Math.min(s.limit(), 500)));
        long total = 0;
        String keyword = s.keyword() == null || s.keyword().isEmpty() ? null : s.keyword();
        lock.readLock().lock();
        try {
            for (Entry e : visible) {
                SiteItem i = e.item;
                if (s.type() != null && i.type() != s.type()
                        || s.kind() != null && !s.kind().equals(i.kind())
                        || s.from() != null && (i.decidedOn() == null || i.decidedOn().isBefore(s.from()))
                        || s.to() != null && (i.decidedOn() == null || i.decidedOn().isAfter(s.to()))
                        || expired(i, today)) {
                    continue;
                }
                if (keyword != null && !e.key.contains(keyword)
                        && (textMatches == null || !Integer.valueOf(i.version()).equals(textMatches.get(i.publicId())))) {
                    continue;
                }
                if (total >= s.offset() && page.size() < s.limit()) {
                    page.add(i);
                }
                total++;
            }
        } finally {
            lock.readLock().unlock();
        }
        return new Page<>(page, total, s.offset(), s.limit());
    }

    /** The kinds of the items on the site (id → title), for the filter. */
    Map<String, String> kinds(ItemType type) {
        Map<String, String> out = new TreeMap<>();
        lock.readLock().lock();
        try {
            for (Entry e : visible) {
                if (e.item.kind() != null && (type == null || e.item.type() == type)) {
                    out.putIfAbsent(e.item.kind(), e.item.kindTitle() == null ? e.item.kind() : e.item.kindTitle());
                }
            }
        } finally {
            lock.readLock().unlock();
        }
        return out;
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
