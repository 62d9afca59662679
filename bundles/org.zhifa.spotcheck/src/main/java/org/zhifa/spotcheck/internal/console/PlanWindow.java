package org.zhifa.spotcheck.internal.console;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

import org.zhifa.api.catalogue.CatalogueItem;
import org.zhifa.api.catalogue.CatalogueService;
import org.zhifa.api.catalogue.CatalogueStatus;
import org.zhifa.api.catalogue.CatalogueType;
import org.zhifa.api.catalogue.CatalogueVersion;
import org.zhifa.api.spotcheck.InspectionTarget.Risk;
import org.zhifa.api.spotcheck.InspectionTarget.TargetType;
import org.zhifa.api.spotcheck.Plan;
import org.zhifa.api.spotcheck.PlanDraft;
import org.zhifa.api.spotcheck.SpotCheckService;
import org.zhifa.api.spotcheck.TargetFilter;
import org.zhifa.console.spi.ConsoleContext;
import org.zhifa.console.spi.Refusals;

import com.vaadin.ui.Button;
import com.vaadin.ui.CheckBox;
import com.vaadin.ui.ComboBox;
import com.vaadin.ui.DateField;
import com.vaadin.ui.FormLayout;
import com.vaadin.ui.HorizontalLayout;
import com.vaadin.ui.Label;
import com.vaadin.ui.TextField;
import com.vaadin.ui.UI;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.Window;
import com.vaadin.ui.themes.ValoTheme;

/**
 * A new plan from an item of a published 随机抽查事项清单 version: the item's frequency is offered as typed in
 * the catalogue; the target filter, a ratio or a count, the period and the inspectors per target are the
 * plan's own.
 */
final class PlanWindow {

    private PlanWindow() {}

    static void open(SpotCheckService service, CatalogueService catalogue, ConsoleContext context,
                     Consumer<Plan> created) {
        ConsoleTexts m = new ConsoleTexts(context.locale());
        List<CatalogueVersion> published = catalogue.versions(CatalogueType.INSPECTIONS, context.actor()).stream()
                .filter(v -> v.status() == CatalogueStatus.PUBLISHED).toList();
        Window w = ConsoleTexts.window(m.get("plans.new"), "sc-pf-window", "640px");
        w.setHeight("90%");
        ComboBox<CatalogueVersion> version = new ComboBox<>(m.get("plan.version"), published);
        version.setId("sc-pf-version");
        version.setItemCaptionGenerator(v -> m.get("plan.version.caption", v.number(), String.valueOf(v.effectiveFrom()),
                m.get(v.inForce() ? "plan.version.inForce" : "plan.version.notInForce")));
        ComboBox<Map<String, String>> item = new ComboBox<>(m.get("plan.item"));
        item.setId("sc-pf-item");
        item.setItemCaptionGenerator(v -> v.getOrDefault("name", ""));
        TextField title = TargetWindow.field("sc-pf-title", m.get("plan.title"), 200);
        CheckBox keyItem = new CheckBox(m.get("plan.keyItem"));
        keyItem.setId("sc-pf-key");
        ComboBox<TargetType> type = new ComboBox<>(m.get("target.type"), List.of(TargetType.values()));
        type.setId("sc-pf-type");
        type.setItemCaptionGenerator(t -> m.of("type", t));
        type.setPlaceholder(m.get("plan.any"));
        TextField area = TargetWindow.field("sc-pf-area", m.get("plan.areas"), 500);
        ComboBox<Risk> risk = new ComboBox<>(m.get("target.risk"), List.of(Risk.values()));
        risk.setId("sc-pf-risk");
        risk.setItemCaptionGenerator(r -> m.of("risk", r));
        risk.setPlaceholder(m.get("plan.any"));
        TextField tags = TargetWindow.field("sc-pf-tags", m.get("plan.tags"), 500);
        TextField ratio = TargetWindow.field("sc-pf-ratio", m.get("plan.ratio"), 10);
        ratio.setPlaceholder("0.1");
        TextField count = TargetWindow.field("sc-pf-count", m.get("plan.count"), 9);
        TextField frequency = TargetWindow.field("sc-pf-frequency", m.get("plan.frequency"), 100);
        DateField from = date("sc-pf-from", m.get("plan.from"), LocalDate.now(ConsoleTexts.ZONE));
        DateField to = date("sc-pf-to", m.get("plan.to"), LocalDate.now(ConsoleTexts.ZONE).plusMonths(3));
        TextField perTarget = TargetWindow.field("sc-pf-inspectors", m.get("plan.inspectorsPerTarget"), 2);
        perTarget.setValue("2");
        CheckBox ownArea = new CheckBox(m.get("plan.excludeOwnArea"));
        ownArea.setId("sc-pf-ownarea");
        for (ComboBox<?> c : List.of(version, item, type, risk)) {
            c.setTextInputAllowed(false);
            c.setPageLength(0);
            c.setWidth("100%");
        }
        version.addValueChangeListener(e -> {
            item.setItems(e.getValue() == null ? List.of()
                    : e.getValue().items().stream().map(CatalogueItem::values).toList());
            item.clear();
        });
        item.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                frequency.setValue(e.getValue().getOrDefault("frequency", ""));
                if (title.isEmpty()) {
                    title.setValue(e.getValue().getOrDefault("name", ""));
                }
            }
        });
        if (published.size() == 1) {
            version.setValue(published.get(0));
        }
        Label error = Refusals.errorLabel("sc-pf-error");
        Button save = new Button(m.get("form.save"), e -> Refusals.act(context, error, () -> {
            if (version.getValue() == null || item.getValue() == null) {
                throw ConsoleTexts.invalid("CONSOLE_PLAN_ITEM", "itemName");
            }
            TargetFilter filter = new TargetFilter(null, type.getValue() == null ? Set.of() : Set.of(type.getValue()),
                    ConsoleTexts.list(area.getValue()), risk.getValue() == null ? Set.of() : Set.of(risk.getValue()),
                    ConsoleTexts.list(tags.getValue()));
            Plan p = service.createPlan(new PlanDraft(title.getValue(), version.getValue().id(),
                    Objects.toString(item.getValue().get("name"), "").strip(), keyItem.getValue(), filter,
                    ratio(ratio.getValue()), integer(count.getValue(), "count"), frequency.getValue(), from.getValue(),
                    to.getValue(), Objects.requireNonNullElse(integer(perTarget.getValue(), "inspectorsPerTarget"), 0),
                    ownArea.getValue()), context.actor());
            w.close();
            context.notify(m.get("plans.created", p.number()), false);
            created.accept(p);
        }));
        HorizontalLayout buttons = m.saveCancel(w, "sc-pf", save);
        FormLayout form = new FormLayout(version, item, title, keyItem, type, area, risk, tags, ratio, count, frequency,
                from, to, perTarget, ownArea);
        Label none = new Label(m.get("plans.noCatalogue"));
        none.setVisible(published.isEmpty());
        none.addStyleName(ValoTheme.LABEL_FAILURE);
        w.setContent(new VerticalLayout(none, form, error, buttons));
        UI.getCurrent().addWindow(w);
    }

    private static DateField date(String id, String caption, LocalDate value) {
        DateField d = new DateField(caption, value);
        d.setId(id);
        d.setDateFormat("yyyy-MM-dd");
        return d;
    }

    /** A share as typed: 0.1, 10% or 10 %; blank for none. */
    static BigDecimal ratio(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String s = typed.strip().replace('％', '%');
        try {
            return s.endsWith("%") ? new BigDecimal(s.substring(0, s.length() - 1).strip()).movePointLeft(2)
                    .stripTrailingZeros() : new BigDecimal(s);
        } catch (NumberFormatException e) {
            throw ConsoleTexts.invalid("CONSOLE_RATIO", "ratio", typed);
        }
    }

    static Integer integer(String typed, String field) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(typed.strip());
        } catch (NumberFormatException e) {
            throw ConsoleTexts.invalid("CONSOLE_INTEGER", field, typed);
        }
    }
}
