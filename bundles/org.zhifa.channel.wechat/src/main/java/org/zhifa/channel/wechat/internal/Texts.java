package org.zhifa.channel.wechat.internal;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The channel's texts: zh-CN (messages.properties) and English (messages_en.properties). */
final class Texts {
    private static final String BUNDLE = "org.zhifa.channel.wechat.internal.messages";

    private final Locale locale;
    private final ResourceBundle bundle;

    private Texts(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale, Texts.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    static Texts of(Locale locale) {
        return new Texts(locale != null && Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.ROOT);
    }

    String get(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
    }

    String format(String key, Object... args) {
        return new MessageFormat(get(key), locale).format(args);
    }

    /** An alarm for the bureau: Chinese, then English. */
    static String both(String key, Object... args) {
        return of(Locale.ROOT).format(key, args) + " / " + of(Locale.ENGLISH).format(key, args);
    }
}
