package org.zhifa.calendar.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.zhifa.api.calendar.WorkingDays;
import org.zhifa.api.calendar.YearSchedule;

/**
 * Immutable working-day arithmetic over a set of published years. Each year is a precomputed
 * flag array plus a prefix count, so {@code between} is O(years spanned) and {@code add} is a
 * binary search per year crossed, whatever the number of days.
 */
final class CalendarTable implements WorkingDays {

    /** Largest |n| accepted by {@link #add}: a century of working days is far beyond any legal limit. */
    static final int MAX_STEP = 30_000;

    /** Weekend-only tables of unpublished years depend on nothing else: share them. */
    private static final Map<Integer, YearTable> WEEKEND_ONLY = new ConcurrentHashMap<>();

    private final Map<Integer, YearTable> published;
    private final Map<Integer, YearSchedule> schedules;

    CalendarTable(Map<Integer, YearSchedule> schedules) {
        Map<Integer, YearTable> tables = new java.util.HashMap<>();
        schedules.forEach((year, schedule) -> tables.put(year, YearTable.of(year, schedule)));
        this.published = Map.copyOf(tables);
        this.schedules = Map.copyOf(schedules);
    }

    @Override
    public boolean isWorkingDay(LocalDate day) {
        return table(day.getYear()).working[day.getDayOfYear() - 1];
    }

    @Override
    public boolean isPublished(int year) {
        return published.containsKey(year);
    }

    /** A published year answers from its holiday list, so a holiday block's weekend days count too. */
    @Override
    public boolean isPublicHoliday(LocalDate day) {
        YearSchedule schedule = schedules.get(day.getYear());
        return schedule != null ? schedule.holidays().containsKey(day) : WorkingDays.super.isPublicHoliday(day);
    }

    @Override
    public LocalDate add(LocalDate start, int n) {
        if (n > MAX_STEP || n < -MAX_STEP) {
            throw new IllegalArgumentException("working-day step out of range: " + n);
        }
        if (n == 0) {
            return add(start.minusDays(1), 1);
        }
        YearTable t = table(start.getYear());
        int idx = start.getDayOfYear() - 1;
        if (n > 0) {
            // rank (1-based, within its year) of the target working day
            long k = (long) t.cum[idx + 1] + n;
            while (k > t.total()) {
                k -= t.total();
                t = table(t.year + 1);
            }
            return t.date(t.kth((int) k));
        }
        long k = (long) t.cum[idx] + n + 1;
        while (k <= 0) {
            t = table(t.year - 1);
            k += t.total();
        }
        return t.date(t.kth((int) k));
    }

    @Override
    public int between(LocalDate a, LocalDate b) {
        if (b.isBefore(a)) {
            return -between(b, a);
        }
        YearTable ta = table(a.getYear());
        YearTable tb = table(b.getYear());
        int ia = a.getDayOfYear();
        int ib = b.getDayOfYear();
        if (ta.year == tb.year) {
            return tb.cum[ib] - ta.cum[ia];
        }
        long sum = ta.total() - ta.cum[ia];
        for (int y = ta.year + 1; y < tb.year; y++) {
            sum += table(y).total();
        }
        sum += tb.cum[ib];
        return Math.toIntExact(sum);
    }

    private YearTable table(int year) {
        YearTable t = published.get(year);
        if (t != null) {
            return t;
        }
        // cache only plausible years so odd inputs cannot grow the map without bound
        if (year >= 1900 && year <= 2300) {
            return WEEKEND_ONLY.computeIfAbsent(year, y -> YearTable.of(y, null));
        }
        return YearTable.of(year, null);
    }

    /** One year: working flag per day of year and prefix counts. */
    private static final class YearTable {
        final int year;
        final boolean[] working;
        /** cum[i] = working days among the first i days of the year. */
        final int[] cum;

        private YearTable(int year, boolean[] working) {
            this.year = year;
            this.working = working;
            this.cum = new int[working.length + 1];
            for (int i = 0; i < working.length; i++) {
                cum[i + 1] = cum[i] + (working[i] ? 1 : 0);
            }
        }

        static YearTable of(int year, YearSchedule schedule) {
            LocalDate first = LocalDate.of(year, 1, 1);
            boolean[] working = new boolean[first.lengthOfYear()];
            DayOfWeek dow = first.getDayOfWeek();
            for (int i = 0; i < working.length; i++) {
                working[i] = dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
                dow = dow.plus(1);
            }
            if (schedule != null) {
                // dates outside the year are rejected by validation; ignore them defensively
                schedule.holidays().keySet().stream().filter(d -> d.getYear() == year)
                        .forEach(d -> working[d.getDayOfYear() - 1] = false);
                schedule.workingDays().stream().filter(d -> d.getYear() == year)
                        .forEach(d -> working[d.getDayOfYear() - 1] = true);
            }
            return new YearTable(year, working);
        }

        int total() {
            return cum[working.length];
        }

        /** Index of the k-th working day (1-based) of the year. */
        int kth(int k) {
            int lo = 0;
            int hi = working.length - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (cum[mid + 1] >= k) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            return lo;
        }

        LocalDate date(int index) {
            return LocalDate.ofYearDay(year, index + 1);
        }
    }
}
