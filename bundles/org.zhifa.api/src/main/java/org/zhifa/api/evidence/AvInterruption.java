package org.zhifa.api.evidence;

import java.time.Instant;

/** A recorded interruption of full-process audio/video (R4), with its reason. */
public record AvInterruption(long id, long caseId, String step, Instant from, Instant to, String reason,
                             String recordedBy, Instant recordedAt, long recordSeq) {
}
