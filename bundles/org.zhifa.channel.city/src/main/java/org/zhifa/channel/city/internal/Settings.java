package org.zhifa.channel.city.internal;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;

/**
 * The channel's configuration, checked once. {@code problem} is set when the configuration cannot work
 * (no URL, a URL that is not http(s)); deliveries then fail with it instead of sending anything.
 */
record Settings(URI url, String county, String token, String truststore, String truststorePassword,
                String keystore, String keystorePassword, int treeHeadMinutes, int statisticsHour,
                Duration connectTimeout, Duration readTimeout, Duration maxRetryAfter, ZoneId zone, String problem) {

    static Settings of(CityConfig c, String bureauCode) {
        String problem = null;
        URI url = null;
        String u = trim(c.url());
        if (u.isEmpty()) {
            problem = "url";
        } else {
            try {
                url = URI.create(u.replaceAll("/+$", ""));
                if (!"https".equals(url.getScheme()) && !"http".equals(url.getScheme()) || url.getHost() == null) {
                    problem = "url";
                    url = null;
                }
            } catch (IllegalArgumentException e) {
                problem = "url";
            }
        }
        String county = trim(c.county()).isEmpty() ? bureauCode : trim(c.county());
        if (problem == null && (county == null || !county.matches("[0-9A-Za-z]{2,20}"))) {
            problem = "county";
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(trim(c.zone()).isEmpty() ? "Asia/Shanghai" : trim(c.zone()));
        } catch (RuntimeException e) {
            zone = ZoneId.of("Asia/Shanghai");
        }
        return new Settings(url, county, trim(c.token()), trim(c.truststore()), nonNull(c.truststorePassword()),
                trim(c.keystore()), nonNull(c.keystorePassword()), Math.max(1, c.treeHeadMinutes()),
                Math.floorMod(c.statisticsHour(), 24), Duration.ofSeconds(Math.max(1, c.connectTimeoutSeconds())),
                Duration.ofSeconds(Math.max(1, c.readTimeoutSeconds())),
                Duration.ofSeconds(Math.max(1, c.maxRetryAfterSeconds())), zone, problem);
    }

    private static String trim(String s) {
        return s == null ? "" : s.strip();
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    /** Never prints the token or the passwords. */
    @Override
    public String toString() {
        return "Settings[url=" + url + ", county=" + county + ", token=" + (token.isEmpty() ? "none" : "***")
                + ", truststore=" + truststore + ", keystore=" + keystore + "]";
    }
}
