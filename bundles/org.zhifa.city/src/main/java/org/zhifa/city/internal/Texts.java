package org.zhifa.city.internal;

import java.util.Locale;

import org.zhifa.api.common.ZhifaException;

/** The bundle's texts: messages.properties (zh-CN, the default) and messages_en.properties. */
public final class Texts {
    private static final String BASE = "org.zhifa.city.internal.messages";
    private final Locale locale;

    private Texts(Locale locale) {
        this.locale = locale;
    }

    public static Texts of(Locale locale) {
        return new Texts(locale != null && "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.ROOT);
    }

    public boolean english() {
        return locale == Locale.ENGLISH;
    }

    public String lang() {
        return english() ? "en" : "zh-CN";
    }

    public String get(String key, Object... args) {
        return ZhifaException.text(BASE, Texts.class.getClassLoader(), locale, key, args);
    }

    /** Chinese, then English: for alarms and record entries read by both. */
    public static String both(String key, Object... args) {
        return of(Locale.ROOT).get(key, args) + " / " + of(Locale.ENGLISH).get(key, args);
    }
}
