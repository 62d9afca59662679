package org.zhifa.api.legalreview;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One review of one draft version. A resubmission after revision is a new review of the new draft.
 *
 * @param due        the last working day for the reviewer's outcome (submission + the configured working days,
 *                   plus the extension once a leader approved one)
 * @param overdue    still open (submitted or assigned) after {@code due}
 * @param escalation why the handler disagreed, once escalated
 */
public record LegalReview(long id, long caseId, String caseNumber, String caseTitle, long draftId, int draftVersion,
                          ReviewStatus status, MajorEvaluation evaluation, Set<Material> materials, String note,
                          String submittedBy, Instant submittedAt, String reviewer, Instant assignedAt,
                          LocalDate due, boolean extended, boolean overdue, List<Finding> findings, String opinion,
                          Instant decidedAt, List<CounselOpinion> counsel, String escalation,
                          Optional<Discussion> discussion) {

    public LegalReview {
        materials = Set.copyOf(materials);
        findings = List.copyOf(findings);
        counsel = List.copyOf(counsel);
    }
}
