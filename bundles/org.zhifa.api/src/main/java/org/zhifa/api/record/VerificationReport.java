package org.zhifa.api.record;

import java.time.Instant;
import java.util.List;

/**
 * The result of a verification run.
 *
 * @param full      true for a full run, false for an incremental one (entries since the last run)
 * @param fromSeq   first entry checked
 * @param treeSize  the tree size checked up to
 * @param rootHash  the recomputed root (hex)
 * @param evidenceFiles evidence files checked
 */
public record VerificationReport(boolean full, Instant started, Instant finished, long fromSeq, long treeSize,
                                 String rootHash, long evidenceFiles, List<Problem> problems) {
    public VerificationReport {
        problems = List.copyOf(problems);
    }

    public boolean ok() {
        return problems.isEmpty();
    }
}
