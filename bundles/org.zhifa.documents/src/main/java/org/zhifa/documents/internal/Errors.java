package org.zhifa.documents.internal;

import java.util.Locale;

import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.common.ZhifaException.Kind;

/** Refusals of this bundle, with texts from messages*.properties. */
final class Errors {
    private static final String BUNDLE = "org.zhifa.documents.internal.messages";
    private static final ClassLoader LOADER = Errors.class.getClassLoader();

    private Errors() {}

    static ZhifaException of(Kind kind, String code, String field, Object... args) {
        return ZhifaException.of(kind, code, field, BUNDLE, LOADER, args);
    }

    static ZhifaException invalid(String code, String field, Object... args) {
        return of(Kind.INVALID, code, field, args);
    }

    /** A template error: the detail is the template author's concern, so it stays in English. */
    static ZhifaException template(String id, String detail) {
        return invalid("DOCUMENT_TEMPLATE_INVALID", null, id, detail);
    }

    /** A field's type in the reader's language (for DOCUMENT_FIELD_TYPE). */
    static ZhifaException wrongType(String template, String field, boolean list) {
        String key = list ? "type.list" : "type.text";
        return new ZhifaException(Kind.INVALID, "DOCUMENT_FIELD_TYPE",
                ZhifaException.text(BUNDLE, LOADER, Locale.ROOT, "DOCUMENT_FIELD_TYPE", template, field,
                        ZhifaException.text(BUNDLE, LOADER, Locale.ROOT, key)),
                ZhifaException.text(BUNDLE, LOADER, Locale.ENGLISH, "DOCUMENT_FIELD_TYPE", template, field,
                        ZhifaException.text(BUNDLE, LOADER, Locale.ENGLISH, key)),
                field);
    }
}
