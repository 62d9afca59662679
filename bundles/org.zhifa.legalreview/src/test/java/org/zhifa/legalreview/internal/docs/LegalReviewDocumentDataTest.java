package org.zhifa.legalreview.internal.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.zhifa.api.common.Actor;
import org.zhifa.api.common.Roles;
import org.zhifa.api.document.DocumentRenderer;
import org.zhifa.api.document.DocumentTemplate;
import org.zhifa.api.legalreview.ChecklistItem;
import org.zhifa.api.legalreview.CounselOpinion;
import org.zhifa.api.legalreview.DecisionDraft;
import org.zhifa.api.legalreview.Discussion;
import org.zhifa.api.legalreview.Finding;
import org.zhifa.api.legalreview.LegalReview;
import org.zhifa.api.legalreview.LegalReviewService;
import org.zhifa.api.legalreview.MajorEvaluation;
import org.zhifa.api.legalreview.Material;
import org.zhifa.api.legalreview.ReviewStatus;
import org.zhifa.api.legalreview.Reviewer;
import org.zhifa.documents.internal.DocumentsConfig;
import org.zhifa.documents.internal.Renderer;
import org.zhifa.kind.penalty.internal.PenaltyKind;
import org.zhifa.testsupport.Configs;
import org.zhifa.testsupport.DocumentTemplateAssertions;

/** The 法制审核栏 (V6) from the review of the latest draft, and how it reads in the penalty decision's PDF. */
class LegalReviewDocumentDataTest {
    static final Actor OFFICER = new Actor("officer", Set.of(Roles.OFFICER));
    static final MajorEvaluation MAJOR = new MajorEvaluation(true, true, 2, LocalDate.of(2026, 1, 1),
            List.of(new MajorEvaluation.Reason(3, "重大：罚款 20000 ≥ 10000（公民），目录 v2（2026-01-01 起施行）第 3 条",
                    "major: fine 20000 >= 10000 (citizen), rule 3 of catalogue v2")));
    static final MajorEvaluation MINOR = new MajorEvaluation(false, false, 1, LocalDate.of(2025, 1, 1), List.of());
    static final Instant MARCH_2 = Instant.parse("2026-03-02T02:00:00Z");
    static final Instant MARCH_4_LATE = Instant.parse("2026-03-04T17:30:00Z"); // 03-05 in Beijing

    /** What the fake service holds for case 7. */
    final List<DecisionDraft> drafts = new ArrayList<>();
    final List<LegalReview> reviews = new ArrayList<>();
    MajorEvaluation evaluateGives = MINOR;

    LegalReviewService service() {
        return (LegalReviewService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {LegalReviewService.class}, (p, m, a) -> switch (m.getName()) {
                    case "drafts" -> List.copyOf(drafts);
                    case "reviewsOfCase" -> List.copyOf(reviews);
                    case "reviewers" -> List.of(new Reviewer("reviewer", "李法审", "法规科", true, "A2019", true, 3, List.of()));
                    case "evaluate" -> evaluateGives;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    static DecisionDraft draft(long id, int version, MajorEvaluation e, boolean current) {
        return new DecisionDraft(id, 7, version, "decide", Map.of("fineAmount", "20000"), "h" + id, e, "officer",
                MARCH_2, current);
    }

    static LegalReview review(long id, long draftId, int version, ReviewStatus status, String opinion,
                              List<CounselOpinion> counsel, Optional<Discussion> discussion) {
        List<Finding> findings = status == ReviewStatus.SUBMITTED ? List.of()
                : List.of(new Finding(ChecklistItem.FACTS, Finding.Verdict.OK, "事实清楚"),
                new Finding(ChecklistItem.DISCRETION, Finding.Verdict.OK, null));
        return new LegalReview(id, 7, "衡国土资罚〔2026〕7号", "某某占地案", draftId, version, status, MAJOR,
                Set.of(Material.PROPOSAL, Material.INVESTIGATION_REPORT), "请审核", "officer", MARCH_2,
                status == ReviewStatus.SUBMITTED ? null : "reviewer", MARCH_2, LocalDate.of(2026, 3, 9), false, false,
                findings, opinion, status == ReviewStatus.SUBMITTED ? null : MARCH_4_LATE, counsel, null, discussion);
    }

    Map<String, ?> fields() {
        return new LegalReviewDocumentData(service()).fields(7, "penalty.decision", "decided", OFFICER);
    }

    @Test
    void aPassedReviewOfTheLatestDraftFillsTheColumn() {
        drafts.add(draft(1, 1, MAJOR, false));
        drafts.add(draft(2, 2, MAJOR, true));
        reviews.add(review(10, 1, 1, ReviewStatus.VOID, "旧草案的意见", List.of(), Optional.empty()));
        reviews.add(review(11, 2, 2, ReviewStatus.PASSED, "事实清楚，证据确凿，同意按草案作出处罚决定。",
                List.of(new CounselOpinion(CounselOpinion.Role.LEGAL_ADVISER, "王律师", "同意", "reviewer", MARCH_2)),
                Optional.empty()));
        Map<String, ?> f = fields();
        assertEquals("通过", f.get("legalReview.outcome"));
        assertEquals("李法审（reviewer）", f.get("legalReview.reviewer"));
        assertEquals("2026-03-05", f.get("legalReview.decidedOn"), "the decision day in the bureau's zone");
        assertEquals("事实清楚，证据确凿，同意按草案作出处罚决定。", f.get("legalReview.opinion"));
        assertTrue(((String) f.get("legalReview.evaluation")).startsWith("属于重大执法决定：重大：罚款 20000 ≥ 10000（公民）"),
                f.get("legalReview.evaluation").toString());
        assertEquals("重大执法决定法制审核目录清单 第 2 版（2026-01-01 起施行）", f.get("legalReview.catalogue"));
        assertEquals("第 2 版（2026-03-02 保存）", f.get("legalReview.draft"));
        assertEquals("法律顾问 王律师：同意", f.get("legalReview.counsel"));
        assertEquals("调查终结报告、拟处理意见（决定草案）", f.get("legalReview.materials"));
        assertEquals("", f.get("legalReview.discussion"));
        assertEquals(DocumentTemplateAssertions.LEGAL_REVIEW_FIELDS, f.keySet(),
                "the names the kinds' templates may use are exactly the ones given");
    }

    @Test
    void aDiscussionDecidesAnEscalatedReview() {
        drafts.add(draft(3, 1, MAJOR, true));
        Discussion d = new Discussion(LocalDate.of(2026, 3, 10), List.of(new Discussion.MemberOpinion("张局长", "局长", "同意"),
                new Discussion.MemberOpinion("刘科长", null, "同意")), true, "按草案作出决定", "leader", MARCH_4_LATE);
        reviews.add(review(12, 3, 1, ReviewStatus.ADOPTED, "证据不足", List.of(), Optional.of(d)));
        Map<String, ?> f = fields();
        assertEquals("集体讨论决定：按拟作出的决定作出", f.get("legalReview.outcome"));
        assertEquals("2026-03-10 集体讨论，参加人员：张局长（局长）、刘科长；结论：按草案作出决定", f.get("legalReview.discussion"));
        assertEquals("证据不足", f.get("legalReview.opinion"), "the reviewer's own opinion stays on the column");
    }

    @Test
    void withoutAReviewTheColumnSaysWhy() {
        // no draft, no decision: nothing to review yet
        assertEquals("尚无拟作出的决定", fields().get("legalReview.outcome"));
        // a draft that is not major
        drafts.add(draft(4, 1, MINOR, true));
        assertEquals("不属于重大执法决定，无需法制审核", fields().get("legalReview.outcome"));
        assertEquals("不属于重大执法决定", fields().get("legalReview.evaluation"));
        assertEquals("", fields().get("legalReview.reviewer"));
        // a major draft never submitted
        drafts.clear();
        drafts.add(draft(5, 1, MAJOR, true));
        assertEquals("未经法制审核", fields().get("legalReview.outcome"));
        // submitted, not decided yet
        reviews.add(review(13, 5, 1, ReviewStatus.SUBMITTED, null, List.of(), Optional.empty()));
        assertEquals("已送审，尚未作出审核意见", fields().get("legalReview.outcome"));
        assertEquals("", fields().get("legalReview.decidedOn"));
        // a review of an older draft does not speak for the latest one
        drafts.add(draft(6, 2, MAJOR, true));
        assertEquals("未经法制审核", fields().get("legalReview.outcome"));
    }

    @Test
    void thePenaltyDecisionPrintsTheColumn() throws IOException {
        drafts.add(draft(2, 1, MAJOR, true));
        reviews.add(review(11, 2, 1, ReviewStatus.PASSED, "同意按草案作出处罚决定。", List.of(), Optional.empty()));
        DocumentTemplate t = DocumentTemplateAssertions.parse(PenaltyKind.class.getClassLoader(), "penalty.decision");
        Map<String, Object> values = new LinkedHashMap<>();
        t.fields().forEach(x -> values.put(x.name(), x.label()));
        values.putAll(fields());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new Renderer(Configs.defaults(DocumentsConfig.class)).render(t, values, DocumentRenderer.Format.PDF, out);
        String text;
        try (PDDocument doc = Loader.loadPDF(out.toByteArray())) {
            text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
        }
        for (String s : List.of("法制审核栏", "法制审核结论通过", "李法审", "同意按草案作出处罚决定。", "目录清单第2版")) {
            assertTrue(text.contains(s), s + " missing in " + text);
        }
    }

    @Test
    void theCaseFileRecordTemplateRenders() {
        DocumentTemplateAssertions.render(DocumentTemplateAssertions.parse(LegalReviewCaseFilePart.class.getClassLoader(),
                LegalReviewCaseFilePart.TEMPLATE));
        assertEquals(ReviewColumn.NAMES.stream().map(n -> ReviewColumn.PREFIX + n).collect(Collectors.toSet()),
                DocumentTemplateAssertions.LEGAL_REVIEW_FIELDS);
    }
}
