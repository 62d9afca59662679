package org.zhifa.channel.newspaper.internal;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.zhifa.api.disclosure.ItemType;
import org.zhifa.api.disclosure.PublicItem;
import org.zhifa.api.disclosure.WithdrawalGround;

/** The channel's tables on plain JDBC: inserts only; a delivery that comes again changes nothing. */
final class EditionStore {
    /** A stored item version. */
    record Version(String publicId, int version, ItemType type, String kind, String title, String caseNumber,
                   String party, LocalDate decidedOn, Instant publishedAt, Instant receivedAt) {}

    /** A stored withdrawal. */
    record Withdrawal(String publicId, int version, Instant withdrawnAt, WithdrawalGround ground, String reason) {}

    private final DataSource dataSource;
    private final String bureau;

    EditionStore(DataSource dataSource, String bureau) {
        this.dataSource = dataSource;
        this.bureau = bureau;
    }

    /** Stores an item version; false when it was stored before. */
    boolean storeVersion(PublicItem item, long outboxId, Instant now) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO NP_VERSION (BUREAU, PUBLIC_ID, VERSION, ITEM_TYPE, KIND,"
                     + " KIND_TITLE, TITLE, CASE_NUMBER, PARTY, DECIDED_ON, PUBLISHED_AT, BODY, OUTBOX_ID, RECEIVED_AT)"
                     + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, bureau);
            ps.setString(2, item.publicId());
            ps.setInt(3, item.version());
            ps.setString(4, item.type().name());
            ps.setString(5, item.kind());
            ps.setString(6, item.kindTitleZh());
            ps.setString(7, item.title());
            ps.setString(8, item.caseNumber());
            ps.setString(9, item.partyName());
            if (item.decidedOn() == null) {
                ps.setNull(10, Types.DATE);
            } else {
                ps.setDate(10, Date.valueOf(item.decidedOn()));
            }
            ps.setTimestamp(11, Timestamp.from(item.publishedAt() == null ? now : item.publishedAt()));
            ps.setString(12, item.text() == null ? "" : item.text());
            ps.setLong(13, outboxId);
            ps.setTimestamp(14, Timestamp.from(now));
            ps.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (isDuplicate(e)) {
                return false;
            }
            throw e;
        }
    }

    /** Stores a withdrawal; false when it was stored before. */
    boolean storeWithdrawal(PublicItem item, long outboxId, Instant now) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO NP_WITHDRAWAL (BUREAU, PUBLIC_ID, VERSION, WITHDRAWN_AT,"
                     + " GROUND, REASON, OUTBOX_ID, RECEIVED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, bureau);
            ps.setString(2, item.publicId());
            ps.setInt(3, item.version());
            ps.setTimestamp(4, Timestamp.from(item.withdrawnAt() == null ? now : item.withdrawnAt()));
            ps.setString(5, (item.withdrawalGround() == null ? WithdrawalGround.OTHER : item.withdrawalGround()).name());
            String reason = item.withdrawalReason() == null ? "" : item.withdrawalReason().strip();
            ps.setString(6, reason.length() > 4000 ? reason.substring(0, 4000) : reason);
            ps.setLong(7, outboxId);
            ps.setTimestamp(8, Timestamp.from(now));
            ps.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (isDuplicate(e)) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Every version (without its text) published or received before {@code until} (exclusive), oldest first.
     * A county publishes a few thousand items a year: the metadata of all of them fits in memory.
     */
    List<Version> versionsBefore(Instant until) throws SQLException {
        List<Version> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT PUBLIC_ID, VERSION, ITEM_TYPE, KIND, TITLE, CASE_NUMBER, PARTY,"
                     + " DECIDED_ON, PUBLISHED_AT, RECEIVED_AT FROM NP_VERSION WHERE BUREAU = ?"
                     + " AND (PUBLISHED_AT < ? OR RECEIVED_AT < ?) ORDER BY PUBLIC_ID, VERSION")) {
            ps.setString(1, bureau);
            ps.setTimestamp(2, Timestamp.from(until));
            ps.setTimestamp(3, Timestamp.from(until));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Date decided = rs.getDate(8);
                    out.add(new Version(rs.getString(1), rs.getInt(2), ItemType.valueOf(rs.getString(3)), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), decided == null ? null : decided.toLocalDate(),
                            rs.getTimestamp(9).toInstant(), rs.getTimestamp(10).toInstant()));
                }
            }
        }
        return out;
    }

    /** The redacted text of one stored version. */
    String text(String publicId, int version) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT BODY FROM NP_VERSION WHERE BUREAU = ? AND PUBLIC_ID = ? AND VERSION = ?")) {
            ps.setString(1, bureau);
            ps.setString(2, publicId);
            ps.setInt(3, version);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getString(1) != null ? rs.getString(1) : "";
            }
        }
    }

    /** Every withdrawal before {@code until} (exclusive), oldest first. */
    List<Withdrawal> withdrawalsBefore(Instant until) throws SQLException {
        List<Withdrawal> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT PUBLIC_ID, VERSION, WITHDRAWN_AT, GROUND, REASON FROM NP_WITHDRAWAL"
                     + " WHERE BUREAU = ? AND WITHDRAWN_AT < ? ORDER BY WITHDRAWN_AT, ID")) {
            ps.setString(1, bureau);
            ps.setTimestamp(2, Timestamp.from(until));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Withdrawal(rs.getString(1), rs.getInt(2), rs.getTimestamp(3).toInstant(),
                            WithdrawalGround.valueOf(rs.getString(4)), rs.getString(5)));
                }
            }
        }
        return out;
    }

    private static boolean isDuplicate(SQLException e) {
        return "23505".equals(e.getSQLState());
    }
}
