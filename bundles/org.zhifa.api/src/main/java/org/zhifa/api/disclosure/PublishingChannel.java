package org.zhifa.api.disclosure;

import java.util.Locale;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A publishing channel (C1): website, WeChat, newspaper, the city platform… contributed by its bundle as
 * an OSGi service with the property {@link #PROPERTY_CHANNEL}. Only the outbox calls it, one delivery at
 * a time per channel, on the outbox's own thread. A channel installed later receives every item already
 * published (catch-up); one that disappears keeps its entries waiting until it is back.
 */
@ConsumerType
public interface PublishingChannel {

    /** Service property: the channel id, e.g. {@code website}; equals {@link #id()}. */
    String PROPERTY_CHANNEL = "zhifa.channel";

    /** URL-safe id, e.g. {@code website}. */
    String id();

    /** The channel's name, e.g. 门户网站 / Website. */
    String title(Locale locale);

    /**
     * Publishes, updates or withdraws one item. Must be idempotent per (public id, version, action).
     * Exceptions count as {@link DeliveryResult.State#RETRY}.
     */
    DeliveryResult deliver(Delivery delivery);
}
