package org.zhifa.api.legalreview;

/**
 * A reviewer's finding on one checklist item. A review passes only when no item is {@link Verdict#PROBLEM}
 * (for {@link ChecklistItem#ULTRA_VIRES} and {@link ChecklistItem#CRIME_REFERRAL} PROBLEM means "yes, there is").
 */
public record Finding(ChecklistItem item, Verdict verdict, String note) {

    /** 符合 / 存在问题 / 不适用 */
    public enum Verdict { OK, PROBLEM, NOT_APPLICABLE }
}
