package org.zhifa.calendar.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.zhifa.api.calendar.YearSchedule;

/** "What changed" of a revision, kept with it in the history: +/- per day, language-neutral. */
final class ScheduleDiff {

    static final int MAX = 4000;

    private ScheduleDiff() {}

    static String summary(YearSchedule before, YearSchedule after) {
        List<String> parts = new ArrayList<>();
        Map<LocalDate, String> oldH = before == null ? Map.of() : before.holidays();
        for (Map.Entry<LocalDate, String> e : after.holidays().entrySet()) {
            String old = oldH.get(e.getKey());
            if (!e.getValue().equals(old)) {
                parts.add("+H " + e.getKey() + " " + e.getValue());
            }
        }
        oldH.forEach((d, name) -> {
            if (!after.holidays().containsKey(d)) {
                parts.add("-H " + d + " " + name);
            }
        });
        var oldW = before == null ? java.util.Set.<LocalDate>of() : before.workingDays();
        after.workingDays().stream().filter(d -> !oldW.contains(d)).forEach(d -> parts.add("+W " + d));
        oldW.stream().filter(d -> !after.workingDays().contains(d)).forEach(d -> parts.add("-W " + d));
        if (before != null && !Objects.equals(before.source(), after.source())) {
            parts.add("source: " + after.source());
        }
        String text = parts.isEmpty() ? "=" : String.join("; ", parts);
        return text.length() <= MAX ? text : text.substring(0, MAX - 1) + "…";
    }
}
