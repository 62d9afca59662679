package org.zhifa.api.catalogue;

import java.time.LocalDate;
import java.util.List;

/** The editable part of a version: effective date, items (ignored for generated catalogues) and a note. */
public record CatalogueDraft(LocalDate effectiveFrom, List<CatalogueItem> items, String note) {
    public CatalogueDraft {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
