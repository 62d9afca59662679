package org.zhifa.legalreview.internal.console;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.zhifa.api.cases.CaseFile;
import org.zhifa.api.cases.CaseService;
import org.zhifa.api.common.Roles;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.kind.Transition;
import org.zhifa.api.legalreview.CaseFlag;
import org.zhifa.api.legalreview.DecisionDraft;
import org.zhifa.api.legalreview.Finding;
import org.zhifa.api.legalreview.LegalReview;
import org.zhifa.api.legalreview.LegalReviewService;
import org.zhifa.api.legalreview.MajorEvaluation;
import org.zhifa.api.legalreview.Material;
import org.zhifa.api.legalreview.ReviewStatus;
import org.zhifa.console.spi.ConsoleContext;
import org.zhifa.console.spi.FieldForm;
import org.zhifa.console.spi.Refusals;

import com.vaadin.shared.ui.ContentMode;
import com.vaadin.ui.Alignment;
import com.vaadin.ui.Button;
import com.vaadin.ui.CheckBoxGroup;
import com.vaadin.ui.ComboBox;
import com.vaadin.ui.FormLayout;
import com.vaadin.ui.Grid;
import com.vaadin.ui.HorizontalLayout;
import com.vaadin.ui.Label;
import com.vaadin.ui.TextArea;
import com.vaadin.ui.TextField;
import com.vaadin.ui.UI;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.Window;
import com.vaadin.ui.themes.ValoTheme;

/**
 * The 法制审核 section of one case: the flags (set and cleared with a reason), the decision draft of one
 * decision transition with the catalogue's live verdict, the drafts and the reviews with their status,
 * due date and overdue mark, submission with the materials, and escalation of a failed review to
 * 集体讨论. The service decides who may do what; every refusal shows here in red.
 */
final class CaseReviewPanel extends VerticalLayout {

    private static final long serialVersionUID = 1L;

    private final transient LegalReviewService service;
    private final transient CaseService cases;
    private final long caseId;
    private final ConsoleContext context;
    private final ConsoleTexts m;
    private final boolean handler;

    private final Label flags = new Label();
    private final Label error = Refusals.errorLabel("lr-error");
    private final ComboBox<String> transition = new ComboBox<>();
    private final FormLayout form = new FormLayout();
    private final Label evaluation = new Label();
    private final Grid<DecisionDraft> drafts = new Grid<>();
    private final Grid<LegalReview> reviews = new Grid<>();
    private final Label reviewDetail = new Label("", ContentMode.PREFORMATTED);
    private transient FieldForm fields;
    private transient Map<String, Transition> transitions = Map.of();
    private transient Map<String, String> captions = Map.of();

    CaseReviewPanel(LegalReviewService service, CaseService cases, long caseId, ConsoleContext context) {
        this.service = service;
        this.cases = cases;
        this.caseId = caseId;
        this.context = context;
        this.m = new ConsoleTexts(context.locale());
        this.handler = context.actor().has(Roles.OFFICER) || context.actor().has(Roles.LEADER);
        setId("lr-case");
        setMargin(false);
        setWidth("100%");

        flags.setId("lr-flags");
        addComponents(error, flags);
        if (handler) {
            addComponent(flagBar());
        }
        loadTransitions();
        if (handler) {
            addComponent(draftEditor());
        }
        addComponent(heading("drafts.title"));
        buildDrafts();
        addComponent(drafts);
        addComponent(heading("reviews.title"));
        buildReviews();
        addComponent(reviews);
        reviewDetail.setId("lr-review-detail");
        reviewDetail.setWidth("100%");
        addComponent(reviewDetail);
        if (handler) {
            addComponent(reviewActions());
        }
        refresh();
    }

    private Label heading(String key) {
        Label l = new Label(m.get(key));
        l.addStyleName(ValoTheme.LABEL_BOLD);
        return l;
    }

    // ---------------------------------------------------------------- flags

    private HorizontalLayout flagBar() {
        ComboBox<CaseFlag> flag = new ComboBox<>(m.get("flag.choose"));
        flag.setId("lr-flag-choice");
        flag.setItems(CaseFlag.values());
        flag.setItemCaptionGenerator(f -> m.get("flag." + f.name()));
        flag.setEmptySelectionAllowed(false);
        flag.setWidth("14em");
        TextField reason = new TextField(m.get("flag.reason"));
        reason.setId("lr-flag-reason");
        reason.setWidth("20em");
        Button set = new Button(m.get("flag.set"), e -> setFlag(flag.getValue(), true, reason));
        set.setId("lr-flag-set");
        Button clear = new Button(m.get("flag.clear"), e -> setFlag(flag.getValue(), false, reason));
        clear.setId("lr-flag-clear");
        HorizontalLayout bar = new HorizontalLayout(flag, reason, set, clear);
        bar.setDefaultComponentAlignment(Alignment.BOTTOM_LEFT);
        return bar;
    }

    private void setFlag(CaseFlag flag, boolean on, TextField reason) {
        Refusals.act(context, error, () -> {
            if (flag == null) {
                throw ConsoleTexts.invalid("flag.required", "flag");
            }
            service.setFlag(caseId, flag, on, reason.getValue(), context.actor());
            reason.clear();
            context.notify(m.get(on ? "flag.done.set" : "flag.done.clear", m.get("flag." + flag.name())), false);
            refresh();
        });
    }

    // ---------------------------------------------------------------- draft

    private void loadTransitions() {
        try {
            Optional<CaseFile> c = cases.find(caseId, context.actor());
            List<String> ids = cases.decisionTransitions(caseId, context.actor());
            var procedure = c.flatMap(f -> cases.kind(f.kind())).map(k -> k.procedure());
            Map<String, Transition> found = new java.util.LinkedHashMap<>();
            Map<String, String> shown = new java.util.HashMap<>();
            for (String id : ids) {
                procedure.flatMap(p -> p.transition(id)).ifPresent(t -> {
                    found.put(id, t);
                    // several decisions share a title (决定 after 告知, 陈述申辩, 审核): name the step they leave
                    String from = procedure.flatMap(p -> p.step(t.from()))
                            .map(s -> m.english() ? s.titleEn() : s.titleZh()).orElse(t.from());
                    shown.put(id, m.get("draft.transition.caption", t.title(m.locale()), from));
                });
            }
            transitions = found;
            captions = shown;
        } catch (ZhifaException e) {
            error.setValue(m.message(e));
            error.setVisible(true);
        }
    }

    private VerticalLayout draftEditor() {
        transition.setId("lr-draft-transition");
        transition.setCaption(m.get("draft.transition"));
        transition.setItems(transitions.keySet());
        transition.setItemCaptionGenerator(captions::get);
        transition.setEmptySelectionAllowed(false);
        transition.setPageLength(0);
        transition.setWidth("24em");
        transition.addValueChangeListener(e -> showForm(e.getValue(), Map.of()));
        form.setId("lr-draft-form");
        form.setMargin(false);
        form.setWidth("100%");
        evaluation.setId("lr-evaluation");
        evaluation.setWidth("100%");
        Button evaluate = new Button(m.get("draft.evaluate"), e -> evaluate(true));
        evaluate.setId("lr-evaluate");
        Button save = new Button(m.get("draft.save"), e -> saveDraft());
        save.setId("lr-draft-save");
        save.addStyleName(ValoTheme.BUTTON_PRIMARY);
        VerticalLayout v = new VerticalLayout(heading("draft.title"), transition, form, evaluation,
                new HorizontalLayout(evaluate, save));
        v.setMargin(false);
        if (transitions.isEmpty()) {
            v.addComponent(new Label(m.get("draft.none")));
        }
        return v;
    }

    private void showForm(String id, Map<String, String> values) {
        form.removeAllComponents();
        fields = null;
        evaluation.setValue("");
        Transition t = id == null ? null : transitions.get(id);
        if (t == null) {
            return;
        }
        fields = new FieldForm(t.fields(), m.locale(), "lr-field-");
        fields.fill(values);
        fields.onChange(() -> evaluate(false));
        fields.addTo(form);
    }

    /** Asks the catalogue in force; live (on every change) an incomplete draft is shown, not notified. */
    private void evaluate(boolean asked) {
        if (fields == null || transition.getValue() == null) {
            if (asked) {
                Refusals.act(context, error, () -> {
                    throw ConsoleTexts.invalid("draft.transition.required", "transition");
                });
            }
            return;
        }
        try {
            MajorEvaluation e = service.evaluate(caseId, transition.getValue(), fields.values(), context.actor());
            showEvaluation(e);
            fields.clearErrors();
            error.setVisible(false);
        } catch (ZhifaException x) {
            evaluation.setValue(m.get("eval.incomplete", m.message(x)));
            evaluation.removeStyleName("zhifa-text-overdue");
            if (asked) {
                fields.clearErrors();
                fields.mark(x.field(), m.message(x));
                Refusals.act(context, error, () -> {
                    throw x;
                });
            }
        } catch (RuntimeException x) {
            if (asked) {
                Refusals.act(context, error, () -> {
                    throw x;
                });
            }
        }
    }

    private void showEvaluation(MajorEvaluation e) {
        evaluation.setValue(m.verdict(e));
        if (e.reviewRequired()) {
            evaluation.addStyleName("zhifa-text-overdue");
        } else {
            evaluation.removeStyleName("zhifa-text-overdue");
        }
    }

    private void saveDraft() {
        Refusals.act(context, error, () -> {
            if (fields == null || transition.getValue() == null) {
                throw ConsoleTexts.invalid("draft.transition.required", "transition");
            }
            try {
                DecisionDraft d = service.saveDraft(caseId, transition.getValue(), fields.values(), context.actor());
                showEvaluation(d.evaluation());
                context.notify(m.get("draft.saved", d.version()), false);
            } catch (ZhifaException x) {
                fields.clearErrors();
                fields.mark(x.field(), m.message(x));
                throw x;
            }
            refresh();
        });
    }

    // ---------------------------------------------------------------- lists

    private void buildDrafts() {
        drafts.setId("lr-drafts");
        drafts.addColumn(d -> "v" + d.version()).setCaption(m.get("drafts.col.version")).setId("version");
        drafts.addColumn(d -> title(d.transition())).setCaption(m.get("drafts.col.transition"));
        drafts.addColumn(d -> m.verdict(d.evaluation())).setCaption(m.get("drafts.col.evaluation")).setId("evaluation")
                .setWidth(420);
        drafts.addColumn(DecisionDraft::createdBy).setCaption(m.get("drafts.col.by"));
        drafts.addColumn(d -> m.time(d.createdAt())).setCaption(m.get("drafts.col.at"));
        drafts.addColumn(d -> m.get(d.current() ? "drafts.current" : "drafts.superseded"))
                .setCaption(m.get("drafts.col.current")).setId("current");
        drafts.setWidth("100%");
        drafts.setHeightByRows(3);
    }

    private void buildReviews() {
        reviews.setId("lr-reviews");
        reviews.addColumn(LegalReview::id).setCaption("#").setId("id");
        reviews.addColumn(r -> "v" + r.draftVersion()).setCaption(m.get("reviews.col.draft"));
        reviews.addColumn(r -> m.get("status." + r.status().name())).setCaption(m.get("reviews.col.status")).setId("status");
        reviews.addColumn(r -> m.time(r.submittedAt())).setCaption(m.get("reviews.col.submitted"));
        reviews.addColumn(r -> r.reviewer() == null ? "" : r.reviewer()).setCaption(m.get("reviews.col.reviewer"));
        reviews.addColumn(r -> r.due() == null ? "" : r.due().toString() + (r.extended() ? m.get("reviews.extended") : ""))
                .setCaption(m.get("reviews.col.due"));
        reviews.addColumn(r -> r.overdue() ? m.get("reviews.overdue") : "").setCaption(m.get("reviews.col.overdue"))
                .setId("overdue");
        reviews.addColumn(r -> r.opinion() == null ? "" : r.opinion()).setCaption(m.get("reviews.col.opinion"));
        reviews.setStyleGenerator(r -> r.overdue() ? ConsoleTexts.OVERDUE_ROW : null);
        reviews.setWidth("100%");
        reviews.setHeightByRows(3);
        reviews.asSingleSelect().addValueChangeListener(e -> reviewDetail.setValue(detail(e.getValue(), m)));
    }

    /** What a review says, in full: findings with problems, opinion, counsel, escalation, 集体讨论. */
    static String detail(LegalReview r, ConsoleTexts m) {
        if (r == null) {
            return "";
        }
        StringBuilder s = new StringBuilder(m.get("detail.head", r.id(), r.draftVersion(),
                m.get("status." + r.status().name()), m.verdict(r.evaluation())));
        if (!r.materials().isEmpty()) {
            s.append('\n').append(m.get("detail.materials", r.materials().stream().sorted()
                    .map(x -> m.get("material." + x.name())).collect(Collectors.joining(m.get("list.separator")))));
        }
        for (Finding f : r.findings()) {
            s.append('\n').append(m.get("detail.finding", m.get("item." + f.item().name()),
                    m.get("verdict." + f.verdict().name()), f.note() == null ? "" : f.note()));
        }
        if (r.opinion() != null) {
            s.append('\n').append(m.get("detail.opinion", r.opinion()));
        }
        r.counsel().forEach(c -> s.append('\n').append(m.get("detail.counsel", m.get("counsel." + c.role().name()),
                c.name(), c.opinion())));
        if (r.escalation() != null) {
            s.append('\n').append(m.get("detail.escalation", r.escalation()));
        }
        r.discussion().ifPresent(d -> {
            s.append('\n').append(m.get("detail.discussion", String.valueOf(d.heldOn()),
                    m.get(d.adopt() ? "discussion.adopt" : "discussion.reject"), d.conclusion()));
            d.members().forEach(x -> s.append('\n').append(m.get("detail.member", x.name(), x.post(), x.opinion())));
        });
        return s.toString();
    }

    private HorizontalLayout reviewActions() {
        Button submit = new Button(m.get("submit.open"), e -> openSubmit());
        submit.setId("lr-submit");
        submit.addStyleName(ValoTheme.BUTTON_PRIMARY);
        Button escalate = new Button(m.get("escalate.open"), e -> openEscalate());
        escalate.setId("lr-escalate");
        return new HorizontalLayout(submit, escalate);
    }

    private String title(String transitionId) {
        return captions.getOrDefault(transitionId, transitionId);
    }

    private void refresh() {
        try {
            Set<CaseFlag> on = service.flags(caseId, context.actor());
            flags.setValue(m.get("flags.current", on.isEmpty() ? m.get("flags.none")
                    : on.stream().sorted().map(f -> m.get("flag." + f.name()))
                            .collect(Collectors.joining(m.get("list.separator")))));
            List<DecisionDraft> all = service.drafts(caseId, context.actor());
            drafts.setItems(all.stream().sorted(Comparator.comparingInt(DecisionDraft::version).reversed()).toList());
            reviews.setItems(service.reviewsOfCase(caseId, context.actor()).stream()
                    .sorted(Comparator.comparingLong(LegalReview::id).reversed()).toList());
            reviewDetail.setValue("");
            if (handler && fields == null) {
                all.stream().filter(DecisionDraft::current).findFirst().ifPresent(d -> {
                    if (transitions.containsKey(d.transition())) {
                        transition.setValue(d.transition());
                        showForm(d.transition(), d.fields());
                        showEvaluation(d.evaluation());
                    }
                });
            }
        } catch (ZhifaException e) {
            error.setValue(m.message(e));
            error.setVisible(true);
        }
    }

    // ---------------------------------------------------------------- submit, escalate

    private void openSubmit() {
        Window w = new Window(m.get("submit.title"));
        w.setId("lr-submit-window");
        w.setModal(true);
        w.setWidth("640px");
        Label werror = Refusals.errorLabel("lr-submit-error");
        CheckBoxGroup<Material> materials = new CheckBoxGroup<>(m.get("submit.materials"));
        materials.setId("lr-materials");
        materials.setItems(Material.values());
        materials.setItemCaptionGenerator(x -> m.get("material." + x.name()));
        TextArea note = new TextArea(m.get("submit.note"));
        note.setId("lr-submit-note");
        note.setWidth("100%");
        note.setRows(2);
        Button ok = new Button(m.get("submit.confirm"), e -> Refusals.act(context, werror, () -> {
            DecisionDraft current = service.drafts(caseId, context.actor()).stream().filter(DecisionDraft::current)
                    .findFirst().orElseThrow(() -> ConsoleTexts.invalid("submit.noDraft", null));
            LegalReview r = service.submit(caseId, current.id(), materialsOrEmpty(materials.getValue()),
                    note.getValue(), context.actor());
            w.close();
            context.notify(m.get("submit.done", r.id(), String.valueOf(r.due())), false);
            refresh();
        }));
        ok.setId("lr-submit-confirm");
        ok.addStyleName(ValoTheme.BUTTON_PRIMARY);
        Button cancel = new Button(m.get("action.cancel"), e -> w.close());
        VerticalLayout body = new VerticalLayout(new Label(m.get("submit.hint")), werror, materials, note,
                new HorizontalLayout(ok, cancel));
        w.setContent(body);
        UI.getCurrent().addWindow(w);
    }

    private static Set<Material> materialsOrEmpty(Set<Material> chosen) {
        return chosen.isEmpty() ? EnumSet.noneOf(Material.class) : EnumSet.copyOf(chosen);
    }

    private void openEscalate() {
        Window w = new Window(m.get("escalate.title"));
        w.setId("lr-escalate-window");
        w.setModal(true);
        w.setWidth("560px");
        Label werror = Refusals.errorLabel("lr-escalate-error");
        TextArea reason = new TextArea(m.get("escalate.reason"));
        reason.setId("lr-escalate-reason");
        reason.setWidth("100%");
        reason.setRows(3);
        Button ok = new Button(m.get("escalate.confirm"), e -> Refusals.act(context, werror, () -> {
            LegalReview failed = service.reviewsOfCase(caseId, context.actor()).stream()
                    .filter(r -> r.status() == ReviewStatus.FAILED).max(Comparator.comparingLong(LegalReview::id))
                    .orElseThrow(() -> ConsoleTexts.invalid("escalate.noFailed", null));
            service.escalate(failed.id(), reason.getValue(), context.actor());
            w.close();
            context.notify(m.get("escalate.done", failed.id()), false);
            refresh();
        }));
        ok.setId("lr-escalate-confirm");
        ok.addStyleName(ValoTheme.BUTTON_PRIMARY);
        Button cancel = new Button(m.get("action.cancel"), e -> w.close());
        w.setContent(new VerticalLayout(werror, reason, new HorizontalLayout(ok, cancel)));
        UI.getCurrent().addWindow(w);
    }
}
