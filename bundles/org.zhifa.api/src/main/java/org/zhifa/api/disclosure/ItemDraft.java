package org.zhifa.api.disclosure;

import java.time.LocalDate;
import java.util.List;

/**
 * A disclosure item staff create by hand: a notice (公告), a decision taken on paper, or a catalogue
 * version (whose {@code attachments} are published with it).
 *
 * @param kind       the enforcement kind id (penalty, license…) or null; it sets the legal deadline
 * @param decidedOn  the day of the decision or of the notice; the deadline counts from here
 * @param knownNames other natural persons' names to mask
 */
public record ItemDraft(ItemType type, String kind, String title, String caseNumber, String partyName,
                       boolean partyPerson, boolean partyMinor, LocalDate decidedOn, String text,
                       List<String> knownNames, List<Attachment> attachments) {
    public ItemDraft {
        knownNames = knownNames == null ? List.of() : List.copyOf(knownNames);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }
}
