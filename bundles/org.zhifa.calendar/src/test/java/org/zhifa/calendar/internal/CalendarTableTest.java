package org.zhifa.calendar.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zhifa.api.calendar.YearSchedule;

/**
 * Working-day arithmetic against the shipped schedules (etc/zhifa-holidays.json). Expected values
 * were counted by hand from the State Council notices for 2025 and 2026.
 */
class CalendarTableTest {

    static final Path FILE = Path.of("../../etc/zhifa-holidays.json");
    static CalendarTable cal;

    static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    @BeforeAll
    static void load() {
        Map<Integer, YearSchedule> years = CalendarService.readFile(FILE);
        assertEquals(java.util.Set.of(2025, 2026), years.keySet(), "both shipped years parse and validate");
        cal = new CalendarTable(years);
    }

    @Test
    void nationalDay2026IsAHolidayWeek() {
        for (int day = 1; day <= 7; day++) {
            assertFalse(cal.isWorkingDay(LocalDate.of(2026, 10, day)), "2026-10-0" + day);
        }
        assertTrue(cal.isWorkingDay(d("2026-10-08")), "Thursday after the holiday");
        assertTrue(cal.isWorkingDay(d("2026-09-30")), "Wednesday before it");
    }

    @Test
    void adjustedSaturdaysAreWorkingDays() {
        assertTrue(cal.isWorkingDay(d("2026-10-10")), "Saturday 调休上班");
        assertTrue(cal.isWorkingDay(d("2026-02-14")), "Saturday before Spring Festival");
        assertTrue(cal.isWorkingDay(d("2026-02-28")));
        assertTrue(cal.isWorkingDay(d("2026-01-04")), "Sunday after New Year");
        assertFalse(cal.isWorkingDay(d("2026-10-11")), "plain Sunday");
        assertFalse(cal.isWorkingDay(d("2026-10-17")), "plain Saturday");
        assertTrue(cal.isWorkingDay(d("2026-10-12")), "plain Monday");
    }

    @Test
    void publicHolidaysAreToldFromWeekends() {
        assertTrue(cal.isPublicHoliday(d("2026-02-17")), "Spring Festival, Tuesday");
        assertTrue(cal.isPublicHoliday(d("2026-02-15")), "Sunday inside the Spring Festival block");
        assertFalse(cal.isPublicHoliday(d("2026-03-08")), "plain Sunday");
        assertFalse(cal.isPublicHoliday(d("2026-02-14")), "adjusted working Saturday");
        assertFalse(cal.isPublicHoliday(d("2026-03-09")), "plain Monday");
        assertFalse(cal.isPublicHoliday(d("2030-01-01")), "unpublished year: no holiday known yet");
        assertFalse(cal.isPublicHoliday(d("2030-01-05")), "unpublished year: a Saturday is a weekend");
    }

    @Test
    void addAcrossNationalDay() {
        // Oct 1-7 off; Oct 8 Thu (1), 9 Fri (2), 10 Sat adjusted (3), 12-15 Mon-Thu (4-7)
        assertEquals(d("2026-10-15"), cal.add(d("2026-09-30"), 7));
        assertEquals(d("2026-10-08"), cal.add(d("2026-09-30"), 1));
        assertEquals(d("2026-10-10"), cal.add(d("2026-09-30"), 3));
        assertEquals(d("2026-10-12"), cal.add(d("2026-09-30"), 4));
    }

    @Test
    void addAcrossSpringFestival() {
        // from Thu Feb 12: Fri 13 (1), Sat 14 adjusted (2), Feb 15-23 off, Tue 24 (3)
        assertEquals(d("2026-02-24"), cal.add(d("2026-02-12"), 3));
        // Wed 25 (1), Thu 26 (2), Fri 27 (3), Sat 28 adjusted (4)
        assertEquals(d("2026-02-28"), cal.add(d("2026-02-24"), 4));
        // Spring Festival 2025: Jan 28 - Feb 4 off, Sat Feb 8 adjusted; from Mon Jan 27: Feb 5 (1) .. Feb 7 (3), Feb 8 (4)
        assertEquals(d("2025-02-08"), cal.add(d("2025-01-27"), 4));
        assertEquals(d("2025-02-05"), cal.add(d("2025-01-26"), 2), "Sun Jan 26 adjusted; Mon 27 (1), Feb 5 (2)");
    }

    @Test
    void zeroStepsIsFirstWorkingDayOnOrAfter() {
        assertEquals(d("2026-10-08"), cal.add(d("2026-10-01"), 0));
        assertEquals(d("2026-10-08"), cal.add(d("2026-10-08"), 0));
        assertEquals(d("2026-10-10"), cal.add(d("2026-10-10"), 0));
        assertEquals(d("2026-10-12"), cal.add(d("2026-10-11"), 0));
    }

    @Test
    void negativeStepsCountBackwards() {
        // before Thu Oct 8: Oct 1-7 off, Wed Sep 30 (1), Tue 29 (2)
        assertEquals(d("2026-09-30"), cal.add(d("2026-10-08"), -1));
        assertEquals(d("2026-09-29"), cal.add(d("2026-10-08"), -2));
        // before Mon Jan 5 2026: Sun Jan 4 adjusted (1), Jan 1-3 off, Wed Dec 31 2025 (2)
        assertEquals(d("2025-12-31"), cal.add(d("2026-01-05"), -2));
    }

    @Test
    void betweenAcrossTheYearBoundary() {
        // (Dec 31, Jan 5]: Jan 1-3 off, Sun Jan 4 adjusted, Mon Jan 5
        assertEquals(2, cal.between(d("2025-12-31"), d("2026-01-05")));
        // (Thu Dec 25, Mon Jan 5]: Dec 26, 29, 30, 31, Jan 4, Jan 5
        assertEquals(6, cal.between(d("2025-12-25"), d("2026-01-05")));
        assertEquals(-6, cal.between(d("2026-01-05"), d("2025-12-25")));
        assertEquals(0, cal.between(d("2026-10-03"), d("2026-10-03")));
        assertEquals(0, cal.between(d("2026-09-30"), d("2026-10-07")), "only holidays in between");
        assertEquals(7, cal.between(d("2026-09-30"), d("2026-10-15")));
    }

    @Test
    void wholeYearsCount() {
        // 2026: 261 weekdays - 19 weekday holidays + 6 adjusted = 248
        assertEquals(248, cal.between(d("2025-12-31"), d("2026-12-31")));
        // 2025: 261 weekdays - 18 weekday holidays + 5 adjusted = 248
        assertEquals(248, cal.between(d("2024-12-31"), d("2025-12-31")));
        // 2024 is not in the file: weekdays only (leap year from Monday: 52 weeks + Mon, Tue) = 262
        assertEquals(262, cal.between(d("2023-12-31"), d("2024-12-31")));
    }

    @Test
    void unpublished2027FallsBackToWeekends() {
        assertTrue(cal.isPublished(2026));
        assertFalse(cal.isPublished(2027));
        assertTrue(cal.isWorkingDay(d("2027-01-01")), "New Year 2027 is a Friday, not yet published");
        assertFalse(cal.isWorkingDay(d("2027-01-02")));
        assertEquals(d("2027-01-01"), cal.add(d("2026-12-31"), 1));
        // Jan 1, Jan 4-8, Jan 11
        assertEquals(7, cal.between(d("2026-12-31"), d("2027-01-11")));
    }

    @Test
    void addAndBetweenAgree() {
        LocalDate start = d("2025-06-01");
        // Sun Jun 1 2025 is 端午; Sat May 31 too; Fri May 30 is the last working day before it
        LocalDate lastOnOrBefore = d("2025-05-30");
        assertEquals(lastOnOrBefore, cal.add(start, -1));
        for (int n = 1; n <= 600; n++) {
            LocalDate end = cal.add(start, n);
            assertTrue(cal.isWorkingDay(end));
            assertEquals(n, cal.between(start, end), "n=" + n);
            assertEquals(lastOnOrBefore, cal.add(end, -n), "back n=" + n);
        }
    }

    @Test
    void addIsCheapOverHundredsOfDays() {
        LocalDate start = d("2025-01-01");
        long t0 = System.nanoTime();
        LocalDate last = null;
        for (int i = 0; i < 100_000; i++) {
            last = cal.add(start.plusDays(i % 365), 300);
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(last.getYear() >= 2026);
        assertTrue(ms < 2_000, "100k adds of 300 working days took " + ms + " ms");
    }

    @Test
    void absurdStepsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> cal.add(d("2026-01-01"), Integer.MAX_VALUE));
    }

    @Test
    void editedScheduleReplacesTheYear() {
        // an administrator adds 2027 with New Year on Fri Jan 1 and a working Sunday Jan 3
        YearSchedule y2027 = new YearSchedule(2027, Map.of(d("2027-01-01"), "元旦"), java.util.Set.of(d("2027-01-03")), "test");
        Map<Integer, YearSchedule> years = new java.util.HashMap<>(CalendarService.readFile(FILE));
        years.put(2027, y2027);
        CalendarTable edited = new CalendarTable(years);
        assertTrue(edited.isPublished(2027));
        assertFalse(edited.isWorkingDay(d("2027-01-01")));
        assertEquals(d("2027-01-03"), edited.add(d("2026-12-31"), 1));
        assertEquals(d("2027-01-04"), edited.add(d("2026-12-31"), 2));
    }
}
