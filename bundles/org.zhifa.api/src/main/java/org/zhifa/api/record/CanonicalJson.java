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
        fields(b, e, false);
        return b.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The entry's fields in their fixed order, the object left open: the payload as the JSON it is (what the
     * leaf is computed over) or, for export, as a JSON string of that text.
     */
    private static void fields(StringBuilder b, RecordEntry e, boolean payloadAsString) {
        b.append("{\"seq\":").append(e.seq());
        b.append(",\"at\":"); string(b, instant(e.at()));
        b.append(",\"bureau\":"); string(b, e.bureau());
        b.append(",\"objectType\":"); string(b, e.objectType());
        b.append(",\"objectId\":"); string(b, e.objectId());
        b.append(",\"step\":"); string(b, e.step());
        b.append(",\"actor\":"); string(b, e.actor());
        b.append(",\"entryType\":"); string(b, e.entryType());
        b.append(",\"payload\":");
        if (payloadAsString) {
            string(b, e.payload());
        } else {
            b.append(e.payload());
        }
        b.append(",\"evidence\":");
        strings(b, e.evidenceHashes());
        b.append(",\"corrects\":").append(e.corrects() == null ? "null" : e.corrects().toString());
    }

    /**
     * An entry as exported for offline checking (a case file's {@code record/entries.jsonl} line, a draw
     * file's entries): the entry's fields with the payload as a string, its leaf hash and its inclusion proof.
     * {@code java -jar zhifa-verify.jar} rebuilds the entry from these fields and checks the proof.
     *
     * @since 1.1
     */
    public static String provenEntry(RecordEntry e, InclusionProof proof) {
        StringBuilder b = new StringBuilder(512 + 2 * e.payload().length());
        fields(b, e, true);
        b.append(",\"leafHash\":"); string(b, proof.leafHash());
        b.append(",\"proof\":{\"leafIndex\":").append(proof.leafIndex());
        b.append(",\"treeSize\":").append(proof.treeSize()).append(",\"path\":");
        strings(b, proof.path());
        return b.append("}}").toString();
    }

    /**
     * A signed tree head as exported for offline checking, with the fields {@link SignedTreeHead#signedBytes()}
     * is computed from.
     *
     * @since 1.1
     */
    public static String treeHead(SignedTreeHead h) {
        StringBuilder b = new StringBuilder(256);
        b.append("{\"bureau\":"); string(b, h.bureau());
        b.append(",\"treeSize\":").append(h.treeSize());
        b.append(",\"timestamp\":"); string(b, instant(h.timestamp()));
        b.append(",\"rootHash\":"); string(b, h.rootHash());
        b.append(",\"hashAlgorithm\":"); string(b, h.hashAlgorithm());
        b.append(",\"keyId\":"); string(b, h.keyId());
        b.append(",\"signature\":"); string(b, h.signature());
        return b.append('}').toString();
    }

    private static void strings(StringBuilder b, java.util.List<String> values) {
        b.append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            string(b, values.get(i));
        }
        b.append(']');
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
