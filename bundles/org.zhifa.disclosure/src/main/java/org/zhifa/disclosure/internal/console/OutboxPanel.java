package org.zhifa.disclosure.internal.console;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhifa.api.common.Page;
import org.zhifa.api.common.Roles;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.disclosure.ChannelStatus;
import org.zhifa.api.disclosure.DisclosureService;
import org.zhifa.api.disclosure.OutboxEntry;
import org.zhifa.api.disclosure.OutboxState;
import org.zhifa.console.spi.ConsoleContext;
import org.zhifa.console.spi.Refusals;

import com.vaadin.data.provider.CallbackDataProvider;
import com.vaadin.data.provider.ConfigurableFilterDataProvider;
import com.vaadin.data.provider.Query;
import com.vaadin.shared.Registration;
import com.vaadin.ui.Alignment;
import com.vaadin.ui.Button;
import com.vaadin.ui.ComboBox;
import com.vaadin.ui.Grid;
import com.vaadin.ui.HorizontalLayout;
import com.vaadin.ui.Label;
import com.vaadin.ui.UI;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.themes.ValoTheme;

/**
 * The channels with their counts and alarm, the outbox as a lazy grid with a state and channel filter, and
 * retry for 管理员 and 负责人. A red banner shows while any channel has a failed entry or one waiting too long;
 * the channels and the banner are asked again at each poll of the console.
 */
final class OutboxPanel extends VerticalLayout {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(OutboxPanel.class);
    static final int PAGE = 100;
    private static final String OPEN = "open";

    /** The outbox filter: a state (null = every entry not DONE) and a channel (null = all). */
    record Filter(OutboxState state, String channel) {}

    private final transient DisclosureService service;
    private final ConsoleContext context;
    private final ConsoleTexts m;
    private final Label error = Refusals.errorLabel("disc-outbox-error");
    private final OutboxAlarm alarm;
    private final Grid<ChannelStatus> channels = new Grid<>();
    /** "open" (every entry not DONE, the default) or an {@link OutboxState} name. */
    private final ComboBox<String> state = new ComboBox<>();
    private final ComboBox<String> channel = new ComboBox<>();
    private final Grid<OutboxEntry> outbox = new Grid<>();
    private final ConfigurableFilterDataProvider<OutboxEntry, Void, Filter> data;
    private final boolean retrier;
    private transient Registration poll;
    private final LoadFailure failure;

    OutboxPanel(DisclosureService service, ConsoleContext context) {
        this.service = service;
        this.context = context;
        this.m = new ConsoleTexts(context.locale());
        this.failure = new LoadFailure(error, context);
        this.retrier = context.actor().has(Roles.ADMIN) || context.actor().has(Roles.LEADER);
        ConsoleTexts.styles(UI.getCurrent());
        setId("disc-outbox");
        setWidth("100%");
        Label title = new Label(m.get("outbox.title"));
        title.addStyleName(ValoTheme.LABEL_H2);

        alarm = new OutboxAlarm("disc-outbox-alarm", () -> service.channels(context.actor()), m, false);

        channels.setId("disc-channels");
        channels.setWidth("100%");
        channels.setHeightByRows(4);
        channels.addColumn(ChannelStatus::id).setCaption(m.get("channel.id")).setId("id");
        channels.addColumn(c -> m.english() ? c.titleEn() : c.titleZh()).setCaption(m.get("channel.title"))
                .setId("title");
        channels.addColumn(c -> m.get(c.installed() ? "channel.installed" : "channel.missing"))
                .setCaption(m.get("channel.state")).setId("installed");
        channels.addColumn(ChannelStatus::waiting).setCaption(m.get("channel.waiting")).setId("waiting");
        channels.addColumn(ChannelStatus::failed).setCaption(m.get("channel.failed")).setId("failed");
        channels.addColumn(ChannelStatus::done).setCaption(m.get("channel.done")).setId("done");
        channels.addColumn(c -> m.time(c.oldestWaitingSince())).setCaption(m.get("channel.oldest"));
        channels.addColumn(c -> c.alarm() ? m.get("channel.alarm") : "").setCaption(m.get("channel.alarmCol"))
                .setId("alarm").setStyleGenerator(c -> c.alarm() ? "zhifa-disc-flag-late" : null);
        channels.setStyleGenerator(c -> c.alarm() ? ConsoleTexts.LATE : null);
        channels.setSelectionMode(Grid.SelectionMode.NONE);

        data = new CallbackDataProvider<OutboxEntry, Filter>(this::fetch, this::count, OutboxEntry::id)
                .withConfigurableFilter();
        data.setFilter(new Filter(null, null));
        configureOutbox();
        addComponents(title, alarm, error, label("outbox.channels"), channels, label("outbox.entries"), filters(),
                outbox, actions());
        updateChannels();
    }

    private Label label(String key) {
        Label l = new Label(m.get(key));
        l.addStyleName(ValoTheme.LABEL_H3);
        l.addStyleName(ValoTheme.LABEL_NO_MARGIN);
        return l;
    }

    private HorizontalLayout filters() {
        state.setId("disc-outbox-state");
        List<String> states = new ArrayList<>();
        states.add(OPEN);
        for (OutboxState s : OutboxState.values()) {
            states.add(s.name());
        }
        state.setItems(states);
        state.setItemCaptionGenerator(s -> OPEN.equals(s) ? m.get("outbox.filter.open") : m.get("outbox.state." + s));
        state.setEmptySelectionAllowed(false);
        state.setValue(OPEN);
        channel.setId("disc-outbox-channel");
        channel.setPlaceholder(m.get("outbox.filter.channel"));
        for (ComboBox<?> c : List.of(state, channel)) {
            c.setWidth("180px");
            c.setTextInputAllowed(false);
            c.setPageLength(0);
            c.addStyleName(ValoTheme.COMBOBOX_SMALL);
            c.addValueChangeListener(e -> {
                failure.reset();
                data.setFilter(new Filter(chosenState(), channel.getValue()));
            });
        }
        HorizontalLayout bar = new HorizontalLayout(state, channel);
        bar.setDefaultComponentAlignment(Alignment.MIDDLE_LEFT);
        return bar;
    }

    private OutboxState chosenState() {
        String s = state.getValue();
        return s == null || OPEN.equals(s) ? null : OutboxState.valueOf(s);
    }

    private void configureOutbox() {
        outbox.setId("disc-outbox-grid");
        outbox.setWidth("100%");
        outbox.setHeightByRows(10);
        outbox.setDataProvider(data);
        outbox.addColumn(OutboxEntry::id).setCaption("#").setId("id").setSortable(false).setWidth(80);
        outbox.addColumn(OutboxEntry::channel).setCaption(m.get("entry.channel")).setId("channel").setSortable(false);
        outbox.addColumn(e -> e.publicId() + " v" + e.version()).setCaption(m.get("entry.item")).setId("item")
                .setSortable(false);
        outbox.addColumn(e -> m.get("action." + e.action().name())).setCaption(m.get("entry.action")).setId("action")
                .setSortable(false);
        outbox.addColumn(e -> m.get("outbox.state." + e.state().name())).setCaption(m.get("entry.state"))
                .setId("state").setSortable(false);
        outbox.addColumn(OutboxEntry::attempts).setCaption(m.get("entry.attempts")).setId("attempts")
                .setSortable(false);
        outbox.addColumn(e -> m.time(e.createdAt())).setCaption(m.get("entry.created")).setSortable(false);
        outbox.addColumn(e -> m.time(e.nextAttemptAt())).setCaption(m.get("entry.next")).setId("next")
                .setSortable(false);
        outbox.addColumn(e -> m.time(e.doneAt())).setCaption(m.get("entry.done")).setSortable(false);
        outbox.addColumn(e -> e.lastError() == null ? "" : e.lastError()).setCaption(m.get("entry.error"))
                .setId("error").setSortable(false).setWidth(280);
        outbox.setStyleGenerator(e -> e.alarm() ? ConsoleTexts.LATE : null);
    }

    private HorizontalLayout actions() {
        Button retry = new Button(m.get("outbox.retry"), e -> Refusals.act(context, error, () -> {
            OutboxEntry chosen = outbox.getSelectedItems().stream().findFirst()
                    .orElseThrow(() -> ConsoleTexts.invalid("outbox.select", null));
            OutboxEntry done = service.retry(chosen.id(), context.actor());
            context.notify(m.get("outbox.retried", done.id(), m.get("outbox.state." + done.state().name())), false);
            refresh();
        }));
        retry.setId("disc-outbox-retry");
        retry.addStyleName(ValoTheme.BUTTON_PRIMARY);
        Button refresh = new Button(m.get("outbox.refresh"), e -> refresh());
        refresh.setId("disc-outbox-refresh");
        HorizontalLayout bar = new HorizontalLayout(retry, refresh);
        bar.setDefaultComponentAlignment(Alignment.MIDDLE_LEFT);
        if (!retrier) {
            retry.setEnabled(false);
            retry.setDescription(m.get("outbox.retry.notAllowed"));
            Label reason = new Label(m.get("outbox.retry.notAllowed"));
            reason.setId("disc-outbox-retry-reason");
            reason.addStyleName("zhifa-text-soon");
            bar.addComponent(reason);
        }
        return bar;
    }

    void refresh() {
        failure.reset();
        updateChannels();
        data.refreshAll();
    }

    /** The channel counts and the banner; cheap enough for every poll. */
    void updateChannels() {
        try {
            List<ChannelStatus> all = service.channels(context.actor());
            channels.setItems(all);
            String current = channel.getValue();
            channel.setItems(all.stream().map(ChannelStatus::id).toList());
            if (current != null && all.stream().anyMatch(c -> c.id().equals(current))) {
                channel.setValue(current);
            }
            alarm.show(all);
        } catch (ZhifaException e) {
            error.setValue(m.message(e));
            error.setVisible(true);
        } catch (RuntimeException e) {
            LOG.warn("disclosure channels: {}", e.toString());
        }
    }

    @Override
    public void attach() {
        super.attach();
        UI ui = getUI();
        if (ui != null && poll == null) {
            poll = ui.addPollListener(e -> updateChannels());
        }
    }

    @Override
    public void detach() {
        if (poll != null) {
            poll.remove();
            poll = null;
        }
        super.detach();
    }

    private Stream<OutboxEntry> fetch(Query<OutboxEntry, Filter> query) {
        Filter f = query.getFilter().orElse(new Filter(null, null));
        List<OutboxEntry> rows = new ArrayList<>();
        int from = query.getOffset();
        int remaining = query.getLimit();
        try {
            while (remaining > 0) {
                int size = Math.min(remaining, PAGE);
                Page<OutboxEntry> page = service.outbox(f.state(), f.channel(), from, size, context.actor());
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

    private int count(Query<OutboxEntry, Filter> query) {
        Filter f = query.getFilter().orElse(new Filter(null, null));
        try {
            return (int) Math.min(service.outbox(f.state(), f.channel(), 0, 1, context.actor()).total(),
                    Integer.MAX_VALUE);
        } catch (RuntimeException e) {
            failure.show(e);
            return 0;
        }
    }

}
