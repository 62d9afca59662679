package org.zhifa.evidence.internal;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import org.zhifa.api.common.ZhifaException;

/** Texts of this bundle: {@code messages.properties} is zh-CN (the default), {@code messages_en} English. */
final class Messages {

    static final String BASE = "org.zhifa.evidence.internal.messages";

    private static final ResourceBundle.Control CONTROL =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Messages() {}

    static String text(Locale locale, String key, Object... args) {
        ResourceBundle bundle = ResourceBundle.getBundle(BASE, locale == null ? Locale.SIMPLIFIED_CHINESE : locale,
                Messages.class.getClassLoader(), CONTROL);
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, bundle.getLocale()).format(args);
    }

    static String zh(String key, Object... args) {
        return text(Locale.SIMPLIFIED_CHINESE, key, args);
    }

    static String en(String key, Object... args) {
        return text(Locale.ENGLISH, key, args);
    }

    static ZhifaException error(ZhifaException.Kind kind, String code, String field, Object... args) {
        return new ZhifaException(kind, code, zh(code, args), en(code, args), field);
    }

    static ZhifaException invalid(String code, String field, Object... args) {
        return error(ZhifaException.Kind.INVALID, code, field, args);
    }
}
