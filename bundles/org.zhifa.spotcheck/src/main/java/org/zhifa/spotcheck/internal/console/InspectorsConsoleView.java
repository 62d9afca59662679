package org.zhifa.spotcheck.internal.console;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhifa.api.spotcheck.SpotCheckService;
import org.zhifa.console.spi.ConsoleView;

/** 检查人员名录库: the inspectors of a day and the declared conflicts of interest. */
@Component(service = ConsoleView.class,
        property = {ConsoleView.PROPERTY_VIEW + "=spotcheck-inspectors", "service.ranking:Integer=8"})
public class InspectorsConsoleView extends SpotCheckView {

    @Activate
    public InspectorsConsoleView(@Reference(name = "service") SpotCheckService service) {
        super("inspectors.title", context -> new InspectorsPanel(service, context));
    }
}
