package org.zhifa.spotcheck.internal.console;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhifa.api.spotcheck.SpotCheckService;
import org.zhifa.console.spi.ConsoleView;
import org.zhifa.spotcheck.internal.SpotCheckConfig;

/** 检查对象名录库: the target pool, its filters, edits and imports. */
@Component(service = ConsoleView.class, configurationPid = SpotCheckConfig.PID,
        property = {ConsoleView.PROPERTY_VIEW + "=" + TargetsConsoleView.ID, "service.ranking:Integer=9"})
public class TargetsConsoleView extends SpotCheckView {
    static final String ID = "spotcheck-targets";

    @Activate
    public TargetsConsoleView(@Reference(name = "service") SpotCheckService service, SpotCheckConfig config) {
        super("targets.title", context -> new TargetsPanel(service, context, config.maxImportBytes()));
    }
}
