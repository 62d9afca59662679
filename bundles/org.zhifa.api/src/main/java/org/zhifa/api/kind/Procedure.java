package org.zhifa.api.kind;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A kind's procedure: its steps, the transitions between them, the fields filed with the case and
 * the legal timers. A case starts in {@link #initialStep()}.
 */
public record Procedure(String initialStep, List<Step> steps, List<Transition> transitions,
                        List<FieldDef> filingFields, List<TimerRule> timers) {

    public Procedure {
        steps = List.copyOf(steps);
        transitions = List.copyOf(transitions);
        filingFields = List.copyOf(filingFields);
        timers = List.copyOf(timers);
        Objects.requireNonNull(initialStep, "initialStep");
        // the record's fields are assigned after this body: validate against the parameters
        java.util.Set<String> stepIds = steps.stream().map(Step::id).collect(java.util.stream.Collectors.toSet());
        if (!stepIds.contains(initialStep)) {
            throw new IllegalArgumentException("unknown initial step " + initialStep);
        }
        for (Transition t : transitions) {
            if (!stepIds.contains(t.from()) || !stepIds.contains(t.to())) {
                throw new IllegalArgumentException("transition " + t.id() + " joins unknown steps");
            }
        }
        if (transitions.stream().map(Transition::id).distinct().count() != transitions.size()) {
            throw new IllegalArgumentException("duplicate transition ids");
        }
    }

    public Optional<Step> step(String id) {
        return steps.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public Optional<Transition> transition(String id) {
        return transitions.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /** Transitions leaving {@code step}, in declaration order. */
    public List<Transition> from(String step) {
        return transitions.stream().filter(t -> t.from().equals(step)).toList();
    }
}
