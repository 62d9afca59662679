package org.zhifa.console.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhifa.api.cases.CaseFile;
import org.zhifa.api.common.Actor;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.kind.Transition;
import org.zhifa.console.spi.FieldForm;

import com.vaadin.server.UserError;
import com.vaadin.ui.Button;
import com.vaadin.ui.FormLayout;
import com.vaadin.ui.HorizontalLayout;
import com.vaadin.ui.Label;
import com.vaadin.ui.TextArea;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.Window;
import com.vaadin.ui.themes.ValoTheme;

/**
 * One transition of a case: the form its kind's field definitions describe, and a reason. A refusal
 * (the procedure, the law, a field) is shown in red and marks the field at fault; the window stays
 * open with everything typed, so nothing is lost.
 */
final class TransitionWindow extends Window {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(TransitionWindow.class);

    private final transient CaseConsole console;
    private final Actor actor;
    private final Messages m;
    private final CaseFile seen;
    private final Transition transition;
    private final transient Runnable done;
    private final FieldForm fields;
    private final TextArea reason = new TextArea();

    TransitionWindow(CaseConsole console, Actor actor, Messages m, CaseFile seen, Transition transition, Runnable done) {
        this(console, actor, m, seen, transition, done, java.util.Optional.empty());
    }

    /**
     * @param draft the case's current decision draft (法制审核) when it drafts this very transition: the form
     *              starts with its values, since the gate admits exactly the reviewed draft
     */
    TransitionWindow(CaseConsole console, Actor actor, Messages m, CaseFile seen, Transition transition, Runnable done,
                     java.util.Optional<org.zhifa.api.legalreview.DecisionDraft> draft) {
        this.console = console;
        this.actor = actor;
        this.m = m;
        this.seen = seen;
        this.transition = transition;
        this.done = done;
        setId("case-transition-form");
        setCaption(m.get("transition.title", transition.title(m.locale()), seen.number()));
        setModal(true);
        setWidth("720px");
        setHeight("85%");

        fields = new FieldForm(transition.fields(), m.locale(), "field-");
        draft.ifPresent(d -> fields.fill(d.fields()));
        FormLayout form = new FormLayout();
        form.setMargin(false);
        form.setWidth("100%");
        fields.addTo(form);
        reason.setId("case-transition-reason");
        reason.setCaption(m.get("transition.reason"));
        reason.setRows(2);
        reason.setMaxLength(1000);
        reason.setWidth("100%");
        form.addComponent(reason);

        Button submit = new Button(m.get("transition.submit"), e -> submit());
        submit.setId("case-transition-submit");
        submit.addStyleName(ValoTheme.BUTTON_PRIMARY);
        Button cancel = new Button(m.get("action.cancel"), e -> close());
        cancel.setId("case-transition-cancel");
        VerticalLayout root = new VerticalLayout();
        root.setWidth("100%");
        if (fields.isEmpty()) {
            root.addComponent(new Label(m.get("transition.noFields")));
        }
        draft.ifPresent(d -> {
            Label from = new Label(m.get("transition.fromDraft", d.version()));
            from.setId("case-transition-from-draft");
            root.addComponent(from);
        });
        root.addComponents(form, new HorizontalLayout(submit, cancel));
        setContent(root);
    }

    private void submit() {
        reason.setComponentError(null);
        var problem = fields.validate();
        if (problem.isPresent()) {
            Notifications.error(problem.get());
            return;
        }
        try {
            console.cases().transition(seen.id(), transition.id(), fields.values(), reason.getValue(), seen.version(),
                    actor);
        } catch (ZhifaException e) {
            String message = m.error(e);
            if (!fields.mark(e.field(), message) && "reason".equals(e.field())) {
                reason.setComponentError(new UserError(message));
                reason.focus();
            }
            Notifications.error(message);
            return;
        } catch (RuntimeException e) {
            LOG.error("transition {} of case {} failed", transition.id(), seen.id(), e);
            Notifications.error(m.get("error.unexpected"));
            return;
        }
        close();
        Notifications.info(m.get("transition.done", transition.title(m.locale())));
        done.run();
    }
}
