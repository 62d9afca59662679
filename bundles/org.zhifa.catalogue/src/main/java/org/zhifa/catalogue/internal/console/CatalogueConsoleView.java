package org.zhifa.catalogue.internal.console;

import java.util.Locale;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhifa.api.catalogue.CatalogueService;
import org.zhifa.console.spi.ConsoleContext;
import org.zhifa.console.spi.ConsoleView;

/** 公示清单: the catalogues' versions, their editor and life cycle, flowcharts and the filing package. */
@Component(service = ConsoleView.class, property = {ConsoleView.PROPERTY_VIEW + "=catalogues",
        "service.ranking:Integer=6"})
public class CatalogueConsoleView implements ConsoleView {

    private final CatalogueService service;

    @Activate
    public CatalogueConsoleView(@Reference(name = "service") CatalogueService service) {
        this.service = service;
    }

    @Override
    public String title(Locale locale) {
        return ConsoleTexts.text(locale, "view.title");
    }

    @Override
    public Set<String> roles() {
        return Set.of();
    }

    @Override
    public com.vaadin.ui.Component create(ConsoleContext context) {
        return new CataloguePanel(service, context);
    }
}
