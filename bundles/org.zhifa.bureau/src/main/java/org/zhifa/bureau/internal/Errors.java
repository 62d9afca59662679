package org.zhifa.bureau.internal;

import java.util.Locale;

import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.common.ZhifaException.Kind;

/** Refusals of this bundle, with texts from messages*.properties. */
final class Errors {
    private static final String BUNDLE = "org.zhifa.bureau.internal.messages";
    private static final ClassLoader LOADER = Errors.class.getClassLoader();

    private Errors() {}

    static ZhifaException of(Kind kind, String code, String field, Object... args) {
        return ZhifaException.of(kind, code, field, BUNDLE, LOADER, args);
    }

    static ZhifaException invalid(String code, String field, Object... args) {
        return of(Kind.INVALID, code, field, args);
    }

    /** The same refusal, its texts prefixed with the line of the imported file it concerns. */
    static ZhifaException atLine(int line, ZhifaException e) {
        return new ZhifaException(e.kind(), e.code(),
                ZhifaException.text(BUNDLE, LOADER, Locale.ROOT, "IMPORT_AT_LINE", line, e.messageZh()),
                ZhifaException.text(BUNDLE, LOADER, Locale.ENGLISH, "IMPORT_AT_LINE", line, e.messageEn()),
                e.field());
    }
}
