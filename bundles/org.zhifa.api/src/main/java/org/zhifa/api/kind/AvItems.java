package org.zhifa.api.kind;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A kind's part of the 音像记录事项清单 (R4): which steps need audio/video, and how, read from two
 * comma-separated lists of step ids in the kind's configuration, so a province changes the list
 * without a release.
 *
 * @since 1.1
 */
public final class AvItems {

    private AvItems() {}

    /**
     * {@code steps} with each step's rule set from the lists: {@link AvRule#UNINTERRUPTED} if named in
     * {@code uninterrupted}, {@link AvRule#REQUIRED} if named in {@code required}, else {@link AvRule#NONE}.
     *
     * @throws IllegalArgumentException if a list names an unknown step or both lists name the same one
     */
    public static List<Step> apply(List<Step> steps, String required, String uninterrupted) {
        Set<String> req = ids(required);
        Set<String> full = ids(uninterrupted);
        Set<String> known = steps.stream().map(Step::id).collect(Collectors.toSet());
        for (String id : Stream.concat(req.stream(), full.stream()).collect(Collectors.toSet())) {
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
}
