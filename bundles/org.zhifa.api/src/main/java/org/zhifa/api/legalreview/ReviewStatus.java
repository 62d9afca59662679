package org.zhifa.api.legalreview;

/** Where a review stands. Only {@link #PASSED} and {@link #ADOPTED} open the gate, and only for the latest draft. */
public enum ReviewStatus {
    /** 已提交: waiting for a reviewer. */
    SUBMITTED,
    /** 审核中 */
    ASSIGNED,
    /** 通过 */
    PASSED,
    /** 不通过 */
    FAILED,
    /** 提请集体讨论: the handler disagrees with a failed review. */
    ESCALATED,
    /** 集体讨论决定按草案作出决定 */
    ADOPTED,
    /** 集体讨论决定不予采纳草案 */
    REJECTED,
    /** 已作废: the draft changed after submission. */
    VOID;

    public boolean opensGate() {
        return this == PASSED || this == ADOPTED;
    }

    public boolean open() {
        return this == SUBMITTED || this == ASSIGNED || this == ESCALATED;
    }
}
