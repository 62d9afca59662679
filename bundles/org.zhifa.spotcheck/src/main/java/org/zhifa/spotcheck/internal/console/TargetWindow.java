package org.zhifa.spotcheck.internal.console;

import java.util.function.Consumer;

import org.zhifa.api.spotcheck.InspectionTarget;
import org.zhifa.api.spotcheck.InspectionTarget.Risk;
import org.zhifa.api.spotcheck.InspectionTarget.TargetType;
import org.zhifa.api.spotcheck.SpotCheckService;
import org.zhifa.api.spotcheck.TargetDraft;
import org.zhifa.console.spi.ConsoleContext;
import org.zhifa.console.spi.Refusals;

import com.vaadin.ui.Button;
import com.vaadin.ui.ComboBox;
import com.vaadin.ui.FormLayout;
import com.vaadin.ui.HorizontalLayout;
import com.vaadin.ui.Label;
import com.vaadin.ui.TextField;
import com.vaadin.ui.UI;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.Window;

/**
 * Adds a target or revises one. A revision names the revision it was made from, so the service refuses it
 * when someone else saved in between, and the refusal shows in the window with the revision now stored.
 */
final class TargetWindow {

    private TargetWindow() {}

    static void open(SpotCheckService service, ConsoleContext context, InspectionTarget editing,
                     Consumer<InspectionTarget> saved) {
        ConsoleTexts m = new ConsoleTexts(context.locale());
        Window w = ConsoleTexts.window(editing == null ? m.get("targets.add")
                : m.get("targets.edit.title", editing.name(), editing.revision()), "sc-tf-window", "560px");
        TextField name = field("sc-tf-name", m.get("target.name"), 200);
        TextField code = field("sc-tf-code", m.get("target.code"), 18);
        ComboBox<TargetType> type = new ComboBox<>(m.get("target.type"), java.util.List.of(TargetType.values()));
        type.setId("sc-tf-type");
        type.setItemCaptionGenerator(t -> m.of("type", t));
        TextField area = field("sc-tf-area", m.get("target.area"), 100);
        ComboBox<Risk> risk = new ComboBox<>(m.get("target.risk"), java.util.List.of(Risk.values()));
        risk.setId("sc-tf-risk");
        risk.setItemCaptionGenerator(r -> m.of("risk", r));
        for (ComboBox<?> c : java.util.List.of(type, risk)) {
            c.setTextInputAllowed(false);
            c.setEmptySelectionAllowed(false);
            c.setPageLength(0);
            c.setRequiredIndicatorVisible(true);
        }
        TextField tags = field("sc-tf-tags", m.get("target.tags.typed"), 500);
        if (editing != null) {
            name.setValue(editing.name());
            code.setValue(editing.creditCode());
            type.setValue(editing.type());
            area.setValue(editing.area());
            risk.setValue(editing.risk());
            tags.setValue(ConsoleTexts.join(editing.tags()));
        } else {
            type.setValue(TargetType.ENTERPRISE);
            risk.setValue(Risk.LOW);
        }
        Label error = Refusals.errorLabel("sc-tf-error");
        Button save = new Button(m.get("form.save"), e -> Refusals.act(context, error, () -> {
            TargetDraft draft = new TargetDraft(name.getValue(), code.getValue(), type.getValue(), area.getValue(),
                    risk.getValue(), ConsoleTexts.list(tags.getValue()));
            InspectionTarget t = editing == null ? service.addTarget(draft, context.actor())
                    : service.reviseTarget(editing.id(), draft, editing.revision(), context.actor());
            w.close();
            context.notify(m.get("targets.saved", t.name(), t.revision()), false);
            saved.accept(t);
        }));
        HorizontalLayout buttons = m.saveCancel(w, "sc-tf", save);
        FormLayout form = new FormLayout(name, code, type, area, risk, tags);
        w.setContent(new VerticalLayout(form, error, buttons));
        UI.getCurrent().addWindow(w);
        name.focus();
    }

    static TextField field(String id, String caption, int max) {
        TextField f = new TextField(caption);
        f.setId(id);
        f.setWidth("100%");
        f.setMaxLength(max);
        return f;
    }
}
