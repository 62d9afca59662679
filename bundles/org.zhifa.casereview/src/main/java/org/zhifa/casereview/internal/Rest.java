package org.zhifa.casereview.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.core.Response;

import org.zhifa.api.common.Actor;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.rest.RequestActor;

/** What the two REST resources share: the actor, ids, formats and downloads. */
final class Rest {
    private Rest() {}

    static Actor actor(HttpServletRequest request) {
        Object actor = request == null ? null : request.getAttribute(RequestActor.PROPERTY);
        if (!(actor instanceof Actor a)) {
            throw Messages.error(ZhifaException.Kind.UNAUTHENTICATED, "casereview.unauthenticated", null);
        }
        return a;
    }

    static Actor staff(HttpServletRequest request) {
        Actor a = actor(request);
        if (!a.isStaff()) {
            throw Messages.error(ZhifaException.Kind.FORBIDDEN, "casereview.forbidden.read", null);
        }
        return a;
    }

    static long id(String text, String field) {
        try {
            long id = Long.parseLong(text == null ? "" : text.strip());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw Messages.invalid("casereview.id.invalid", field, text);
    }

    static Integer year(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw Messages.invalid("casereview.year.invalid", "year", text);
        }
    }

    /** json (the default), csv or pdf, of those {@code allowed}. */
    static String format(String text, String... allowed) {
        String f = text == null || text.isBlank() ? "json" : text.strip().toLowerCase(Locale.ROOT);
        for (String a : allowed) {
            if (a.equals(f)) {
                return f;
            }
        }
        throw Messages.invalid("casereview.format.invalid", "format", text);
    }

    static Locale locale(String lang) {
        return "en".equalsIgnoreCase(lang) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
    }

    static Response download(byte[] body, String mediaType, String asciiName, String name) {
        return Response.ok(body, mediaType)
                .header("Content-Disposition", "attachment; filename=\"" + asciiName + "\"; filename*=UTF-8''"
                        + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"))
                .build();
    }
}
