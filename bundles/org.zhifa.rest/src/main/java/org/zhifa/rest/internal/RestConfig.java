package org.zhifa.rest.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration PID {@code org.zhifa.rest}. */
@ObjectClassDefinition(id = RestConfig.PID, name = "zhifa REST API")
public @interface RestConfig {
    String PID = "org.zhifa.rest";

    @AttributeDefinition(description = "Largest accepted request body in bytes (413 above)")
    long maxBodyBytes() default 262144;

    @AttributeDefinition(description = "Seconds a successful login is remembered (0 = log in on every request)")
    int loginCacheSeconds() default 60;
}
