package org.zhifa.evidence.internal;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.zhifa.api.evidence.EvidenceService;
import org.zhifa.console.spi.ConsoleContext;
import org.zhifa.console.spi.ConsoleView;

/** 设备台账 in the console menu: every staff role reads the register, only 管理员 changes it. */
@org.osgi.service.component.annotations.Component(service = ConsoleView.class, configurationPid = "org.zhifa.evidence",
        property = {ConsoleView.PROPERTY_VIEW + "=devices", "service.ranking:Integer=20"})
public class DeviceConsoleView implements ConsoleView {

    private final EvidenceService evidence;
    private final ZoneId zone;

    @Activate
    public DeviceConsoleView(@Reference(name = "evidence") EvidenceService evidence, EvidenceConfig config) {
        this.evidence = evidence;
        this.zone = ZoneId.of(config.zone());
    }

    @Override
    public String title(Locale locale) {
        return Messages.text(ConsoleTexts.locale(locale), "console.devices.title");
    }

    @Override
    public Set<String> roles() {
        return Set.of();
    }

    @Override
    public com.vaadin.ui.Component create(ConsoleContext context) {
        return new DevicePanel(evidence, context, zone);
    }
}
