package org.zhifa.city.internal;

import java.util.Locale;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhifa.console.spi.ConsoleContext;
import org.zhifa.console.spi.ConsoleView;

/** 县区管理: the registered counties, registration (管理员), the city's alarms with their acknowledgement. */
@Component(service = ConsoleView.class, property = {ConsoleView.PROPERTY_VIEW + "=" + CountiesConsoleView.ID,
        "service.ranking:Integer=3"})
public class CountiesConsoleView implements ConsoleView {
    static final String ID = "city-counties";

    private final City city;

    @Activate
    public CountiesConsoleView(@Reference City city) {
        this.city = city;
    }

    @Override
    public String title(Locale locale) {
        return Texts.of(locale).get("console.title");
    }

    @Override
    public Set<String> roles() {
        return Set.of();
    }

    @Override
    public com.vaadin.ui.Component create(ConsoleContext context) {
        return new CountiesPanel(city, context);
    }
}
