package org.zhifa.console.internal;

import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhifa.api.common.Actor;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.personnel.Officer;
import org.zhifa.api.personnel.PersonnelService;

import com.vaadin.server.UserError;
import com.vaadin.ui.Button;
import com.vaadin.ui.HorizontalLayout;
import com.vaadin.ui.Label;
import com.vaadin.ui.TextArea;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.Window;
import com.vaadin.ui.themes.ValoTheme;

/** Confirms 注销 of an officer with a reason. Entries are never deleted. */
final class DeactivateDialog extends Window {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(DeactivateDialog.class);

    private final TextArea reason = new TextArea();

    DeactivateDialog(PersonnelService personnel, Actor actor, Messages m, Officer officer,
                     Consumer<Officer> onDone) {
        setCaption(m.get("deactivate.title"));
        setModal(true);
        setResizable(false);
        setWidth("480px");
        setId("deactivate-dialog");

        Label text = new Label(m.get("deactivate.text", officer.name(), officer.certificateNo()));
        text.setWidth("100%");
        reason.setId("deactivate-reason");
        reason.setCaption(m.get("deactivate.reason"));
        reason.setWidth("100%");
        reason.setRows(3);
        reason.setRequiredIndicatorVisible(true);

        Button confirm = new Button(m.get("deactivate.confirm"), e -> {
            String r = reason.getValue().strip();
            if (r.isEmpty()) {
                reason.setComponentError(new UserError(m.get("validation.reason")));
                return;
            }
            reason.setComponentError(null);
            Officer done;
            try {
                done = personnel.deactivate(officer.id(), r, actor);
            } catch (ZhifaException ex) {
                String message = m.error(ex);
                if ("reason".equals(ex.field())) {
                    reason.setComponentError(new UserError(message));
                }
                Notifications.error(message);
                return;
            } catch (RuntimeException ex) {
                LOG.error("deactivating officer {} failed", officer.id(), ex);
                Notifications.error(m.get("error.unexpected"));
                return;
            }
            close();
            Notifications.info(m.get("deactivate.done", done.name()));
            onDone.accept(done);
        });
        confirm.setId("deactivate-confirm");
        confirm.addStyleName(ValoTheme.BUTTON_DANGER);
        Button cancel = new Button(m.get("action.cancel"), e -> close());
        cancel.setId("deactivate-cancel");

        setContent(new VerticalLayout(text, reason, new HorizontalLayout(confirm, cancel)));
    }
}
