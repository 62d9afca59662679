package org.zhifa.cases.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zhifa.api.cases.CaseDraft;
import org.zhifa.api.cases.CaseFile;
import org.zhifa.api.cases.Party;
import org.zhifa.api.cases.PreparedDecision;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.kind.CaseFacts;
import org.zhifa.api.kind.CaseFacts.PartyType;
import org.zhifa.api.kind.DecisionFacts;
import org.zhifa.api.personnel.CertificateStatus;
import org.zhifa.testsupport.DerbyJpa;
import org.zhifa.testsupport.FixedWorkingDays;
import org.zhifa.testsupport.TransactionalLog;

/** The engine asks the legal-review gate (V2) before every decision, and refuses all while it is missing. */
class DecisionGateTest {
    DerbyJpa db;
    TransactionalLog log;
    CaseServiceImpl s;
    final TestFixtures.Gate gate = new TestFixtures.Gate();

    /** The test kind, saying what its decisions decide: a fine of the amount. */
    static final class DecidingKind extends TestFixtures.TestKind {
        @Override
        public DecisionFacts decisionFacts(CaseFacts f) {
            return new DecisionFacts(List.of(f.text("type").orElse("?")), f.money("amount"), Optional.empty(), false);
        }

        /** The kind's own notion of major: an amount of 10 000 or more, on the decision's fields. */
        @Override
        public List<String> majorReasons(CaseFacts f) {
            return f.money("amount").filter(a -> a.compareTo(new BigDecimal("10000")) >= 0)
                    .map(a -> List.of("金额 " + a.toPlainString() + " 达到一万元")).orElse(List.of());
        }
    }

    @BeforeEach
    void open() {
        db = DerbyJpa.open("casegate" + System.nanoTime(), "zhifa-cases-test", "/db/cases/V1__cases.sql");
        log = new TransactionalLog(db);
        TestFixtures.Register register = new TestFixtures.Register();
        register.add(1, "李明", CertificateStatus.VALID, true, "土地管理");
        register.add(2, "张华", CertificateStatus.VALID, true, "土地管理");
        TestFixtures.Evidence evidence = new TestFixtures.Evidence();
        evidence.coverAll = true;
        s = new CaseServiceImpl(db.template(), register, FixedWorkingDays.spring2026(), log, "430421",
                TestFixtures.config(), TestFixtures.at("2026-03-02"));
        s.addKind(new DecidingKind());
        s.setEvidence(evidence);
    }

    @AfterEach
    void close() {
        db.close();
    }

    long investigating() {
        CaseFile c = s.file(new CaseDraft("test", "土地管理", "某某案", new Party(PartyType.PERSON, "某某",
                "430421198001011239", null, null, null), List.of(1L, 2L), false, Map.of()), TestFixtures.OFFICER);
        return s.transition(c.id(), "investigate", Map.of(), null, -1, TestFixtures.OFFICER).id();
    }

    @Test
    void withoutAGateNoDecisionIsTakenButOtherStepsAre() {
        long id = investigating();
        ZhifaException e = assertThrows(ZhifaException.class, () -> s.transition(id, "decide",
                Map.of("amount", "500", "type", "罚款"), null, -1, TestFixtures.LEADER));
        assertEquals(ZhifaException.Kind.UNAVAILABLE, e.kind());
        assertEquals("REVIEW_GATE_UNAVAILABLE", e.code());
        assertTrue(e.messageZh().contains("法制审核"), e.messageZh());
        assertEquals("investigate", s.find(id, TestFixtures.OFFICER).orElseThrow().step(), "nothing written");
        assertEquals(2, log.size(), "only filing and investigation are recorded");
        s.setGate(gate);
        assertEquals("decided", s.transition(id, "decide", Map.of("amount", "500", "type", "罚款"), null, -1,
                TestFixtures.LEADER).step());
    }

    @Test
    void theGateSeesTheValidatedDecisionAndItsRefusalWritesNothing() {
        s.setGate(gate);
        long id = investigating();
        gate.refuse = new ZhifaException(ZhifaException.Kind.CONFLICT, "REVIEW_REQUIRED", "须经法制审核", "review", null);
        ZhifaException e = assertThrows(ZhifaException.class, () -> s.transition(id, "decide",
                Map.of("amount", " 500 ", "type", "罚款"), null, -1, TestFixtures.LEADER));
        assertEquals("REVIEW_REQUIRED", e.code());
        assertEquals("investigate", s.find(id, TestFixtures.OFFICER).orElseThrow().step());
        PreparedDecision asked = gate.asked.get(0);
        assertEquals(Map.of("amount", "500.00", "type", "罚款"), asked.fields(), "normalised as recorded");
        assertEquals(new BigDecimal("500.00"), asked.facts().fine().orElseThrow());
        assertEquals(List.of("罚款"), asked.facts().measures());
        assertEquals(PartyType.PERSON, asked.partyType());
        assertEquals("investigate", asked.step());
        // a draft of the same decision is prepared with the very same fields
        PreparedDecision draft = s.prepareDecision(id, "decide", Map.of("amount", "500", "type", "罚款"),
                TestFixtures.OFFICER);
        assertEquals(asked.fields(), draft.fields());
        assertEquals(asked.facts(), draft.facts());
        assertEquals(List.of(), asked.kindReasons());
        assertEquals(List.of("金额 20000.00 达到一万元"), s.prepareDecision(id, "decide",
                Map.of("amount", "20000", "type", "罚款"), TestFixtures.OFFICER).kindReasons(), "judged with the fields");
        gate.refuse = null;
        assertEquals("decided", s.transition(id, "decide", Map.of("amount", "500", "type", "罚款"), null, -1,
                TestFixtures.LEADER).step());
        assertEquals(2, gate.asked.size(), "asked again when taken");
    }

    @Test
    void onlyDecisionsAreGatedAndPrepared() {
        s.setGate(gate);
        long id = investigating();
        assertTrue(gate.asked.isEmpty(), "investigating decides nothing");
        assertEquals(List.of("decide"), s.decisionTransitions(id, TestFixtures.OFFICER));
        assertEquals("TRANSITION_NOT_A_DECISION", assertThrows(ZhifaException.class,
                () -> s.prepareDecision(id, "serve", Map.of("servedOn", "2026-03-02"), TestFixtures.OFFICER)).code());
        assertEquals("FIELD_REQUIRED", assertThrows(ZhifaException.class,
                () -> s.prepareDecision(id, "decide", Map.of("type", "罚款"), TestFixtures.OFFICER)).code());
        assertEquals("TRANSITION_UNKNOWN", assertThrows(ZhifaException.class,
                () -> s.prepareDecision(id, "nope", Map.of(), TestFixtures.OFFICER)).code());
    }
}
