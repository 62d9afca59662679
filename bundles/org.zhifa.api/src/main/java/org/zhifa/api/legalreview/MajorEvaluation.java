package org.zhifa.api.legalreview;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Whether a decision is major (or must be reviewed anyway), and why, under one catalogue version.
 *
 * @param major         a rule matched
 * @param reviewRequired major, or the catalogue reviews every ordinary-procedure decision
 * @param reasons       each matched rule, explained, e.g. 重大：罚款 20000 ≥ 10000（公民），目录 v2（2026-01-01 起施行）第 3 条
 */
public record MajorEvaluation(boolean major, boolean reviewRequired, int catalogueVersion, LocalDate effectiveFrom,
                              List<Reason> reasons) {

    /** One matched rule. */
    public record Reason(int rule, String zh, String en) {}

    public MajorEvaluation {
        reasons = List.copyOf(reasons);
    }

    public String explainZh() {
        return reasons.stream().map(Reason::zh).collect(Collectors.joining("；"));
    }

    public String explainEn() {
        return reasons.stream().map(Reason::en).collect(Collectors.joining("; "));
    }
}
