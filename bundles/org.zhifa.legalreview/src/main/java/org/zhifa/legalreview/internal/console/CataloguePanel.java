package org.zhifa.legalreview.internal.console;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.zhifa.api.cases.CaseService;
import org.zhifa.api.cases.KindInfo;
import org.zhifa.api.common.Roles;
import org.zhifa.api.kind.CaseFacts.PartyType;
import org.zhifa.api.legalreview.CaseFlag;
import org.zhifa.api.legalreview.Catalogue;
import org.zhifa.api.legalreview.CatalogueDraft;
import org.zhifa.api.legalreview.CatalogueRule;
import org.zhifa.api.legalreview.LegalReviewService;
import org.zhifa.api.legalreview.PreviewRow;
import org.zhifa.api.legalreview.RuleType;
import org.zhifa.console.spi.ConsoleContext;
import org.zhifa.console.spi.Refusals;

import com.vaadin.ui.Alignment;
import com.vaadin.ui.Button;
import com.vaadin.ui.CheckBox;
import com.vaadin.ui.ComboBox;
import com.vaadin.ui.DateField;
import com.vaadin.ui.FormLayout;
import com.vaadin.ui.Grid;
import com.vaadin.ui.HorizontalLayout;
import com.vaadin.ui.Label;
import com.vaadin.ui.TextField;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.themes.ValoTheme;

/**
 * The 重大执法决定法制审核目录清单: versions with their rules (read by all staff), and for 负责人 and 管理员 an
 * editor of the next version — it starts from the selected version's rules — with a preview of the open
 * cases whose verdict it would change, and publish. Versions are never changed, only added.
 */
final class CataloguePanel extends VerticalLayout {

    private static final long serialVersionUID = 1L;

    private final transient LegalReviewService service;
    private final ConsoleContext context;
    private final ConsoleTexts m;
    private final Label error = Refusals.errorLabel("lr-cat-error");
    private final Grid<Catalogue> versions = new Grid<>();
    private final Grid<CatalogueRule> versionRules = new Grid<>();
    private final List<CatalogueRule> editing = new ArrayList<>();
    private final Grid<CatalogueRule> editRules = new Grid<>();
    private final Grid<PreviewRow> preview = new Grid<>();
    private final Label previewSummary = new Label();

    // the rule form
    private final ComboBox<RuleType> type = new ComboBox<>();
    private final ComboBox<String> kind = new ComboBox<>();
    private final TextField measures = new TextField();
    private final TextField threshold = new TextField();
    private final ComboBox<PartyType> partyType = new ComboBox<>();
    private final ComboBox<CaseFlag> flag = new ComboBox<>();
    private final TextField titleZh = new TextField();
    private final TextField titleEn = new TextField();
    // the version form
    private final DateField effectiveFrom = new DateField();
    private final CheckBox reviewAll = new CheckBox();
    private final TextField note = new TextField();

    CataloguePanel(LegalReviewService service, CaseService cases, ConsoleContext context) {
        this.service = service;
        this.context = context;
        this.m = new ConsoleTexts(context.locale());
        setId("lr-catalogue");
        Label title = new Label(m.get("catalogue.title"));
        title.addStyleName(ValoTheme.LABEL_H2);

        versions.setId("lr-cat-versions");
        versions.addColumn(c -> "v" + c.version()).setCaption(m.get("catalogue.col.version")).setId("version");
        versions.addColumn(c -> String.valueOf(c.effectiveFrom())).setCaption(m.get("catalogue.col.from"));
        versions.addColumn(c -> m.get(c.reviewAllOrdinary() ? "common.yes" : "common.no"))
                .setCaption(m.get("catalogue.col.reviewAll"));
        versions.addColumn(c -> c.rules().size()).setCaption(m.get("catalogue.col.rules"));
        versions.addColumn(c -> c.note() == null ? "" : c.note()).setCaption(m.get("catalogue.col.note"))
                .setMaximumWidth(360);
        versions.addColumn(c -> c.createdBy() + " " + m.time(c.createdAt())).setCaption(m.get("catalogue.col.by"));
        versions.setWidth("100%");
        versions.setHeightByRows(4);
        versions.asSingleSelect().addValueChangeListener(e ->
                versionRules.setItems(e.getValue() == null ? List.of() : e.getValue().rules()));
        ruleColumns(versionRules, "lr-cat-rules");

        addComponents(title, error, versions, versionRules);
        if (context.actor().has(Roles.LEADER) || context.actor().has(Roles.ADMIN)) {
            addComponent(editor(cases));
        }
        reload();
    }

    private void ruleColumns(Grid<CatalogueRule> grid, String id) {
        grid.setId(id);
        grid.addColumn(CatalogueRule::no).setCaption(m.get("rule.col.no")).setId("no");
        grid.addColumn(r -> m.get("ruleType." + r.type().name())).setCaption(m.get("rule.col.type")).setId("type");
        grid.addColumn(r -> r.kind() == null ? m.get("rule.any") : r.kind()).setCaption(m.get("rule.col.kind"));
        grid.addColumn(r -> String.join(m.get("list.separator"), r.measures())).setCaption(m.get("rule.col.measures"))
                .setMaximumWidth(260);
        grid.addColumn(r -> r.threshold() == null ? "" : r.threshold().stripTrailingZeros().toPlainString())
                .setCaption(m.get("rule.col.threshold")).setId("threshold");
        grid.addColumn(r -> r.partyType() == null ? "" : m.get("party." + r.partyType().name()))
                .setCaption(m.get("rule.col.party"));
        grid.addColumn(r -> r.flag() == null ? "" : m.get("flag." + r.flag())).setCaption(m.get("rule.col.flag"));
        grid.addColumn(r -> m.english() && r.titleEn() != null ? r.titleEn() : r.titleZh())
                .setCaption(m.get("rule.col.title")).setId("title").setMaximumWidth(360);
        grid.setWidth("100%");
        grid.setHeightByRows(6);
    }

    private VerticalLayout editor(CaseService cases) {
        Label heading = new Label(m.get("catalogue.editor"));
        heading.addStyleName(ValoTheme.LABEL_H3);
        Button start = new Button(m.get("catalogue.edit.from"), e -> Refusals.act(context, error, () -> {
            Catalogue base = versions.getSelectedItems().stream().findFirst()
                    .orElseThrow(() -> ConsoleTexts.invalid("catalogue.select", null));
            editing.clear();
            editing.addAll(base.rules());
            reviewAll.setValue(base.reviewAllOrdinary());
            editRules.setItems(editing);
        }));
        start.setId("lr-cat-edit");

        ruleColumns(editRules, "lr-cat-edit-rules");
        editRules.setItems(editing);
        editRules.asSingleSelect().addValueChangeListener(e -> load(e.getValue()));

        type.setId("lr-rule-type");
        type.setCaption(m.get("rule.col.type"));
        type.setItems(RuleType.values());
        type.setItemCaptionGenerator(t -> m.get("ruleType." + t.name()));
        type.setEmptySelectionAllowed(false);
        type.setPageLength(0);
        kind.setId("lr-rule-kind");
        kind.setCaption(m.get("rule.col.kind"));
        kind.setPlaceholder(m.get("rule.any"));
        kind.setItems(cases.kinds().stream().map(KindInfo::id).toList());
        kind.setItemCaptionGenerator(id -> cases.kinds().stream().filter(k -> k.id().equals(id)).findFirst()
                .map(k -> (m.english() ? k.titleEn() : k.titleZh()) + " (" + id + ")").orElse(id));
        kind.setPageLength(0);
        measures.setId("lr-rule-measures");
        measures.setCaption(m.get("rule.col.measures"));
        measures.setPlaceholder(m.get("rule.measures.placeholder"));
        measures.setWidth("20em");
        threshold.setId("lr-rule-threshold");
        threshold.setCaption(m.get("rule.col.threshold"));
        partyType.setId("lr-rule-party");
        partyType.setCaption(m.get("rule.col.party"));
        partyType.setPlaceholder(m.get("rule.any"));
        partyType.setItems(PartyType.values());
        partyType.setItemCaptionGenerator(p -> m.get("party." + p.name()));
        flag.setId("lr-rule-flag");
        flag.setCaption(m.get("rule.col.flag"));
        flag.setItems(CaseFlag.values());
        flag.setItemCaptionGenerator(f -> m.get("flag." + f.name()));
        titleZh.setId("lr-rule-title-zh");
        titleZh.setCaption(m.get("rule.titleZh"));
        titleZh.setWidth("24em");
        titleEn.setId("lr-rule-title-en");
        titleEn.setCaption(m.get("rule.titleEn"));
        titleEn.setWidth("24em");
        FormLayout ruleForm = new FormLayout(type, kind, measures, threshold, partyType, flag, titleZh, titleEn);
        ruleForm.setMargin(false);

        Button add = new Button(m.get("rule.add"), e -> Refusals.act(context, error, () -> {
            editing.add(rule());
            renumber();
        }));
        add.setId("lr-rule-add");
        Button replace = new Button(m.get("rule.replace"), e -> Refusals.act(context, error, () -> {
            CatalogueRule old = selectedRule();
            editing.set(editing.indexOf(old), rule());
            renumber();
        }));
        replace.setId("lr-rule-replace");
        Button remove = new Button(m.get("rule.remove"), e -> Refusals.act(context, error, () -> {
            editing.remove(selectedRule());
            renumber();
        }));
        remove.setId("lr-rule-remove");

        effectiveFrom.setId("lr-cat-from");
        effectiveFrom.setCaption(m.get("catalogue.col.from"));
        effectiveFrom.setDateFormat("yyyy-MM-dd");
        effectiveFrom.setLenient(false);
        effectiveFrom.setValue(LocalDate.now(ConsoleTexts.ZONE));
        reviewAll.setId("lr-cat-review-all");
        reviewAll.setCaption(m.get("catalogue.col.reviewAll"));
        note.setId("lr-cat-note");
        note.setCaption(m.get("catalogue.col.note"));
        note.setWidth("24em");
        HorizontalLayout versionForm = new HorizontalLayout(effectiveFrom, reviewAll, note);
        versionForm.setDefaultComponentAlignment(Alignment.BOTTOM_LEFT);

        Button previewButton = new Button(m.get("catalogue.preview"), e -> Refusals.act(context, error, () -> {
            List<PreviewRow> rows = service.previewCatalogue(draft(), context.actor());
            preview.setItems(rows);
            preview.setVisible(true);
            previewSummary.setValue(m.get("catalogue.preview.summary", rows.size()));
        }));
        previewButton.setId("lr-cat-preview");
        Button publish = new Button(m.get("catalogue.publish"), e -> Refusals.act(context, error, () -> {
            Catalogue c = service.publishCatalogue(draft(), context.actor());
            context.notify(m.get("catalogue.published", c.version(), String.valueOf(c.effectiveFrom())), false);
            editing.clear();
            editRules.setItems(editing);
            preview.setVisible(false);
            previewSummary.setValue("");
            reload();
        }));
        publish.setId("lr-cat-publish");
        publish.addStyleName(ValoTheme.BUTTON_PRIMARY);

        preview.setId("lr-cat-preview-grid");
        preview.addColumn(PreviewRow::caseNumber).setCaption(m.get("inbox.col.case")).setId("case");
        preview.addColumn(PreviewRow::caseTitle).setCaption(m.get("inbox.col.title"));
        preview.addColumn(r -> m.verdict(r.before())).setCaption(m.get("catalogue.preview.before")).setWidth(380);
        preview.addColumn(r -> m.verdict(r.after())).setCaption(m.get("catalogue.preview.after")).setId("after")
                .setWidth(380);
        preview.setWidth("100%");
        preview.setHeightByRows(5);
        preview.setVisible(false);
        previewSummary.setId("lr-cat-preview-summary");

        VerticalLayout v = new VerticalLayout(heading, start, editRules, ruleForm, new HorizontalLayout(add, replace, remove),
                versionForm, new HorizontalLayout(previewButton, publish), previewSummary, preview);
        v.setId("lr-cat-editor");
        v.setMargin(false);
        return v;
    }

    private CatalogueRule selectedRule() {
        return editRules.getSelectedItems().stream().findFirst()
                .orElseThrow(() -> ConsoleTexts.invalid("rule.select", null));
    }

    private void load(CatalogueRule r) {
        if (r == null) {
            return;
        }
        type.setValue(r.type());
        kind.setValue(r.kind());
        measures.setValue(String.join("、", r.measures()));
        threshold.setValue(r.threshold() == null ? "" : r.threshold().stripTrailingZeros().toPlainString());
        partyType.setValue(r.partyType());
        flag.setValue(r.flag() == null ? null : CaseFlag.valueOf(r.flag()));
        titleZh.setValue(r.titleZh() == null ? "" : r.titleZh());
        titleEn.setValue(r.titleEn() == null ? "" : r.titleEn());
    }

    /** The rule in the form; the service judges completeness when it previews or publishes. */
    private CatalogueRule rule() {
        if (type.getValue() == null) {
            throw ConsoleTexts.invalid("rule.type.required", "type");
        }
        BigDecimal amount = null;
        if (!threshold.getValue().isBlank()) {
            try {
                amount = new BigDecimal(threshold.getValue().strip());
            } catch (NumberFormatException e) {
                throw ConsoleTexts.invalid("rule.threshold.invalid", "threshold", threshold.getValue());
            }
        }
        List<String> ms = Arrays.stream(measures.getValue().split("[,，、;；]")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
        return new CatalogueRule(0, type.getValue(), kind.getValue(), ms, amount, partyType.getValue(),
                flag.getValue() == null ? null : flag.getValue().name(), blankToNull(titleZh.getValue()),
                blankToNull(titleEn.getValue()));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private void renumber() {
        List<CatalogueRule> out = new ArrayList<>();
        for (CatalogueRule r : editing) {
            out.add(new CatalogueRule(out.size() + 1, r.type(), r.kind(), r.measures(), r.threshold(), r.partyType(),
                    r.flag(), r.titleZh(), r.titleEn()));
        }
        editing.clear();
        editing.addAll(out);
        editRules.setItems(editing);
    }

    private CatalogueDraft draft() {
        if (effectiveFrom.getValue() == null) {
            throw ConsoleTexts.invalid("catalogue.from.required", "effectiveFrom");
        }
        return new CatalogueDraft(effectiveFrom.getValue(), Boolean.TRUE.equals(reviewAll.getValue()),
                List.copyOf(editing), blankToNull(note.getValue()));
    }

    private void reload() {
        Refusals.act(context, error, () -> {
            List<Catalogue> all = new ArrayList<>(service.catalogues(context.actor()));
            all.sort(Comparator.comparingInt(Catalogue::version).reversed());
            versions.setItems(all);
            if (!all.isEmpty()) {
                versions.select(all.get(0));
            }
        });
    }
}
