package org.zhifa.spotcheck.internal.console;

import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

import org.zhifa.console.spi.ConsoleContext;
import org.zhifa.console.spi.ConsoleView;

/** A menu entry of 双随机、一公开: its title key and the panel it opens for each browser session. */
abstract class SpotCheckView implements ConsoleView {

    private final String titleKey;
    private final Function<ConsoleContext, com.vaadin.ui.Component> panel;

    SpotCheckView(String titleKey, Function<ConsoleContext, com.vaadin.ui.Component> panel) {
        this.titleKey = titleKey;
        this.panel = panel;
    }

    @Override
    public String title(Locale locale) {
        return new ConsoleTexts(locale).get(titleKey);
    }

    @Override
    public Set<String> roles() {
        return Set.of();
    }

    @Override
    public com.vaadin.ui.Component create(ConsoleContext context) {
        return panel.apply(context);
    }
}
