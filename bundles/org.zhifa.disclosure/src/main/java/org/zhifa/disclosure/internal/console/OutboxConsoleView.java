package org.zhifa.disclosure.internal.console;

import java.util.Locale;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhifa.api.disclosure.DisclosureService;
import org.zhifa.console.spi.ConsoleContext;
import org.zhifa.console.spi.ConsoleView;

/** 发布通道: the publishing channels, the outbox with its attempts and errors, retry, and the alarm. */
@Component(service = ConsoleView.class, property = {ConsoleView.PROPERTY_VIEW + "=" + OutboxConsoleView.ID,
        "service.ranking:Integer=5"})
public class OutboxConsoleView implements ConsoleView {

    static final String ID = "disclosure-outbox";

    private final DisclosureService service;

    @Activate
    public OutboxConsoleView(@Reference(name = "service") DisclosureService service) {
        this.service = service;
    }

    @Override
    public String title(Locale locale) {
        return ConsoleTexts.text(locale, "outbox.title");
    }

    @Override
    public Set<String> roles() {
        return Set.of();
    }

    @Override
    public com.vaadin.ui.Component create(ConsoleContext context) {
        return new OutboxPanel(service, context);
    }
}
