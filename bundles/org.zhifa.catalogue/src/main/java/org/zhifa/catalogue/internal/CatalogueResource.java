package org.zhifa.catalogue.internal;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.StreamingOutput;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhifa.api.catalogue.CatalogueDraft;
import org.zhifa.api.catalogue.CatalogueService;
import org.zhifa.api.catalogue.CatalogueService.RenderFormat;
import org.zhifa.api.catalogue.CatalogueType;
import org.zhifa.api.catalogue.CatalogueVersion;
import org.zhifa.api.catalogue.Flowchart;
import org.zhifa.api.common.Actor;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.rest.RequestActor;
import org.zhifa.api.rest.RestResource;

import com.fasterxml.jackson.databind.JsonNode;

/** REST face of the catalogues at {@code /api/v1/catalogues}. Thin: the service decides. */
@Component(service = Object.class, property = RestResource.PROPERTY_RESOURCE + "=true")
@Path("v1/catalogues")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CatalogueResource {

    private final CatalogueService service;

    @Activate
    public CatalogueResource(@Reference(name = "service") CatalogueService service) {
        this.service = service;
    }

    @GET
    @Path("types")
    public Map<String, Object> types(@Context HttpServletRequest rc, @QueryParam("lang") String lang) {
        actor(rc);
        Locale locale = "en".equals(lang) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
        List<Map<String, Object>> out = new ArrayList<>();
        for (CatalogueType t : CatalogueType.values()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", t.name());
            m.put("title", Messages.text(locale, "type." + t));
            m.put("generated", t.generated());
            List<Map<String, Object>> fields = new ArrayList<>();
            for (String f : t.fields()) {
                fields.add(Map.of("key", f, "label", Messages.field(locale, t, f), "required",
                        t.required().contains(f)));
            }
            m.put("fields", fields);
            out.add(m);
        }
        return Map.of("items", out);
    }

    @GET
    public Map<String, Object> versions(@Context HttpServletRequest rc, @QueryParam("type") String type) {
        return Map.of("items", service.versions(type == null || type.isBlank() ? null : type(type), actor(rc)));
    }

    @GET
    @Path("in-force")
    public Object inForce(@Context HttpServletRequest rc, @QueryParam("type") String type,
                          @QueryParam("day") String day) {
        CatalogueType t = type(type);
        return service.inForce(t, date(day), actor(rc)).orElseThrow(() ->
                Messages.error(ZhifaException.Kind.NOT_FOUND, "CATALOGUE_NOT_FOUND", "type", t.name()));
    }

    @POST
    public Response create(@Context HttpServletRequest rc, JsonNode body) {
        Actor a = actor(rc);
        if (body == null || !body.isObject()) {
            throw Messages.invalid("BODY_REQUIRED", null);
        }
        CatalogueType t = type(Items.text(body.get("type"), "type"));
        CatalogueVersion v = service.createDraft(t, Items.draft(body, "type"), a);
        return Response.created(URI.create("v1/catalogues/" + v.id())).entity(v).build();
    }

    @GET
    @Path("{id}")
    public CatalogueVersion version(@Context HttpServletRequest rc, @PathParam("id") String id) {
        long v = id(id);
        return service.version(v, actor(rc)).orElseThrow(() ->
                Messages.error(ZhifaException.Kind.NOT_FOUND, "CATALOGUE_NOT_FOUND", "id", v));
    }

    /** A new revision of a draft: {effectiveFrom, items, note, revision}; {@code revision} guards it. */
    @PUT
    @Path("{id}")
    public CatalogueVersion revise(@Context HttpServletRequest rc, @PathParam("id") String id, JsonNode body) {
        Actor a = actor(rc);
        CatalogueDraft d = Items.draft(body, "revision");
        JsonNode r = body.get("revision");
        if (r != null && !r.isNull() && !r.canConvertToInt()) {
            throw Messages.invalid("FIELD_TYPE", "revision", "revision", "integer");
        }
        return service.revise(id(id), d, r == null || r.isNull() ? -1 : r.asInt(), a);
    }

    @POST
    @Path("{id}/submit")
    public CatalogueVersion submit(@Context HttpServletRequest rc, @PathParam("id") String id) {
        return service.submit(id(id), actor(rc));
    }

    /** {passed, opinion}. */
    @POST
    @Path("{id}/review")
    public CatalogueVersion review(@Context HttpServletRequest rc, @PathParam("id") String id, JsonNode body) {
        Actor a = actor(rc);
        only(body, "passed", "opinion");
        JsonNode p = body.get("passed");
        if (p == null || !p.isBoolean()) {
            throw Messages.invalid("FIELD_TYPE", "passed", "passed", "boolean");
        }
        return service.review(id(id), p.asBoolean(), Items.text(body.get("opinion"), "opinion"), a);
    }

    @POST
    @Path("{id}/publish")
    public CatalogueVersion publish(@Context HttpServletRequest rc, @PathParam("id") String id) {
        return service.publish(id(id), actor(rc));
    }

    /** {request, effectiveFrom?, items?, note?}: a new draft correcting a published version (D7). */
    @POST
    @Path("{id}/corrections")
    public Response correct(@Context HttpServletRequest rc, @PathParam("id") String id, JsonNode body) {
        Actor a = actor(rc);
        CatalogueDraft d = Items.draft(body, "request");
        CatalogueVersion v = service.correct(id(id), Items.text(body.get("request"), "request"), d, a);
        return Response.created(URI.create("v1/catalogues/" + v.id())).entity(v).build();
    }

    @GET
    @Path("{id}/file")
    @Produces({"application/pdf", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            MediaType.APPLICATION_JSON})
    public Response file(@Context HttpServletRequest rc, @PathParam("id") String id,
                         @QueryParam("format") String format) {
        Actor a = actor(rc);
        RenderFormat f = format == null || format.isBlank() ? RenderFormat.PDF : parse(RenderFormat.class, format);
        long v = id(id);
        CatalogueVersion version = service.version(v, a).orElseThrow(() ->
                Messages.error(ZhifaException.Kind.NOT_FOUND, "CATALOGUE_NOT_FOUND", "id", v));
        byte[] content = service.render(v, f, a);
        String name = version.type().fileName() + "-v" + version.number() + "." + f.extension();
        return Response.ok(content, f.mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
    }

    @GET
    @Path("flowcharts")
    public Map<String, Object> kinds(@Context HttpServletRequest rc) {
        return Map.of("items", service.flowchartKinds(actor(rc)));
    }

    @GET
    @Path("flowcharts/{kind}")
    @Produces({"image/svg+xml", "image/png", MediaType.APPLICATION_JSON})
    public Response flowchart(@Context HttpServletRequest rc, @PathParam("kind") String kind,
                              @QueryParam("format") String format) {
        Actor a = actor(rc);
        Flowchart.Format f = format == null || format.isBlank() ? Flowchart.Format.SVG
                : parse(Flowchart.Format.class, format);
        Flowchart chart = service.flowchart(kind, f, a);
        return Response.ok(chart.content(), f.mediaType() + (f == Flowchart.Format.SVG ? ";charset=UTF-8" : ""))
                .header("Content-Disposition", "inline; filename=\"flowchart-" + chart.kind() + "." + f.extension() + "\"")
                .build();
    }

    /** The filing package (备案, D8) as one zip. */
    @GET
    @Path("filing")
    @Produces({"application/zip", MediaType.APPLICATION_JSON})
    public Response filing(@Context HttpServletRequest rc) {
        Actor a = actor(rc);
        CatalogueServiceImpl.reader(a); // refuse before the stream starts
        StreamingOutput body = out -> service.filingPackage(out, a);
        return Response.ok(body, "application/zip")
                .header("Content-Disposition", "attachment; filename=\"filing-package.zip\"").build();
    }

    // ------------------------------------------------------------ parsing

    private static void only(JsonNode body, String... allowed) {
        if (body == null || !body.isObject()) {
            throw Messages.invalid("BODY_REQUIRED", null);
        }
        List<String> ok = List.of(allowed);
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String n = it.next();
            if (!ok.contains(n)) {
                throw Messages.invalid("FIELD_UNKNOWN", n, n);
            }
        }
    }

    static CatalogueType type(String text) {
        if (text == null || text.isBlank()) {
            throw Messages.invalid("FIELD_REQUIRED", "type", "type");
        }
        try {
            return CatalogueType.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Messages.invalid("TYPE_UNKNOWN", "type", text);
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String text) {
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Messages.invalid("FORMAT_UNKNOWN", "format", text);
        }
    }

    private static Actor actor(HttpServletRequest request) {
        Object actor = request == null ? null : request.getAttribute(RequestActor.PROPERTY);
        if (!(actor instanceof Actor a)) {
            throw Messages.error(ZhifaException.Kind.UNAUTHENTICATED, "UNAUTHENTICATED", null);
        }
        return a;
    }

    static long id(String text) {
        try {
            long id = Long.parseLong(text == null ? "" : text.strip());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw Messages.invalid("ID_INVALID", "id", "id", text);
    }

    private static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw Messages.invalid("FIELD_TYPE", "day", "day", "date (YYYY-MM-DD)");
        }
    }
}
