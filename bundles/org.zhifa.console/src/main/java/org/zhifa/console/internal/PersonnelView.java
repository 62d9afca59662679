package org.zhifa.console.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhifa.api.common.Actor;
import org.zhifa.api.common.Roles;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.personnel.CertificateStatus;
import org.zhifa.api.personnel.Officer;
import org.zhifa.api.personnel.OfficerQuery;
import org.zhifa.api.personnel.PersonnelService;

import com.vaadin.data.provider.CallbackDataProvider;
import com.vaadin.data.provider.ConfigurableFilterDataProvider;
import com.vaadin.data.provider.Query;
import com.vaadin.navigator.View;
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
 * 行政执法人员清单 (T4, D1): a lazy grid over {@link PersonnelService#list} and {@link PersonnelService#count},
 * filters, and for 管理员 add, edit and 注销.
 */
final class PersonnelView extends VerticalLayout implements View {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(PersonnelView.class);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;

    static final String ID = "personnel";

    private final transient PersonnelService personnel;
    private final Actor actor;
    private final Messages m;
    private final boolean admin;

    private final TextField search = new TextField();
    private final ComboBox<String> unit = new ComboBox<>();
    private final ComboBox<String> category = new ComboBox<>();
    private final ComboBox<CertificateStatus> status = new ComboBox<>();
    private final ComboBox<Boolean> active = new ComboBox<>();
    private final Grid<Officer> grid = new Grid<>();
    private final ConfigurableFilterDataProvider<Officer, Void, PersonnelFilter> data;
    private Button edit;
    private Button deactivate;
    /** A failed load is reported once per filter, not once per scrolled page. */
    private final GridLoads loads;

    PersonnelView(PersonnelService personnel, Actor actor, Messages m) {
        this.personnel = personnel;
        this.actor = actor;
        this.m = m;
        this.loads = new GridLoads(m, LOG, "the register");
        this.admin = actor.has(Roles.ADMIN);
        setSizeFull();

        Label title = new Label(m.get("personnel.title"));
        title.addStyleName(ValoTheme.LABEL_H3);
        title.addStyleName(ValoTheme.LABEL_NO_MARGIN);

        data = new CallbackDataProvider<Officer, PersonnelFilter>(this::fetch, this::count, Officer::id)
                .withConfigurableFilter();
        data.setFilter(PersonnelFilter.NONE);

        HorizontalLayout filters = filters();
        configureGrid();
        HorizontalLayout legend = legend();

        addComponents(title, filters, legend, grid);
        setExpandRatio(grid, 1);
    }

    @Override
    public void enter(com.vaadin.navigator.ViewChangeListener.ViewChangeEvent event) {
        search.focus();
    }

    private HorizontalLayout filters() {
        search.setId("personnel-search");
        search.setPlaceholder(m.get("personnel.search"));
        search.setWidth("220px");
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setValueChangeTimeout(400);
        search.addStyleName(ValoTheme.TEXTFIELD_SMALL);

        unit.setId("personnel-unit");
        unit.setPlaceholder(m.get("personnel.filter.unit"));
        unit.setItems(loads.load(() -> personnel.units(actor)));
        category.setId("personnel-category");
        category.setPlaceholder(m.get("personnel.filter.category"));
        category.setItems(loads.load(personnel::categories));
        status.setId("personnel-status");
        status.setPlaceholder(m.get("personnel.filter.status"));
        status.setItems(Arrays.asList(CertificateStatus.values()));
        status.setItemCaptionGenerator(s -> m.get("status." + s.name()));
        status.setTextInputAllowed(false);
        active.setId("personnel-active");
        active.setPlaceholder(m.get("personnel.filter.active"));
        active.setItems(Boolean.TRUE, Boolean.FALSE);
        active.setItemCaptionGenerator(b -> m.get(b ? "personnel.active" : "personnel.inactive"));
        active.setTextInputAllowed(false);
        for (ComboBox<?> c : List.of(unit, category, status, active)) {
            c.setWidth("160px");
            c.addStyleName(ValoTheme.COMBOBOX_SMALL);
        }

        search.addValueChangeListener(e -> applyFilter());
        unit.addValueChangeListener(e -> applyFilter());
        category.addValueChangeListener(e -> applyFilter());
        status.addValueChangeListener(e -> applyFilter());
        active.addValueChangeListener(e -> applyFilter());

        HorizontalLayout bar = new HorizontalLayout(search, unit, category, status, active);
        bar.setDefaultComponentAlignment(Alignment.MIDDLE_LEFT);
        if (admin) {
            Button add = new Button(m.get("personnel.add"), e -> openForm(null));
            add.setId("personnel-add");
            add.addStyleName(ValoTheme.BUTTON_PRIMARY);
            edit = new Button(m.get("personnel.edit"), e -> grid.asSingleSelect().getOptionalValue()
                    .ifPresent(this::openForm));
            edit.setId("personnel-edit");
            deactivate = new Button(m.get("personnel.deactivate"), e -> grid.asSingleSelect().getOptionalValue()
                    .ifPresent(this::openDeactivate));
            deactivate.setId("personnel-deactivate");
            deactivate.addStyleName(ValoTheme.BUTTON_DANGER);
            for (Button b : List.of(add, edit, deactivate)) {
                b.addStyleName(ValoTheme.BUTTON_SMALL);
            }
            bar.addComponents(add, edit, deactivate);
        }
        updateButtons(null);
        return bar;
    }

    private HorizontalLayout legend() {
        List<Label> labels = new ArrayList<>();
        for (String[] kv : new String[][] {{OfficerStyles.EXPIRED, "legend.expired"},
                {OfficerStyles.EXPIRING, "legend.expiring"}, {OfficerStyles.INACTIVE, "legend.inactive"}}) {
            Label l = new Label(m.get(kv[1]));
            l.addStyleName("zhifa-legend");
            l.addStyleName(kv[0]);
            labels.add(l);
        }
        HorizontalLayout legend = new HorizontalLayout(labels.toArray(new Label[0]));
        legend.setSpacing(true);
        return legend;
    }

    private void configureGrid() {
        grid.setId("personnel-grid");
        grid.setSizeFull();
        grid.setDataProvider(data);
        grid.setSelectionMode(Grid.SelectionMode.SINGLE);
        grid.setStyleGenerator(OfficerStyles::rowStyle);

        grid.addColumn(Officer::name).setId("name").setCaption(m.get("officer.name")).setSortProperty("name");
        grid.addColumn(Officer::unit).setId("unit").setCaption(m.get("officer.unit")).setSortProperty("unit");
        grid.addColumn(Officer::post).setId("post").setCaption(m.get("officer.post")).setSortable(false);
        grid.addColumn(Officer::certificateNo).setId("certificateNo").setCaption(m.get("officer.certificateNo"))
                .setSortProperty("certificateNo");
        grid.addColumn(o -> String.join(m.get("list.separator"), o.categories())).setId("categories")
                .setCaption(m.get("officer.categories")).setSortable(false);
        grid.addColumn(Officer::area).setId("area").setCaption(m.get("officer.area")).setSortProperty("area");
        grid.addColumn(o -> date(o.validFrom())).setId("validFrom").setCaption(m.get("officer.validFrom"))
                .setSortable(false);
        grid.addColumn(o -> date(o.validTo())).setId("validTo").setCaption(m.get("officer.validTo"))
                .setSortProperty("validTo");
        grid.addColumn(o -> m.get(o.legalQualification() ? "common.yes" : "common.no")).setId("legalQualification")
                .setCaption(m.get("officer.legalQualification")).setSortable(false);
        grid.addColumn(this::statusText).setId("status").setCaption(m.get("officer.status")).setSortable(false);

        grid.asSingleSelect().addValueChangeListener(e -> updateButtons(e.getValue()));
        if (admin) {
            grid.addItemClickListener(e -> {
                if (e.getMouseEventDetails().isDoubleClick()) {
                    openForm(e.getItem());
                }
            });
        }
    }

    String statusText(Officer o) {
        CertificateStatus s = o.active() ? o.status() : CertificateStatus.INACTIVE;
        return s == null ? "" : m.get("status." + s.name());
    }

    private static String date(LocalDate d) {
        return d == null ? "" : DATE.format(d);
    }

    private void applyFilter() {
        loads.reset();
        data.setFilter(new PersonnelFilter(search.getValue(), unit.getValue(), category.getValue(),
                status.getValue(), active.getValue()));
    }

    private void updateButtons(Officer selected) {
        if (edit != null) {
            edit.setEnabled(selected != null);
            deactivate.setEnabled(selected != null && selected.active());
        }
    }

    /** Rows [offset, offset+limit) only, in pages the service accepts: never the whole register. */
    private Stream<Officer> fetch(Query<Officer, PersonnelFilter> query) {
        PersonnelFilter filter = query.getFilter().orElse(PersonnelFilter.NONE);
        return loads.rows(query.getOffset(), query.getLimit(), OfficerQuery.MAX_LIMIT,
                (offset, limit) -> personnel.list(filter.toQuery(query.getSortOrders(), offset, limit), actor));
    }

    private int count(Query<Officer, PersonnelFilter> query) {
        PersonnelFilter filter = query.getFilter().orElse(PersonnelFilter.NONE);
        return loads.count(() -> personnel.count(filter.toQuery(query.getSortOrders(), 0, 1), actor));
    }

    private void openForm(Officer officer) {
        Officer fresh = officer;
        if (officer != null) {
            try {
                fresh = personnel.find(officer.id(), actor).orElse(officer);
            } catch (ZhifaException e) {
                Notifications.error(m.error(e));
                return;
            }
        }
        UI.getCurrent().addWindow(new OfficerForm(personnel, actor, m, fresh, this::saved));
    }

    private void openDeactivate(Officer officer) {
        UI.getCurrent().addWindow(new DeactivateDialog(personnel, actor, m, officer, this::saved));
    }

    private void saved(Officer officer) {
        String chosenUnit = unit.getValue();
        List<String> units = loads.load(() -> personnel.units(actor));
        unit.setItems(units);
        unit.setValue(units.contains(chosenUnit) ? chosenUnit : null);
        data.refreshAll();
        grid.select(officer);
        updateButtons(officer);
    }

}
