package org.zhifa.api.evidence;

import java.time.Duration;
import java.time.Instant;

/**
 * A stored evidence item. Two items may share one file (same hash): the store keeps each distinct
 * content once.
 *
 * @param hash      hex content hash (the record's hash algorithm), the file's name in the store
 * @param recordSeq the log entry that recorded the upload
 * @param purged    true once retention purged the file (a purge entry keeps its hash)
 */
public record EvidenceItem(long id, String hash, long size, String fileName, String mediaType, Long caseId,
                           String step, String deviceId, String place, Instant recordedFrom, Instant recordedTo,
                           String note, String uploadedBy, Instant uploadedAt, long recordSeq, boolean purged) {

    public boolean isAudioVideo() {
        return mediaType != null && (mediaType.startsWith("audio/") || mediaType.startsWith("video/"));
    }

    /** Length of the recording, or null. */
    public Duration duration() {
        return recordedFrom == null || recordedTo == null ? null : Duration.between(recordedFrom, recordedTo);
    }
}
