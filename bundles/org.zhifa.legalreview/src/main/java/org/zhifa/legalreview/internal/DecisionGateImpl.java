package org.zhifa.legalreview.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhifa.api.cases.PreparedDecision;
import org.zhifa.api.common.Actor;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.legalreview.Catalogue;
import org.zhifa.api.legalreview.DecisionGate;
import org.zhifa.api.legalreview.MajorEvaluation;
import org.zhifa.api.legalreview.ReviewStatus;
import org.zhifa.api.record.EntryDraft;
import org.zhifa.api.record.RecordService;

/**
 * The gate of V2 on the engine's own connection. A decision needs review when the catalogue in force
 * today says so, or when the case's latest draft was judged to need it (the database trigger holds the
 * same line, so the two never disagree); it is then admitted only as that draft, with the draft's latest
 * review passed or adopted. Admitted, the decision row and its record entry join the engine's
 * transaction; refused, the refusal is recorded in a transaction of its own, since the engine's rolls back.
 */
final class DecisionGateImpl implements DecisionGate {
    private static final Logger LOG = LoggerFactory.getLogger(DecisionGateImpl.class);

    private final Store store;
    private final RecordService record;
    private final Clock clock;

    DecisionGateImpl(Store store, RecordService record, Clock clock) {
        this.store = store;
        this.record = record;
        this.clock = clock;
    }

    @Override
    public MajorEvaluation admit(Connection tx, PreparedDecision d, Actor actor) {
        if (tx == null || d == null || actor == null) {
            throw new IllegalArgumentException("the gate needs the engine's transaction, the decision and the actor");
        }
        try {
            LocalDate today = LocalDate.now(clock);
            Catalogue catalogue = store.catalogueOn(tx, today);
            MajorEvaluation now = Evaluator.evaluate(catalogue, new Evaluator.Subject(d.kind(), d.partyType(),
                    d.simple(), d.facts(), store.flags(tx, d.caseId()), d.kindReasons()));
            String hash = Store.hash(d.transition(), d.fields());
            Optional<Store.DraftRow> latest = store.latestDraft(tx, d.caseId());
            boolean draftRequires = latest.map(Store.DraftRow::reviewRequired).orElse(false);
            // explain with today's verdict, or with the draft's when only the draft was judged to need review
            MajorEvaluation judged = now.reviewRequired() || !draftRequires ? now : latest.get().draft().evaluation();
            Long draftId = latest.filter(l -> l.draft().hash().equals(hash)).map(l -> l.draft().id()).orElse(null);
            Long reviewId = null;
            if (judged.reviewRequired()) {
                if (latest.isEmpty()) {
                    throw refuse(d, judged, hash, "REVIEW_REQUIRED", null, actor);
                }
                if (draftId == null) {
                    throw refuse(d, judged, hash, "REVIEW_DRAFT_CHANGED", null, actor);
                }
                Optional<Long> review = Store.latestReview(tx, draftId);
                if (review.isEmpty()) {
                    throw refuse(d, judged, hash, "REVIEW_REQUIRED", null, actor);
                }
                ReviewStatus status = Store.status(tx, review.get());
                if (!status.opensGate()) {
                    throw refuse(d, judged, hash, "REVIEW_NOT_PASSED", status, actor);
                }
                reviewId = review.get();
            }
            Instant at = Instant.now(clock);
            long id;
            try (PreparedStatement ps = Store.returning(tx, "INSERT INTO LR_DECISION (BUREAU, CASE_ID, TRANSITION, HASH,"
                    + " DRAFT_ID, REVIEW_ID, CATALOGUE_VERSION, MAJOR, REVIEW_REQUIRED, EVALUATION, ACTOR, AT_TIME)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, store.bureau);
                ps.setLong(2, d.caseId());
                ps.setString(3, d.transition());
                ps.setString(4, hash);
                ps.setObject(5, draftId, java.sql.Types.BIGINT);
                ps.setObject(6, reviewId, java.sql.Types.BIGINT);
                ps.setInt(7, judged.catalogueVersion());
                ps.setBoolean(8, judged.major());
                ps.setBoolean(9, judged.reviewRequired());
                ps.setString(10, Store.json(Store.evaluationMap(judged)));
                ps.setString(11, actor.user());
                ps.setTimestamp(12, Timestamp.from(at));
                id = Store.insert(ps);
            }
            Map<String, Object> payload = payload(d, judged, hash);
            payload.put("decision", id);
            payload.put("draft", draftId);
            payload.put("review", reviewId);
            record.append(tx, EntryDraft.of(LegalReviewServiceImpl.OBJECT_TYPE, Long.toString(d.caseId()), d.step(),
                    "legalreview.decision.admitted", Store.json(payload)), actor);
            return judged;
        } catch (SQLException e) {
            if ("23513".equals(e.getSQLState())) {
                // the trigger refused what the checks above admitted: never expected, still refused
                throw Messages.conflict("REVIEW_REFUSED_BY_DATABASE", d.transitionTitleZh());
            }
            LOG.warn("legal review gate: {}", e.toString());
            throw Messages.error(ZhifaException.Kind.UNAVAILABLE, "REVIEW_GATE_UNAVAILABLE", null, e.getMessage());
        }
    }

    private ZhifaException refuse(PreparedDecision d, MajorEvaluation e, String hash, String code, ReviewStatus status,
                                  Actor actor) {
        String statusZh = status == null ? "" : Messages.zh("status." + status.name());
        String statusEn = status == null ? "" : Messages.en("status." + status.name());
        ZhifaException refusal = new ZhifaException(ZhifaException.Kind.CONFLICT, code,
                Messages.zh(code, d.transitionTitleZh(), e.explainZh(), statusZh),
                Messages.en(code, d.transitionTitleEn(), e.explainEn(), statusEn), null);
        Map<String, Object> payload = payload(d, e, hash);
        payload.put("code", code);
        payload.put("status", status == null ? null : status.name());
        try {
            record.append(EntryDraft.of(LegalReviewServiceImpl.OBJECT_TYPE, Long.toString(d.caseId()), d.step(),
                    "legalreview.decision.refused", Store.json(payload)), actor);
        } catch (RuntimeException x) {
            LOG.warn("legal review: the refusal of {} on case {} could not be recorded: {}", d.transition(), d.caseId(),
                    x.toString());
        }
        return refusal;
    }

    private static Map<String, Object> payload(PreparedDecision d, MajorEvaluation e, String hash) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("case", d.caseId());
        p.put("number", d.caseNumber());
        p.put("transition", d.transition());
        p.put("hash", hash);
        p.put("evaluation", Store.evaluationMap(e));
        return p;
    }
}
