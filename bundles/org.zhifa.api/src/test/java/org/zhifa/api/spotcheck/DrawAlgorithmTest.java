package org.zhifa.api.spotcheck;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class DrawAlgorithmTest {

    /** RFC 3797 §6, the fully worked example: its key string and its 16 selections out of 25 names. */
    @Test
    void reproducesTheWorkedExampleOfRfc3797() {
        String key = DrawAlgorithm.key(List.of(
                new SeedSource("lottery 1", List.of("9319"), false),
                new SeedSource("lottery 2", List.of("2", "5", "12", "8", "10"), false),
                new SeedSource("lottery 3", List.of("9", "18", "26", "34", "41", "45"), false)));
        assertEquals("9319./2.5.8.10.12./9.18.26.34.41.45./", key);
        int[] picked = DrawAlgorithm.select(DrawAlgorithm.RFC3797_MD5, key, "", 25, 16);
        // the RFC numbers the pool from 1
        int[] rfc = {17, 7, 2, 16, 25, 23, 8, 24, 19, 13, 22, 5, 18, 9, 1, 4};
        assertArrayEquals(IntStream.of(rfc).map(i -> i - 1).toArray(), picked);
    }

    @Test
    void buildsTheKeyOfMixedAndOrderedSources() {
        assertEquals("7.007X./1.3./", DrawAlgorithm.key(List.of(
                new SeedSource("ordered", List.of("007", " 007x "), true),
                new SeedSource("balls", List.of("03", "1"), false))));
        assertEquals("1.2.10.AB./", DrawAlgorithm.key(List.of(new SeedSource("s", List.of("ab", "10", "0002", "1"), false))));
        assertEquals("10.2./", DrawAlgorithm.key(List.of(new SeedSource("s", List.of("10", "2"), true))));
        assertEquals("-5.3.+3ISNOTANINTEGER./", DrawAlgorithm.key(List.of(
                new SeedSource("s", List.of("-05", "+3", "+3 is not an integer"), true))));
        assertThrows(IllegalArgumentException.class, () -> DrawAlgorithm.key(List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> DrawAlgorithm.key(List.of(new SeedSource("empty", List.of(), false))));
        assertThrows(IllegalArgumentException.class,
                () -> DrawAlgorithm.key(List.of(new SeedSource("blank", List.of(" "), false))));
    }

    @Test
    void picksWithoutReplacementAndEveryoneWhenAsked() {
        int[] all = DrawAlgorithm.select(DrawAlgorithm.SHA256, "k", "", 50, 50);
        assertEquals(50, IntStream.of(all).distinct().count());
        int[] some = DrawAlgorithm.select(DrawAlgorithm.SHA256, "k", "", 50, 7);
        // a longer draw starts with the shorter one (RFC 3797's property)
        assertArrayEquals(some, java.util.Arrays.copyOf(all, 7));
        assertEquals(0, DrawAlgorithm.select(DrawAlgorithm.SHA256, "k", "", 5, 0).length);
        assertThrows(IllegalArgumentException.class, () -> DrawAlgorithm.select(DrawAlgorithm.SHA256, "k", "", 5, 6));
        assertThrows(IllegalArgumentException.class, () -> DrawAlgorithm.select("md4", "k", "", 5, 1));
        assertThrows(IllegalArgumentException.class, () -> DrawAlgorithm.select(DrawAlgorithm.SHA256, " ", "", 5, 1));
        assertNotEquals(java.util.Arrays.toString(DrawAlgorithm.select(DrawAlgorithm.SHA256, "k", "", 50, 5)),
                java.util.Arrays.toString(DrawAlgorithm.select(DrawAlgorithm.SHA256, "k", "x/", 50, 5)));
    }

    /** Over 10 000 draws every target is drawn equally often, and equally often first (chi-square). */
    @Test
    void drawsTargetsUniformly() {
        int n = 40, k = 4, draws = 10_000;
        long[] drawn = new long[n];
        long[] first = new long[n];
        for (int d = 0; d < draws; d++) {
            int[] p = DrawAlgorithm.select(DrawAlgorithm.SHA256, "uniformity-" + d, "", n, k);
            first[p[0]]++;
            for (int i : p) {
                drawn[i]++;
            }
        }
        // chi-square critical value for 39 degrees of freedom at p = 0.001
        double critical = 72.05;
        assertTrue(chiSquare(drawn, (double) draws * k / n) < critical, () -> "drawn " + java.util.Arrays.toString(drawn));
        assertTrue(chiSquare(first, (double) draws / n) < critical, () -> "first " + java.util.Arrays.toString(first));
    }

    /** Inspectors too: 2 of 10 eligible, 10 000 draws, each inspector equally often (chi-square, 9 df). */
    @Test
    void drawsInspectorsUniformly() {
        List<DrawInspector> inspectors = IntStream.range(0, 10)
                .mapToObj(i -> new DrawInspector("i" + i, "检查员" + i, "乙镇")).toList();
        long[] count = new long[10];
        for (int d = 0; d < 10_000; d++) {
            DrawResult r = DrawAlgorithm.draw(new DrawInput(DrawAlgorithm.SHA256, DrawAlgorithm.randomKey(new SecureRandom()),
                    targets(3), inspectors, 1, 2, false, List.of()));
            for (DrawInspector i : r.assignments().get(0).inspectors()) {
                count[Integer.parseInt(i.id().substring(1))]++;
            }
        }
        assertTrue(chiSquare(count, 2000) < 27.88, () -> java.util.Arrays.toString(count)); // 9 df, p = 0.001
    }

    private static double chiSquare(long[] observed, double expected) {
        double x = 0;
        for (long o : observed) {
            x += (o - expected) * (o - expected) / expected;
        }
        return x;
    }

    @Test
    void assignsDistinctInspectorsAndHonoursRecusal() {
        List<DrawTarget> targets = targets(20);
        List<DrawInspector> inspectors = List.of(
                new DrawInspector("1", "张三", "甲镇"), new DrawInspector("2", "李四", "乙镇"),
                new DrawInspector("3", "王五", "甲镇"), new DrawInspector("4", "赵六", "丙镇"),
                new DrawInspector("5", "钱七", "乙镇"));
        List<Conflict> conflicts = List.of(new Conflict("4", "t7", "亲属在该企业任职"));
        DrawInput in = new DrawInput(DrawAlgorithm.SHA256, "recusal", targets, inspectors, 20, 2, true, conflicts);
        assertEquals(List.of(), DrawAlgorithm.shortages(in));
        DrawResult r = DrawAlgorithm.draw(in);
        assertEquals(20, r.assignments().size());
        assertEquals(20, r.assignments().stream().map(a -> a.target().id()).distinct().count());
        for (DrawResult.Assignment a : r.assignments()) {
            assertEquals(2, a.inspectors().stream().map(DrawInspector::id).distinct().count());
            for (DrawInspector i : a.inspectors()) {
                assertNotEquals(a.target().area(), i.area(), a + " has an inspector of its own area");
            }
            if (a.target().id().equals("t7")) {
                assertTrue(a.inspectors().stream().noneMatch(i -> i.id().equals("4")));
            }
        }
        assertTrue(r.recusals().contains(new DrawResult.Recusal("t7", "4", DrawResult.Recusal.Ground.CONFLICT,
                "亲属在该企业任职")));
        assertTrue(r.recusals().stream().anyMatch(x -> x.ground() == DrawResult.Recusal.Ground.OWN_AREA
                && x.inspectorId().equals("1")));
    }

    @Test
    void oneTargetsRecusalLeavesTheOtherTargetsAlone() {
        List<DrawInspector> inspectors = IntStream.range(0, 8)
                .mapToObj(i -> new DrawInspector("i" + i, "检查员" + i, "")).toList();
        DrawInput plain = new DrawInput(DrawAlgorithm.SHA256, "independent", targets(10), inspectors, 5, 2, false, List.of());
        DrawResult a = DrawAlgorithm.draw(plain);
        String victim = a.assignments().get(0).target().id();
        DrawResult b = DrawAlgorithm.draw(new DrawInput(plain.algorithm(), plain.key(), plain.targets(), inspectors, 5, 2,
                false, List.of(new Conflict(a.assignments().get(0).inspectors().get(0).id(), victim, "回避"))));
        assertEquals(a.assignments().stream().map(x -> x.target().id()).toList(),
                b.assignments().stream().map(x -> x.target().id()).toList());
        assertNotEquals(a.assignments().get(0).inspectors(), b.assignments().get(0).inspectors());
        assertEquals(a.assignments().subList(1, 5), b.assignments().subList(1, 5));
    }

    @Test
    void findsShortagesBeforeAnythingIsDrawn() {
        List<DrawInspector> inspectors = List.of(new DrawInspector("1", "张三", "甲镇"),
                new DrawInspector("2", "李四", "甲镇"), new DrawInspector("3", "王五", "乙镇"));
        DrawInput in = new DrawInput(DrawAlgorithm.SHA256, "short", targets(4), inspectors, 4, 2, true, List.of());
        // targets t0 and t2 are in 甲镇 (even ids), t1 and t3 in 乙镇
        assertEquals(List.of(new DrawAlgorithm.Shortage("t0", 1, 2), new DrawAlgorithm.Shortage("t2", 1, 2)),
                DrawAlgorithm.shortages(in));
        assertThrows(IllegalArgumentException.class, () -> DrawAlgorithm.draw(in));
    }

    @Test
    void refusesWrongInput() {
        List<DrawInspector> two = List.of(new DrawInspector("1", "a", ""), new DrawInspector("2", "b", ""));
        assertThrows(IllegalArgumentException.class, () -> DrawAlgorithm.draw(
                new DrawInput(DrawAlgorithm.SHA256, "k", targets(3), two, 1, 1, false, List.of())));
        assertThrows(IllegalArgumentException.class, () -> DrawAlgorithm.draw(
                new DrawInput(DrawAlgorithm.SHA256, "k", targets(3), two, 4, 2, false, List.of())));
        assertThrows(IllegalArgumentException.class, () -> DrawAlgorithm.draw(
                new DrawInput(DrawAlgorithm.SHA256, "k", targets(3), two, 0, 2, false, List.of())));
        assertThrows(IllegalArgumentException.class, () -> DrawAlgorithm.draw(
                new DrawInput("sha1", "k", targets(3), two, 1, 2, false, List.of())));
        assertThrows(IllegalArgumentException.class, () -> DrawAlgorithm.draw(
                new DrawInput(DrawAlgorithm.SHA256, "k", List.of(new DrawTarget("x", "甲", "", ""),
                        new DrawTarget("x", "乙", "", "")), two, 1, 2, false, List.of())));
        assertThrows(IllegalArgumentException.class, () -> DrawAlgorithm.draw(
                new DrawInput(DrawAlgorithm.SHA256, "k", targets(3), two, 1, 2, false,
                        List.of(new Conflict("9", "t0", "nobody")))));
    }

    @Test
    void hashesTheSnapshotsUnambiguously() {
        List<DrawTarget> a = List.of(new DrawTarget("1", "a\tb", "c", ""));
        List<DrawTarget> b = List.of(new DrawTarget("1", "a", "b\tc", ""));
        assertNotEquals(DrawAlgorithm.targetsHash(a), DrawAlgorithm.targetsHash(b));
        assertEquals(DrawAlgorithm.targetsHash(targets(5)), DrawAlgorithm.targetsHash(targets(5)));
        assertNotEquals(DrawAlgorithm.targetsHash(targets(5)), DrawAlgorithm.targetsHash(targets(5).subList(0, 4)));
        assertEquals(64, DrawAlgorithm.inspectorsHash(List.of()).length());
        assertNotEquals(DrawAlgorithm.conflictsHash(List.of(new Conflict("1", "2", "x"))),
                DrawAlgorithm.conflictsHash(List.of(new Conflict("1", "2", "y"))));
    }

    /**
     * "Another machine": the same draw in a fresh JVM with another default locale, charset and time zone
     * gives the same result, and so does this frozen one (changing the algorithm needs a new version name).
     */
    @Test
    void theSameDrawElsewhereGivesTheSameResult() throws Exception {
        String here = Replay.run();
        assertEquals(FROZEN, here);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-Duser.language=tr", "-Duser.country=TR",
                "-Dfile.encoding=ISO-8859-1", "-Duser.timezone=Pacific/Kiritimati",
                "-cp", System.getProperty("java.class.path"), Replay.class.getName())
                .redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "replay JVM did not finish");
        String there = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, p.exitValue(), there);
        assertEquals(here, there);
    }

    private static final String FROZEN = "t1:i2,i1 t4:i5,i0 t6:i4,i2";

    /** Prints a fixed draw; run in its own JVM by the test above. */
    public static final class Replay {
        public static void main(String[] args) throws IOException {
            System.out.write((run() + "\n").getBytes(StandardCharsets.UTF_8));
            System.out.flush();
        }

        static String run() {
            String key = DrawAlgorithm.key(List.of(new SeedSource("福彩3D 2026-12-01", List.of("4", "0", "7"), true),
                    new SeedSource("上证综指收盘 2026-12-01", List.of("3412.56"), true)));
            List<DrawInspector> inspectors = IntStream.range(0, 6)
                    .mapToObj(i -> new DrawInspector("i" + i, "检查员" + i, i % 2 == 0 ? "甲镇" : "乙镇")).toList();
            DrawResult r = DrawAlgorithm.draw(new DrawInput(DrawAlgorithm.SHA256, key, targets(12), inspectors, 3, 2,
                    false, List.of(new Conflict("i1", "t0", "曾为该企业提供咨询"))));
            return r.assignments().stream().map(a -> a.target().id() + ":"
                    + a.inspectors().stream().map(DrawInspector::id).collect(Collectors.joining(",")))
                    .collect(Collectors.joining(" "));
        }
    }

    /** t0…t(n-1), even ids in 甲镇, odd in 乙镇. */
    static List<DrawTarget> targets(int n) {
        List<DrawTarget> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new DrawTarget("t" + i, "某某矿业有限公司" + i, String.format("91430421MA4L%06dX", i),
                    i % 2 == 0 ? "甲镇" : "乙镇"));
        }
        return out;
    }
}
