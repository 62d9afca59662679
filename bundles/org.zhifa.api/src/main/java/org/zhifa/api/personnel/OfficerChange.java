package org.zhifa.api.personnel;

import java.time.Instant;

/** One change of a register entry: who, when, what, and the entry as it was after it. */
public record OfficerChange(long officerId, Instant at, String actor, String action, String reason,
                            String snapshotJson) {
}
