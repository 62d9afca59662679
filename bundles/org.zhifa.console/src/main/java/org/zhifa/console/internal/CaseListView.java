package org.zhifa.console.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhifa.api.cases.CaseQuery;
import org.zhifa.api.cases.CaseStatus;
import org.zhifa.api.cases.CaseSummary;
import org.zhifa.api.cases.KindInfo;
import org.zhifa.api.common.Actor;
import org.zhifa.api.common.Roles;
import org.zhifa.api.kind.Step;
import org.zhifa.api.personnel.Officer;

import com.vaadin.data.provider.CallbackDataProvider;
import com.vaadin.data.provider.ConfigurableFilterDataProvider;
import com.vaadin.data.provider.Query;
import com.vaadin.shared.ui.ValueChangeMode;
import com.vaadin.ui.Alignment;
import com.vaadin.ui.Button;
import com.vaadin.ui.ComboBox;
import com.vaadin.ui.Grid;
import com.vaadin.ui.HorizontalLayout;
import com.vaadin.ui.Label;
import com.vaadin.ui.TextField;
import com.vaadin.ui.UI;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.themes.ValoTheme;

/**
 * 案件列表: a lazy grid over {@link org.zhifa.api.cases.CaseService#list} (pages the service accepts,
 * never all cases), filters, the due badge, and 立案 for 执法人员 and 负责人.
 */
final class CaseListView extends VerticalLayout {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(CaseListView.class);

    private final transient CaseConsole console;
    private final Actor actor;
    private final Messages m;
    private final transient LongConsumer open;

    private final TextField text = new TextField();
    private final ComboBox<KindInfo> kind = new ComboBox<>();
    private final ComboBox<String> step = new ComboBox<>();
    private final ComboBox<CaseStatus> status = new ComboBox<>();
    private final ComboBox<CaseQuery.Due> due = new ComboBox<>();
    private final ComboBox<Officer> officer;
    private final Grid<CaseSummary> grid = new Grid<>();
    private final ConfigurableFilterDataProvider<CaseSummary, Void, CaseFilter> data;
    private final List<KindInfo> kinds;
    private final GridLoads loads;

    CaseListView(CaseConsole console, Actor actor, Messages m, LongConsumer open) {
        this.console = console;
        this.actor = actor;
        this.m = m;
        this.loads = new GridLoads(m, LOG, "cases");
        this.open = open;
        setSizeFull();
        kinds = loads.load(() -> console.cases().kinds());
        officer = OfficerPicker.comboBox(console.personnel(), actor, m, null);

        Label title = new Label(m.get("cases.title"));
        title.addStyleName(ValoTheme.LABEL_H3);
        title.addStyleName(ValoTheme.LABEL_NO_MARGIN);

        data = new CallbackDataProvider<CaseSummary, CaseFilter>(this::fetch, this::count, CaseSummary::id)
                .withConfigurableFilter();
        data.setFilter(CaseFilter.NONE);
        HorizontalLayout filters = filters();
        configureGrid();
        addComponents(title, filters, legend(), grid);
        setExpandRatio(grid, 1);
    }

    private HorizontalLayout filters() {
        text.setId("cases-filter-text");
        text.setPlaceholder(m.get("cases.filter.text"));
        text.setWidth("200px");
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.setValueChangeTimeout(400);
        text.addStyleName(ValoTheme.TEXTFIELD_SMALL);

        kind.setId("cases-filter-kind");
        kind.setPlaceholder(m.get("cases.filter.kind"));
        kind.setItems(kinds);
        kind.setItemCaptionGenerator(k -> m.english() ? k.titleEn() : k.titleZh());
        kind.setTextInputAllowed(false);
        step.setId("cases-filter-step");
        step.setPlaceholder(m.get("cases.filter.step"));
        step.setTextInputAllowed(false);
        steps(null);
        status.setId("cases-filter-status");
        status.setPlaceholder(m.get("cases.filter.status"));
        status.setItems(CaseStatus.values());
        status.setItemCaptionGenerator(s -> m.get("case.status." + s.name()));
        status.setTextInputAllowed(false);
        due.setId("cases-filter-due");
        due.setPlaceholder(m.get("cases.filter.due"));
        due.setItems(CaseQuery.Due.values());
        due.setItemCaptionGenerator(d -> m.get("cases.due." + d.name()));
        due.setTextInputAllowed(false);
        officer.setId("cases-filter-officer");
        officer.setPlaceholder(m.get("cases.filter.officer"));
        for (ComboBox<?> c : List.of(kind, step, status, due, officer)) {
            c.setWidth("150px");
            c.addStyleName(ValoTheme.COMBOBOX_SMALL);
        }
        officer.setWidth("200px");

        text.addValueChangeListener(e -> applyFilter());
        kind.addValueChangeListener(e -> {
            steps(e.getValue());
            applyFilter();
        });
        step.addValueChangeListener(e -> applyFilter());
        status.addValueChangeListener(e -> applyFilter());
        due.addValueChangeListener(e -> applyFilter());
        officer.addValueChangeListener(e -> applyFilter());

        HorizontalLayout bar = new HorizontalLayout(text, kind, step, status, due, officer);
        bar.setDefaultComponentAlignment(Alignment.MIDDLE_LEFT);
        if (actor.has(Roles.OFFICER) || actor.has(Roles.LEADER)) {
            Button file = new Button(m.get("cases.file"), e -> openFileForm());
            file.setId("case-file-button");
            file.addStyleName(ValoTheme.BUTTON_PRIMARY);
            file.addStyleName(ValoTheme.BUTTON_SMALL);
            file.setEnabled(!kinds.isEmpty());
            bar.addComponent(file);
        }
        return bar;
    }

    /** The steps of the chosen kind, or of every installed kind (by id; the first kind's title wins). */
    private void steps(KindInfo chosen) {
        Map<String, String> titles = new LinkedHashMap<>();
        for (KindInfo k : chosen == null ? kinds : List.of(chosen)) {
            for (Step s : k.procedure().steps()) {
                titles.putIfAbsent(s.id(), s.title(m.locale()));
            }
        }
        String current = step.getValue();
        step.setItems(new ArrayList<>(titles.keySet()));
        step.setItemCaptionGenerator(titles::get);
        step.setValue(titles.containsKey(current) ? current : null);
    }

    private HorizontalLayout legend() {
        List<Label> labels = new ArrayList<>();
        for (CaseConsole.Due d : List.of(CaseConsole.Due.OVERDUE, CaseConsole.Due.SOON)) {
            Label l = new Label(m.get("case.due." + d.name(), console.dueSoonWorkingDays()));
            l.addStyleName("zhifa-badge");
            l.addStyleName(d.style);
            labels.add(l);
        }
        return new HorizontalLayout(labels.toArray(new Label[0]));
    }

    private void configureGrid() {
        grid.setId("cases-grid");
        grid.setSizeFull();
        grid.setDataProvider(data);
        grid.setSelectionMode(Grid.SelectionMode.NONE);
        grid.setStyleGenerator(c -> c.kindInstalled() ? null : "zhifa-readonly-row");
        grid.addColumn(CaseSummary::number).setId("number").setCaption(m.get("case.number")).setSortProperty("number");
        grid.addColumn(c -> m.english() ? c.kindTitleEn() : c.kindTitleZh()).setId("kind")
                .setCaption(m.get("case.kind")).setSortable(false);
        grid.addColumn(CaseSummary::title).setId("title").setCaption(m.get("case.title")).setSortable(false);
        grid.addColumn(CaseSummary::partyName).setId("party").setCaption(m.get("case.party")).setSortable(false);
        grid.addColumn(c -> m.english() ? c.stepTitleEn() : c.stepTitleZh()).setId("step")
                .setCaption(m.get("case.step")).setSortable(false);
        grid.addColumn(c -> m.get("case.status." + c.status().name())).setId("status")
                .setCaption(m.get("case.status")).setSortable(false);
        grid.addColumn(c -> date(c.filedOn())).setId("filedOn").setCaption(m.get("case.filedOn"))
                .setSortProperty("filedOn");
        grid.addColumn(c -> date(c.nextDue())).setId("nextDue").setCaption(m.get("case.nextDue"))
                .setSortProperty("nextDue");
        grid.addColumn(this::badge).setId("due").setCaption(m.get("case.due")).setSortable(false)
                .setStyleGenerator(c -> badgeState(c).style);
        grid.addItemClickListener(e -> open.accept(e.getItem().id()));
    }

    CaseConsole.Due badgeState(CaseSummary c) {
        return c.status() == CaseStatus.CLOSED ? CaseConsole.Due.NONE : console.due(c.nextDue());
    }

    String badge(CaseSummary c) {
        CaseConsole.Due d = badgeState(c);
        return d == CaseConsole.Due.NONE ? "" : m.get("case.badge." + d.name());
    }

    private static String date(LocalDate d) {
        return d == null ? "" : d.toString();
    }

    private void applyFilter() {
        loads.reset();
        data.setFilter(new CaseFilter(text.getValue(), kind.getValue() == null ? null : kind.getValue().id(),
                step.getValue(), status.getValue(), due.getValue(),
                officer.getValue() == null ? null : officer.getValue().id()));
    }

    /** Rows [offset, offset+limit) only, in pages of at most {@link CaseQuery#MAX_LIMIT}. */
    private Stream<CaseSummary> fetch(Query<CaseSummary, CaseFilter> query) {
        CaseFilter filter = query.getFilter().orElse(CaseFilter.NONE);
        return loads.rows(query.getOffset(), query.getLimit(), CaseQuery.MAX_LIMIT,
                (offset, limit) -> console.cases().list(
                        filter.toQuery(query.getSortOrders(), console.dueSoonWorkingDays(), offset, limit), actor));
    }

    private int count(Query<CaseSummary, CaseFilter> query) {
        CaseFilter filter = query.getFilter().orElse(CaseFilter.NONE);
        return loads.count(() -> console.cases()
                .list(filter.toQuery(List.of(), console.dueSoonWorkingDays(), 0, 1), actor).total());
    }

    private void openFileForm() {
        UI.getCurrent().addWindow(new FileCaseForm(console, actor, m, kinds, filed -> open.accept(filed.id())));
    }
}
