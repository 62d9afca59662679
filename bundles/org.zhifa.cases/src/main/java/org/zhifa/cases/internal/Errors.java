package org.zhifa.cases.internal;

import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.common.ZhifaException.Kind;

/** Refusals of the case engine, with texts from messages*.properties. */
final class Errors {
    static final String BUNDLE = "org.zhifa.cases.internal.messages";
    private static final ClassLoader LOADER = Errors.class.getClassLoader();

    private Errors() {}

    static ZhifaException of(Kind kind, String code, String field, Object... args) {
        return ZhifaException.of(kind, code, field, BUNDLE, LOADER, args);
    }

    static ZhifaException invalid(String code, String field, Object... args) {
        return of(Kind.INVALID, code, field, args);
    }

    static ZhifaException conflict(String code, Object... args) {
        return of(Kind.CONFLICT, code, null, args);
    }

    static String text(java.util.Locale locale, String key, Object... args) {
        return ZhifaException.text(BUNDLE, LOADER, locale, key, args);
    }
}
