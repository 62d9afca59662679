package org.zhifa.rest.internal;

import java.util.Locale;

import org.zhifa.api.common.ZhifaException;

/** Refusals and parsing of request parameters, shared by the core and the contributed resources. */
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

    /** A refusal of the request body (or one of its fields) with a message of this bundle. */
    static ZhifaException invalidBody(String code, String field, Object... args) {
        ErrorBody b = ErrorBody.of(code, field, args);
        return new ZhifaException(ZhifaException.Kind.INVALID, code, b.message_zh(), b.message_en(), field);
    }

    static long id(String id, String name) {
        try {
            return Long.parseLong(id.trim());
        } catch (NumberFormatException e) {
            throw invalid(name, id);
        }
    }

    /** The version in an {@code If-Match} header ({@code "3"}, {@code W/"3"}), or -1 when there is none. */
    static long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return -1;
        }
        String v = ifMatch.trim().replace("W/", "").replace("\"", "");
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw invalid("If-Match", ifMatch);
        }
    }

    static int integer(String s, String name, int dflt) {
        if (s == null || s.isBlank()) {
            return dflt;
        }
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            throw invalid(name, s);
        }
    }

    static Boolean bool(String s, String name) {
        if (s == null || s.isBlank()) {
            return null;
        }
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw invalid(name, s);
        };
    }

    /** An enum constant named case-insensitively, or null when the parameter is absent. */
    static <E extends Enum<E>> E choice(Class<E> type, String s, String name) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid(name, s);
        }
    }

    static String text(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
