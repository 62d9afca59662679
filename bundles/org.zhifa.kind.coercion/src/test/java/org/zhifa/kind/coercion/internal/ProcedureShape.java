package org.zhifa.kind.coercion.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

import org.zhifa.api.kind.EnforcementKind;
import org.zhifa.api.kind.FieldDef;
import org.zhifa.api.kind.Procedure;
import org.zhifa.api.kind.Step;
import org.zhifa.api.kind.TimerRule;
import org.zhifa.api.kind.Transition;

/** Well-formedness of a kind's procedure: what every kind must satisfy for the engine. */
final class ProcedureShape {

    private ProcedureShape() {}

    static void assertWellFormed(EnforcementKind kind) {
        Procedure p = kind.procedure();
        Set<String> ids = new HashSet<>();
        for (Step s : p.steps()) {
            assertTrue(ids.add(s.id()), "duplicate step " + s.id());
            assertTitled(s.id(), s.titleZh(), s.titleEn());
        }
        for (Transition t : p.transitions()) {
            assertTrue(ids.contains(t.from()) && ids.contains(t.to()), "transition " + t.id() + " joins unknown steps");
            assertNotEquals(t.from(), t.to(), "transition " + t.id() + " must leave its step");
            assertTitled(t.id(), t.titleZh(), t.titleEn());
            Set<String> names = new HashSet<>();
            for (FieldDef f : t.fields()) {
                assertTrue(names.add(f.name()), "duplicate field " + f.name() + " on " + t.id());
                assertTitled(f.name(), f.labelZh(), f.labelEn());
                assertEquals(f.type() == FieldDef.Type.CHOICE, !f.options().isEmpty(), "options of " + f.name());
            }
        }
        Set<String> filing = new HashSet<>();
        for (FieldDef f : p.filingFields()) {
            assertTrue(filing.add(f.name()), "duplicate filing field " + f.name());
            assertTitled(f.name(), f.labelZh(), f.labelEn());
        }
        for (TimerRule r : p.timers()) {
            assertTrue(ids.contains(r.startStep()), "timer " + r.id() + " starts at an unknown step");
            r.stopSteps().forEach(s -> assertTrue(ids.contains(s), "timer " + r.id() + " stops at unknown " + s));
            assertTitled(r.id(), r.titleZh(), r.titleEn());
            assertTrue(r.length() > 0, "timer " + r.id() + " has a length");
            if (r.startField() != null) {
                assertTrue(p.transitions().stream().filter(t -> t.to().equals(r.startStep()))
                                .allMatch(t -> t.fields().stream().anyMatch(f -> f.name().equals(r.startField()) && f.required())),
                        "every way into " + r.startStep() + " records " + r.startField());
            }
        }
        kind.disclosures().forEach(d -> assertTrue(ids.contains(d.step()), "disclosure at unknown step " + d.step()));

        Set<String> reachable = walk(p.initialStep(), s -> p.from(s).stream().map(Transition::to).toList());
        assertEquals(ids, reachable, "every step is reachable from " + p.initialStep());
        Set<String> closing = p.steps().stream().filter(Step::terminal).map(Step::id).collect(java.util.stream.Collectors.toSet());
        assertFalse(closing.isEmpty(), "a closing step");
        for (String id : ids) {
            Set<String> ahead = walk(id, s -> p.from(s).stream().map(Transition::to).toList());
            assertTrue(ahead.stream().anyMatch(closing::contains), "a closing step is reachable from " + id);
        }
        p.steps().stream().filter(Step::terminal)
                .forEach(s -> assertTrue(p.from(s.id()).isEmpty(), "closing step " + s.id() + " has no way out"));
        assertTitled("kind", kind.title(Locale.SIMPLIFIED_CHINESE), kind.title(Locale.ENGLISH));
    }

    private static void assertTitled(String id, String zh, String en) {
        assertFalse(zh == null || zh.isBlank() || zh.contains("."), "Chinese title of " + id + ": " + zh);
        assertFalse(en == null || en.isBlank() || en.equals(zh) || en.startsWith("field."), "English title of " + id + ": " + en);
    }

    private static Set<String> walk(String start, Function<String, java.util.List<String>> next) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        todo.add(start);
        while (!todo.isEmpty()) {
            String s = todo.pop();
            if (seen.add(s)) {
                todo.addAll(next.apply(s));
            }
        }
        return seen;
    }
}
