package org.zhifa.console.internal;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhifa.api.cases.AssignedOfficer;
import org.zhifa.api.cases.CaseFile;
import org.zhifa.api.cases.Recusal;
import org.zhifa.api.common.Actor;
import org.zhifa.api.common.ZhifaException;

import com.vaadin.server.UserError;
import com.vaadin.ui.AbstractComponent;
import com.vaadin.ui.Button;
import com.vaadin.ui.ComboBox;
import com.vaadin.ui.FormLayout;
import com.vaadin.ui.HorizontalLayout;
import com.vaadin.ui.Label;
import com.vaadin.ui.TextArea;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.Window;
import com.vaadin.ui.themes.ValoTheme;

/** 回避: a request against an assigned officer, and a 负责人's decision on one. */
final class RecusalDialog extends Window {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(RecusalDialog.class);
    static final List<String> REQUESTERS = List.of("PARTY", "OFFICER", "BUREAU");

    /** What the dialog does once its inputs are valid; throws the service's refusal. */
    @FunctionalInterface
    private interface Action {
        void run();
    }

    private final Messages m;
    private final transient Runnable done;
    final TextArea reason = new TextArea();
    private transient Action action;
    private AbstractComponent fieldOfRefusal;

    private RecusalDialog(Messages m, String id, String caption, Runnable done) {
        this.m = m;
        this.done = done;
        setId(id);
        setCaption(caption);
        setModal(true);
        setWidth("560px");
        reason.setCaption(m.get("recusal.reason"));
        reason.setRows(3);
        reason.setMaxLength(1000);
        reason.setWidth("100%");
        reason.setRequiredIndicatorVisible(true);
    }

    static RecusalDialog request(CaseConsole console, Actor actor, Messages m, CaseFile c, Runnable done) {
        RecusalDialog d = new RecusalDialog(m, "recusal-request-form", m.get("recusal.request.title", c.number()), done);
        ComboBox<AssignedOfficer> officer = new ComboBox<>(m.get("recusal.officer"), c.officers());
        officer.setId("recusal-officer");
        officer.setItemCaptionGenerator(o -> o.name() + "（" + o.certificateNo() + "）");
        officer.setTextInputAllowed(false);
        officer.setEmptySelectionAllowed(false);
        officer.setRequiredIndicatorVisible(true);
        officer.setWidth("100%");
        ComboBox<String> by = new ComboBox<>(m.get("recusal.requestedBy"), REQUESTERS);
        by.setId("recusal-requested-by");
        by.setItemCaptionGenerator(r -> m.get("recusal.by." + r));
        by.setTextInputAllowed(false);
        by.setEmptySelectionAllowed(false);
        by.setValue("PARTY");
        by.setWidth("100%");
        d.reason.setId("recusal-reason");
        d.fieldOfRefusal = officer;
        d.action = () -> {
            if (officer.getValue() == null) {
                officer.setComponentError(new UserError(m.get("validation.required")));
                throw new IllegalArgumentException(m.get("recusal.officer") + m.get("label.separator")
                        + m.get("validation.required"));
            }
            console.cases().requestRecusal(c.id(), officer.getValue().officerId(), by.getValue(), d.reason.getValue(),
                    actor);
        };
        d.build(new FormLayout(officer, by, d.reason), "recusal-submit");
        return d;
    }

    static RecusalDialog decide(CaseConsole console, Actor actor, Messages m, CaseFile c, Recusal r, boolean approve,
                                Runnable done) {
        RecusalDialog d = new RecusalDialog(m, "recusal-decide-form",
                m.get(approve ? "recusal.approve.title" : "recusal.refuse.title", r.officerName()), done);
        d.reason.setId("recusal-decision-reason");
        d.action = () -> console.cases().decideRecusal(c.id(), r.id(), approve, d.reason.getValue(), actor);
        d.build(new FormLayout(new Label(r.reason()), d.reason), "recusal-decide-submit");
        return d;
    }

    private void build(FormLayout form, String submitId) {
        form.setMargin(false);
        form.setWidth("100%");
        Button submit = new Button(m.get("action.save"), e -> submit());
        submit.setId(submitId);
        submit.addStyleName(ValoTheme.BUTTON_PRIMARY);
        Button cancel = new Button(m.get("action.cancel"), e -> close());
        cancel.setId("recusal-cancel");
        VerticalLayout root = new VerticalLayout(form, new HorizontalLayout(submit, cancel));
        root.setWidth("100%");
        setContent(root);
    }

    private void submit() {
        reason.setComponentError(null);
        if (fieldOfRefusal != null) {
            fieldOfRefusal.setComponentError(null);
        }
        if (reason.getValue().isBlank()) {
            reason.setComponentError(new UserError(m.get("validation.required")));
            Notifications.error(m.get("recusal.reason") + m.get("label.separator") + m.get("validation.required"));
            return;
        }
        try {
            action.run();
        } catch (IllegalArgumentException e) {
            Notifications.error(e.getMessage());
            return;
        } catch (ZhifaException e) {
            String message = m.error(e);
            AbstractComponent at = "reason".equals(e.field()) ? reason
                    : "officerId".equals(e.field()) ? fieldOfRefusal : null;
            if (at != null) {
                at.setComponentError(new UserError(message));
            }
            Notifications.error(message);
            return;
        } catch (RuntimeException e) {
            LOG.error("recusal failed", e);
            Notifications.error(m.get("error.unexpected"));
            return;
        }
        close();
        Notifications.info(m.get("recusal.done"));
        done.run();
    }
}
