package org.zhifa.record.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.zhifa.api.common.Actor;
import org.zhifa.api.common.Roles;
import org.zhifa.testsupport.Configs;

/** A record on a fresh in-memory Derby database holding the shipped schema script. */
final class TestLog implements AutoCloseable {
    static final Actor OFFICER = new Actor("officer", Set.of(Roles.OFFICER));
    static final Actor LEADER = new Actor("leader", Set.of(Roles.LEADER));
    static final Actor ADMIN = new Actor("admin", Set.of(Roles.ADMIN));
    static final Actor PUBLIC = new Actor("anonymous", Set.of());
    private static final AtomicInteger COUNTER = new AtomicInteger();
    static final String[] SCRIPTS = {"/db/record/V1__record.sql", "/db/record/V2__record_payload_bytes.sql"};

    final String name;
    final EmbeddedDataSource dataSource;
    final Path keyFile;

    private TestLog(String name, Path dir) {
        this.name = name;
        this.dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName("memory:" + name);
        this.keyFile = dir.resolve("zhifa-record-key.pem");
    }

    static TestLog create(Path dir) {
        return createAt(dir, SCRIPTS.length);
    }

    /** A log with the schema scripts up to version {@code version} applied. */
    static TestLog createAt(Path dir, int version) {
        System.setProperty("derby.stream.error.file", "target/derby.log");
        TestLog log = new TestLog("record" + COUNTER.incrementAndGet(), dir);
        try (Connection c = DriverManager.getConnection("jdbc:derby:memory:" + log.name + ";create=true")) {
            log.applied = 0;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        log.migrate(version);
        return log;
    }

    private int applied;

    /** Applies the schema scripts after the applied ones up to {@code version}. */
    void migrate(int version) {
        try (Connection c = connection(); Statement st = c.createStatement()) {
            for (; applied < version; applied++) {
                for (String sql : statements(SCRIPTS[applied])) {
                    st.execute(sql);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    RecordServiceImpl service() {
        return service(Map.of());
    }

    RecordServiceImpl service(Map<String, Object> config) {
        return new RecordServiceImpl(dataSource, "430421", Configs.of(RecordConfig.class, config), keyFile,
                Clock.systemUTC());
    }

    DataSource dataSource() {
        return dataSource;
    }

    Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    /** What an attacker with DBA rights does first. */
    void dropTriggers() throws SQLException {
        try (Connection c = connection(); Statement st = c.createStatement()) {
            for (String table : new String[] {"ENTRY", "NODE", "STH", "META"}) {
                st.execute("DROP TRIGGER RECORD_" + table + "_NO_UPDATE");
                st.execute("DROP TRIGGER RECORD_" + table + "_NO_DELETE");
            }
        }
    }

    /** A payload as the SQL literal of its stored UTF-8 (column PAYLOAD_UTF8). */
    static String utf8(String payload) {
        return "X'" + org.zhifa.api.record.Merkle.hex(payload.getBytes(StandardCharsets.UTF_8)) + "'";
    }

    void sql(String... statements) throws SQLException {
        try (Connection c = connection(); Statement st = c.createStatement()) {
            for (String s : statements) {
                st.execute(s);
            }
        }
    }

    @Override
    public void close() {
        try {
            DriverManager.getConnection("jdbc:derby:memory:" + name + ";drop=true");
        } catch (SQLException expected) {
            // Derby reports a successful drop as an exception
        }
    }

    static java.util.List<String> statements(String resource) {
        try (InputStream in = TestLog.class.getResourceAsStream(resource)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Arrays.stream(text.split("(?m)^\\s*;\\s*$"))
                    .map(s -> s.lines().filter(l -> !l.trim().startsWith("--")).reduce("", (a, b) -> a + b + "\n").trim())
                    .filter(s -> !s.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
