package org.zhifa.spotcheck.internal.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.zhifa.api.common.Actor;
import org.zhifa.api.common.Roles;
import org.zhifa.api.spotcheck.Draw;
import org.zhifa.api.spotcheck.DrawVerification;
import org.zhifa.api.spotcheck.InspectionTarget;
import org.zhifa.api.spotcheck.SeedSource;
import org.zhifa.api.spotcheck.SpotCheckService;
import org.zhifa.api.spotcheck.TargetFilter;

/**
 * What the commands do with what the service answers: a failed re-run lists every problem and exits non-zero
 * (the shell's exit comes from the exception), ids and options are checked before the service is asked.
 */
class ShellCommandsTest {
    private static final Actor LEADER = new Actor("leader", Set.of(Roles.LEADER));

    /** A service that answers {@code method} with {@code answer}, records its arguments, and refuses the rest. */
    private static SpotCheckService service(String method, Object answer, AtomicReference<Object[]> args) {
        return (SpotCheckService) Proxy.newProxyInstance(ShellCommandsTest.class.getClassLoader(),
                new Class<?>[] {SpotCheckService.class}, (p, m, a) -> {
                    if (m.getName().equals(method)) {
                        args.set(a);
                        return answer;
                    }
                    throw new AssertionError("not expected: " + m.getName());
                });
    }

    private static String out(Runnable r) {
        PrintStream old = System.out;
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        System.setOut(new PrintStream(b, true, StandardCharsets.UTF_8));
        try {
            r.run();
        } finally {
            System.setOut(old);
        }
        return b.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aMismatchListsEveryProblemAndExitsNonZero() {
        VerifyCommand c = new VerifyCommand();
        c.user = () -> LEADER;
        c.service = service("verify", new DrawVerification(7, false, "rfc3797-sha256/1", "1./", null,
                List.of("targetsHash 不一致", "result 不一致")), new AtomicReference<>());
        c.draw = "7";
        AtomicReference<IllegalArgumentException> thrown = new AtomicReference<>();
        String printed = out(() -> thrown.set(assertThrows(IllegalArgumentException.class, c::execute)));
        assertTrue(printed.contains("targetsHash 不一致") && printed.contains("result 不一致"), printed);
        assertTrue(thrown.get().getMessage().contains("核验未通过") && thrown.get().getMessage().contains("2 mismatches"),
                thrown.get().getMessage());

        c.service = service("verify", new DrawVerification(7, true, "rfc3797-sha256/1", "1./", null, List.of()),
                new AtomicReference<>());
        assertTrue(out(() -> c.execute()).contains("核验通过"));
    }

    @Test
    void idsAreCheckedBeforeTheServiceIsAsked() {
        VerifyCommand c = new VerifyCommand();
        c.user = () -> LEADER;
        c.service = service("none", null, new AtomicReference<>());
        for (String bad : new String[] {"x1", "0", "-3", "1e3", "12345678901234567890", ""}) {
            c.draw = bad;
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, c::execute, bad);
            assertTrue(e.getMessage().contains("抽取编号") && e.getMessage().contains("draw id"), e.getMessage());
        }
    }

    @Test
    void sourcesAreAnnouncedInOrderWithTheUnorderedOnesMarked() {
        AnnounceCommand c = new AnnounceCommand();
        c.user = () -> LEADER;
        AtomicReference<Object[]> args = new AtomicReference<>();
        Draw announced = new Draw(5, 2, 1, null, null, Draw.SeedMode.PUBLIC_SOURCES,
                List.of(new SeedSource("红球", List.of(), false), new SeedSource("3D", List.of(), true)),
                java.time.Instant.EPOCH, "leader", Draw.Status.ANNOUNCED, null, null, null, null, null, 0, 0, null,
                null, null, null);
        c.service = service("announce", announced, args);
        c.plan = "2";
        c.sources = List.of("红球", "3D");
        c.unordered = List.of(1);
        String printed = out(() -> c.execute());
        assertTrue(printed.contains("已公告抽取 5") && printed.contains("zhifa:draw-make 5"), printed);
        assertEquals(2L, args.get()[0]);
        assertEquals(List.of(new SeedSource("红球", List.of(), false), new SeedSource("3D", List.of(), true)), args.get()[2]);

        c.unordered = List.of(3);
        assertThrows(IllegalArgumentException.class, c::execute);
        c.unordered = null;
        c.random = true;
        assertTrue(assertThrows(IllegalArgumentException.class, c::execute).getMessage().contains("--random"));
    }

    @Test
    void filtersTakeChineseNamesOrConstants() {
        TargetFilter f = Shell.filter("矿", List.of("企业", "individual_business"), List.of("西渡镇"), List.of("高风险", "LOW"),
                List.of("采矿"));
        assertEquals(Set.of(InspectionTarget.TargetType.ENTERPRISE, InspectionTarget.TargetType.INDIVIDUAL_BUSINESS),
                f.types());
        assertEquals(Set.of(InspectionTarget.Risk.HIGH, InspectionTarget.Risk.LOW), f.risks());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Shell.filter(null, List.of("工厂"), null, null, null))
                .getMessage().contains("工厂"));
    }
}
