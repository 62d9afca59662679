package org.zhifa.legalreview.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zhifa.legalreview.internal.Fixture.ADMIN;
import static org.zhifa.legalreview.internal.Fixture.LEADER;
import static org.zhifa.legalreview.internal.Fixture.NOVICE;
import static org.zhifa.legalreview.internal.Fixture.OFFICER;
import static org.zhifa.legalreview.internal.Fixture.REVIEWER;
import static org.zhifa.legalreview.internal.Fixture.fine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.kind.CaseFacts.PartyType;
import org.zhifa.api.legalreview.CaseFlag;
import org.zhifa.api.legalreview.Catalogue;
import org.zhifa.api.legalreview.CatalogueDraft;
import org.zhifa.api.legalreview.CatalogueRule;
import org.zhifa.api.legalreview.ChecklistItem;
import org.zhifa.api.legalreview.DecisionDraft;
import org.zhifa.api.legalreview.Discussion;
import org.zhifa.api.legalreview.Finding;
import org.zhifa.api.legalreview.LegalReview;
import org.zhifa.api.legalreview.Material;
import org.zhifa.api.legalreview.PreviewRow;
import org.zhifa.api.legalreview.ReviewStatus;
import org.zhifa.api.legalreview.RuleType;
import org.zhifa.api.legalreview.StaffingReport;
import org.zhifa.api.record.RecordEntry;

/**
 * The legal review with the real case engine on real Derby: the gate in the service and in the database,
 * drafts, reviews, deadlines over the 2026 Spring Festival, reviewers. "Today" is Thursday 2026-02-12.
 */
class LegalReviewServiceTest {
    static final Set<Material> MATERIALS = Set.of(Material.INVESTIGATION_REPORT, Material.EVIDENCE, Material.PROPOSAL);
    Fixture f;

    @BeforeEach
    void open() {
        f = new Fixture("2026-02-12");
        f.reviewers();
    }

    @AfterEach
    void close() {
        f.close();
    }

    static List<Finding> allOk() {
        return Arrays.stream(ChecklistItem.values()).map(i -> new Finding(i, Finding.Verdict.OK, null)).toList();
    }

    LegalReview passed(long caseId, Map<String, String> fields) {
        DecisionDraft d = f.review.saveDraft(caseId, "decide", fields, OFFICER);
        LegalReview r = f.review.submit(caseId, d.id(), MATERIALS, null, OFFICER);
        f.review.assign(r.id(), "qian", LEADER);
        return f.review.decide(r.id(), allOk(), true, "事实清楚，证据充分，同意", REVIEWER);
    }

    List<String> entries(long caseId) {
        return f.log.entries("legalreview", Long.toString(caseId), 0, 100, OFFICER).items().stream()
                .map(RecordEntry::entryType).toList();
    }

    @Test
    void aMajorDecisionIsRefusedUntilItsDraftPassedAndEachRefusalIsRecorded() {
        long id = f.kase(PartyType.PERSON);
        ZhifaException refused = assertThrows(ZhifaException.class,
                () -> f.cases.transition(id, "decide", fine("20000"), null, -1, LEADER));
        assertEquals("REVIEW_REQUIRED", refused.code());
        assertEquals(ZhifaException.Kind.CONFLICT, refused.kind());
        assertTrue(refused.messageZh().contains("重大：罚款 20000 ≥ 10000（公民），目录 v1（2021-07-15 起施行）第 1 条"),
                refused.messageZh());
        assertEquals("investigate", f.cases.find(id, OFFICER).orElseThrow().step(), "nothing of the decision written");
        assertEquals(List.of("legalreview.decision.refused"), entries(id), "the refusal is recorded");

        LegalReview review = passed(id, fine("20000"));
        assertEquals(ReviewStatus.PASSED, review.status());
        assertEquals("decided", f.cases.transition(id, "decide", fine("20000.00"), null, -1, LEADER).step());
        assertEquals(1, f.db.count("SELECT COUNT(*) FROM LR_DECISION WHERE CASE_ID = " + id + " AND MAJOR = TRUE"
                + " AND REVIEW_ID = " + review.id() + " AND CATALOGUE_VERSION = 1"));
        assertEquals(List.of("legalreview.decision.refused", "legalreview.draft.saved", "legalreview.review.submitted",
                "legalreview.review.assigned", "legalreview.review.decided", "legalreview.decision.admitted"),
                entries(id));
    }

    @Test
    void anOrdinaryDecisionPassesTheGateWithoutReview() {
        long id = f.kase(PartyType.PERSON);
        assertEquals("decided", f.cases.transition(id, "decide", fine("5000"), null, -1, LEADER).step());
        assertEquals(1, f.db.count("SELECT COUNT(*) FROM LR_DECISION WHERE CASE_ID = " + id + " AND MAJOR = FALSE"
                + " AND REVIEW_ID IS NULL"));
    }

    @Test
    void editingTheDraftAfterThePassVoidsItAndADifferentDecisionIsRefused() {
        long id = f.kase(PartyType.PERSON);
        LegalReview first = passed(id, fine("20000"));
        ZhifaException changed = assertThrows(ZhifaException.class,
                () -> f.cases.transition(id, "decide", fine("30000"), null, -1, LEADER));
        assertEquals("REVIEW_DRAFT_CHANGED", changed.code());
        DecisionDraft v2 = f.review.saveDraft(id, "decide", fine("30000"), OFFICER);
        assertEquals(2, v2.version());
        assertEquals(ReviewStatus.VOID, f.review.review(first.id(), OFFICER).orElseThrow().status());
        assertEquals(new org.zhifa.api.legalreview.ReviewCounts(0, 0, 0, 0, 0, 0, 0, 1), f.review.counts(OFFICER));
        assertEquals("REVIEW_DRAFT_CHANGED", assertThrows(ZhifaException.class,
                () -> f.cases.transition(id, "decide", fine("20000"), null, -1, LEADER)).code(), "the old pass is void");
        assertEquals("REVIEW_REQUIRED", assertThrows(ZhifaException.class,
                () -> f.cases.transition(id, "decide", fine("30000"), null, -1, LEADER)).code());
        assertEquals("DRAFT_UNCHANGED", assertThrows(ZhifaException.class,
                () -> f.review.saveDraft(id, "decide", fine("30000.00"), OFFICER)).code());
        // a non-major decision is still held to the major draft's review: the database would refuse it too
        assertEquals("REVIEW_DRAFT_CHANGED", assertThrows(ZhifaException.class,
                () -> f.cases.transition(id, "decide", fine("500"), null, -1, LEADER)).code());
        assertEquals(4, entries(id).stream().filter("legalreview.decision.refused"::equals).count());
    }

    @Test
    void theDatabaseRefusesADecisionRowWithoutAPassedReviewAndAnyChangeOfOne() throws SQLException {
        long id = f.kase(PartyType.PERSON);
        DecisionDraft d = f.review.saveDraft(id, "decide", fine("20000"), OFFICER);
        String insert = "INSERT INTO LR_DECISION (BUREAU, CASE_ID, TRANSITION, HASH, DRAFT_ID, REVIEW_ID,"
                + " CATALOGUE_VERSION, MAJOR, REVIEW_REQUIRED, EVALUATION, ACTOR, AT_TIME) VALUES ('430421', " + id
                + ", 'decide', '" + d.hash() + "', " + d.id() + ", %s, 1, FALSE, FALSE, '{}', 'dba', CURRENT_TIMESTAMP)";
        try (Connection c = f.db.connect(); Statement st = c.createStatement()) {
            SQLException e = assertThrows(SQLException.class, () -> st.executeUpdate(String.format(insert, "NULL")));
            assertEquals("23513", e.getSQLState());
            assertTrue(e.getMessage().contains("LR_DECISION_NEEDS_PASSED_REVIEW"), e.getMessage());
            LegalReview r = f.review.submit(id, d.id(), MATERIALS, null, OFFICER);
            assertEquals("23513", assertThrows(SQLException.class,
                    () -> st.executeUpdate(String.format(insert, r.id()))).getSQLState(), "submitted is not passed");
            f.review.assign(r.id(), "qian", LEADER);
            f.review.decide(r.id(), allOk(), true, "同意", REVIEWER);
            assertEquals(1, st.executeUpdate(String.format(insert, r.id())), "a passed review of the draft admits");
            assertEquals("23513", assertThrows(SQLException.class,
                    () -> st.executeUpdate("UPDATE LR_DECISION SET MAJOR = TRUE")).getSQLState());
            assertEquals("23513", assertThrows(SQLException.class,
                    () -> st.executeUpdate("DELETE FROM LR_DECISION")).getSQLState());
            assertEquals("23513", assertThrows(SQLException.class,
                    () -> st.executeUpdate("DELETE FROM LR_CATALOGUE")).getSQLState());
            assertEquals("23513", assertThrows(SQLException.class,
                    () -> st.executeUpdate("UPDATE LR_REVIEW_EVENT SET STATUS = 'PASSED'")).getSQLState());
        }
    }

    @Test
    void deadlinesCountWorkingDaysAcrossTheSpringFestivalAndExtendOnce() {
        long id = f.kase(PartyType.PERSON);
        DecisionDraft d = f.review.saveDraft(id, "decide", fine("20000"), OFFICER);
        assertEquals("MATERIALS_MISSING", assertThrows(ZhifaException.class,
                () -> f.review.submit(id, d.id(), Set.of(Material.EVIDENCE), null, OFFICER)).code());
        LegalReview r = f.review.submit(id, d.id(), MATERIALS, "请审核", OFFICER);
        // Fri 13, Sat 14 (调休上班), 15–23 off, 24, 25, 26
        assertEquals(LocalDate.parse("2026-02-26"), r.due());
        assertFalse(r.overdue());
        assertEquals("FORBIDDEN_ROLE", assertThrows(ZhifaException.class,
                () -> f.review.extend(r.id(), "案情复杂", OFFICER)).code());
        LegalReview extended = f.review.extend(r.id(), "案情复杂", LEADER);
        // 27, Sat 28 (调休上班), Mon 3/2
        assertEquals(LocalDate.parse("2026-03-02"), extended.due());
        assertTrue(extended.extended());
        assertEquals("REVIEW_EXTENDED_ONCE", assertThrows(ZhifaException.class,
                () -> f.review.extend(r.id(), "再延", LEADER)).code());
        Fixture later = null;
        try {
            // the same database seen on 2026-03-03: overdue
            LegalReviewServiceImpl march = new LegalReviewServiceImpl(f.dataSource, f.log, Fixture.BUREAU, f.cases,
                    org.zhifa.testsupport.FixedWorkingDays.spring2026(), f.register,
                    LegalReviewServiceImpl.Settings.of(org.zhifa.testsupport.Configs.defaults(LegalReviewConfig.class)),
                    java.time.Clock.fixed(LocalDate.parse("2026-03-03").atTime(10, 0).atZone(Fixture.ZONE).toInstant(),
                            Fixture.ZONE));
            LegalReview overdue = march.pending(LEADER).get(0);
            assertTrue(overdue.overdue());
        } finally {
            if (later != null) {
                later.close();
            }
        }
    }

    @Test
    void reviewersMustBeRegisteredQualifiedForTheirFirstReviewAndAssigned() {
        long id = f.kase(PartyType.PERSON);
        DecisionDraft d = f.review.saveDraft(id, "decide", fine("20000"), OFFICER);
        LegalReview r = f.review.submit(id, d.id(), MATERIALS, null, OFFICER);
        ZhifaException novice = assertThrows(ZhifaException.class, () -> f.review.assign(r.id(), "sun", LEADER));
        assertEquals("REVIEWER_UNQUALIFIED", novice.code());
        assertTrue(novice.messageZh().contains("第五十八条"), novice.messageZh());
        assertEquals("REVIEWER_UNKNOWN", assertThrows(ZhifaException.class,
                () -> f.review.assign(r.id(), "nobody", LEADER)).code());
        f.review.saveReviewer(new org.zhifa.api.legalreview.Reviewer("wang", "王办案", "执法大队", true, "A2020", true, 0,
                List.of()), ADMIN);
        assertEquals("REVIEWER_IS_HANDLER", assertThrows(ZhifaException.class,
                () -> f.review.assign(r.id(), "wang", LEADER)).code(), "who drafted it may not review it");
        assertEquals("FORBIDDEN_ROLE", assertThrows(ZhifaException.class,
                () -> f.review.assign(r.id(), "qian", OFFICER)).code());
        f.review.assign(r.id(), "qian", LEADER);
        assertEquals("REVIEW_NOT_ASSIGNED_TO_YOU", assertThrows(ZhifaException.class,
                () -> f.review.decide(r.id(), allOk(), true, "同意", NOVICE)).code());
        List<Finding> problem = allOk().stream().map(x -> x.item() == ChecklistItem.EVIDENCE
                ? new Finding(x.item(), Finding.Verdict.PROBLEM, "证据不足") : x).toList();
        assertEquals("REVIEW_PASS_WITH_PROBLEM", assertThrows(ZhifaException.class,
                () -> f.review.decide(r.id(), problem, true, "同意", REVIEWER)).code());
        assertEquals("FINDINGS_MISSING", assertThrows(ZhifaException.class,
                () -> f.review.decide(r.id(), allOk().subList(0, 10), true, "同意", REVIEWER)).code());
        assertEquals("FIELD_MARKUP", assertThrows(ZhifaException.class,
                () -> f.review.decide(r.id(), allOk(), true, "<script>x</script>", REVIEWER)).code());
        LegalReview failed = f.review.decide(r.id(), problem, false, "证据不足，不同意", REVIEWER);
        assertEquals(ReviewStatus.FAILED, failed.status());
        assertEquals(1, f.review.reviewers(ADMIN).stream().filter(x -> x.user().equals("qian")).findFirst()
                .orElseThrow().reviewsDone());
        assertEquals("REVIEW_NOT_PASSED", assertThrows(ZhifaException.class,
                () -> f.cases.transition(id, "decide", fine("20000"), null, -1, LEADER)).code());
    }

    @Test
    void aFailedReviewEscalatedToCollectiveDiscussionMayBeAdopted() {
        long id = f.kase(PartyType.PERSON);
        DecisionDraft d = f.review.saveDraft(id, "decide", fine("20000"), OFFICER);
        LegalReview r = f.review.submit(id, d.id(), MATERIALS, null, OFFICER);
        assertEquals("REVIEW_ESCALATE_FAILED_ONLY", assertThrows(ZhifaException.class,
                () -> f.review.escalate(r.id(), "不同意审核意见", OFFICER)).code());
        f.review.assign(r.id(), "qian", LEADER);
        f.review.addCounselOpinion(r.id(), org.zhifa.api.legalreview.CounselOpinion.Role.LEGAL_ADVISER, "李律师",
                "建议处罚", REVIEWER);
        f.review.decide(r.id(), allOk(), false, "裁量偏重", REVIEWER);
        f.review.escalate(r.id(), "裁量符合基准", OFFICER);
        LegalReview adopted = f.review.recordDiscussion(r.id(), new Discussion(LocalDate.parse("2026-02-12"),
                List.of(new Discussion.MemberOpinion("赵局长", "局长", "同意"),
                        new Discussion.MemberOpinion("钱审核", "科长", "保留意见")), true, "按草案作出决定", null, null),
                LEADER);
        assertEquals(ReviewStatus.ADOPTED, adopted.status());
        assertEquals(new org.zhifa.api.legalreview.ReviewCounts(0, 0, 0, 0, 0, 1, 0, 0), f.review.counts(REVIEWER));
        assertEquals(1, adopted.counsel().size());
        assertTrue(adopted.discussion().orElseThrow().adopt());
        assertEquals("decided", f.cases.transition(id, "decide", fine("20000"), null, -1, LEADER).step());
    }

    @Test
    void catalogueVersionsApplyByDateAndOldDecisionsKeepTheirs() {
        assertEquals(1, f.review.catalogueOn(LocalDate.parse("2026-02-12"), OFFICER).version());
        long before = f.kase(PartyType.PERSON);
        f.cases.transition(before, "decide", fine("5000"), null, -1, LEADER);
        // v2 lowers the citizen's threshold to 5000, from today
        List<CatalogueRule> rules = List.of(new CatalogueRule(0, RuleType.FINE, null, List.of(), Fixture.dec("5000"),
                PartyType.PERSON, null, "对公民处以5000元以上罚款", null));
        CatalogueDraft v2 = new CatalogueDraft(LocalDate.parse("2026-02-12"), false, rules, "试行");
        long open = f.kase(PartyType.PERSON);
        f.review.saveDraft(open, "decide", fine("6000"), OFFICER);
        List<PreviewRow> preview = f.review.previewCatalogue(v2, ADMIN);
        assertEquals(List.of(open), preview.stream().map(PreviewRow::caseId).toList(), "only the open case with 6000");
        assertFalse(preview.get(0).before().major());
        assertTrue(preview.get(0).after().major());
        assertEquals("FORBIDDEN_ROLE", assertThrows(ZhifaException.class, () -> f.review.publishCatalogue(v2, OFFICER))
                .code());
        assertEquals("CATALOGUE_DATE", assertThrows(ZhifaException.class, () -> f.review.publishCatalogue(
                new CatalogueDraft(LocalDate.parse("2020-01-01"), false, rules, null), ADMIN)).code());
        Catalogue published = f.review.publishCatalogue(v2, ADMIN);
        assertEquals(2, published.version());
        assertEquals(1, f.review.catalogueOn(LocalDate.parse("2026-02-11"), OFFICER).version());
        assertEquals(2, f.review.catalogueOn(LocalDate.parse("2026-02-12"), OFFICER).version());
        long after = f.kase(PartyType.PERSON);
        assertEquals("REVIEW_REQUIRED", assertThrows(ZhifaException.class,
                () -> f.cases.transition(after, "decide", fine("5000"), null, -1, LEADER)).code());
        assertEquals(1, f.db.count("SELECT CATALOGUE_VERSION FROM LR_DECISION WHERE CASE_ID = " + before),
                "the old decision keeps the version it was judged under");
        assertEquals("RULE_INCOMPLETE", assertThrows(ZhifaException.class, () -> f.review.publishCatalogue(
                new CatalogueDraft(LocalDate.parse("2026-03-01"), false, List.of(new CatalogueRule(0, RuleType.FINE,
                        null, List.of(), null, null, null, "罚款", null)), null), ADMIN)).code());
    }

    @Test
    void flagsMakeACaseMajorAndKeepTheirHistory() {
        long id = f.kase(PartyType.PERSON);
        assertEquals(Set.of(CaseFlag.COMPLEX), f.review.setFlag(id, CaseFlag.COMPLEX, true, "多方争议", LEADER));
        assertTrue(f.review.evaluate(id, "decide", fine("100"), OFFICER).major());
        assertEquals("FLAG_ALREADY_SET", assertThrows(ZhifaException.class,
                () -> f.review.setFlag(id, CaseFlag.COMPLEX, true, "again", LEADER)).code());
        assertEquals(Set.of(), f.review.setFlag(id, CaseFlag.COMPLEX, false, "争议已消除", LEADER));
        assertFalse(f.review.evaluate(id, "decide", fine("100"), OFFICER).major());
        assertEquals(2, f.db.count("SELECT COUNT(*) FROM LR_FLAG WHERE CASE_ID = " + id));
    }

    @Test
    void staffingAgainstActiveOfficers() {
        f.review.addTraining("qian", new org.zhifa.api.legalreview.Reviewer.Training(LocalDate.parse("2026-01-10"),
                Fixture.dec("8"), "行政处罚法"), ADMIN);
        StaffingReport s = f.review.staffing(LEADER);
        assertEquals(2, s.reviewers());
        assertEquals(1, s.qualifiedReviewers());
        assertEquals(20, s.enforcementStaff());
        assertEquals(Fixture.dec("0.1000"), s.ratio());
        assertTrue(s.met());
        assertEquals(0, Fixture.dec("8").compareTo(s.trainingHours()));
    }
}
