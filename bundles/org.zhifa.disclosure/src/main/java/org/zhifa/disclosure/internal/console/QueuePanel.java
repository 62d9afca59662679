package org.zhifa.disclosure.internal.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.zhifa.api.cases.KindInfo;
import org.zhifa.api.common.Page;
import org.zhifa.api.common.Roles;
import org.zhifa.api.disclosure.DisclosureItem;
import org.zhifa.api.disclosure.ItemQuery;
import org.zhifa.api.disclosure.ItemStatus;
import org.zhifa.api.disclosure.ItemType;
import org.zhifa.console.spi.ConsoleContext;
import org.zhifa.console.spi.Refusals;

import com.vaadin.data.provider.CallbackDataProvider;
import com.vaadin.data.provider.ConfigurableFilterDataProvider;
import com.vaadin.data.provider.Query;
import com.vaadin.navigator.View;
import com.vaadin.navigator.ViewChangeListener.ViewChangeEvent;
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
 * The disclosure queue: a lazy grid over {@link org.zhifa.api.disclosure.DisclosureService#items} (pages, never
 * the whole list), late rows red and those due soon amber, filters, the item window, and manual creation.
 * {@code #!disclosure/12} opens item 12.
 */
final class QueuePanel extends VerticalLayout implements View {

    private static final long serialVersionUID = 1L;
    /** Rows asked of the service at once. */
    static final int PAGE = 100;

    private final transient ConsoleServices services;
    private final ConsoleContext context;
    private final ConsoleTexts m;
    private final Label error = Refusals.errorLabel("disc-queue-error");
    private final ComboBox<ItemStatus> status = new ComboBox<>();
    private final ComboBox<ItemType> type = new ComboBox<>();
    private final ComboBox<String> due = new ComboBox<>();
    private final ComboBox<String> kind = new ComboBox<>();
    private final TextField text = new TextField();
    private final Grid<DisclosureItem> grid = new Grid<>();
    private final ConfigurableFilterDataProvider<DisclosureItem, Void, ItemQuery> data;
    private final List<KindInfo> kinds;
    private final LoadFailure failure;

    QueuePanel(ConsoleServices services, ConsoleContext context) {
        this.services = services;
        this.context = context;
        this.m = new ConsoleTexts(context.locale());
        this.failure = new LoadFailure(error, context);
        ConsoleTexts.styles(UI.getCurrent());
        setId("disc-queue");
        setWidth("100%");
        kinds = services.kindsOrNone();

        Label title = new Label(m.get("queue.title"));
        title.addStyleName(ValoTheme.LABEL_H2);
        data = new CallbackDataProvider<DisclosureItem, ItemQuery>(this::fetch, this::count, DisclosureItem::id)
                .withConfigurableFilter();
        data.setFilter(filter());
        configureGrid();
        OutboxAlarm alarm = new OutboxAlarm("disc-queue-alarm", () -> services.disclosure().channels(context.actor()),
                m, true);
        alarm.update();
        addComponents(title, alarm, error, filters(), legend(), grid, actions());
    }

    private HorizontalLayout filters() {
        status.setId("disc-filter-status");
        status.setPlaceholder(m.get("queue.filter.status"));
        status.setItems(ItemStatus.values());
        status.setItemCaptionGenerator(m::status);
        type.setId("disc-filter-type");
        type.setPlaceholder(m.get("queue.filter.type"));
        type.setItems(ItemType.values());
        type.setItemCaptionGenerator(t -> m.get("type." + t.name()));
        due.setId("disc-filter-due");
        due.setPlaceholder(m.get("queue.filter.due"));
        due.setItems("late", "soon");
        due.setItemCaptionGenerator(d -> m.get("due." + d));
        kind.setId("disc-filter-kind");
        kind.setPlaceholder(m.get("queue.filter.kind"));
        Map<String, String> titles = kinds.stream().collect(Collectors.toMap(KindInfo::id,
                k -> m.english() ? k.titleEn() : k.titleZh(), (a, b) -> a, java.util.LinkedHashMap::new));
        kind.setItems(new ArrayList<>(titles.keySet()));
        kind.setItemCaptionGenerator(k -> titles.getOrDefault(k, k));
        for (ComboBox<?> c : List.of(status, type, due, kind)) {
            c.setWidth("150px");
            c.setTextInputAllowed(false);
            c.setPageLength(0);
            c.addStyleName(ValoTheme.COMBOBOX_SMALL);
            c.addValueChangeListener(e -> applyFilter());
        }
        text.setId("disc-filter-text");
        text.setPlaceholder(m.get("queue.filter.text"));
        text.setWidth("220px");
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.setValueChangeTimeout(400);
        text.addStyleName(ValoTheme.TEXTFIELD_SMALL);
        text.addValueChangeListener(e -> applyFilter());
        HorizontalLayout bar = new HorizontalLayout(text, status, type, due, kind);
        bar.setDefaultComponentAlignment(Alignment.MIDDLE_LEFT);
        return bar;
    }

    private HorizontalLayout legend() {
        Label late = new Label(m.get("legend.late"));
        late.addStyleName("zhifa-badge");
        late.addStyleName("zhifa-due-overdue");
        Label soon = new Label(m.get("legend.soon"));
        soon.addStyleName("zhifa-badge");
        soon.addStyleName("zhifa-due-soon");
        return new HorizontalLayout(late, soon);
    }

    private void configureGrid() {
        grid.setId("disc-queue-grid");
        grid.setWidth("100%");
        grid.setHeightByRows(12);
        grid.setDataProvider(data);
        grid.addColumn(i -> m.status(i.status())).setId("status").setCaption(m.get("col.status")).setSortable(false)
                .setWidth(100);
        grid.addColumn(i -> m.get("type." + i.type().name())).setId("type").setCaption(m.get("col.type"))
                .setSortable(false);
        grid.addColumn(this::kindTitle).setId("kind")
                .setCaption(m.get("col.kind")).setSortable(false);
        grid.addColumn(DisclosureItem::title).setId("title").setCaption(m.get("col.title")).setSortable(false)
                .setMinimumWidth(160).setExpandRatio(1);
        grid.addColumn(i -> i.caseNumber() == null ? "" : i.caseNumber()).setId("case").setCaption(m.get("col.case"))
                .setSortable(false).setWidth(190);
        grid.addColumn(i -> i.partyName() == null ? "" : i.partyName()).setId("party").setCaption(m.get("col.party"))
                .setSortable(false);
        grid.addColumn(i -> ConsoleTexts.date(i.decidedOn())).setId("decidedOn").setCaption(m.get("col.decidedOn"))
                .setSortable(false).setWidth(120);
        grid.addColumn(i -> ConsoleTexts.date(i.dueOn())).setId("dueOn").setCaption(m.get("col.dueOn"))
                .setSortable(false).setWidth(120);
        grid.addColumn(m::flags).setId("flags").setCaption(m.get("col.flags")).setSortable(false)
                .setStyleGenerator(ConsoleTexts::flagStyle);
        grid.setStyleGenerator(ConsoleTexts::rowStyle);
        grid.addItemClickListener(e -> {
            if (e.getMouseEventDetails().isDoubleClick()) {
                open(e.getItem().id());
            }
        });
    }

    private String kindTitle(DisclosureItem i) {
        if (i.kind() == null) {
            return "";
        }
        if (m.english()) {
            return kinds.stream().filter(k -> k.id().equals(i.kind())).map(KindInfo::titleEn).findFirst()
                    .orElse(i.kind());
        }
        return i.kindTitleZh() == null ? i.kind() : i.kindTitleZh();
    }

    private HorizontalLayout actions() {
        Button open = new Button(m.get("queue.open"), e -> Refusals.act(context, error, () -> open(selected().id())));
        open.setId("disc-queue-open");
        open.addStyleName(ValoTheme.BUTTON_PRIMARY);
        Button refresh = new Button(m.get("queue.refresh"), e -> refresh());
        refresh.setId("disc-queue-refresh");
        HorizontalLayout bar = new HorizontalLayout(open, refresh);
        if (context.actor().has(Roles.OFFICER) || context.actor().has(Roles.LEADER)
                || context.actor().has(Roles.ADMIN)) {
            Button create = new Button(m.get("queue.create"), e -> UI.getCurrent()
                    .addWindow(new CreateItemWindow(services, context, m, kinds, created -> {
                        refresh();
                        open(created.id());
                    })));
            create.setId("disc-queue-create");
            bar.addComponent(create);
        }
        return bar;
    }

    private DisclosureItem selected() {
        return grid.getSelectedItems().stream().findFirst()
                .orElseThrow(() -> ConsoleTexts.invalid("queue.select", null));
    }

    void open(long id) {
        Refusals.act(context, error, () -> {
            DisclosureItem item = services.disclosure().item(id, context.actor())
                    .orElseThrow(() -> ConsoleTexts.invalid("item.notFound", null, id));
            UI.getCurrent().addWindow(new ItemWindow(services, context, m, item, this::refresh));
        });
    }

    void refresh() {
        failure.reset();
        data.refreshAll();
    }

    private ItemQuery filter() {
        String t = text.getValue() == null || text.getValue().isBlank() ? null : text.getValue().strip();
        return new ItemQuery(status.getValue(), type.getValue(), kind.getValue(), due.getValue(), t, 0, PAGE);
    }

    private void applyFilter() {
        failure.reset();
        data.setFilter(filter());
    }

    private Stream<DisclosureItem> fetch(Query<DisclosureItem, ItemQuery> query) {
        ItemQuery f = query.getFilter().orElse(ItemQuery.all(0, PAGE));
        List<DisclosureItem> rows = new ArrayList<>();
        int from = query.getOffset();
        int remaining = query.getLimit();
        try {
            while (remaining > 0) {
                int size = Math.min(remaining, PAGE);
                Page<DisclosureItem> page = services.disclosure().items(
                        new ItemQuery(f.status(), f.type(), f.kind(), f.due(), f.text(), from, size), context.actor());
                rows.addAll(page.items());
                if (page.items().size() < size) {
                    break;
                }
                from += size;
                remaining -= size;
            }
        } catch (RuntimeException e) {
            failure.show(e);
        }
        return rows.stream();
    }

    private int count(Query<DisclosureItem, ItemQuery> query) {
        ItemQuery f = query.getFilter().orElse(ItemQuery.all(0, PAGE));
        try {
            long total = services.disclosure().items(
                    new ItemQuery(f.status(), f.type(), f.kind(), f.due(), f.text(), 0, 1), context.actor()).total();
            return (int) Math.min(total, Integer.MAX_VALUE);
        } catch (RuntimeException e) {
            failure.show(e);
            return 0;
        }
    }


    @Override
    public void enter(ViewChangeEvent event) {
        String p = event.getParameters();
        if (p != null && p.matches("\\d{1,18}")) {
            open(Long.parseLong(p));
        }
    }
}
