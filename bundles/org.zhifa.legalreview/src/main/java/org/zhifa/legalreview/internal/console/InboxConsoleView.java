package org.zhifa.legalreview.internal.console;

import java.util.Locale;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhifa.api.common.Roles;
import org.zhifa.api.legalreview.LegalReviewService;
import org.zhifa.console.spi.ConsoleContext;
import org.zhifa.console.spi.ConsoleView;

/** 审核工作台: the open reviews, assignment, extension, the checklist form and the 集体讨论 form. */
@Component(service = ConsoleView.class, property = {ConsoleView.PROPERTY_VIEW + "=legalreview",
        "service.ranking:Integer=8"})
public class InboxConsoleView implements ConsoleView {

    private final LegalReviewService service;

    @Activate
    public InboxConsoleView(@Reference(name = "service") LegalReviewService service) {
        this.service = service;
    }

    @Override
    public String title(Locale locale) {
        return ConsoleTexts.text(locale, "inbox.title");
    }

    @Override
    public Set<String> roles() {
        return Set.of(Roles.REVIEWER, Roles.LEADER, Roles.ADMIN);
    }

    @Override
    public com.vaadin.ui.Component create(ConsoleContext context) {
        return new InboxPanel(service, context);
    }
}
