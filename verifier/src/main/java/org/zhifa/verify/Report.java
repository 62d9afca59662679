package org.zhifa.verify;

import java.util.List;

/**
 * What the verifier found.
 *
 * @param kind       what was checked: a case file or a draw file
 * @param unusable   set when the input cannot be checked at all (not a zip, no manifest, unknown format)
 * @param caseNumber the case number the manifest names (for a draw: the plan number and round), or null
 * @param files      the files checked (for a draw: the targets in the pool)
 * @param entries    the record entries checked (for a draw: the targets drawn)
 */
record Report(String kind, Finding unusable, List<Finding> findings, String caseNumber, int files, int entries,
              long treeSize, String rootHash) {
    static final String CASE_FILE = "casefile";
    static final String DRAW = "draw";

    Report {
        findings = List.copyOf(findings);
    }

    static Report unusable(Finding f) {
        return new Report(CASE_FILE, f, List.of(), null, 0, 0, 0, null);
    }

    boolean ok() {
        return unusable == null && findings.isEmpty();
    }

    /** 0 verified, 1 something is wrong, 2 unusable input. */
    int exitCode() {
        return unusable != null ? 2 : findings.isEmpty() ? 0 : 1;
    }
}
