package org.zhifa.api.legalreview;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A 集体讨论 held on an escalated review: who took part, what each said, and what was decided.
 *
 * @param adopt the decision is to be taken as drafted (the review becomes {@link ReviewStatus#ADOPTED})
 */
public record Discussion(LocalDate heldOn, List<MemberOpinion> members, boolean adopt, String conclusion,
                         String recordedBy, Instant recordedAt) {

    /** One participant and the opinion they gave. */
    public record MemberOpinion(String name, String post, String opinion) {}

    public Discussion {
        members = List.copyOf(members);
    }
}
