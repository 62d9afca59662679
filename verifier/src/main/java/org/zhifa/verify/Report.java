package org.zhifa.verify;

import java.util.List;

/**
 * What the verifier found.
 *
 * @param unusable set when the input cannot be checked at all (not a zip, no manifest, unknown format)
 * @param caseNumber the case number the manifest names, or null
 */
record Report(Finding unusable, List<Finding> findings, String caseNumber, int files, int entries, long treeSize,
              String rootHash) {
    Report {
        findings = List.copyOf(findings);
    }

    static Report unusable(Finding f) {
        return new Report(f, List.of(), null, 0, 0, 0, null);
    }

    boolean ok() {
        return unusable == null && findings.isEmpty();
    }

    /** 0 verified, 1 something is wrong, 2 unusable input. */
    int exitCode() {
        return unusable != null ? 2 : findings.isEmpty() ? 0 : 1;
    }
}
