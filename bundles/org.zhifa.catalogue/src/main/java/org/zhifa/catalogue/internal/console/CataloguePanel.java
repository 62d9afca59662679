package org.zhifa.catalogue.internal.console;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.zhifa.api.catalogue.CatalogueDraft;
import org.zhifa.api.catalogue.CatalogueItem;
import org.zhifa.api.catalogue.CatalogueService;
import org.zhifa.api.catalogue.CatalogueService.RenderFormat;
import org.zhifa.api.catalogue.CatalogueStatus;
import org.zhifa.api.catalogue.CatalogueType;
import org.zhifa.api.catalogue.CatalogueVersion;
import org.zhifa.api.catalogue.Flowchart;
import org.zhifa.api.common.Actor;
import org.zhifa.api.common.Roles;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.console.spi.ConsoleContext;

import com.vaadin.server.FileDownloader;
import com.vaadin.server.StreamResource;
import com.vaadin.ui.Alignment;
import com.vaadin.ui.Button;
import com.vaadin.ui.ComboBox;
import com.vaadin.ui.DateField;
import com.vaadin.ui.FormLayout;
import com.vaadin.ui.Grid;
import com.vaadin.ui.HorizontalLayout;
import com.vaadin.ui.Image;
import com.vaadin.ui.Label;
import com.vaadin.ui.Panel;
import com.vaadin.ui.TextArea;
import com.vaadin.ui.TextField;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.themes.ValoTheme;

/**
 * The catalogues of one type: versions (newest first) with their items and history; for the roles that may,
 * a new draft (from the selected version), an item editor for a draft, submit, review (pass or return with an
 * opinion), publish and correct. Below: the flowchart of a kind and the filing package. Published versions are
 * never edited here either: a correction makes a new draft.
 */
final class CataloguePanel extends VerticalLayout {
    private static final long serialVersionUID = 1L;

    private final transient CatalogueService service;
    private final ConsoleContext context;
    private final ConsoleTexts m;
    private final Actor actor;
    private final Label error = ConsoleTexts.errorLabel("cat-error");
    private final ComboBox<CatalogueType> type = new ComboBox<>();
    private final Grid<CatalogueVersion> versions = new Grid<>();
    private final Grid<CatalogueItem> items = new Grid<>();
    private final Label history = new Label();
    private final TextArea opinion = new TextArea();
    private final TextField request = new TextField();
    private final Map<String, Button> actions = new LinkedHashMap<>();
    // the editor of a draft
    private final VerticalLayout editor = new VerticalLayout();
    private final Grid<CatalogueItem> editItems = new Grid<>();
    private final List<CatalogueItem> editing = new ArrayList<>();
    private final FormLayout itemForm = new FormLayout();
    private final Map<String, TextArea> fields = new LinkedHashMap<>();
    private final DateField effectiveFrom = new DateField();
    private final TextField note = new TextField();
    private CatalogueVersion edited;

    CataloguePanel(CatalogueService service, ConsoleContext context) {
        this.service = service;
        this.context = context;
        this.actor = context.actor();
        this.m = new ConsoleTexts(context.locale());
        setId("cat-panel");
        Label title = new Label(m.get("view.title"));
        title.addStyleName(ValoTheme.LABEL_H2);

        type.setId("cat-type");
        type.setCaption(m.get("type"));
        type.setItems(CatalogueType.values());
        type.setItemCaptionGenerator(t -> m.domain("type." + t));
        type.setEmptySelectionAllowed(false);
        type.setPageLength(0);
        type.setValue(CatalogueType.ITEMS);
        type.addValueChangeListener(e -> reload(null));

        versions.setId("cat-versions");
        versions.addColumn(v -> "v" + v.number()).setCaption(m.get("col.version")).setId("version");
        versions.addColumn(v -> m.domain("status." + v.status())).setCaption(m.get("col.status")).setId("status");
        versions.addColumn(v -> String.valueOf(v.effectiveFrom())).setCaption(m.get("col.from"));
        versions.addColumn(v -> v.items().size()).setCaption(m.get("col.items"));
        versions.addColumn(v -> m.get(v.inForce() ? "common.yes" : "common.no")).setCaption(m.get("col.inForce"))
                .setId("inForce");
        versions.addColumn(v -> v.status() != CatalogueStatus.PUBLISHED ? ""
                : m.get(v.disclosureItemId() != null ? "col.disclosed.yes" : "col.disclosed.no"))
                .setCaption(m.get("col.disclosed")).setId("disclosed");
        versions.addColumn(v -> String.join("、", v.authors())).setCaption(m.get("col.authors"));
        versions.addColumn(v -> v.reviewedBy() == null ? "" : v.reviewedBy()).setCaption(m.get("col.reviewer"));
        versions.addColumn(v -> v.correctionOf() == null ? "" : m.get("col.correction.of", v.correctionRequest()))
                .setCaption(m.get("col.correction")).setMaximumWidth(300);
        versions.setWidth("100%");
        versions.setHeightByRows(5);
        versions.asSingleSelect().addValueChangeListener(e -> show(e.getValue()));

        items.setId("cat-items");
        items.setWidth("100%");
        items.setHeightByRows(6);
        history.setId("cat-history");
        history.setWidth("100%");

        opinion.setId("cat-opinion");
        opinion.setCaption(m.get("opinion"));
        opinion.setRows(2);
        opinion.setWidth("30em");
        request.setId("cat-request");
        request.setCaption(m.get("request"));
        request.setWidth("30em");

        action("new", this::startNew, Roles.OFFICER, Roles.LEADER, Roles.ADMIN);
        action("edit", this::startEdit, Roles.OFFICER, Roles.LEADER, Roles.ADMIN);
        action("submit", () -> changed(service.submit(selected().id(), actor), "done.submitted"),
                Roles.OFFICER, Roles.LEADER, Roles.ADMIN);
        action("pass", () -> changed(service.review(selected().id(), true, opinion.getValue(), actor), "done.reviewed"),
                Roles.REVIEWER, Roles.LEADER);
        action("return", () -> changed(service.review(selected().id(), false, opinion.getValue(), actor),
                "done.returned"), Roles.REVIEWER, Roles.LEADER);
        action("publish", () -> {
            CatalogueVersion v = service.publish(selected().id(), actor);
            changed(v, v.disclosureItemId() != null ? "done.published" : "done.published.pending");
        }, Roles.LEADER, Roles.ADMIN);
        action("correct", () -> changed(service.correct(selected().id(), request.getValue(), null, actor),
                "done.corrected"), Roles.LEADER, Roles.ADMIN);
        Button pdf = new Button(m.get("download.pdf"));
        pdf.setId("cat-download-pdf");
        new FileDownloader(rendered(RenderFormat.PDF)).extend(pdf);
        Button xlsx = new Button(m.get("download.xlsx"));
        xlsx.setId("cat-download-xlsx");
        new FileDownloader(rendered(RenderFormat.XLSX)).extend(xlsx);
        HorizontalLayout buttons = new HorizontalLayout();
        actions.values().forEach(buttons::addComponent);
        buttons.addComponents(pdf, xlsx);
        HorizontalLayout inputs = new HorizontalLayout(opinion, request);
        inputs.setDefaultComponentAlignment(Alignment.BOTTOM_LEFT);

        buildEditor();
        addComponents(title, error, type, versions, buttons, inputs, items, history, editor, flowcharts(), filing());
        reload(null);
    }

    private void action(String key, Runnable run, String... roles) {
        Button b = new Button(m.get("action." + key), e -> m.act(context, error, run));
        b.setId("cat-" + key);
        b.setVisible(java.util.Arrays.stream(roles).anyMatch(actor::has));
        actions.put(key, b);
    }

    private CatalogueVersion selected() {
        return versions.getSelectedItems().stream().findFirst().orElseThrow(() -> ConsoleTexts.invalid("select"));
    }

    private void changed(CatalogueVersion v, String message) {
        context.notify(m.get(message, "v" + v.number()), false);
        reload(v.id());
    }

    private void reload(Long select) {
        m.act(context, error, () -> {
            List<CatalogueVersion> all = service.versions(type.getValue(), actor);
            versions.setItems(all);
            CatalogueVersion pick = all.stream().filter(v -> select != null && v.id() == select).findFirst()
                    .orElse(all.isEmpty() ? null : all.get(0));
            if (pick != null) {
                versions.select(pick);
            } else {
                show(null);
            }
            itemColumns(items, type.getValue());
            itemColumns(editItems, type.getValue());
            editor.setVisible(false);
        });
    }

    private void itemColumns(Grid<CatalogueItem> grid, CatalogueType t) {
        grid.removeAllColumns();
        grid.addColumn(CatalogueItem::no).setCaption(m.domain("field.no")).setId("no").setWidth(70);
        for (String key : t.fields()) {
            grid.addColumn(i -> i.value(key)).setCaption(m.field(t, key)).setId(key).setMaximumWidth(320);
        }
    }

    private void show(CatalogueVersion v) {
        items.setItems(v == null ? List.of() : v.items());
        history.setValue(v == null ? "" : v.events().stream()
                .map(e -> m.time(e.at()) + " " + e.actor() + " " + m.get("event." + e.type())
                        + (e.note() == null || e.type().equals("disclosed") ? "" : "：" + e.note()))
                .collect(Collectors.joining("；")));
        boolean editable = v != null && (v.status() == CatalogueStatus.DRAFT || v.status() == CatalogueStatus.RETURNED);
        actions.get("edit").setEnabled(editable && !v.type().generated());
        actions.get("submit").setEnabled(editable);
        boolean submitted = v != null && v.status() == CatalogueStatus.SUBMITTED;
        actions.get("pass").setEnabled(submitted);
        actions.get("return").setEnabled(submitted);
        actions.get("publish").setEnabled(v != null && v.status() == CatalogueStatus.REVIEWED);
        actions.get("correct").setEnabled(v != null && v.status() == CatalogueStatus.PUBLISHED);
    }

    // ------------------------------------------------------------ the editor

    private void startNew() {
        CatalogueType t = type.getValue();
        if (t.generated()) {
            changed(service.createDraft(t, new CatalogueDraft(LocalDate.now(ConsoleTexts.ZONE), List.of(), null), actor),
                    "done.created");
            return;
        }
        edited = null;
        editing.clear();
        versions.getSelectedItems().stream().findFirst().ifPresent(v -> editing.addAll(v.items()));
        openEditor(LocalDate.now(ConsoleTexts.ZONE), null);
    }

    private void startEdit() {
        edited = selected();
        editing.clear();
        editing.addAll(edited.items());
        openEditor(edited.effectiveFrom(), edited.note());
    }

    private void openEditor(LocalDate from, String text) {
        fields.clear();
        itemForm.removeAllComponents();
        for (String key : type.getValue().fields()) {
            TextArea a = new TextArea(m.field(type.getValue(), key) + (type.getValue().required().contains(key) ? " *" : ""));
            a.setId("cat-field-" + key);
            a.setRows(key.equals("name") || key.equals("subject") || key.equals("code") ? 1 : 2);
            a.setWidth("36em");
            fields.put(key, a);
            itemForm.addComponent(a);
        }
        effectiveFrom.setValue(from);
        note.setValue(text == null ? "" : text);
        editItems.setItems(editing);
        editor.setVisible(true);
    }

    private void buildEditor() {
        editor.setId("cat-editor");
        editor.setMargin(false);
        Label heading = new Label(m.get("editor.title"));
        heading.addStyleName(ValoTheme.LABEL_H3);
        editItems.setId("cat-edit-items");
        editItems.setWidth("100%");
        editItems.setHeightByRows(5);
        editItems.asSingleSelect().addValueChangeListener(e -> {
            if (e.getValue() != null) {
                fields.forEach((k, a) -> a.setValue(e.getValue().value(k)));
            }
        });
        itemForm.setMargin(false);
        Button add = new Button(m.get("item.add"), e -> m.act(context, error, () -> {
            editing.add(formItem());
            renumber();
        }));
        add.setId("cat-item-add");
        Button replace = new Button(m.get("item.replace"), e -> m.act(context, error, () -> {
            editing.set(editing.indexOf(selectedItem()), formItem());
            renumber();
        }));
        replace.setId("cat-item-replace");
        Button remove = new Button(m.get("item.remove"), e -> m.act(context, error, () -> {
            editing.remove(selectedItem());
            renumber();
        }));
        remove.setId("cat-item-remove");
        effectiveFrom.setId("cat-from");
        effectiveFrom.setCaption(m.get("col.from"));
        effectiveFrom.setDateFormat("yyyy-MM-dd");
        effectiveFrom.setLenient(false);
        note.setId("cat-note");
        note.setCaption(m.get("note"));
        note.setWidth("30em");
        Button save = new Button(m.get("editor.save"), e -> m.act(context, error, () -> {
            if (effectiveFrom.getValue() == null) {
                throw ConsoleTexts.invalid("from.required");
            }
            CatalogueDraft d = new CatalogueDraft(effectiveFrom.getValue(), List.copyOf(editing), note.getValue());
            CatalogueVersion v = edited == null ? service.createDraft(type.getValue(), d, actor)
                    : service.revise(edited.id(), d, edited.revision(), actor);
            changed(v, edited == null ? "done.created" : "done.saved");
        }));
        save.setId("cat-save");
        save.addStyleName(ValoTheme.BUTTON_PRIMARY);
        Button cancel = new Button(m.get("editor.cancel"), e -> editor.setVisible(false));
        cancel.setId("cat-cancel");
        HorizontalLayout form = new HorizontalLayout(effectiveFrom, note);
        form.setDefaultComponentAlignment(Alignment.BOTTOM_LEFT);
        editor.addComponents(heading, editItems, itemForm, new HorizontalLayout(add, replace, remove), form,
                new HorizontalLayout(save, cancel));
        editor.setVisible(false);
    }

    private CatalogueItem selectedItem() {
        return editItems.getSelectedItems().stream().findFirst().orElseThrow(() -> ConsoleTexts.invalid("item.select"));
    }

    private CatalogueItem formItem() {
        Map<String, String> values = new LinkedHashMap<>();
        fields.forEach((k, a) -> values.put(k, a.getValue()));
        return new CatalogueItem(0, values);
    }

    private void renumber() {
        List<CatalogueItem> out = new ArrayList<>();
        for (CatalogueItem i : editing) {
            out.add(new CatalogueItem(out.size() + 1, i.values()));
        }
        editing.clear();
        editing.addAll(out);
        editItems.setItems(editing);
    }

    // ------------------------------------------------------------ files

    private StreamResource rendered(RenderFormat format) {
        StreamResource r = new StreamResource(() -> {
            try {
                CatalogueVersion v = selected();
                return new ByteArrayInputStream(service.render(v.id(), format, actor));
            } catch (ZhifaException e) {
                return null;
            }
        }, "catalogue." + format.extension()) {
            private static final long serialVersionUID = 1L;

            @Override
            public String getFilename() {
                return versions.getSelectedItems().stream().findFirst()
                        .map(v -> v.type().fileName() + "-v" + v.number() + "." + format.extension())
                        .orElse("catalogue." + format.extension());
            }
        };
        r.setMIMEType(format.mediaType());
        r.setCacheTime(0);
        return r;
    }

    private Panel flowcharts() {
        VerticalLayout v = new VerticalLayout();
        ComboBox<String> kind = new ComboBox<>(m.get("flow.kind"));
        kind.setId("cat-flow-kind");
        kind.setEmptySelectionAllowed(false);
        kind.setPageLength(0);
        Image image = new Image();
        image.setId("cat-flow-image");
        Button svg = new Button(m.get("flow.svg"));
        svg.setId("cat-flow-svg");
        StreamResource svgFile = new StreamResource(() -> kind.getValue() == null ? null : new ByteArrayInputStream(
                service.flowchart(kind.getValue(), Flowchart.Format.SVG, actor).content()), "flowchart.svg");
        svgFile.setMIMEType(Flowchart.Format.SVG.mediaType());
        svgFile.setCacheTime(0);
        new FileDownloader(svgFile).extend(svg);
        kind.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                String id = e.getValue();
                StreamResource png = new StreamResource(() -> new ByteArrayInputStream(
                        service.flowchart(id, Flowchart.Format.PNG, actor).content()),
                        "flowchart-" + id + "-" + System.nanoTime() + ".png");
                png.setMIMEType(Flowchart.Format.PNG.mediaType());
                png.setCacheTime(0);
                image.setSource(png);
            }
        });
        m.act(context, error, () -> {
            List<String> kinds = service.flowchartKinds(actor);
            kind.setItems(kinds);
            if (!kinds.isEmpty()) {
                kind.setValue(kinds.contains("penalty") ? "penalty" : kinds.get(0));
            }
        });
        HorizontalLayout bar = new HorizontalLayout(kind, svg);
        bar.setDefaultComponentAlignment(Alignment.BOTTOM_LEFT);
        v.addComponents(bar, image);
        Panel p = new Panel(m.get("flow.title"), v);
        p.setId("cat-flowcharts");
        return p;
    }

    private HorizontalLayout filing() {
        Button download = new Button(m.get("filing.download"));
        download.setId("cat-filing");
        download.addStyleName(ValoTheme.BUTTON_PRIMARY);
        StreamResource zip = new StreamResource(() -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            service.filingPackage(out, actor);
            return new ByteArrayInputStream(out.toByteArray());
        }, "filing-package.zip");
        zip.setMIMEType("application/zip");
        zip.setCacheTime(0);
        new FileDownloader(zip).extend(download);
        Label hint = new Label(m.get("filing.hint"));
        HorizontalLayout h = new HorizontalLayout(download, hint);
        h.setDefaultComponentAlignment(Alignment.MIDDLE_LEFT);
        return h;
    }
}
