package org.zhifa.api.calendar;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.zhifa.api.common.Actor;

/** The editable holiday calendar behind {@link WorkingDays}. Writing needs 管理员. */
@ProviderType
public interface HolidayCalendar {

    /** Years with a schedule, ascending. */
    List<Integer> years();

    Optional<YearSchedule> year(int year);

    /** Adds or replaces a year's schedule; the change is attributed and kept in history. */
    YearSchedule put(YearSchedule schedule, Actor actor);
}
