package org.zhifa.evidence.internal;

import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.StreamingOutput;
import javax.ws.rs.core.UriInfo;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhifa.api.common.Actor;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.evidence.EvidenceDraft;
import org.zhifa.api.evidence.EvidenceItem;
import org.zhifa.api.evidence.EvidenceRetention;
import org.zhifa.api.evidence.EvidenceService;
import org.zhifa.api.evidence.UploadSession;
import org.zhifa.api.rest.RestResource;
import org.zhifa.api.rest.StreamedBody;

/**
 * {@code /api/v1/evidence}: streamed uploads (whole or in chunks), metadata, content with HTTP Range,
 * a case's evidence, interruptions, coverage and legal hold. Thin: the service decides.
 */
@Component(service = Object.class, property = RestResource.PROPERTY_RESOURCE + "=true",
        configurationPid = "org.zhifa.evidence")
@Path("v1/evidence")
@Produces(MediaType.APPLICATION_JSON)
@StreamedBody
public class EvidenceResource {

    private static final Set<String> DRAFT_PARAMS = Set.of("fileName", "mediaType", "caseId", "step", "deviceId",
            "place", "recordedFrom", "recordedTo", "note");
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    private final EvidenceService evidence;
    private final EvidenceRetention retention;
    private final long maxBytes;

    @Activate
    public EvidenceResource(@Reference(name = "evidence") EvidenceService evidence,
                            @Reference(name = "retention") EvidenceRetention retention, EvidenceConfig config) {
        this.evidence = evidence;
        this.retention = retention;
        this.maxBytes = config.maxBytes();
    }

    public record UploadStart(String fileName, String mediaType, Long caseId, String step, String deviceId,
                              String place, Instant recordedFrom, Instant recordedTo, String note, Long totalSize) {}

    public record InterruptionBody(String step, Instant from, Instant to, String reason) {}

    public record HoldBody(Boolean held, String reason) {}

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response upload(@Context HttpServletRequest rc, @Context UriInfo uri, @Context HttpHeaders headers,
                           InputStream body) {
        Actor actor = Rest.actor(rc);
        var q = uri.getQueryParameters();
        Rest.onlyKnown(q, DRAFT_PARAMS);
        EvidenceDraft draft = new EvidenceDraft(q.getFirst("fileName"), q.getFirst("mediaType"),
                Rest.longParam(q.getFirst("caseId"), "caseId"), q.getFirst("step"), q.getFirst("deviceId"),
                q.getFirst("place"), Rest.instant(q.getFirst("recordedFrom"), "recordedFrom"),
                Rest.instant(q.getFirst("recordedTo"), "recordedTo"), q.getFirst("note"));
        if (tooLong(headers, maxBytes)) {
            return Rest.error(413, ContentStore.tooLarge(maxBytes));
        }
        try {
            EvidenceItem item = evidence.store(draft, body, actor);
            return Response.created(URI.create("v1/evidence/" + item.id())).entity(Rest.item(item)).build();
        } catch (ZhifaException e) {
            if ("evidence.too.large".equals(e.code())) {
                return Rest.error(413, e);
            }
            throw e;
        }
    }

    private static boolean tooLong(HttpHeaders headers, long max) {
        String length = headers.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        try {
            return length != null && Long.parseLong(length.trim()) > max;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    @GET
    public Map<String, Object> ofCase(@Context HttpServletRequest rc, @Context UriInfo uri,
                                      @QueryParam("caseId") String caseId) {
        Actor actor = Rest.actor(rc);
        Rest.onlyKnown(uri.getQueryParameters(), Set.of("caseId"));
        return CaseEvidence.items(evidence, Rest.id(caseId, "caseId"), actor);
    }

    @POST
    @Path("uploads")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response startUpload(@Context HttpServletRequest rc, UploadStart body) {
        Actor actor = Rest.actor(rc);
        if (body == null || body.totalSize() == null) {
            throw Messages.invalid("evidence.field.missing", "totalSize", "totalSize");
        }
        EvidenceDraft draft = new EvidenceDraft(body.fileName(), body.mediaType(), body.caseId(), body.step(),
                body.deviceId(), body.place(), body.recordedFrom(), body.recordedTo(), body.note());
        try {
            UploadSession s = evidence.startUpload(draft, body.totalSize(), actor);
            return Response.created(URI.create("v1/evidence/uploads/" + s.id())).entity(Rest.session(s)).build();
        } catch (ZhifaException e) {
            if ("evidence.too.large".equals(e.code())) {
                return Rest.error(413, e);
            }
            throw e;
        }
    }

    @PUT
    @Path("uploads/{id}")
    @Consumes(MediaType.WILDCARD)
    public Response chunk(@Context HttpServletRequest rc, @Context UriInfo uri, @PathParam("id") String id,
                          @QueryParam("offset") String offset, InputStream body) {
        Actor actor = Rest.actor(rc);
        Rest.onlyKnown(uri.getQueryParameters(), Set.of("offset"));
        Long at = Rest.longParam(offset, "offset");
        if (at == null || at < 0) {
            throw Messages.invalid("rest.param.type", "offset", "offset");
        }
        try {
            return Response.ok(Rest.session(evidence.appendChunk(id, at, body, actor))).build();
        } catch (ZhifaException e) {
            if ("evidence.too.large".equals(e.code())) {
                return Rest.error(413, e);
            }
            throw e;
        }
    }

    @GET
    @Path("uploads/{id}")
    public Map<String, Object> progress(@Context HttpServletRequest rc, @PathParam("id") String id) {
        return Rest.session(evidence.upload(id, Rest.actor(rc)).orElseThrow(() -> Uploads.notFound(id)));
    }

    @POST
    @Path("uploads/{id}/finish")
    public Response finish(@Context HttpServletRequest rc, @Context UriInfo uri, @PathParam("id") String id,
                           @QueryParam("hash") String hash) {
        Actor actor = Rest.actor(rc);
        Rest.onlyKnown(uri.getQueryParameters(), Set.of("hash"));
        EvidenceItem item = evidence.finishUpload(id, hash, actor);
        return Response.created(URI.create("v1/evidence/" + item.id())).entity(Rest.item(item)).build();
    }

    @GET
    @Path("{id}")
    public Map<String, Object> get(@Context HttpServletRequest rc, @PathParam("id") String id) {
        long key = Rest.id(id, "id");
        return Rest.item(evidence.find(key, Rest.actor(rc)).orElseThrow(() -> EvidenceServiceImpl.notFound(key)));
    }

    @GET
    @Path("{id}/content")
    @Produces(MediaType.WILDCARD)
    public Response content(@Context HttpServletRequest rc, @PathParam("id") String id,
                            @Context HttpHeaders headers) {
        Actor actor = Rest.actor(rc);
        long key = Rest.id(id, "id");
        EvidenceItem item = evidence.find(key, actor).orElseThrow(() -> EvidenceServiceImpl.notFound(key));
        if (item.purged()) {
            throw Messages.error(ZhifaException.Kind.NOT_FOUND, "evidence.purged", null, key);
        }
        long size = item.size();
        String range = headers.getHeaderString("Range");
        long from = 0;
        long to = size - 1;
        boolean partial = false;
        if (range != null) {
            Matcher m = RANGE.matcher(range.trim());
            if (!m.matches() || m.group(1).isEmpty() && m.group(2).isEmpty()) {
                return unsatisfiable(size);
            }
            try {
                if (m.group(1).isEmpty()) {
                    long suffix = Long.parseLong(m.group(2));
                    if (suffix == 0) {
                        return unsatisfiable(size);
                    }
                    from = Math.max(0, size - suffix);
                } else {
                    from = Long.parseLong(m.group(1));
                    if (!m.group(2).isEmpty()) {
                        to = Math.min(size - 1, Long.parseLong(m.group(2)));
                    }
                }
            } catch (NumberFormatException e) {
                return unsatisfiable(size);
            }
            if (from >= size || from > to) {
                return unsatisfiable(size);
            }
            partial = true;
        }
        long first = from;
        long last = to;
        StreamingOutput out = o -> evidence.copy(key, first, last, o, actor);
        Response.ResponseBuilder b = Response.status(partial ? 206 : 200).entity(out)
                .type(item.mediaType())
                .header("Accept-Ranges", "bytes")
                .header(HttpHeaders.CONTENT_LENGTH, last - first + 1)
                .header("Content-Disposition", "inline; filename*=UTF-8''"
                        + URLEncoder.encode(item.fileName(), StandardCharsets.UTF_8).replace("+", "%20"))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox")
                .header("ETag", "\"" + item.hash() + "\"");
        if (partial) {
            b.header("Content-Range", "bytes " + first + "-" + last + "/" + size);
        }
        return b.build();
    }

    private static Response unsatisfiable(long size) {
        return Response.fromResponse(Rest.error(416, Messages.invalid("rest.range.invalid", "Range", size)))
                .header("Content-Range", "bytes */" + size).header("Accept-Ranges", "bytes").build();
    }

    @GET
    @Path("cases/{caseId}/interruptions")
    public Map<String, Object> interruptions(@Context HttpServletRequest rc, @PathParam("caseId") String caseId) {
        return CaseEvidence.interruptions(evidence, Rest.id(caseId, "caseId"), Rest.actor(rc));
    }

    @POST
    @Path("cases/{caseId}/interruptions")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response interrupt(@Context HttpServletRequest rc, @PathParam("caseId") String caseId,
                              InterruptionBody body) {
        Actor actor = Rest.actor(rc);
        return CaseEvidence.interrupt(evidence, Rest.id(caseId, "caseId"), body, actor);
    }

    @GET
    @Path("cases/{caseId}/coverage")
    public Map<String, Object> coverage(@Context HttpServletRequest rc, @Context UriInfo uri,
                                        @PathParam("caseId") String caseId) {
        Actor actor = Rest.actor(rc);
        return CaseEvidence.coverage(evidence, Rest.id(caseId, "caseId"), uri.getQueryParameters(), actor);
    }

    @POST
    @Path("cases/{caseId}/hold")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> hold(@Context HttpServletRequest rc, @PathParam("caseId") String caseId, HoldBody body) {
        Actor actor = Rest.actor(rc);
        long id = Rest.id(caseId, "caseId");
        if (body == null || body.held() == null) {
            throw Messages.invalid("evidence.field.missing", "held", "held");
        }
        EvidenceRetention.LegalHold h = body.held() ? retention.setHold(id, body.reason(), actor)
                : retention.clearHold(id, body.reason(), actor);
        return Map.of("caseId", h.caseId(), "held", h.held(), "reason", h.reason(), "changedBy", h.changedBy(),
                "changedAt", h.changedAt().toString(), "recordSeq", h.recordSeq());
    }
}
