package org.zhifa.kind.fee.internal;

import static org.zhifa.api.common.ZhifaException.Kind.CONFLICT;
import static org.zhifa.api.common.ZhifaException.Kind.INVALID;
import static org.zhifa.api.kind.CaseFacts.PartyType.ORGANISATION;

import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.zhifa.api.kind.CaseFacts;
import org.zhifa.testsupport.Configs;
import org.zhifa.testsupport.FixedWorkingDays;
import org.zhifa.testsupport.KindChecks;

/** 《价格法》47: only listed items, at their standard; relief by decision; payment exactly what is due. */
class FeeCheckTest {

    private static final LocalDateTime NOW = LocalDateTime.of(2026, 3, 2, 10, 0);
    private final FeeKind kind;
    private final KindChecks checks;

    FeeCheckTest() throws IOException {
        kind = new FeeKind(Configs.defaults(FeeConfig.class), FeeList.read(FeeListTest.SHIPPED));
        checks = new KindChecks(kind, FixedWorkingDays.spring2026());
    }

    @Test
    void itemOffTheListRefusedArt47() {
        checks.refused(INVALID, "fee.item.unlisted", "feeItem", registered(), "assess",
                assess("土地登记费", "1", "80.00"), NOW);
    }

    @Test
    void fixedStandardNeitherAboveNorBelowArt47() {
        checks.allowed(registered(), "assess", assess("不动产登记费（住宅类）", "2", "160.00"), NOW);
        checks.refused(INVALID, "fee.amount.above", "assessedAmount", registered(), "assess",
                assess("不动产登记费（住宅类）", "2", "160.01"), NOW);
        checks.refused(INVALID, "fee.amount.below", "assessedAmount", registered(), "assess",
                assess("不动产登记费（住宅类）", "2", "159.99"), NOW);
    }

    @Test
    void rangeStandardBothEndsArt47() {
        checks.allowed(registered(), "assess", assess("土地复垦费", "100", "1500.00"), NOW);
        checks.allowed(registered(), "assess", assess("土地复垦费", "100", "600.00"), NOW);
        checks.refused(INVALID, "fee.amount.above", "assessedAmount", registered(), "assess",
                assess("土地复垦费", "100", "1500.01"), NOW);
        checks.refused(INVALID, "fee.amount.below", "assessedAmount", registered(), "assess",
                assess("土地复垦费", "100", "599.99"), NOW);
    }

    /** 《闲置土地处置办法》14: 20 % of the price. */
    @Test
    void percentStandardArt47() {
        checks.allowed(registered(), "assess", assess("土地闲置费", "1000000", "200000.00"), NOW);
        checks.refused(INVALID, "fee.amount.above", "assessedAmount", registered(), "assess",
                assess("土地闲置费", "1000000", "200000.01"), NOW);
    }

    @Test
    void quantityIsAPositiveNumberArt47() {
        checks.refused(INVALID, "fee.quantity.invalid", "quantity", registered(), "assess",
                assess("土地复垦费", "一百", "600.00"), NOW);
        checks.refused(INVALID, "fee.quantity.invalid", "quantity", registered(), "assess",
                assess("土地复垦费", "0", "0.00"), NOW);
    }

    @Test
    void listVersionInForceOnTheAssessmentDayArt47() {
        Map<String, String> early = new HashMap<>(assess("不动产登记费（住宅类）", "1", "80.00"));
        early.put("assessedOn", "2025-12-31");
        checks.refused(INVALID, "fee.list.not.effective", "assessedOn", registered(), "assess", early, NOW);
        early.put("assessedOn", "2026-01-01");
        checks.allowed(registered(), "assess", early, NOW);
        early.put("paymentDeadline", "2025-12-31");
        checks.refused(INVALID, "fee.deadline.order", "paymentDeadline", registered(), "assess", early, NOW);
    }

    @Test
    void exemptionLeavesNothingPayableArt47() {
        checks.allowed(assessed("550.00"), "reduce", relief("免收", "0.00", "2026-02-26"), NOW);
        checks.refused(INVALID, "fee.relief.exempt.amount", "payableAmount", assessed("550.00"), "reduce",
                relief("免收", "1.00", "2026-02-26"), NOW);
    }

    @Test
    void reductionBelowTheAssessedAmountArt47() {
        checks.allowed(assessed("550.00"), "reduce", relief("减收", "549.99", "2026-02-26"), NOW);
        checks.allowed(assessed("550.00"), "reduce", relief("减收", "0.01", "2026-02-26"), NOW);
        checks.refused(INVALID, "fee.relief.reduce.amount", "payableAmount", assessed("550.00"), "reduce",
                relief("减收", "550.00", "2026-02-26"), NOW);
        checks.refused(INVALID, "fee.relief.reduce.amount", "payableAmount", assessed("550.00"), "reduce",
                relief("减收", "0.00", "2026-02-26"), NOW);
        checks.refused(INVALID, "fee.relief.order", "reliefDecidedOn", assessed("550.00"), "reduce",
                relief("减收", "275.00", "2026-02-25"), NOW);
    }

    @Test
    void paymentExactlyWhatIsPayableArt47() {
        checks.allowed(assessed("550.00"), "pay", pay("550.00", "2026-02-27"), NOW);
        checks.refused(INVALID, "fee.paid.amount", "paidAmount", assessed("550.00"), "pay", pay("550.01", "2026-02-27"), NOW);
        checks.refused(INVALID, "fee.paid.amount", "paidAmount", assessed("550.00"), "pay", pay("549.99", "2026-02-27"), NOW);
        checks.refused(INVALID, "fee.paid.order", "paidOn", assessed("550.00"), "pay", pay("550.00", "2026-02-25"), NOW);
    }

    @Test
    void paymentAfterReliefIsTheReducedAmountArt47() {
        CaseFacts reduced = facts(List.of("assess", "reduce"), Map.of("assessedAmount", "550.00",
                "assessedOn", "2026-02-26", "reliefType", "减收", "payableAmount", "275.00"));
        checks.allowed(reduced, "payAfterRelief", pay("275.00", "2026-02-27"), NOW);
        checks.refused(INVALID, "fee.paid.amount", "paidAmount", reduced, "payAfterRelief", pay("550.00", "2026-02-27"), NOW);
        checks.refused(CONFLICT, "fee.close.not.exempt", null, reduced, "closeExempt",
                Map.of("closedOn", "2026-02-27", "closingSummary", "x"), NOW);
    }

    @Test
    void exemptedFeesCloseWithoutPaymentArt47() {
        CaseFacts exempt = facts(List.of("assess", "reduce"), Map.of("assessedAmount", "550.00",
                "assessedOn", "2026-02-26", "reliefType", "免收", "payableAmount", "0.00"));
        checks.allowed(exempt, "closeExempt", Map.of("closedOn", "2026-02-27", "closingSummary", "小微企业免征"), NOW);
        checks.refused(CONFLICT, "fee.paid.nothing", null, exempt, "payAfterRelief", pay("0.00", "2026-02-27"), NOW);
    }

    private static CaseFacts facts(List<String> taken, Map<String, String> fields) {
        Map<String, String> all = new HashMap<>(Map.of("matter", "不动产首次登记"));
        all.putAll(fields);
        return KindChecks.facts("fee", ORGANISATION, false, "registered", LocalDate.of(2026, 2, 26), taken, all);
    }

    private static CaseFacts registered() {
        return facts(List.of(), Map.of());
    }

    private static CaseFacts assessed(String amount) {
        return facts(List.of("assess"), Map.of("feeItem", "不动产登记费（非住宅类）", "quantity", "1",
                "assessedAmount", amount, "assessedOn", "2026-02-26"));
    }

    private static Map<String, String> assess(String item, String quantity, String amount) {
        return Map.of("feeItem", item, "quantity", quantity, "assessedAmount", amount, "assessedOn", "2026-02-26");
    }

    private static Map<String, String> relief(String type, String payable, String on) {
        return Map.of("reliefType", type, "payableAmount", payable, "reliefBasis", "小微企业免征不动产登记费",
                "reliefDecidedOn", on);
    }

    private static Map<String, String> pay(String amount, String on) {
        return Map.of("paidOn", on, "paidAmount", amount, "receiptNo", "HN-0001");
    }
}
