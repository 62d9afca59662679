package org.zhifa.api.spotcheck;

import java.util.List;

/**
 * A draw re-run from what the record and the stored snapshots hold: the snapshots' hashes recomputed and
 * compared with the record entry's, the draw re-run with {@link DrawAlgorithm}, the result compared.
 *
 * @param problems empty when everything matches; else what differs, in both languages
 */
public record DrawVerification(long drawId, boolean ok, String algorithm, String key, DrawResult rerun,
                               List<String> problems) {
    public DrawVerification {
        problems = List.copyOf(problems);
    }
}
