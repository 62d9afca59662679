package org.zhifa.spotcheck.internal.console;

import java.util.function.Consumer;

import org.zhifa.console.spi.ConsoleContext;
import org.zhifa.console.spi.Refusals;

import com.vaadin.ui.Button;
import com.vaadin.ui.HorizontalLayout;
import com.vaadin.ui.Label;
import com.vaadin.ui.TextArea;
import com.vaadin.ui.UI;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.Window;

/** Asks for the reason a change needs (a deactivation, the end of a conflict); a refusal keeps it open. */
final class ReasonWindow {

    private ReasonWindow() {}

    /** Ids: {@code <id>-window}, {@code <id>-reason}, {@code <id>-save}, {@code <id>-cancel}, {@code <id>-error}. */
    static void open(ConsoleContext context, String id, String title, Consumer<String> action) {
        ConsoleTexts m = new ConsoleTexts(context.locale());
        Window w = ConsoleTexts.window(title, id + "-window", "520px");
        TextArea reason = new TextArea(m.get("reason.caption"));
        reason.setId(id + "-reason");
        reason.setWidth("100%");
        reason.setRows(3);
        reason.setMaxLength(1000);
        reason.setRequiredIndicatorVisible(true);
        Label error = Refusals.errorLabel(id + "-error");
        Button save = new Button(m.get("reason.save"), e -> {
            if (Refusals.act(context, error, () -> {
                String why = reason.getValue() == null ? "" : reason.getValue().strip();
                if (why.isEmpty()) {
                    throw ConsoleTexts.invalid("CONSOLE_REASON_REQUIRED", "reason");
                }
                action.accept(why);
            })) {
                w.close();
            }
        });
        HorizontalLayout buttons = m.saveCancel(w, id, save);
        VerticalLayout content = new VerticalLayout(reason, error, buttons);
        w.setContent(content);
        UI.getCurrent().addWindow(w);
        reason.focus();
    }
}
