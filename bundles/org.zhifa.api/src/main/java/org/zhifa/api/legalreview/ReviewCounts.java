package org.zhifa.api.legalreview;

/**
 * How many reviews stand where (for the 报表 of the console and reports): open ones and how many of them
 * are overdue, and the outcomes so far.
 *
 * @param pending open reviews (submitted, assigned or escalated)
 * @param overdue open reviews past their due date
 */
public record ReviewCounts(int pending, int overdue, int passed, int failed, int escalated, int adopted,
                           int rejected, int voided) {}
