package org.zhifa.rest.internal;

import java.util.Locale;

import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.zhifa.api.common.ZhifaException;

/** The one error format of the API: {code, message_zh, message_en, field}. */
public record ErrorBody(String code, String message_zh, String message_en, String field) {
    static final String BUNDLE = "org.zhifa.rest.internal.messages";

    static ErrorBody of(String code, String field, Object... args) {
        ClassLoader loader = ErrorBody.class.getClassLoader();
        return new ErrorBody(code, ZhifaException.text(BUNDLE, loader, Locale.ROOT, code, args),
                ZhifaException.text(BUNDLE, loader, Locale.ENGLISH, code, args), field);
    }

    static ErrorBody of(ZhifaException e) {
        return new ErrorBody(e.code(), e.messageZh(), e.messageEn(), e.field());
    }

    static Response response(int status, ErrorBody body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8")).entity(body).build();
    }

    static int status(ZhifaException.Kind kind) {
        return switch (kind) {
            case INVALID -> 400;
            case UNAUTHENTICATED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case UNAVAILABLE -> 503;
        };
    }
}
