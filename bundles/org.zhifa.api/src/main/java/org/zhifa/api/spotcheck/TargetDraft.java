package org.zhifa.api.spotcheck;

import java.util.Set;

/** What staff type or import for a target. */
public record TargetDraft(String name, String creditCode, InspectionTarget.TargetType type, String area,
                          InspectionTarget.Risk risk, Set<String> tags) {
    public TargetDraft {
        tags = tags == null ? Set.of() : Set.copyOf(tags);
    }
}
