package org.zhifa.evidence.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.zhifa.api.common.ZhifaException;
import org.zhifa.console.spi.ConsoleContext;

/** The console parts' texts (this bundle's messages, zh-CN default) and how they show times and errors. */
final class ConsoleTexts {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private final ConsoleContext context;
    private final Locale locale;
    private final ZoneId zone;

    ConsoleTexts(ConsoleContext context, ZoneId zone) {
        this.context = context;
        this.locale = locale(context.locale());
        this.zone = zone;
    }

    /** English for an English locale, Chinese otherwise. */
    static Locale locale(Locale l) {
        return l != null && "en".equals(l.getLanguage()) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
    }

    boolean english() {
        return locale == Locale.ENGLISH;
    }

    String t(String key, Object... args) {
        return Messages.text(locale, key, args);
    }

    String time(Instant at) {
        return at == null ? "" : TIME.format(at.atZone(zone));
    }

    String date(Instant at) {
        return at == null ? "" : DATE.format(at.atZone(zone));
    }

    ZoneId zone() {
        return zone;
    }

    String message(ZhifaException e) {
        return english() ? e.messageEn() : e.messageZh();
    }

    /** Shows a refusal in red (it stays until clicked). */
    void error(ZhifaException e) {
        context.notify(message(e), true);
    }

    void error(String text) {
        context.notify(text, true);
    }

    void info(String text) {
        context.notify(text, false);
    }

    /** 1.5 MB, 300 KB, 12 B. */
    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        double v = bytes;
        String[] units = {"KB", "MB", "GB", "TB"};
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, v < 10 ? "%.1f %s" : "%.0f %s", v, units[u]);
    }
}
