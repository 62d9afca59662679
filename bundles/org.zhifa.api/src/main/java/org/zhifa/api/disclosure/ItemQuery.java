package org.zhifa.api.disclosure;

/**
 * A filter over disclosure items.
 *
 * @param due   null, {@code late} (late or withdrawal overdue) or {@code soon} (due within the warning window)
 * @param text  matches title, case number or party name
 */
public record ItemQuery(ItemStatus status, ItemType type, String kind, String due, String text, int offset,
                        int limit) {
    public static ItemQuery all(int offset, int limit) {
        return new ItemQuery(null, null, null, null, null, offset, limit);
    }
}
