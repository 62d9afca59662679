package org.zhifa.catalogue.internal;

import java.util.Locale;

import org.zhifa.api.common.ZhifaException;

/** Texts of this bundle: {@code messages.properties} is zh-CN (the default), {@code messages_en} English. */
public final class Messages {

    static final String BASE = "org.zhifa.catalogue.internal.messages";

    private Messages() {}

    /** The text of {@code key}: English for an English locale, else Chinese; the key itself when missing. */
    public static String text(Locale locale, String key, Object... args) {
        Locale bundle = locale != null && "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.ROOT;
        return ZhifaException.text(BASE, Messages.class.getClassLoader(), bundle, key, args);
    }

    /**
     * The label of a catalogue field: the type's own ({@code field.<TYPE>.<key>}, e.g. 姓名 for the name of
     * an officer in the 行政执法人员清单) where it has one, else the common {@code field.<key>}.
     */
    public static String field(Locale locale, org.zhifa.api.catalogue.CatalogueType type, String key) {
        String own = "field." + type.name() + "." + key;
        String text = text(locale, own);
        return own.equals(text) ? text(locale, "field." + key) : text;
    }

    public static String fieldZh(org.zhifa.api.catalogue.CatalogueType type, String key) {
        return field(Locale.SIMPLIFIED_CHINESE, type, key);
    }

    public static String zh(String key, Object... args) {
        return text(Locale.SIMPLIFIED_CHINESE, key, args);
    }

    public static String en(String key, Object... args) {
        return text(Locale.ENGLISH, key, args);
    }

    /** A refusal with its message in both languages; the code doubles as the message key. */
    public static ZhifaException error(ZhifaException.Kind kind, String code, String field, Object... args) {
        return new ZhifaException(kind, code, zh(code, args), en(code, args), field);
    }

    public static ZhifaException invalid(String code, String field, Object... args) {
        return error(ZhifaException.Kind.INVALID, code, field, args);
    }

    /** A refusal because of where a version stands: the status named in each language. */
    public static ZhifaException conflictInStatus(String code, String version, Enum<?> status) {
        return new ZhifaException(ZhifaException.Kind.CONFLICT, code, zh(code, version, zh("status." + status)),
                en(code, version, en("status." + status)), null);
    }

    public static ZhifaException conflict(String code, Object... args) {
        return error(ZhifaException.Kind.CONFLICT, code, null, args);
    }
}
