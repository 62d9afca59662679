package org.zhifa.api.disclosure;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A disclosure item as staff see it: the whole text, its redacted form and its state. Only
 * {@link PublicItem} ever leaves the bureau.
 *
 * @param publicId       the item's public id: random, not guessable, stable across versions
 * @param caseId         the case whose decision this is, or null for a notice, a catalogue or a paper decision
 * @param version        1 on creation; every correction adds one
 * @param text           the whole, unredacted text (the party's own copy)
 * @param extraMasks     strings the approver masks in addition to what the redactor finds
 * @param major          the decision was judged major (the posting period may differ, D6)
 * @param dueOn          the last working day to publish (D3)
 * @param postUntil      the last day of the posting period, once published (D6), or null for no end
 * @param withdrawalDueOn when a withdrawal was requested: the last working day to take it down (D4)
 * @param late           not published and {@code dueOn} has passed, or a withdrawal is overdue
 * @param dueSoon        not yet late, but due within the warning window
 */
public record DisclosureItem(long id, String publicId, ItemType type, Long caseId, String caseNumber,
                             String kind, String kindTitleZh, String title, String partyName, boolean partyPerson,
                             boolean partyMinor, LocalDate decidedOn, LocalDate dueOn, ItemStatus status,
                             int version, String text, List<String> knownNames, List<String> extraMasks,
                             boolean major, String createdBy, Instant createdAt, String approvedBy,
                             Instant publishedAt, LocalDate postUntil, LocalDate withdrawalDueOn,
                             WithdrawalGround withdrawalGround, String withdrawalReason, Instant withdrawnAt,
                             String withheldReason, boolean late, boolean dueSoon) {
    public DisclosureItem {
        knownNames = List.copyOf(knownNames);
        extraMasks = List.copyOf(extraMasks);
    }
}
