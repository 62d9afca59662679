package org.zhifa.calendar.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;


import org.apache.aries.jpa.template.JpaTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zhifa.api.calendar.YearSchedule;
import org.zhifa.testsupport.DerbyJpa;

/** The shipped schema script and the JPA mapping together, on an in-memory Derby (Hibernate validates). */
class CalendarStoreTest {

    static DerbyJpa db;
    static JpaTemplate JPA;

    @BeforeAll
    static void schema() {
        db = DerbyJpa.open("calendar", "zhifa-calendar-test", "/db/calendar/V1__calendar.sql");
        JPA = db.template();
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void revisionsStackAndTheLatestIsInForce() {
        CalendarStore store = new CalendarStore(JPA, "430421");
        CalendarStore other = new CalendarStore(JPA, "430000");
        LocalDate jan1 = LocalDate.parse("2027-01-01");
        YearSchedule first = new YearSchedule(2027, Map.of(jan1, "元旦"), Set.of(), "draft");
        YearSchedule second = new YearSchedule(2027, Map.of(jan1, "元旦", LocalDate.parse("2027-02-06"), "春节"),
                Set.of(LocalDate.parse("2027-01-03")), "国办发明电〔2026〕1号");
        assertEquals(1, store.save(first, "admin", Instant.parse("2026-11-26T01:00:00Z"), ScheduleDiff.summary(null, first)));
        assertEquals(2, store.save(second, "li", Instant.parse("2026-11-26T02:00:00Z"), ScheduleDiff.summary(first, second)));

        Map<Integer, YearSchedule> latest = store.latest();
        assertEquals(Set.of(2027), latest.keySet());
        assertEquals(second, latest.get(2027));
        assertTrue(other.latest().isEmpty(), "rows of another bureau are not seen");

        List<CalendarHistory.Change> history = store.history(2027);
        assertEquals(2, history.size(), "the first revision is kept");
        assertEquals("admin", history.get(0).changedBy());
        assertEquals("li", history.get(1).changedBy());
        assertEquals(Instant.parse("2026-11-26T02:00:00Z"), history.get(1).changedAt());
        assertTrue(history.get(1).summary().contains("+H 2027-02-06 春节"), history.get(1).summary());
        assertTrue(history.get(1).summary().contains("+W 2027-01-03"), history.get(1).summary());
    }
}
