package org.zhifa.api.catalogue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A version of a catalogue.
 *
 * @param id                the version's id (unique across types)
 * @param number            1, 2, 3 … per type
 * @param revision          how many times the draft's items were saved (1 on creation)
 * @param correctionOf      for a correction (纠错, D7): the id of the published version it corrects
 * @param correctionRequest who asked for the correction and why
 * @param authors           everyone who created or revised the draft: none of them may review it
 * @param inForce           published, effective, and no later published version has taken effect
 * @param disclosureItemId  the disclosure item that carries it to the public channels, once handed over
 */
public record CatalogueVersion(long id, CatalogueType type, int number, int revision, CatalogueStatus status,
                               LocalDate effectiveFrom, List<CatalogueItem> items, String note, Long correctionOf,
                               String correctionRequest, List<String> authors, String createdBy, Instant createdAt,
                               String reviewedBy, String reviewOpinion, String publishedBy, Instant publishedAt,
                               boolean inForce, Long disclosureItemId, List<CatalogueEvent> events) {
    public CatalogueVersion {
        items = List.copyOf(items);
        authors = List.copyOf(authors);
        events = List.copyOf(events);
    }
}
