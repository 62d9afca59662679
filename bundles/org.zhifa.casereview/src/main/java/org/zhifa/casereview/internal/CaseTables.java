package org.zhifa.casereview.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads of the case engine's tables (CASE_FILE, CASE_EVENT, CASE_OFFICER) and the register's OFFICER:
 * the closed cases of a year, who handled a case, and the rows the statistics count. Read only.
 * A case is closed when its status is CLOSED; it closed at its last transition.
 */
final class CaseTables {

    /** A closed case as a round takes it in. */
    record ClosedCase(long id, String number, String kind, String kindTitleZh, String kindTitleEn, String title,
                      LocalDateTime closedAt, Map<Long, String> officers) {}

    /** Who handled a case: the users who filed or moved it, and every officer ever assigned to it. */
    record Handlers(Set<String> users, Set<Long> officerIds) {}

    private CaseTables() {}

    /** The cases of the bureau closed in {@code year} (by the time of their last transition), by id. */
    static List<ClosedCase> closedIn(Connection c, String bureau, int year) throws SQLException {
        Map<Long, ClosedCase> cases = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT f.ID, f.NUMBER, f.KIND, f.KIND_TITLE_ZH, f.KIND_TITLE_EN,"
                + " f.TITLE, MAX(e.OCCURRED_AT) FROM CASE_FILE f JOIN CASE_EVENT e ON e.CASE_ID = f.ID"
                + " WHERE f.BUREAU = ? AND f.STATUS = 'CLOSED' AND e.TYPE = 'TRANSITION'"
                + " GROUP BY f.ID, f.NUMBER, f.KIND, f.KIND_TITLE_ZH, f.KIND_TITLE_EN, f.TITLE ORDER BY f.ID")) {
            ps.setString(1, bureau);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    LocalDateTime at = rs.getTimestamp(7).toLocalDateTime();
                    if (at.getYear() == year) {
                        cases.put(rs.getLong(1), new ClosedCase(rs.getLong(1), rs.getString(2), rs.getString(3),
                                rs.getString(4), rs.getString(5), rs.getString(6), at, new LinkedHashMap<>()));
                    }
                }
            }
        }
        if (cases.isEmpty()) {
            return List.of();
        }
        // the officers on the case when it closed
        try (PreparedStatement ps = c.prepareStatement("SELECT o.CASE_ID, o.OFFICER_ID, r.NAME FROM CASE_OFFICER o"
                + " JOIN CASE_FILE f ON f.ID = o.CASE_ID LEFT JOIN OFFICER r ON r.ID = o.OFFICER_ID"
                + " WHERE f.BUREAU = ? AND f.STATUS = 'CLOSED' AND o.REMOVED_SEQ IS NULL ORDER BY o.CASE_ID, o.ID")) {
            ps.setString(1, bureau);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ClosedCase cc = cases.get(rs.getLong(1));
                    if (cc != null) {
                        String name = rs.getString(3);
                        cc.officers().put(rs.getLong(2), name == null ? "#" + rs.getLong(2) : name);
                    }
                }
            }
        }
        return new ArrayList<>(cases.values());
    }

    static Handlers handlers(Connection c, long caseId) throws SQLException {
        Set<String> users = new HashSet<>();
        Set<Long> officers = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT CREATED_BY FROM CASE_FILE WHERE ID = ?"
                + " UNION SELECT ACTOR FROM CASE_EVENT WHERE CASE_ID = ?")) {
            ps.setLong(1, caseId);
            ps.setLong(2, caseId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    users.add(rs.getString(1));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT OFFICER_ID FROM CASE_OFFICER WHERE CASE_ID = ?")) {
            ps.setLong(1, caseId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    officers.add(rs.getLong(1));
                }
            }
        }
        return new Handlers(users, officers);
    }

    /** One case as the statistics count it. */
    record StatRow(long id, String kind, String kindTitleZh, String kindTitleEn, String step, String stepTitleZh,
                   String stepTitleEn, boolean closed, LocalDate filedOn) {}

    static List<StatRow> cases(Connection c, String bureau, String kind) throws SQLException {
        List<StatRow> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT ID, KIND, KIND_TITLE_ZH, KIND_TITLE_EN, STEP,"
                + " STEP_TITLE_ZH, STEP_TITLE_EN, STATUS, FILED_ON FROM CASE_FILE WHERE BUREAU = ?"
                + (kind == null ? "" : " AND KIND = ?"))) {
            ps.setString(1, bureau);
            if (kind != null) {
                ps.setString(2, kind);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new StatRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), "CLOSED".equals(rs.getString(8)),
                            rs.getDate(9).toLocalDate()));
                }
            }
        }
        return rows;
    }

    /** Closing time of every closed case of the bureau: case id → its last transition. */
    static Map<Long, LocalDateTime> closedAt(Connection c, String bureau, String kind) throws SQLException {
        Map<Long, LocalDateTime> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT f.ID, MAX(e.OCCURRED_AT) FROM CASE_FILE f"
                + " JOIN CASE_EVENT e ON e.CASE_ID = f.ID WHERE f.BUREAU = ? AND f.STATUS = 'CLOSED'"
                + " AND e.TYPE = 'TRANSITION'" + (kind == null ? "" : " AND f.KIND = ?") + " GROUP BY f.ID")) {
            ps.setString(1, bureau);
            if (kind != null) {
                ps.setString(2, kind);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Timestamp t = rs.getTimestamp(2);
                    out.put(rs.getLong(1), t.toLocalDateTime());
                }
            }
        }
        return out;
    }

    /** Officers currently assigned: case id → officer id → name. */
    static Map<Long, Map<Long, String>> officers(Connection c, String bureau) throws SQLException {
        Map<Long, Map<Long, String>> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT o.CASE_ID, o.OFFICER_ID, r.NAME FROM CASE_OFFICER o"
                + " JOIN CASE_FILE f ON f.ID = o.CASE_ID LEFT JOIN OFFICER r ON r.ID = o.OFFICER_ID"
                + " WHERE f.BUREAU = ? AND o.REMOVED_SEQ IS NULL")) {
            ps.setString(1, bureau);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String name = rs.getString(3);
                    out.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>())
                            .put(rs.getLong(2), name == null ? "#" + rs.getLong(2) : name);
                }
            }
        }
        return out;
    }
}
