package org.zhifa.api.spotcheck;

import java.util.List;

/**
 * Everything a draw depends on. The same input gives the same {@link DrawResult} on any machine.
 *
 * @param algorithm           {@link DrawAlgorithm#SHA256} (default) or {@link DrawAlgorithm#RFC3797_MD5}
 * @param key                 the key string: {@link DrawAlgorithm#key(List)} of public sources, or the hex of
 *                            secure random bytes
 * @param targets             the target pool in its canonical order (by id)
 * @param inspectors          the inspector pool in its canonical order (by id)
 * @param targetCount         how many targets to draw
 * @param inspectorsPerTarget at least 2 (S2)
 * @param excludeOwnArea      an inspector never inspects a target in the inspector's own area
 * @param conflicts           declared conflicts of interest
 */
public record DrawInput(String algorithm, String key, List<DrawTarget> targets, List<DrawInspector> inspectors,
                        int targetCount, int inspectorsPerTarget, boolean excludeOwnArea, List<Conflict> conflicts) {
    public DrawInput {
        targets = List.copyOf(targets);
        inspectors = List.copyOf(inspectors);
        conflicts = List.copyOf(conflicts);
    }
}
