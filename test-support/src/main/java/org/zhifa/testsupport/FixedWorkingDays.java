package org.zhifa.testsupport;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import org.zhifa.api.calendar.WorkingDays;

/**
 * A {@link WorkingDays} over a fixed holiday set, for tests of legal timers. {@link #spring2026()} is the
 * State Council's 2026 Spring Festival: 2026-02-15..2026-02-23 off, Saturdays 2026-02-14 and 2026-02-28
 * adjusted working days (调休上班).
 */
public final class FixedWorkingDays implements WorkingDays {

    private final Set<LocalDate> holidays;
    private final Set<LocalDate> adjustedWorkingDays;

    public FixedWorkingDays(Set<LocalDate> holidays, Set<LocalDate> adjustedWorkingDays) {
        this.holidays = Set.copyOf(holidays);
        this.adjustedWorkingDays = Set.copyOf(adjustedWorkingDays);
    }

    public static FixedWorkingDays spring2026() {
        Set<LocalDate> off = new HashSet<>();
        for (LocalDate d = LocalDate.of(2026, 2, 15); !d.isAfter(LocalDate.of(2026, 2, 23)); d = d.plusDays(1)) {
            off.add(d);
        }
        return new FixedWorkingDays(off, Set.of(LocalDate.of(2026, 2, 14), LocalDate.of(2026, 2, 28)));
    }

    @Override
    public boolean isWorkingDay(LocalDate day) {
        if (adjustedWorkingDays.contains(day)) {
            return true;
        }
        if (holidays.contains(day)) {
            return false;
        }
        DayOfWeek w = day.getDayOfWeek();
        return w != DayOfWeek.SATURDAY && w != DayOfWeek.SUNDAY;
    }

    @Override
    public LocalDate add(LocalDate start, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n < 0");
        }
        LocalDate d = start;
        if (n == 0) {
            while (!isWorkingDay(d)) {
                d = d.plusDays(1);
            }
            return d;
        }
        int left = n;
        while (left > 0) {
            d = d.plusDays(1);
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
        return true;
    }
}
