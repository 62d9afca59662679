package org.zhifa.casereview.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.derby.jdbc.EmbeddedDataSource;

/**
 * A fresh in-memory Derby with the shipped schemas of the register, the case engine and this bundle, and
 * case rows written as the case engine writes them.
 */
final class TestDb implements AutoCloseable {
    static final String BUREAU = "430421";
    private static final AtomicLong IDS = new AtomicLong(1000);

    final EmbeddedDataSource dataSource = new EmbeddedDataSource();
    private final String name;

    TestDb(String name) {
        System.setProperty("derby.stream.error.file", "target/derby.log");
        this.name = name + System.nanoTime();
        dataSource.setDatabaseName("memory:" + this.name);
        dataSource.setCreateDatabase("create");
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            for (String script : List.of("/db/bureau/V1__personnel.sql", "/db/cases/V1__cases.sql",
                    "/db/casereview/V1__casereview.sql")) {
                for (String sql : statements(script)) {
                    st.execute(sql);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    void officer(long id, String name) {
        exec("INSERT INTO OFFICER (ID, BUREAU, NAME, UNIT, CERTIFICATE_NO, CATEGORIES, AREA, VALID_FROM, VALID_TO,"
                + " LEGAL_QUALIFICATION, ACTIVE, VERSION, CREATED_AT, CREATED_BY, UPDATED_AT, UPDATED_BY)"
                + " VALUES (?, ?, ?, '执法监察大队', ?, '土地管理', '全域', '2024-01-01', '2029-12-31', TRUE, TRUE, 1,"
                + " CURRENT_TIMESTAMP, 'admin', CURRENT_TIMESTAMP, 'admin')", id, BUREAU, name, "CERT" + id);
    }

    /**
     * A case filed on {@code filedOn} by {@code filer}, with officers, moved by {@code mover}; closed at
     * {@code closedAt} when not null.
     */
    long kase(String kind, String kindZh, LocalDate filedOn, String step, String stepZh, LocalDateTime closedAt,
              String filer, String mover, long... officers) {
        long id = IDS.incrementAndGet();
        exec("INSERT INTO CASE_FILE (ID, BUREAU, NUMBER, KIND, KIND_TITLE_ZH, KIND_TITLE_EN, CATEGORY, TITLE,"
                + " PARTY_TYPE, PARTY_NAME, MINOR, SIMPLE, STEP, STEP_TITLE_ZH, STEP_TITLE_EN, STATUS, FILED_ON,"
                + " EVENT_COUNT, VERSION, CREATED_AT, CREATED_BY) VALUES (?, ?, ?, ?, ?, ?, '土地管理', ?, 'PERSON',"
                + " '某某', FALSE, FALSE, ?, ?, ?, ?, ?, 2, 2, ?, ?)",
                id, BUREAU, "衡国土资罚〔" + filedOn.getYear() + "〕" + id + "号", kind, kindZh, kind, "案件" + id,
                closedAt == null ? step : "closed", closedAt == null ? stepZh : "结案", closedAt == null ? step : "closed",
                closedAt == null ? "OPEN" : "CLOSED", java.sql.Date.valueOf(filedOn),
                Timestamp.valueOf(filedOn.atTime(9, 0)), filer);
        exec("INSERT INTO CASE_EVENT VALUES (?, ?, ?, 1, 'FILED', NULL, NULL, 'filed', '立案', 'filed', ?, ?, NULL)",
                IDS.incrementAndGet(), BUREAU, id, filer, Timestamp.valueOf(filedOn.atTime(9, 0)));
        if (closedAt != null) {
            exec("INSERT INTO CASE_EVENT VALUES (?, ?, ?, 2, 'TRANSITION', 'close', 'filed', 'closed', '结案', 'close',"
                    + " ?, ?, NULL)", IDS.incrementAndGet(), BUREAU, id, mover, Timestamp.valueOf(closedAt));
        }
        for (long o : officers) {
            exec("INSERT INTO CASE_OFFICER VALUES (?, ?, ?, 1, NULL)", IDS.incrementAndGet(), id, o);
        }
        return id;
    }

    void removeOfficer(long caseId, long officerId) {
        exec("INSERT INTO CASE_OFFICER VALUES (?, ?, ?, 1, 2)", IDS.incrementAndGet(), caseId, officerId);
    }

    long count(String sql) {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    void exec(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        EmbeddedDataSource drop = new EmbeddedDataSource();
        drop.setDatabaseName("memory:" + name);
        drop.setConnectionAttributes("drop=true");
        try {
            drop.getConnection().close();
        } catch (SQLException expected) {
            // Derby reports a successful drop as an exception
        }
    }

    static List<String> statements(String resource) {
        try (InputStream in = TestDb.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + resource);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Arrays.stream(text.split("(?m)^\\s*;\\s*$")).map(String::trim).filter(s -> !s.isEmpty())
                    .map(s -> s.replaceAll("(?m)^\\s*--.*$", "").trim()).filter(s -> !s.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
