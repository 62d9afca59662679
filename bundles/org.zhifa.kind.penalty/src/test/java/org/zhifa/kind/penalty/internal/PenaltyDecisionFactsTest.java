package org.zhifa.kind.penalty.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.zhifa.api.kind.CaseFacts;
import org.zhifa.api.kind.CaseFacts.PartyType;
import org.zhifa.api.kind.DecisionFacts;
import org.zhifa.api.kind.Transition;
import org.zhifa.testsupport.Configs;

/** What a penalty decision decides, for the legal-review catalogue (V1), and which transitions decide. */
class PenaltyDecisionFactsTest {
    private final PenaltyKind kind = new PenaltyKind(Configs.defaults(PenaltyConfig.class));

    private static CaseFacts facts(List<String> taken, Map<String, String> fields) {
        return new CaseFacts("penalty", "衡国土资罚〔2026〕1号", PartyType.PERSON, false, false, "notified",
                LocalDate.of(2026, 1, 5), taken, fields);
    }

    @Test
    void everyDecisionTransitionDecidesAndNothingElse() {
        List<String> deciding = kind.procedure().transitions().stream().filter(kind::decides).map(Transition::id)
                .toList();
        assertEquals(List.of("decide", "decideAfterStatement", "decideAfterReview", "decideAfterDiscussion",
                "noPenaltyDecision", "noPenaltyAfterReview", "noPenaltyAfterDiscussion", "decideOnSpot"), deciding);
    }

    @Test
    void aFineWithItsAmountAndTheHearing() {
        DecisionFacts d = kind.decisionFacts(facts(List.of("investigate", "notify", "scheduleHearing"),
                Map.of("penaltyType", "罚款", "fineAmount", "20000.00", "proposedType", "罚款")));
        assertEquals(List.of("罚款"), d.measures());
        assertEquals(Optional.of(new BigDecimal("20000.00")), d.fine());
        assertEquals(Optional.empty(), d.confiscation());
        assertTrue(d.hearingHeld());
    }

    @Test
    void anotherTypeWithAFineNamesBothAndTheConfiscation() {
        DecisionFacts d = kind.decisionFacts(facts(List.of("investigate", "notify"), Map.of("penaltyType",
                "没收违法所得", "confiscatedAmount", "150000.00", "fineAmount", "5000.00")));
        assertEquals(List.of("没收违法所得", "罚款"), d.measures());
        assertEquals(Optional.of(new BigDecimal("150000.00")), d.confiscation());
        assertFalse(d.hearingHeld());
        assertEquals(List.of("责令停产停业"), kind.decisionFacts(facts(List.of(), Map.of("penaltyType", "责令停产停业")))
                .measures());
    }

    @Test
    void theNoPenaltyDecisionDecidesNoPenalty() {
        DecisionFacts d = kind.decisionFacts(facts(List.of("investigate"), Map.of("noPenaltyGround", "违法事实不能成立",
                "proposedType", "罚款", "proposedFine", "100.00")));
        assertEquals(List.of("不予行政处罚"), d.measures());
        assertEquals(Optional.empty(), d.fine());
    }
}
