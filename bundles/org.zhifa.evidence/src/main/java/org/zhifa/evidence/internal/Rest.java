package org.zhifa.evidence.internal;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.core.Response;

import org.zhifa.api.common.Actor;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.evidence.AvInterruption;
import org.zhifa.api.evidence.Device;
import org.zhifa.api.evidence.EvidenceItem;
import org.zhifa.api.evidence.UploadSession;
import org.zhifa.api.rest.RequestActor;

/** What the two REST resources share: the actor, parameter parsing, the JSON shapes, errors with a status. */
final class Rest {

    private Rest() {}

    static Actor actor(HttpServletRequest request) {
        Object actor = request == null ? null : request.getAttribute(RequestActor.PROPERTY);
        if (!(actor instanceof Actor a)) {
            throw Messages.error(ZhifaException.Kind.UNAUTHENTICATED, "evidence.unauthenticated", null);
        }
        return a;
    }

    /** Refuses query parameters the endpoint does not know, as the JSON bodies refuse unknown fields. */
    static void onlyKnown(MultivaluedMap<String, String> query, Set<String> known) {
        for (String k : query.keySet()) {
            if (!known.contains(k)) {
                throw Messages.invalid("rest.param.unknown", k, Validation.shorten(k));
            }
        }
    }

    static Long longParam(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(text.trim());
        } catch (NumberFormatException e) {
            throw Messages.invalid("rest.param.type", field, field);
        }
    }

    static long id(String text, String field) {
        Long v = longParam(text, field);
        if (v == null || v <= 0) {
            throw Messages.invalid("rest.param.type", field, field);
        }
        return v;
    }

    static Instant instant(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw Messages.invalid("rest.param.type", field, field);
        }
    }

    /** An error answered with an explicit status (413, 416) in the API's one error format. */
    static Response error(int status, ZhifaException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", e.code());
        body.put("message_zh", e.messageZh());
        body.put("message_en", e.messageEn());
        body.put("field", e.field());
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8")).entity(body).build();
    }

    static Map<String, Object> item(EvidenceItem i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", i.id());
        m.put("hash", i.hash());
        m.put("size", i.size());
        m.put("fileName", i.fileName());
        m.put("mediaType", i.mediaType());
        m.put("caseId", i.caseId());
        m.put("step", i.step());
        m.put("deviceId", i.deviceId());
        m.put("place", i.place());
        m.put("recordedFrom", str(i.recordedFrom()));
        m.put("recordedTo", str(i.recordedTo()));
        m.put("note", i.note());
        m.put("uploadedBy", i.uploadedBy());
        m.put("uploadedAt", str(i.uploadedAt()));
        m.put("recordSeq", i.recordSeq());
        m.put("purged", i.purged());
        m.put("content", "/api/v1/evidence/" + i.id() + "/content");
        return m;
    }

    static Map<String, Object> session(UploadSession s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("fileName", s.draft().fileName());
        m.put("mediaType", s.draft().mediaType());
        m.put("caseId", s.draft().caseId());
        m.put("step", s.draft().step());
        m.put("totalSize", s.totalSize());
        m.put("received", s.received());
        m.put("startedBy", s.startedBy());
        m.put("startedAt", str(s.startedAt()));
        return m;
    }

    static Map<String, Object> device(Device d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id());
        m.put("type", d.type());
        m.put("model", d.model());
        m.put("holder", d.holder());
        m.put("status", d.status().name());
        m.put("clockCheckedAt", str(d.clockCheckedAt()));
        m.put("note", d.note());
        m.put("revision", d.revision());
        m.put("changedBy", d.changedBy());
        m.put("changedAt", str(d.changedAt()));
        return m;
    }

    static Map<String, Object> interruption(AvInterruption x) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", x.id());
        m.put("caseId", x.caseId());
        m.put("step", x.step());
        m.put("from", str(x.from()));
        m.put("to", str(x.to()));
        m.put("reason", x.reason());
        m.put("recordedBy", x.recordedBy());
        m.put("recordedAt", str(x.recordedAt()));
        m.put("recordSeq", x.recordSeq());
        return m;
    }

    static String str(Instant at) {
        return at == null ? null : at.toString();
    }
}
