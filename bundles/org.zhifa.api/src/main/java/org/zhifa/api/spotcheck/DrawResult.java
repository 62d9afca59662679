package org.zhifa.api.spotcheck;

import java.util.List;

/**
 * The outcome of a draw: the targets in the order they were drawn, each with its inspectors in the order
 * they were drawn, and the recusals that took inspectors out of a drawn target's choice.
 */
public record DrawResult(List<Assignment> assignments, List<Recusal> recusals) {
    public DrawResult {
        assignments = List.copyOf(assignments);
        recusals = List.copyOf(recusals);
    }

    public record Assignment(DrawTarget target, List<DrawInspector> inspectors) {
        public Assignment {
            inspectors = List.copyOf(inspectors);
        }
    }

    /** Why an inspector could not be drawn for a target: a declared conflict, or the area rule. */
    public record Recusal(String targetId, String inspectorId, Ground ground, String reason) {
        public enum Ground { CONFLICT, OWN_AREA }
    }
}
