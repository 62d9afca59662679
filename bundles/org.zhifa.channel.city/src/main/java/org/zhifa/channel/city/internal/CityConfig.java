package org.zhifa.channel.city.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "zhifa city platform channel (市行政执法信息公示平台推送)",
        description = "Pushes disclosure items, withdrawals, the record's signed tree heads and monthly statistics "
                + "to the city platform; the wire format is docs/city-api.md")
public @interface CityConfig {

    String PID = "org.zhifa.channel.city";

    @AttributeDefinition(name = "City API base URL", description = "e.g. https://city.example/api/v1/city; empty = "
            + "nothing is sent and every delivery fails with an alarm asking for it")
    String url() default "";

    @AttributeDefinition(name = "County code", description = "The county's division code in the URLs; empty = the bureau's code")
    String county() default "";

    @AttributeDefinition(name = "Token", description = "Bearer token issued by the city; empty = none (mutual TLS only)",
            type = AttributeType.PASSWORD)
    String token() default "";

    @AttributeDefinition(name = "Truststore", description = "PKCS12 or JKS file with the certificates that sign the "
            + "city's server certificate; empty = the JDK's default CAs")
    String truststore() default "";

    @AttributeDefinition(name = "Truststore password", type = AttributeType.PASSWORD)
    String truststorePassword() default "";

    @AttributeDefinition(name = "Keystore", description = "PKCS12 or JKS file with the county's client certificate "
            + "and key for mutual TLS; empty = no client certificate")
    String keystore() default "";

    @AttributeDefinition(name = "Keystore password", description = "Also the key's password", type = AttributeType.PASSWORD)
    String keystorePassword() default "";

    @AttributeDefinition(name = "Tree head interval", description = "Minutes between pushes of the record's signed tree head")
    int treeHeadMinutes() default 10;

    @AttributeDefinition(name = "Statistics hour", description = "Hour of the day (bureau time, 0-23) of the daily "
            + "statistics push; also pushed at start")
    int statisticsHour() default 2;

    @AttributeDefinition(name = "Connect timeout", description = "Seconds")
    int connectTimeoutSeconds() default 10;

    @AttributeDefinition(name = "Read timeout", description = "Seconds for the whole answer")
    int readTimeoutSeconds() default 60;

    @AttributeDefinition(name = "Longest Retry-After", description = "Seconds; a longer Retry-After of the city is cut to this")
    int maxRetryAfterSeconds() default 86400;

    @AttributeDefinition(name = "Time zone", description = "The bureau's time zone: months of the statistics")
    String zone() default "Asia/Shanghai";
}
