package org.zhifa.casereview.internal;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import org.zhifa.api.common.ZhifaException;

/** Texts of this bundle: {@code messages.properties} is zh-CN (the default), {@code messages_en} English. */
final class Messages {

    static final String BASE = "org.zhifa.casereview.internal.messages";

    /** No fallback to the JVM locale: a server started in English must still default to Chinese. */
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

    /** A refusal with its message in both languages; the code doubles as the message key. */
    static ZhifaException error(ZhifaException.Kind kind, String code, String field, Object... args) {
        return new ZhifaException(kind, code, text(Locale.SIMPLIFIED_CHINESE, code, args),
                text(Locale.ENGLISH, code, args), field);
    }

    static ZhifaException invalid(String code, String field, Object... args) {
        return error(ZhifaException.Kind.INVALID, code, field, args);
    }
}
