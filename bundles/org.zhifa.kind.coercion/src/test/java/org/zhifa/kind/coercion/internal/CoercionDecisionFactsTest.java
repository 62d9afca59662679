package org.zhifa.kind.coercion.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.zhifa.api.kind.CaseFacts;
import org.zhifa.api.kind.CaseFacts.PartyType;
import org.zhifa.api.kind.Transition;
import org.zhifa.testsupport.Configs;

/** What a coercion decision decides (V1): the seizure's measure, or 强制执行 and its manner. */
class CoercionDecisionFactsTest {
    private final CoercionKind kind = new CoercionKind(Configs.defaults(CoercionConfig.class));

    private static CaseFacts facts(List<String> taken, Map<String, String> fields) {
        return new CaseFacts("coercion", "衡国土资强〔2026〕1号", PartyType.ORGANISATION, false, false, "filed",
                LocalDate.of(2026, 1, 5), taken, fields);
    }

    @Test
    void theSeizureAndTheExecutionDecisionsDecide() {
        assertEquals(List.of("record_seizure", "decide_execution"), kind.procedure().transitions().stream()
                .filter(kind::decides).map(Transition::id).toList());
    }

    @Test
    void measuresByDecision() {
        assertEquals(List.of("扣押"), kind.decisionFacts(facts(List.of("seize"), Map.of("measureType", "扣押")))
                .measures());
        assertEquals(List.of("强制执行", "强制拆除", "限期拆除"), kind.decisionFacts(facts(
                List.of("announce_demolition", "demand_after_notice", "record_statement"),
                Map.of("executionManner", "强制拆除"))).measures());
        assertEquals(List.of("强制执行", "代履行"), kind.decisionFacts(facts(List.of("demand", "record_statement"),
                Map.of("executionManner", "代履行", "amount", "3000.00"))).measures());
    }
}
