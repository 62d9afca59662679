package org.zhifa.bureau.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;
import org.zhifa.api.common.BureauInfo;

@Component(service = BureauInfo.class, configurationPid = BureauConfig.PID)
@Designate(ocd = BureauConfig.class)
public class BureauInfoImpl implements BureauInfo {
    private final String code;
    private final String name;

    @Activate
    public BureauInfoImpl(BureauConfig config) {
        this.code = config.code();
        this.name = config.name();
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String name() {
        return name;
    }
}
