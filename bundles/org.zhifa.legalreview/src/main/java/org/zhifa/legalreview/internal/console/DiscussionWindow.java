package org.zhifa.legalreview.internal.console;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.zhifa.api.legalreview.Discussion;
import org.zhifa.api.legalreview.LegalReview;
import org.zhifa.api.legalreview.LegalReviewService;
import org.zhifa.console.spi.ConsoleContext;
import org.zhifa.console.spi.Refusals;

import com.vaadin.shared.ui.ContentMode;
import com.vaadin.ui.Alignment;
import com.vaadin.ui.Button;
import com.vaadin.ui.DateField;
import com.vaadin.ui.Grid;
import com.vaadin.ui.HorizontalLayout;
import com.vaadin.ui.Label;
import com.vaadin.ui.RadioButtonGroup;
import com.vaadin.ui.TextArea;
import com.vaadin.ui.TextField;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.Window;
import com.vaadin.ui.themes.ValoTheme;

/**
 * The 集体讨论 of an escalated review, recorded by a 负责人: the day, each member with post and opinion,
 * whether the draft is adopted, and the conclusion.
 */
final class DiscussionWindow extends Window {

    private static final long serialVersionUID = 1L;

    private final List<Discussion.MemberOpinion> members = new ArrayList<>();

    DiscussionWindow(LegalReviewService service, ConsoleContext context, ConsoleTexts m, LegalReview review,
                     Runnable done) {
        setId("lr-discussion-window");
        setCaption(m.get("discussion.title", review.caseNumber(), review.draftVersion()));
        setModal(true);
        setWidth("860px");
        setHeight("90%");
        Label error = Refusals.errorLabel("lr-discussion-error");
        Label head = new Label(CaseReviewPanel.detail(review, m), ContentMode.PREFORMATTED);
        head.setId("lr-discussion-review");
        head.setWidth("100%");

        DateField heldOn = new DateField(m.get("discussion.heldOn"), LocalDate.now(ConsoleTexts.ZONE));
        heldOn.setId("lr-discussion-date");
        heldOn.setDateFormat("yyyy-MM-dd");
        heldOn.setLenient(false);

        Grid<Discussion.MemberOpinion> grid = new Grid<>();
        grid.setId("lr-discussion-members");
        grid.addColumn(Discussion.MemberOpinion::name).setCaption(m.get("discussion.member.name"));
        grid.addColumn(Discussion.MemberOpinion::post).setCaption(m.get("discussion.member.post"));
        grid.addColumn(Discussion.MemberOpinion::opinion).setCaption(m.get("discussion.member.opinion"));
        grid.setWidth("100%");
        grid.setHeightByRows(4);
        grid.setItems(members);
        TextField name = new TextField(m.get("discussion.member.name"));
        name.setId("lr-member-name");
        TextField post = new TextField(m.get("discussion.member.post"));
        post.setId("lr-member-post");
        TextField opinion = new TextField(m.get("discussion.member.opinion"));
        opinion.setId("lr-member-opinion");
        opinion.setWidth("22em");
        Button add = new Button(m.get("discussion.member.add"), e -> Refusals.act(context, error, () -> {
            if (name.getValue().isBlank() || post.getValue().isBlank() || opinion.getValue().isBlank()) {
                throw ConsoleTexts.invalid("discussion.member.incomplete", "members");
            }
            members.add(new Discussion.MemberOpinion(name.getValue().strip(), post.getValue().strip(),
                    opinion.getValue().strip()));
            grid.setItems(members);
            name.clear();
            post.clear();
            opinion.clear();
        }));
        add.setId("lr-member-add");
        Button remove = new Button(m.get("discussion.member.remove"), e -> {
            members.removeAll(grid.getSelectedItems());
            grid.setItems(members);
        });
        remove.setId("lr-member-remove");
        HorizontalLayout memberRow = new HorizontalLayout(name, post, opinion, add, remove);
        memberRow.setDefaultComponentAlignment(Alignment.BOTTOM_LEFT);

        RadioButtonGroup<Boolean> adopt = new RadioButtonGroup<>(m.get("discussion.decision"));
        adopt.setId("lr-discussion-adopt");
        adopt.setItems(Boolean.TRUE, Boolean.FALSE);
        adopt.setItemCaptionGenerator(b -> m.get(b ? "discussion.adopt" : "discussion.reject"));
        adopt.addStyleName(ValoTheme.OPTIONGROUP_HORIZONTAL);
        TextArea conclusion = new TextArea(m.get("discussion.conclusion"));
        conclusion.setId("lr-discussion-conclusion");
        conclusion.setWidth("100%");
        conclusion.setRows(3);

        Button record = new Button(m.get("discussion.record"), e -> Refusals.act(context, error, () -> {
            if (adopt.getValue() == null) {
                throw ConsoleTexts.invalid("discussion.decision.required", "adopt");
            }
            if (heldOn.getValue() == null) {
                throw ConsoleTexts.invalid("discussion.heldOn.required", "heldOn");
            }
            LegalReview r = service.recordDiscussion(review.id(), new Discussion(heldOn.getValue(), members,
                    adopt.getValue(), conclusion.getValue(), context.actor().user(), null), context.actor());
            close();
            context.notify(m.get("discussion.done", r.caseNumber(), m.get("status." + r.status().name())), false);
            done.run();
        }));
        record.setId("lr-discussion-record");
        record.addStyleName(ValoTheme.BUTTON_PRIMARY);
        Button cancel = new Button(m.get("action.close"), e -> close());

        VerticalLayout body = new VerticalLayout(head, error, heldOn, new Label(m.get("discussion.members")), grid,
                memberRow, adopt, conclusion, new HorizontalLayout(record, cancel));
        setContent(body);
    }
}
