package org.zhifa.spotcheck.internal.console;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import org.zhifa.api.spotcheck.Draw;
import org.zhifa.api.spotcheck.SeedSource;
import org.zhifa.api.spotcheck.SpotCheckService;
import org.zhifa.console.spi.ConsoleContext;
import org.zhifa.console.spi.Refusals;

import com.vaadin.ui.Alignment;
import com.vaadin.ui.Button;
import com.vaadin.ui.CheckBox;
import com.vaadin.ui.FormLayout;
import com.vaadin.ui.Grid;
import com.vaadin.ui.HorizontalLayout;
import com.vaadin.ui.Label;
import com.vaadin.ui.RadioButtonGroup;
import com.vaadin.ui.TextArea;
import com.vaadin.ui.TextField;
import com.vaadin.ui.UI;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.Window;

/**
 * The two steps of a draw. Announcing names the public sources (labels only: their values do not exist yet)
 * or a secure random source; a redraw also needs its reason. Making a draw takes the sources' values as
 * published; the result is shown only once the service has recorded it.
 */
final class DrawWindows {

    private DrawWindows() {}

    /** Announces the plan's draw, or with {@code redrawOf} a redraw of that draw. */
    static void announce(SpotCheckService service, ConsoleContext context, long planId, Draw redrawOf,
                         Consumer<Draw> announced) {
        ConsoleTexts m = new ConsoleTexts(context.locale());
        Window w = ConsoleTexts.window(redrawOf == null ? m.get("draws.announce")
                : m.get("draws.redraw.title", redrawOf.round()), "sc-an-window", "640px");
        TextArea reason = new TextArea(m.get("draws.redraw.reason"));
        reason.setId("sc-an-reason");
        reason.setWidth("100%");
        reason.setRows(2);
        reason.setMaxLength(1000);
        reason.setRequiredIndicatorVisible(true);
        reason.setVisible(redrawOf != null);
        RadioButtonGroup<Draw.SeedMode> mode = new RadioButtonGroup<>(m.get("draws.mode"),
                Arrays.asList(Draw.SeedMode.values()));
        mode.setId("sc-an-mode");
        mode.setItemCaptionGenerator(s -> m.of("seedMode", s));
        mode.setValue(Draw.SeedMode.PUBLIC_SOURCES);
        List<SeedSource> sources = new ArrayList<>();
        Grid<SeedSource> list = new Grid<>();
        list.setId("sc-an-list");
        list.setWidth("100%");
        list.setHeightByRows(4);
        list.addColumn(SeedSource::label).setCaption(m.get("source.label")).setId("label");
        list.addColumn(s -> m.get(s.ordered() ? "source.ordered" : "source.unordered")).setCaption(m.get("source.order"));
        TextField label = TargetWindow.field("sc-an-label", m.get("source.label"), 200);
        label.setPlaceholder(m.get("source.label.example"));
        CheckBox ordered = new CheckBox(m.get("source.ordered"));
        ordered.setId("sc-an-ordered");
        Label error = Refusals.errorLabel("sc-an-error");
        Button add = new Button(m.get("source.add"), e -> Refusals.act(context, error, () -> {
            if (label.getValue() == null || label.getValue().isBlank()) {
                throw ConsoleTexts.invalid("CONSOLE_SOURCE_LABEL", "label");
            }
            sources.add(new SeedSource(label.getValue().strip(), List.of(), ordered.getValue()));
            list.setItems(sources);
            label.clear();
            ordered.clear();
        }));
        add.setId("sc-an-add");
        Button remove = new Button(m.get("source.remove"), e -> list.getSelectedItems().stream().findFirst()
                .ifPresent(s -> {
                    sources.remove(s);
                    list.setItems(sources);
                }));
        remove.setId("sc-an-remove");
        HorizontalLayout entry = new HorizontalLayout(label, ordered, add, remove);
        entry.setDefaultComponentAlignment(Alignment.BOTTOM_LEFT);
        entry.setWidth("100%");
        entry.setExpandRatio(label, 1);
        VerticalLayout sourceForm = new VerticalLayout(new Label(m.get("source.hint")), list, entry);
        sourceForm.setMargin(false);
        mode.addValueChangeListener(e -> sourceForm.setVisible(e.getValue() == Draw.SeedMode.PUBLIC_SOURCES));
        Button save = new Button(m.get(redrawOf == null ? "draws.announce" : "draws.redraw"),
                e -> Refusals.act(context, error, () -> {
                    Draw.SeedMode chosen = mode.getValue();
                    List<SeedSource> announcedSources = chosen == Draw.SeedMode.PUBLIC_SOURCES ? sources : List.of();
                    Draw d;
                    if (redrawOf == null) {
                        d = service.announce(planId, chosen, announcedSources, context.actor());
                    } else {
                        String why = reason.getValue() == null ? "" : reason.getValue().strip();
                        if (why.isEmpty()) {
                            throw ConsoleTexts.invalid("CONSOLE_REASON_REQUIRED", "reason");
                        }
                        d = service.announceRedraw(redrawOf.id(), why, chosen, announcedSources, context.actor());
                    }
                    w.close();
                    context.notify(m.get("draws.announced", d.round()), false);
                    announced.accept(d);
                }));
        HorizontalLayout buttons = m.saveCancel(w, "sc-an", save);
        w.setContent(new VerticalLayout(reason, mode, sourceForm, error, buttons));
        UI.getCurrent().addWindow(w);
    }

    /** Makes an announced draw: one field per announced source for its published values. */
    static void make(SpotCheckService service, ConsoleContext context, Draw draw, Consumer<Draw> made) {
        ConsoleTexts m = new ConsoleTexts(context.locale());
        Window w = ConsoleTexts.window(m.get("draws.make.title", draw.round()), "sc-mk-window", "600px");
        FormLayout form = new FormLayout();
        List<TextField> values = new ArrayList<>();
        for (int i = 0; i < draw.sources().size(); i++) {
            SeedSource s = draw.sources().get(i);
            TextField f = TargetWindow.field("sc-mk-value-" + i, s.label(), 500);
            f.setPlaceholder(m.get("draws.make.values"));
            values.add(f);
            form.addComponent(f);
        }
        Label note = new Label(m.get(draw.seedMode() == Draw.SeedMode.SECURE_RANDOM ? "draws.make.secure"
                : "draws.make.public"));
        note.setWidth("100%");
        Label error = Refusals.errorLabel("sc-mk-error");
        Button save = new Button(m.get("draws.make"), e -> Refusals.act(context, error, () -> {
            List<List<String>> typed = values.stream().map(f -> split(f.getValue())).toList();
            Draw d = service.make(draw.id(), typed, context.actor());
            w.close();
            context.notify(m.get("draws.made", d.round(), d.recordSeq()), false);
            made.accept(d);
        }));
        HorizontalLayout buttons = m.saveCancel(w, "sc-mk", save);
        w.setContent(new VerticalLayout(note, form, error, buttons));
        UI.getCurrent().addWindow(w);
    }

    /** Values as published, separated by blanks, commas or 、. */
    static List<String> split(String typed) {
        if (typed == null || typed.isBlank()) {
            return List.of();
        }
        return Arrays.stream(typed.strip().split("[\\s,，、;；]+")).filter(s -> !s.isEmpty()).toList();
    }
}
