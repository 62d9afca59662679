package org.zhifa.calendar.internal;

import java.util.Locale;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.zhifa.api.calendar.HolidayCalendar;
import org.zhifa.api.calendar.WorkingDays;
import org.zhifa.console.spi.ConsoleContext;
import org.zhifa.console.spi.ConsoleView;


/** The 工作日历 entry of the staff console; every staff role may open it, only admins edit. */
@org.osgi.service.component.annotations.Component(service = ConsoleView.class,
        property = {ConsoleView.PROPERTY_VIEW + "=calendar", "service.ranking:Integer=10"})
public class CalendarConsoleView implements ConsoleView {

    private final WorkingDays days;
    private final HolidayCalendar calendar;
    private final CalendarHistory history;

    @Activate
    public CalendarConsoleView(@Reference(name = "days") WorkingDays days, @Reference(name = "calendar") HolidayCalendar calendar,
            @Reference(name = "history") CalendarHistory history) {
        this.days = days;
        this.calendar = calendar;
        this.history = history;
    }

    @Override
    public String title(Locale locale) {
        return Messages.text(locale, "view.title");
    }

    @Override
    public Set<String> roles() {
        return Set.of();
    }

    @Override
    public com.vaadin.ui.Component create(ConsoleContext context) {
        return new CalendarPanel(context, days, calendar, history);
    }
}
