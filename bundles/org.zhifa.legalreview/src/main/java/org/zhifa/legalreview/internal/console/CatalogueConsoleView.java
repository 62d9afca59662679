package org.zhifa.legalreview.internal.console;

import java.util.Locale;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhifa.api.cases.CaseService;
import org.zhifa.api.legalreview.LegalReviewService;
import org.zhifa.console.spi.ConsoleContext;
import org.zhifa.console.spi.ConsoleView;

/** 目录清单: the catalogue's versions, and a new version edited, previewed and published. */
@Component(service = ConsoleView.class, property = {ConsoleView.PROPERTY_VIEW + "=legalreview-catalogue",
        "service.ranking:Integer=7"})
public class CatalogueConsoleView implements ConsoleView {

    private final LegalReviewService service;
    private final CaseService cases;

    @Activate
    public CatalogueConsoleView(@Reference(name = "service") LegalReviewService service,
                                @Reference(name = "cases") CaseService cases) {
        this.service = service;
        this.cases = cases;
    }

    @Override
    public String title(Locale locale) {
        return ConsoleTexts.text(locale, "catalogue.title");
    }

    @Override
    public Set<String> roles() {
        return Set.of();
    }

    @Override
    public com.vaadin.ui.Component create(ConsoleContext context) {
        return new CataloguePanel(service, cases, context);
    }
}
