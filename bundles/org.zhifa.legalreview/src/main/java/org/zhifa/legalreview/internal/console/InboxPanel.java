package org.zhifa.legalreview.internal.console;

import java.util.List;
import java.util.Optional;

import org.zhifa.api.common.Roles;
import org.zhifa.api.legalreview.LegalReview;
import org.zhifa.api.legalreview.LegalReviewService;
import org.zhifa.api.legalreview.Reviewer;
import org.zhifa.api.legalreview.ReviewStatus;
import org.zhifa.console.spi.ConsoleContext;
import org.zhifa.console.spi.Refusals;

import com.vaadin.shared.ui.ContentMode;
import com.vaadin.ui.Alignment;
import com.vaadin.ui.Button;
import com.vaadin.ui.ComboBox;
import com.vaadin.ui.Grid;
import com.vaadin.ui.HorizontalLayout;
import com.vaadin.ui.Label;
import com.vaadin.ui.TextField;
import com.vaadin.ui.UI;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.themes.ValoTheme;

/**
 * The review inbox: {@link LegalReviewService#pending} as a grid, overdue rows red; a 负责人 or 管理员
 * assigns a reviewer, a 负责人 extends the deadline; opening a review shows the checklist form (the assigned
 * reviewer decides there) or, for an escalated one, the 集体讨论 form.
 */
final class InboxPanel extends VerticalLayout {

    private static final long serialVersionUID = 1L;

    private final transient LegalReviewService service;
    private final ConsoleContext context;
    private final ConsoleTexts m;
    private final Grid<LegalReview> grid = new Grid<>();
    private final Label error = Refusals.errorLabel("lr-inbox-error");
    private final Label detail = new Label("", ContentMode.PREFORMATTED);

    InboxPanel(LegalReviewService service, ConsoleContext context) {
        this.service = service;
        this.context = context;
        this.m = new ConsoleTexts(context.locale());
        setId("lr-inbox");
        Label title = new Label(m.get("inbox.title"));
        title.addStyleName(ValoTheme.LABEL_H2);

        grid.setId("lr-inbox-grid");
        grid.addColumn(LegalReview::caseNumber).setCaption(m.get("inbox.col.case")).setId("case");
        grid.addColumn(LegalReview::caseTitle).setCaption(m.get("inbox.col.title"));
        grid.addColumn(r -> "v" + r.draftVersion()).setCaption(m.get("inbox.col.draft"));
        grid.addColumn(r -> m.get("status." + r.status().name())).setCaption(m.get("inbox.col.status")).setId("status");
        grid.addColumn(r -> m.time(r.submittedAt())).setCaption(m.get("inbox.col.submitted"));
        grid.addColumn(r -> r.due() == null ? "" : r.due().toString() + (r.extended() ? m.get("reviews.extended") : ""))
                .setCaption(m.get("inbox.col.due")).setId("due");
        grid.addColumn(r -> r.overdue() ? m.get("reviews.overdue") : "").setCaption(m.get("inbox.col.overdue"))
                .setId("overdue").setStyleGenerator(r -> r.overdue() ? "zhifa-due-overdue" : null);
        grid.addColumn(r -> r.reviewer() == null ? m.get("inbox.unassigned") : r.reviewer())
                .setCaption(m.get("inbox.col.reviewer")).setId("reviewer");
        grid.setStyleGenerator(r -> r.overdue() ? ConsoleTexts.OVERDUE_ROW : null);
        grid.setWidth("100%");
        grid.setHeightByRows(8);
        grid.asSingleSelect().addValueChangeListener(e -> detail.setValue(CaseReviewPanel.detail(e.getValue(), m)));
        detail.setId("lr-inbox-detail");
        detail.setWidth("100%");

        addComponents(title, error, grid, actions(), detail);
        reload();
    }

    private HorizontalLayout actions() {
        HorizontalLayout bar = new HorizontalLayout();
        bar.setDefaultComponentAlignment(Alignment.BOTTOM_LEFT);
        Button open = new Button(m.get("inbox.open"), e -> Refusals.act(context, error, () -> open(selected())));
        open.setId("lr-inbox-open");
        open.addStyleName(ValoTheme.BUTTON_PRIMARY);
        bar.addComponent(open);
        if (context.actor().has(Roles.LEADER) || context.actor().has(Roles.ADMIN)) {
            ComboBox<String> reviewer = new ComboBox<>(m.get("inbox.reviewer"));
            reviewer.setId("lr-assign-reviewer");
            reviewer.setWidth("14em");
            reviewer.setPageLength(0);
            Refusals.act(context, error, () -> {
                List<Reviewer> all = service.reviewers(context.actor()).stream().filter(Reviewer::active).toList();
                reviewer.setItems(all.stream().map(Reviewer::user).toList());
                reviewer.setItemCaptionGenerator(u -> all.stream().filter(r -> r.user().equals(u)).findFirst()
                        .map(r -> r.name() + " (" + r.user() + ")").orElse(u));
            });
            Button assign = new Button(m.get("inbox.assign"), e -> Refusals.act(context, error, () -> {
                LegalReview r = selected();
                if (reviewer.getValue() == null) {
                    throw ConsoleTexts.invalid("inbox.reviewer.required", "reviewer");
                }
                service.assign(r.id(), reviewer.getValue(), context.actor());
                context.notify(m.get("inbox.assigned", r.caseNumber(), reviewer.getValue()), false);
                reload();
            }));
            assign.setId("lr-assign");
            bar.addComponents(reviewer, assign);
        }
        if (context.actor().has(Roles.LEADER)) {
            TextField reason = new TextField(m.get("inbox.extend.reason"));
            reason.setId("lr-extend-reason");
            Button extend = new Button(m.get("inbox.extend"), e -> Refusals.act(context, error, () -> {
                LegalReview r = service.extend(selected().id(), reason.getValue(), context.actor());
                reason.clear();
                context.notify(m.get("inbox.extended", r.caseNumber(), String.valueOf(r.due())), false);
                reload();
            }));
            extend.setId("lr-extend");
            bar.addComponents(reason, extend);
        }
        Button refresh = new Button(m.get("inbox.refresh"), e -> reload());
        refresh.setId("lr-inbox-refresh");
        bar.addComponent(refresh);
        return bar;
    }

    private LegalReview selected() {
        return grid.getSelectedItems().stream().findFirst()
                .orElseThrow(() -> ConsoleTexts.invalid("inbox.select", null));
    }

    private void open(LegalReview r) {
        Optional<LegalReview> fresh = service.review(r.id(), context.actor());
        LegalReview review = fresh.orElse(r);
        if (review.status() == ReviewStatus.ESCALATED) {
            UI.getCurrent().addWindow(new DiscussionWindow(service, context, m, review, this::reload));
        } else {
            UI.getCurrent().addWindow(new ChecklistWindow(service, context, m, review, this::reload));
        }
    }

    void reload() {
        Refusals.act(context, error, () -> {
            Long selected = grid.getSelectedItems().stream().findFirst().map(LegalReview::id).orElse(null);
            List<LegalReview> all = service.pending(context.actor());
            grid.setItems(all);
            all.stream().filter(r -> selected != null && r.id() == selected).findFirst().ifPresent(grid::select);
        });
    }
}
