package org.zhifa.record.internal;

import java.util.Locale;

import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.common.ZhifaException.Kind;

/** Refusals of the record, with texts from messages*.properties. */
final class Errors {
    static final String BUNDLE = "org.zhifa.record.internal.messages";
    private static final ClassLoader LOADER = Errors.class.getClassLoader();

    private Errors() {}

    static ZhifaException of(Kind kind, String code, String field, Object... args) {
        return ZhifaException.of(kind, code, field, BUNDLE, LOADER, args);
    }

    static ZhifaException invalid(String code, String field, Object... args) {
        return of(Kind.INVALID, code, field, args);
    }

    static String text(Locale locale, String key, Object... args) {
        return ZhifaException.text(BUNDLE, LOADER, locale, key, args);
    }
}
