package org.zhifa.calendar.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.zhifa.api.calendar.HolidayCalendar;
import org.zhifa.api.calendar.WorkingDays;
import org.zhifa.api.calendar.YearSchedule;
import org.zhifa.api.common.Roles;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.console.spi.ConsoleContext;

import com.vaadin.ui.Button;
import com.vaadin.ui.ComboBox;
import com.vaadin.ui.DateField;
import com.vaadin.ui.Grid;
import com.vaadin.ui.HorizontalLayout;
import com.vaadin.ui.Label;
import com.vaadin.ui.TextField;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.themes.ValoTheme;

/**
 * One browser session's calendar view: a year's holidays and adjusted working days, a banner when
 * the current or next year is not published, an editor for administrators and a small calculator.
 * Edits go to a draft; only "save" reaches the service, which validates.
 */
final class CalendarPanel extends VerticalLayout {
    private static final long serialVersionUID = 1L;

    /** A grid row: one listed day of the draft. */
    record Row(LocalDate date, boolean holiday, String festival) {}

    private final ConsoleContext context;
    private final Locale locale;
    private final transient WorkingDays days;
    private final transient HolidayCalendar calendar;
    private final transient CalendarHistory history;
    private final boolean admin;

    private final ComboBox<Integer> yearBox = new ComboBox<>();
    private final Label warning = new Label();
    private final Label status = new Label();
    private final Grid<Row> grid = new Grid<>();
    private final Grid<CalendarHistory.Change> changes = new Grid<>();
    private final Label error = new Label();
    private final TextField source = new TextField();

    private int year;
    private final TreeMap<LocalDate, String> draftHolidays = new TreeMap<>();
    private final TreeSet<LocalDate> draftWorking = new TreeSet<>();

    CalendarPanel(ConsoleContext context, WorkingDays days, HolidayCalendar calendar, CalendarHistory history) {
        this.context = context;
        this.locale = context.locale();
        this.days = days;
        this.calendar = calendar;
        this.history = history;
        this.admin = context.actor().has(Roles.ADMIN);
        setId("calendar-view");
        setMargin(true);
        setSpacing(true);

        Label title = new Label(t("view.title"));
        title.addStyleName(ValoTheme.LABEL_H2);
        warning.setId("calendar-warning");
        warning.addStyleName("zhifa-warning");
        // the console theme has no warning style yet: Valo's framed failure label makes it stand out
        warning.addStyleName(ValoTheme.LABEL_FAILURE);
        warning.setWidth("100%");

        yearBox.setId("calendar-year");
        yearBox.setCaption(t("view.year"));
        yearBox.setEmptySelectionAllowed(false);
        yearBox.setTextInputAllowed(false);
        yearBox.setItemCaptionGenerator(y -> days.isPublished(y) ? String.valueOf(y) : t("view.year.unpublished", String.valueOf(y)));
        yearBox.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                load(e.getValue());
            }
        });
        status.setId("calendar-status");

        grid.setId("calendar-grid");
        grid.setWidth("100%");
        grid.setHeightByRows(12);
        grid.addColumn(r -> r.date().toString()).setCaption(t("view.col.date")).setId("date");
        grid.addColumn(r -> r.date().getDayOfWeek().getDisplayName(TextStyle.FULL, locale)).setCaption(t("view.col.weekday"));
        grid.addColumn(r -> r.holiday() ? t("view.kind.holiday") : t("view.kind.working")).setCaption(t("view.col.kind"));
        grid.addColumn(r -> r.festival() == null ? "" : r.festival()).setCaption(t("view.col.festival"));
        if (admin) {
            grid.addComponentColumn(r -> {
                Button remove = new Button(t("view.remove"), e -> {
                    if (r.holiday()) {
                        draftHolidays.remove(r.date());
                    } else {
                        draftWorking.remove(r.date());
                    }
                    refreshGrid();
                });
                remove.setId("calendar-remove-" + r.date());
                remove.addStyleName(ValoTheme.BUTTON_SMALL);
                return remove;
            }).setCaption("");
        }

        addComponents(title, warning, new HorizontalLayout(yearBox, status), grid);
        if (admin) {
            addComponent(editor());
        }
        addComponent(calculator());
        changes.setId("calendar-history");
        changes.setCaption(t("view.history"));
        changes.setWidth("100%");
        changes.setHeightByRows(4);
        changes.addColumn(c -> String.valueOf(c.revision())).setCaption(t("view.history.revision"));
        changes.addColumn(c -> DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .format(c.changedAt().atZone(ZoneId.systemDefault()))).setCaption(t("view.history.at"));
        changes.addColumn(CalendarHistory.Change::changedBy).setCaption(t("view.history.by"));
        changes.addColumn(c -> c.summary() == null ? "" : c.summary()).setCaption(t("view.history.summary"));
        addComponent(changes);

        int current = LocalDate.now().getYear();
        refreshYears(current);
        yearBox.setValue(current);
    }

    private VerticalLayout editor() {
        TextField newYear = new TextField(t("view.newyear"));
        newYear.setId("calendar-new-year");
        newYear.setValue(String.valueOf(LocalDate.now().getYear() + 1));
        Button addYear = new Button(t("view.addyear"), e -> {
            try {
                int y = ScheduleJson.parseYear(newYear.getValue());
                ScheduleValidator.checkYear(y);
                refreshYears(y);
                yearBox.setValue(y);
                showError(null);
            } catch (ZhifaException ex) {
                showError(ex);
            }
        });
        addYear.setId("calendar-add-year");

        DateField day = new DateField(t("view.day"));
        day.setId("calendar-day");
        day.setDateFormat("yyyy-MM-dd");
        day.setLocale(locale);
        TextField festival = new TextField(t("view.festival"));
        festival.setId("calendar-festival");
        Button addHoliday = new Button(t("view.addholiday"), e -> {
            if (day.getValue() == null) {
                showError(Messages.invalid("calendar.param.missing", "date", t("view.day")));
                return;
            }
            draftWorking.remove(day.getValue());
            draftHolidays.put(day.getValue(), festival.getValue().trim());
            showError(null);
            refreshGrid();
        });
        addHoliday.setId("calendar-add-holiday");
        Button addWorking = new Button(t("view.addworking"), e -> {
            if (day.getValue() == null) {
                showError(Messages.invalid("calendar.param.missing", "date", t("view.day")));
                return;
            }
            draftHolidays.remove(day.getValue());
            draftWorking.add(day.getValue());
            showError(null);
            refreshGrid();
        });
        addWorking.setId("calendar-add-working");

        source.setId("calendar-source");
        source.setCaption(t("view.source"));
        source.setWidth("40em");
        Button save = new Button(t("view.save"), e -> save());
        save.setId("calendar-save");
        save.addStyleName(ValoTheme.BUTTON_PRIMARY);

        error.setId("calendar-error");
        error.addStyleName("zhifa-error");
        error.addStyleName(ValoTheme.LABEL_FAILURE);
        error.setVisible(false);

        HorizontalLayout years = new HorizontalLayout(newYear, addYear);
        HorizontalLayout dayRow = new HorizontalLayout(day, festival, addHoliday, addWorking);
        HorizontalLayout saveRow = new HorizontalLayout(source, save);
        for (HorizontalLayout h : List.of(years, dayRow, saveRow)) {
            h.setDefaultComponentAlignment(com.vaadin.ui.Alignment.BOTTOM_LEFT);
        }
        VerticalLayout box = new VerticalLayout(years, dayRow, saveRow, error);
        box.setMargin(false);
        box.setCaption(t("view.editor"));
        return box;
    }

    private HorizontalLayout calculator() {
        DateField from = new DateField(t("view.calc.from"), LocalDate.now());
        from.setId("calendar-calc-from");
        from.setDateFormat("yyyy-MM-dd");
        from.setLocale(locale);
        TextField n = new TextField(t("view.calc.n"), "7");
        n.setId("calendar-calc-n");
        n.setWidth("6em");
        Label result = new Label();
        result.setId("calendar-calc-result");
        Button calc = new Button(t("view.calc"), e -> {
            try {
                if (from.getValue() == null) {
                    throw Messages.invalid("calendar.param.missing", "from", t("view.calc.from"));
                }
                int steps;
                try {
                    steps = Integer.parseInt(n.getValue().trim());
                } catch (NumberFormatException ex) {
                    throw Messages.invalid("calendar.n.range", "n", n.getValue(), String.valueOf(CalendarTable.MAX_STEP));
                }
                if (Math.abs(steps) > CalendarTable.MAX_STEP) {
                    throw Messages.invalid("calendar.n.range", "n", n.getValue(), String.valueOf(CalendarTable.MAX_STEP));
                }
                LocalDate to = days.add(from.getValue(), steps);
                String text = t("view.calc.result", to.toString(), to.getDayOfWeek().getDisplayName(TextStyle.FULL, locale),
                        String.valueOf(steps));
                boolean published = true;
                for (int y = Math.min(from.getValue().getYear(), to.getYear()); y <= Math.max(from.getValue().getYear(), to.getYear()); y++) {
                    published &= days.isPublished(y);
                }
                result.setValue(published ? text : text + " " + t("view.calc.unpublished"));
            } catch (ZhifaException ex) {
                result.setValue("");
                context.notify(message(ex), true);
            }
        });
        calc.setId("calendar-calc");
        HorizontalLayout row = new HorizontalLayout(from, n, calc, result);
        row.setDefaultComponentAlignment(com.vaadin.ui.Alignment.BOTTOM_LEFT);
        row.setCaption(t("view.calc.caption"));
        return row;
    }

    private void refreshYears(int extra) {
        TreeSet<Integer> years = new TreeSet<>(calendar.years());
        int current = LocalDate.now().getYear();
        years.add(current);
        years.add(current + 1);
        years.add(extra);
        Integer selected = yearBox.getValue();
        yearBox.setItems(years);
        if (selected != null) {
            yearBox.setValue(selected);
        }
        List<Integer> missing = new ArrayList<>();
        for (int y : List.of(current, current + 1)) {
            if (!days.isPublished(y)) {
                missing.add(y);
            }
        }
        warning.setValue(missing.stream().map(y -> t("view.warning", String.valueOf(y))).collect(Collectors.joining(" ")));
        warning.setVisible(!missing.isEmpty());
    }

    private void load(int y) {
        year = y;
        draftHolidays.clear();
        draftWorking.clear();
        calendar.year(y).ifPresent(s -> {
            draftHolidays.putAll(s.holidays());
            draftWorking.addAll(s.workingDays());
        });
        source.setValue(calendar.year(y).map(YearSchedule::source).map(String::valueOf).orElse(""));
        String origin = history.origin(y);
        status.setValue(origin == null ? t("view.status.unpublished", String.valueOf(y))
                : t("view.status." + origin, calendar.year(y).map(YearSchedule::source).orElse("—")));
        changes.setItems(history.history(y));
        showError(null);
        refreshGrid();
    }

    private void refreshGrid() {
        List<Row> rows = new ArrayList<>();
        draftHolidays.forEach((d, name) -> rows.add(new Row(d, true, name)));
        draftWorking.forEach(d -> rows.add(new Row(d, false, null)));
        rows.sort((a, b) -> a.date().compareTo(b.date()));
        grid.setItems(rows);
    }

    private void save() {
        try {
            YearSchedule saved = calendar.put(new YearSchedule(year, draftHolidays, draftWorking,
                    source.getValue().isBlank() ? null : source.getValue().trim()), context.actor());
            refreshYears(saved.year());
            load(saved.year());
            context.notify(t("view.saved", String.valueOf(saved.year())), false);
        } catch (ZhifaException ex) {
            showError(ex);
        }
    }

    private void showError(ZhifaException ex) {
        error.setValue(ex == null ? "" : message(ex));
        error.setVisible(ex != null);
        if (ex != null) {
            context.notify(message(ex), true);
        }
    }

    private String message(ZhifaException ex) {
        return Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? ex.messageEn() : ex.messageZh();
    }

    private String t(String key, Object... args) {
        return Messages.text(locale, key, args);
    }
}
