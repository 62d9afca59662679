package org.zhifa.disclosure.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import org.zhifa.api.calendar.WorkingDays;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The State Council's published schedules from the shared test data
 * ({@code ../shared/testdata/calendar/cn-holidays.json} beside the repository): holidays off, adjusted
 * Saturdays and Sundays worked, weekends otherwise off.
 */
final class CnHolidays implements WorkingDays {
    static final Path FILE = Path.of("../../../shared/testdata/calendar/cn-holidays.json");
    private final Set<LocalDate> off = new HashSet<>();
    private final Set<LocalDate> worked = new HashSet<>();
    private final Set<Integer> years = new HashSet<>();

    CnHolidays() {
        try {
            JsonNode root = new ObjectMapper().readTree(FILE.toFile());
            root.get("years").fields().forEachRemaining(y -> {
                years.add(Integer.parseInt(y.getKey()));
                y.getValue().get("holidays").forEach(block -> block.forEach(d -> off.add(LocalDate.parse(d.asText()))));
                y.getValue().get("working_days").forEach(d -> worked.add(LocalDate.parse(d.asText())));
            });
        } catch (IOException e) {
            throw new UncheckedIOException("the shared calendar " + FILE.toAbsolutePath(), e);
        }
    }

    @Override
    public boolean isWorkingDay(LocalDate day) {
        if (worked.contains(day)) {
            return true;
        }
        return !off.contains(day) && day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
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
        for (int left = n; left > 0; ) {
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
        return years.contains(year);
    }
}
