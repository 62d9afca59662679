package org.zhifa.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;

import org.junit.jupiter.api.function.Executable;
import org.zhifa.api.calendar.WorkingDays;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.kind.CaseFacts;
import org.zhifa.api.kind.CaseFacts.PartyType;
import org.zhifa.api.kind.EnforcementKind;
import org.zhifa.api.kind.TransitionCheck;

/** Builds the checks a kind is asked and asserts its refusals, the way the case engine will call it. */
public final class KindChecks {

    private final EnforcementKind kind;
    private final WorkingDays workingDays;

    public KindChecks(EnforcementKind kind, WorkingDays workingDays) {
        this.kind = kind;
        this.workingDays = workingDays;
    }

    public static CaseFacts facts(String kind, PartyType party, boolean simple, String step, LocalDate filedOn,
                                  List<String> taken, Map<String, String> fields) {
        return new CaseFacts(kind, "TEST-1", party, false, simple, step, filedOn, taken, fields);
    }

    /** The check of {@code transition} on a case in its from-step, at {@code at}. */
    public TransitionCheck check(CaseFacts facts, String transition, Map<String, String> submitted, LocalDateTime at) {
        var t = kind.procedure().transition(transition).orElseThrow(() -> new AssertionError("no transition " + transition));
        CaseFacts inStep = new CaseFacts(facts.kind(), facts.number(), facts.partyType(), facts.minor(), facts.simple(),
                t.from(), facts.filedOn(), facts.transitionsTaken(), facts.fields());
        return new TransitionCheck(inStep, t, submitted, at, workingDays);
    }

    public void allowed(CaseFacts facts, String transition, Map<String, String> submitted, LocalDateTime at) {
        kind.check(check(facts, transition, submitted, at));
    }

    /**
     * The kind refuses with {@code code} of {@code type} on {@code field}; both messages name the
     * article of law (《…》第…条 / art.).
     */
    public ZhifaException refused(ZhifaException.Kind type, String code, String field, CaseFacts facts,
                                  String transition, Map<String, String> submitted, LocalDateTime at) {
        return assertRefused(type, code, field, () -> kind.check(check(facts, transition, submitted, at)));
    }

    public static ZhifaException assertRefused(ZhifaException.Kind type, String code, String field, Executable e) {
        ZhifaException x = assertThrows(ZhifaException.class, e);
        assertEquals(code, x.code(), x.messageZh());
        assertEquals(type, x.kind(), x.code());
        assertEquals(field, x.field(), x.code());
        assertTrue(x.messageZh().matches("(?s).*《[^》]+》第[^条]+条.*"), "no article in: " + x.messageZh());
        assertTrue(x.messageEn().matches("(?s).*\\barts?\\. .*"), "no article in: " + x.messageEn());
        assertTrue(!x.messageZh().equals(code) && !x.messageEn().equals(code), "message missing for " + code);
        return x;
    }

    /** The zh-CN and English resource bundles have the same keys. */
    public static void assertSameKeys(Class<?> anchor, String resourceBase) throws IOException {
        assertEquals(keys(anchor, resourceBase + ".properties"), keys(anchor, resourceBase + "_en.properties"));
    }

    private static TreeSet<String> keys(Class<?> anchor, String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = anchor.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new AssertionError(resource + " missing");
            }
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return new TreeSet<>(p.stringPropertyNames());
    }
}
