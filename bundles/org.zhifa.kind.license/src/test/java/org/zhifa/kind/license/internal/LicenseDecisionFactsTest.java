package org.zhifa.kind.license.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.zhifa.api.kind.CaseFacts;
import org.zhifa.api.kind.CaseFacts.PartyType;
import org.zhifa.api.kind.DecisionFacts;
import org.zhifa.testsupport.Configs;

/** 准予 and 不予行政许可 both decide (许可法 38); a hearing held counts (V1). */
class LicenseDecisionFactsTest {
    private final LicenseKind kind = new LicenseKind(Configs.defaults(LicenseConfig.class));

    @Test
    void grantAndRefusalDecide() {
        assertTrue(kind.procedure().transitions().stream().filter(kind::decides)
                .allMatch(t -> t.to().equals("granted") || t.to().equals("refused")));
        assertTrue(kind.procedure().transitions().stream().filter(kind::decides).anyMatch(t -> t.to().equals("refused")));
        CaseFacts refused = new CaseFacts("license", "n", PartyType.PERSON, false, false, "examination",
                LocalDate.of(2026, 1, 5), List.of("accept", "examine", "scheduleHearing"),
                Map.of("refusalReasons", "不符合条件"));
        DecisionFacts d = kind.decisionFacts(refused);
        assertEquals(List.of("不予行政许可"), d.measures());
        assertTrue(d.hearingHeld());
        CaseFacts granted = new CaseFacts("license", "n", PartyType.PERSON, false, false, "examination",
                LocalDate.of(2026, 1, 5), List.of("accept", "examine"), Map.of("licenceContent", "准予"));
        assertEquals(List.of("准予行政许可"), kind.decisionFacts(granted).measures());
        assertFalse(kind.decisionFacts(granted).hearingHeld());
    }
}
