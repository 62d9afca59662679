package org.zhifa.api.legalreview;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One version of the bureau's catalogue. Versions are never changed: editing publishes a new version
 * with its effective date; the version in force on a day is the one with the latest
 * {@code effectiveFrom} not after it (the higher version on a tie). Version 1 is the national default
 * the bureau starts with.
 *
 * @param reviewAllOrdinary review every decision outside the simple (当场) procedure, major or not
 */
public record Catalogue(int version, LocalDate effectiveFrom, boolean reviewAllOrdinary, List<CatalogueRule> rules,
                        String note, String createdBy, Instant createdAt) {

    public Catalogue {
        rules = List.copyOf(rules);
    }
}
