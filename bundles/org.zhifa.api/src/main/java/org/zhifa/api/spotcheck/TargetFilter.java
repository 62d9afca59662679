package org.zhifa.api.spotcheck;

import java.util.Set;

/**
 * Which active targets a plan draws from; an empty set means any. Also the list filter of the pool, with
 * {@code q} matching name or credit code.
 */
public record TargetFilter(String q, Set<InspectionTarget.TargetType> types, Set<String> areas,
                           Set<InspectionTarget.Risk> risks, Set<String> tags) {
    public TargetFilter {
        types = types == null ? Set.of() : Set.copyOf(types);
        areas = areas == null ? Set.of() : Set.copyOf(areas);
        risks = risks == null ? Set.of() : Set.copyOf(risks);
        tags = tags == null ? Set.of() : Set.copyOf(tags);
    }

    public static TargetFilter any() {
        return new TargetFilter(null, Set.of(), Set.of(), Set.of(), Set.of());
    }
}
