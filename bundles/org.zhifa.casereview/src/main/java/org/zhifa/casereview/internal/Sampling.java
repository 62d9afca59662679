package org.zhifa.casereview.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The random sample of a round, reproducible by anyone from the seed and the population: the case ids
 * sorted ascending, shuffled by Fisher–Yates from the last position down with {@link java.util.Random}
 * (its algorithm is fixed by the Java SE specification) seeded with the seed, the first {@code n} taken
 * and sorted again.
 */
final class Sampling {
    private Sampling() {}

    static List<Long> sample(List<Long> population, int n, long seed) {
        List<Long> ids = new ArrayList<>(population);
        ids.sort(null);
        Random random = new Random(seed);
        for (int i = ids.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Long t = ids.get(i);
            ids.set(i, ids.get(j));
            ids.set(j, t);
        }
        List<Long> chosen = new ArrayList<>(ids.subList(0, Math.min(n, ids.size())));
        chosen.sort(null);
        return chosen;
    }
}
