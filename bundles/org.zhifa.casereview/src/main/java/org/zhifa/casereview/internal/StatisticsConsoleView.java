package org.zhifa.casereview.internal;

import java.util.Locale;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.zhifa.api.casereview.StatisticsService;
import org.zhifa.api.cases.CaseService;
import org.zhifa.console.spi.ConsoleContext;
import org.zhifa.console.spi.ConsoleView;

/** The 统计 entry of the staff console; every staff role may open it. */
@Component(service = ConsoleView.class, property = {ConsoleView.PROPERTY_VIEW + "=statistics", "service.ranking:Integer=5"})
public class StatisticsConsoleView implements ConsoleView {

    private final StatisticsService statistics;
    private volatile CaseService cases;

    @Activate
    public StatisticsConsoleView(@Reference(name = "statistics") StatisticsService statistics) {
        this.statistics = statistics;
    }

    @Reference(name = "cases", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setCases(CaseService c) {
        cases = c;
    }

    void unsetCases(CaseService c) {
        if (cases == c) {
            cases = null;
        }
    }

    @Override
    public String title(Locale locale) {
        return Messages.text(locale, "stats.view.title");
    }

    @Override
    public Set<String> roles() {
        return Set.of();
    }

    @Override
    public com.vaadin.ui.Component create(ConsoleContext context) {
        return new StatisticsPanel(context, statistics, StatisticsPanel.kinds(cases));
    }
}
