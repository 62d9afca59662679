package org.zhifa.api.cases;

import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.zhifa.api.common.Actor;
import org.zhifa.api.common.Page;

/**
 * The case engine. Reading needs a staff role; filing and moving cases needs 执法人员 or 负责人 (a
 * transition may ask for a particular role); recusal decisions need 负责人. Every write is attributed
 * and appended to the case's timeline. Refusals are {@link org.zhifa.api.common.ZhifaException}s:
 * NOT_FOUND for an unknown case or kind, CONFLICT for a transition the procedure or the law refuses
 * (the message says why), INVALID for bad input; nothing is written then.
 */
@ProviderType
public interface CaseService {

    /** The installed kinds, in a stable order. */
    List<KindInfo> kinds();

    Optional<KindInfo> kind(String id);

    CaseFile file(CaseDraft draft, Actor actor);

    /**
     * Moves a case by one of the kind's transitions from its current step.
     *
     * @param expectedVersion the version the caller saw; &lt; 0 skips the check
     */
    CaseFile transition(long caseId, String transition, Map<String, String> fields, String reason,
                        long expectedVersion, Actor actor);

    /**
     * Validates a decision transition of the case without taking it (V2): INVALID for bad fields,
     * CONFLICT when {@code transition} is not a decision of the case's kind (the kind's
     * {@link org.zhifa.api.kind.EnforcementKind#decides}) or not one the case's procedure variant may
     * take. The case's step is not checked: a decision may be drafted before its step is reached.
     *
     * @since 1.1
     */
    PreparedDecision prepareDecision(long caseId, String transition, Map<String, String> fields, Actor actor);

    /**
     * The decision transitions of the case's kind that its procedure variant may take, e.g.
     * {@code decide}, {@code decideAfterStatement}; empty when the kind is not installed.
     *
     * @since 1.1
     */
    List<String> decisionTransitions(long caseId, Actor actor);

    /** Replaces the officers assigned to the case (each certified, valid, of the case's category). */
    CaseFile assign(long caseId, List<Long> officerIds, String reason, Actor actor);

    /** Records a recusal (回避) request against an assigned officer. */
    CaseFile requestRecusal(long caseId, long officerId, String requestedBy, String reason, Actor actor);

    /** A 负责人 decides a recusal request; an approved one takes the officer off the case. */
    CaseFile decideRecusal(long caseId, long recusalId, boolean approved, String reason, Actor actor);

    Optional<CaseFile> find(long caseId, Actor actor);

    Optional<CaseFile> findByNumber(String number, Actor actor);

    Page<CaseSummary> list(CaseQuery query, Actor actor);

    /** Running timers of open cases that are overdue or due within {@code withinWorkingDays}. */
    List<DueItem> due(int withinWorkingDays, Actor actor);

    /** Transitions the actor may take now from the case's step (empty when read-only or closed). */
    List<String> availableTransitions(long caseId, Actor actor);

    /** The documents (文书) of the case so far: ids of the templates its steps produced. */
    List<String> documents(long caseId, Actor actor);

    /** Writes a document of the case filled with its data, as PDF or DOCX. */
    void renderDocument(long caseId, String documentId, String format, OutputStream out, Actor actor);
}
