package org.zhifa.disclosure.internal.console;

import java.util.Locale;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhifa.api.cases.CaseService;
import org.zhifa.api.disclosure.DisclosureService;
import org.zhifa.console.spi.CaseSection;
import org.zhifa.console.spi.ConsoleContext;

/** 公示 on the case page: the case's disclosure items, their states and deadlines, each opening in 公示工作台. */
@Component(service = CaseSection.class, property = {CaseSection.PROPERTY_SECTION + "=disclosure",
        "service.ranking:Integer=70"})
public class DisclosureCaseSection implements CaseSection {

    private final DisclosureService service;
    private final CaseService cases;

    @Activate
    public DisclosureCaseSection(@Reference(name = "service") DisclosureService service,
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
        return new CaseDisclosurePanel(service, cases, caseId, context);
    }
}
