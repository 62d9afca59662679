package org.zhifa.api.evidence;

import java.time.Instant;

/**
 * Metadata given with an upload.
 *
 * @param caseId       the case the evidence belongs to, or null (e.g. a random inspection's draw)
 * @param step         the procedure step it was taken in
 * @param deviceId     the registered recording device (执法记录仪) it comes from, or null (a document scan)
 * @param place        where it was recorded
 * @param recordedFrom start of the recording (audio/video), or when a photo was taken; may be null
 * @param recordedTo   end of the recording; null for a photo or a document
 */
public record EvidenceDraft(String fileName, String mediaType, Long caseId, String step, String deviceId,
                            String place, Instant recordedFrom, Instant recordedTo, String note) {
}
