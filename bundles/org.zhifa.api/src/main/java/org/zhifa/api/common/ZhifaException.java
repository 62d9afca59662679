package org.zhifa.api.common;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * A refusal of the domain: carries a stable code and the message in Chinese and English,
 * so every front end (REST, console, shell) can show it without translating again.
 */
public class ZhifaException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What kind of refusal, so front ends can pick a status without parsing codes. */
    public enum Kind { INVALID, NOT_FOUND, CONFLICT, FORBIDDEN, UNAUTHENTICATED, UNAVAILABLE }

    private final Kind kind;
    private final String code;
    private final String messageZh;
    private final String messageEn;
    private final String field;

    public ZhifaException(Kind kind, String code, String messageZh, String messageEn, String field) {
        super(code + ": " + messageEn);
        this.kind = kind;
        this.code = code;
        this.messageZh = messageZh;
        this.messageEn = messageEn;
        this.field = field;
    }

    /**
     * A refusal whose texts come from the thrower's resource bundles: {@code baseName}.properties
     * (zh-CN, the default) and {@code baseName}_en.properties, key = code, MessageFormat arguments.
     */
    public static ZhifaException of(Kind kind, String code, String field, String baseName, ClassLoader loader,
                                     Object... args) {
        return new ZhifaException(kind, code, text(baseName, loader, Locale.ROOT, code, args),
                text(baseName, loader, Locale.ENGLISH, code, args), field);
    }

    /** The text of {@code key} in {@code locale}, never falling back to the JVM's default locale. */
    public static String text(String baseName, ClassLoader loader, Locale locale, String key, Object... args) {
        try {
            ResourceBundle bundle = ResourceBundle.getBundle(baseName, locale, loader,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            String pattern = bundle.getString(key);
            return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
        } catch (MissingResourceException e) {
            return key;
        }
    }

    public Kind kind() { return kind; }
    public String code() { return code; }
    public String messageZh() { return messageZh; }
    public String messageEn() { return messageEn; }
    /** The input field at fault, or null. */
    public String field() { return field; }
}
