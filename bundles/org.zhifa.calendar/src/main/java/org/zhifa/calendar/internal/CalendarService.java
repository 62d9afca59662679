package org.zhifa.calendar.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import javax.persistence.PersistenceException;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhifa.api.calendar.HolidayCalendar;
import org.zhifa.api.calendar.WorkingDays;
import org.zhifa.api.calendar.YearSchedule;
import org.zhifa.api.common.Actor;
import org.zhifa.api.common.BureauInfo;
import org.zhifa.api.common.Roles;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.record.RecordService;
import org.zhifa.api.schema.SchemaMigrator;

/**
 * The working-day calendar: the shipped State Council schedules, overridden per year by
 * administrator edits stored in the database. Reads use an immutable snapshot swapped on save.
 */
@Component(service = {WorkingDays.class, HolidayCalendar.class, CalendarHistory.class},
        configurationPid = "org.zhifa.calendar")
@Designate(ocd = CalendarConfig.class)
public final class CalendarService implements WorkingDays, HolidayCalendar, CalendarHistory {

    static final String ORIGIN_FILE = "file";
    static final String ORIGIN_DATABASE = "database";

    private static final Logger LOG = LoggerFactory.getLogger(CalendarService.class);

    /** Everything a read needs, replaced as a whole. */
    private record State(Map<Integer, YearSchedule> schedules, Map<Integer, String> origins, CalendarTable table) {}

    private final CalendarStore store;
    private final Map<Integer, YearSchedule> fromFile;
    private volatile State state;

    @Activate
    public CalendarService(@Reference(name = "migrator") SchemaMigrator migrator, @Reference(name = "bureau") BureauInfo bureau,
            @Reference(name = "jpa", target = "(osgi.unit.name=zhifa-calendar)") JpaTemplate jpa,
            @Reference(name = "record") RecordService record, CalendarConfig config, BundleContext context) {
        migrator.migrate("calendar", context.getBundle());
        this.store = new CalendarStore(jpa, bureau.code(), record);
        this.fromFile = readFile(resolve(config.holidaysFile()));
        this.state = build(store.latest());
        LOG.info("Working-day calendar of bureau {}: years {} (file {}, edited {})", bureau.code(),
                state.schedules().keySet(), fromFile.keySet(), state.origins().entrySet().stream()
                        .filter(e -> ORIGIN_DATABASE.equals(e.getValue())).map(Map.Entry::getKey).toList());
    }

    // --- WorkingDays

    @Override
    public boolean isWorkingDay(LocalDate day) {
        return state.table().isWorkingDay(day);
    }

    @Override
    public LocalDate add(LocalDate start, int n) {
        return state.table().add(start, n);
    }

    @Override
    public int between(LocalDate a, LocalDate b) {
        return state.table().between(a, b);
    }

    @Override
    public boolean isPublished(int year) {
        return state.table().isPublished(year);
    }

    @Override
    public boolean isPublicHoliday(LocalDate day) {
        return state.table().isPublicHoliday(day);
    }

    // --- HolidayCalendar

    @Override
    public List<Integer> years() {
        return List.copyOf(state.schedules().keySet());
    }

    @Override
    public Optional<YearSchedule> year(int year) {
        return Optional.ofNullable(state.schedules().get(year));
    }

    @Override
    public synchronized YearSchedule put(YearSchedule schedule, Actor actor) {
        if (actor == null) {
            throw Messages.error(ZhifaException.Kind.UNAUTHENTICATED, "calendar.unauthenticated", null);
        }
        if (!actor.has(Roles.ADMIN)) {
            throw Messages.error(ZhifaException.Kind.FORBIDDEN, "calendar.forbidden.write", null);
        }
        ScheduleValidator.validate(schedule);
        String summary = ScheduleDiff.summary(state.schedules().get(schedule.year()), schedule);
        int revision;
        try {
            revision = store.save(schedule, actor, Instant.now(), summary);
        } catch (PersistenceException | IllegalStateException e) {
            LOG.warn("Saving the calendar of {} failed", schedule.year(), e);
            throw Messages.error(ZhifaException.Kind.CONFLICT, "calendar.save.failed", null,
                    String.valueOf(schedule.year()));
        }
        // re-read so the snapshot is exactly what the database holds
        state = build(store.latest());
        LOG.info("Calendar {} revision {} saved by {}: {}", schedule.year(), revision, actor.user(), summary);
        return state.schedules().get(schedule.year());
    }

    // --- CalendarHistory

    @Override
    public List<Change> history(int year) {
        return store.history(year);
    }

    @Override
    public String origin(int year) {
        return state.origins().get(year);
    }

    private State build(Map<Integer, YearSchedule> edited) {
        Map<Integer, YearSchedule> all = new TreeMap<>(fromFile);
        Map<Integer, String> origins = new TreeMap<>();
        fromFile.keySet().forEach(y -> origins.put(y, ORIGIN_FILE));
        edited.forEach((y, s) -> {
            all.put(y, s);
            origins.put(y, ORIGIN_DATABASE);
        });
        return new State(Collections.unmodifiableMap(all), Collections.unmodifiableMap(origins), new CalendarTable(all));
    }

    /** Expands {@code ${karaf.etc}} (and any other system property) in the configured path. */
    static Path resolve(String configured) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < configured.length()) {
            int start = configured.indexOf("${", i);
            int end = start < 0 ? -1 : configured.indexOf('}', start);
            if (start < 0 || end < 0) {
                out.append(configured, i, configured.length());
                break;
            }
            out.append(configured, i, start);
            String key = configured.substring(start + 2, end);
            String value = System.getProperty(key);
            if (value == null && "karaf.etc".equals(key)) {
                value = System.getProperty("karaf.base", ".") + "/etc";
            }
            out.append(value == null ? "" : value);
            i = end + 1;
        }
        return Path.of(out.toString());
    }

    static Map<Integer, YearSchedule> readFile(Path file) {
        if (!Files.isRegularFile(file)) {
            LOG.warn("Holidays file {} not found: only edited years are published, others count weekends only", file);
            return Map.of();
        }
        List<String> rejected = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            Map<Integer, YearSchedule> years = ScheduleJson.parseFile(in,
                    (year, e) -> rejected.add(year + ": " + e.getMessage()));
            rejected.forEach(r -> LOG.error("Holidays file {}: year rejected, {}", file, r));
            return years;
        } catch (IOException | ZhifaException e) {
            LOG.error("Holidays file {} unreadable: {}", file, e.getMessage());
            return Map.of();
        }
    }
}
