package org.zhifa.api.evidence;

import java.time.Instant;

/**
 * A chunked, resumable upload (for large video): the client sends chunks at {@code received} until
 * {@code totalSize}, may reconnect and ask how far it got, and finishes with the hash it expects.
 */
public record UploadSession(String id, EvidenceDraft draft, long totalSize, long received, String startedBy,
                            Instant startedAt) {
}
