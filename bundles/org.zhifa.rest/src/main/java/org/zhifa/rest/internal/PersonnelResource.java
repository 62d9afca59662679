package org.zhifa.rest.internal;

import java.net.URI;
import java.util.Map;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.EntityTag;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.zhifa.api.common.Actor;
import org.zhifa.api.common.Page;
import org.zhifa.api.personnel.CertificateStatus;
import org.zhifa.api.personnel.Officer;
import org.zhifa.api.personnel.OfficerDraft;
import org.zhifa.api.personnel.OfficerQuery;
import org.zhifa.api.personnel.PersonnelService;
import org.zhifa.api.rest.RequestActor;

/** /api/v1/personnel — the 行政执法人员清单 for integrators. Thin: the service decides. */
@Path("v1/personnel")
@Produces(MediaType.APPLICATION_JSON)
public class PersonnelResource {
    private final PersonnelService personnel;
    private final SerializedPages pages;

    PersonnelResource(PersonnelService personnel, SerializedPages pages) {
        this.personnel = personnel;
        this.pages = pages;
    }

    /** Request body of a deactivation. */
    public record Deactivation(String reason) {}

    /** The JSON of a {@link Page} of {@link Officer}s; a page asked for again since the last write is not serialized again. */
    @GET
    public Response list(@Context HttpServletRequest rc, @QueryParam("q") String text,
                              @QueryParam("unit") String unit, @QueryParam("category") String category,
                              @QueryParam("status") String status, @QueryParam("active") String active,
                              @QueryParam("sort") String sort, @QueryParam("order") String order,
                              @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
        OfficerQuery q = new OfficerQuery(text, unit, category, status(status), bool(active, "active"),
                sort == null || sort.isBlank() ? "id" : sort, ascending(order),
                integer(offset, "offset", 0), integer(limit, "limit", 50));
        Page<Officer> page = personnel.list(q, actor(rc));
        try {
            return Response.ok(pages.json(page), MediaType.APPLICATION_JSON_TYPE).build();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("page not serializable", e);
        }
    }

    @GET
    @Path("{id}")
    public Response get(@Context HttpServletRequest rc, @PathParam("id") String id) {
        long officerId = id(id);
        Officer o = personnel.find(officerId, actor(rc)).orElseThrow(() -> Params.notFound("OFFICER_NOT_FOUND", id));
        return Response.ok(o).tag(tag(o)).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Context HttpServletRequest rc, OfficerDraft draft) {
        Officer o = personnel.create(draft, actor(rc));
        return Response.created(URI.create("v1/personnel/" + o.id())).entity(o).tag(tag(o)).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response update(@Context HttpServletRequest rc, @PathParam("id") String id,
                           @HeaderParam("If-Match") String ifMatch, OfficerDraft draft) {
        Officer o = personnel.update(id(id), draft, version(ifMatch), actor(rc));
        return Response.ok(o).tag(tag(o)).build();
    }

    @POST
    @Path("{id}/deactivate")
    @Consumes(MediaType.APPLICATION_JSON)
    public Officer deactivate(@Context HttpServletRequest rc, @PathParam("id") String id, Deactivation body) {
        return personnel.deactivate(id(id), body == null ? null : body.reason(), actor(rc));
    }

    @GET
    @Path("{id}/history")
    public Object history(@Context HttpServletRequest rc, @PathParam("id") String id) {
        return Map.of("items", personnel.history(id(id), actor(rc)));
    }

    @GET
    @Path("categories")
    public Object categories() {
        return Map.of("items", personnel.categories());
    }

    static Actor actor(HttpServletRequest rc) {
        return (Actor) rc.getAttribute(RequestActor.PROPERTY);
    }

    private static EntityTag tag(Officer o) {
        return new EntityTag(Long.toString(o.version()));
    }

    private static long version(String ifMatch) {
        return Params.version(ifMatch);
    }

    private static long id(String id) {
        return Params.id(id, "id");
    }

    private static int integer(String s, String name, int dflt) {
        return Params.integer(s, name, dflt);
    }

    private static Boolean bool(String s, String name) {
        return Params.bool(s, name);
    }

    private static boolean ascending(String order) {
        if (order == null || order.isBlank() || order.equalsIgnoreCase("asc")) {
            return true;
        }
        if (order.equalsIgnoreCase("desc")) {
            return false;
        }
        throw Params.invalid("order", order);
    }

    private static CertificateStatus status(String s) {
        return Params.choice(CertificateStatus.class, s, "status");
    }
}
