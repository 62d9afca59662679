package org.zhifa.calendar.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;

import org.zhifa.api.calendar.YearSchedule;
import org.zhifa.api.common.ZhifaException;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The JSON shape of a year, shared by the shipped file and the REST API:
 * {@code {"holidays": {festival: [dates]}, "working_days": [dates], "source": "..."}}.
 */
final class ScheduleJson {

    static final String HOLIDAYS = "holidays";
    static final String WORKING_DAYS = "working_days";
    static final String SOURCE = "source";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ScheduleJson() {}

    /**
     * Reads a holidays file ({@code years} → year, {@code sources} → year → text). A year that
     * breaks a rule is reported to {@code rejected} and left out, so one typo cannot hide the rest.
     */
    static Map<Integer, YearSchedule> parseFile(InputStream in, BiConsumer<String, ZhifaException> rejected)
            throws IOException {
        Object root = MAPPER.readValue(in, Object.class);
        Map<String, Object> top = asMap(root, "");
        Map<String, Object> years = asMap(top.getOrDefault("years", Map.of()), "years");
        Map<String, Object> sources = asMap(top.getOrDefault("sources", Map.of()), "sources");
        Map<Integer, YearSchedule> result = new TreeMap<>();
        for (Map.Entry<String, Object> e : years.entrySet()) {
            try {
                int year = parseYear(e.getKey());
                Map<String, Object> body = new LinkedHashMap<>(asMap(e.getValue(), "years"));
                if (body.get(SOURCE) == null && sources.get(e.getKey()) != null) {
                    body.put(SOURCE, sources.get(e.getKey()));
                }
                YearSchedule schedule = fromBody(year, body);
                ScheduleValidator.validate(schedule);
                result.put(year, schedule);
            } catch (ZhifaException ex) {
                rejected.accept(e.getKey(), ex);
            }
        }
        return result;
    }

    static int parseYear(String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException | NullPointerException e) {
            throw Messages.invalid("calendar.year.invalid", "year", String.valueOf(text));
        }
    }

    /** Converts a JSON body; rejects malformed dates and a date listed under two festivals. */
    static YearSchedule fromBody(int year, Map<String, ?> body) {
        if (body == null) {
            throw Messages.invalid("calendar.body.invalid", null, "{}");
        }
        Map<LocalDate, String> holidays = new TreeMap<>();
        for (Map.Entry<String, Object> e : asMap(body.get(HOLIDAYS) == null ? Map.of() : body.get(HOLIDAYS),
                HOLIDAYS).entrySet()) {
            for (LocalDate d : dates(e.getValue(), HOLIDAYS)) {
                String before = holidays.put(d, e.getKey());
                if (before != null && !before.equals(e.getKey())) {
                    throw Messages.invalid("calendar.date.duplicate", HOLIDAYS, d.toString(), before, e.getKey());
                }
            }
        }
        Set<LocalDate> working = new TreeSet<>(dates(body.get(WORKING_DAYS), WORKING_DAYS));
        Object source = body.get(SOURCE);
        if (source != null && !(source instanceof String)) {
            throw Messages.invalid("calendar.body.invalid", SOURCE, SOURCE);
        }
        String text = source == null || ((String) source).isBlank() ? null : ((String) source).trim();
        return new YearSchedule(year, holidays, working, text);
    }

    /** The JSON body of a schedule; festivals in calendar order of their first day. */
    static Map<String, Object> toBody(YearSchedule s) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("year", s.year());
        Map<String, List<String>> festivals = new LinkedHashMap<>();
        s.holidays().forEach((d, name) -> festivals.computeIfAbsent(name, k -> new ArrayList<>()).add(d.toString()));
        body.put(HOLIDAYS, festivals);
        body.put(WORKING_DAYS, s.workingDays().stream().map(LocalDate::toString).toList());
        body.put(SOURCE, s.source());
        return body;
    }

    static LocalDate parseDate(String text, String field) {
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException | NullPointerException e) {
            throw Messages.invalid("calendar.date.invalid", field, String.valueOf(text));
        }
    }

    private static List<LocalDate> dates(Object value, String field) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw Messages.invalid("calendar.body.invalid", field, field);
        }
        List<LocalDate> out = new ArrayList<>(list.size());
        Set<LocalDate> seen = new HashSet<>();
        for (Object o : list) {
            if (!(o instanceof String s)) {
                throw Messages.invalid("calendar.date.invalid", field, String.valueOf(o));
            }
            LocalDate d = parseDate(s, field);
            if (seen.add(d)) {
                out.add(d);
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value, String field) {
        if (!(value instanceof Map)) {
            throw Messages.invalid("calendar.body.invalid", field, field.isEmpty() ? "{}" : field);
        }
        return (Map<String, Object>) value;
    }
}
