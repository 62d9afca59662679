package org.zhifa.channel.newspaper.internal;

import java.util.Locale;

import org.zhifa.api.common.ZhifaException;

/** Texts of this bundle: {@code messages.properties} is zh-CN (the default), {@code messages_en} English. */
final class Messages {

    static final String BASE = "org.zhifa.channel.newspaper.internal.messages";

    private Messages() {}

    /** The text of {@code key}: English for an English locale, else Chinese; the key itself when missing. */
    static String text(Locale locale, String key, Object... args) {
        Locale bundle = locale != null && "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.ROOT;
        return ZhifaException.text(BASE, Messages.class.getClassLoader(), bundle, key, args);
    }

    static String zh(String key, Object... args) {
        return text(Locale.SIMPLIFIED_CHINESE, key, args);
    }

    /** A refusal with its message in both languages; the code doubles as the message key. */
    static ZhifaException error(ZhifaException.Kind kind, String code, String field, Object... args) {
        return new ZhifaException(kind, code, text(Locale.SIMPLIFIED_CHINESE, code, args),
                text(Locale.ENGLISH, code, args), field);
    }

    static ZhifaException invalid(String code, String field, Object... args) {
        return error(ZhifaException.Kind.INVALID, code, field, args);
    }
}
