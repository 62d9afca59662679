package org.zhifa.api.spotcheck;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The draw of 双随机、一公开 (S2, S3), a publicly verifiable random selection after RFC 3797: plain Java, no
 * state, no clock — anyone with the recorded input re-runs it and gets the same result (the bureau's
 * {@code zhifa:draw-verify} and the offline verifier both call this class).
 *
 * <p><b>The key</b> is either {@link #key(List) made from public sources} announced before the draw, exactly
 * as RFC 3797 §4 builds it (each value followed by {@code .}, each source by {@code /}, unordered values
 * sorted), or the hex of 32 bytes from a secure random source ({@link #randomKey(SecureRandom)}).
 *
 * <p><b>A selection</b> of {@code count} out of a pool of {@code n} in its published order, without
 * replacement: for j = 0, 1, … the j-th pick is {@code H(j ‖ key ‖ stream ‖ j)} read as an unsigned
 * big-endian integer, modulo the number of candidates left; that candidate is taken out and the rest close
 * up. With {@link #RFC3797_MD5}, H is MD5 and j two bytes — RFC 3797 to the letter (its §6 example is a
 * test); with {@link #SHA256} (the default) H is SHA-256 and j four bytes.
 *
 * <p><b>A draw</b> selects {@code targetCount} targets from the target pool (stream empty), then for each
 * drawn target {@code inspectorsPerTarget} inspectors from the inspectors left after recusal (stream
 * {@code inspectors/<target id>/}), so one target's recusals never change another target's inspectors.
 */
public final class DrawAlgorithm {

    /** RFC 3797's construction with SHA-256 and four-byte counters: the default. */
    public static final String SHA256 = "rfc3797-sha256/1";
    /** RFC 3797 to the letter (MD5, two-byte counters); for bureaus that must name the RFC's own hash. */
    public static final String RFC3797_MD5 = "rfc3797-md5";

    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    private DrawAlgorithm() {}

    /** Whether {@code algorithm} names a known algorithm. */
    public static boolean known(String algorithm) {
        return SHA256.equals(algorithm) || RFC3797_MD5.equals(algorithm);
    }

    /**
     * The key string of RFC 3797 §4 from public sources: every integer without leading zeros, every other
     * value upper-cased without white space, each followed by a period; an unordered source's values sorted
     * (integers by value, before the other values); each source ends with a slash.
     *
     * @throws IllegalArgumentException for no source, a source without values, or a blank value
     */
    public static String key(List<SeedSource> sources) {
        if (sources == null || sources.isEmpty()) {
            throw new IllegalArgumentException("no source of randomness");
        }
        StringBuilder key = new StringBuilder();
        for (SeedSource s : sources) {
            if (s.values().isEmpty()) {
                throw new IllegalArgumentException("source without values: " + s.label());
            }
            List<Object> values = new ArrayList<>();
            for (String raw : s.values()) {
                String v = raw == null ? "" : SPACE.matcher(raw).replaceAll("");
                if (v.isEmpty()) {
                    throw new IllegalArgumentException("blank value in source: " + s.label());
                }
                values.add(INTEGER.matcher(v).matches() ? new BigInteger(v) : v.toUpperCase(Locale.ROOT));
            }
            if (!s.ordered()) {
                values.sort(Comparator.comparing((Object v) -> v instanceof BigInteger ? 0 : 1)
                        .thenComparing((a, b) -> a instanceof BigInteger x
                                ? x.compareTo((BigInteger) b) : ((String) a).compareTo((String) b)));
            }
            for (Object v : values) {
                key.append(v).append('.');
            }
            key.append('/');
        }
        return key.toString();
    }

    /** A key from a secure random source: 32 bytes as lower-case hex. */
    public static String randomKey(SecureRandom random) {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /**
     * Picks {@code count} of {@code poolSize} candidates without replacement.
     *
     * @return the picked candidates' 0-based positions in the pool, in the order they were picked
     * @throws IllegalArgumentException for an unknown algorithm, a blank key, or count outside 0..poolSize
     */
    public static int[] select(String algorithm, String key, String stream, int poolSize, int count) {
        if (!known(algorithm)) {
            throw new IllegalArgumentException("unknown draw algorithm: " + algorithm);
        }
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("blank key");
        }
        if (count < 0 || count > poolSize) {
            throw new IllegalArgumentException("cannot pick " + count + " of " + poolSize);
        }
        boolean md5 = RFC3797_MD5.equals(algorithm);
        if (md5 && count > 0xFFFF) {
            throw new IllegalArgumentException("RFC 3797 picks at most 65535");
        }
        byte[] body = (key + (stream == null ? "" : stream)).getBytes(StandardCharsets.UTF_8);
        MessageDigest digest = digest(md5 ? "MD5" : "SHA-256");
        int counterBytes = md5 ? 2 : 4;
        byte[] counter = new byte[counterBytes];
        List<Integer> left = new ArrayList<>(poolSize);
        for (int i = 0; i < poolSize; i++) {
            left.add(i);
        }
        int[] picked = new int[count];
        for (int j = 0; j < count; j++) {
            for (int b = 0; b < counterBytes; b++) {
                counter[b] = (byte) (j >>> (8 * (counterBytes - 1 - b)));
            }
            digest.update(counter);
            digest.update(body);
            digest.update(counter);
            BigInteger value = new BigInteger(1, digest.digest());
            picked[j] = left.remove(value.mod(BigInteger.valueOf(left.size())).intValue());
        }
        return picked;
    }

    /** A drawn target whose inspectors left after recusal are fewer than a draw needs. */
    public record Shortage(String targetId, int eligible, int needed) {}

    /**
     * What would stop a draw, found before anything is drawn so a refusal reveals nothing of the outcome:
     * every target of the pool must keep enough inspectors after recusal.
     *
     * @throws IllegalArgumentException for input that is wrong in itself (see {@link #draw})
     */
    public static List<Shortage> shortages(DrawInput in) {
        validate(in);
        List<Shortage> out = new ArrayList<>();
        Map<String, Set<String>> conflicts = conflictsByTarget(in);
        for (DrawTarget t : in.targets()) {
            int eligible = 0;
            for (DrawInspector i : in.inspectors()) {
                if (recusal(in, conflicts, t, i) == null) {
                    eligible++;
                }
            }
            if (eligible < in.inspectorsPerTarget()) {
                out.add(new Shortage(t.id(), eligible, in.inspectorsPerTarget()));
            }
        }
        return out;
    }

    /**
     * Runs the draw.
     *
     * @throws IllegalArgumentException for an unknown algorithm, a blank key, duplicate or blank ids, fewer
     *         than 2 inspectors per target, a target count outside 1..pool size, a conflict naming nobody in
     *         the pools, or a drawn target left with too few inspectors (check {@link #shortages} first)
     */
    public static DrawResult draw(DrawInput in) {
        validate(in);
        Map<String, Set<String>> conflicts = conflictsByTarget(in);
        List<DrawResult.Assignment> assignments = new ArrayList<>();
        List<DrawResult.Recusal> recusals = new ArrayList<>();
        for (int t : select(in.algorithm(), in.key(), "", in.targets().size(), in.targetCount())) {
            DrawTarget target = in.targets().get(t);
            List<DrawInspector> eligible = new ArrayList<>();
            for (DrawInspector i : in.inspectors()) {
                DrawResult.Recusal r = recusal(in, conflicts, target, i);
                if (r == null) {
                    eligible.add(i);
                } else {
                    recusals.add(r);
                }
            }
            if (eligible.size() < in.inspectorsPerTarget()) {
                throw new IllegalArgumentException("target " + target.id() + " keeps " + eligible.size()
                        + " inspectors after recusal, needs " + in.inspectorsPerTarget());
            }
            List<DrawInspector> chosen = new ArrayList<>();
            for (int i : select(in.algorithm(), in.key(), "inspectors/" + target.id() + "/", eligible.size(),
                    in.inspectorsPerTarget())) {
                chosen.add(eligible.get(i));
            }
            assignments.add(new DrawResult.Assignment(target, chosen));
        }
        return new DrawResult(assignments, recusals);
    }

    private static DrawResult.Recusal recusal(DrawInput in, Map<String, Set<String>> conflicts, DrawTarget t,
                                              DrawInspector i) {
        if (conflicts.getOrDefault(t.id(), Set.of()).contains(i.id())) {
            String reason = "";
            for (Conflict c : in.conflicts()) {
                if (c.targetId().equals(t.id()) && c.inspectorId().equals(i.id())) {
                    reason = c.reason() == null ? "" : c.reason();
                    break;
                }
            }
            return new DrawResult.Recusal(t.id(), i.id(), DrawResult.Recusal.Ground.CONFLICT, reason);
        }
        if (in.excludeOwnArea() && !blank(i.area()) && i.area().equals(t.area())) {
            return new DrawResult.Recusal(t.id(), i.id(), DrawResult.Recusal.Ground.OWN_AREA, i.area());
        }
        return null;
    }

    private static Map<String, Set<String>> conflictsByTarget(DrawInput in) {
        Map<String, Set<String>> m = new HashMap<>();
        for (Conflict c : in.conflicts()) {
            m.computeIfAbsent(c.targetId(), k -> new HashSet<>()).add(c.inspectorId());
        }
        return m;
    }

    private static void validate(DrawInput in) {
        if (!known(in.algorithm())) {
            throw new IllegalArgumentException("unknown draw algorithm: " + in.algorithm());
        }
        if (blank(in.key())) {
            throw new IllegalArgumentException("blank key");
        }
        if (in.inspectorsPerTarget() < 2) {
            throw new IllegalArgumentException("at least 2 inspectors per target (S2)");
        }
        if (in.targetCount() < 1 || in.targetCount() > in.targets().size()) {
            throw new IllegalArgumentException("cannot draw " + in.targetCount() + " of "
                    + in.targets().size() + " targets");
        }
        Set<String> targets = ids(in.targets().stream().map(DrawTarget::id).toList(), "target");
        Set<String> inspectors = ids(in.inspectors().stream().map(DrawInspector::id).toList(), "inspector");
        for (Conflict c : in.conflicts()) {
            if (!targets.contains(c.targetId()) || !inspectors.contains(c.inspectorId())) {
                throw new IllegalArgumentException("conflict names nobody in the pools: " + c.inspectorId()
                        + " / " + c.targetId());
            }
        }
    }

    private static Set<String> ids(List<String> ids, String what) {
        Set<String> seen = new HashSet<>();
        for (String id : ids) {
            if (blank(id) || !seen.add(id)) {
                throw new IllegalArgumentException("blank or duplicate " + what + " id: " + id);
            }
        }
        return seen;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** SHA-256 (hex) of the target pool snapshot, in its order: what the record keeps of the pool. */
    public static String targetsHash(List<DrawTarget> targets) {
        StringBuilder b = new StringBuilder();
        for (DrawTarget t : targets) {
            line(b, t.id(), t.name(), t.creditCode(), t.area());
        }
        return sha256(b);
    }

    /** SHA-256 (hex) of the inspector pool snapshot, in its order. */
    public static String inspectorsHash(List<DrawInspector> inspectors) {
        StringBuilder b = new StringBuilder();
        for (DrawInspector i : inspectors) {
            line(b, i.id(), i.name(), i.area());
        }
        return sha256(b);
    }

    /** SHA-256 (hex) of the declared conflicts, in their order. */
    public static String conflictsHash(List<Conflict> conflicts) {
        StringBuilder b = new StringBuilder();
        for (Conflict c : conflicts) {
            line(b, c.inspectorId(), c.targetId(), c.reason());
        }
        return sha256(b);
    }

    /** Fields separated by a tab, ended by a newline; a backslash, tab or newline inside a field escaped. */
    private static void line(StringBuilder b, String... fields) {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                b.append('\t');
            }
            String f = fields[i] == null ? "" : fields[i];
            b.append(f.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r"));
        }
        b.append('\n');
    }

    private static String sha256(CharSequence text) {
        return HexFormat.of().formatHex(digest("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest digest(String name) {
        try {
            return MessageDigest.getInstance(name);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(name + " missing from this Java", e);
        }
    }
}
