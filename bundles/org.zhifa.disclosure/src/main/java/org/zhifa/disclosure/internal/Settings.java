package org.zhifa.disclosure.internal;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.TreeMap;

import org.zhifa.api.disclosure.ItemType;

/**
 * What configuration sets. Deadlines and posting periods are looked up from the most to the least specific
 * key, so a province adds a kind or a severity by adding one line.
 */
record Settings(int warningWorkingDays, int withdrawalWorkingDays, Duration retryBase, Duration retryCap,
                Duration alarmAfter, Duration poll, LocalTime expireAt, int maxTextChars, ZoneId zone,
                Map<String, Integer> deadlines, Map<String, Integer> posting) {

    /** The national defaults (D3: 7 working days for 许可 and 处罚, 20 for the rest; D6 posting periods). */
    static final Map<String, Integer> DEFAULT_DEADLINES = Map.of("deadline.DECISION", 20, "deadline.DECISION.penalty", 7,
            "deadline.DECISION.license", 7, "deadline.NOTICE", 20, "deadline.CATALOGUE", 20);
    static final Map<String, Integer> DEFAULT_POSTING = Map.of("posting.default", 1095, "posting.penalty.ordinary", 365,
            "posting.penalty.major", 1095, "posting.CATALOGUE", 0);

    Settings {
        if (warningWorkingDays < 0 || withdrawalWorkingDays < 1 || retryBase.isNegative() || retryBase.isZero()
                || retryCap.compareTo(retryBase) < 0 || alarmAfter.isNegative() || poll.toMillis() < 10
                || maxTextChars < 100) {
            throw new IllegalArgumentException("org.zhifa.disclosure: warningWorkingDays >= 0, withdrawalWorkingDays >= 1,"
                    + " 0 < retryBaseSeconds <= retryCapSeconds, alarmMinutes >= 0, pollMillis >= 10, maxTextChars >= 100");
        }
        deadlines = Map.copyOf(deadlines);
        posting = Map.copyOf(posting);
        deadlines.values().forEach(v -> {
            if (v < 0) {
                throw new IllegalArgumentException("org.zhifa.disclosure: deadline.* must be >= 0");
            }
        });
        posting.values().forEach(v -> {
            if (v < 0) {
                throw new IllegalArgumentException("org.zhifa.disclosure: posting.* must be >= 0 (0 = no end)");
            }
        });
    }

    static Settings of(DisclosureConfig c, Map<String, ?> properties) {
        Map<String, Integer> deadlines = new TreeMap<>(DEFAULT_DEADLINES);
        Map<String, Integer> posting = new TreeMap<>(DEFAULT_POSTING);
        if (properties != null) {
            properties.forEach((k, v) -> {
                if (k.startsWith("deadline.")) {
                    deadlines.put(k, number(k, v));
                } else if (k.startsWith("posting.")) {
                    posting.put(k, number(k, v));
                }
            });
        }
        return new Settings(c.warningWorkingDays(), c.withdrawalWorkingDays(), Duration.ofSeconds(c.retryBaseSeconds()),
                Duration.ofSeconds(c.retryCapSeconds()), Duration.ofMinutes(c.alarmMinutes()),
                Duration.ofMillis(c.pollMillis()), LocalTime.parse(c.expireAt().strip()), c.maxTextChars(),
                ZoneId.of(c.zone().strip()), deadlines, posting);
    }

    private static int number(String key, Object v) {
        try {
            return Integer.parseInt(String.valueOf(v).strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("org.zhifa.disclosure: " + key + " is not a whole number: " + v);
        }
    }

    /** Working days to publish a hand-made item of {@code type} (and {@code kind}, when given). */
    int deadline(ItemType type, String kind) {
        if (kind != null && deadlines.containsKey("deadline." + type + "." + kind)) {
            return deadlines.get("deadline." + type + "." + kind);
        }
        return deadlines.getOrDefault("deadline." + type, 20);
    }

    /** Posting days of an item (0 = no end). */
    int postingDays(ItemType type, String kind, boolean major) {
        if (kind != null) {
            String k = "posting." + kind;
            Integer v = posting.get(k + (major ? ".major" : ".ordinary"));
            if (v != null) {
                return v;
            }
            if (posting.containsKey(k)) {
                return posting.get(k);
            }
        }
        Integer v = posting.get("posting." + type);
        return v != null ? v : posting.getOrDefault("posting.default", 1095);
    }

    /** Back-off after the {@code failures}-th failure in a row: base · 2^(failures−1), at most the cap. */
    Duration backoff(int failures) {
        int shift = Math.max(0, Math.min(failures - 1, 30));
        long seconds = retryBase.getSeconds() << shift;
        if (seconds <= 0 || seconds > retryCap.getSeconds()) {
            return retryCap;
        }
        return Duration.ofSeconds(seconds);
    }
}
