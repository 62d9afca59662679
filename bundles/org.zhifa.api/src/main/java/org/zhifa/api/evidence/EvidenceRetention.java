package org.zhifa.api.evidence;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.zhifa.api.common.Actor;

/**
 * Retention of evidence files (R7): how long each record type keeps its files (configured per case kind,
 * 2 years … permanent), legal holds per case, and the purge that removes expired, not held files. A purge
 * appends an {@code evidence.purged} entry that keeps the file's hash, so the log still verifies; the
 * item's metadata stays.
 *
 * @since 1.1
 */
@ProviderType
public interface EvidenceRetention {

    /** Puts a case's evidence on legal hold (nothing of it is purged until cleared); needs 负责人 or 管理员. */
    LegalHold setHold(long caseId, String reason, Actor actor);

    /** Clears a case's legal hold; needs 负责人 or 管理员. */
    LegalHold clearHold(long caseId, String reason, Actor actor);

    /** The case's current hold state (its latest hold or release), if it ever had one. */
    Optional<LegalHold> hold(long caseId, Actor actor);

    /**
     * Removes the files whose every item is past its retention and not held. With {@code dryRun} only
     * reports what would go. Needs 管理员 (or the system actor of the scheduled job).
     */
    PurgeResult purge(boolean dryRun, Actor actor);

    /** A hold or a release, as recorded. */
    record LegalHold(long caseId, boolean held, String reason, String changedBy, java.time.Instant changedAt,
                     long recordSeq) {
    }

    /**
     * @param hashes       files removed (or, dry run, that would be)
     * @param heldSkipped  expired files kept because a case holding them is on legal hold
     */
    record PurgeResult(boolean dryRun, List<String> hashes, long bytes, int heldSkipped) {
        public PurgeResult {
            hashes = List.copyOf(hashes);
        }
    }
}
