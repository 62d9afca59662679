package org.zhifa.channel.city.internal;

import java.util.Locale;

import org.zhifa.api.common.ZhifaException;

/** The channel's texts: zh-CN (messages.properties) first, English second. */
final class Texts {
    static final String BASE = "org.zhifa.channel.city.internal.messages";

    private Texts() {}

    static String zh(String key, Object... args) {
        return ZhifaException.text(BASE, Texts.class.getClassLoader(), Locale.ROOT, key, args);
    }

    static String en(String key, Object... args) {
        return ZhifaException.text(BASE, Texts.class.getClassLoader(), Locale.ENGLISH, key, args);
    }

    static String of(Locale locale, String key, Object... args) {
        return locale != null && "en".equals(locale.getLanguage()) ? en(key, args) : zh(key, args);
    }

    /** "中文 / English", the form of every message the outbox shows as an alarm. */
    static String both(String key, Object... args) {
        return zh(key, args) + " / " + en(key, args);
    }
}
