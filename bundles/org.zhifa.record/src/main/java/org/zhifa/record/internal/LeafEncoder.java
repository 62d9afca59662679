package org.zhifa.record.internal;

import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.zhifa.api.record.CanonicalJson;
import org.zhifa.api.record.Merkle;

/**
 * Hashes a stored row's leaf, {@code H(0x00 ‖ leafInput())}, without building the entry: the parts of
 * {@link org.zhifa.api.record.RecordEntry#leafInput()} before and after the payload are encoded straight
 * into a reused byte buffer (ASCII fields byte by byte; anything else through {@link CanonicalJson#string}
 * and UTF-8), and the payload's stored UTF-8 is hashed as it is. The bytes hashed are exactly
 * {@code leafInput()}; {@code LeafEncoderTest} holds them to it. One instance per thread.
 */
final class LeafEncoder {
    private static final byte[] NO_TAIL = ",\"evidence\":[],\"corrects\":null}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] LEAF = {0};
    private static final byte[] NODE = {1};
    private static final long DAY = 86_400_000L;

    private final Digest digest;
    private byte[] buf = new byte[512];
    private int len;
    private long day = Long.MIN_VALUE;
    /** {@code "2026-11-27T} of {@link #day}. */
    private byte[] date;
    private final StringBuilder slow = new StringBuilder();

    LeafEncoder(Merkle.Hasher h) {
        this.digest = Digest.of(h.algorithm());
    }

    /** Writes the leaf hash of one row into {@code out[off, off + 32)}. */
    void leaf(long seq, long atMillis, String bureau, String objectType, String objectId, String step, String actor,
              String entryType, byte[] payload, String evidence, boolean hasCorrects, long corrects, byte[] out,
              int off) {
        digest.reset();
        digest.update(LEAF, 0, 1);
        head(seq, atMillis, bureau, objectType, objectId, step, actor, entryType);
        digest.update(buf, 0, len);
        digest.update(payload, 0, payload.length);
        if ((evidence == null || evidence.isEmpty()) && !hasCorrects) {
            digest.update(NO_TAIL, 0, NO_TAIL.length);
        } else {
            tail(evidence, hasCorrects, corrects);
            digest.update(buf, 0, len);
        }
        digest.finish(out, off);
    }

    /** {@code H(0x01 ‖ src[l, l+32) ‖ src[r, r+32))} into {@code dst[d, d+32)}: an interior node. */
    void node(byte[] src, int l, int r, byte[] dst, int d) {
        digest.reset();
        digest.update(NODE, 0, 1);
        digest.update(src, l, 32);
        digest.update(src, r, 32);
        digest.finish(dst, d);
    }

    /** {@code {"seq":…,…,"entryType":…,"payload":} into the buffer. */
    void head(long seq, long atMillis, String bureau, String objectType, String objectId, String step, String actor,
              String entryType) {
        len = 0;
        ascii("{\"seq\":");
        number(seq);
        ascii(",\"at\":\"");
        at(atMillis);
        ascii("\",\"bureau\":");
        string(bureau);
        ascii(",\"objectType\":");
        string(objectType);
        ascii(",\"objectId\":");
        string(objectId);
        ascii(",\"step\":");
        string(step);
        ascii(",\"actor\":");
        string(actor);
        ascii(",\"entryType\":");
        string(entryType);
        ascii(",\"payload\":");
    }

    /** {@code ,"evidence":[…],"corrects":…}} into the buffer; {@code evidence} as stored (comma-joined). */
    void tail(String evidence, boolean hasCorrects, long corrects) {
        len = 0;
        ascii(",\"evidence\":[");
        if (evidence != null && !evidence.isEmpty()) {
            // as RecordServiceImpl.evidence(): String.split drops trailing empty strings
            String[] hashes = evidence.split(",");
            for (int i = 0; i < hashes.length; i++) {
                if (i > 0) {
                    put((byte) ',');
                }
                string(hashes[i]);
            }
        }
        ascii("],\"corrects\":");
        if (hasCorrects) {
            number(corrects);
        } else {
            ascii("null");
        }
        put((byte) '}');
    }

    byte[] bytes() {
        return java.util.Arrays.copyOf(buf, len);
    }

    /** ISO-8601 UTC with milliseconds, as {@link CanonicalJson#instant}: the date part cached per day. */
    private void at(long millis) {
        long d = Math.floorDiv(millis, DAY);
        if (d != day || date == null) {
            String s = CanonicalJson.instant(Instant.ofEpochMilli(d * DAY));
            date = s.substring(0, s.indexOf('T') + 1).getBytes(StandardCharsets.US_ASCII);
            day = d;
        }
        ensure(date.length + 13);
        System.arraycopy(date, 0, buf, len, date.length);
        len += date.length;
        int ms = (int) Math.floorMod(millis, DAY);
        two(ms / 3_600_000);
        put((byte) ':');
        two(ms / 60_000 % 60);
        put((byte) ':');
        two(ms / 1000 % 60);
        put((byte) '.');
        int f = ms % 1000;
        put((byte) ('0' + f / 100));
        put((byte) ('0' + f / 10 % 10));
        put((byte) ('0' + f % 10));
        put((byte) 'Z');
    }

    private void two(int v) {
        put((byte) ('0' + v / 10));
        put((byte) ('0' + v % 10));
    }

    /** A JSON string or null; plain ASCII byte by byte, anything needing escapes or UTF-8 the slow way. */
    private void string(String s) {
        if (s == null) {
            ascii("null");
            return;
        }
        int n = s.length();
        ensure(n + 2);
        int start = len;
        buf[len++] = '"';
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\') {
                len = start;
                slow.setLength(0);
                CanonicalJson.string(slow, s);
                byte[] utf8 = slow.toString().getBytes(StandardCharsets.UTF_8);
                ensure(utf8.length);
                System.arraycopy(utf8, 0, buf, len, utf8.length);
                len += utf8.length;
                return;
            }
            buf[len++] = (byte) c;
        }
        buf[len++] = '"';
    }

    private void number(long v) {
        if (v >= 0 && v < 10) {
            put((byte) ('0' + v));
            return;
        }
        ascii(Long.toString(v));
    }

    private void ascii(String s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            buf[len++] = (byte) s.charAt(i);
        }
    }

    private void put(byte b) {
        ensure(1);
        buf[len++] = b;
    }

    private void ensure(int more) {
        if (len + more > buf.length) {
            buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
        }
    }

    /** The log's hash function, reused for every leaf of one thread. */
    private interface Digest {
        void reset();

        void update(byte[] b, int off, int n);

        void finish(byte[] out, int off);

        static Digest of(String algorithm) {
            if ("SM3".equals(algorithm)) {
                SM3Digest d = new SM3Digest();
                return new Digest() {
                    @Override
                    public void reset() {
                        d.reset();
                    }

                    @Override
                    public void update(byte[] b, int off, int n) {
                        d.update(b, off, n);
                    }

                    @Override
                    public void finish(byte[] out, int off) {
                        d.doFinal(out, off);
                    }
                };
            }
            MessageDigest d;
            try {
                d = MessageDigest.getInstance(algorithm);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            return new Digest() {
                @Override
                public void reset() {
                    d.reset();
                }

                @Override
                public void update(byte[] b, int off, int n) {
                    d.update(b, off, n);
                }

                @Override
                public void finish(byte[] out, int off) {
                    try {
                        d.digest(out, off, 32);
                    } catch (DigestException e) {
                        throw new IllegalStateException(e);
                    }
                }
            };
        }
    }
}
