package org.zhifa.record.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.zhifa.api.record.CanonicalJson;
import org.zhifa.api.record.Merkle;
import org.zhifa.api.record.RecordEntry;

/**
 * {@link RecordEntry#leafInput()} as the bytes before the payload, the payload's UTF-8 as stored, and the
 * bytes after it, so that verification hashes a stored payload without decoding and re-encoding it. The
 * three parts concatenated are exactly {@code leafInput()} (UTF-8 of a concatenation is the concatenation
 * of the UTF-8s); {@code LeafPartsTest} holds them to it.
 */
final class LeafParts {
    private static final byte[] LEAF = {0};
    private long lastMillis = Long.MIN_VALUE;
    private String lastAt;
    private final StringBuilder b = new StringBuilder(256);

    /** {@code {"seq":…,…,"entryType":…,"payload":} */
    byte[] head(long seq, long atMillis, String bureau, String objectType, String objectId, String step, String actor,
                String entryType) {
        if (atMillis != lastMillis) {
            lastAt = CanonicalJson.instant(Instant.ofEpochMilli(atMillis));
            lastMillis = atMillis;
        }
        b.setLength(0);
        b.append("{\"seq\":").append(seq);
        b.append(",\"at\":\"").append(lastAt).append('"');
        b.append(",\"bureau\":"); CanonicalJson.string(b, bureau);
        b.append(",\"objectType\":"); CanonicalJson.string(b, objectType);
        b.append(",\"objectId\":"); CanonicalJson.string(b, objectId);
        b.append(",\"step\":"); CanonicalJson.string(b, step);
        b.append(",\"actor\":"); CanonicalJson.string(b, actor);
        b.append(",\"entryType\":"); CanonicalJson.string(b, entryType);
        b.append(",\"payload\":");
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** {@code ,"evidence":[…],"corrects":…}} */
    byte[] tail(List<String> evidence, Long corrects) {
        if (evidence.isEmpty()) {
            return corrects == null ? NO_TAIL : (",\"evidence\":[],\"corrects\":" + corrects + "}")
                    .getBytes(StandardCharsets.UTF_8);
        }
        b.setLength(0);
        b.append(",\"evidence\":[");
        for (int i = 0; i < evidence.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            CanonicalJson.string(b, evidence.get(i));
        }
        b.append("],\"corrects\":").append(corrects == null ? "null" : corrects.toString()).append('}');
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static final byte[] NO_TAIL = ",\"evidence\":[],\"corrects\":null}".getBytes(StandardCharsets.UTF_8);

    static byte[] leafHash(Merkle.Hasher h, byte[] head, byte[] payload, byte[] tail) {
        return h.hash(LEAF, head, payload, tail);
    }
}
