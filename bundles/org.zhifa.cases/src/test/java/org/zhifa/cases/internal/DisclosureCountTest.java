package org.zhifa.cases.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.zhifa.api.cases.CaseFile;
import org.zhifa.api.cases.CaseStatus;
import org.zhifa.api.kind.DisclosureRule;

/** D3, S4: the day a disclosure deadline counts from. */
class DisclosureCountTest {
    private static final LocalDate DECIDED = LocalDate.parse("2026-12-10");

    private static CaseFile withFields(Map<String, String> fields) {
        return new CaseFile(1, "430421", "n", "inspection", "行政检查", "Inspection", "土地管理", "t", null, false, false,
                "result", "检查结果", "Result", CaseStatus.OPEN, DECIDED, List.of(), List.of(), List.of(), List.of(),
                fields, true, 1, Instant.EPOCH, "officer");
    }

    @Test
    void anInspectionCountsFromTheDayItEnded() {
        DisclosureRule rule = new DisclosureRule("result", 20, List.of(), "endedOn");
        assertEquals(LocalDate.parse("2026-12-02"),
                CaseServiceImpl.countFrom(withFields(Map.of("endedOn", "2026-12-02")), rule, DECIDED));
    }

    @Test
    void withoutTheFieldOrWithoutARuleFieldItCountsFromTheDecision() {
        assertEquals(DECIDED, CaseServiceImpl.countFrom(withFields(Map.of()),
                new DisclosureRule("result", 20, List.of(), "endedOn"), DECIDED));
        assertEquals(DECIDED, CaseServiceImpl.countFrom(withFields(Map.of("endedOn", "2026-12-02")),
                new DisclosureRule("result", 20, List.of()), DECIDED));
    }

    @Test
    void aLaterOrUnreadableDateNeverCounts() {
        DisclosureRule rule = new DisclosureRule("result", 20, List.of(), "endedOn");
        assertEquals(DECIDED, CaseServiceImpl.countFrom(withFields(Map.of("endedOn", "2026-12-30")), rule, DECIDED));
        assertEquals(DECIDED, CaseServiceImpl.countFrom(withFields(Map.of("endedOn", "昨天")), rule, DECIDED));
    }
}
