package org.zhifa.channel.wechat.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/** The channel's configuration, checked once per update of the PID. */
record Settings(String baseUrl, String appid, String secret, String author, Path logo, String siteUrl,
                Duration poll, int contentChars, int contentBytes, int titleLimit, int digestLength, ZoneId quotaZone,
                Duration timeout, List<Path> fonts) {

    static Settings of(WechatConfig c) {
        String logo = resolve(c.logo().strip());
        return new Settings(stripSlash(c.baseUrl().strip()), c.appid().strip(), c.secret().strip(), c.author().strip(),
                logo.isEmpty() ? null : Path.of(logo), stripSlash(c.siteUrl().strip()),
                Duration.ofSeconds(Math.max(1, c.pollSeconds())), Math.max(1000, c.contentLimitChars()),
                Math.max(4000, c.contentLimitBytes()), Math.max(8, c.titleLimit()), Math.max(0, Math.min(128, c.digestLength())),
                ZoneId.of(c.quotaZone().strip()), Duration.ofSeconds(Math.max(1, c.timeoutSeconds())),
                java.util.Arrays.stream(c.fonts()).map(String::strip).filter(s -> !s.isEmpty()).map(Settings::resolve)
                        .map(Path::of).toList());
    }

    boolean configured() {
        return !appid.isEmpty() && !secret.isEmpty();
    }

    /** What decides whether a cached token is still valid for these settings. */
    String account() {
        return baseUrl + "\n" + appid + "\n" + secret;
    }

    static String resolve(String s) {
        String data = System.getProperty("karaf.data");
        String etc = System.getProperty("karaf.etc");
        if (data != null) {
            s = s.replace("${karaf.data}", data);
        }
        if (etc != null) {
            s = s.replace("${karaf.etc}", etc);
        }
        return s;
    }

    private static String stripSlash(String s) {
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    @Override
    public String toString() {
        // never the secret
        return "Settings[baseUrl=" + baseUrl + ", appid=" + appid + ", secret=" + (secret.isEmpty() ? "" : "***") + "]";
    }
}
