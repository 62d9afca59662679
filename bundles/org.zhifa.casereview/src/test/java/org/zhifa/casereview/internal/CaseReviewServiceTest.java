package org.zhifa.casereview.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zhifa.api.casereview.Deduction;
import org.zhifa.api.casereview.Grade;
import org.zhifa.api.casereview.ReviewCatalogue;
import org.zhifa.api.casereview.ReviewResult;
import org.zhifa.api.casereview.ReviewRound;
import org.zhifa.api.casereview.Reviewer;
import org.zhifa.api.casereview.RoundCase;
import org.zhifa.api.casereview.RoundDraft;
import org.zhifa.api.casereview.RoundReport;
import org.zhifa.api.casereview.RoundStatus;
import org.zhifa.api.casereview.ScoreDraft;
import org.zhifa.api.common.Actor;
import org.zhifa.api.common.Roles;
import org.zhifa.api.common.ZhifaException;

class CaseReviewServiceTest {
    static final Actor LEADER = new Actor("leader", Set.of(Roles.LEADER));
    static final Actor OFFICER = new Actor("officer", Set.of(Roles.OFFICER));
    static final Actor REVIEWER = new Actor("reviewer", Set.of(Roles.REVIEWER));
    static final Actor WANG = new Actor("wang", Set.of(Roles.OFFICER));
    static final ReviewCatalogue CATALOGUE =
            CaseReviewServiceImpl.load(Path.of("../../etc/zhifa-casereview-catalogue.json"));

    TestDb db;
    FakeRecord record;
    CaseReviewServiceImpl service;
    List<Long> closed2026 = new ArrayList<>();
    long ownCase;

    @BeforeEach
    void setUp() {
        db = new TestDb("review");
        record = new FakeRecord();
        service = new CaseReviewServiceImpl(db.dataSource, record, TestDb.BUREAU, CATALOGUE,
                Scoring.Thresholds.parse("90", "70"));
        db.officer(1, "王建国");
        db.officer(2, "李明");
        db.officer(3, "张三");
        for (int i = 0; i < 9; i++) {
            closed2026.add(db.kase("penalty", "行政处罚", LocalDate.of(2026, 1 + i, 3), "filed", "立案",
                    LocalDateTime.of(2026, 2 + i, 10, 15, 0), "officer", "leader", 1, 2));
        }
        // wang (officer 3) handled this one
        ownCase = db.kase("license", "行政许可", LocalDate.of(2026, 3, 1), "filed", "受理",
                LocalDateTime.of(2026, 6, 1, 10, 0), "officer", "leader", 3);
        closed2026.add(ownCase);
        db.kase("penalty", "行政处罚", LocalDate.of(2025, 11, 3), "filed", "立案",
                LocalDateTime.of(2025, 12, 20, 10, 0), "officer", "leader", 1); // closed in 2025
        db.kase("penalty", "行政处罚", LocalDate.of(2026, 4, 3), "investigation", "调查取证", null, "officer",
                "officer", 1, 2); // still open
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    ReviewRound all() {
        return service.create(new RoundDraft(2026, "2026年度案卷评查", null, null,
                List.of(new Reviewer("reviewer", null), new Reviewer("wang", 3L))), LEADER);
    }

    @Test
    void aRoundTakesEveryCaseClosedInTheYear() {
        ReviewRound round = all();
        assertEquals(10, round.cases());
        assertEquals(10, round.population());
        assertNull(round.seed());
        assertEquals(RoundStatus.OPEN, round.status());
        assertEquals(CATALOGUE.version(), round.catalogueVersion());
        assertEquals(closed2026, service.cases(round.id(), OFFICER).stream().map(RoundCase::caseId).toList());
        assertEquals(List.of("王建国", "李明"), service.cases(round.id(), OFFICER).get(0).officers());
        assertEquals(1, record.appended.size());
        assertEquals("casereview", record.appended.get(0).objectType());
        assertEquals("casereview.round.created", record.appended.get(0).entryType());
        assertTrue(record.appended.get(0).payload().contains("\"population\":" + closed2026.toString().replace(" ", "")));
    }

    @Test
    void aSampleIsReproducibleFromItsSeed() {
        ReviewRound a = service.create(new RoundDraft(2026, "抽查甲", 4, 20261126L, List.of(new Reviewer("reviewer", null))), LEADER);
        ReviewRound b = service.create(new RoundDraft(2026, "抽查乙", 4, 20261126L, List.of(new Reviewer("reviewer", null))), LEADER);
        List<Long> sa = service.cases(a.id(), OFFICER).stream().map(RoundCase::caseId).toList();
        List<Long> sb = service.cases(b.id(), OFFICER).stream().map(RoundCase::caseId).toList();
        assertEquals(4, sa.size());
        assertEquals(sa, sb);
        assertEquals(sa, Sampling.sample(closed2026, 4, 20261126L));
        assertTrue(closed2026.containsAll(sa));
        assertEquals(20261126L, a.seed());
        assertEquals(10, a.population());
        // another seed draws another sample (for this population and these seeds: checked, not hoped)
        assertNotEquals(sa, Sampling.sample(closed2026, 4, 7L));
        // the recorded seed was drawn by the service when none was given, and reproduces its sample
        ReviewRound c = service.create(new RoundDraft(2026, "抽查丙", 3, null, List.of(new Reviewer("reviewer", null))), LEADER);
        assertEquals(Sampling.sample(closed2026, 3, c.seed()),
                service.cases(c.id(), OFFICER).stream().map(RoundCase::caseId).toList());
        // the shuffle is the documented one: this sample was computed by an independent implementation of
        // java.util.Random from its specification, so a change of algorithm cannot pass unnoticed
        assertEquals(List.of(3L, 4L, 7L), Sampling.sample(List.of(5L, 1L, 2L, 3L, 4L, 6L, 7L, 8L), 3, 42L));
    }

    @Test
    void roundsNeedALeaderAndSaneInput() {
        RoundDraft ok = new RoundDraft(2026, "x", null, null, List.of(new Reviewer("reviewer", null)));
        assertEquals("FORBIDDEN", kind(() -> service.create(ok, OFFICER)));
        assertEquals("casereview.round.empty", code(() -> service.create(new RoundDraft(2024, "x", null, null,
                List.of(new Reviewer("reviewer", null))), LEADER)));
        assertEquals("casereview.reviewers.empty", code(() -> service.create(new RoundDraft(2026, "x", null, null,
                List.of()), LEADER)));
        assertEquals("casereview.reviewer.twice", code(() -> service.create(new RoundDraft(2026, "x", null, null,
                List.of(new Reviewer("a", null), new Reviewer("a", null))), LEADER)));
        assertEquals("casereview.sample.invalid", code(() -> service.create(new RoundDraft(2026, "x", 0, null,
                List.of(new Reviewer("a", null))), LEADER)));
        assertEquals("casereview.name.invalid", code(() -> service.create(new RoundDraft(2026, " ", null, null,
                List.of(new Reviewer("a", null))), LEADER)));
        assertEquals(0, db.count("SELECT COUNT(*) FROM CR_ROUND"));
        assertEquals(0, record.appended.size());
    }

    @Test
    void nobodyReviewsACaseTheyHandled() {
        ReviewRound round = service.create(new RoundDraft(2026, "r", null, null,
                List.of(new Reviewer("officer", null), new Reviewer("wang", 3L), new Reviewer("reviewer", null))), LEADER);
        long first = closed2026.get(0);
        // officer filed every case: refused as a user
        assertEquals("casereview.assign.own.case", code(() -> service.assign(round.id(), Map.of(first, "officer"), LEADER)));
        // wang is officer 3, assigned to ownCase: refused as an officer of the register
        assertEquals("casereview.assign.own.case", code(() -> service.assign(round.id(), Map.of(ownCase, "wang"), LEADER)));
        assertEquals(0, db.count("SELECT COUNT(*) FROM CR_ASSIGNMENT"));
        // the leader moved (closed) every case: a leader as reviewer would be refused too
        List<RoundCase> cases = service.assign(round.id(), Map.of(first, "wang", ownCase, "reviewer"), LEADER);
        assertEquals("wang", cases.stream().filter(c -> c.caseId() == first).findFirst().orElseThrow().reviewer());
        // assigning the rest never picks officer (filed all) nor wang for ownCase
        List<RoundCase> rest = service.assignRemaining(round.id(), LEADER);
        assertTrue(rest.stream().allMatch(c -> c.reviewer() != null));
        assertTrue(rest.stream().noneMatch(c -> "officer".equals(c.reviewer())));
        assertEquals("reviewer", rest.stream().filter(c -> c.caseId() == ownCase).findFirst().orElseThrow().reviewer());
        // balanced between the two who may review
        long wang = rest.stream().filter(c -> "wang".equals(c.reviewer())).count();
        assertEquals(5, wang);
        assertEquals(3, record.appended.size());
        assertEquals("casereview.assigned", record.appended.get(2).entryType());
    }

    @Test
    void handlersIncludeOfficersTakenOffTheCase() {
        long removed = db.kase("penalty", "行政处罚", LocalDate.of(2026, 5, 1), "filed", "立案",
                LocalDateTime.of(2026, 7, 1, 9, 0), "officer", "leader", 1);
        db.removeOfficer(removed, 3);
        ReviewRound round = service.create(new RoundDraft(2026, "r", null, null, List.of(new Reviewer("wang", 3L))), LEADER);
        assertEquals("casereview.assign.own.case", code(() -> service.assign(round.id(), Map.of(removed, "wang"), LEADER)));
    }

    @Test
    void scoresAddUpAndGradesFollowTheThresholds() {
        ReviewRound round = all();
        long caseId = closed2026.get(0);
        service.assign(round.id(), Map.of(caseId, "reviewer"), LEADER);
        ReviewResult r = service.submit(round.id(), caseId, new ScoreDraft(List.of(
                new Deduction("C3", null, new BigDecimal("2.5"), "询问笔录无当事人签名"),
                new Deduction("C4", null, new BigDecimal("5"), "现场检查无音像记录"),
                new Deduction("G1", null, new BigDecimal("3"), "文书要素不全")), "证据部分需加强", null), REVIEWER);
        assertEquals(new BigDecimal("89.50"), r.total());
        assertEquals(Grade.PASS, r.grade());
        assertEquals(1, r.revision());
        ReviewResult.ItemScore evidence = r.items().stream().filter(i -> i.code().equals("C")).findFirst().orElseThrow();
        assertEquals(new BigDecimal("12.50"), evidence.score());
        assertEquals(new BigDecimal("20.00"), evidence.points());
        assertEquals("C", r.deductions().get(0).itemCode());
        assertEquals(8, r.items().size());
        assertEquals(r.total(), r.items().stream().map(ReviewResult.ItemScore::score).reduce(BigDecimal.ZERO, BigDecimal::add));

        assertEquals(Grade.EXCELLENT, service.grade(new BigDecimal("90")));
        assertEquals(Grade.PASS, service.grade(new BigDecimal("89.99")));
        assertEquals(Grade.PASS, service.grade(new BigDecimal("70")));
        assertEquals(Grade.FAIL, service.grade(new BigDecimal("69.99")));
        Scoring.Thresholds strict = Scoring.Thresholds.parse("95", "80");
        assertEquals(Grade.FAIL, strict.grade(new BigDecimal("79.5")));
        assertEquals(Grade.PASS, strict.grade(new BigDecimal("94")));
        assertThrows(IllegalArgumentException.class, () -> Scoring.Thresholds.parse("60", "70"));
    }

    @Test
    void deductionsStayWithinTheirSubItemAndItem() {
        ReviewRound round = all();
        long caseId = closed2026.get(0);
        service.assign(round.id(), Map.of(caseId, "reviewer"), LEADER);
        assertEquals("casereview.deduction.subitem.exceeded", code(() -> service.submit(round.id(), caseId,
                new ScoreDraft(List.of(new Deduction("C3", null, new BigDecimal("3"), "a"),
                        new Deduction("C3", null, new BigDecimal("3"), "b")), null, null), REVIEWER)));
        // H1 (3) + H2 (2) = 5 = item H: allowed; C1 20 + C2 1 > 20: refused
        assertEquals("casereview.deduction.item.exceeded", code(() -> service.submit(round.id(), caseId,
                new ScoreDraft(List.of(new Deduction("C1", null, new BigDecimal("20"), "a"),
                        new Deduction("C2", null, new BigDecimal("1"), "b")), null, null), REVIEWER)));
        assertEquals("casereview.deduction.unknown", code(() -> service.submit(round.id(), caseId,
                new ScoreDraft(List.of(new Deduction("Z9", null, BigDecimal.ONE, "a")), null, null), REVIEWER)));
        assertEquals("casereview.deduction.reason", code(() -> service.submit(round.id(), caseId,
                new ScoreDraft(List.of(new Deduction("C3", null, BigDecimal.ONE, " ")), null, null), REVIEWER)));
        assertEquals("casereview.deduction.points", code(() -> service.submit(round.id(), caseId,
                new ScoreDraft(List.of(new Deduction("C3", null, new BigDecimal("-1"), "a")), null, null), REVIEWER)));
        assertEquals("casereview.deduction.points", code(() -> service.submit(round.id(), caseId,
                new ScoreDraft(List.of(new Deduction("C3", null, new BigDecimal("0.125"), "a")), null, null), REVIEWER)));
        assertEquals(0, db.count("SELECT COUNT(*) FROM CR_RESULT"));
        ReviewResult full = service.submit(round.id(), caseId, new ScoreDraft(List.of(
                new Deduction("H1", null, new BigDecimal("3"), "a"), new Deduction("H2", null, new BigDecimal("2"), "b")),
                null, null), REVIEWER);
        assertEquals(new BigDecimal("95.00"), full.total());
        assertEquals(Grade.EXCELLENT, full.grade());
    }

    @Test
    void onlyTheAssignedReviewerScores() {
        ReviewRound round = all();
        long caseId = closed2026.get(0);
        ScoreDraft none = new ScoreDraft(List.of(), null, null);
        assertEquals("casereview.score.unassigned", code(() -> service.submit(round.id(), caseId, none, REVIEWER)));
        service.assign(round.id(), Map.of(caseId, "reviewer"), LEADER);
        assertEquals("FORBIDDEN", kind(() -> service.submit(round.id(), caseId, none, WANG)));
        assertEquals("FORBIDDEN", kind(() -> service.submit(round.id(), caseId, none, LEADER)));
        assertEquals(new BigDecimal("100.00"), service.submit(round.id(), caseId, none, REVIEWER).total());
    }

    @Test
    void aSubmittedResultIsRevisedNeverEdited() {
        ReviewRound round = all();
        long caseId = closed2026.get(0);
        service.assign(round.id(), Map.of(caseId, "reviewer"), LEADER);
        service.submit(round.id(), caseId, new ScoreDraft(List.of(
                new Deduction("F1", null, new BigDecimal("15"), "未告知听证权利"),
                new Deduction("D1", null, new BigDecimal("10"), "适用条款错误")), null, null), REVIEWER);
        assertEquals("casereview.revision.reason", code(() -> service.submit(round.id(), caseId,
                new ScoreDraft(List.of(), null, null), REVIEWER)));
        ReviewResult second = service.submit(round.id(), caseId, new ScoreDraft(List.of(
                new Deduction("D2", null, new BigDecimal("2"), "条款不完整")), "复核后改正", "复核发现已告知听证权利"), REVIEWER);
        assertEquals(2, second.revision());
        List<ReviewResult> all = service.results(round.id(), caseId, OFFICER);
        assertEquals(2, all.size());
        assertEquals(new BigDecimal("75.00"), all.get(0).total());
        assertEquals(Grade.PASS, all.get(0).grade());
        assertEquals(2, all.get(0).deductions().size());
        assertNull(all.get(0).revisionReason());
        assertEquals(new BigDecimal("98.00"), all.get(1).total());
        assertEquals("复核发现已告知听证权利", all.get(1).revisionReason());
        RoundCase rc = service.cases(round.id(), OFFICER).get(0);
        assertEquals(2, rc.revision());
        assertEquals(new BigDecimal("98.00"), rc.score());
        // a scored case is not given to another reviewer
        assertEquals("casereview.assign.scored", code(() -> service.assign(round.id(), Map.of(caseId, "wang"), LEADER)));
        assertEquals(4, record.appended.size());
        assertTrue(record.appended.get(3).payload().contains("\"revision\":2"));
    }

    @Test
    void aFailingRecordLeavesNothingWritten() {
        ReviewRound round = all();
        long caseId = closed2026.get(0);
        service.assign(round.id(), Map.of(caseId, "reviewer"), LEADER);
        record.failNext = true;
        assertThrows(IllegalStateException.class, () -> service.submit(round.id(), caseId,
                new ScoreDraft(List.of(new Deduction("C3", null, BigDecimal.ONE, "x")), null, null), REVIEWER));
        assertEquals(0, db.count("SELECT COUNT(*) FROM CR_RESULT"));
        assertEquals(0, db.count("SELECT COUNT(*) FROM CR_DEDUCTION"));
        assertEquals(0, db.count("SELECT COUNT(*) FROM CR_ITEM_SCORE"));
        record.failNext = true;
        assertThrows(IllegalStateException.class, () -> all());
        assertEquals(1, db.count("SELECT COUNT(*) FROM CR_ROUND"));
    }

    @Test
    void theReportAveragesByKindAndOfficerAndCountsDeductions() {
        ReviewRound round = all();
        service.assignRemaining(round.id(), LEADER);
        List<RoundCase> cases = service.cases(round.id(), OFFICER);
        int scored = 0;
        for (RoundCase rc : cases) {
            Actor who = "wang".equals(rc.reviewer()) ? WANG : REVIEWER;
            if (rc.caseId() == ownCase) {
                service.submit(round.id(), rc.caseId(), new ScoreDraft(List.of(
                        new Deduction("B1", null, new BigDecimal("15"), "事实不清"),
                        new Deduction("C1", null, new BigDecimal("20"), "证据不足")), null, null), who);
            } else if (scored < 3) {
                service.submit(round.id(), rc.caseId(), new ScoreDraft(List.of(
                        new Deduction("G1", null, new BigDecimal("2"), "要素不全")), null, null), who);
            } else {
                continue;
            }
            scored++;
        }
        RoundReport report = service.report(round.id(), OFFICER);
        assertEquals(4, report.cases().stream().filter(c -> c.score() != null).count());
        // 3 × 98 + 65 = 359 / 4
        assertEquals(new BigDecimal("89.75"), report.average());
        assertEquals(0, report.pass());
        assertEquals(3, report.excellent());
        assertEquals(1, report.fail());
        RoundReport.Average license = report.byKind().stream().filter(a -> a.key().equals("license")).findFirst().orElseThrow();
        assertEquals(new BigDecimal("65.00"), license.average());
        assertEquals(1, license.cases());
        RoundReport.Average zhang = report.byOfficer().stream().filter(a -> a.titleZh().equals("张三")).findFirst().orElseThrow();
        assertEquals(new BigDecimal("65.00"), zhang.average());
        RoundReport.Average wangJianguo = report.byOfficer().stream().filter(a -> a.titleZh().equals("王建国")).findFirst().orElseThrow();
        assertEquals(3, wangJianguo.cases());
        assertEquals(new BigDecimal("98.00"), wangJianguo.average());
        assertEquals("G1", report.deductions().get(0).subItemCode());
        assertEquals(3, report.deductions().get(0).count());
        assertEquals(new BigDecimal("6.00"), report.deductions().get(0).points());
        assertEquals("文书", report.deductions().get(0).itemTitle());
    }

    @Test
    void aClosedRoundTakesNoMoreResults() {
        ReviewRound round = all();
        long caseId = closed2026.get(0);
        service.assign(round.id(), Map.of(caseId, "reviewer"), LEADER);
        assertEquals("FORBIDDEN", kind(() -> service.close(round.id(), REVIEWER)));
        assertEquals(RoundStatus.CLOSED, service.close(round.id(), LEADER).status());
        assertEquals("casereview.round.closed", code(() -> service.submit(round.id(), caseId,
                new ScoreDraft(List.of(), null, null), REVIEWER)));
        assertEquals("casereview.round.closed", code(() -> service.close(round.id(), LEADER)));
    }

    @Test
    void aRoundKeepsItsCatalogueWhenTheFileChanges() {
        ReviewRound round = all();
        ReviewCatalogue newer = new ReviewCatalogue("2027-1", "新标准", "2027-01-01", List.of(
                new ReviewCatalogue.Item("X", "全部", new BigDecimal("100"), List.of(
                        new ReviewCatalogue.SubItem("X1", "任何问题", new BigDecimal("100"))))));
        CaseReviewServiceImpl later = new CaseReviewServiceImpl(db.dataSource, record, TestDb.BUREAU, newer,
                Scoring.Thresholds.parse("90", "70"));
        long caseId = closed2026.get(0);
        later.assign(round.id(), Map.of(caseId, "reviewer"), LEADER);
        assertEquals("casereview.deduction.unknown", code(() -> later.submit(round.id(), caseId,
                new ScoreDraft(List.of(new Deduction("X1", null, BigDecimal.ONE, "x")), null, null), REVIEWER)));
        assertEquals(new BigDecimal("99.00"), later.submit(round.id(), caseId,
                new ScoreDraft(List.of(new Deduction("C3", null, BigDecimal.ONE, "x")), null, null), REVIEWER).total());
        assertEquals(CATALOGUE, later.catalogue(CATALOGUE.version()).orElseThrow());
        // the same version with other content is refused, not silently replaced
        ReviewCatalogue forged = new ReviewCatalogue(CATALOGUE.version(), "改过的", null, newer.items());
        CaseReviewServiceImpl bad = new CaseReviewServiceImpl(db.dataSource, record, TestDb.BUREAU, forged,
                Scoring.Thresholds.parse("90", "70"));
        assertEquals("casereview.catalogue.changed", code(() -> bad.create(new RoundDraft(2026, "x", null, null,
                List.of(new Reviewer("reviewer", null))), LEADER)));
    }

    static String code(Runnable r) {
        return assertThrows(ZhifaException.class, r::run).code();
    }

    static String kind(Runnable r) {
        return assertThrows(ZhifaException.class, r::run).kind().name();
    }
}
