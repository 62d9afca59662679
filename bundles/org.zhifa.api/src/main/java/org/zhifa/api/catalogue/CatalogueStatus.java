package org.zhifa.api.catalogue;

/**
 * Where a catalogue version stands. DRAFT and RETURNED are the only states whose items can change;
 * a PUBLISHED version never changes again (a correction is a new version).
 */
public enum CatalogueStatus {
    /** Being written. */
    DRAFT,
    /** Submitted for review (送审). */
    SUBMITTED,
    /** Sent back by the reviewer with an opinion; editable and submittable again. */
    RETURNED,
    /** Passed review (法制审核人员 or 负责人, not one of its authors); ready to publish. */
    REVIEWED,
    /** Published: in force from its effective date until a later published version takes effect. */
    PUBLISHED
}
