package org.zhifa.console.internal;

import java.time.LocalDate;
import java.time.ZoneId;

import org.zhifa.api.calendar.WorkingDays;
import org.zhifa.api.cases.CaseService;
import org.zhifa.api.personnel.PersonnelService;

/** What the case screens of one browser session use. */
record CaseConsole(CaseService cases, PersonnelService personnel, WorkingDays workingDays, int dueSoonWorkingDays,
                   ZoneId zone) {

    LocalDate today() {
        return LocalDate.now(zone);
    }

    /** How close a due day is: overdue (red), due within the configured working days (amber), else normal. */
    Due due(LocalDate dueOn) {
        if (dueOn == null) {
            return Due.NONE;
        }
        LocalDate today = today();
        if (dueOn.isBefore(today)) {
            return Due.OVERDUE;
        }
        return workingDays.between(today, dueOn) <= dueSoonWorkingDays ? Due.SOON : Due.NORMAL;
    }

    enum Due {
        NONE(null), NORMAL("zhifa-due-normal"), SOON("zhifa-due-soon"), OVERDUE("zhifa-due-overdue");

        final String style;

        Due(String style) {
            this.style = style;
        }
    }
}
