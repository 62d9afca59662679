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

class LeafPartsTest {
    private static final String[] TEXTS = {null, "", "case", "调查取证", "a\"b\\c\nd\te\u0001f", "𠀀 emoji 😀", "x y"};

    @Test
    void theThreePartsAreExactlyTheLeafInput() throws Exception {
        Random random = new Random(7);
        LeafParts parts = new LeafParts();
        long at = 1_790_000_000_000L;
        for (int i = 0; i < 2_000; i++) {
            at += random.nextInt(3); // repeated and changing times
            List<String> evidence = switch (random.nextInt(3)) {
                case 0 -> List.of();
                case 1 -> List.of("a".repeat(64));
                default -> List.of("b".repeat(64), "c".repeat(64));
            };
            Long corrects = random.nextBoolean() ? null : (long) random.nextInt(1000);
            String payload = "{\"n\":" + i + ",\"t\":\"" + TEXTS[1 + random.nextInt(TEXTS.length - 1)]
                    .replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\t", "\\t")
                    .replace("\u0001", "\\u0001") + "\"}";
            RecordEntry e = new RecordEntry(i, Instant.ofEpochMilli(at), "430421", pick(random), pick(random) + i,
                    pick(random), pick(random) + "-actor", pick(random), payload, evidence, corrects);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(parts.head(e.seq(), at, e.bureau(), e.objectType(), e.objectId(), e.step(), e.actor(),
                    e.entryType()));
            byte[] utf8 = payload.getBytes(StandardCharsets.UTF_8);
            out.write(utf8);
            out.write(parts.tail(evidence, corrects));
            assertArrayEquals(e.leafInput(), out.toByteArray(), "entry " + i);
            assertArrayEquals(Merkle.leafHash(Merkle.SHA256, e.leafInput()), LeafParts.leafHash(Merkle.SHA256,
                    parts.head(e.seq(), at, e.bureau(), e.objectType(), e.objectId(), e.step(), e.actor(), e.entryType()),
                    utf8, parts.tail(evidence, corrects)));
        }
    }

    private static String pick(Random random) {
        return TEXTS[random.nextInt(TEXTS.length)];
    }
}
