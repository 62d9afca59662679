package org.zhifa.legalreview.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.zhifa.api.legalreview.CaseFlag;
import org.zhifa.api.legalreview.Catalogue;
import org.zhifa.api.legalreview.DecisionDraft;
import org.zhifa.api.legalreview.MajorEvaluation;
import org.zhifa.api.legalreview.ReviewStatus;
import org.zhifa.api.record.CanonicalJson;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;

/** The legal review's tables on plain JDBC, read on whatever connection the caller's transaction holds. */
final class Store {
    final String bureau;

    Store(String bureau) {
        this.bureau = bureau;
    }

    // --- catalogue

    List<Catalogue> catalogues(Connection c) throws SQLException {
        List<Catalogue> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT VERSION, EFFECTIVE_FROM, REVIEW_ALL_ORDINARY, RULES,"
                + " NOTE, CREATED_BY, CREATED_AT FROM LR_CATALOGUE WHERE BUREAU = ? ORDER BY VERSION")) {
            ps.setString(1, bureau);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Catalogue(rs.getInt(1), rs.getDate(2).toLocalDate(), rs.getBoolean(3),
                            CatalogueJson.rules(rs.getString(4)), rs.getString(5), rs.getString(6),
                            rs.getTimestamp(7).toInstant()));
                }
            }
        }
        return out;
    }

    /** The version in force on {@code day}: the latest effective date not after it, the higher version on a tie. */
    static Catalogue inForce(List<Catalogue> all, LocalDate day) {
        Catalogue best = null;
        for (Catalogue c : all) {
            if (!c.effectiveFrom().isAfter(day) && (best == null || !c.effectiveFrom().isBefore(best.effectiveFrom()))) {
                best = c;
            }
        }
        if (best == null) {
            // before the first version took effect: the first one (the national default) still applies
            best = all.stream().min((a, b) -> Integer.compare(a.version(), b.version()))
                    .orElseThrow(() -> new IllegalStateException("no legal-review catalogue stored"));
        }
        return best;
    }

    Catalogue catalogueOn(Connection c, LocalDate day) throws SQLException {
        return inForce(catalogues(c), day);
    }

    // --- flags

    Set<CaseFlag> flags(Connection c, long caseId) throws SQLException {
        Set<CaseFlag> on = EnumSet.noneOf(CaseFlag.class);
        try (PreparedStatement ps = c.prepareStatement("SELECT FLAG, SET_ON FROM LR_FLAG WHERE CASE_ID = ?"
                + " AND BUREAU = ? ORDER BY ID")) {
            ps.setLong(1, caseId);
            ps.setString(2, bureau);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    CaseFlag f = CaseFlag.valueOf(rs.getString(1));
                    if (rs.getBoolean(2)) {
                        on.add(f);
                    } else {
                        on.remove(f);
                    }
                }
            }
        }
        return on;
    }

    // --- drafts

    /** A stored draft with what the gate needs besides the API view. */
    record DraftRow(DecisionDraft draft, boolean reviewRequired) {}

    List<DraftRow> drafts(Connection c, long caseId) throws SQLException {
        List<DraftRow> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT ID, CASE_ID, VERSION, TRANSITION, FIELDS, HASH,"
                + " REVIEW_REQUIRED, EVALUATION, CREATED_BY, CREATED_AT FROM LR_DRAFT WHERE CASE_ID = ? AND BUREAU = ?"
                + " ORDER BY ID")) {
            ps.setLong(1, caseId);
            ps.setString(2, bureau);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new DraftRow(new DecisionDraft(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4),
                            fields(rs.getString(5)), rs.getString(6), evaluation(rs.getString(8)), rs.getString(9),
                            rs.getTimestamp(10).toInstant(), false), rs.getBoolean(7)));
                }
            }
        }
        if (!out.isEmpty()) {
            DraftRow last = out.remove(out.size() - 1);
            DecisionDraft d = last.draft();
            out.add(new DraftRow(new DecisionDraft(d.id(), d.caseId(), d.version(), d.transition(), d.fields(), d.hash(),
                    d.evaluation(), d.createdBy(), d.createdAt(), true), last.reviewRequired()));
        }
        return out;
    }

    Optional<DraftRow> latestDraft(Connection c, long caseId) throws SQLException {
        List<DraftRow> all = drafts(c, caseId);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    // --- reviews

    /** The review's latest status. */
    static ReviewStatus status(Connection c, long reviewId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT STATUS FROM LR_REVIEW_EVENT WHERE REVIEW_ID = ?"
                + " AND STATUS IS NOT NULL ORDER BY ID DESC FETCH FIRST 1 ROWS ONLY")) {
            ps.setLong(1, reviewId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? ReviewStatus.valueOf(rs.getString(1)) : ReviewStatus.SUBMITTED;
            }
        }
    }

    /** The latest review of a draft, if any. */
    static Optional<Long> latestReview(Connection c, long draftId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT MAX(ID) FROM LR_REVIEW WHERE DRAFT_ID = ?")) {
            ps.setLong(1, draftId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long id = rs.getLong(1);
                return rs.wasNull() ? Optional.empty() : Optional.of(id);
            }
        }
    }

    static void event(Connection c, long reviewId, String type, ReviewStatus status, String actor, Instant at,
                      Map<String, ?> data) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO LR_REVIEW_EVENT (REVIEW_ID, TYPE, STATUS, ACTOR, AT_TIME,"
                + " DATA) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, reviewId);
            ps.setString(2, type);
            ps.setString(3, status == null ? null : status.name());
            ps.setString(4, actor);
            ps.setTimestamp(5, Timestamp.from(at));
            ps.setString(6, json(data));
            ps.executeUpdate();
        }
    }

    static long insert(PreparedStatement ps) throws SQLException {
        ps.executeUpdate();
        try (ResultSet keys = ps.getGeneratedKeys()) {
            keys.next();
            return keys.getLong(1);
        }
    }

    static PreparedStatement returning(Connection c, String sql) throws SQLException {
        return c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS);
    }

    // --- JSON and hashes

    /** SHA-256 of {"fields":{…sorted…},"transition":"…"} in canonical JSON: the draft's and the decision's hash. */
    static String hash(String transition, Map<String, String> fields) {
        StringBuilder b = new StringBuilder("{\"fields\":{");
        boolean first = true;
        for (Map.Entry<String, String> e : new TreeMap<>(fields).entrySet()) {
            if (!first) {
                b.append(',');
            }
            first = false;
            CanonicalJson.string(b, e.getKey());
            b.append(':');
            CanonicalJson.string(b, e.getValue());
        }
        b.append("},\"transition\":");
        CanonicalJson.string(b, transition);
        b.append('}');
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(b.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String json(Object o) {
        try {
            return CatalogueJson.JSON.writeValueAsString(o);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode tree(String s) {
        try {
            return CatalogueJson.JSON.readTree(s);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> fields(String json) {
        try {
            return CatalogueJson.JSON.readValue(json, new TypeReference<LinkedHashMap<String, String>>() {});
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> evaluationMap(MajorEvaluation e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("major", e.major());
        m.put("reviewRequired", e.reviewRequired());
        m.put("catalogueVersion", e.catalogueVersion());
        m.put("effectiveFrom", e.effectiveFrom().toString());
        List<Map<String, Object>> reasons = new ArrayList<>();
        for (MajorEvaluation.Reason r : e.reasons()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("rule", r.rule());
            x.put("zh", r.zh());
            x.put("en", r.en());
            reasons.add(x);
        }
        m.put("reasons", reasons);
        return m;
    }

    static MajorEvaluation evaluation(String json) {
        JsonNode n = tree(json);
        List<MajorEvaluation.Reason> reasons = new ArrayList<>();
        n.get("reasons").forEach(r -> reasons.add(new MajorEvaluation.Reason(r.get("rule").asInt(), r.get("zh").asText(),
                r.get("en").asText())));
        return new MajorEvaluation(n.get("major").asBoolean(), n.get("reviewRequired").asBoolean(),
                n.get("catalogueVersion").asInt(), LocalDate.parse(n.get("effectiveFrom").asText()), reasons);
    }
}
