package org.zhifa.rest.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.EntityTag;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.zhifa.api.cases.CaseDraft;
import org.zhifa.api.cases.CaseFile;
import org.zhifa.api.cases.CaseQuery;
import org.zhifa.api.cases.CaseService;
import org.zhifa.api.cases.CaseStatus;
import org.zhifa.api.cases.CaseSummary;
import org.zhifa.api.cases.Party;
import org.zhifa.api.common.Actor;
import org.zhifa.api.common.Page;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.kind.Procedure;
import org.zhifa.api.record.RecordEntry;
import org.zhifa.api.record.RecordService;
import org.zhifa.api.rest.CaseSubResource;
import org.zhifa.api.rest.RequestActor;
import org.zhifa.api.rest.RestResource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * /api/v1/cases — case handling (T2–T6) for integrators. Contributed, not core: it comes and goes with
 * the case engine. Thin: the engine checks roles, officers, procedure and the kinds' legal rules.
 */
@Component(service = Object.class, property = RestResource.PROPERTY_RESOURCE + "=true")
@Path("v1/cases")
@Produces(MediaType.APPLICATION_JSON)
public class CasesResource {
    /** The 即将到期 window when a request names none; the engine's own default (dueSoonWorkingDays). */
    static final int DEFAULT_WITHIN = 3;
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private static final com.fasterxml.jackson.databind.ObjectMapper PAYLOADS =
            new com.fasterxml.jackson.databind.ObjectMapper();

    private final CaseService cases;
    private final RecordService record;
    /** Plug-ins' sub-resources below a case ({@link CaseSubResource}), by their path segment. */
    private final Map<String, Object> parts = new ConcurrentHashMap<>();

    @Activate
    public CasesResource(@Reference(name = "cases") CaseService cases,
                         @Reference(name = "record") RecordService record) {
        this.cases = cases;
        this.record = record;
    }

    /** One record entry of a case, with the leaf hash the Merkle tree holds for it. */
    public record CaseRecordEntry(long seq, java.time.Instant at, String entryType, String step, String actor,
                                  Integer event, JsonNode payload, List<String> evidence, Long corrects,
                                  String leafHash) {}

    @Reference(name = "parts", service = Object.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, target = "(" + CaseSubResource.PROPERTY_PART + "=*)")
    void addPart(Object part, Map<String, Object> properties) {
        parts.put(String.valueOf(properties.get(CaseSubResource.PROPERTY_PART)), part);
    }

    void removePart(Object part, Map<String, Object> properties) {
        parts.remove(String.valueOf(properties.get(CaseSubResource.PROPERTY_PART)), part);
    }

    /** A plug-in's part of a case, e.g. /cases/12/casefile; the literal paths below win over this one. */
    @Path("{id}/{part}")
    public Object part(@PathParam("id") String id, @PathParam("part") String part) {
        Params.id(id, "id");
        Object resource = parts.get(part);
        if (resource == null) {
            throw Params.notFound("NOT_FOUND");
        }
        return resource;
    }

    /** Request body of a filing (立案). Field values are JSON scalars. */
    public record Filing(String kind, String category, String title, Party party, List<Long> officers,
                         Boolean simple, Map<String, JsonNode> fields) {}

    /** Request body of a step of the procedure. */
    public record Move(String transition, Map<String, JsonNode> fields, String reason) {}

    /** Request body replacing the assigned officers. */
    public record Assignment(List<Long> officers, String reason) {}

    /** Request body of a recusal (回避) request. */
    public record RecusalRequest(Long officerId, String requestedBy, String reason) {}

    /** Request body of a 负责人's recusal decision. */
    public record RecusalDecision(Boolean approved, String reason) {}

    @GET
    public Page<CaseSummary> list(@Context HttpServletRequest rc, @QueryParam("q") String text,
                                  @QueryParam("kind") String kind, @QueryParam("step") String step,
                                  @QueryParam("status") String status, @QueryParam("category") String category,
                                  @QueryParam("officer") String officer, @QueryParam("due") String due,
                                  @QueryParam("within") String within, @QueryParam("sort") String sort,
                                  @QueryParam("asc") String asc, @QueryParam("offset") String offset,
                                  @QueryParam("limit") String limit) {
        Boolean ascending = Params.bool(asc, "asc");
        CaseQuery q = new CaseQuery(Params.text(text), Params.text(kind), Params.text(step),
                Params.choice(CaseStatus.class, status, "status"), Params.text(category),
                officer == null || officer.isBlank() ? null : Params.id(officer, "officer"),
                Params.choice(CaseQuery.Due.class, due, "due"), Params.integer(within, "within", DEFAULT_WITHIN),
                sort == null || sort.isBlank() ? "id" : sort.strip(), ascending != null && ascending,
                Params.integer(offset, "offset", 0), Params.integer(limit, "limit", 50));
        return cases.list(q, actor(rc));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response file(@Context HttpServletRequest rc, Filing body) {
        Filing f = required(body);
        CaseFile c = cases.file(new CaseDraft(f.kind(), f.category(), f.title(), f.party(), f.officers(),
                f.simple() != null && f.simple(), FieldValues.text(f.fields())), actor(rc));
        return Response.created(URI.create("v1/cases/" + c.id())).entity(c).tag(tag(c)).build();
    }

    @GET
    @Path("due")
    public Map<String, Object> due(@Context HttpServletRequest rc, @QueryParam("within") String within) {
        return Map.of("items", cases.due(Params.integer(within, "within", DEFAULT_WITHIN), actor(rc)));
    }

    @GET
    @Path("by-number")
    public Response byNumber(@Context HttpServletRequest rc, @QueryParam("number") String number) {
        if (number == null || number.isBlank()) {
            throw Params.invalid("number", "");
        }
        CaseFile c = cases.findByNumber(number, actor(rc))
                .orElseThrow(() -> Params.notFound("CASE_NUMBER_NOT_FOUND", number.strip()));
        return Response.ok(c).tag(tag(c)).build();
    }

    @GET
    @Path("{id}")
    public Response get(@Context HttpServletRequest rc, @PathParam("id") String id) {
        CaseFile c = find(rc, id);
        return Response.ok(c).tag(tag(c)).build();
    }

    @POST
    @Path("{id}/transitions")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response transition(@Context HttpServletRequest rc, @PathParam("id") String id,
                               @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, Move body) {
        Move m = required(body);
        long version = Params.version(ifMatch);
        CaseFile c = cases.transition(Params.id(id, "id"), m.transition(), FieldValues.text(m.fields()), m.reason(),
                version, actor(rc));
        return Response.ok(c).tag(tag(c)).build();
    }

    @GET
    @Path("{id}/transitions")
    public Map<String, Object> available(@Context HttpServletRequest rc, @PathParam("id") String id) {
        Actor actor = actor(rc);
        CaseFile c = find(rc, id);
        List<String> ids = cases.availableTransitions(c.id(), actor);
        Procedure proc = cases.kind(c.kind()).map(k -> k.procedure()).orElse(null);
        List<Object> items = new ArrayList<>();
        for (String t : ids) {
            items.add(proc == null ? Map.of("id", t) : proc.transition(t).<Object>map(x -> x).orElse(Map.of("id", t)));
        }
        return Map.of("items", items);
    }

    @PUT
    @Path("{id}/officers")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response assign(@Context HttpServletRequest rc, @PathParam("id") String id, Assignment body) {
        Assignment a = required(body);
        if (a.officers() == null) {
            throw Params.invalidBody("FIELD_REQUIRED", "officers", "officers");
        }
        CaseFile c = cases.assign(Params.id(id, "id"), a.officers(), a.reason(), actor(rc));
        return Response.ok(c).tag(tag(c)).build();
    }

    @POST
    @Path("{id}/recusals")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response requestRecusal(@Context HttpServletRequest rc, @PathParam("id") String id, RecusalRequest body) {
        RecusalRequest r = required(body);
        if (r.officerId() == null) {
            throw Params.invalidBody("FIELD_REQUIRED", "officerId", "officerId");
        }
        CaseFile c = cases.requestRecusal(Params.id(id, "id"), r.officerId(), r.requestedBy(), r.reason(), actor(rc));
        return Response.ok(c).tag(tag(c)).build();
    }

    @POST
    @Path("{id}/recusals/{rid}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response decideRecusal(@Context HttpServletRequest rc, @PathParam("id") String id,
                                  @PathParam("rid") String rid, RecusalDecision body) {
        RecusalDecision d = required(body);
        if (d.approved() == null) {
            throw Params.invalidBody("FIELD_REQUIRED", "approved", "approved");
        }
        CaseFile c = cases.decideRecusal(Params.id(id, "id"), Params.id(rid, "rid"), d.approved(), d.reason(),
                actor(rc));
        return Response.ok(c).tag(tag(c)).build();
    }

    /** The case's entries in the whole-process record (R1), oldest first: one per timeline event. */
    @GET
    @Path("{id}/record")
    public Map<String, Object> record(@Context HttpServletRequest rc, @PathParam("id") String id,
                                      @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
        Actor actor = actor(rc);
        CaseFile c = find(rc, id);
        int from = Params.integer(offset, "offset", 0);
        int max = Params.integer(limit, "limit", 200);
        if (from < 0) {
            throw Params.invalid("offset", offset);
        }
        if (max < 1 || max > 1000) {
            throw Params.invalid("limit", limit);
        }
        Page<RecordEntry> page = record.entries("case", Long.toString(c.id()), from, max, actor);
        List<CaseRecordEntry> items = new ArrayList<>();
        for (RecordEntry e : page.items()) {
            JsonNode payload;
            try {
                payload = PAYLOADS.readTree(e.payload());
            } catch (IOException x) {
                throw new IllegalStateException("entry " + e.seq() + " holds no JSON payload", x);
            }
            JsonNode event = payload.get("event");
            items.add(new CaseRecordEntry(e.seq(), e.at(), e.entryType(), e.step(), e.actor(),
                    event != null && event.canConvertToInt() ? event.asInt() : null, payload, e.evidenceHashes(),
                    e.corrects(), record.leafHash(e.seq())));
        }
        return Map.of("caseId", c.id(), "number", c.number(), "hashAlgorithm", record.hashAlgorithm(),
                "total", page.total(), "offset", page.offset(), "limit", page.limit(), "items", items);
    }

    @GET
    @Path("{id}/documents")
    public Map<String, Object> documents(@Context HttpServletRequest rc, @PathParam("id") String id) {
        return Map.of("items", cases.documents(find(rc, id).id(), actor(rc)));
    }

    @GET
    @Path("{id}/documents/{doc}")
    @Produces({"application/pdf", DOCX, MediaType.APPLICATION_JSON})
    public Response document(@Context HttpServletRequest rc, @PathParam("id") String id,
                             @PathParam("doc") String doc, @QueryParam("format") String format) throws IOException {
        String fmt = format == null || format.isBlank() ? "pdf" : format.strip().toLowerCase(Locale.ROOT);
        if (!fmt.equals("pdf") && !fmt.equals("docx")) {
            throw Params.invalid("format", format);
        }
        CaseFile c = find(rc, id);
        RenderedDocument out = new RenderedDocument();
        try {
            cases.renderDocument(c.id(), doc, fmt, out, actor(rc));
        } catch (RuntimeException e) {
            out.discard();
            throw e;
        }
        String name = c.number() + "-" + doc + "." + fmt;
        return Response.ok(out.body(), fmt.equals("pdf") ? "application/pdf" : DOCX)
                .header("Content-Disposition", "attachment; filename=\"" + doc.replaceAll("[^A-Za-z0-9._-]", "_")
                        + "." + fmt + "\"; filename*=UTF-8''" + URLEncoder.encode(name, StandardCharsets.UTF_8)
                        .replace("+", "%20"))
                .build();
    }

    private CaseFile find(HttpServletRequest rc, String id) {
        long caseId = Params.id(id, "id");
        return cases.find(caseId, actor(rc)).orElseThrow(() -> Params.notFound("CASE_NOT_FOUND", caseId));
    }

    private static <T> T required(T body) {
        if (body == null) {
            throw Params.invalidBody("BODY_REQUIRED", null);
        }
        return body;
    }

    private static EntityTag tag(CaseFile c) {
        return new EntityTag(Long.toString(c.version()));
    }

    static Actor actor(HttpServletRequest rc) {
        Object a = rc == null ? null : rc.getAttribute(RequestActor.PROPERTY);
        if (!(a instanceof Actor actor)) {
            ErrorBody b = ErrorBody.of("UNAUTHENTICATED", null);
            throw new ZhifaException(ZhifaException.Kind.UNAUTHENTICATED, b.code(), b.message_zh(), b.message_en(),
                    null);
        }
        return actor;
    }
}
