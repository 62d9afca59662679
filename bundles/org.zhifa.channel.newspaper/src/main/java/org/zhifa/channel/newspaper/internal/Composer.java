package org.zhifa.channel.newspaper.internal;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.zhifa.api.disclosure.ItemType;
import org.zhifa.channel.newspaper.internal.EditionStore.Version;
import org.zhifa.channel.newspaper.internal.EditionStore.Withdrawal;

/**
 * Decides what an edition for a period prints. An item's versions and withdrawals are events in time; what
 * counts is the item's last event up to the period's end:
 * <ul>
 * <li>a version within the period: printed as new, or as a correction (更正) when the item was first published
 * before the period (so an earlier edition carried it);</li>
 * <li>a withdrawal within the period of an item published before the period and still up at its start: a
 * withdrawal notice (撤销公告); an item both published and withdrawn within the period is not printed;</li>
 * <li>anything older: nothing (an earlier edition printed it).</li>
 * </ul>
 * A version's time is its publication time; a correction that kept the first publication time counts from
 * when the channel received it.
 */
final class Composer {
    /** Reads a version's redacted text. */
    @FunctionalInterface
    interface Texts {
        String text(String publicId, int version) throws SQLException;
    }

    private record Event(Instant at, Version version, Withdrawal withdrawal) {}

    private Composer() {}

    static List<Entry> entries(List<Version> versions, List<Withdrawal> withdrawals, LocalDate from, LocalDate to,
                               ZoneId zone, Set<ItemType> types, Texts texts) throws SQLException {
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        Map<String, List<Event>> byItem = new LinkedHashMap<>();
        Map<String, Instant> previous = new LinkedHashMap<>();
        Map<String, Instant> first = new LinkedHashMap<>();
        for (Version v : versions) {
            Instant at = v.publishedAt();
            Instant before = previous.put(v.publicId(), v.publishedAt());
            if (v.version() > 1 && before != null && !v.publishedAt().isAfter(before)) {
                at = v.receivedAt();
            }
            first.merge(v.publicId(), v.publishedAt(), (a, b) -> a.isBefore(b) ? a : b);
            if (at.isBefore(end)) {
                byItem.computeIfAbsent(v.publicId(), k -> new ArrayList<>()).add(new Event(at, v, null));
            }
        }
        for (Withdrawal w : withdrawals) {
            if (w.withdrawnAt().isBefore(end) && byItem.containsKey(w.publicId())) {
                byItem.get(w.publicId()).add(new Event(w.withdrawnAt(), null, w));
            }
        }
        List<Entry> fresh = new ArrayList<>();
        List<Entry> notices = new ArrayList<>();
        for (Map.Entry<String, List<Event>> e : byItem.entrySet()) {
            List<Event> events = e.getValue();
            events.sort(Comparator.comparing(Event::at));
            Event last = events.get(events.size() - 1);
            if (last.at().isBefore(start)) {
                continue;
            }
            Instant firstAt = first.get(e.getKey());
            boolean printedBefore = firstAt.isBefore(start);
            Version latest = null;
            Event atStart = null;
            for (Event ev : events) {
                if (ev.version() != null) {
                    latest = ev.version();
                }
                if (ev.at().isBefore(start)) {
                    atStart = ev;
                }
            }
            if (latest == null || !types.contains(latest.type())) {
                continue;
            }
            if (last.withdrawal() != null) {
                boolean upAtStart = atStart != null && atStart.version() != null;
                if (printedBefore && upAtStart) {
                    Withdrawal w = last.withdrawal();
                    notices.add(new Entry(Entry.Kind.WITHDRAWAL, latest.publicId(), latest.version(), latest.type(),
                            latest.title(), latest.caseNumber(), latest.party(), latest.decidedOn(), latest.publishedAt(),
                            firstAt, "", w.withdrawnAt(), w.ground(), w.reason()));
                }
                continue;
            }
            Entry.Kind kind = printedBefore ? Entry.Kind.CORRECTION : Entry.Kind.NEW;
            Entry entry = new Entry(kind, latest.publicId(), latest.version(), latest.type(), latest.title(),
                    latest.caseNumber(), latest.party(), latest.decidedOn(), last.at(), firstAt,
                    texts.text(latest.publicId(), latest.version()), null, null, null);
            (kind == Entry.Kind.NEW ? fresh : notices).add(entry);
        }
        fresh.sort(Comparator.comparing((Entry x) -> x.type().ordinal() == ItemType.NOTICE.ordinal() ? 0
                : x.type() == ItemType.DECISION ? 1 : 2).thenComparing(Entry::publishedAt).thenComparing(Entry::publicId));
        notices.sort(Comparator.comparing((Entry x) -> x.kind() == Entry.Kind.WITHDRAWAL ? x.withdrawnAt() : x.publishedAt())
                .thenComparing(Entry::publicId));
        List<Entry> all = new ArrayList<>(fresh);
        all.addAll(notices);
        return all;
    }
}
