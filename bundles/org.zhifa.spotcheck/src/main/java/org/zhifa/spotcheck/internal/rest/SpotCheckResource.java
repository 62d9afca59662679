package org.zhifa.spotcheck.internal.rest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.EntityTag;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

import org.apache.cxf.jaxrs.ext.multipart.Attachment;
import org.apache.cxf.jaxrs.ext.multipart.MultipartBody;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhifa.api.common.Actor;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.rest.PublicEndpoint;
import org.zhifa.api.rest.RestResource;
import org.zhifa.api.rest.StreamedBody;
import org.zhifa.api.spotcheck.ConflictDeclaration;
import org.zhifa.api.spotcheck.Draw;
import org.zhifa.api.spotcheck.InspectionOutcome;
import org.zhifa.api.spotcheck.InspectionTarget;
import org.zhifa.api.spotcheck.Plan;
import org.zhifa.api.spotcheck.PlanDraft;
import org.zhifa.api.spotcheck.SeedSource;
import org.zhifa.api.spotcheck.SpotCheckService;
import org.zhifa.api.spotcheck.TargetDraft;
import org.zhifa.api.spotcheck.TargetFilter;
import org.zhifa.api.spotcheck.TargetImport;
import org.zhifa.spotcheck.internal.SpotCheckConfig;

/**
 * {@code /api/v1/spotcheck}: the pools, plans, draws and results of 双随机、一公开 (S1–S4). Thin: the service
 * checks roles and input; this class parses, and answers the one error format. The draw file of a made draw
 * is public ({@link PublicEndpoint}); everything else needs a staff login. Target imports are streamed
 * ({@link StreamedBody}) and limited by the service's {@code maxImportBytes}.
 */
@Component(service = Object.class, property = RestResource.PROPERTY_RESOURCE + "=true",
        configurationPid = SpotCheckConfig.PID)
@Path("v1/spotcheck")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@StreamedBody
public class SpotCheckResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public record TargetBody(String name, String creditCode, InspectionTarget.TargetType type, String area,
                             InspectionTarget.Risk risk, Set<String> tags) {}

    public record ReasonBody(String reason) {}

    public record ConflictBody(Long officerId, Long targetId, String reason) {}

    /** A plan's target filter: no free text, a plan draws by type, area, risk and tags. */
    public record FilterBody(Set<InspectionTarget.TargetType> types, Set<String> areas,
                             Set<InspectionTarget.Risk> risks, Set<String> tags) {}

    public record PlanBody(String title, Long catalogueVersionId, String itemName, Boolean keyItem, FilterBody filter,
                           BigDecimal ratio, Integer count, String frequency, LocalDate periodFrom,
                           LocalDate periodTo, Integer inspectorsPerTarget, Boolean excludeOwnArea) {}

    /** An announced source: its label only, its values do not exist yet. */
    public record SourceBody(String label, Boolean ordered) {}

    public record AnnounceBody(Draw.SeedMode seedMode, List<SourceBody> sources) {}

    public record RedrawBody(String reason, Draw.SeedMode seedMode, List<SourceBody> sources) {}

    /** The announced sources' values, in their order: text, or whole numbers as published. */
    public record MakeBody(List<List<Object>> values) {}

    public record OutcomeBody(LocalDate endedOn, InspectionOutcome.Finding finding, String summary) {}

    private final SpotCheckService service;
    private final long maxImportBytes;

    @Activate
    public SpotCheckResource(@Reference(name = "service") SpotCheckService service, SpotCheckConfig config) {
        this.service = service;
        this.maxImportBytes = config.maxImportBytes();
    }

    // ------------------------------------------------------------ targets (检查对象名录库)

    @GET
    @Path("targets")
    public Object targets(@Context HttpServletRequest rc, @Context UriInfo uri) {
        Actor a = Rest.actor(rc);
        var q = uri.getQueryParameters();
        Rest.onlyKnown(q, Set.of("q", "type", "area", "risk", "tag", "includeInactive", "offset", "limit"));
        TargetFilter filter = new TargetFilter(Rest.text(q.getFirst("q")),
                Rest.choices(InspectionTarget.TargetType.class, q.get("type"), "type"), Rest.texts(q.get("area")),
                Rest.choices(InspectionTarget.Risk.class, q.get("risk"), "risk"), Rest.texts(q.get("tag")));
        boolean inactive = Boolean.TRUE.equals(Rest.bool(q.getFirst("includeInactive"), "includeInactive"));
        return service.targets(filter, inactive, Rest.integer(q.getFirst("offset"), "offset", 0),
                Rest.integer(q.getFirst("limit"), "limit", 50), a);
    }

    @GET
    @Path("targets/{id}")
    public Response target(@Context HttpServletRequest rc, @PathParam("id") String id) {
        long key = Rest.id(id, "id");
        InspectionTarget t = service.target(key, Rest.actor(rc))
                .orElseThrow(() -> Rest.SERVICE.notFound("TARGET_NOT_FOUND", "id", key));
        return Response.ok(t).tag(tag(t)).build();
    }

    @POST
    @Path("targets")
    public Response addTarget(@Context HttpServletRequest rc, TargetBody body) {
        Actor a = Rest.actor(rc);
        InspectionTarget t = service.addTarget(draft(Rest.required(body)), a);
        return Response.created(URI.create("v1/spotcheck/targets/" + t.id())).entity(t).tag(tag(t)).build();
    }

    /** A new revision; {@code If-Match} carries the ETag (revision) the change was made on. */
    @PUT
    @Path("targets/{id}")
    public Response reviseTarget(@Context HttpServletRequest rc, @PathParam("id") String id,
                                 @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, TargetBody body) {
        Actor a = Rest.actor(rc);
        long key = Rest.id(id, "id");
        TargetDraft d = draft(Rest.required(body));
        if (ifMatch == null || ifMatch.isBlank()) {
            return Rest.error(428, Rest.OWN.invalid("REVISION_REQUIRED", HttpHeaders.IF_MATCH));
        }
        InspectionTarget t = service.reviseTarget(key, d, revision(ifMatch), a);
        return Response.ok(t).tag(tag(t)).build();
    }

    @POST
    @Path("targets/{id}/deactivate")
    public InspectionTarget deactivateTarget(@Context HttpServletRequest rc, @PathParam("id") String id,
                                             ReasonBody body) {
        Actor a = Rest.actor(rc);
        return service.deactivateTarget(Rest.id(id, "id"), Rest.required(body).reason(), a);
    }

    /**
     * Imports a CSV (UTF-8 or GBK) or XLSX file sent as the request body, named by {@code fileName}: all rows or
     * none. A refused file answers 400 with every bad line; a file over {@code maxImportBytes} answers 413.
     */
    @POST
    @Path("targets/import")
    @Consumes({"text/csv", "text/plain", XLSX, MediaType.APPLICATION_OCTET_STREAM})
    public Response importFile(@Context HttpServletRequest rc, @Context UriInfo uri, @Context HttpHeaders headers,
                               InputStream body) {
        Actor a = Rest.actor(rc);
        var q = uri.getQueryParameters();
        Rest.onlyKnown(q, Set.of("fileName"));
        String name = Rest.text(q.getFirst("fileName"));
        if (name == null) {
            throw Rest.OWN.invalid("IMPORT_FILE_MISSING", "fileName");
        }
        return importTargets(headers, body, name, a);
    }

    /** The same import from a form: the part named {@code file}, its file name from its Content-Disposition. */
    @POST
    @Path("targets/import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response importForm(@Context HttpServletRequest rc, @Context UriInfo uri, @Context HttpHeaders headers,
                               MultipartBody form) {
        Actor a = Rest.actor(rc);
        Rest.onlyKnown(uri.getQueryParameters(), Set.of());
        Attachment file = form == null ? null : form.getAttachment("file");
        String name = file == null || file.getContentDisposition() == null ? null
                : Rest.text(file.getContentDisposition().getParameter("filename"));
        if (name == null) {
            throw Rest.OWN.invalid("IMPORT_FILE_MISSING", "file");
        }
        try (InputStream in = file.getDataHandler().getInputStream()) {
            return importTargets(headers, in, name, a);
        } catch (IOException e) {
            throw Rest.SERVICE.invalid("IMPORT_UNREADABLE", "file", String.valueOf(e.getMessage()));
        }
    }

    private Response importTargets(HttpHeaders headers, InputStream in, String name, Actor a) {
        if (Rest.longerThan(headers, maxImportBytes)) {
            return Rest.error(413, Rest.SERVICE.invalid("IMPORT_TOO_LARGE", "file", maxImportBytes));
        }
        TargetImport result;
        try {
            result = service.importTargets(in, name, a);
        } catch (ZhifaException e) {
            if ("IMPORT_TOO_LARGE".equals(e.code())) {
                return Rest.error(413, e);
            }
            throw e;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        if (!result.stored()) {
            ZhifaException refusal = Rest.OWN.invalid("IMPORT_REJECTED", "file", result.errors().size());
            body.putAll(Rest.errorBody(refusal));
        }
        body.put("stored", result.stored());
        body.put("created", result.created());
        body.put("revised", result.revised());
        body.put("format", result.format());
        List<Map<String, Object>> errors = new ArrayList<>();
        for (TargetImport.RowError e : result.errors()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("line", e.line());
            m.put("column", e.column());
            m.put("code", e.code());
            m.put("message_zh", e.messageZh());
            m.put("message_en", e.messageEn());
            errors.add(m);
        }
        body.put("errors", errors);
        return Response.status(result.stored() ? 200 : 400).type(Rest.JSON).entity(body).build();
    }

    // ------------------------------------------------------------ inspectors (执法检查人员名录库), conflicts

    @GET
    @Path("inspectors")
    public Object inspectors(@Context HttpServletRequest rc, @Context UriInfo uri) {
        Actor a = Rest.actor(rc);
        var q = uri.getQueryParameters();
        Rest.onlyKnown(q, Set.of("day"));
        return Map.of("items", service.inspectors(Rest.date(q.getFirst("day"), "day"), a));
    }

    @GET
    @Path("conflicts")
    public Object conflicts(@Context HttpServletRequest rc, @Context UriInfo uri) {
        Actor a = Rest.actor(rc);
        var q = uri.getQueryParameters();
        Rest.onlyKnown(q, Set.of("officerId", "targetId"));
        List<Map<String, Object>> items = new ArrayList<>();
        for (ConflictDeclaration c : service.conflicts(Rest.optionalId(q.getFirst("officerId"), "officerId"),
                Rest.optionalId(q.getFirst("targetId"), "targetId"), a)) {
            items.add(conflict(c));
        }
        return Map.of("items", items);
    }

    @POST
    @Path("conflicts")
    public Response declareConflict(@Context HttpServletRequest rc, ConflictBody body) {
        Actor a = Rest.actor(rc);
        ConflictBody b = Rest.required(body);
        ConflictDeclaration c = service.declareConflict(Rest.present(b.officerId(), "officerId"),
                Rest.present(b.targetId(), "targetId"), b.reason(), a);
        return Response.created(URI.create("v1/spotcheck/conflicts/" + c.id())).entity(conflict(c)).build();
    }

    @POST
    @Path("conflicts/{id}/end")
    public Object endConflict(@Context HttpServletRequest rc, @PathParam("id") String id, ReasonBody body) {
        Actor a = Rest.actor(rc);
        return conflict(service.endConflict(Rest.id(id, "id"), Rest.required(body).reason(), a));
    }

    // ------------------------------------------------------------ plans

    @GET
    @Path("plans")
    public Object plans(@Context HttpServletRequest rc) {
        return Map.of("items", service.plans(Rest.actor(rc)));
    }

    @GET
    @Path("plans/{id}")
    public Plan plan(@Context HttpServletRequest rc, @PathParam("id") String id) {
        long key = Rest.id(id, "id");
        return service.plan(key, Rest.actor(rc)).orElseThrow(() -> Rest.SERVICE.notFound("PLAN_NOT_FOUND", "id", key));
    }

    @POST
    @Path("plans")
    public Response createPlan(@Context HttpServletRequest rc, PlanBody body) {
        Actor a = Rest.actor(rc);
        PlanBody b = Rest.required(body);
        FilterBody f = b.filter();
        TargetFilter filter = f == null ? TargetFilter.any()
                : new TargetFilter(null, f.types(), f.areas(), f.risks(), f.tags());
        Plan p = service.createPlan(new PlanDraft(b.title(), Rest.present(b.catalogueVersionId(), "catalogueVersionId"),
                b.itemName(), Boolean.TRUE.equals(b.keyItem()), filter, b.ratio(), b.count(), b.frequency(),
                b.periodFrom(), b.periodTo(), b.inspectorsPerTarget() == null ? 2 : b.inspectorsPerTarget(),
                Boolean.TRUE.equals(b.excludeOwnArea())), a);
        return Response.created(URI.create("v1/spotcheck/plans/" + p.id())).entity(p).build();
    }

    // ------------------------------------------------------------ draws

    @GET
    @Path("plans/{id}/draws")
    public Object draws(@Context HttpServletRequest rc, @PathParam("id") String id) {
        Actor a = Rest.actor(rc);
        long key = Rest.id(id, "id");
        service.plan(key, a).orElseThrow(() -> Rest.SERVICE.notFound("PLAN_NOT_FOUND", "id", key));
        return Map.of("items", service.draws(key, a));
    }

    /** Announces the plan's draw: its public sources (labels) or a secure random source. */
    @POST
    @Path("plans/{id}/draws")
    public Response announce(@Context HttpServletRequest rc, @PathParam("id") String id, AnnounceBody body) {
        Actor a = Rest.actor(rc);
        AnnounceBody b = Rest.required(body);
        Draw d = service.announce(Rest.id(id, "id"), b.seedMode(), sources(b.sources()), a);
        return Response.created(URI.create("v1/spotcheck/draws/" + d.id())).entity(d).build();
    }

    @GET
    @Path("draws/{id}")
    public Draw draw(@Context HttpServletRequest rc, @PathParam("id") String id) {
        long key = Rest.id(id, "id");
        return service.draw(key, Rest.actor(rc)).orElseThrow(() -> Rest.SERVICE.notFound("DRAW_NOT_FOUND", "id", key));
    }

    /** Makes an announced draw with its sources' values; the answer is the recorded result. */
    @POST
    @Path("draws/{id}/make")
    public Draw make(@Context HttpServletRequest rc, @PathParam("id") String id, MakeBody body) {
        Actor a = Rest.actor(rc);
        MakeBody b = Rest.required(body);
        return service.make(Rest.id(id, "id"), values(b.values()), a);
    }

    /** Announces a redraw of a made draw: a new draw with a published reason. */
    @POST
    @Path("draws/{id}/redraw")
    public Response redraw(@Context HttpServletRequest rc, @PathParam("id") String id, RedrawBody body) {
        Actor a = Rest.actor(rc);
        RedrawBody b = Rest.required(body);
        Draw d = service.announceRedraw(Rest.id(id, "id"), b.reason(), b.seedMode(), sources(b.sources()), a);
        return Response.created(URI.create("v1/spotcheck/draws/" + d.id())).entity(d).build();
    }

    @POST
    @Path("draws/{id}/verify")
    public Object verify(@Context HttpServletRequest rc, @PathParam("id") String id) {
        Actor a = Rest.actor(rc);
        return service.verify(Rest.id(id, "id"), a);
    }

    /**
     * The draw file for the offline verifier ({@code java -jar zhifa-verify.jar draw.json}); public, as the
     * drawn result is. Written whole before it is sent, so a refusal is still the API's JSON error.
     */
    @GET
    @Path("draws/{id}/draw.json")
    @PublicEndpoint
    public Response drawFile(@PathParam("id") String id) {
        long key = Rest.id(id, "id");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        service.drawFile(key, out);
        return Response.ok(out.toByteArray(), Rest.JSON)
                .header("Content-Disposition", "attachment; filename=\"draw-" + key + ".json\"")
                .header("X-Content-Type-Options", "nosniff").build();
    }

    @GET
    @Path("draws/{id}/outcomes")
    public Object outcomes(@Context HttpServletRequest rc, @PathParam("id") String id) {
        Actor a = Rest.actor(rc);
        return Map.of("items", service.outcomes(Rest.id(id, "id"), a));
    }

    /** Records the result of inspecting a drawn target (the inspection case's record_result). */
    @POST
    @Path("draws/{id}/outcomes/{targetId}")
    public InspectionOutcome recordOutcome(@Context HttpServletRequest rc, @PathParam("id") String id,
                                           @PathParam("targetId") String targetId, OutcomeBody body) {
        Actor a = Rest.actor(rc);
        OutcomeBody b = Rest.required(body);
        return service.recordOutcome(Rest.id(id, "id"), Rest.id(targetId, "targetId"),
                Rest.present(b.endedOn(), "endedOn"), Rest.present(b.finding(), "finding"), b.summary(), a);
    }

    // ------------------------------------------------------------ shapes

    private static TargetDraft draft(TargetBody b) {
        return new TargetDraft(b.name(), b.creditCode(), b.type(), b.area(), b.risk(), b.tags());
    }

    private static EntityTag tag(InspectionTarget t) {
        return new EntityTag(Integer.toString(t.revision()));
    }

    private static int revision(String ifMatch) {
        String v = ifMatch.trim().replace("W/", "").replace("\"", "");
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw Rest.OWN.invalid("PARAM_INVALID", HttpHeaders.IF_MATCH, HttpHeaders.IF_MATCH, Rest.shorten(ifMatch));
        }
    }

    private static List<SeedSource> sources(List<SourceBody> sources) {
        if (sources == null) {
            return null;
        }
        List<SeedSource> out = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            SourceBody s = sources.get(i);
            if (s == null) {
                throw Rest.OWN.invalid("FIELD_REQUIRED", "sources[" + i + "]", "sources[" + i + "]");
            }
            out.add(new SeedSource(s.label(), List.of(), !Boolean.FALSE.equals(s.ordered())));
        }
        return out;
    }

    /** Values as published: text, or whole numbers (lottery balls), each kept as its text. */
    private static List<List<String>> values(List<List<Object>> values) {
        if (values == null) {
            return null;
        }
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            List<Object> source = values.get(i);
            List<String> texts = new ArrayList<>();
            for (int j = 0; source != null && j < source.size(); j++) {
                Object v = source.get(j);
                if (v instanceof String s) {
                    texts.add(s);
                } else if (v instanceof Integer || v instanceof Long || v instanceof BigInteger) {
                    texts.add(v.toString());
                } else {
                    String field = "values[" + i + "][" + j + "]";
                    throw Rest.OWN.invalid("VALUE_TYPE", field, field);
                }
            }
            out.add(texts);
        }
        return out;
    }

    private static Map<String, Object> conflict(ConflictDeclaration c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("officerId", c.officerId());
        m.put("targetId", c.targetId());
        m.put("reason", c.reason());
        m.put("declaredAt", c.declaredAt() == null ? null : c.declaredAt().toString());
        m.put("declaredBy", c.declaredBy());
        m.put("active", c.active());
        m.put("endedAt", c.endedAt() == null ? null : c.endedAt().toString());
        m.put("endReason", c.endReason());
        return m;
    }
}
