package org.zhifa.api.calendar;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One year's published schedule: public holidays with their festival name, adjusted working days
 * (调休), and where the schedule was published.
 */
public record YearSchedule(int year, Map<LocalDate, String> holidays, Set<LocalDate> workingDays, String source) {
    public YearSchedule {
        holidays = java.util.Collections.unmodifiableMap(new TreeMap<>(holidays));
        workingDays = java.util.Collections.unmodifiableSet(new TreeSet<>(workingDays));
    }
}
