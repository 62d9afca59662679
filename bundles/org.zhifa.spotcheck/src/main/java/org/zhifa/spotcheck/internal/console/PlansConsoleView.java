package org.zhifa.spotcheck.internal.console;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhifa.api.catalogue.CatalogueService;
import org.zhifa.api.spotcheck.SpotCheckService;
import org.zhifa.console.spi.ConsoleView;

/** 抽查计划 / 抽取: plans from the 随机抽查事项清单, their draws and what became of the drawn targets. */
@Component(service = ConsoleView.class,
        property = {ConsoleView.PROPERTY_VIEW + "=spotcheck-plans", "service.ranking:Integer=7"})
public class PlansConsoleView extends SpotCheckView {

    @Activate
    public PlansConsoleView(@Reference(name = "service") SpotCheckService service,
                            @Reference(name = "catalogue") CatalogueService catalogue) {
        super("plans.title", context -> new PlansPanel(service, catalogue, context));
    }
}
