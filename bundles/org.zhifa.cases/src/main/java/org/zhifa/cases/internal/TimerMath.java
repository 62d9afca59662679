package org.zhifa.cases.internal;

import java.time.LocalDate;

import org.zhifa.api.calendar.WorkingDays;
import org.zhifa.api.kind.TimerRule;

/** Due days of legal time limits. The day a period starts on is not counted (民法典 201). */
final class TimerMath {
    private TimerMath() {}

    /**
     * The last day of a period. Working-day periods count working days of the calendar; a
     * calendar-day period whose last day is a rest day or holiday ends on the next working day
     * (民法典 203).
     */
    static LocalDate due(TimerRule rule, LocalDate start, WorkingDays days) {
        return due(rule, rule.length(), start, days);
    }

    /** The last day of a period of {@code length} days counted as {@code rule} says (e.g. once extended). */
    static LocalDate due(TimerRule rule, int length, LocalDate start, WorkingDays days) {
        if (rule.count() == TimerRule.DayCount.WORKING_DAYS) {
            return days.add(start, length);
        }
        LocalDate due = start.plusDays(length);
        while (!days.isWorkingDay(due)) {
            due = due.plusDays(1);
        }
        return due;
    }
}
