package org.zhifa.casefile.internal;

import java.util.Locale;

import org.zhifa.api.common.ZhifaException;

/** Texts of this bundle: {@code messages.properties} is zh-CN (the default), {@code messages_en} English. */
final class Messages {
    static final String BASE = "org.zhifa.casefile.internal.messages";

    private Messages() {}

    static String text(Locale locale, String key, Object... args) {
        return ZhifaException.text(BASE, Messages.class.getClassLoader(),
                locale != null && "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.ROOT, key, args);
    }

    static ZhifaException error(ZhifaException.Kind kind, String code, Object... args) {
        return ZhifaException.of(kind, code, null, BASE, Messages.class.getClassLoader(), args);
    }
}
