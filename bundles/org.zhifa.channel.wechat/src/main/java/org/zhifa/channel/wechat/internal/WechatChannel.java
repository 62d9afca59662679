package org.zhifa.channel.wechat.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhifa.api.common.BureauInfo;
import org.zhifa.api.disclosure.Delivery;
import org.zhifa.api.disclosure.DeliveryResult;
import org.zhifa.api.disclosure.PublishingChannel;

/** The WeChat Official Account channel (C3): disclosure items as articles of the bureau's 公众号. */
@Component(service = PublishingChannel.class, configurationPid = WechatConfig.PID,
        property = PublishingChannel.PROPERTY_CHANNEL + "=" + WechatChannel.ID)
@Designate(ocd = WechatConfig.class)
public class WechatChannel implements PublishingChannel {
    static final String ID = "wechat";
    private static final Logger LOG = LoggerFactory.getLogger(WechatChannel.class);

    private final Publisher publisher;

    @Activate
    public WechatChannel(@Reference BureauInfo bureau, WechatConfig config) {
        Settings s = Settings.of(config);
        this.publisher = new Publisher(s, new StateFile(Path.of(Settings.resolve(config.stateFile()))), bureau.name(),
                Clock.systemUTC());
        LOG.info("WeChat channel: {} ({})", s.configured() ? "account " + s.appid() : "not configured yet", s.baseUrl());
    }

    /** New settings keep the state file, the cover and the running jobs; a new account gets a new token. */
    @Modified
    void modified(WechatConfig config) {
        Settings s = Settings.of(config);
        publisher.update(s);
        LOG.info("WeChat channel: settings updated, {} ({})", s.configured() ? "account " + s.appid() : "not configured",
                s.baseUrl());
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title(Locale locale) {
        return Texts.of(locale).get("channel.title");
    }

    @Override
    public DeliveryResult deliver(Delivery delivery) {
        return publisher.deliver(delivery);
    }
}
