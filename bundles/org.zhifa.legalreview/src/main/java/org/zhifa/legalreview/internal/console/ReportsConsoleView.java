package org.zhifa.legalreview.internal.console;

import java.util.Locale;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhifa.api.legalreview.LegalReviewService;
import org.zhifa.console.spi.ConsoleContext;
import org.zhifa.console.spi.ConsoleView;

/** 法制审核报表: the reviewer register with trainings, the staffing ratio and the review counts. */
@Component(service = ConsoleView.class, property = {ConsoleView.PROPERTY_VIEW + "=legalreview-reports",
        "service.ranking:Integer=6"})
public class ReportsConsoleView implements ConsoleView {

    private final LegalReviewService service;

    @Activate
    public ReportsConsoleView(@Reference(name = "service") LegalReviewService service) {
        this.service = service;
    }

    @Override
    public String title(Locale locale) {
        return ConsoleTexts.text(locale, "reports.title");
    }

    @Override
    public Set<String> roles() {
        return Set.of();
    }

    @Override
    public com.vaadin.ui.Component create(ConsoleContext context) {
        return new ReportsPanel(service, context);
    }
}
