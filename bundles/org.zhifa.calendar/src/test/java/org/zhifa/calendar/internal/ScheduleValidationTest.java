package org.zhifa.calendar.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.zhifa.api.calendar.YearSchedule;
import org.zhifa.api.common.ZhifaException;

class ScheduleValidationTest {

    static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    static YearSchedule year2027(Map<LocalDate, String> holidays, Set<LocalDate> working) {
        return new YearSchedule(2027, holidays, working, "test");
    }

    static ZhifaException refused(YearSchedule s) {
        return assertThrows(ZhifaException.class, () -> ScheduleValidator.validate(s));
    }

    @Test
    void aSoundScheduleIsAccepted() {
        // 2027-01-01 Fri 元旦; 2027-01-03 a Sunday made a working day
        assertDoesNotThrow(() -> ScheduleValidator.validate(
                year2027(Map.of(d("2027-01-01"), "元旦"), Set.of(d("2027-01-03")))));
    }

    @Test
    void dateMustBelongToTheYear() {
        ZhifaException e = refused(year2027(Map.of(d("2026-12-31"), "元旦"), Set.of()));
        assertEquals("calendar.date.outside.year", e.code());
        assertEquals(ZhifaException.Kind.INVALID, e.kind());
        assertEquals("holidays", e.field());
        assertEquals("calendar.date.outside.year",
                refused(year2027(Map.of(d("2027-01-01"), "元旦"), Set.of(d("2028-01-01")))).code());
    }

    @Test
    void aDayCannotBeBothHolidayAndWorkingDay() {
        ZhifaException e = refused(year2027(Map.of(d("2027-01-02"), "元旦"), Set.of(d("2027-01-02"))));
        assertEquals("calendar.date.conflict", e.code());
        assertTrue(e.messageZh().contains("2027-01-02"), e.messageZh());
        assertTrue(e.messageEn().contains("2027-01-02"), e.messageEn());
    }

    @Test
    void adjustedWorkingDayMustBeAWeekendDay() {
        // 2027-01-04 is a Monday
        ZhifaException e = refused(year2027(Map.of(d("2027-01-01"), "元旦"), Set.of(d("2027-01-04"))));
        assertEquals("calendar.workday.not.weekend", e.code());
        assertEquals("working_days", e.field());
    }

    @Test
    void yearRangeIsSane() {
        assertEquals("calendar.year.range", refused(new YearSchedule(1899, Map.of(d("1899-01-02"), "x"), Set.of(), null)).code());
        assertEquals("calendar.year.range", refused(new YearSchedule(2101, Map.of(d("2101-01-03"), "x"), Set.of(), null)).code());
        ZhifaException e = assertThrows(ZhifaException.class, () -> ScheduleValidator.checkYear(20277));
        assertTrue(e.messageZh().contains("20277"), "no digit grouping: " + e.messageZh());
    }

    @Test
    void holidaysNeedANameAndAtLeastOneDay() {
        assertEquals("calendar.holidays.empty", refused(year2027(Map.of(), Set.of())).code());
        assertEquals("calendar.holiday.name.missing", refused(year2027(Map.of(d("2027-01-01"), " "), Set.of())).code());
    }

    @Test
    void messagesComeInChineseAndEnglish() {
        ZhifaException e = refused(year2027(Map.of(d("2027-01-01"), "元旦"), Set.of(d("2027-01-04"))));
        assertNotEquals(e.messageZh(), e.messageEn());
        assertTrue(e.messageZh().contains("周六"), e.messageZh());
        assertTrue(e.messageEn().contains("Saturday"), e.messageEn());
        assertEquals("工作日历", Messages.text(java.util.Locale.SIMPLIFIED_CHINESE, "view.title"));
        assertEquals("Working-day calendar", Messages.text(java.util.Locale.ENGLISH, "view.title"));
        assertEquals("工作日历", Messages.text(java.util.Locale.FRENCH, "view.title"), "Chinese is the default");
        assertTrue(Messages.text(java.util.Locale.CHINA, "view.warning", "2027").startsWith("2027年节假日安排尚未录入"));
    }

    @Test
    void bodyWithTheSameDateUnderTwoFestivalsIsRefused() {
        Map<String, Object> holidays = new LinkedHashMap<>();
        holidays.put("中秋节", List.of("2027-09-15"));
        holidays.put("国庆节", List.of("2027-09-15", "2027-10-01"));
        ZhifaException e = assertThrows(ZhifaException.class,
                () -> ScheduleJson.fromBody(2027, Map.of("holidays", holidays)));
        assertEquals("calendar.date.duplicate", e.code());
    }

    @Test
    void bodyWithABadDateIsRefused() {
        ZhifaException e = assertThrows(ZhifaException.class,
                () -> ScheduleJson.fromBody(2027, Map.of("holidays", Map.of("元旦", List.of("2027-13-01")))));
        assertEquals("calendar.date.invalid", e.code());
        assertEquals("calendar.body.invalid", assertThrows(ZhifaException.class,
                () -> ScheduleJson.fromBody(2027, Map.of("working_days", "2027-01-03"))).code());
    }

    @Test
    void bodyRoundTrips() {
        Map<String, Object> body = Map.of("holidays", Map.of("元旦", List.of("2027-01-01")),
                "working_days", List.of("2027-01-03"), "source", " 国办发明电 ");
        YearSchedule s = ScheduleJson.fromBody(2027, body);
        assertEquals(Map.of(d("2027-01-01"), "元旦"), s.holidays());
        assertEquals(Set.of(d("2027-01-03")), s.workingDays());
        assertEquals("国办发明电", s.source());
        Map<String, Object> back = ScheduleJson.toBody(s);
        assertEquals(Map.of("元旦", List.of("2027-01-01")), back.get("holidays"));
        assertEquals(List.of("2027-01-03"), back.get("working_days"));
    }

    @Test
    void aBrokenYearInTheFileIsSkippedNotFatal() throws Exception {
        String json = "{\"sources\": {\"2026\": \"src\"}, \"years\": {"
                + "\"2026\": {\"holidays\": {\"国庆节\": [\"2026-10-01\"]}, \"working_days\": [\"2026-10-10\"]},"
                + "\"2027\": {\"holidays\": {\"元旦\": [\"2027-01-01\"]}, \"working_days\": [\"2027-01-04\"]}}}";
        List<String> rejected = new ArrayList<>();
        Map<Integer, YearSchedule> years = ScheduleJson.parseFile(
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), (y, e) -> rejected.add(y + " " + e.code()));
        assertEquals(Set.of(2026), years.keySet());
        assertEquals("src", years.get(2026).source());
        assertEquals(List.of("2027 calendar.workday.not.weekend"), rejected);
    }

    @Test
    void diffSaysWhatChanged() {
        YearSchedule before = year2027(Map.of(d("2027-01-01"), "元旦"), Set.of());
        YearSchedule after = year2027(Map.of(d("2027-02-06"), "春节"), Set.of(d("2027-01-03")));
        String summary = ScheduleDiff.summary(before, after);
        assertTrue(summary.contains("+H 2027-02-06 春节"), summary);
        assertTrue(summary.contains("-H 2027-01-01 元旦"), summary);
        assertTrue(summary.contains("+W 2027-01-03"), summary);
        assertFalse(summary.contains("source"), summary);
    }

    @Test
    void karafEtcIsResolved() {
        String old = System.getProperty("karaf.etc");
        System.setProperty("karaf.etc", "/opt/bureau/etc");
        try {
            assertEquals(java.nio.file.Path.of("/opt/bureau/etc/zhifa-holidays.json"),
                    CalendarService.resolve("${karaf.etc}/zhifa-holidays.json"));
        } finally {
            if (old == null) {
                System.clearProperty("karaf.etc");
            } else {
                System.setProperty("karaf.etc", old);
            }
        }
    }
}
