package org.zhifa.gongshi.internal;

import java.util.Locale;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhifa.api.disclosure.Delivery;
import org.zhifa.api.disclosure.DeliveryResult;
import org.zhifa.api.disclosure.PublishingChannel;

/** The website channel (C2): the outbox's deliveries become the public site's pages. */
@Component(service = PublishingChannel.class, property = PublishingChannel.PROPERTY_CHANNEL + "=" + WebsiteChannel.ID)
public class WebsiteChannel implements PublishingChannel {
    static final String ID = "website";

    private final Site site;

    @Activate
    public WebsiteChannel(@Reference Site site) {
        this.site = site;
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
        return site.deliver(delivery);
    }
}
