package org.zhifa.calendar.internal;

import java.time.Instant;
import java.util.List;

/** Read access to the change history of the calendar, for this bundle's REST resource and view. */
public interface CalendarHistory {

    /** One stored change of a year: never deleted, the latest one is in force. */
    record Change(int year, int revision, String source, String summary, String changedBy, Instant changedAt) {}

    /** Changes of the year, oldest first; empty when the year was never edited. */
    List<Change> history(int year);

    /** "file", "database" or null when the year is not published. */
    String origin(int year);
}
