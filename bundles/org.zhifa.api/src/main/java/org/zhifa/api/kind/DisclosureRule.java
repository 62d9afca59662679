package org.zhifa.api.kind;

import java.util.List;

/**
 * What of a kind's decisions is published, and by when (D3): within {@code workingDays} working
 * days of entering {@code step}; {@code fields} are the case fields that may be published (after
 * redaction).
 */
public record DisclosureRule(String step, int workingDays, List<String> fields) {
    public DisclosureRule {
        fields = List.copyOf(fields);
    }
}
