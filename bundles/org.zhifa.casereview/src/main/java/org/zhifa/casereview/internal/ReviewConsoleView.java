package org.zhifa.casereview.internal;

import java.util.Locale;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.zhifa.api.casereview.CaseReviewService;
import org.zhifa.api.document.DocumentRenderer;
import org.zhifa.console.spi.ConsoleContext;
import org.zhifa.console.spi.ConsoleView;

/** The 案卷评查 entry of the staff console; every staff role may open it, the service decides who may do what. */
@Component(service = ConsoleView.class, property = {ConsoleView.PROPERTY_VIEW + "=casereview", "service.ranking:Integer=6"})
public class ReviewConsoleView implements ConsoleView {

    private final CaseReviewService service;
    private volatile DocumentRenderer renderer;

    @Activate
    public ReviewConsoleView(@Reference(name = "service") CaseReviewService service) {
        this.service = service;
    }

    @Reference(name = "renderer", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setRenderer(DocumentRenderer r) {
        renderer = r;
    }

    void unsetRenderer(DocumentRenderer r) {
        if (renderer == r) {
            renderer = null;
        }
    }

    @Override
    public String title(Locale locale) {
        return Messages.text(locale, "review.view.title");
    }

    @Override
    public Set<String> roles() {
        return Set.of();
    }

    @Override
    public com.vaadin.ui.Component create(ConsoleContext context) {
        return new ReviewPanel(context, service, () -> renderer);
    }
}
