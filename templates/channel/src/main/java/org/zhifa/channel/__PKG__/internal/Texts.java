package org.zhifa.channel.__PKG__.internal;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The channel's texts: messages.properties (zh-CN, the default) and messages_en.properties. */
final class Texts {
    private static final String BUNDLE = "org.zhifa.channel.__PKG__.internal.messages";

    private Texts() {}

    static String get(Locale locale, String key, Object... args) {
        Locale l = "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.ROOT;
        try {
            ResourceBundle b = ResourceBundle.getBundle(BUNDLE, l, Texts.class.getClassLoader(),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            return args.length == 0 ? b.getString(key) : new MessageFormat(b.getString(key), l).format(args);
        } catch (MissingResourceException e) {
            return key;
        }
    }

    /** A message for the outbox's alarm: Chinese, then English, so every reader knows what to fix. */
    static String both(String key, Object... args) {
        return get(Locale.ROOT, key, args) + " / " + get(Locale.ENGLISH, key, args);
    }
}
