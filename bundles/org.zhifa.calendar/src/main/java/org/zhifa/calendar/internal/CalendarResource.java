package org.zhifa.calendar.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhifa.api.calendar.HolidayCalendar;
import org.zhifa.api.calendar.WorkingDays;
import org.zhifa.api.calendar.YearSchedule;
import org.zhifa.api.common.Actor;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.rest.RequestActor;
import org.zhifa.api.rest.RestResource;

/** REST face of the calendar, served by the core at {@code /api/v1/calendar}. Thin: the service decides. */
@Component(service = Object.class, property = RestResource.PROPERTY_RESOURCE + "=true")
@Path("v1/calendar")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CalendarResource {

    private final WorkingDays days;
    private final HolidayCalendar calendar;
    private final CalendarHistory history;

    @Activate
    public CalendarResource(@Reference(name = "days") WorkingDays days, @Reference(name = "calendar") HolidayCalendar calendar,
            @Reference(name = "history") CalendarHistory history) {
        this.days = days;
        this.calendar = calendar;
        this.history = history;
    }

    @GET
    @Path("years")
    public Map<String, Object> years(@Context HttpServletRequest request) {
        reader(request);
        TreeSet<Integer> years = new TreeSet<>(calendar.years());
        int current = LocalDate.now().getYear();
        years.add(current);
        years.add(current + 1);
        List<Map<String, Object>> list = new ArrayList<>();
        for (int y : years) {
            Map<String, Object> row = new LinkedHashMap<>();
            Optional<YearSchedule> s = calendar.year(y);
            row.put("year", y);
            row.put("published", s.isPresent());
            row.put("source", s.map(YearSchedule::source).orElse(null));
            row.put("origin", history.origin(y));
            row.put("holidays", s.map(x -> x.holidays().size()).orElse(0));
            row.put("working_days", s.map(x -> x.workingDays().size()).orElse(0));
            list.add(row);
        }
        return Map.of("years", list);
    }

    @GET
    @Path("years/{year}")
    public Map<String, Object> year(@PathParam("year") String yearText, @Context HttpServletRequest request) {
        reader(request);
        int year = ScheduleJson.parseYear(yearText);
        ScheduleValidator.checkYear(year);
        return describe(year);
    }

    @PUT
    @Path("years/{year}")
    public Map<String, Object> put(@PathParam("year") String yearText, Map<String, Object> body,
            @Context HttpServletRequest request) {
        Actor actor = actor(request);
        int year = ScheduleJson.parseYear(yearText);
        if (body != null && body.get("year") != null && !String.valueOf(body.get("year")).equals(String.valueOf(year))) {
            throw Messages.invalid("calendar.year.mismatch", "year", String.valueOf(body.get("year")),
                    String.valueOf(year));
        }
        calendar.put(ScheduleJson.fromBody(year, body), actor);
        return describe(year);
    }

    @GET
    @Path("years/{year}/history")
    public Map<String, Object> history(@PathParam("year") String yearText, @Context HttpServletRequest request) {
        reader(request);
        int year = ScheduleJson.parseYear(yearText);
        List<Map<String, Object>> changes = new ArrayList<>();
        for (CalendarHistory.Change c : history.history(year)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("revision", c.revision());
            row.put("changed_by", c.changedBy());
            row.put("changed_at", c.changedAt().toString());
            row.put("source", c.source());
            row.put("summary", c.summary());
            changes.add(row);
        }
        return Map.of("year", year, "changes", changes);
    }

    @GET
    @Path("working-days/add")
    public Map<String, Object> add(@QueryParam("from") String from, @QueryParam("n") String n,
            @Context HttpServletRequest request) {
        reader(request);
        LocalDate start = date(from, "from");
        int steps = number(n, "n");
        LocalDate result = days.add(start, steps);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("from", start.toString());
        out.put("n", steps);
        out.put("date", result.toString());
        out.put("published", publishedBetween(start, result));
        return out;
    }

    @GET
    @Path("working-days/between")
    public Map<String, Object> between(@QueryParam("from") String from, @QueryParam("to") String to,
            @Context HttpServletRequest request) {
        reader(request);
        LocalDate a = date(from, "from");
        LocalDate b = date(to, "to");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("from", a.toString());
        out.put("to", b.toString());
        out.put("days", days.between(a, b));
        out.put("published", publishedBetween(a, b));
        return out;
    }

    @GET
    @Path("working-days/check")
    public Map<String, Object> check(@QueryParam("date") String date, @Context HttpServletRequest request) {
        reader(request);
        LocalDate d = date(date, "date");
        Optional<YearSchedule> s = calendar.year(d.getYear());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("date", d.toString());
        out.put("working", days.isWorkingDay(d));
        out.put("published", days.isPublished(d.getYear()));
        out.put("holiday", s.map(x -> x.holidays().get(d)).orElse(null));
        out.put("adjusted", s.map(x -> x.workingDays().contains(d)).orElse(false));
        return out;
    }

    private Map<String, Object> describe(int year) {
        Optional<YearSchedule> s = calendar.year(year);
        Map<String, Object> out = new LinkedHashMap<>(s.map(ScheduleJson::toBody).orElseGet(() -> {
            Map<String, Object> empty = new LinkedHashMap<>();
            empty.put("year", year);
            empty.put(ScheduleJson.HOLIDAYS, Map.of());
            empty.put(ScheduleJson.WORKING_DAYS, List.of());
            empty.put(ScheduleJson.SOURCE, null);
            return empty;
        }));
        out.put("published", s.isPresent());
        out.put("origin", history.origin(year));
        return out;
    }

    private boolean publishedBetween(LocalDate a, LocalDate b) {
        for (int y = Math.min(a.getYear(), b.getYear()); y <= Math.max(a.getYear(), b.getYear()); y++) {
            if (!days.isPublished(y)) {
                return false;
            }
        }
        return true;
    }

    private static Actor actor(HttpServletRequest request) {
        Object actor = request == null ? null : request.getAttribute(RequestActor.PROPERTY);
        if (!(actor instanceof Actor a)) {
            throw Messages.error(ZhifaException.Kind.UNAUTHENTICATED, "calendar.unauthenticated", null);
        }
        return a;
    }

    private static void reader(HttpServletRequest request) {
        if (!actor(request).isStaff()) {
            throw Messages.error(ZhifaException.Kind.FORBIDDEN, "calendar.forbidden.read", null);
        }
    }

    private static LocalDate date(String text, String field) {
        if (text == null || text.isBlank()) {
            throw Messages.invalid("calendar.param.missing", field, field);
        }
        return ScheduleJson.parseDate(text, field);
    }

    private static int number(String text, String field) {
        if (text == null || text.isBlank()) {
            throw Messages.invalid("calendar.param.missing", field, field);
        }
        int n;
        try {
            n = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw Messages.invalid("calendar.n.range", field, text, String.valueOf(CalendarTable.MAX_STEP));
        }
        if (Math.abs(n) > CalendarTable.MAX_STEP) {
            throw Messages.invalid("calendar.n.range", field, text, String.valueOf(CalendarTable.MAX_STEP));
        }
        return n;
    }
}
