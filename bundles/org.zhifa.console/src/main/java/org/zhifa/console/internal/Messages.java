package org.zhifa.console.internal;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import org.zhifa.api.common.ZhifaException;

/**
 * UI texts of one locale: zh-CN (the base bundle) unless English was chosen. Public for the console's own
 * SPI classes only; the package is not exported.
 */
public final class Messages {

    static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    static final Locale EN = Locale.ENGLISH;
    static final String BUNDLE = "org.zhifa.console.internal.messages";

    private final Locale locale;
    private final ResourceBundle bundle;

    private Messages(Locale locale) {
        this.locale = locale;
        // No fallback to the JVM default locale: an English server must still default to Chinese.
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale, Messages.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** The supported locale closest to the given one; anything but English is Chinese. */
    static Locale supported(Locale requested) {
        return requested != null && "en".equals(requested.getLanguage()) ? EN : ZH;
    }

    public static Messages of(Locale locale) {
        return new Messages(supported(locale));
    }

    public Locale locale() {
        return locale;
    }

    boolean english() {
        return locale.equals(EN);
    }

    public String get(String key, Object... args) {
        String text;
        try {
            text = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        return args.length == 0 ? text : new MessageFormat(text, locale).format(args);
    }

    /** Display name of a role; unknown roles keep their technical name. */
    String role(String role) {
        String key = "role." + role;
        return bundle.containsKey(key) ? bundle.getString(key) : role;
    }

    /** The refusal in the language of the UI, falling back to the other language. */
    public String error(ZhifaException e) {
        String primary = english() ? e.messageEn() : e.messageZh();
        String secondary = english() ? e.messageZh() : e.messageEn();
        if (primary != null && !primary.isBlank()) {
            return primary;
        }
        return secondary != null && !secondary.isBlank() ? secondary : e.code();
    }
}
