package org.zhifa.api.record;

import java.util.List;

/**
 * What a caller appends to the record. The record adds the sequence number, the time, the bureau and
 * the actor.
 *
 * @param objectType     what the entry is about: {@code case}, {@code officer}, {@code calendar},
 *                       {@code evidence}, {@code device}, {@code review}, {@code disclosure}, {@code draw} …
 * @param objectId       the object's id within its type (a case id, an officer id …)
 * @param step           the procedure step the entry belongs to, or null
 * @param entryType      what happened: {@code case.filed}, {@code case.transition}, {@code officer.changed},
 *                       {@code evidence.stored}, {@code evidence.purged}, {@code correction} …
 * @param payload        the facts, as a JSON object; the record stores it in canonical form
 *                       (see {@link RecordEntry#leafInput()})
 * @param evidenceHashes hex hashes of the evidence files this entry covers (may be empty)
 * @param corrects       for a correction, the sequence number of the entry it corrects, else null
 */
public record EntryDraft(String objectType, String objectId, String step, String entryType, String payload,
                         List<String> evidenceHashes, Long corrects) {
    public EntryDraft {
        if (objectType == null || objectType.isBlank() || objectId == null || objectId.isBlank()
                || entryType == null || entryType.isBlank()) {
            throw new IllegalArgumentException("an entry needs an object type, an object id and an entry type");
        }
        payload = payload == null || payload.isBlank() ? "{}" : payload;
        evidenceHashes = evidenceHashes == null ? List.of() : List.copyOf(evidenceHashes);
    }

    public static EntryDraft of(String objectType, String objectId, String step, String entryType, String payload) {
        return new EntryDraft(objectType, objectId, step, entryType, payload, List.of(), null);
    }
}
