package org.zhifa.api.kind;

import java.util.List;

/**
 * What of a kind's decisions is published, and by when (D3): within {@code workingDays} working
 * days of entering {@code step}; {@code fields} are the case fields that may be published (after
 * redaction).
 *
 * @param fromField a date field of the case (set by the transition into {@code step} or before) the working
 *                  days count from instead of the day of the transition, e.g. the day an inspection ended
 *                  (S4); null to count from the transition. A later date than the transition never counts.
 */
public record DisclosureRule(String step, int workingDays, List<String> fields, String fromField) {
    public DisclosureRule {
        fields = List.copyOf(fields);
    }

    /** Counting from the day of the transition. */
    public DisclosureRule(String step, int workingDays, List<String> fields) {
        this(step, workingDays, fields, null);
    }
}
