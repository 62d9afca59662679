package org.zhifa.kind.inspection.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.zhifa.api.kind.AvRule;
import org.zhifa.api.kind.Step;

/** The kind's part of the 音像记录事项清单 (R4, configurable): which steps need audio/video, and how. */
final class AvItems {

    private AvItems() {}

    /** Sets each step's rule from two comma-separated lists of step ids; an unknown or doubly listed id is refused. */
    static List<Step> apply(List<Step> steps, String required, String uninterrupted) {
        Set<String> req = ids(required);
        Set<String> full = ids(uninterrupted);
        Set<String> known = steps.stream().map(Step::id).collect(Collectors.toSet());
        for (String id : union(req, full)) {
            if (!known.contains(id)) {
                throw new IllegalArgumentException("A/V list names an unknown step: " + id);
            }
        }
        if (req.stream().anyMatch(full::contains)) {
            throw new IllegalArgumentException("a step is listed both as A/V required and uninterrupted");
        }
        return steps.stream().map(s -> s.av(full.contains(s.id()) ? AvRule.UNINTERRUPTED
                : req.contains(s.id()) ? AvRule.REQUIRED : AvRule.NONE)).toList();
    }

    private static Set<String> ids(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).collect(Collectors.toSet());
    }
}
