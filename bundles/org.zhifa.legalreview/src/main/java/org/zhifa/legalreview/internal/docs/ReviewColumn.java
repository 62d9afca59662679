package org.zhifa.legalreview.internal.docs;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.zhifa.api.cases.CaseEvent;
import org.zhifa.api.cases.CaseFile;
import org.zhifa.api.cases.CaseService;
import org.zhifa.api.common.Actor;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.legalreview.CounselOpinion;
import org.zhifa.api.legalreview.DecisionDraft;
import org.zhifa.api.legalreview.Discussion;
import org.zhifa.api.legalreview.LegalReview;
import org.zhifa.api.legalreview.LegalReviewService;
import org.zhifa.api.legalreview.MajorEvaluation;
import org.zhifa.api.legalreview.Reviewer;

/**
 * The 法制审核栏 (V6) of a case: the review of the case's latest decision draft as the decision document and
 * the case file print it. Without a review it says why: not a major decision, not reviewed, or no draft.
 *
 * @param draft      the latest draft, if any
 * @param review     the latest review of that draft, if any
 * @param evaluation the draft's evaluation, or that of the decision taken without a draft, if known
 */
record ReviewColumn(Optional<DecisionDraft> draft, Optional<LegalReview> review, Optional<MajorEvaluation> evaluation,
                    Map<String, String> reviewerNames, ZoneId zone) {

    static final String PREFIX = "legalReview.";
    /** The names {@link #fields()} gives, each a text (empty when not known). */
    static final List<String> NAMES = List.of("outcome", "evaluation", "catalogue", "draft", "reviewer", "decidedOn",
            "opinion", "counsel", "discussion", "materials");
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    /**
     * Reads the column of a case. {@code cases} (optional) finds a decision taken without any draft, to say
     * whether it was major under the catalogue in force.
     */
    static ReviewColumn of(LegalReviewService service, CaseService cases, long caseId, Actor actor, ZoneId zone) {
        return of(service, caseId, service.drafts(caseId, actor), () -> service.reviewsOfCase(caseId, actor),
                () -> cases == null ? Optional.empty() : lastDecision(cases, caseId, actor), actor, zone);
    }

    /**
     * The column from what the caller already read of the case: its drafts, its reviews (read only when a
     * draft exists) and the last decision it took (read only when no draft exists).
     */
    static ReviewColumn of(LegalReviewService service, long caseId, List<DecisionDraft> drafts,
                           Supplier<List<LegalReview>> reviews, Supplier<Optional<CaseEvent>> lastDecision, Actor actor,
                           ZoneId zone) {
        Optional<DecisionDraft> draft = drafts.stream().filter(DecisionDraft::current).reduce((a, b) -> b)
                .or(() -> drafts.stream().max(Comparator.comparingInt(DecisionDraft::version)));
        Optional<LegalReview> review = draft.flatMap(d -> reviews.get().stream()
                .filter(r -> r.draftId() == d.id()).max(Comparator.comparingLong(LegalReview::id)));
        Optional<MajorEvaluation> evaluation = review.map(LegalReview::evaluation).or(() -> draft.map(DecisionDraft::evaluation));
        if (draft.isEmpty()) {
            evaluation = lastDecision.get().flatMap(e -> judged(service, caseId, e, actor));
        }
        Map<String, String> names = review.map(r -> reviewerNames(service, actor)).orElse(Map.of());
        return new ReviewColumn(draft, review, evaluation, names, zone);
    }

    /** The case's decision events (transitions its kind says decide), oldest first; none while the kind is away. */
    static List<CaseEvent> decisions(CaseService cases, CaseFile c, Actor actor) {
        List<String> decisive;
        try {
            decisive = cases.decisionTransitions(c.id(), actor);
        } catch (ZhifaException e) {
            return List.of(); // the kind is not installed: its decisions are in the case's own record
        }
        return c.events().stream().filter(e -> e.transition() != null && decisive.contains(e.transition())).toList();
    }

    /** The last decision transition the case took. */
    private static Optional<CaseEvent> lastDecision(CaseService cases, long caseId, Actor actor) {
        try {
            return cases.find(caseId, actor).map(c -> decisions(cases, c, actor)).orElse(List.of()).stream()
                    .reduce((a, b) -> b);
        } catch (ZhifaException e) {
            return Optional.empty();
        }
    }

    /** A decision taken without a draft, judged by the catalogue in force today. */
    private static Optional<MajorEvaluation> judged(LegalReviewService service, long caseId, CaseEvent decision,
                                                    Actor actor) {
        try {
            return Optional.of(service.evaluate(caseId, decision.transition(), decision.fields(), actor));
        } catch (ZhifaException e) {
            return Optional.empty(); // a kind no longer installed: nothing to say beyond "not reviewed"
        }
    }

    private static Map<String, String> reviewerNames(LegalReviewService service, Actor actor) {
        try {
            return service.reviewers(actor).stream().filter(r -> r.name() != null)
                    .collect(Collectors.toMap(Reviewer::user, Reviewer::name, (a, b) -> a));
        } catch (ZhifaException e) {
            return Map.of(); // the user names alone then
        }
    }

    /** The column as document fields, every name under {@link #PREFIX}, in Chinese. */
    Map<String, String> fields() {
        Map<String, String> f = new LinkedHashMap<>();
        NAMES.forEach(n -> f.put(PREFIX + n, ""));
        f.put(PREFIX + "outcome", outcome());
        evaluation.ifPresent(e -> {
            f.put(PREFIX + "evaluation", evaluationText(e));
            f.put(PREFIX + "catalogue", Texts.zh("catalogue", String.valueOf(e.catalogueVersion()),
                    e.effectiveFrom() == null ? "" : DAY.format(e.effectiveFrom())));
        });
        draft.ifPresent(d -> f.put(PREFIX + "draft", Texts.zh("draft", String.valueOf(d.version()), day(d.createdAt()))));
        review.ifPresent(r -> {
            if (r.reviewer() != null) {
                String name = reviewerNames.get(r.reviewer());
                f.put(PREFIX + "reviewer", name == null ? r.reviewer() : Texts.zh("reviewer", name, r.reviewer()));
            }
            f.put(PREFIX + "decidedOn", day(r.decidedAt()));
            f.put(PREFIX + "opinion", r.opinion() == null ? "" : r.opinion());
            f.put(PREFIX + "counsel", counsel(r.counsel()));
            f.put(PREFIX + "discussion", r.discussion().map(ReviewColumn::discussion).orElse(""));
            f.put(PREFIX + "materials", r.materials().stream().sorted().map(ReviewJson::material)
                    .collect(Collectors.joining("、")));
        });
        return f;
    }

    /** 通过 / 不通过 / 集体讨论决定 …, or why there is no review. */
    String outcome() {
        if (review.isPresent()) {
            return Texts.zh("outcome." + review.get().status().name());
        }
        if (evaluation.isPresent() && !evaluation.get().reviewRequired()) {
            return Texts.zh("outcome.notMajor");
        }
        return draft.isPresent() || evaluation.isPresent() ? Texts.zh("outcome.notReviewed") : Texts.zh("outcome.noDraft");
    }

    static String evaluationText(MajorEvaluation e) {
        if (e.major()) {
            return Texts.zh("evaluation.major", e.explainZh());
        }
        return e.reviewRequired() ? Texts.zh("evaluation.reviewAll") : Texts.zh("evaluation.notMajor");
    }

    static String counsel(List<CounselOpinion> opinions) {
        return opinions.stream().map(o -> Texts.zh("counsel.line", Texts.zh("counsel." + o.role().name()),
                o.name(), o.opinion())).collect(Collectors.joining("\n"));
    }

    static String discussion(Discussion d) {
        String members = d.members().stream().map(m -> m.post() == null || m.post().isBlank() ? m.name()
                : m.name() + "（" + m.post() + "）").collect(Collectors.joining("、"));
        return Texts.zh("discussion", d.heldOn() == null ? "" : DAY.format(d.heldOn()), members,
                d.conclusion() == null ? "" : d.conclusion());
    }

    String day(Instant at) {
        return at == null ? "" : DAY.format(at.atZone(zone));
    }
}
