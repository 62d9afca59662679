package org.zhifa.disclosure.internal;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.zhifa.api.disclosure.Attachment;
import org.zhifa.api.disclosure.Delivery;
import org.zhifa.api.disclosure.ItemStatus;
import org.zhifa.api.disclosure.ItemType;
import org.zhifa.api.disclosure.OutboxState;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The disclosure tables on plain JDBC, on whatever connection the caller's transaction holds. */
final class Store {
    static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** SQLSTATE of a unique-key violation. */
    static final String DUPLICATE = "23505";

    final String bureau;

    Store(String bureau) {
        this.bureau = bureau;
    }

    /** An item row as inserted. */
    record ItemRow(long id, String publicId, ItemType type, Long caseId, String caseNumber, String kind,
                   String kindTitleZh, String title, String partyName, boolean partyPerson, boolean partyMinor,
                   LocalDate decidedOn, LocalDate dueOn, boolean major, List<String> knownNames, List<String> keepNames,
                   String createdBy, Instant createdAt) {}

    /** A version of an item's text. */
    record VersionRow(int version, String text, String request, String createdBy, Instant createdAt) {}

    /** An event of an item: its status (when it sets one) and what it carries. */
    record EventRow(long id, String type, ItemStatus status, int version, String actor, Instant at, JsonNode data) {}

    /** An outbox row. */
    record OutboxRow(long id, String channel, long itemId, int version, Delivery.Action action, OutboxState state,
                     int attempts, Instant createdAt, Instant nextAt, Instant doneAt, String receipt, String lastError) {}

    static String newPublicId() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    // --- items

    long insertItem(Connection c, ItemRow r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO DISC_ITEM (BUREAU, PUBLIC_ID, TYPE, CASE_ID,"
                + " CASE_NUMBER, KIND, KIND_TITLE_ZH, TITLE, PARTY_NAME, PARTY_PERSON, PARTY_MINOR, DECIDED_ON, DUE_ON,"
                + " MAJOR, KNOWN_NAMES, KEEP_NAMES, CREATED_BY, CREATED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, bureau);
            ps.setString(2, r.publicId());
            ps.setString(3, r.type().name());
            if (r.caseId() == null) {
                ps.setNull(4, java.sql.Types.BIGINT);
            } else {
                ps.setLong(4, r.caseId());
            }
            ps.setString(5, r.caseNumber());
            ps.setString(6, r.kind());
            ps.setString(7, r.kindTitleZh());
            ps.setString(8, r.title());
            ps.setString(9, r.partyName());
            ps.setBoolean(10, r.partyPerson());
            ps.setBoolean(11, r.partyMinor());
            ps.setDate(12, java.sql.Date.valueOf(r.decidedOn()));
            ps.setDate(13, java.sql.Date.valueOf(r.dueOn()));
            ps.setBoolean(14, r.major());
            ps.setString(15, json(r.knownNames()));
            ps.setString(16, json(r.keepNames()));
            ps.setString(17, r.createdBy());
            ps.setTimestamp(18, Timestamp.from(r.createdAt()));
            ps.executeUpdate();
            long id;
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
            insertState(c, id);
            return id;
        }
    }

    /** A new item's row of DISC_ITEM_STATE (V3): PENDING, no withdrawal asked. */
    private void insertState(Connection c, long itemId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO DISC_ITEM_STATE (ITEM_ID, BUREAU, STATUS,"
                + " WITHDRAWAL_DUE_ON) VALUES (?, ?, ?, NULL)")) {
            ps.setLong(1, itemId);
            ps.setString(2, bureau);
            ps.setString(3, ItemStatus.PENDING.name());
            ps.executeUpdate();
        }
    }

    private static final String ITEM_COLUMNS = "ID, PUBLIC_ID, TYPE, CASE_ID, CASE_NUMBER, KIND, KIND_TITLE_ZH, TITLE,"
            + " PARTY_NAME, PARTY_PERSON, PARTY_MINOR, DECIDED_ON, DUE_ON, MAJOR, KNOWN_NAMES, KEEP_NAMES, CREATED_BY,"
            + " CREATED_AT";

    private static ItemRow item(ResultSet rs) throws SQLException {
        long caseId = rs.getLong(4);
        Long kase = rs.wasNull() ? null : caseId;
        return new ItemRow(rs.getLong(1), rs.getString(2), ItemType.valueOf(rs.getString(3)), kase, rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getBoolean(10), rs.getBoolean(11),
                rs.getDate(12).toLocalDate(), rs.getDate(13).toLocalDate(), rs.getBoolean(14), strings(rs.getString(15)),
                strings(rs.getString(16)), rs.getString(17), rs.getTimestamp(18).toInstant());
    }

    Optional<ItemRow> item(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + ITEM_COLUMNS + " FROM DISC_ITEM WHERE ID = ? AND BUREAU = ?")) {
            ps.setLong(1, id);
            ps.setString(2, bureau);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(item(rs)) : Optional.empty();
            }
        }
    }

    List<ItemRow> items(Connection c) throws SQLException {
        List<ItemRow> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + ITEM_COLUMNS + " FROM DISC_ITEM WHERE BUREAU = ? ORDER BY ID")) {
            ps.setString(1, bureau);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(item(rs));
                }
            }
        }
        return out;
    }

    /**
     * The staff queue's filter as SQL. {@code today} and {@code soonUntil} come from the working-day calendar: an
     * item is late when PENDING past DUE_ON or PUBLISHED with a withdrawal request past its day, and due soon when
     * not late and that day is no later than {@code soonUntil} (the last day within the warning window).
     */
    record ItemFilter(ItemStatus status, ItemType type, String kind, String due, String text, LocalDate today,
                      LocalDate soonUntil) {
        boolean derived() {
            return status != null || due != null;
        }
    }

    /**
     * Appends the FROM and WHERE of the filter; returns the parameters in order. An item's status and its
     * withdrawal's day due are read from DISC_ITEM_STATE (V3), the projection of its events kept current by
     * {@link #insertEvent}, so the lists need not group DISC_EVENT.
     */
    private List<Object> itemQuery(StringBuilder sql, ItemFilter f) {
        List<Object> params = new ArrayList<>();
        sql.append(" FROM DISC_ITEM I");
        if (f.derived()) {
            sql.append(" JOIN DISC_ITEM_STATE S ON S.ITEM_ID = I.ID");
        }
        sql.append(" WHERE I.BUREAU = ?");
        params.add(bureau);
        if (f.derived()) {
            sql.append(" AND S.BUREAU = ?");
            params.add(bureau);
        }
        if (f.type() != null) {
            sql.append(" AND I.TYPE = ?");
            params.add(f.type().name());
        }
        if (f.kind() != null) {
            sql.append(" AND I.KIND = ?");
            params.add(f.kind());
        }
        if (f.text() != null) {
            sql.append(" AND (I.TITLE LIKE ? ESCAPE '!' OR I.CASE_NUMBER LIKE ? ESCAPE '!' OR I.PARTY_NAME LIKE ? ESCAPE '!')");
            String like = "%" + f.text().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
            params.add(like);
            params.add(like);
            params.add(like);
        }
        if (f.status() != null) {
            sql.append(" AND S.STATUS = ?");
            params.add(f.status().name());
        }
        if ("late".equals(f.due())) {
            sql.append(" AND ((S.STATUS = 'PENDING' AND I.DUE_ON < ?) OR (S.STATUS = 'PUBLISHED' AND S.WITHDRAWAL_DUE_ON < ?))");
            params.add(java.sql.Date.valueOf(f.today()));
            params.add(java.sql.Date.valueOf(f.today()));
        } else if ("soon".equals(f.due())) {
            sql.append(" AND ((S.STATUS = 'PENDING' AND I.DUE_ON >= ? AND I.DUE_ON <= ?)"
                    + " OR (S.STATUS = 'PUBLISHED' AND S.WITHDRAWAL_DUE_ON >= ? AND S.WITHDRAWAL_DUE_ON <= ?))");
            for (int i = 0; i < 2; i++) {
                params.add(java.sql.Date.valueOf(f.today()));
                params.add(java.sql.Date.valueOf(f.soonUntil()));
            }
        }
        return params;
    }

    private static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, params.get(i));
        }
    }

    /** How many of the bureau's items pass the filter. */
    long countItems(Connection c, ItemFilter f) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT COUNT(*)");
        List<Object> params = itemQuery(sql, f);
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The ids of a page of items passing the filter: newest first, or by the day due when filtered by due. */
    List<Long> itemPage(Connection c, ItemFilter f, int offset, int limit) throws SQLException {
        StringBuilder sql = new StringBuilder(f.due() != null ? "SELECT I.ID, COALESCE(S.WITHDRAWAL_DUE_ON, I.DUE_ON) AS D"
                : "SELECT I.ID");
        List<Object> params = itemQuery(sql, f);
        sql.append(f.due() != null ? " ORDER BY D, I.ID" : " ORDER BY I.ID DESC");
        sql.append(" OFFSET ? ROWS FETCH NEXT ? ROWS ONLY");
        params.add(offset);
        params.add(limit);
        List<Long> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
        }
        return out;
    }

    private static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    /** The bureau's items of the given ids, by id. */
    Map<Long, ItemRow> items(Connection c, List<Long> ids) throws SQLException {
        Map<Long, ItemRow> out = new java.util.HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT " + ITEM_COLUMNS + " FROM DISC_ITEM WHERE BUREAU = ? AND ID IN ("
                + marks(ids.size()) + ")")) {
            ps.setString(1, bureau);
            for (int i = 0; i < ids.size(); i++) {
                ps.setLong(i + 2, ids.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ItemRow r = item(rs);
                    out.put(r.id(), r);
                }
            }
        }
        return out;
    }

    /** The events of the given items, by item, oldest first. */
    Map<Long, List<EventRow>> events(Connection c, List<Long> ids) throws SQLException {
        Map<Long, List<EventRow>> out = new java.util.HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT ID, TYPE, STATUS, VERSION, ACTOR, AT_TIME, DATA, ITEM_ID"
                + " FROM DISC_EVENT WHERE ITEM_ID IN (" + marks(ids.size()) + ") ORDER BY ID")) {
            for (int i = 0; i < ids.size(); i++) {
                ps.setLong(i + 1, ids.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String s = rs.getString(3);
                    out.computeIfAbsent(rs.getLong(8), k -> new ArrayList<>()).add(new EventRow(rs.getLong(1),
                            rs.getString(2), s == null ? null : ItemStatus.valueOf(s), rs.getInt(4), rs.getString(5),
                            rs.getTimestamp(6).toInstant(), tree(rs.getString(7))));
                }
            }
        }
        return out;
    }

    /** The latest version of each of the given items, by item. */
    Map<Long, VersionRow> latestVersions(Connection c, List<Long> ids) throws SQLException {
        Map<Long, VersionRow> out = new java.util.HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT V.VERSION, V.TEXT, V.REQUEST, V.CREATED_BY, V.CREATED_AT,"
                + " V.ITEM_ID FROM DISC_VERSION V WHERE V.ITEM_ID IN (" + marks(ids.size()) + ") AND V.VERSION ="
                + " (SELECT MAX(V2.VERSION) FROM DISC_VERSION V2 WHERE V2.ITEM_ID = V.ITEM_ID)")) {
            for (int i = 0; i < ids.size(); i++) {
                ps.setLong(i + 1, ids.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(6), versionRow(rs));
                }
            }
        }
        return out;
    }

    /** Item ids of a case, oldest first. */
    List<Long> itemsOfCase(Connection c, long caseId) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT ID FROM DISC_ITEM WHERE CASE_ID = ? AND BUREAU = ? ORDER BY ID")) {
            ps.setLong(1, caseId);
            ps.setString(2, bureau);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
        }
        return out;
    }

    // --- versions

    void insertVersion(Connection c, long itemId, int version, String text, String request, String actor, Instant at)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO DISC_VERSION (ITEM_ID, VERSION, TEXT, REQUEST,"
                + " CREATED_BY, CREATED_AT) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, itemId);
            ps.setInt(2, version);
            ps.setString(3, text);
            ps.setString(4, request);
            ps.setString(5, actor);
            ps.setTimestamp(6, Timestamp.from(at));
            ps.executeUpdate();
        }
    }

    List<VersionRow> versions(Connection c, long itemId) throws SQLException {
        List<VersionRow> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(VERSION_COLUMNS + " WHERE ITEM_ID = ? ORDER BY VERSION")) {
            ps.setLong(1, itemId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(versionRow(rs));
                }
            }
        }
        return out;
    }

    Optional<VersionRow> version(Connection c, long itemId, int version) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(VERSION_COLUMNS + " WHERE ITEM_ID = ? AND VERSION = ?")) {
            ps.setLong(1, itemId);
            ps.setInt(2, version);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(versionRow(rs)) : Optional.empty();
            }
        }
    }

    private static final String VERSION_COLUMNS = "SELECT VERSION, TEXT, REQUEST, CREATED_BY, CREATED_AT FROM DISC_VERSION";

    private static VersionRow versionRow(ResultSet rs) throws SQLException {
        return new VersionRow(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getTimestamp(5).toInstant());
    }

    // --- attachments

    void insertAttachment(Connection c, long itemId, Attachment a) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO DISC_ATTACHMENT (ITEM_ID, NAME, MEDIA_TYPE, CONTENT,"
                + " SHA256) VALUES (?, ?, ?, ?, ?)")) {
            byte[] content = a.content();
            ps.setLong(1, itemId);
            ps.setString(2, a.name());
            ps.setString(3, a.mediaType());
            ps.setBytes(4, content);
            ps.setString(5, sha256(content));
            ps.executeUpdate();
        }
    }

    List<Attachment> attachments(Connection c, long itemId) throws SQLException {
        List<Attachment> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT NAME, MEDIA_TYPE, CONTENT FROM DISC_ATTACHMENT WHERE ITEM_ID = ?"
                + " ORDER BY ID")) {
            ps.setLong(1, itemId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Attachment(rs.getString(1), rs.getString(2), rs.getBytes(3)));
                }
            }
        }
        return out;
    }

    // --- events

    void insertEvent(Connection c, long itemId, String type, ItemStatus status, int version, String actor, Instant at,
                     Map<String, ?> data) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO DISC_EVENT (ITEM_ID, TYPE, STATUS, VERSION, ACTOR,"
                + " AT_TIME, DATA) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, itemId);
            ps.setString(2, type);
            ps.setString(3, status == null ? null : status.name());
            ps.setInt(4, version);
            ps.setString(5, actor);
            ps.setTimestamp(6, Timestamp.from(at));
            ps.setString(7, json(data == null ? Map.of() : data));
            ps.executeUpdate();
        }
        updateState(c, itemId, status, "WITHDRAWAL_REQUESTED".equals(type) && data != null && data.get("dueOn") != null
                ? LocalDate.parse(data.get("dueOn").toString()) : null);
    }

    /**
     * Keeps the item's DISC_ITEM_STATE row (a projection of its events, V3) current, in the caller's transaction:
     * the status an event sets, the day a withdrawal request is due by. Nothing to do for other events.
     */
    private void updateState(Connection c, long itemId, ItemStatus status, LocalDate withdrawalDueOn) throws SQLException {
        if (status == null && withdrawalDueOn == null) {
            return;
        }
        StringBuilder sql = new StringBuilder("UPDATE DISC_ITEM_STATE SET ");
        if (status != null) {
            sql.append("STATUS = ?");
        }
        if (withdrawalDueOn != null) {
            sql.append(status != null ? ", " : "").append("WITHDRAWAL_DUE_ON = ?");
        }
        sql.append(" WHERE ITEM_ID = ?");
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int i = 1;
            if (status != null) {
                ps.setString(i++, status.name());
            }
            if (withdrawalDueOn != null) {
                ps.setDate(i++, java.sql.Date.valueOf(withdrawalDueOn));
            }
            ps.setLong(i, itemId);
            if (ps.executeUpdate() != 1) {
                throw new SQLException("no DISC_ITEM_STATE row for item " + itemId);
            }
        }
    }

    List<EventRow> events(Connection c, long itemId) throws SQLException {
        List<EventRow> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT ID, TYPE, STATUS, VERSION, ACTOR, AT_TIME, DATA FROM DISC_EVENT"
                + " WHERE ITEM_ID = ? ORDER BY ID")) {
            ps.setLong(1, itemId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String s = rs.getString(3);
                    out.add(new EventRow(rs.getLong(1), rs.getString(2), s == null ? null : ItemStatus.valueOf(s),
                            rs.getInt(4), rs.getString(5), rs.getTimestamp(6).toInstant(), tree(rs.getString(7))));
                }
            }
        }
        return out;
    }

    /** Every event of the bureau's items, by item, oldest first (for lists: one query instead of one per item). */
    Map<Long, List<EventRow>> allEvents(Connection c) throws SQLException {
        Map<Long, List<EventRow>> out = new java.util.HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT E.ID, E.TYPE, E.STATUS, E.VERSION, E.ACTOR, E.AT_TIME, E.DATA,"
                + " E.ITEM_ID FROM DISC_EVENT E JOIN DISC_ITEM I ON I.ID = E.ITEM_ID WHERE I.BUREAU = ? ORDER BY E.ID")) {
            ps.setString(1, bureau);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String s = rs.getString(3);
                    out.computeIfAbsent(rs.getLong(8), k -> new ArrayList<>()).add(new EventRow(rs.getLong(1),
                            rs.getString(2), s == null ? null : ItemStatus.valueOf(s), rs.getInt(4), rs.getString(5),
                            rs.getTimestamp(6).toInstant(), tree(rs.getString(7))));
                }
            }
        }
        return out;
    }

    /** The latest version number of every item of the bureau. */
    Map<Long, Integer> latestVersions(Connection c) throws SQLException {
        Map<Long, Integer> out = new java.util.HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT V.ITEM_ID, MAX(V.VERSION) FROM DISC_VERSION V"
                + " JOIN DISC_ITEM I ON I.ID = V.ITEM_ID WHERE I.BUREAU = ? GROUP BY V.ITEM_ID")) {
            ps.setString(1, bureau);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), rs.getInt(2));
                }
            }
        }
        return out;
    }

    // --- channels

    List<String> knownChannels(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT ID FROM DISC_CHANNEL WHERE BUREAU = ? ORDER BY ID")) {
            ps.setString(1, bureau);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    /** @return whether the channel is new */
    boolean addChannel(Connection c, String id, Instant now) throws SQLException {
        if (knownChannels(c).contains(id)) {
            return false;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO DISC_CHANNEL (BUREAU, ID, FIRST_SEEN) VALUES (?, ?, ?)")) {
            ps.setString(1, bureau);
            ps.setString(2, id);
            ps.setTimestamp(3, Timestamp.from(now));
            ps.executeUpdate();
        } catch (SQLException e) {
            if (DUPLICATE.equals(e.getSQLState())) {
                return false; // registered meanwhile by another transaction
            }
            throw e;
        }
        return true;
    }

    // --- outbox

    private static final String OUTBOX_COLUMNS = "ID, CHANNEL, ITEM_ID, VERSION, ACTION, STATE, ATTEMPTS, CREATED_AT,"
            + " NEXT_AT, DONE_AT, RECEIPT, LAST_ERROR";

    private static OutboxRow outbox(ResultSet rs) throws SQLException {
        Timestamp done = rs.getTimestamp(10);
        return new OutboxRow(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getInt(4),
                Delivery.Action.valueOf(rs.getString(5)), OutboxState.valueOf(rs.getString(6)), rs.getInt(7),
                rs.getTimestamp(8).toInstant(), rs.getTimestamp(9).toInstant(), done == null ? null : done.toInstant(),
                rs.getString(11), rs.getString(12));
    }

    long insertOutbox(Connection c, String channel, long itemId, int version, Delivery.Action action, Instant now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO DISC_OUTBOX (BUREAU, CHANNEL, ITEM_ID, VERSION, ACTION,"
                + " STATE, ATTEMPTS, CREATED_AT, NEXT_AT) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, bureau);
            ps.setString(2, channel);
            ps.setLong(3, itemId);
            ps.setInt(4, version);
            ps.setString(5, action.name());
            ps.setString(6, OutboxState.WAITING.name());
            ps.setTimestamp(7, Timestamp.from(now));
            ps.setTimestamp(8, Timestamp.from(now));
            try {
                ps.executeUpdate();
            } catch (SQLException e) {
                if (DUPLICATE.equals(e.getSQLState())) {
                    return -1; // the idempotency key: another transaction queued the same delivery
                }
                throw e;
            }
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    List<OutboxRow> outboxOf(Connection c, String channel, long itemId) throws SQLException {
        List<OutboxRow> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + OUTBOX_COLUMNS + " FROM DISC_OUTBOX WHERE CHANNEL = ?"
                + " AND ITEM_ID = ? ORDER BY ID")) {
            ps.setString(1, channel);
            ps.setLong(2, itemId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(outbox(rs));
                }
            }
        }
        return out;
    }

    Optional<OutboxRow> outboxRow(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + OUTBOX_COLUMNS + " FROM DISC_OUTBOX WHERE ID = ?"
                + " AND BUREAU = ?")) {
            ps.setLong(1, id);
            ps.setString(2, bureau);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(outbox(rs)) : Optional.empty();
            }
        }
    }

    /** Every entry not DONE, oldest first. */
    List<OutboxRow> open(Connection c) throws SQLException {
        List<OutboxRow> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + OUTBOX_COLUMNS + " FROM DISC_OUTBOX WHERE BUREAU = ?"
                + NOT_DONE + " ORDER BY ID")) {
            ps.setString(1, bureau);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(outbox(rs));
                }
            }
        }
        return out;
    }

    /** Every state but DONE, spelled out so that the index on (BUREAU, STATE, ID) is probed, not scanned whole. */
    private static final String NOT_DONE = " AND STATE IN (" + java.util.Arrays.stream(OutboxState.values())
            .filter(s -> s != OutboxState.DONE).map(s -> "'" + s.name() + "'")
            .collect(java.util.stream.Collectors.joining(", ")) + ")";

    /** The public ids of the given items, by item. */
    Map<Long, String> publicIds(Connection c, java.util.Collection<Long> ids) throws SQLException {
        Map<Long, String> out = new java.util.HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        List<Long> list = new ArrayList<>(ids);
        try (PreparedStatement ps = c.prepareStatement("SELECT ID, PUBLIC_ID FROM DISC_ITEM WHERE ID IN ("
                + marks(list.size()) + ")")) {
            for (int i = 0; i < list.size(); i++) {
                ps.setLong(i + 1, list.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), rs.getString(2));
                }
            }
        }
        return out;
    }

    /** A page of entries: {@code state} null = every entry not DONE; {@code channel} null = every channel; newest first. */
    List<OutboxRow> outbox(Connection c, OutboxState state, String channel, int offset, int limit) throws SQLException {
        List<OutboxRow> out = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT " + OUTBOX_COLUMNS + " FROM DISC_OUTBOX WHERE BUREAU = ?");
        sql.append(state == null ? NOT_DONE : " AND STATE = ?");
        if (channel != null) {
            sql.append(" AND CHANNEL = ?");
        }
        sql.append(" ORDER BY ID DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY");
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int i = 1;
            ps.setString(i++, bureau);
            if (state != null) {
                ps.setString(i++, state.name());
            }
            if (channel != null) {
                ps.setString(i++, channel);
            }
            ps.setInt(i++, offset);
            ps.setInt(i, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(outbox(rs));
                }
            }
        }
        return out;
    }

    long countOutbox(Connection c, OutboxState state, String channel) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM DISC_OUTBOX WHERE BUREAU = ?");
        sql.append(state == null ? NOT_DONE : " AND STATE = ?");
        if (channel != null) {
            sql.append(" AND CHANNEL = ?");
        }
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int i = 1;
            ps.setString(i++, bureau);
            if (state != null) {
                ps.setString(i++, state.name());
            }
            if (channel != null) {
                ps.setString(i, channel);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * Per channel: counts by state, the creation time of the oldest entry not DONE, and the longest wait planned
     * for an entry still to be delivered (its next attempt after its creation: a channel's quota back-off).
     */
    record ChannelCounts(long waiting, long failed, long done, Instant oldestWaiting, Duration longestPlanned) {
        ChannelCounts(long waiting, long failed, long done, Instant oldestWaiting) {
            this(waiting, failed, done, oldestWaiting, Duration.ZERO);
        }
    }

    Map<String, ChannelCounts> channelCounts(Connection c) throws SQLException {
        Map<String, long[]> n = new LinkedHashMap<>();
        Map<String, Instant> oldest = new LinkedHashMap<>();
        Map<String, Long> planned = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT CHANNEL, STATE, COUNT(*), MIN(CREATED_AT),"
                + " MAX({fn TIMESTAMPDIFF(SQL_TSI_SECOND, CREATED_AT, NEXT_AT)}) FROM DISC_OUTBOX"
                + " WHERE BUREAU = ? GROUP BY CHANNEL, STATE")) {
            ps.setString(1, bureau);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String ch = rs.getString(1);
                    OutboxState s = OutboxState.valueOf(rs.getString(2));
                    long count = rs.getLong(3);
                    long[] v = n.computeIfAbsent(ch, k -> new long[3]);
                    if (s == OutboxState.DONE) {
                        v[2] += count;
                    } else {
                        v[0] += count;
                        if (s == OutboxState.FAILED) {
                            v[1] += count;
                        }
                        Instant at = rs.getTimestamp(4).toInstant();
                        oldest.merge(ch, at, (a, b) -> a.isBefore(b) ? a : b);
                        if (s != OutboxState.FAILED) {
                            planned.merge(ch, rs.getLong(5), Math::max);
                        }
                    }
                }
            }
        }
        Map<String, ChannelCounts> out = new LinkedHashMap<>();
        n.forEach((ch, v) -> out.put(ch, new ChannelCounts(v[0], v[1], v[2], oldest.get(ch),
                Duration.ofSeconds(Math.max(0, planned.getOrDefault(ch, 0L))))));
        return out;
    }

    void updateOutbox(Connection c, long id, OutboxState state, int attempts, Instant nextAt, Instant doneAt,
                      String receipt, String lastError) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE DISC_OUTBOX SET STATE = ?, ATTEMPTS = ?, NEXT_AT = ?,"
                + " DONE_AT = ?, RECEIPT = ?, LAST_ERROR = ? WHERE ID = ?")) {
            ps.setString(1, state.name());
            ps.setInt(2, attempts);
            ps.setTimestamp(3, Timestamp.from(nextAt));
            ps.setTimestamp(4, doneAt == null ? null : Timestamp.from(doneAt));
            ps.setString(5, clip(receipt, 500));
            ps.setString(6, clip(lastError, 2000));
            ps.setLong(7, id);
            ps.executeUpdate();
        }
    }

    // --- JSON and hashes

    static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode tree(String s) {
        try {
            return JSON.readTree(s);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> strings(String json) {
        try {
            return JSON.readValue(json, new TypeReference<List<String>>() {});
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(n -> out.add(n.asText()));
        }
        return out;
    }

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
