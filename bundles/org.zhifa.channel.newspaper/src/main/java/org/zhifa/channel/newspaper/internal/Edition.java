package org.zhifa.channel.newspaper.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.zhifa.api.disclosure.ItemType;

/** A composed edition: what is printed for a period, in order. */
record Edition(LocalDate from, LocalDate to, Set<ItemType> types, String title, String bureau, String newspaper,
               ZoneId zone, List<Entry> entries) {
    Edition {
        types = Set.copyOf(types);
        entries = List.copyOf(entries);
    }

    /** The file name stem, ASCII only: newspaper-2026-11-01-2026-11-30. */
    String fileStem() {
        return "newspaper-" + from + "-" + to;
    }
}
