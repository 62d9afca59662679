package org.zhifa.evidence.internal;

import java.time.Instant;
import java.util.Optional;

/** What the evidence store needs to know of a case: that it exists, its kind, and when it closed. */
interface CaseLookup {

    /** @param closedAt when the case closed (retention starts then), null while it is open */
    record CaseInfo(long id, String kind, Instant closedAt) {}

    /** Empty if there is no such case. */
    Optional<CaseInfo> find(long caseId);

    /** Whether the case engine can answer at all. */
    boolean available();
}
