package org.zhifa.api.spotcheck;

import java.time.Instant;
import java.util.List;

/**
 * One draw of a plan (S2, S3). It is announced first — with the public sources whose future values will
 * make its key, or as a draw from a secure random source — and drawn later; the draw writes its inputs, key,
 * pool snapshot hashes, algorithm and result to the record in one transaction before the result is shown
 * to anyone. A redraw is a new draw with a reason that names the draw it supersedes; nothing is deleted or
 * redone in place.
 *
 * @param round      1 for the plan's first draw, then 2, 3 … for redraws
 * @param supersedes the draw this one replaces, or null
 * @param sources    the announced public sources; their values once drawn (empty for SECURE_RANDOM)
 * @param key        the key the draw used (null until drawn)
 * @param recordSeq  the record entry that holds the draw (null until drawn)
 * @param result     the result (null until drawn)
 */
public record Draw(long id, long planId, int round, Long supersedes, String redrawReason, SeedMode seedMode,
                   List<SeedSource> sources, Instant announcedAt, String announcedBy, Status status,
                   String algorithm, String key, String targetsHash, String inspectorsHash, String conflictsHash,
                   int poolSize, int targetCount, Instant drawnAt, String drawnBy, Long recordSeq,
                   DrawResult result) {
    public Draw {
        sources = List.copyOf(sources);
    }

    public enum SeedMode { PUBLIC_SOURCES, SECURE_RANDOM }

    public enum Status { ANNOUNCED, DRAWN, SUPERSEDED }
}
