package org.zhifa.legalreview.internal.docs;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.zhifa.api.cases.CaseEvent;
import org.zhifa.api.legalreview.CounselOpinion;
import org.zhifa.api.legalreview.DecisionDraft;
import org.zhifa.api.legalreview.Discussion;
import org.zhifa.api.legalreview.Finding;
import org.zhifa.api.legalreview.LegalReview;
import org.zhifa.api.legalreview.MajorEvaluation;
import org.zhifa.api.legalreview.Material;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code legal-review.json} of the case file (V6): the 法制审核栏, every draft, every review with its materials,
 * findings, opinion, counsel and 集体讨论, and the decisions the case took. Instants are ISO-8601 UTC, days ISO
 * dates; Chinese labels beside the codes so the file reads without zhifa.
 */
final class ReviewJson {
    static final ObjectMapper JSON = new ObjectMapper();
    static final int FORMAT_VERSION = 1;

    private ReviewJson() {}

    static ObjectNode of(long caseId, String caseNumber, ReviewColumn column, List<DecisionDraft> drafts,
                         List<LegalReview> reviews, List<CaseEvent> decisions) {
        ObjectNode j = JSON.createObjectNode();
        j.put("format", "zhifa-legal-review").put("formatVersion", FORMAT_VERSION).put("caseId", caseId)
                .put("caseNumber", caseNumber);
        ObjectNode col = j.putObject("column");
        column.fields().forEach((k, v) -> col.put(k.substring(ReviewColumn.PREFIX.length()), v));
        ArrayNode d = j.putArray("drafts");
        for (DecisionDraft x : drafts) {
            ObjectNode o = d.addObject();
            o.put("id", x.id()).put("version", x.version()).put("transition", x.transition());
            fields(o.putObject("fields"), x.fields());
            o.put("hash", x.hash());
            evaluation(o, x.evaluation());
            o.put("createdBy", x.createdBy()).put("createdAt", str(x.createdAt())).put("current", x.current());
        }
        ArrayNode r = j.putArray("reviews");
        for (LegalReview x : reviews) {
            review(r.addObject(), x);
        }
        ArrayNode taken = j.putArray("decisions");
        for (CaseEvent e : decisions) {
            ObjectNode o = taken.addObject();
            o.put("event", e.seq()).put("transition", e.transition()).put("titleZh", e.titleZh())
                    .put("at", str(e.at())).put("actor", e.actor());
            fields(o.putObject("fields"), e.fields());
        }
        return j;
    }

    static void review(ObjectNode o, LegalReview x) {
        o.put("id", x.id()).put("draftId", x.draftId()).put("draftVersion", x.draftVersion())
                .put("status", x.status().name()).put("statusZh", Texts.zh("outcome." + x.status().name()));
        evaluation(o, x.evaluation());
        ArrayNode m = o.putArray("materials");
        x.materials().stream().sorted().forEach(mat -> m.addObject().put("code", mat.name())
                .put("titleZh", material(mat)));
        o.put("note", x.note()).put("submittedBy", x.submittedBy()).put("submittedAt", str(x.submittedAt()))
                .put("reviewer", x.reviewer()).put("assignedAt", str(x.assignedAt()))
                .put("due", str(x.due())).put("extended", x.extended()).put("overdue", x.overdue());
        ArrayNode f = o.putArray("findings");
        for (Finding fi : x.findings()) {
            f.addObject().put("item", fi.item().name()).put("itemZh", Texts.zh("item." + fi.item().name()))
                    .put("verdict", fi.verdict().name()).put("verdictZh", Texts.zh("verdict." + fi.verdict().name()))
                    .put("note", fi.note());
        }
        o.put("opinion", x.opinion()).put("decidedAt", str(x.decidedAt()));
        ArrayNode c = o.putArray("counsel");
        for (CounselOpinion co : x.counsel()) {
            c.addObject().put("role", co.role().name()).put("roleZh", Texts.zh("counsel." + co.role().name()))
                    .put("name", co.name()).put("opinion", co.opinion()).put("addedBy", co.addedBy())
                    .put("addedAt", str(co.addedAt()));
        }
        o.put("escalation", x.escalation());
        if (x.discussion().isEmpty()) {
            o.putNull("discussion");
        } else {
            Discussion di = x.discussion().get();
            ObjectNode dn = o.putObject("discussion");
            dn.put("heldOn", str(di.heldOn())).put("adopt", di.adopt()).put("conclusion", di.conclusion())
                    .put("recordedBy", di.recordedBy()).put("recordedAt", str(di.recordedAt()));
            ArrayNode members = dn.putArray("members");
            di.members().forEach(mo -> members.addObject().put("name", mo.name()).put("post", mo.post())
                    .put("opinion", mo.opinion()));
        }
    }

    static void evaluation(ObjectNode o, MajorEvaluation e) {
        if (e == null) {
            o.putNull("evaluation");
            return;
        }
        ObjectNode n = o.putObject("evaluation");
        n.put("major", e.major()).put("reviewRequired", e.reviewRequired()).put("catalogueVersion", e.catalogueVersion())
                .put("effectiveFrom", str(e.effectiveFrom())).put("explanationZh", ReviewColumn.evaluationText(e));
        ArrayNode reasons = n.putArray("reasons");
        e.reasons().forEach(r -> reasons.addObject().put("rule", r.rule()).put("zh", r.zh()).put("en", r.en()));
    }

    static String material(Material m) {
        return Texts.zh("material." + m.name());
    }

    private static void fields(ObjectNode o, Map<String, String> fields) {
        new TreeMap<>(fields).forEach(o::put);
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }
}
