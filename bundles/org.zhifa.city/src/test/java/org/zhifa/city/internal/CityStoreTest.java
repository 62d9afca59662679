package org.zhifa.city.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The city's tables on a real in-memory Derby with the shipped schema: insert-only, and the site's queries. */
class CityStoreTest {
    private static final Instant NOW = Instant.parse("2026-11-27T01:00:00Z");
    private EmbeddedDataSource ds;
    private CityStore store;

    @BeforeEach
    void open() throws Exception {
        System.setProperty("derby.stream.error.file", "target/derby.log");
        ds = new EmbeddedDataSource();
        ds.setDatabaseName("memory:city" + System.nanoTime());
        ds.setCreateDatabase("create");
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
             InputStream in = CityStoreTest.class.getResourceAsStream("/db/city/V1__city.sql")) {
            for (String sql : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("(?m)^;\\s*$")) {
                String stmt = sql.lines().filter(l -> !l.startsWith("--")).reduce("", (a, b) -> a + "\n" + b).strip();
                if (!stmt.isEmpty()) {
                    st.execute(stmt);
                }
            }
        }
        store = new CityStore(ds);
    }

    private static Wire.Item item(String publicId, int version, String title) {
        return new Wire.Item(1, publicId, version, "DECISION", "penalty", "行政处罚", title, "衡国土资罚〔2026〕1号", "张**",
                "2026-11-20", "2026-11-26T08:30:00.000Z", null, "正文", null, List.of(),
                new Wire.Bureau("430421", "衡阳县自然资源局"));
    }

    private void store(String publicId, int version, String title) throws SQLException {
        try (Connection c = ds.getConnection()) {
            store.insertItem(c, "430421", publicId, version, "h" + version, item(publicId, version, title),
                    LocalDate.of(2026, 11, 20), Instant.parse("2026-11-26T08:30:00Z").plusSeconds(version), null,
                    "%PDF-1.4".getBytes(StandardCharsets.US_ASCII),
                    List.of(new CityStore.File("a.pdf", "application/pdf", new byte[] {1, 2})), NOW);
        }
    }

    @Test
    void theSiteShowsTheHighestVersionUntilItIsWithdrawn() throws SQLException {
        store("item000001", 1, "第一版");
        store("item000001", 2, "第二版（纠错）");
        store("item000002", 1, "另一决定");
        LocalDate today = LocalDate.of(2026, 11, 27);
        try (Connection c = ds.getConnection()) {
            CityStore.Found all = store.search(c, null, null, null, today, 0, 10);
            assertEquals(2, all.total());
            assertEquals("第二版（纠错）", store.current(c, "430421", "item000001", today).orElseThrow().title());
            assertEquals(1, store.search(c, "430421", "penalty", "纠错", today, 0, 10).total());
            assertEquals(0, store.search(c, "999999", null, null, today, 0, 10).total());
            store.insertWithdrawal(c, "430421", "item000001", 2, "w", NOW, "REVOKED", "复议撤销", NOW);
            assertTrue(store.current(c, "430421", "item000001", today).isEmpty());
            assertEquals(1, store.search(c, null, null, null, today, 0, 10).total());
            List<Model.Takedown> t = store.takedowns(c, null, 0, 10);
            assertEquals("第二版（纠错）", t.get(0).title());
            assertEquals(1, store.files(c, store.current(c, "430421", "item000002", today).orElseThrow().id(), true).size());
            assertFalse(store.kinds(c).isEmpty());
        }
    }

    @Test
    void nothingIsUpdatedOrDeleted() throws SQLException {
        store("item000001", 1, "第一版");
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            store.insertHead(c, "430421", new Wire.TreeHead("430421", 3L, "2026-11-27T01:00:00.000Z", "ab", "SHA-256",
                    "cd", "ef", "Ed25519"), NOW, null, "ACCEPTED", null, NOW);
            for (String sql : List.of("UPDATE CITY_TREE_HEAD SET STATUS = 'FORK'", "DELETE FROM CITY_TREE_HEAD",
                    "UPDATE CITY_ITEM SET TITLE = 'x'", "DELETE FROM CITY_ATTACHMENT")) {
                SQLException e = assertThrows(SQLException.class, () -> st.executeUpdate(sql), sql);
                assertEquals("23513", e.getSQLState(), sql);
            }
            assertEquals(1, store.heads(c, "430421", 10).size());
            long conflict = store.insertAlarm(c, "430421", "CONFLICT", null, "item", NOW);
            long fork = store.insertAlarm(c, "430421", "FORK", store.heads(c, "430421", 1).get(0).id(), "fork", NOW);
            store.insertAck(c, conflict, "admin", "checked", NOW);
            assertEquals(List.of(fork), store.alarms(c, true).stream().map(Model.Alarm::id).toList());
            assertEquals(2, store.alarms(c, false).size());
            SQLException twice = assertThrows(SQLException.class, () -> store.insertAck(c, conflict, "admin", "again", NOW));
            assertEquals("23505", twice.getSQLState());
            assertEquals(3, store.latestAccepted(c, "430421").orElseThrow().treeSize());
        }
    }

    @Test
    void theNewestStatisticsBodyOfAMonthCounts() throws SQLException {
        try (Connection c = ds.getConnection()) {
            store.insertStatistics(c, "430421", "2026-11", "a", "{}", List.of(new Wire.KindCount("penalty", "行政处罚",
                    1L, 2L, 3L, 0L)), NOW);
            store.insertStatistics(c, "430421", "2026-11", "b", "{}", List.of(new Wire.KindCount("penalty", "行政处罚",
                    1L, 5L, 3L, 0L), new Wire.KindCount(null, null, 0L, 0L, 2L, 0L)), NOW);
            List<Model.StatRow> rows = store.statistics(c, null);
            assertEquals(2, rows.size());
            assertEquals(5, rows.stream().filter(r -> "penalty".equals(r.kind())).findFirst().orElseThrow().decided());
            assertEquals("b", store.statisticsIdentity(c, "430421", "2026-11").orElseThrow());
        }
    }
}
