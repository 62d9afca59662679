package org.zhifa.evidence.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.core.Response;

import org.zhifa.api.common.Actor;
import org.zhifa.api.evidence.AvCoverage;
import org.zhifa.api.evidence.EvidenceService;
import org.zhifa.api.kind.AvRule;

/**
 * A case's evidence, interruptions and A/V coverage as JSON: what {@code /api/v1/evidence/cases/{id}/…}
 * and {@code /api/v1/cases/{id}/evidence/…} both answer.
 */
final class CaseEvidence {

    private CaseEvidence() {}

    static Map<String, Object> items(EvidenceService evidence, long caseId, Actor actor) {
        List<Map<String, Object>> items = evidence.ofCase(caseId, actor).stream().map(Rest::item).toList();
        return Map.of("caseId", caseId, "items", items);
    }

    static Map<String, Object> interruptions(EvidenceService evidence, long caseId, Actor actor) {
        return Map.of("caseId", caseId, "items",
                evidence.interruptions(caseId, actor).stream().map(Rest::interruption).toList());
    }

    static Response interrupt(EvidenceService evidence, long caseId, EvidenceResource.InterruptionBody body,
                              Actor actor) {
        if (body == null) {
            throw Messages.invalid("evidence.draft.missing", null);
        }
        return Response.status(201).entity(Rest.interruption(
                evidence.recordInterruption(caseId, body.step(), body.from(), body.to(), body.reason(), actor))).build();
    }

    static Map<String, Object> coverage(EvidenceService evidence, long caseId, MultivaluedMap<String, String> query,
                                        Actor actor) {
        Rest.onlyKnown(query, Set.of("step", "rule"));
        String step = query.getFirst("step");
        String rule = query.getFirst("rule");
        evidence.ofCase(caseId, actor); // the read check
        AvRule r;
        try {
            r = rule == null || rule.isBlank() ? AvRule.REQUIRED : AvRule.valueOf(rule.trim());
        } catch (IllegalArgumentException e) {
            throw Messages.invalid("rest.param.type", "rule", "rule");
        }
        if (step == null || !Validation.STEP.matcher(step).matches()) {
            throw Messages.invalid("evidence.step.invalid", "step", step == null ? "" : Validation.shorten(step));
        }
        AvCoverage c = evidence.coverage(caseId, step, r);
        return Map.of("caseId", caseId, "step", step, "rule", c.rule().name(), "satisfied", c.satisfied(),
                "recordings", c.recordings(), "gaps", c.gaps().stream()
                        .map(g -> Map.of("from", g.from().toString(), "to", g.to().toString())).toList(),
                "message_zh", c.messageZh(), "message_en", c.messageEn());
    }
}
