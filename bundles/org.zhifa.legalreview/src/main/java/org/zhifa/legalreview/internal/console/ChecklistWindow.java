package org.zhifa.legalreview.internal.console;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.zhifa.api.legalreview.ChecklistItem;
import org.zhifa.api.legalreview.CounselOpinion;
import org.zhifa.api.legalreview.Finding;
import org.zhifa.api.legalreview.LegalReview;
import org.zhifa.api.legalreview.LegalReviewService;
import org.zhifa.console.spi.ConsoleContext;
import org.zhifa.console.spi.Refusals;

import com.vaadin.shared.ui.ContentMode;
import com.vaadin.ui.Alignment;
import com.vaadin.ui.Button;
import com.vaadin.ui.ComboBox;
import com.vaadin.ui.HorizontalLayout;
import com.vaadin.ui.Label;
import com.vaadin.ui.RadioButtonGroup;
import com.vaadin.ui.TextArea;
import com.vaadin.ui.TextField;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.Window;
import com.vaadin.ui.themes.ValoTheme;

/**
 * The checklist form of one review (处罚法 58): every {@link ChecklistItem} with 符合 / 存在问题 / 不适用 and a
 * note, the outcome 通过 / 不通过 with the written opinion, and the opinions of 法律顾问 / 公职律师. The
 * assigned reviewer decides; the service refuses anybody else, a pass with a problem, a missing item.
 */
final class ChecklistWindow extends Window {

    private static final long serialVersionUID = 1L;

    private final transient LegalReviewService service;
    private final ConsoleContext context;
    private final ConsoleTexts m;
    private final transient Runnable done;
    private LegalReview review;
    private final Map<ChecklistItem, RadioButtonGroup<Finding.Verdict>> verdicts = new EnumMap<>(ChecklistItem.class);
    private final Map<ChecklistItem, TextField> notes = new EnumMap<>(ChecklistItem.class);
    private final RadioButtonGroup<Boolean> outcome = new RadioButtonGroup<>();
    private final TextArea opinion = new TextArea();
    private final Label counsel = new Label("", ContentMode.PREFORMATTED);
    private final Label error = Refusals.errorLabel("lr-checklist-error");

    ChecklistWindow(LegalReviewService service, ConsoleContext context, ConsoleTexts m, LegalReview review,
                    Runnable done) {
        this.service = service;
        this.context = context;
        this.m = m;
        this.review = review;
        this.done = done;
        setId("lr-checklist-window");
        setCaption(m.get("checklist.title", review.caseNumber(), review.draftVersion()));
        setModal(true);
        setWidth("900px");
        setHeight("90%");

        VerticalLayout body = new VerticalLayout();
        Label head = new Label(CaseReviewPanel.detail(review, m), ContentMode.PREFORMATTED);
        head.setId("lr-checklist-review");
        head.setWidth("100%");
        body.addComponents(head, error);
        Map<ChecklistItem, Finding> found = new EnumMap<>(ChecklistItem.class);
        review.findings().forEach(f -> found.put(f.item(), f));
        for (ChecklistItem item : ChecklistItem.values()) {
            Label name = new Label(m.get("item." + item.name()));
            name.setWidth("16em");
            RadioButtonGroup<Finding.Verdict> verdict = new RadioButtonGroup<>();
            verdict.setId("lr-verdict-" + item.name());
            verdict.setItems(Finding.Verdict.values());
            verdict.setItemCaptionGenerator(v -> m.get("verdict." + v.name()));
            verdict.addStyleName(ValoTheme.OPTIONGROUP_HORIZONTAL);
            TextField note = new TextField();
            note.setId("lr-note-" + item.name());
            note.setPlaceholder(m.get("checklist.note"));
            note.setWidth("18em");
            Finding f = found.get(item);
            if (f != null) {
                verdict.setValue(f.verdict());
                note.setValue(f.note() == null ? "" : f.note());
            }
            verdicts.put(item, verdict);
            notes.put(item, note);
            HorizontalLayout row = new HorizontalLayout(name, verdict, note);
            row.setId("lr-item-" + item.name());
            row.setDefaultComponentAlignment(Alignment.MIDDLE_LEFT);
            body.addComponent(row);
        }
        outcome.setId("lr-outcome");
        outcome.setCaption(m.get("checklist.outcome"));
        outcome.setItems(Boolean.TRUE, Boolean.FALSE);
        outcome.setItemCaptionGenerator(b -> m.get(b ? "checklist.pass" : "checklist.fail"));
        outcome.addStyleName(ValoTheme.OPTIONGROUP_HORIZONTAL);
        opinion.setId("lr-opinion");
        opinion.setCaption(m.get("checklist.opinion"));
        opinion.setWidth("100%");
        opinion.setRows(3);
        if (review.opinion() != null) {
            opinion.setValue(review.opinion());
        }
        Button decide = new Button(m.get("checklist.decide"), e -> decide());
        decide.setId("lr-decide");
        decide.addStyleName(ValoTheme.BUTTON_PRIMARY);
        Button cancel = new Button(m.get("action.close"), e -> close());
        cancel.setId("lr-checklist-close");
        body.addComponents(outcome, opinion, new HorizontalLayout(decide, cancel));

        body.addComponent(new Label(m.get("counsel.title")));
        counsel.setId("lr-counsel");
        counsel.setWidth("100%");
        body.addComponents(counsel, counselForm());
        showCounsel();
        setContent(body);
    }

    private void decide() {
        Refusals.act(context, error, () -> {
            List<Finding> findings = new ArrayList<>();
            for (ChecklistItem item : ChecklistItem.values()) {
                Finding.Verdict v = verdicts.get(item).getValue();
                if (v == null) {
                    throw ConsoleTexts.invalid("checklist.item.required", item.name(), m.get("item." + item.name()));
                }
                String note = notes.get(item).getValue();
                findings.add(new Finding(item, v, note == null || note.isBlank() ? null : note.strip()));
            }
            if (outcome.getValue() == null) {
                throw ConsoleTexts.invalid("checklist.outcome.required", "passed");
            }
            LegalReview r = service.decide(review.id(), findings, outcome.getValue(), opinion.getValue(),
                    context.actor());
            close();
            context.notify(m.get("checklist.done", r.caseNumber(), m.get("status." + r.status().name())), false);
            done.run();
        });
    }

    private HorizontalLayout counselForm() {
        ComboBox<CounselOpinion.Role> role = new ComboBox<>(m.get("counsel.role"));
        role.setId("lr-counsel-role");
        role.setItems(CounselOpinion.Role.values());
        role.setItemCaptionGenerator(r -> m.get("counsel." + r.name()));
        role.setEmptySelectionAllowed(false);
        TextField name = new TextField(m.get("counsel.name"));
        name.setId("lr-counsel-name");
        TextField text = new TextField(m.get("counsel.opinion"));
        text.setId("lr-counsel-opinion");
        text.setWidth("24em");
        Button add = new Button(m.get("counsel.add"), e -> Refusals.act(context, error, () -> {
            if (role.getValue() == null) {
                throw ConsoleTexts.invalid("counsel.role.required", "role");
            }
            review = service.addCounselOpinion(review.id(), role.getValue(), name.getValue(), text.getValue(),
                    context.actor());
            name.clear();
            text.clear();
            showCounsel();
        }));
        add.setId("lr-counsel-add");
        HorizontalLayout row = new HorizontalLayout(role, name, text, add);
        row.setDefaultComponentAlignment(Alignment.BOTTOM_LEFT);
        return row;
    }

    private void showCounsel() {
        StringBuilder s = new StringBuilder();
        for (CounselOpinion c : review.counsel()) {
            if (s.length() > 0) {
                s.append('\n');
            }
            s.append(m.get("detail.counsel", m.get("counsel." + c.role().name()), c.name(), c.opinion()));
        }
        counsel.setValue(s.length() == 0 ? m.get("counsel.none") : s.toString());
    }
}
