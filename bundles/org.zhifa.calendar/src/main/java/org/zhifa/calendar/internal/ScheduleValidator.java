package org.zhifa.calendar.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;

import org.zhifa.api.calendar.YearSchedule;
import org.zhifa.api.common.ZhifaException;

/** The rules a year's schedule must meet before it is stored (T3). */
final class ScheduleValidator {

    /** Editable years: the calendar starts with the data of 2025; anything far off is a typo. */
    static final int MIN_YEAR = 2000;
    static final int MAX_YEAR = 2100;
    static final int MAX_NAME = 50;
    static final int MAX_SOURCE = 500;

    private ScheduleValidator() {}

    static void checkYear(int year) {
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw Messages.invalid("calendar.year.range", "year", String.valueOf(year),
                    String.valueOf(MIN_YEAR), String.valueOf(MAX_YEAR));
        }
    }

    /** Throws the first rule broken, naming the field at fault. */
    static void validate(YearSchedule s) throws ZhifaException {
        checkYear(s.year());
        if (s.holidays().isEmpty()) {
            throw Messages.invalid("calendar.holidays.empty", "holidays", String.valueOf(s.year()));
        }
        for (Map.Entry<LocalDate, String> e : s.holidays().entrySet()) {
            LocalDate d = e.getKey();
            if (d.getYear() != s.year()) {
                throw Messages.invalid("calendar.date.outside.year", "holidays", d.toString(), String.valueOf(s.year()));
            }
            String name = e.getValue();
            if (name == null || name.isBlank()) {
                throw Messages.invalid("calendar.holiday.name.missing", "holidays", d.toString());
            }
            if (name.length() > MAX_NAME) {
                throw Messages.invalid("calendar.holiday.name.long", "holidays", d.toString(), String.valueOf(MAX_NAME));
            }
        }
        for (LocalDate d : s.workingDays()) {
            if (d.getYear() != s.year()) {
                throw Messages.invalid("calendar.date.outside.year", "working_days", d.toString(), String.valueOf(s.year()));
            }
            if (s.holidays().containsKey(d)) {
                throw Messages.invalid("calendar.date.conflict", "working_days", d.toString());
            }
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                throw Messages.invalid("calendar.workday.not.weekend", "working_days", d.toString());
            }
        }
        if (s.source() != null && s.source().length() > MAX_SOURCE) {
            throw Messages.invalid("calendar.source.long", "source", String.valueOf(MAX_SOURCE));
        }
    }
}
