package org.zhifa.api.record;

import java.time.Instant;
import java.util.List;

/**
 * One entry of the log, as stored. Its leaf hash is {@code H(0x00 ‖ leafInput())}.
 *
 * @param seq     the entry's index in the Merkle tree, from 0, without gaps
 * @param at      when it was appended (millisecond precision)
 * @param bureau  the bureau code
 * @param actor   who caused it (a JAAS user name, or {@code system})
 * @param payload canonical JSON (object keys sorted, no insignificant white space)
 */
public record RecordEntry(long seq, Instant at, String bureau, String objectType, String objectId, String step,
                          String actor, String entryType, String payload, List<String> evidenceHashes,
                          Long corrects) {
    public RecordEntry {
        evidenceHashes = List.copyOf(evidenceHashes);
    }

    /**
     * The exact bytes hashed into the tree: the UTF-8 of a JSON object with these keys in this order,
     * {@code seq, at, bureau, objectType, objectId, step, actor, entryType, payload, evidence, corrects};
     * {@code at} as ISO-8601 UTC with milliseconds ({@code 2026-11-26T08:00:00.000Z}); {@code payload}
     * embedded as its canonical JSON; absent values as {@code null}. Anyone can recompute it from an
     * exported entry, years later.
     */
    public byte[] leafInput() {
        return CanonicalJson.entry(this);
    }
}
