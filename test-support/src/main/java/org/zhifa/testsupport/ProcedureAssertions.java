package org.zhifa.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.zhifa.api.kind.FieldDef;
import org.zhifa.api.kind.Procedure;
import org.zhifa.api.kind.Step;
import org.zhifa.api.kind.TimerRule;
import org.zhifa.api.kind.Transition;

/** Checks every kind's procedure must pass, whatever the kind. */
public final class ProcedureAssertions {

    private ProcedureAssertions() {}

    /**
     * Every step reachable from the initial one, a closing step reachable from every step and leaving
     * none, unique step ids and field names, timers on existing steps and fields, and every title in
     * Chinese and English (not a missing resource key).
     */
    public static void assertWellFormed(Procedure p) {
        List<String> ids = p.steps().stream().map(Step::id).toList();
        assertEquals(ids.size(), Set.copyOf(ids).size(), "duplicate step ids " + ids);
        assertFalse(p.steps().stream().noneMatch(Step::terminal), "no closing step");

        Set<String> reached = reach(Set.of(p.initialStep()), Transition::from, Transition::to, p);
        assertEquals(Set.copyOf(ids), reached, "steps unreachable from " + p.initialStep());

        Set<String> terminal = p.steps().stream().filter(Step::terminal).map(Step::id).collect(Collectors.toSet());
        Set<String> canClose = reach(terminal, Transition::to, Transition::from, p);
        assertEquals(Set.copyOf(ids), canClose, "steps from which no closing step is reachable");
        for (String t : terminal) {
            assertTrue(p.from(t).isEmpty(), "closing step " + t + " has transitions out");
        }

        for (Transition t : p.transitions()) {
            assertUnique(t.id(), t.fields());
            assertTitled("transition " + t.id(), t.titleZh(), t.titleEn());
            t.fields().forEach(f -> assertField(t.id(), f));
        }
        assertUnique("filing", p.filingFields());
        p.filingFields().forEach(f -> assertField("filing", f));
        p.steps().forEach(s -> assertTitled("step " + s.id(), s.titleZh(), s.titleEn()));

        List<String> timerIds = p.timers().stream().map(TimerRule::id).toList();
        assertEquals(timerIds.size(), Set.copyOf(timerIds).size(), "duplicate timer ids " + timerIds);
        for (TimerRule r : p.timers()) {
            assertTrue(p.step(r.startStep()).isPresent(), "timer " + r.id() + " starts at unknown step");
            assertFalse(r.stopSteps().isEmpty(), "timer " + r.id() + " never stops");
            r.stopSteps().forEach(s -> assertTrue(p.step(s).isPresent(), "timer " + r.id() + " stops at unknown " + s));
            assertTitled("timer " + r.id(), r.titleZh(), r.titleEn());
            assertTrue(r.basis() != null && !r.basis().startsWith("timer."), "timer " + r.id() + " has no basis");
            if (r.startField() != null) {
                for (Transition t : p.transitions()) {
                    if (t.to().equals(r.startStep())) {
                        assertTrue(t.fields().stream().anyMatch(f -> f.name().equals(r.startField())
                                        && f.required() && f.type() == FieldDef.Type.DATE),
                                "timer " + r.id() + ": transition " + t.id() + " lacks required DATE " + r.startField());
                    }
                }
            }
            if (r.extendField() != null) {
                boolean recorded = p.transitions().stream().flatMap(t -> t.fields().stream())
                        .anyMatch(f -> f.name().equals(r.extendField()) && f.type() == FieldDef.Type.BOOLEAN);
                assertTrue(recorded, "timer " + r.id() + ": no transition records BOOLEAN " + r.extendField());
            }
        }
    }

    private static Set<String> reach(Set<String> start, Function<Transition, String> out,
                                     Function<Transition, String> in, Procedure p) {
        Set<String> seen = new HashSet<>(start);
        Deque<String> todo = new ArrayDeque<>(start);
        while (!todo.isEmpty()) {
            String s = todo.pop();
            for (Transition t : p.transitions()) {
                if (out.apply(t).equals(s) && seen.add(in.apply(t))) {
                    todo.push(in.apply(t));
                }
            }
        }
        return seen;
    }

    private static void assertUnique(String where, List<FieldDef> fields) {
        List<String> names = fields.stream().map(FieldDef::name).toList();
        assertEquals(names.size(), Set.copyOf(names).size(), where + ": duplicate field names " + names);
    }

    private static void assertField(String where, FieldDef f) {
        assertTitled(where + "." + f.name(), f.labelZh(), f.labelEn());
        if (f.type() == FieldDef.Type.CHOICE) {
            assertFalse(f.options().isEmpty(), where + "." + f.name() + ": a choice without options");
        }
    }

    /** A Chinese title with at least one CJK character, an English one without, neither a bare key. */
    public static void assertTitled(String what, String zh, String en) {
        if (zh == null || en == null) {
            fail(what + " has no title");
        }
        assertTrue(zh.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                what + ": Chinese title missing: " + zh);
        assertTrue(en.codePoints().noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                what + ": English title missing: " + en);
        assertFalse(en.isBlank() || en.matches("[a-z]+\\.[A-Za-z.]+"), what + ": English title is a key: " + en);
    }
}
