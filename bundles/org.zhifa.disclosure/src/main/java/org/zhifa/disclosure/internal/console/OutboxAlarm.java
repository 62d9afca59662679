package org.zhifa.disclosure.internal.console;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.LoggerFactory;
import org.zhifa.api.disclosure.ChannelStatus;

import com.vaadin.shared.Registration;
import com.vaadin.ui.HorizontalLayout;
import com.vaadin.ui.Label;
import com.vaadin.ui.UI;

/**
 * The red banner of the disclosure views while a channel has a failed entry or one waiting longer than the
 * configured limit (C1), like the record's alarm: asked again at each poll of the console, so it appears in
 * open sessions and leaves once the outbox has caught up.
 */
final class OutboxAlarm extends HorizontalLayout {

    private static final long serialVersionUID = 1L;

    private final transient Supplier<List<ChannelStatus>> channels;
    private final ConsoleTexts m;
    private final Label text = new Label();
    private final boolean polls;
    private transient Registration poll;

    /** @param polls asks {@code channels} at each poll itself (false when the view asks and calls {@link #show}) */
    OutboxAlarm(String id, Supplier<List<ChannelStatus>> channels, ConsoleTexts m, boolean polls) {
        this.channels = channels;
        this.polls = polls;
        this.m = m;
        setId(id);
        addStyleName("zhifa-disc-alarm");
        setWidth("100%");
        text.setId(id + "-text");
        text.setWidth("100%");
        addComponent(text);
        setVisible(false);
    }

    /** The banner's text for these channels, empty while none is alarmed. */
    static Optional<String> text(List<ChannelStatus> all, ConsoleTexts m) {
        List<ChannelStatus> raised = all.stream().filter(ChannelStatus::alarm).toList();
        if (raised.isEmpty()) {
            return Optional.empty();
        }
        long failed = raised.stream().mapToLong(ChannelStatus::failed).sum();
        String names = String.join(m.get("list.separator"),
                raised.stream().map(c -> m.english() ? c.titleEn() : c.titleZh()).toList());
        return Optional.of(m.get("outbox.alarm", raised.size(), names, failed));
    }

    void show(List<ChannelStatus> all) {
        Optional<String> t = text(all, m);
        t.ifPresent(text::setValue);
        setVisible(t.isPresent());
    }

    /** Asks the service; a failure leaves the banner as it was (the view shows its own error). */
    void update() {
        try {
            show(channels.get());
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(OutboxAlarm.class).warn("disclosure alarm: {}", e.toString());
        }
    }

    @Override
    public void attach() {
        super.attach();
        UI ui = getUI();
        if (polls && ui != null && poll == null) {
            poll = ui.addPollListener(e -> update());
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
}
