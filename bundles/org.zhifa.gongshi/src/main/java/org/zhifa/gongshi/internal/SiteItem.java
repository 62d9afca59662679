package org.zhifa.gongshi.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

import org.zhifa.api.disclosure.ItemType;

/** An item version as the site stores it, without its text and files (what lists and the index hold). */
record SiteItem(long rowId, String publicId, int version, ItemType type, String kind, String kindTitle, String title,
                String caseNumber, String party, LocalDate decidedOn, Instant publishedAt, LocalDate postUntil) {

    /** The path of the item's page under /gongshi: decisions, notices or catalogues. */
    String path() {
        return "/" + section(type) + "/" + publicId;
    }

    static String section(ItemType type) {
        return switch (type) {
            case DECISION -> "decisions";
            case NOTICE -> "notices";
            case CATALOGUE -> "catalogues";
        };
    }

    /** What a keyword is matched against: title, case number and party, normalised. */
    String searchKey() {
        return Search.normalise(title) + "\u0000" + Search.normalise(caseNumber) + "\u0000" + Search.normalise(party);
    }

    static String typeName(ItemType type) {
        return type.name().toLowerCase(Locale.ROOT);
    }
}
