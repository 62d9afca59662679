package org.zhifa.evidence.internal;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Retention periods per record type (the case's kind), read from {@code retention.<kind>} keys with a
 * {@code retention.default}: {@code 2y}, {@code 30y}, {@code 6m}, {@code 90d} or {@code permanent}.
 */
final class Retention {

    static final String PREFIX = "retention.";
    private static final Pattern PERIOD = Pattern.compile("(\\d{1,4})\\s*([ymd])");

    /** Empty = permanent. */
    private final Map<String, Optional<Period>> byType;
    private final Optional<Period> fallback;

    private Retention(Map<String, Optional<Period>> byType, Optional<Period> fallback) {
        this.byType = byType;
        this.fallback = fallback;
    }

    static Retention of(Map<String, ?> properties) {
        Map<String, Optional<Period>> byType = new HashMap<>();
        Optional<Period> fallback = Optional.empty();
        for (Map.Entry<String, ?> e : properties.entrySet()) {
            if (!e.getKey().startsWith(PREFIX)) {
                continue;
            }
            String type = e.getKey().substring(PREFIX.length());
            Optional<Period> p = parse(String.valueOf(e.getValue()), e.getKey());
            if ("default".equals(type)) {
                fallback = p;
            } else {
                byType.put(type, p);
            }
        }
        return new Retention(Map.copyOf(byType), fallback);
    }

    static Optional<Period> parse(String text, String key) {
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        if (t.equals("permanent") || t.equals("\u6c38\u4e45")) {
            return Optional.empty();
        }
        Matcher m = PERIOD.matcher(t);
        if (!m.matches() || Integer.parseInt(m.group(1)) == 0) {
            throw new IllegalArgumentException(key + ": expected e.g. 2y, 30y, 6m, 90d or permanent, got " + text);
        }
        int n = Integer.parseInt(m.group(1));
        return Optional.of(switch (m.group(2)) {
            case "y" -> Period.ofYears(n);
            case "m" -> Period.ofMonths(n);
            default -> Period.ofDays(n);
        });
    }

    /** The period of a record type; empty = kept permanently. */
    Optional<Period> period(String type) {
        return type != null && byType.containsKey(type) ? byType.get(type) : fallback;
    }

    /** Whether something of {@code type} whose retention started at {@code start} is past it at {@code now}. */
    boolean expired(String type, Instant start, Instant now) {
        return period(type).map(p -> !start.atOffset(ZoneOffset.UTC).plus(p).toInstant().isAfter(now)).orElse(false);
    }
}
