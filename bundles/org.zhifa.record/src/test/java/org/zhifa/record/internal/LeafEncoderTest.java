package org.zhifa.record.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.zhifa.api.record.Merkle;
import org.zhifa.api.record.RecordEntry;

/** The encoder hashes exactly {@link RecordEntry#leafInput()}, whatever the fields hold. */
class LeafEncoderTest {
    private static final String[] TEXTS = {null, "", "case", "调查取证", "a\"b\\c\nd\te\u0001f\u001f\u007f", "𠀀 emoji 😀",
        "x y", "lone \ud800 surrogate", "end \udfff", "/path/../x<script>"};
    /** Times around the epoch, leap days, far years, negative and repeated millis. */
    private static final long[] TIMES = {0, -1, 1, 86_399_999, 86_400_000, -86_400_001, 951_782_400_000L,
        1_790_000_000_000L, 253_402_300_799_999L, 253_402_300_800_000L, -62_135_596_800_001L};

    @Test
    void theHashedBytesAreExactlyTheLeafInput() throws Exception {
        Random random = new Random(7);
        for (Merkle.Hasher h : new Merkle.Hasher[] {Merkle.SHA256, Sm3Hasher.INSTANCE}) {
            LeafEncoder encoder = new LeafEncoder(h);
            long at = 1_790_000_000_000L;
            for (int i = 0; i < 3_000; i++) {
                at = i < TIMES.length ? TIMES[i] : at + random.nextInt(3) * (random.nextInt(10) == 0 ? 40_000_000L : 1);
                String joined = switch (random.nextInt(5)) {
                    case 0 -> null;
                    case 1 -> "";
                    case 2 -> "a".repeat(64);
                    case 3 -> ",";
                    default -> "b".repeat(64) + "," + "c".repeat(64);
                };
                List<String> evidence = RecordServiceImpl.evidence(joined);
                Long corrects = random.nextBoolean() ? null : (long) random.nextInt(1000) - (i % 7 == 0 ? 5000 : 0);
                long seq = i % 11 == 0 ? Long.MAX_VALUE - i : i;
                String payload = "{\"n\":" + i + ",\"t\":\"" + TEXTS[1 + random.nextInt(TEXTS.length - 1)]
                        .replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\t", "\\t")
                        .replace("\u0001", "\\u0001").replace("\u001f", "\\u001f") + "\"}";
                RecordEntry e = new RecordEntry(seq, Instant.ofEpochMilli(at), pick(random), pick(random),
                        pick(random) + i, pick(random), pick(random) + "-actor", pick(random), payload, evidence, corrects);
                byte[] utf8 = payload.getBytes(StandardCharsets.UTF_8);

                ByteArrayOutputStream out = new ByteArrayOutputStream();
                encoder.head(seq, at, e.bureau(), e.objectType(), e.objectId(), e.step(), e.actor(), e.entryType());
                out.write(encoder.bytes());
                out.write(utf8);
                encoder.tail(joined, corrects != null, corrects == null ? 0 : corrects);
                out.write(encoder.bytes());
                assertArrayEquals(e.leafInput(), out.toByteArray(), "entry " + i + " " + h.algorithm());

                byte[] leaf = new byte[40];
                encoder.leaf(seq, at, e.bureau(), e.objectType(), e.objectId(), e.step(), e.actor(), e.entryType(), utf8,
                        joined, corrects != null, corrects == null ? 0 : corrects, leaf, 8);
                assertArrayEquals(Merkle.leafHash(h, e.leafInput()), java.util.Arrays.copyOfRange(leaf, 8, 40),
                        "leaf " + i + " " + h.algorithm());
            }
        }
    }

    private static String pick(Random random) {
        return TEXTS[random.nextInt(TEXTS.length)];
    }
}
