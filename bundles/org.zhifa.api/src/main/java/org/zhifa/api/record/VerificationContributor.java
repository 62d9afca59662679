package org.zhifa.api.record;

import java.util.List;
import java.util.Set;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A part that keeps data the log vouches for (the evidence store) and checks it when the record is
 * verified. Registered as an OSGi service; the record calls every one of them.
 */
@ConsumerType
public interface VerificationContributor {

    /**
     * Checks the contributor's data against what the log vouches for. The record collects the hashes while
     * it recomputes the leaves and passes them here.
     *
     * @param referenced hex hashes of the evidence files named by entries (all entries of a full run, the
     *                   new ones of an incremental run)
     * @param purged     hex hashes named by {@code evidence.purged} entries: their files may be gone
     * @return the problems found; {@code checked} counts the files or rows looked at
     */
    Result verify(Set<String> referenced, Set<String> purged, boolean full, VerificationProgress progress);

    record Result(long checked, List<Problem> problems) {
        public Result {
            problems = List.copyOf(problems);
        }
    }
}
