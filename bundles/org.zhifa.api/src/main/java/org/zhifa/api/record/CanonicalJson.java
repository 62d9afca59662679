package org.zhifa.api.record;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The byte encodings the tree and the signatures are computed over; see {@link RecordEntry#leafInput()}. */
public final class CanonicalJson {

    private static final DateTimeFormatter INSTANT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private CanonicalJson() {}

    /** ISO-8601 UTC with exactly three fraction digits. */
    public static String instant(Instant at) {
        return INSTANT.format(at);
    }

    static byte[] entry(RecordEntry e) {
        StringBuilder b = new StringBuilder(256 + e.payload().length());
        b.append("{\"seq\":").append(e.seq());
        b.append(",\"at\":"); string(b, instant(e.at()));
        b.append(",\"bureau\":"); string(b, e.bureau());
        b.append(",\"objectType\":"); string(b, e.objectType());
        b.append(",\"objectId\":"); string(b, e.objectId());
        b.append(",\"step\":"); string(b, e.step());
        b.append(",\"actor\":"); string(b, e.actor());
        b.append(",\"entryType\":"); string(b, e.entryType());
        b.append(",\"payload\":").append(e.payload());
        b.append(",\"evidence\":[");
        for (int i = 0; i < e.evidenceHashes().size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            string(b, e.evidenceHashes().get(i));
        }
        b.append("],\"corrects\":").append(e.corrects() == null ? "null" : e.corrects().toString());
        return b.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Appends {@code s} as a JSON string (or {@code null}), escaping only what RFC 8259 requires. */
    public static void string(StringBuilder b, String s) {
        if (s == null) {
            b.append("null");
            return;
        }
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }
}
