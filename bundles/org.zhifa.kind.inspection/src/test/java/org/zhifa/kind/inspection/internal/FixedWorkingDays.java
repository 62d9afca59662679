package org.zhifa.kind.inspection.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

import org.zhifa.api.calendar.WorkingDays;

/**
 * The 2026 Spring Festival as the State Council published it: 2026-02-15..2026-02-23 off,
 * Saturdays 2026-02-14 and 2026-02-28 worked (调休). Other days: Monday to Friday.
 */
final class FixedWorkingDays implements WorkingDays {

    static final Set<LocalDate> HOLIDAYS = Set.of(
            LocalDate.parse("2026-02-15"), LocalDate.parse("2026-02-16"), LocalDate.parse("2026-02-17"),
            LocalDate.parse("2026-02-18"), LocalDate.parse("2026-02-19"), LocalDate.parse("2026-02-20"),
            LocalDate.parse("2026-02-21"), LocalDate.parse("2026-02-22"), LocalDate.parse("2026-02-23"));
    static final Set<LocalDate> WORKED_SATURDAYS = Set.of(LocalDate.parse("2026-02-14"), LocalDate.parse("2026-02-28"));

    /** When false, {@link WorkingDays#isPublicHoliday} keeps its default (weekdays not worked). */
    private final boolean knowsHolidays;

    FixedWorkingDays() {
        this(true);
    }

    FixedWorkingDays(boolean knowsHolidays) {
        this.knowsHolidays = knowsHolidays;
    }

    @Override
    public boolean isWorkingDay(LocalDate day) {
        if (HOLIDAYS.contains(day)) {
            return false;
        }
        if (WORKED_SATURDAYS.contains(day)) {
            return true;
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    @Override
    public boolean isPublicHoliday(LocalDate day) {
        return knowsHolidays ? HOLIDAYS.contains(day) : WorkingDays.super.isPublicHoliday(day);
    }

    @Override
    public LocalDate add(LocalDate start, int n) {
        LocalDate d = start;
        if (n == 0) {
            while (!isWorkingDay(d)) {
                d = d.plusDays(1);
            }
            return d;
        }
        int step = n > 0 ? 1 : -1;
        for (int left = Math.abs(n); left > 0; ) {
            d = d.plusDays(step);
            if (isWorkingDay(d)) {
                left--;
            }
        }
        return d;
    }

    @Override
    public int between(LocalDate a, LocalDate b) {
        if (b.isBefore(a)) {
            return -between(b, a);
        }
        int n = 0;
        for (LocalDate d = a.plusDays(1); !d.isAfter(b); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                n++;
            }
        }
        return n;
    }

    @Override
    public boolean isPublished(int year) {
        return year == 2026;
    }
}
