package org.zhifa.api.calendar;

import java.time.LocalDate;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Working days of the official holiday calendar (T3): Monday to Friday, minus public holidays
 * (放假), plus adjusted working days (调休上班). Legal timers count with this.
 * For a year the State Council has not published yet, only weekends count as rest days and
 * {@link #isPublished(int)} is false, so callers can warn.
 */
@ProviderType
public interface WorkingDays {

    boolean isWorkingDay(LocalDate day);

    /**
     * The n-th working day after {@code start} (start itself not counted), e.g. a limit of
     * "within 7 working days" of a decision. {@code n} = 0 gives the first working day on or after start.
     */
    LocalDate add(LocalDate start, int n);

    /** Working days in the half-open interval (a, b]; negative when b is before a. */
    int between(LocalDate a, LocalDate b);

    /** Whether the year's schedule is known; if not, only weekends are rest days. */
    boolean isPublished(int year);

    /**
     * Whether {@code day} is a published public holiday (法定节假日放假日), as opposed to an ordinary
     * weekend rest day (休息日). Rules that bar only holidays need the difference (e.g. 行政强制法 43,
     * read strictly). Implementations that know the schedule answer from it, weekend days of a
     * holiday block included; this default can only tell a weekday that is not worked.
     *
     * @since 1.1
     */
    default boolean isPublicHoliday(LocalDate day) {
        return !isWorkingDay(day) && day.getDayOfWeek().getValue() <= 5;
    }
}
