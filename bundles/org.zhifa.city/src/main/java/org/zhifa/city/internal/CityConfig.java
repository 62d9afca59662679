package org.zhifa.city.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration PID {@code org.zhifa.city}. */
@ObjectClassDefinition(name = "zhifa city platform", description = "The city side of the county pushes (C5)")
public @interface CityConfig {
    String PID = "org.zhifa.city";

    @AttributeDefinition(description = "Largest request body a county may send, in bytes (20 MiB)")
    long maxBodyBytes() default 20L * 1024 * 1024;

    @AttributeDefinition(description = "Time zone of the dates shown on the public site")
    String zone() default "Asia/Shanghai";

    @AttributeDefinition(description = "Items per page on the public site")
    int pageSize() default 20;

    @AttributeDefinition(description = "Name of the platform on the public site; empty = the message default")
    String siteName() default "";

    @AttributeDefinition(description = "Requests a county may have in flight at once before the city answers 503")
    int maxConcurrent() default 8;

    @AttributeDefinition(description = "Seconds a county is told to wait (Retry-After) when the city is busy")
    int retryAfterSeconds() default 30;
}
