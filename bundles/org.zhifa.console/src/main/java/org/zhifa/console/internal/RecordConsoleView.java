package org.zhifa.console.internal;

import java.util.Locale;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhifa.api.record.RecordService;
import org.zhifa.console.spi.ConsoleContext;
import org.zhifa.console.spi.ConsoleView;

/**
 * 记录核验: the record's latest signed tree head, the verification alarm, and a "verify now" with progress.
 * Registered only while the record runs.
 */
@Component(service = ConsoleView.class,
        property = {ConsoleView.PROPERTY_VIEW + "=" + RecordConsoleView.ID, "service.ranking:Integer=50"})
public class RecordConsoleView implements ConsoleView {
    static final String ID = "record";

    private final RecordService record;

    @Activate
    public RecordConsoleView(@Reference(name = "record") RecordService record) {
        this.record = record;
    }

    @Override
    public String title(Locale locale) {
        return Messages.of(locale).get("menu.record");
    }

    @Override
    public Set<String> roles() {
        return Set.of();
    }

    @Override
    public com.vaadin.ui.Component create(ConsoleContext context) {
        return new RecordPanel(record, context.actor(), Messages.of(context.locale()));
    }
}
