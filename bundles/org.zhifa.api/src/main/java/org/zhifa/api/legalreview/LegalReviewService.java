package org.zhifa.api.legalreview;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;
import org.zhifa.api.common.Actor;

/**
 * Legal review of major decisions (V1–V6). Reading needs a staff role. Every write is attributed and
 * appended to the whole-process record; refusals are {@link org.zhifa.api.common.ZhifaException}s and
 * write nothing.
 *
 * <p>Who may do what: 执法人员 and 负责人 flag cases, save drafts, submit, escalate; 负责人 and 管理员
 * assign reviewers; 负责人 extends a deadline and records a 集体讨论; the assigned 法制审核人员 decides;
 * 法制审核人员 and 负责人 attach counsel opinions; 管理员 and 负责人 publish catalogue versions;
 * 管理员 keeps the reviewer register.
 */
@ProviderType
public interface LegalReviewService {

    // ------------------------------------------------------------ catalogue (V1)

    /** Every version, oldest first. */
    List<Catalogue> catalogues(Actor actor);

    /** The version in force on {@code day}. */
    Catalogue catalogueOn(LocalDate day, Actor actor);

    /** Publishes a new version; INVALID for an incomplete rule, a date before the latest version's. */
    Catalogue publishCatalogue(CatalogueDraft draft, Actor actor);

    /** Open cases whose verdict the draft would change, each with its verdict now and under the draft. */
    List<PreviewRow> previewCatalogue(CatalogueDraft draft, Actor actor);

    // ------------------------------------------------------------ cases

    /** The flags set on the case now. */
    Set<CaseFlag> flags(long caseId, Actor actor);

    /** Sets or clears a flag; the reason is required. */
    Set<CaseFlag> setFlag(long caseId, CaseFlag flag, boolean on, String reason, Actor actor);

    /** How the catalogue in force today judges a decision of the case (nothing is saved). */
    MajorEvaluation evaluate(long caseId, String transition, Map<String, String> fields, Actor actor);

    /** Saves a new draft version; an open or passed review of an earlier version becomes {@link ReviewStatus#VOID}. */
    DecisionDraft saveDraft(long caseId, String transition, Map<String, String> fields, Actor actor);

    /** The case's drafts, oldest first. */
    List<DecisionDraft> drafts(long caseId, Actor actor);

    /** The case's reviews, oldest first. */
    List<LegalReview> reviewsOfCase(long caseId, Actor actor);

    // ------------------------------------------------------------ reviews (V2–V4)

    /**
     * Submits the case's current draft; INVALID when a required material is missing, CONFLICT when the
     * draft already has an open or passed review.
     */
    LegalReview submit(long caseId, long draftId, Set<Material> materials, String note, Actor actor);

    /** Assigns a reviewer; CONFLICT for a first-time reviewer without 法律职业资格 (处罚法 58), or a reviewer who drafted the decision. */
    LegalReview assign(long reviewId, String reviewer, Actor actor);

    /** A 负责人 approves the extension of the deadline (once). */
    LegalReview extend(long reviewId, String reason, Actor actor);

    /**
     * The assigned reviewer's outcome: every checklist item with a finding, and the written opinion.
     * {@code passed} with a PROBLEM finding is INVALID.
     */
    LegalReview decide(long reviewId, List<Finding> findings, boolean passed, String opinion, Actor actor);

    LegalReview addCounselOpinion(long reviewId, CounselOpinion.Role role, String name, String opinion, Actor actor);

    /** The handler disagrees with a failed review: it goes to 集体讨论. */
    LegalReview escalate(long reviewId, String reason, Actor actor);

    /** A 负责人 records the 集体讨论 of an escalated review. */
    LegalReview recordDiscussion(long reviewId, Discussion discussion, Actor actor);

    Optional<LegalReview> review(long reviewId, Actor actor);

    /**
     * Open reviews: for a 法制审核人员 those assigned to them and those waiting for assignment; for others
     * every open one. Overdue first, then by due date.
     */
    List<LegalReview> pending(Actor actor);

    // ------------------------------------------------------------ reviewers (V5)

    List<Reviewer> reviewers(Actor actor);

    /** Adds or updates a reviewer (by user name). */
    Reviewer saveReviewer(Reviewer reviewer, Actor actor);

    Reviewer addTraining(String user, Reviewer.Training training, Actor actor);

    StaffingReport staffing(Actor actor);

    /**
     * Every review of the bureau counted by where it stands now (a voided review counts as VOID only).
     *
     * @since 1.1
     */
    ReviewCounts counts(Actor actor);
}
