package org.zhifa.testsupport;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.zhifa.api.calendar.WorkingDays;
import org.zhifa.api.kind.CaseFacts;
import org.zhifa.api.kind.EnforcementKind;
import org.zhifa.api.kind.Transition;
import org.zhifa.api.kind.TransitionCheck;

/**
 * A case as the engine would present it to the kind: the transitions taken and the latest fields,
 * filed 2026-01-05 by a natural person, counted on {@link FixedWorkingDays#spring2026()} unless told.
 */
public final class CaseBuilder {

    private final EnforcementKind kind;
    private final List<String> taken = new ArrayList<>();
    private final Map<String, String> fields = new HashMap<>();
    private WorkingDays workingDays = FixedWorkingDays.spring2026();
    private String step;

    public CaseBuilder(EnforcementKind kind) {
        this.kind = kind;
    }

    public CaseBuilder took(String... transitions) {
        taken.addAll(List.of(transitions));
        return this;
    }

    public CaseBuilder field(String name, String value) {
        fields.put(name, value);
        return this;
    }

    public CaseBuilder calendar(WorkingDays days) {
        this.workingDays = days;
        return this;
    }

    /**
     * Moves the case as the engine would: the transition must leave the current step, the kind must
     * accept it, then its fields become the case's latest values.
     */
    public CaseBuilder move(String transition, String at, String... submitted) {
        Transition t = kind.procedure().transition(transition).orElseThrow();
        String current = step();
        if (!t.from().equals(current)) {
            throw new AssertionError(transition + " does not leave " + current);
        }
        for (var f : t.fields()) {
            boolean given = false;
            for (int i = 0; i < submitted.length; i += 2) {
                given |= submitted[i].equals(f.name());
            }
            if (f.required() && !given) {
                throw new AssertionError(transition + " needs " + f.name());
            }
        }
        check(transition, at, submitted);
        taken.add(transition);
        for (int i = 0; i < submitted.length; i += 2) {
            fields.put(submitted[i], submitted[i + 1]);
        }
        step = t.to();
        return this;
    }

    public String step() {
        return step == null ? kind.procedure().initialStep() : step;
    }

    /** Asks the kind to check {@code transition} at {@code at} with {@code submitted} name/value pairs. */
    public void check(String transition, String at, String... submitted) {
        kind.check(checkOf(transition, LocalDateTime.parse(at), submitted));
    }

    public TransitionCheck checkOf(String transition, LocalDateTime at, String... submitted) {
        Transition t = kind.procedure().transition(transition)
                .orElseThrow(() -> new IllegalArgumentException("no transition " + transition));
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < submitted.length; i += 2) {
            values.put(submitted[i], submitted[i + 1]);
        }
        CaseFacts facts = new CaseFacts(kind.id(), "TEST-1", CaseFacts.PartyType.PERSON, false, false, t.from(),
                LocalDate.parse("2026-01-05"), taken, fields);
        return new TransitionCheck(facts, t, values, at, workingDays);
    }

    public CaseFacts facts() {
        return new CaseFacts(kind.id(), "TEST-1", CaseFacts.PartyType.PERSON, false, false,
                kind.procedure().initialStep(), LocalDate.parse("2026-01-05"), taken, fields);
    }
}
