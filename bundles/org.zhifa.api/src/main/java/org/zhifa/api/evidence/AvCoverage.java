package org.zhifa.api.evidence;

import java.time.Instant;
import java.util.List;

import org.zhifa.api.kind.AvRule;

/**
 * Whether a case's step has the audio/video the 音像记录事项清单 asks for.
 *
 * @param gaps uncovered intervals between recordings that no interruption explains (UNINTERRUPTED only)
 */
public record AvCoverage(long caseId, String step, AvRule rule, boolean satisfied, int recordings,
                         List<Gap> gaps, String messageZh, String messageEn) {
    public AvCoverage {
        gaps = List.copyOf(gaps);
    }

    public record Gap(Instant from, Instant to) {
    }
}
