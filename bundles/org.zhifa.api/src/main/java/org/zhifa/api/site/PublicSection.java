package org.zhifa.api.site;

import java.util.Locale;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A section of the public site (/gongshi/) served by another bundle, e.g. 双随机抽查 at /gongshi/spotcheck/:
 * registered as a service, it appears in the site's navigation after the site's own sections, while it is
 * registered.
 */
@ConsumerType
public interface PublicSection {

    /** A short id, [a-z0-9-]+: the page that names it as its current section marks the link current. */
    String id();

    /** The section's absolute path on this server, under /gongshi/, e.g. /gongshi/spotcheck/. */
    String path();

    /** The link's text: zh-CN for any locale but English. */
    String label(Locale locale);
}
