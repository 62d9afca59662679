package org.zhifa.api.legalreview;

import java.time.LocalDate;
import java.util.List;

/** A catalogue version to publish or preview; rules are numbered by their order. */
public record CatalogueDraft(LocalDate effectiveFrom, boolean reviewAllOrdinary, List<CatalogueRule> rules,
                             String note) {

    public CatalogueDraft {
        rules = rules == null ? List.of() : List.copyOf(rules);
    }
}
