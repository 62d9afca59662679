package org.zhifa.rest.internal;

import org.zhifa.api.common.ZhifaException;

/** Refusals of malformed request parameters. */
final class Params {
    private Params() {}

    static ZhifaException invalid(String name, String value) {
        String shown = value.length() > 40 ? value.substring(0, 40) + "…" : value;
        ErrorBody b = ErrorBody.of("INVALID_PARAMETER", name, name, shown);
        return new ZhifaException(ZhifaException.Kind.INVALID, b.code(), b.message_zh(), b.message_en(), name);
    }

    static ZhifaException notFound(String code, Object... args) {
        ErrorBody b = ErrorBody.of(code, null, args);
        return new ZhifaException(ZhifaException.Kind.NOT_FOUND, code, b.message_zh(), b.message_en(), null);
    }
}
