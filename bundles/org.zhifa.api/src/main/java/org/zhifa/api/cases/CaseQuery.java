package org.zhifa.api.cases;

import java.util.List;

/**
 * A filtered, sorted page request over cases.
 *
 * @param text      contained in the number, title or party name; null = any
 * @param officerId cases this officer is assigned to; null = any
 * @param due       OVERDUE (a running timer is past due) or SOON (due within {@code dueWithin}
 *                  working days, not yet overdue); null = any
 * @param sort      one of {@link #SORT_FIELDS}
 */
public record CaseQuery(String text, String kind, String step, CaseStatus status, String category,
                        Long officerId, Due due, int dueWithin, String sort, boolean ascending,
                        int offset, int limit) {

    public enum Due { OVERDUE, SOON }

    public static final List<String> SORT_FIELDS = List.of("filedOn", "number", "nextDue", "id");
    public static final int MAX_LIMIT = 500;

    public static CaseQuery all(int offset, int limit) {
        return new CaseQuery(null, null, null, null, null, null, null, 0, "id", false, offset, limit);
    }
}
