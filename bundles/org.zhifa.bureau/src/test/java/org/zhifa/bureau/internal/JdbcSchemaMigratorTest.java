package org.zhifa.bureau.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcSchemaMigratorTest {

    @TempDir
    Path dir;

    @Test
    void splitsStatementsOnSemicolonLinesAndSkipsComments() {
        assertEquals(java.util.List.of("CREATE TABLE A (X INT)", "CREATE TABLE B (Y INT)"),
                JdbcSchemaMigrator.statements("-- a comment\nCREATE TABLE A (X INT)\n;\n\nCREATE TABLE B (Y INT)\n"));
    }

    @Test
    void appliesEachVersionOnceAndRefusesAChangedScript() throws Exception {
        DataSource ds = derby(dir.resolve("db"));
        JdbcSchemaMigrator m = new JdbcSchemaMigrator(ds);
        Map<Integer, String> v1 = new TreeMap<>(Map.of(1, "CREATE TABLE T (ID INT)"));
        assertEquals(1, m.migrate("test", v1));
        assertEquals(1, m.migrate("test", v1));
        Map<Integer, String> v2 = new TreeMap<>(v1);
        v2.put(2, "INSERT INTO T VALUES (7)\n;\nINSERT INTO T VALUES (8)");
        assertEquals(2, m.migrate("test", v2));
        assertEquals(2, m.migrate("test", v2));
        try (Connection c = ds.getConnection(); ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM T")) {
            rs.next();
            assertEquals(2, rs.getInt(1), "the second script ran exactly once");
        }
        Map<Integer, String> changed = new TreeMap<>(v2);
        changed.put(1, "CREATE TABLE T (ID BIGINT)");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> m.migrate("test", changed));
        assertTrue(e.getMessage().contains("changed after it was applied"));
    }

    @Test
    void aFailingScriptLeavesNoTrace() throws Exception {
        DataSource ds = derby(dir.resolve("db2"));
        JdbcSchemaMigrator m = new JdbcSchemaMigrator(ds);
        Map<Integer, String> bad = new TreeMap<>(Map.of(1, "CREATE TABLE U (ID INT)\n;\nCREATE TABLE BROKEN ("));
        assertThrows(IllegalStateException.class, () -> m.migrate("bad", bad));
        try (Connection c = ds.getConnection();
             ResultSet rs = c.getMetaData().getTables(null, null, "U", null)) {
            assertTrue(!rs.next(), "the script's first statement was rolled back");
        }
        assertEquals(1, m.migrate("bad", new TreeMap<>(Map.of(1, "CREATE TABLE U (ID INT)"))));
    }

    private static DataSource derby(Path path) {
        String url = "jdbc:derby:" + path + ";create=true";
        return new DataSource() {
            @Override
            public Connection getConnection() throws SQLException {
                return DriverManager.getConnection(url);
            }

            @Override
            public Connection getConnection(String u, String p) throws SQLException {
                return getConnection();
            }

            @Override
            public PrintWriter getLogWriter() {
                return null;
            }

            @Override
            public void setLogWriter(PrintWriter out) {
            }

            @Override
            public void setLoginTimeout(int seconds) {
            }

            @Override
            public int getLoginTimeout() {
                return 0;
            }

            @Override
            public Logger getParentLogger() {
                return Logger.getGlobal();
            }

            @Override
            public <T> T unwrap(Class<T> iface) {
                throw new UnsupportedOperationException();
            }

            @Override
            public boolean isWrapperFor(Class<?> iface) {
                return false;
            }
        };
    }
}
