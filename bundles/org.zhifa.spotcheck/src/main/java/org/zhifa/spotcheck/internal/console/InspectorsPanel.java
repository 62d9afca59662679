package org.zhifa.spotcheck.internal.console;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.zhifa.api.common.Roles;
import org.zhifa.api.spotcheck.ConflictDeclaration;
import org.zhifa.api.spotcheck.InspectionTarget;
import org.zhifa.api.spotcheck.Inspector;
import org.zhifa.api.spotcheck.SpotCheckService;
import org.zhifa.api.spotcheck.TargetFilter;
import org.zhifa.console.spi.ConsoleContext;
import org.zhifa.console.spi.Refusals;

import com.vaadin.ui.Alignment;
import com.vaadin.ui.Button;
import com.vaadin.ui.ComboBox;
import com.vaadin.ui.DateField;
import com.vaadin.ui.Grid;
import com.vaadin.ui.HorizontalLayout;
import com.vaadin.ui.Label;
import com.vaadin.ui.TextField;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.themes.ValoTheme;

/**
 * 执法检查人员名录库: the inspectors of a day (officers whose certificate is valid then), and the declared
 * conflicts of interest (利害关系回避) — declared by the inspector concerned, a 负责人 or a 管理员, ended by a
 * new entry with a reason.
 */
final class InspectorsPanel extends VerticalLayout {

    private static final long serialVersionUID = 1L;

    private final transient SpotCheckService service;
    private final ConsoleContext context;
    private final ConsoleTexts m;
    private final Label error = Refusals.errorLabel("sc-insp-error");
    private final DateField day = new DateField();
    private final Label count = new Label();
    private final Grid<Inspector> inspectors = new Grid<>();
    private final Grid<ConflictDeclaration> conflicts = new Grid<>();
    private final ComboBox<Inspector> officer = new ComboBox<>();
    private final ComboBox<InspectionTarget> target = new ComboBox<>();
    /** Names of the officers and targets the conflicts list mentions, read once per refresh. */
    private final Map<Long, String> officerNames = new HashMap<>();
    private final Map<Long, String> targetNames = new HashMap<>();

    InspectorsPanel(SpotCheckService service, ConsoleContext context) {
        this.service = service;
        this.context = context;
        this.m = new ConsoleTexts(context.locale());
        setId("sc-inspectors");
        setWidth("100%");
        day.setId("sc-insp-day");
        day.setCaption(m.get("inspectors.day"));
        day.setDateFormat("yyyy-MM-dd");
        day.setValue(LocalDate.now(ConsoleTexts.ZONE));
        day.addValueChangeListener(e -> refresh());
        count.setId("sc-insp-count");
        inspectors.setId("sc-insp-grid");
        inspectors.setWidth("100%");
        inspectors.setHeightByRows(10);
        inspectors.addColumn(Inspector::officerId).setCaption("#").setId("id").setWidth(80);
        inspectors.addColumn(Inspector::name).setCaption(m.get("inspector.name")).setId("name");
        inspectors.addColumn(Inspector::unit).setCaption(m.get("inspector.unit")).setId("unit");
        inspectors.addColumn(Inspector::certificateNo).setCaption(m.get("inspector.certificate")).setId("certificate");
        inspectors.addColumn(Inspector::area).setCaption(m.get("inspector.area")).setId("area");
        inspectors.addColumn(i -> String.join("、", i.categories())).setCaption(m.get("inspector.categories"));
        configureConflicts();
        HorizontalLayout top = new HorizontalLayout(day, count);
        top.setDefaultComponentAlignment(Alignment.BOTTOM_LEFT);
        addComponents(ConsoleTexts.heading(m.get("inspectors.title"), ValoTheme.LABEL_H2), error, top, inspectors,
                ConsoleTexts.heading(m.get("conflicts.title"), ValoTheme.LABEL_H3), conflicts);
        if (ConsoleTexts.keeper(context.actor()) || context.actor().has(Roles.OFFICER)) {
            addComponents(declareForm(), endBar());
        }
        refresh();
    }

    private void configureConflicts() {
        conflicts.setId("sc-conflict-grid");
        conflicts.setWidth("100%");
        conflicts.setHeightByRows(6);
        conflicts.addColumn(ConflictDeclaration::id).setCaption("#").setId("id").setWidth(80);
        conflicts.addColumn(c -> officerNames.getOrDefault(c.officerId(), "#" + c.officerId()))
                .setCaption(m.get("conflict.officer")).setId("officer");
        conflicts.addColumn(c -> targetNames.getOrDefault(c.targetId(), "#" + c.targetId()))
                .setCaption(m.get("conflict.target")).setId("target");
        conflicts.addColumn(ConflictDeclaration::reason).setCaption(m.get("conflict.reason")).setId("reason");
        conflicts.addColumn(c -> m.time(c.declaredAt()) + " " + c.declaredBy()).setCaption(m.get("conflict.declared"));
        conflicts.addColumn(c -> c.active() ? m.get("conflict.active")
                : m.get("conflict.ended", m.time(c.endedAt()), c.endReason())).setCaption(m.get("conflict.status"))
                .setId("status");
    }

    private VerticalLayout declareForm() {
        officer.setId("sc-conflict-officer");
        officer.setCaption(m.get("conflict.officer"));
        officer.setItemCaptionGenerator(i -> i.name() + " · " + i.certificateNo());
        officer.setWidth("260px");
        target.setId("sc-conflict-target");
        target.setCaption(m.get("conflict.target"));
        target.setWidth("320px");
        target.setItemCaptionGenerator(t -> t.name() + (t.creditCode().isEmpty() ? "" : " · " + t.creditCode()));
        // the pool may be large: the combo box asks the service page by page for what is typed
        target.setDataProvider((String typed, int offset, int limit) -> service.targets(filterOf(typed), false, offset,
                        Math.min(limit, TargetsPanel.PAGE), context.actor()).items().stream(),
                typed -> (int) Math.min(service.targets(filterOf(typed), false, 0, 1, context.actor()).total(),
                        Integer.MAX_VALUE));
        TextField reason = TargetWindow.field("sc-conflict-reason", m.get("conflict.reason"), 500);
        reason.setWidth("320px");
        Button declare = new Button(m.get("conflicts.declare"), e -> Refusals.act(context, error, () -> {
            if (officer.getValue() == null || target.getValue() == null) {
                throw ConsoleTexts.invalid("CONSOLE_CONFLICT_PARTIES", null);
            }
            ConflictDeclaration c = service.declareConflict(officer.getValue().officerId(), target.getValue().id(),
                    reason.getValue(), context.actor());
            reason.clear();
            context.notify(m.get("conflicts.declared", c.id()), false);
            refresh();
        }));
        declare.setId("sc-conflict-declare");
        declare.addStyleName(ValoTheme.BUTTON_PRIMARY);
        HorizontalLayout row = new HorizontalLayout(officer, target, reason, declare);
        row.setDefaultComponentAlignment(Alignment.BOTTOM_LEFT);
        VerticalLayout v = new VerticalLayout(ConsoleTexts.heading(m.get("conflicts.new"), ValoTheme.LABEL_H4), row);
        v.setMargin(false);
        return v;
    }

    private static TargetFilter filterOf(String typed) {
        return new TargetFilter(typed == null || typed.isBlank() ? null : typed.strip(), Set.of(), Set.of(), Set.of(),
                Set.of());
    }

    private HorizontalLayout endBar() {
        Button end = new Button(m.get("conflicts.end"), e -> Refusals.act(context, error, () -> {
            ConflictDeclaration c = conflicts.getSelectedItems().stream().findFirst()
                    .orElseThrow(() -> ConsoleTexts.invalid("CONSOLE_SELECT_CONFLICT", null));
            ReasonWindow.open(context, "sc-conflict-end", m.get("conflicts.end.title", c.id()), why -> {
                service.endConflict(c.id(), why, context.actor());
                context.notify(m.get("conflicts.ended", c.id()), false);
                refresh();
            });
        }));
        end.setId("sc-conflict-end");
        return new HorizontalLayout(end);
    }

    void refresh() {
        Refusals.act(context, error, () -> {
            List<Inspector> pool = service.inspectors(day.getValue(), context.actor());
            inspectors.setItems(pool);
            officer.setItems(pool);
            count.setValue(m.get("inspectors.count", pool.size()));
            pool.forEach(i -> officerNames.put(i.officerId(), i.name()));
            List<ConflictDeclaration> all = service.conflicts(null, null, context.actor());
            for (ConflictDeclaration c : all) {
                targetNames.computeIfAbsent(c.targetId(), id -> service.target(id, context.actor())
                        .map(InspectionTarget::name).orElse("#" + id));
            }
            conflicts.setItems(all);
        });
    }
}
