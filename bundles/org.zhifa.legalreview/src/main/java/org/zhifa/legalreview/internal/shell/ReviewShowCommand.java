package org.zhifa.legalreview.internal.shell;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.zhifa.api.common.Actor;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.legalreview.CounselOpinion;
import org.zhifa.api.legalreview.DecisionDraft;
import org.zhifa.api.legalreview.Discussion;
import org.zhifa.api.legalreview.Finding;
import org.zhifa.api.legalreview.LegalReview;
import org.zhifa.api.legalreview.LegalReviewService;
import org.zhifa.api.legalreview.MajorEvaluation;
import org.zhifa.api.shell.ShellUser;

/** One legal review in full: evaluation, draft, materials, findings, opinion, counsel, escalation, 集体讨论. */
@Command(scope = "zhifa", name = "review-show",
        description = "Shows one legal review (法制审核详情): evaluation, materials, findings, opinion, counsel, discussion")
@Service
public class ReviewShowCommand implements Action {

    @Reference
    LegalReviewService service;

    @Reference
    ShellUser user;

    @Argument(index = 0, name = "review", required = true, description = "The review's number (as zhifa:review-pending lists it)")
    String reviewId;

    @Override
    public Object execute() {
        String key = reviewId == null ? "" : reviewId.strip();
        if (!key.matches("\\d{1,18}")) {
            throw new IllegalArgumentException(ShellTexts.both("review.id", key));
        }
        long id = Long.parseLong(key);
        Actor actor = user.current();
        try {
            LegalReview r = service.review(id, actor)
                    .orElseThrow(() -> new IllegalArgumentException(ShellTexts.both("review.notFound", key)));
            Optional<DecisionDraft> draft = service.drafts(r.caseId(), actor).stream()
                    .filter(d -> d.id() == r.draftId()).findFirst();
            print(r, draft);
        } catch (ZhifaException e) {
            throw ShellTexts.refusal(e);
        }
        return null;
    }

    private static void print(LegalReview r, Optional<DecisionDraft> draft) {
        line("label.review", String.valueOf(r.id()));
        line("label.case", r.caseNumber() + "  " + r.caseTitle() + "  (ID " + r.caseId() + ")");
        line("label.status", ShellTexts.column("outcome." + r.status().name()));
        MajorEvaluation e = r.evaluation();
        if (e != null) {
            line("label.evaluation", evaluation(e));
            line("label.catalogue", "v" + e.catalogueVersion() + " (" + e.effectiveFrom() + ")");
        }
        line("label.draft", "v" + r.draftVersion() + draft.map(d -> "  " + d.transition() + "  "
                + new TreeMap<>(d.fields()).entrySet().stream().map(Map.Entry::toString).collect(Collectors.joining(", ")))
                .orElse(""));
        line("label.submitted", ReviewPendingCommand.AT.format(r.submittedAt()) + "  " + r.submittedBy());
        if (r.note() != null && !r.note().isBlank()) {
            line("label.note", r.note());
        }
        line("label.reviewer", r.reviewer() == null ? ShellTexts.both("unassigned") : r.reviewer()
                + (r.assignedAt() == null ? "" : "  " + ReviewPendingCommand.AT.format(r.assignedAt())));
        line("label.due", (r.due() == null ? "" : r.due().toString())
                + (r.extended() ? "  (" + ShellTexts.both("label.extended") + ")" : "")
                + (r.overdue() ? "  " + ShellTexts.zh("overdue") + " " + ShellTexts.en("overdue") : ""));
        line("label.materials", r.materials().isEmpty() ? ShellTexts.both("none") : r.materials().stream().sorted()
                .map(m -> ShellTexts.column("material." + m.name())).collect(Collectors.joining("; ")));

        System.out.println();
        System.out.println(ShellTexts.both("label.findings"));
        ShellTable findings = table("col.item", "col.verdict", "col.note");
        for (Finding f : r.findings()) {
            findings.addRow().addContent(ShellTexts.column("item." + f.item().name()),
                    ShellTexts.column("verdict." + f.verdict().name()), f.note() == null ? "" : f.note());
        }
        findings.print(System.out);
        line("label.opinion", r.opinion() == null ? "" : r.opinion());
        line("label.decided", r.decidedAt() == null ? "" : ReviewPendingCommand.AT.format(r.decidedAt()));

        if (!r.counsel().isEmpty()) {
            System.out.println();
            System.out.println(ShellTexts.both("label.counsel"));
            ShellTable counsel = table("col.role", "col.name", "col.opinion", "col.by");
            for (CounselOpinion c : r.counsel().stream().sorted(Comparator.comparing(CounselOpinion::addedAt,
                    Comparator.nullsLast(Comparator.naturalOrder()))).toList()) {
                counsel.addRow().addContent(ShellTexts.column("counsel." + c.role().name()), c.name(), c.opinion(),
                        c.addedBy());
            }
            counsel.print(System.out);
        }
        if (r.escalation() != null) {
            line("label.escalation", r.escalation());
        }
        r.discussion().ifPresent(ReviewShowCommand::discussion);
    }

    private static void discussion(Discussion d) {
        System.out.println();
        System.out.println(ShellTexts.both("label.discussion") + ": " + d.heldOn() + "  " + d.recordedBy());
        ShellTable members = table("col.name", "col.post", "col.opinion");
        d.members().forEach(m -> members.addRow().addContent(m.name(), m.post() == null ? "" : m.post(), m.opinion()));
        members.print(System.out);
        line("label.adopt", ShellTexts.both("adopt." + d.adopt()));
        line("label.conclusion", d.conclusion());
    }

    private static String evaluation(MajorEvaluation e) {
        String why = e.major() ? e.explainZh() + " / " + e.explainEn() : "";
        return ShellTexts.both(e.major() ? "eval.major" : e.reviewRequired() ? "eval.reviewAll" : "eval.minor")
                + (why.isEmpty() ? "" : ": " + why);
    }

    private static void line(String key, String value) {
        System.out.println(ShellTexts.both(key) + ": " + value);
    }

    private static ShellTable table(String... headers) {
        ShellTable t = new ShellTable();
        List.of(headers).forEach(h -> t.column(ShellTexts.header(h)));
        return t;
    }
}
