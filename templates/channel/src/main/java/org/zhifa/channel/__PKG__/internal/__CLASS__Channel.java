package org.zhifa.channel.__PKG__.internal;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Locale;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.zhifa.api.disclosure.Delivery;
import org.zhifa.api.disclosure.DeliveryResult;
import org.zhifa.api.disclosure.PublishingChannel;

/**
 * Publishing channel {@value #ID}: POSTs every delivery as JSON to the configured webhook, signed with
 * HMAC-SHA256 over the body. The channel only exists while its configuration does (etc/{@value #PID}.cfg),
 * so a bureau that installs the feature without setting it up queues nothing for it.
 */
@Component(service = PublishingChannel.class, configurationPid = __CLASS__Channel.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE,
        property = PublishingChannel.PROPERTY_CHANNEL + "=" + __CLASS__Channel.ID)
@Designate(ocd = __CLASS__Channel.Config.class)
public class __CLASS__Channel implements PublishingChannel {
    static final String ID = "__ID__";
    // the package name, not the id: Karaf reads etc/a-b.cfg as factory configuration "a" named "b"
    static final String PID = "org.zhifa.channel.__PKG__";

    @ObjectClassDefinition(name = "zhifa channel __ID__", description = "Webhook publishing channel")
    public @interface Config {
        @AttributeDefinition(description = "http(s) URL the deliveries are POSTed to")
        String url() default "";

        @AttributeDefinition(description = "shared secret of the HMAC-SHA256 signature", type = org.osgi.service.metatype.annotations.AttributeType.PASSWORD)
        String secret() default "";

        @AttributeDefinition(description = "header carrying sha256=<hex HMAC of the body>")
        String signatureHeader() default "X-Zhifa-Signature";

        @AttributeDefinition(description = "send the redacted PDF as base64 in item.pdf")
        boolean includePdf() default false;

        @AttributeDefinition(description = "seconds to wait for the webhook's answer")
        int timeoutSeconds() default 20;

        @AttributeDefinition(description = "longest Retry-After honoured, in seconds")
        int maxRetryAfterSeconds() default 3600;
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    // replaced whole on @Modified: a delivery in flight keeps the settings it started with
    private volatile Webhook webhook;

    @Activate
    @Modified
    void configure(Config config) {
        webhook = new Webhook(http, Webhook.Settings.of(config.url(), config.secret(), config.signatureHeader(),
                config.includePdf(), config.timeoutSeconds(), config.maxRetryAfterSeconds()));
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title(Locale locale) {
        return Texts.get(locale, "channel.title");
    }

    @Override
    public DeliveryResult deliver(Delivery delivery) {
        return webhook.deliver(delivery);
    }
}
