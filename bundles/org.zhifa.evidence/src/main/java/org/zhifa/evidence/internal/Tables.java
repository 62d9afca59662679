package org.zhifa.evidence.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.zhifa.api.evidence.AvInterruption;
import org.zhifa.api.evidence.Device;
import org.zhifa.api.evidence.EvidenceDraft;
import org.zhifa.api.evidence.EvidenceItem;
import org.zhifa.api.evidence.EvidenceRetention.LegalHold;

/** The evidence tables, plain JDBC. Rows are only inserted: a change is a new row (revision, purge, hold). */
final class Tables {

    private static final String ITEM_COLUMNS = "i.ID, i.HASH, i.SIZE_BYTES, i.FILE_NAME, i.MEDIA_TYPE, i.CASE_ID, "
            + "i.STEP, i.DEVICE_ID, i.PLACE, i.RECORDED_FROM, i.RECORDED_TO, i.NOTE, i.UPLOADED_BY, i.UPLOADED_AT, "
            + "i.RECORD_SEQ, CASE WHEN EXISTS (SELECT 1 FROM EVIDENCE_PURGE p WHERE p.BUREAU = i.BUREAU "
            + "AND p.HASH = i.HASH AND p.RECORD_SEQ > i.RECORD_SEQ) THEN 1 ELSE 0 END AS PURGED";
    private static final String DEVICE_COLUMNS = "DEVICE_ID, DEVICE_TYPE, MODEL, HOLDER, STATUS, CLOCK_CHECKED_AT, "
            + "NOTE, REVISION, CHANGED_BY, CHANGED_AT";

    private final String bureau;

    Tables(String bureau) {
        this.bureau = bureau;
    }

    long nextId(Connection c) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("VALUES NEXT VALUE FOR EVIDENCE_ID_SEQ");
             ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    // --- items

    void insertItem(Connection c, long id, String hash, String algorithm, long size, EvidenceDraft d, String user,
                    Instant at, long seq) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("INSERT INTO EVIDENCE_ITEM (ID, BUREAU, HASH, HASH_ALG, "
                + "SIZE_BYTES, FILE_NAME, MEDIA_TYPE, CASE_ID, STEP, DEVICE_ID, PLACE, RECORDED_FROM, RECORDED_TO, "
                + "NOTE, UPLOADED_BY, UPLOADED_AT, RECORD_SEQ) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            st.setLong(1, id);
            st.setString(2, bureau);
            st.setString(3, hash);
            st.setString(4, algorithm);
            st.setLong(5, size);
            st.setString(6, d.fileName());
            st.setString(7, d.mediaType());
            if (d.caseId() == null) {
                st.setNull(8, Types.BIGINT);
            } else {
                st.setLong(8, d.caseId());
            }
            st.setString(9, d.step());
            st.setString(10, d.deviceId());
            st.setString(11, d.place());
            st.setTimestamp(12, ts(d.recordedFrom()));
            st.setTimestamp(13, ts(d.recordedTo()));
            st.setString(14, d.note());
            st.setString(15, user);
            st.setTimestamp(16, ts(at));
            st.setLong(17, seq);
            st.executeUpdate();
        }
    }

    Optional<EvidenceItem> item(Connection c, long id) throws SQLException {
        List<EvidenceItem> l = items(c, "i.ID = ?", id);
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    List<EvidenceItem> ofCase(Connection c, long caseId) throws SQLException {
        return items(c, "i.CASE_ID = ?", caseId);
    }

    List<EvidenceItem> all(Connection c) throws SQLException {
        return items(c, "1 = 1");
    }

    /** The first entry that named each hash, for locating a verification problem. */
    long firstSeq(Connection c, String hash) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "SELECT MIN(RECORD_SEQ) FROM EVIDENCE_ITEM WHERE BUREAU = ? AND HASH = ?")) {
            st.setString(1, bureau);
            st.setString(2, hash);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                long v = rs.getLong(1);
                return rs.wasNull() ? -1 : v;
            }
        }
    }

    private List<EvidenceItem> items(Connection c, String where, Object... args) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT " + ITEM_COLUMNS + " FROM EVIDENCE_ITEM i WHERE "
                + "i.BUREAU = ? AND " + where + " ORDER BY i.ID")) {
            st.setString(1, bureau);
            for (int k = 0; k < args.length; k++) {
                st.setObject(k + 2, args[k]);
            }
            List<EvidenceItem> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    long caseId = rs.getLong(6);
                    Long caseRef = rs.wasNull() ? null : caseId;
                    out.add(new EvidenceItem(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                            rs.getString(5), caseRef, rs.getString(7), rs.getString(8), rs.getString(9),
                            at(rs.getTimestamp(10)), at(rs.getTimestamp(11)), rs.getString(12), rs.getString(13),
                            at(rs.getTimestamp(14)), rs.getLong(15), rs.getInt(16) == 1));
                }
            }
            return out;
        }
    }

    void insertPurge(Connection c, long id, String hash, long size, String user, Instant at, long seq)
            throws SQLException {
        try (PreparedStatement st = c.prepareStatement("INSERT INTO EVIDENCE_PURGE (ID, BUREAU, HASH, SIZE_BYTES, "
                + "PURGED_BY, PURGED_AT, RECORD_SEQ) VALUES (?,?,?,?,?,?,?)")) {
            st.setLong(1, id);
            st.setString(2, bureau);
            st.setString(3, hash);
            st.setLong(4, size);
            st.setString(5, user);
            st.setTimestamp(6, ts(at));
            st.setLong(7, seq);
            st.executeUpdate();
        }
    }

    // --- devices

    void insertDevice(Connection c, Device d, int revision, String user, Instant at, long seq) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("INSERT INTO EVIDENCE_DEVICE (BUREAU, DEVICE_ID, REVISION, "
                + "DEVICE_TYPE, MODEL, HOLDER, STATUS, CLOCK_CHECKED_AT, NOTE, CHANGED_BY, CHANGED_AT, RECORD_SEQ) "
                + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")) {
            st.setString(1, bureau);
            st.setString(2, d.id());
            st.setInt(3, revision);
            st.setString(4, d.type());
            st.setString(5, d.model());
            st.setString(6, d.holder());
            st.setString(7, d.status().name());
            st.setTimestamp(8, ts(d.clockCheckedAt()));
            st.setString(9, d.note());
            st.setString(10, user);
            st.setTimestamp(11, ts(at));
            st.setLong(12, seq);
            st.executeUpdate();
        }
    }

    List<Device> devices(Connection c) throws SQLException {
        return devices(c, "REVISION = (SELECT MAX(d2.REVISION) FROM EVIDENCE_DEVICE d2 WHERE d2.BUREAU = d.BUREAU "
                + "AND d2.DEVICE_ID = d.DEVICE_ID) ORDER BY DEVICE_ID");
    }

    List<Device> history(Connection c, String id) throws SQLException {
        return devices(c, "DEVICE_ID = ? ORDER BY REVISION", id);
    }

    Optional<Device> device(Connection c, String id) throws SQLException {
        List<Device> h = history(c, id);
        return h.isEmpty() ? Optional.empty() : Optional.of(h.get(h.size() - 1));
    }

    private List<Device> devices(Connection c, String where, Object... args) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT " + DEVICE_COLUMNS + " FROM EVIDENCE_DEVICE d "
                + "WHERE BUREAU = ? AND " + where)) {
            st.setString(1, bureau);
            for (int k = 0; k < args.length; k++) {
                st.setObject(k + 2, args[k]);
            }
            List<Device> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new Device(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            Device.Status.valueOf(rs.getString(5)), at(rs.getTimestamp(6)), rs.getString(7),
                            rs.getInt(8), rs.getString(9), at(rs.getTimestamp(10))));
                }
            }
            return out;
        }
    }

    // --- interruptions

    void insertInterruption(Connection c, AvInterruption x) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("INSERT INTO EVIDENCE_INTERRUPTION (ID, BUREAU, CASE_ID, STEP, "
                + "FROM_AT, TO_AT, REASON, RECORDED_BY, RECORDED_AT, RECORD_SEQ) VALUES (?,?,?,?,?,?,?,?,?,?)")) {
            st.setLong(1, x.id());
            st.setString(2, bureau);
            st.setLong(3, x.caseId());
            st.setString(4, x.step());
            st.setTimestamp(5, ts(x.from()));
            st.setTimestamp(6, ts(x.to()));
            st.setString(7, x.reason());
            st.setString(8, x.recordedBy());
            st.setTimestamp(9, ts(x.recordedAt()));
            st.setLong(10, x.recordSeq());
            st.executeUpdate();
        }
    }

    List<AvInterruption> interruptions(Connection c, long caseId) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT ID, CASE_ID, STEP, FROM_AT, TO_AT, REASON, RECORDED_BY, "
                + "RECORDED_AT, RECORD_SEQ FROM EVIDENCE_INTERRUPTION WHERE BUREAU = ? AND CASE_ID = ? ORDER BY FROM_AT, ID")) {
            st.setString(1, bureau);
            st.setLong(2, caseId);
            List<AvInterruption> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new AvInterruption(rs.getLong(1), rs.getLong(2), rs.getString(3), at(rs.getTimestamp(4)),
                            at(rs.getTimestamp(5)), rs.getString(6), rs.getString(7), at(rs.getTimestamp(8)),
                            rs.getLong(9)));
                }
            }
            return out;
        }
    }

    // --- legal holds

    void insertHold(Connection c, long id, LegalHold h) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("INSERT INTO EVIDENCE_HOLD (ID, BUREAU, CASE_ID, HELD, REASON, "
                + "CHANGED_BY, CHANGED_AT, RECORD_SEQ) VALUES (?,?,?,?,?,?,?,?)")) {
            st.setLong(1, id);
            st.setString(2, bureau);
            st.setLong(3, h.caseId());
            st.setBoolean(4, h.held());
            st.setString(5, h.reason());
            st.setString(6, h.changedBy());
            st.setTimestamp(7, ts(h.changedAt()));
            st.setLong(8, h.recordSeq());
            st.executeUpdate();
        }
    }

    Optional<LegalHold> hold(Connection c, long caseId) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT CASE_ID, HELD, REASON, CHANGED_BY, CHANGED_AT, RECORD_SEQ "
                + "FROM EVIDENCE_HOLD WHERE BUREAU = ? AND CASE_ID = ? ORDER BY ID DESC FETCH FIRST 1 ROWS ONLY")) {
            st.setString(1, bureau);
            st.setLong(2, caseId);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new LegalHold(rs.getLong(1), rs.getBoolean(2), rs.getString(3), rs.getString(4),
                        at(rs.getTimestamp(5)), rs.getLong(6)));
            }
        }
    }

    static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    static Instant at(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
