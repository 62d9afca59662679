package org.zhifa.legalreview.internal.console;

import java.util.Locale;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhifa.api.cases.CaseService;
import org.zhifa.api.legalreview.LegalReviewService;
import org.zhifa.console.spi.CaseSection;
import org.zhifa.console.spi.ConsoleContext;

/** 法制审核 on the case page: flags, the decision draft with its live evaluation, drafts and reviews. */
@Component(service = CaseSection.class, property = {CaseSection.PROPERTY_SECTION + "=legalreview",
        "service.ranking:Integer=80"})
public class LegalReviewSection implements CaseSection {

    private final LegalReviewService service;
    private final CaseService cases;

    @Activate
    public LegalReviewSection(@Reference(name = "service") LegalReviewService service,
                              @Reference(name = "cases") CaseService cases) {
        this.service = service;
        this.cases = cases;
    }

    @Override
    public String title(Locale locale) {
        return ConsoleTexts.text(locale, "section.title");
    }

    @Override
    public com.vaadin.ui.Component create(long caseId, ConsoleContext context) {
        return new CaseReviewPanel(service, cases, caseId, context);
    }
}
