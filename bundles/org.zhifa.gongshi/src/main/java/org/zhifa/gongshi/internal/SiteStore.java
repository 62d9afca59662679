package org.zhifa.gongshi.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.zhifa.api.disclosure.Attachment;
import org.zhifa.api.disclosure.ItemType;
import org.zhifa.api.disclosure.PublicItem;
import org.zhifa.api.disclosure.WithdrawalGround;

/** The site's tables on plain JDBC: inserts only; each delivery is one transaction. */
final class SiteStore {
    /** An attachment without its bytes. */
    record FileInfo(long id, String name, String mediaType, long bytes) {}

    private static final String ITEM_COLUMNS = "ID, PUBLIC_ID, VERSION, ITEM_TYPE, KIND, KIND_TITLE, TITLE, CASE_NUMBER,"
            + " PARTY, DECIDED_ON, PUBLISHED_AT, POST_UNTIL";

    private final DataSource dataSource;
    private final String bureau;

    SiteStore(DataSource dataSource, String bureau) {
        this.dataSource = dataSource;
        this.bureau = bureau;
    }

    /**
     * Stores an item version with its text, PDF and files.
     *
     * @return the stored row, or empty when this version was stored before (the delivery came again)
     */
    Optional<SiteItem> storeVersion(PublicItem item, long outboxId, Instant now) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                if (versionExists(c, item.publicId(), item.version())) {
                    c.rollback();
                    return Optional.empty();
                }
                long rowId;
                Instant publishedAt = item.publishedAt() == null ? now : item.publishedAt();
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO GS_VERSION (BUREAU, PUBLIC_ID, VERSION,"
                        + " ITEM_TYPE, KIND, KIND_TITLE, TITLE, CASE_NUMBER, PARTY, DECIDED_ON, PUBLISHED_AT, POST_UNTIL,"
                        + " BODY, SEARCH_TEXT, PDF, OUTBOX_ID, RECEIVED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        Statement.RETURN_GENERATED_KEYS)) {
                    ps.setString(1, bureau);
                    ps.setString(2, item.publicId());
                    ps.setInt(3, item.version());
                    ps.setString(4, item.type().name());
                    ps.setString(5, item.kind());
                    ps.setString(6, item.kindTitleZh());
                    ps.setString(7, item.title());
                    ps.setString(8, item.caseNumber());
                    ps.setString(9, item.partyName());
                    setDate(ps, 10, item.decidedOn());
                    ps.setTimestamp(11, Timestamp.from(publishedAt));
                    setDate(ps, 12, item.postUntil());
                    ps.setString(13, item.text());
                    ps.setString(14, Search.normalise(item.text()));
                    byte[] pdf = item.pdf();
                    if (pdf == null) {
                        ps.setNull(15, Types.BLOB);
                    } else {
                        ps.setBinaryStream(15, new ByteArrayInputStream(pdf), pdf.length);
                    }
                    ps.setLong(16, outboxId);
                    ps.setTimestamp(17, Timestamp.from(now));
                    ps.executeUpdate();
                    try (ResultSet keys = ps.getGeneratedKeys()) {
                        keys.next();
                        rowId = keys.getLong(1);
                    }
                }
                int position = 0;
                for (Attachment a : item.attachments()) {
                    byte[] content = a.content();
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO GS_ATTACHMENT (VERSION_ID, POSITION, NAME,"
                            + " MEDIA_TYPE, BYTES, CONTENT) VALUES (?, ?, ?, ?, ?, ?)")) {
                        ps.setLong(1, rowId);
                        ps.setInt(2, position++);
                        ps.setString(3, a.name());
                        ps.setString(4, a.mediaType() == null ? "application/octet-stream" : a.mediaType());
                        ps.setLong(5, content.length);
                        ps.setBinaryStream(6, new ByteArrayInputStream(content), content.length);
                        ps.executeUpdate();
                    }
                }
                c.commit();
                return Optional.of(new SiteItem(rowId, item.publicId(), item.version(), item.type(), item.kind(),
                        item.kindTitleZh(), item.title(), item.caseNumber(), item.partyName(), item.decidedOn(),
                        publishedAt, item.postUntil()));
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                if (isDuplicate(e)) {
                    return Optional.empty();
                }
                throw e;
            }
        }
    }

    /** Adds the takedown log's row; false when this withdrawal was stored before. */
    boolean storeWithdrawal(PublicItem item, String reason, WithdrawalGround ground, long outboxId, Instant now)
            throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO GS_WITHDRAWAL (BUREAU, PUBLIC_ID, VERSION,"
                    + " ITEM_TYPE, TITLE, CASE_NUMBER, KIND_TITLE, GROUND, REASON, WITHDRAWN_AT, OUTBOX_ID, RECEIVED_AT)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                if (withdrawalExists(c, item.publicId(), item.version())) {
                    c.rollback();
                    return false;
                }
                ps.setString(1, bureau);
                ps.setString(2, item.publicId());
                ps.setInt(3, item.version());
                ps.setString(4, item.type().name());
                ps.setString(5, item.title());
                ps.setString(6, item.caseNumber());
                ps.setString(7, item.kindTitleZh());
                ps.setString(8, ground.name());
                ps.setString(9, reason);
                ps.setTimestamp(10, Timestamp.from(item.withdrawnAt() == null ? now : item.withdrawnAt()));
                ps.setLong(11, outboxId);
                ps.setTimestamp(12, Timestamp.from(now));
                ps.executeUpdate();
                c.commit();
                return true;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                if (isDuplicate(e)) {
                    return false;
                }
                throw e;
            }
        }
    }

    /** Every stored version and withdrawal, oldest first: what the index is rebuilt from. */
    void loadAll(Consumer<SiteItem> versions, Consumer<Withdrawal> withdrawals) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + ITEM_COLUMNS + " FROM GS_VERSION WHERE BUREAU = ?"
                    + " ORDER BY ID")) {
                ps.setString(1, bureau);
                ps.setFetchSize(1000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        versions.accept(item(rs));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT PUBLIC_ID, VERSION FROM GS_WITHDRAWAL WHERE BUREAU = ?")) {
                ps.setString(1, bureau);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        withdrawals.accept(new Withdrawal(0, rs.getString(1), rs.getInt(2), null, null, null, null,
                                null, null, null));
                    }
                }
            }
        }
    }

    /** The text of a stored version. */
    String text(long rowId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT BODY FROM GS_VERSION WHERE ID = ?")) {
            ps.setLong(1, rowId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** Streams the version's PDF to {@code out}; false when it has none. */
    boolean pdf(long rowId, OutputStream out) throws SQLException, IOException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT PDF FROM GS_VERSION WHERE ID = ? AND PDF IS NOT NULL")) {
            ps.setLong(1, rowId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return false;
                }
                try (InputStream in = rs.getBinaryStream(1)) {
                    in.transferTo(out);
                }
                return true;
            }
        }
    }

    boolean hasPdf(long rowId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT 1 FROM GS_VERSION WHERE ID = ? AND PDF IS NOT NULL")) {
            ps.setLong(1, rowId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    List<FileInfo> files(long rowId) throws SQLException {
        List<FileInfo> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT ID, NAME, MEDIA_TYPE, BYTES FROM GS_ATTACHMENT"
                     + " WHERE VERSION_ID = ? ORDER BY POSITION")) {
            ps.setLong(1, rowId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new FileInfo(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)));
                }
            }
        }
        return out;
    }

    void file(long fileId, OutputStream out) throws SQLException, IOException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT CONTENT FROM GS_ATTACHMENT WHERE ID = ?")) {
            ps.setLong(1, fileId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    try (InputStream in = rs.getBinaryStream(1)) {
                        in.transferTo(out);
                    }
                }
            }
        }
    }

    /** The takedown log, newest first. */
    List<Withdrawal> withdrawals(int offset, int limit) throws SQLException {
        List<Withdrawal> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT ID, PUBLIC_ID, VERSION, ITEM_TYPE, TITLE, CASE_NUMBER,"
                     + " KIND_TITLE, GROUND, REASON, WITHDRAWN_AT FROM GS_WITHDRAWAL WHERE BUREAU = ?"
                     + " ORDER BY WITHDRAWN_AT DESC, ID DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")) {
            ps.setString(1, bureau);
            ps.setInt(2, offset);
            ps.setInt(3, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Withdrawal(rs.getLong(1), rs.getString(2), rs.getInt(3), ItemType.valueOf(rs.getString(4)),
                            rs.getString(5), rs.getString(6), rs.getString(7), WithdrawalGround.valueOf(rs.getString(8)),
                            rs.getString(9), rs.getTimestamp(10).toInstant()));
                }
            }
        }
        return out;
    }

    long withdrawalCount() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM GS_WITHDRAWAL WHERE BUREAU = ?")) {
            ps.setString(1, bureau);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * Full-text search: the public ids with the versions whose text holds {@code keyword} (normalised). A scan
     * of the texts, so only on request ("search the text too"); the index answers everything else.
     */
    Map<String, Integer> textMatches(String keyword) throws SQLException {
        Map<String, Integer> out = new HashMap<>();
        String like = "%" + keyword.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT PUBLIC_ID, VERSION FROM GS_VERSION WHERE BUREAU = ?"
                     + " AND SEARCH_TEXT LIKE ? ESCAPE '\\'")) {
            ps.setString(1, bureau);
            ps.setString(2, like);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.merge(rs.getString(1), rs.getInt(2), Math::max);
                }
            }
        }
        return out;
    }

    private boolean versionExists(Connection c, String publicId, int version) throws SQLException {
        return exists(c, "SELECT 1 FROM GS_VERSION WHERE BUREAU = ? AND PUBLIC_ID = ? AND VERSION = ?", publicId, version);
    }

    private boolean withdrawalExists(Connection c, String publicId, int version) throws SQLException {
        return exists(c, "SELECT 1 FROM GS_WITHDRAWAL WHERE BUREAU = ? AND PUBLIC_ID = ? AND VERSION = ?", publicId, version);
    }

    private boolean exists(Connection c, String sql, String publicId, int version) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, bureau);
            ps.setString(2, publicId);
            ps.setInt(3, version);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static SiteItem item(ResultSet rs) throws SQLException {
        Date decided = rs.getDate(10);
        Date until = rs.getDate(12);
        return new SiteItem(rs.getLong(1), rs.getString(2), rs.getInt(3), ItemType.valueOf(rs.getString(4)),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                decided == null ? null : decided.toLocalDate(), rs.getTimestamp(11).toInstant(),
                until == null ? null : until.toLocalDate());
    }

    private static void setDate(PreparedStatement ps, int i, LocalDate d) throws SQLException {
        if (d == null) {
            ps.setNull(i, Types.DATE);
        } else {
            ps.setDate(i, Date.valueOf(d));
        }
    }

    private static boolean isDuplicate(Exception e) {
        return e instanceof SQLException s && "23505".equals(s.getSQLState());
    }
}
