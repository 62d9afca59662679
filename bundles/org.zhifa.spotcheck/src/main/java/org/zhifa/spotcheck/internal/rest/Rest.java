package org.zhifa.spotcheck.internal.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.core.Response;

import org.zhifa.api.common.Actor;
import org.zhifa.api.common.Texts;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.rest.RequestActor;

/** Parsing of the REST requests and the error answers that need a status of their own (413, 428). */
final class Rest {
    /** This package's texts. */
    static final Texts OWN = Texts.of(Rest.class, "org.zhifa.spotcheck.internal.rest.messages");
    /** The service's texts, for the refusals it words already (not found, import too large). */
    static final Texts SERVICE = Texts.of(Rest.class, "org.zhifa.spotcheck.internal.messages");
    static final MediaType JSON = MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8");

    private Rest() {}

    /** The authenticated actor; refused as {@code UNAUTHENTICATED} when the request has none. */
    static Actor actor(HttpServletRequest request) {
        Object actor = request == null ? null : request.getAttribute(RequestActor.PROPERTY);
        Actor a = actor instanceof Actor x ? x : null;
        Texts.requireStaff(a);
        return a;
    }

    static <T> T required(T body) {
        if (body == null) {
            throw OWN.invalid("BODY_REQUIRED", null);
        }
        return body;
    }

    static <T> T present(T value, String field) {
        if (value == null) {
            throw OWN.invalid("FIELD_REQUIRED", field, field);
        }
        return value;
    }

    /** Refuses query parameters the endpoint does not know, as the JSON bodies refuse unknown fields. */
    static void onlyKnown(MultivaluedMap<String, String> query, Set<String> known) {
        for (String k : query.keySet()) {
            if (!known.contains(k)) {
                throw OWN.invalid("PARAM_UNKNOWN", k, shorten(k));
            }
        }
    }

    static ZhifaException badParam(String name, String value) {
        return OWN.invalid("PARAM_INVALID", name, name, shorten(value));
    }

    static String shorten(String s) {
        return s == null ? "" : s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    static String text(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Every value of a repeated parameter, each also split at commas. */
    static Set<String> texts(List<String> values) {
        Set<String> out = new LinkedHashSet<>();
        if (values != null) {
            for (String v : values) {
                for (String part : v.split(",")) {
                    if (!part.isBlank()) {
                        out.add(part.strip());
                    }
                }
            }
        }
        return out;
    }

    static <E extends Enum<E>> Set<E> choices(Class<E> type, List<String> values, String name) {
        Set<E> out = new LinkedHashSet<>();
        for (String v : texts(values)) {
            try {
                out.add(Enum.valueOf(type, v.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw badParam(name, v);
            }
        }
        return out;
    }

    static long id(String text, String name) {
        Long v = optionalId(text, name);
        if (v == null) {
            throw badParam(name, text);
        }
        return v;
    }

    static Long optionalId(String text, String name) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            long v = Long.parseLong(text.strip());
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw badParam(name, text);
    }

    static int integer(String text, String name, int dflt) {
        if (text == null || text.isBlank()) {
            return dflt;
        }
        try {
            int v = Integer.parseInt(text.strip());
            if (v >= 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw badParam(name, text);
    }

    static Boolean bool(String text, String name) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw badParam(name, text);
        };
    }

    static LocalDate date(String text, String name) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw badParam(name, text);
        }
    }

    /** Whether the request says its body is longer than {@code max} bytes. */
    static boolean longerThan(HttpHeaders headers, long max) {
        String length = headers == null ? null : headers.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        try {
            return length != null && Long.parseLong(length.strip()) > max;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    static Map<String, Object> errorBody(ZhifaException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", e.code());
        body.put("message_zh", e.messageZh());
        body.put("message_en", e.messageEn());
        body.put("field", e.field());
        return body;
    }

    /** A refusal answered with a status its kind does not give (413, 428), in the API's one error format. */
    static Response error(int status, ZhifaException e) {
        return Response.status(status).type(JSON).entity(errorBody(e)).build();
    }
}
