package org.zhifa.legalreview.internal.docs;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.zhifa.api.casefile.CaseFilePart;
import org.zhifa.api.cases.CaseEvent;
import org.zhifa.api.cases.CaseFile;
import org.zhifa.api.cases.CaseService;
import org.zhifa.api.common.Actor;
import org.zhifa.api.common.BureauInfo;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.document.DocumentRenderer;
import org.zhifa.api.document.DocumentTemplate;
import org.zhifa.api.document.DocumentTemplates;
import org.zhifa.api.legalreview.DecisionDraft;
import org.zhifa.api.legalreview.LegalReview;
import org.zhifa.api.legalreview.LegalReviewService;

/**
 * The legal review in the exported case file (V6): {@code parts/legal-review/legal-review.json} (every draft,
 * review, finding, opinion, counsel opinion, 集体讨论 and the decisions taken) and
 * {@code parts/legal-review/legal-review.pdf}, the 法制审核记录 with the 法制审核栏. A case with no draft and
 * no decision taken has no such part.
 */
@Component(service = CaseFilePart.class, property = CaseFilePart.PROPERTY_PART + "=legal-review")
public class LegalReviewCaseFilePart implements CaseFilePart {
    static final String TEMPLATE = "legalreview.record";
    /** The record object the legal review appends a case's entries under (its id = the case id). */
    static final String RECORD_OBJECT = "legalreview";

    private final LegalReviewService service;
    private final CaseService cases;
    private volatile DocumentTemplates templates;
    private volatile DocumentRenderer renderer;
    private volatile BureauInfo bureau;

    @Activate
    public LegalReviewCaseFilePart(@Reference(name = "service") LegalReviewService service,
                                   @Reference(name = "cases") CaseService cases) {
        this.service = service;
        this.cases = cases;
    }

    @Reference(name = "templates", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setTemplates(DocumentTemplates t) {
        templates = t;
    }

    void unsetTemplates(DocumentTemplates t) {
        if (templates == t) {
            templates = null;
        }
    }

    @Reference(name = "renderer", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setRenderer(DocumentRenderer r) {
        renderer = r;
    }

    void unsetRenderer(DocumentRenderer r) {
        if (renderer == r) {
            renderer = null;
        }
    }

    @Reference(name = "bureau", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setBureau(BureauInfo b) {
        bureau = b;
    }

    void unsetBureau(BureauInfo b) {
        if (bureau == b) {
            bureau = null;
        }
    }

    @Override
    public List<PartFile> files(long caseId, Actor actor) {
        CaseFile c = cases.find(caseId, actor).orElseThrow(() -> new ZhifaException(ZhifaException.Kind.NOT_FOUND,
                "CASE_NOT_FOUND", "案件 " + caseId + " 不存在", "no case " + caseId, null));
        List<DecisionDraft> drafts = service.drafts(caseId, actor);
        List<LegalReview> reviews = service.reviewsOfCase(caseId, actor);
        List<CaseEvent> decisions = ReviewColumn.decisions(cases, c, actor);
        if (drafts.isEmpty() && reviews.isEmpty() && decisions.isEmpty()) {
            return List.of();
        }
        ReviewColumn column = ReviewColumn.of(service, caseId, drafts, () -> reviews,
                () -> decisions.stream().reduce((a, b) -> b), actor, LegalReviewDocumentData.ZONE);
        byte[] json;
        try {
            json = ReviewJson.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(
                    ReviewJson.of(caseId, c.number(), column, drafts, reviews, decisions));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        List<PartFile> files = new ArrayList<>();
        files.add(new PartFile("legal-review.json", Texts.zh("part.json"), Texts.en("part.json"), out -> out.write(json)));
        DocumentTemplates t = templates;
        DocumentRenderer r = renderer;
        Optional<DocumentTemplate> template = t == null ? Optional.empty() : t.find(TEMPLATE);
        if (r != null && template.isPresent()) {
            Map<String, Object> fields = recordFields(c, column, reviews);
            files.add(new PartFile("legal-review.pdf", Texts.zh("part.pdf"), Texts.en("part.pdf"),
                    out -> r.render(template.get(), fields, DocumentRenderer.Format.PDF, out)));
        }
        return files;
    }

    /** The legal review's entries of the case (drafts, reviews, the gate's admissions and refusals) go with it. */
    @Override
    public List<RecordObject> recordObjects(long caseId, Actor actor) {
        return List.of(new RecordObject(RECORD_OBJECT, Long.toString(caseId)));
    }

    /** The fields of the 法制审核记录: the column, every review, the latest review's findings. */
    Map<String, Object> recordFields(CaseFile c, ReviewColumn column, List<LegalReview> reviews) {
        Map<String, Object> f = new LinkedHashMap<>(column.fields());
        BureauInfo b = bureau;
        f.put("bureau.name", b == null ? "" : b.name());
        f.put("case.number", c.number());
        f.put("case.title", c.title());
        f.put("today", ReviewColumn.DAY.format(LocalDate.now(LegalReviewDocumentData.ZONE)));
        List<String> draft = new ArrayList<>();
        List<String> status = new ArrayList<>();
        List<String> reviewer = new ArrayList<>();
        List<String> submitted = new ArrayList<>();
        List<String> due = new ArrayList<>();
        List<String> decided = new ArrayList<>();
        for (LegalReview r : reviews) {
            draft.add(String.valueOf(r.draftVersion()));
            status.add(Texts.zh("outcome." + r.status().name()));
            reviewer.add(r.reviewer() == null ? "" : r.reviewer());
            submitted.add(column.day(r.submittedAt()));
            due.add(r.due() == null ? "" : r.due().toString());
            decided.add(column.day(r.decidedAt()));
        }
        f.put("reviews.draft", draft);
        f.put("reviews.status", status);
        f.put("reviews.reviewer", reviewer);
        f.put("reviews.submittedOn", submitted);
        f.put("reviews.due", due);
        f.put("reviews.decidedOn", decided);
        List<String> item = new ArrayList<>();
        List<String> verdict = new ArrayList<>();
        List<String> note = new ArrayList<>();
        column.review().ifPresent(r -> r.findings().forEach(x -> {
            item.add(Texts.zh("item." + x.item().name()));
            verdict.add(Texts.zh("verdict." + x.verdict().name()));
            note.add(x.note() == null ? "" : x.note());
        }));
        f.put("findings.item", item);
        f.put("findings.verdict", verdict);
        f.put("findings.note", note);
        return f;
    }
}
