package org.zhifa.city.internal;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

/** Plain JDBC over the CITY_* tables (db/city). Every write inserts; nothing is updated or deleted. */
final class CityStore {
    final DataSource dataSource;

    CityStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    // --- counties ------------------------------------------------------------------------------------------

    private static final String COUNTY_COLS = "CODE, REVISION, NAME, TOKEN_SHA256, CERT_SHA256, PUBLIC_KEY_PEM, ACTIVE, "
            + "CHANGED_AT, CHANGED_BY";
    private static final String CURRENT_COUNTY = "SELECT " + COUNTY_COLS + " FROM CITY_COUNTY C WHERE REVISION = "
            + "(SELECT MAX(REVISION) FROM CITY_COUNTY D WHERE D.CODE = C.CODE)";

    List<Model.County> counties(Connection c) throws SQLException {
        List<Model.County> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(CURRENT_COUNTY + " ORDER BY CODE");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                out.add(county(r));
            }
        }
        return out;
    }

    Optional<Model.County> county(Connection c, String code) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(CURRENT_COUNTY + " AND CODE = ?")) {
            s.setString(1, code);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(county(r)) : Optional.empty();
            }
        }
    }

    private static Model.County county(ResultSet r) throws SQLException {
        return new Model.County(r.getString(1), r.getInt(2), r.getString(3), r.getString(4), r.getString(5),
                r.getString(6), r.getShort(7) != 0, r.getTimestamp(8).toInstant(), r.getString(9));
    }

    int insertCounty(Connection c, String code, String name, String tokenSha256, String certSha256, String pem,
                     boolean active, Instant at, String by, String reason) throws SQLException {
        int revision;
        try (PreparedStatement s = c.prepareStatement("SELECT COALESCE(MAX(REVISION), 0) FROM CITY_COUNTY WHERE CODE = ?")) {
            s.setString(1, code);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                revision = r.getInt(1) + 1;
            }
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO CITY_COUNTY (" + COUNTY_COLS
                + ", REASON) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, code);
            s.setInt(2, revision);
            s.setString(3, name);
            s.setString(4, tokenSha256);
            s.setString(5, certSha256);
            s.setString(6, pem);
            s.setShort(7, (short) (active ? 1 : 0));
            s.setTimestamp(8, Timestamp.from(at));
            s.setString(9, by);
            s.setString(10, reason);
            s.executeUpdate();
        }
        return revision;
    }

    // --- items and withdrawals -----------------------------------------------------------------------------

    Optional<String> itemIdentity(Connection c, String county, String publicId, int version) throws SQLException {
        return one(c, "SELECT BODY_SHA256 FROM CITY_ITEM WHERE COUNTY = ? AND PUBLIC_ID = ? AND VERSION = ?",
                county, publicId, version);
    }

    boolean anyItem(Connection c, String county, String publicId) throws SQLException {
        return one(c, "SELECT PUBLIC_ID FROM CITY_ITEM WHERE COUNTY = ? AND PUBLIC_ID = ? FETCH FIRST 1 ROWS ONLY",
                county, publicId).isPresent();
    }

    /** A decoded attachment. */
    record File(String name, String mediaType, byte[] content) {}

    long insertItem(Connection c, String county, String publicId, int version, String identity, Wire.Item b,
                    LocalDate decidedOn, Instant publishedAt, LocalDate postUntil, byte[] pdf, List<File> files,
                    Instant now) throws SQLException {
        long id;
        try (PreparedStatement s = c.prepareStatement("INSERT INTO CITY_ITEM (COUNTY, PUBLIC_ID, VERSION, BODY_SHA256, "
                + "ITEM_TYPE, KIND, KIND_TITLE, TITLE, CASE_NUMBER, PARTY, DECIDED_ON, PUBLISHED_AT, POST_UNTIL, BODY, PDF, "
                + "BUREAU_CODE, BUREAU_NAME, RECEIVED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            s.setString(1, county);
            s.setString(2, publicId);
            s.setInt(3, version);
            s.setString(4, identity);
            s.setString(5, b.type());
            s.setString(6, b.kind());
            s.setString(7, b.kindTitleZh());
            s.setString(8, b.title());
            s.setString(9, b.caseNumber());
            s.setString(10, b.partyName());
            s.setDate(11, decidedOn == null ? null : Date.valueOf(decidedOn));
            s.setTimestamp(12, Timestamp.from(publishedAt));
            s.setDate(13, postUntil == null ? null : Date.valueOf(postUntil));
            s.setString(14, b.text());
            s.setBytes(15, pdf);
            s.setString(16, b.bureau().code());
            s.setString(17, b.bureau().name());
            s.setTimestamp(18, Timestamp.from(now));
            s.executeUpdate();
            id = key(s);
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO CITY_ATTACHMENT (ITEM_ID, POSITION, NAME, MEDIA_TYPE, "
                + "CONTENT) VALUES (?, ?, ?, ?, ?)")) {
            int position = 0;
            for (File f : files) {
                s.setLong(1, id);
                s.setInt(2, position++);
                s.setString(3, f.name());
                s.setString(4, f.mediaType());
                s.setBytes(5, f.content());
                s.addBatch();
            }
            if (!files.isEmpty()) {
                s.executeBatch();
            }
        }
        return id;
    }

    Optional<String> withdrawalIdentity(Connection c, String county, String publicId, int version) throws SQLException {
        return one(c, "SELECT BODY_SHA256 FROM CITY_WITHDRAWAL WHERE COUNTY = ? AND PUBLIC_ID = ? AND VERSION = ?",
                county, publicId, version);
    }

    void insertWithdrawal(Connection c, String county, String publicId, int version, String identity,
                          Instant withdrawnAt, String ground, String reason, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO CITY_WITHDRAWAL (COUNTY, PUBLIC_ID, VERSION, "
                + "BODY_SHA256, WITHDRAWN_AT, GROUND, REASON, RECEIVED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, county);
            s.setString(2, publicId);
            s.setInt(3, version);
            s.setString(4, identity);
            s.setTimestamp(5, Timestamp.from(withdrawnAt));
            s.setString(6, ground);
            s.setString(7, reason);
            s.setTimestamp(8, Timestamp.from(now));
            s.executeUpdate();
        }
    }

    // --- tree heads and alarms -----------------------------------------------------------------------------

    private static final String HEAD_COLS = "ID, COUNTY, BUREAU, TREE_SIZE, SIGNED_AT_TEXT, ROOT_HASH, HASH_ALGORITHM, "
            + "KEY_ID, SIGNATURE, STATUS, PROBLEM, RECEIVED_AT";

    /** The latest accepted head: the largest tree, the newest of that size. */
    Optional<Model.Head> latestAccepted(Connection c, String county) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + HEAD_COLS + " FROM CITY_TREE_HEAD WHERE COUNTY = ? "
                + "AND STATUS = 'ACCEPTED' ORDER BY TREE_SIZE DESC, ID DESC FETCH FIRST 1 ROWS ONLY")) {
            s.setString(1, county);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(head(r)) : Optional.empty();
            }
        }
    }

    List<Model.Head> heads(Connection c, String county, int limit) throws SQLException {
        List<Model.Head> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT " + HEAD_COLS + " FROM CITY_TREE_HEAD WHERE COUNTY = ? "
                + "ORDER BY ID DESC FETCH FIRST " + limit + " ROWS ONLY")) {
            s.setString(1, county);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(head(r));
                }
            }
        }
        return out;
    }

    private static Model.Head head(ResultSet r) throws SQLException {
        return new Model.Head(r.getLong(1), r.getString(2), r.getString(3), r.getLong(4), r.getString(5), r.getString(6),
                r.getString(7), r.getString(8), r.getString(9), r.getString(10), r.getString(11),
                r.getTimestamp(12).toInstant());
    }

    long insertHead(Connection c, String county, Wire.TreeHead h, Instant signedAt, Wire.Consistency proof,
                    String status, String problem, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO CITY_TREE_HEAD (COUNTY, BUREAU, TREE_SIZE, SIGNED_AT, "
                + "SIGNED_AT_TEXT, ROOT_HASH, HASH_ALGORITHM, KEY_ID, SIGNATURE, PROOF_FROM, PROOF, STATUS, PROBLEM, "
                + "RECEIVED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            s.setString(1, county);
            s.setString(2, h.bureau());
            s.setLong(3, h.treeSize());
            s.setTimestamp(4, Timestamp.from(signedAt));
            s.setString(5, h.timestamp());
            s.setString(6, h.rootHash());
            s.setString(7, h.hashAlgorithm());
            s.setString(8, h.keyId());
            s.setString(9, h.signature());
            if (proof == null || proof.fromSize() == null) {
                s.setNull(10, java.sql.Types.BIGINT);
                s.setString(11, null);
            } else {
                s.setLong(10, proof.fromSize());
                s.setString(11, proof.path() == null ? null : String.join(",", proof.path()));
            }
            s.setString(12, status);
            s.setString(13, problem);
            s.setTimestamp(14, Timestamp.from(now));
            s.executeUpdate();
            return key(s);
        }
    }

    /** @param headId the tree head the alarm is about, or null (a conflict of item contents) */
    long insertAlarm(Connection c, String county, String kind, Long headId, String message, Instant now)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO CITY_ALARM (COUNTY, KIND, TREE_HEAD_ID, MESSAGE, "
                + "RAISED_AT) VALUES (?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            s.setString(1, county);
            s.setString(2, kind);
            if (headId == null) {
                s.setNull(3, java.sql.Types.BIGINT);
            } else {
                s.setLong(3, headId);
            }
            s.setString(4, message);
            s.setTimestamp(5, Timestamp.from(now));
            s.executeUpdate();
            return key(s);
        }
    }

    void insertAck(Connection c, long alarmId, String by, String reason, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO CITY_ALARM_ACK (ALARM_ID, ACKED_BY, REASON, ACKED_AT) "
                + "VALUES (?, ?, ?, ?)")) {
            s.setLong(1, alarmId);
            s.setString(2, by);
            s.setString(3, reason);
            s.setTimestamp(4, Timestamp.from(now));
            s.executeUpdate();
        }
    }

    List<Model.Alarm> alarms(Connection c, boolean openOnly) throws SQLException {
        List<Model.Alarm> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT A.ID, A.COUNTY, A.KIND, A.TREE_HEAD_ID, A.MESSAGE, A.RAISED_AT, "
                + "K.ACKED_BY, K.REASON, K.ACKED_AT FROM CITY_ALARM A LEFT JOIN CITY_ALARM_ACK K ON K.ALARM_ID = A.ID"
                + (openOnly ? " WHERE K.ID IS NULL" : "") + " ORDER BY A.ID DESC");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                Timestamp ack = r.getTimestamp(9);
                out.add(new Model.Alarm(r.getLong(1), r.getString(2), r.getString(3), r.getLong(4), r.getString(5),
                        r.getTimestamp(6).toInstant(), r.getString(7), r.getString(8), ack == null ? null : ack.toInstant()));
            }
        }
        return out;
    }

    // --- statistics ----------------------------------------------------------------------------------------

    /** The identity of the newest body of the month, if any. */
    Optional<String> statisticsIdentity(Connection c, String county, String month) throws SQLException {
        return one(c, "SELECT BODY_SHA256 FROM CITY_STATISTICS WHERE COUNTY = ? AND MONTH = ? ORDER BY ID DESC "
                + "FETCH FIRST 1 ROWS ONLY", county, month);
    }

    void insertStatistics(Connection c, String county, String month, String identity, String body,
                          List<Wire.KindCount> kinds, Instant now) throws SQLException {
        long id;
        try (PreparedStatement s = c.prepareStatement("INSERT INTO CITY_STATISTICS (COUNTY, MONTH, BODY_SHA256, BODY, "
                + "RECEIVED_AT) VALUES (?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            s.setString(1, county);
            s.setString(2, month);
            s.setString(3, identity);
            s.setString(4, body);
            s.setTimestamp(5, Timestamp.from(now));
            s.executeUpdate();
            id = key(s);
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO CITY_STAT_COUNT (STATISTICS_ID, KIND, KIND_TITLE, FILED, "
                + "DECIDED, DISCLOSED, WITHDRAWN) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (Wire.KindCount k : kinds) {
                s.setLong(1, id);
                s.setString(2, k.kind() == null ? "" : k.kind());
                s.setString(3, k.kindTitleZh());
                s.setLong(4, k.filed());
                s.setLong(5, k.decided());
                s.setLong(6, k.disclosed());
                s.setLong(7, k.withdrawn());
                s.addBatch();
            }
            if (!kinds.isEmpty()) {
                s.executeBatch();
            }
        }
    }

    /** The newest body of every county and month, by kind; county, month (newest first), kind. */
    List<Model.StatRow> statistics(Connection c, String county) throws SQLException {
        List<Model.StatRow> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT S.COUNTY, S.MONTH, K.KIND, K.KIND_TITLE, K.FILED, K.DECIDED, "
                + "K.DISCLOSED, K.WITHDRAWN FROM CITY_STATISTICS S JOIN CITY_STAT_COUNT K ON K.STATISTICS_ID = S.ID "
                + "WHERE S.ID = (SELECT MAX(T.ID) FROM CITY_STATISTICS T WHERE T.COUNTY = S.COUNTY AND T.MONTH = S.MONTH)"
                + (county == null ? "" : " AND S.COUNTY = ?") + " ORDER BY S.COUNTY, S.MONTH DESC, K.KIND")) {
            if (county != null) {
                s.setString(1, county);
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new Model.StatRow(r.getString(1), null, r.getString(2), r.getString(3), r.getString(4),
                            r.getLong(5), r.getLong(6), r.getLong(7), r.getLong(8)));
                }
            }
        }
        return out;
    }

    // --- the public site -----------------------------------------------------------------------------------

    private static final String ITEM_COLS = "I.ID, I.COUNTY, I.PUBLIC_ID, I.VERSION, I.ITEM_TYPE, I.KIND, I.KIND_TITLE, "
            + "I.TITLE, I.CASE_NUMBER, I.PARTY, I.DECIDED_ON, I.PUBLISHED_AT, I.POST_UNTIL, I.BUREAU_NAME, "
            + "CASE WHEN I.PDF IS NULL THEN 0 ELSE 1 END, I.RECEIVED_AT";
    /** The highest version of each item, unless a withdrawal of that version or a later one came. */
    private static final String CURRENT = " FROM CITY_ITEM I WHERE I.VERSION = (SELECT MAX(J.VERSION) FROM CITY_ITEM J "
            + "WHERE J.COUNTY = I.COUNTY AND J.PUBLIC_ID = I.PUBLIC_ID) AND NOT EXISTS (SELECT 1 FROM CITY_WITHDRAWAL W "
            + "WHERE W.COUNTY = I.COUNTY AND W.PUBLIC_ID = I.PUBLIC_ID AND W.VERSION >= I.VERSION) "
            + "AND (I.POST_UNTIL IS NULL OR I.POST_UNTIL >= ?)";

    /** Current items matching the filters, newest first, and how many match in all. */
    record Found(List<Model.Item> items, long total) {}

    Found search(Connection c, String county, String kind, String keyword, LocalDate today, int offset, int limit)
            throws SQLException {
        StringBuilder where = new StringBuilder(CURRENT);
        List<Object> args = new ArrayList<>();
        args.add(Date.valueOf(today));
        if (county != null) {
            where.append(" AND I.COUNTY = ?");
            args.add(county);
        }
        if (kind != null) {
            where.append(" AND (I.KIND = ? OR (I.KIND IS NULL AND I.ITEM_TYPE = ?))");
            args.add(kind);
            args.add(kind);
        }
        if (keyword != null) {
            where.append(" AND (LOCATE(CAST(? AS VARCHAR(100)), I.TITLE) > 0 "
                    + "OR LOCATE(CAST(? AS VARCHAR(100)), COALESCE(I.CASE_NUMBER, '')) > 0 "
                    + "OR LOCATE(CAST(? AS VARCHAR(100)), COALESCE(I.PARTY, '')) > 0)");
            args.add(keyword);
            args.add(keyword);
            args.add(keyword);
        }
        long total;
        try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*)" + where)) {
            bind(s, args);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                total = r.getLong(1);
            }
        }
        List<Model.Item> items = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT " + ITEM_COLS + where
                + " ORDER BY I.PUBLISHED_AT DESC, I.ID DESC OFFSET " + offset + " ROWS FETCH NEXT " + limit + " ROWS ONLY")) {
            bind(s, args);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    items.add(item(r));
                }
            }
        }
        return new Found(items, total);
    }

    /** The item's highest version if it is current. */
    Optional<Model.Item> current(Connection c, String county, String publicId, LocalDate today) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + ITEM_COLS + CURRENT + " AND I.COUNTY = ? AND I.PUBLIC_ID = ?")) {
            bind(s, List.of(Date.valueOf(today), county, publicId));
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(item(r)) : Optional.empty();
            }
        }
    }

    private static Model.Item item(ResultSet r) throws SQLException {
        Date decided = r.getDate(11);
        Date until = r.getDate(13);
        return new Model.Item(r.getLong(1), r.getString(2), null, r.getString(3), r.getInt(4), r.getString(5),
                r.getString(6), r.getString(7), r.getString(8), r.getString(9), r.getString(10),
                decided == null ? null : decided.toLocalDate(), r.getTimestamp(12).toInstant(),
                until == null ? null : until.toLocalDate(), r.getString(14), r.getInt(15) == 1,
                r.getTimestamp(16).toInstant());
    }

    String text(Connection c, long itemId) throws SQLException {
        return one(c, "SELECT BODY FROM CITY_ITEM WHERE ID = ?", itemId).orElse("");
    }

    byte[] pdf(Connection c, long itemId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT PDF FROM CITY_ITEM WHERE ID = ?")) {
            s.setLong(1, itemId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getBytes(1) : null;
            }
        }
    }

    List<File> files(Connection c, long itemId, boolean content) throws SQLException {
        List<File> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT NAME, MEDIA_TYPE" + (content ? ", CONTENT" : "")
                + " FROM CITY_ATTACHMENT WHERE ITEM_ID = ? ORDER BY POSITION")) {
            s.setLong(1, itemId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new File(r.getString(1), r.getString(2), content ? r.getBytes(3) : new byte[0]));
                }
            }
        }
        return out;
    }

    List<Model.Takedown> takedowns(Connection c, String county, int offset, int limit) throws SQLException {
        List<Model.Takedown> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT W.COUNTY, W.PUBLIC_ID, W.VERSION, I.TITLE, I.CASE_NUMBER, "
                + "W.GROUND, W.REASON, W.WITHDRAWN_AT FROM CITY_WITHDRAWAL W JOIN CITY_ITEM I ON I.COUNTY = W.COUNTY "
                + "AND I.PUBLIC_ID = W.PUBLIC_ID AND I.VERSION = (SELECT MAX(J.VERSION) FROM CITY_ITEM J WHERE "
                + "J.COUNTY = W.COUNTY AND J.PUBLIC_ID = W.PUBLIC_ID AND J.VERSION <= W.VERSION)"
                + (county == null ? "" : " WHERE W.COUNTY = ?")
                + " ORDER BY W.WITHDRAWN_AT DESC, W.ID DESC OFFSET " + offset + " ROWS FETCH NEXT " + limit + " ROWS ONLY")) {
            if (county != null) {
                s.setString(1, county);
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new Model.Takedown(r.getString(1), null, r.getString(2), r.getInt(3), r.getString(4),
                            r.getString(5), r.getString(6), r.getString(7), r.getTimestamp(8).toInstant()));
                }
            }
        }
        return out;
    }

    /** Kinds (or item types for items without one) of the current items, for the filter. */
    List<String[]> kinds(Connection c) throws SQLException {
        List<String[]> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT COALESCE(KIND, ITEM_TYPE), MAX(COALESCE(KIND_TITLE, ITEM_TYPE)) "
                + "FROM CITY_ITEM GROUP BY COALESCE(KIND, ITEM_TYPE) ORDER BY 1");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                out.add(new String[] {r.getString(1), r.getString(2)});
            }
        }
        return out;
    }

    // --- helpers -------------------------------------------------------------------------------------------

    private static Optional<String> one(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, List.of(args));
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.ofNullable(r.getString(1)) : Optional.empty();
            }
        }
    }

    private static void bind(PreparedStatement s, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            s.setObject(i + 1, args.get(i));
        }
    }

    private static long key(PreparedStatement s) throws SQLException {
        try (ResultSet k = s.getGeneratedKeys()) {
            k.next();
            return k.getLong(1);
        }
    }
}
