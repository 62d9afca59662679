package org.zhifa.calendar.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.EntityTransaction;

import org.apache.aries.jpa.template.EmConsumer;
import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.hibernate.jpa.HibernatePersistenceProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zhifa.api.calendar.YearSchedule;

/** The shipped schema script and the JPA mapping together, on an in-memory Derby (Hibernate validates). */
class CalendarStoreTest {

    static final String URL = "jdbc:derby:memory:calendar;create=true";
    static EntityManagerFactory emf;

    /** Resource-local template as Aries builds it: one transaction per call, Required only. */
    static final JpaTemplate JPA = new JpaTemplate() {
        @Override
        public <R> R txExpr(TransactionType type, EmFunction<R> code) {
            EntityManager em = emf.createEntityManager();
            EntityTransaction tx = em.getTransaction();
            tx.begin();
            try {
                R result = code.apply(em);
                tx.commit();
                return result;
            } catch (Exception e) {
                tx.rollback();
                throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
            } finally {
                em.close();
            }
        }

        @Override
        public <R> R txExpr(EmFunction<R> code) {
            return txExpr(TransactionType.Required, code);
        }

        @Override
        public void tx(TransactionType type, EmConsumer code) {
            txExpr(type, em -> {
                code.accept(em);
                return null;
            });
        }

        @Override
        public void tx(EmConsumer code) {
            tx(TransactionType.Required, code);
        }
    };

    @BeforeAll
    static void schema() throws Exception {
        System.setProperty("derby.stream.error.file", "target/derby.log");
        try (Connection c = DriverManager.getConnection(URL); Statement st = c.createStatement()) {
            for (String sql : statements("/db/calendar/V1__calendar.sql")) {
                st.execute(sql);
            }
        }
        emf = new HibernatePersistenceProvider().createEntityManagerFactory("zhifa-calendar-test", Map.of(
                "hibernate.connection.url", URL,
                "hibernate.connection.driver_class", "org.apache.derby.jdbc.EmbeddedDriver"));
    }

    @AfterAll
    static void close() {
        if (emf != null) {
            emf.close();
        }
        try {
            DriverManager.getConnection("jdbc:derby:memory:calendar;drop=true");
        } catch (SQLException expected) {
            // Derby reports a successful drop as an exception
        }
    }

    /** Splits like the SchemaMigrator: statements separated by a line holding only ';'. */
    static List<String> statements(String resource) throws IOException {
        try (InputStream in = CalendarStoreTest.class.getResourceAsStream(resource)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return java.util.Arrays.stream(text.split("(?m)^\\s*;\\s*$")).map(String::trim)
                    .filter(s -> !s.isEmpty()).toList();
        }
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
