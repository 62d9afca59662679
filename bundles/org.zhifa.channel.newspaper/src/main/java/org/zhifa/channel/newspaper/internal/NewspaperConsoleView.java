package org.zhifa.channel.newspaper.internal;

import java.util.Locale;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhifa.console.spi.ConsoleContext;
import org.zhifa.console.spi.ConsoleView;

/** The 报纸公告 entry of the staff console; every staff role may open it. */
@Component(service = ConsoleView.class, property = {ConsoleView.PROPERTY_VIEW + "=newspaper", "service.ranking:Integer=3"})
public class NewspaperConsoleView implements ConsoleView {

    private final NewspaperChannel channel;

    @Activate
    public NewspaperConsoleView(@Reference NewspaperChannel channel) {
        this.channel = channel;
    }

    @Override
    public String title(Locale locale) {
        return Messages.text(locale, "view.title");
    }

    @Override
    public Set<String> roles() {
        return Set.of();
    }

    @Override
    public com.vaadin.ui.Component create(ConsoleContext context) {
        return new EditionPanel(context, channel);
    }
}
