package org.zhifa.legalreview.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.zhifa.api.kind.CaseFacts.PartyType;
import org.zhifa.api.kind.DecisionFacts;
import org.zhifa.api.legalreview.CaseFlag;
import org.zhifa.api.legalreview.Catalogue;
import org.zhifa.api.legalreview.CatalogueDraft;
import org.zhifa.api.legalreview.MajorEvaluation;

/** The national catalogue's verdicts (V1), rule by rule, and how they explain themselves. */
class EvaluatorTest {
    static Catalogue national(boolean reviewAll) throws IOException {
        try (InputStream in = Files.newInputStream(Path.of("../../etc/zhifa-legalreview-catalogue.json"))) {
            CatalogueDraft d = CatalogueJson.read(in);
            return new Catalogue(2, java.time.LocalDate.parse("2026-01-01"), reviewAll, CatalogueJson.checked(d.rules()),
                    null, "admin", Instant.EPOCH);
        }
    }

    static MajorEvaluation judge(Catalogue c, PartyType party, boolean simple, DecisionFacts f, CaseFlag... flags) {
        return Evaluator.evaluate(c, new Evaluator.Subject("penalty", party, simple, f, Set.of(flags), List.of()));
    }

    static DecisionFacts fine(String amount) {
        return new DecisionFacts(List.of("罚款"), Optional.of(new BigDecimal(amount)), Optional.empty(), false);
    }

    @Test
    void fineThresholdsDependOnTheParty() throws IOException {
        Catalogue c = national(false);
        MajorEvaluation person = judge(c, PartyType.PERSON, false, fine("20000.00"));
        assertTrue(person.major());
        assertTrue(person.reviewRequired());
        assertEquals("重大：罚款 20000 ≥ 10000（公民），目录 v2（2026-01-01 起施行）第 1 条", person.explainZh());
        assertEquals("major: fine 20000 ≥ 10000 (citizen), rule 1 of catalogue v2 effective 2026-01-01",
                person.explainEn());
        assertTrue(judge(c, PartyType.PERSON, false, fine("10000.00")).major(), "the threshold itself is major");
        assertFalse(judge(c, PartyType.PERSON, false, fine("9999.99")).major());
        assertFalse(judge(c, PartyType.ORGANISATION, false, fine("20000.00")).major(), "an organisation's is 10万");
        MajorEvaluation org = judge(c, PartyType.ORGANISATION, false, fine("100000.00"));
        assertEquals(List.of(2), org.reasons().stream().map(MajorEvaluation.Reason::rule).toList());
        assertTrue(org.explainZh().contains("（法人或其他组织）"), org.explainZh());
    }

    @Test
    void measuresConfiscationHearingAndFlags() throws IOException {
        Catalogue c = national(false);
        DecisionFacts suspend = new DecisionFacts(List.of("责令停产停业"), Optional.empty(), Optional.empty(), false);
        assertEquals("重大：责令停产停业，目录 v2（2026-01-01 起施行）第 3 条",
                judge(c, PartyType.ORGANISATION, false, suspend).explainZh());
        DecisionFacts demolish = new DecisionFacts(List.of("强制执行", "强制拆除"), Optional.empty(), Optional.empty(), false);
        assertEquals(4, judge(c, PartyType.PERSON, false, demolish).reasons().get(0).rule());
        DecisionFacts confiscate = new DecisionFacts(List.of("没收违法所得"), Optional.empty(),
                Optional.of(new BigDecimal("100000.00")), false);
        assertTrue(judge(c, PartyType.PERSON, false, confiscate).explainZh().contains("没收 100000 ≥ 100000"));
        DecisionFacts heard = new DecisionFacts(List.of("警告"), Optional.empty(), Optional.empty(), true);
        assertTrue(judge(c, PartyType.PERSON, false, heard).explainZh().contains("经过听证程序"));
        DecisionFacts warning = new DecisionFacts(List.of("警告"), Optional.empty(), Optional.empty(), false);
        assertFalse(judge(c, PartyType.PERSON, false, warning).major());
        MajorEvaluation flagged = judge(c, PartyType.PERSON, false, warning, CaseFlag.COMPLEX);
        assertTrue(flagged.major());
        assertEquals("major: difficult and complex case, rule 8 of catalogue v2 effective 2026-01-01",
                flagged.explainEn());
        MajorEvaluation several = judge(c, PartyType.PERSON, false, fine("50000.00"), CaseFlag.PUBLIC_INTEREST);
        assertEquals(List.of(1, 7), several.reasons().stream().map(MajorEvaluation.Reason::rule).toList());
    }

    @Test
    void reviewEveryOrdinaryDecisionButNotTheSimpleOnes() throws IOException {
        Catalogue all = national(true);
        DecisionFacts warning = new DecisionFacts(List.of("警告"), Optional.empty(), Optional.empty(), false);
        MajorEvaluation ordinary = judge(all, PartyType.PERSON, false, warning);
        assertFalse(ordinary.major());
        assertTrue(ordinary.reviewRequired());
        assertTrue(ordinary.explainZh().startsWith("须审核："), ordinary.explainZh());
        assertFalse(judge(all, PartyType.PERSON, true, warning).reviewRequired(), "当场 decisions skip review (T6)");
        assertFalse(judge(national(false), PartyType.PERSON, false, warning).reviewRequired());
    }

    @Test
    void aRuleOfAnotherKindDoesNotApply() {
        Catalogue c = new Catalogue(3, java.time.LocalDate.parse("2026-01-01"), false, CatalogueJson.checked(List.of(
                new org.zhifa.api.legalreview.CatalogueRule(0, org.zhifa.api.legalreview.RuleType.KIND, "license",
                        List.of(), null, null, null, "行政许可决定", "Licensing decisions"))), null, "a", Instant.EPOCH);
        assertFalse(judge(c, PartyType.PERSON, false, fine("1.00")).major());
        assertTrue(Evaluator.evaluate(c, new Evaluator.Subject("license", PartyType.PERSON, false, DecisionFacts.NONE,
                Set.of(), List.of())).explainZh().startsWith("重大：行政许可决定"));
    }

    @Test
    void theKindsOwnReasonsCountWhereTheCatalogueSaysSoForThatKind() throws IOException {
        Catalogue c = national(false);
        List<String> risk = List.of("社会稳定风险评估为高风险");
        MajorEvaluation levy = Evaluator.evaluate(c, new Evaluator.Subject("levy", PartyType.ORGANISATION, false,
                DecisionFacts.NONE, Set.of(), risk));
        assertTrue(levy.major());
        assertEquals(1, levy.reasons().size(), levy.explainZh());
        int rule = levy.reasons().get(0).rule();
        assertEquals("重大：执法类型认定：社会稳定风险评估为高风险，目录 v2（2026-01-01 起施行）第 " + rule + " 条",
                levy.explainZh());
        assertTrue(levy.explainEn().startsWith("major: by the configuration of the kind: 社会稳定风险评估为高风险"),
                levy.explainEn());
        // the same reasons from a kind the catalogue does not name count for nothing; no reasons, nothing
        assertFalse(Evaluator.evaluate(c, new Evaluator.Subject("fee", PartyType.ORGANISATION, false,
                DecisionFacts.NONE, Set.of(), risk)).major());
        assertFalse(Evaluator.evaluate(c, new Evaluator.Subject("levy", PartyType.ORGANISATION, false,
                DecisionFacts.NONE, Set.of(), List.of())).major());
    }
}
