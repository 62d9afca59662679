package org.zhifa.calendar.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
import org.zhifa.api.common.Actor;
import org.zhifa.api.common.Roles;
import org.zhifa.api.record.RecordEntry;
import org.zhifa.testsupport.DerbyJpa;
import org.zhifa.testsupport.TransactionalLog;

/** The shipped schema script and the JPA mapping together, on an in-memory Derby (Hibernate validates). */
class CalendarStoreTest {

    static DerbyJpa db;
    static JpaTemplate JPA;
    static TransactionalLog LOG;
    static final Actor ADMIN = new Actor("admin", Set.of(Roles.ADMIN));
    static final Actor LI = new Actor("li", Set.of(Roles.ADMIN));

    @BeforeAll
    static void schema() {
        db = DerbyJpa.open("calendar", "zhifa-calendar-test", "/db/calendar/V1__calendar.sql");
        JPA = db.template();
        LOG = new TransactionalLog(db);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void revisionsStackAndTheLatestIsInForce() {
        CalendarStore store = new CalendarStore(JPA, "430421", LOG);
        CalendarStore other = new CalendarStore(JPA, "430000", LOG);
        LocalDate jan1 = LocalDate.parse("2027-01-01");
        YearSchedule first = new YearSchedule(2027, Map.of(jan1, "元旦"), Set.of(), "draft");
        YearSchedule second = new YearSchedule(2027, Map.of(jan1, "元旦", LocalDate.parse("2027-02-06"), "春节"),
                Set.of(LocalDate.parse("2027-01-03")), "国办发明电〔2026〕1号");
        assertEquals(1, store.save(first, ADMIN, Instant.parse("2026-11-26T01:00:00Z"), ScheduleDiff.summary(null, first)));
        assertEquals(2, store.save(second, LI, Instant.parse("2026-11-26T02:00:00Z"), ScheduleDiff.summary(first, second)));

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

    @Test
    void everyRevisionIsRecordedInItsOwnTransaction() {
        CalendarStore store = new CalendarStore(JPA, "430421", LOG);
        YearSchedule y = new YearSchedule(2031, Map.of(LocalDate.parse("2031-01-01"), "元旦"),
                Set.of(LocalDate.parse("2031-01-04")), "国办发明电〔2030〕1号");
        store.save(y, ADMIN, Instant.parse("2026-11-26T01:00:00Z"), "+H 2031-01-01 元旦");
        List<RecordEntry> entries = LOG.entries("calendar", "2031", 0, 10, ADMIN).items();
        assertEquals(1, entries.size());
        RecordEntry e = entries.get(0);
        assertEquals("calendar.revised", e.entryType());
        assertEquals("admin", e.actor());
        assertEquals("{\"holidays\":{\"2031-01-01\":\"元旦\"},\"revision\":1,\"source\":\"国办发明电〔2030〕1号\","
                + "\"summary\":\"+H 2031-01-01 元旦\",\"workingDays\":[\"2031-01-04\"],\"year\":2031}", e.payload());

        LOG.failNext = new IllegalStateException("record down");
        YearSchedule changed = new YearSchedule(2031, Map.of(), Set.of(), "draft");
        assertThrows(IllegalStateException.class,
                () -> store.save(changed, ADMIN, Instant.parse("2026-11-26T02:00:00Z"), "-H 2031-01-01"));
        assertEquals(y, store.latest().get(2031), "no revision without its entry");
        assertEquals(1, store.history(2031).size());
        assertEquals(1, LOG.entries("calendar", "2031", 0, 10, ADMIN).items().size());
    }
}
