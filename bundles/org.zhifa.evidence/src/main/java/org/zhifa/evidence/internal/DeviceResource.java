package org.zhifa.evidence.internal;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

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
import javax.ws.rs.core.UriInfo;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhifa.api.common.Actor;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.evidence.Device;
import org.zhifa.api.evidence.EvidenceService;
import org.zhifa.api.rest.RestResource;

/** {@code /api/v1/devices}: the register of recording devices (执法记录仪台账). */
@Component(service = Object.class, property = RestResource.PROPERTY_RESOURCE + "=true")
@Path("v1/devices")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DeviceResource {

    private final EvidenceService evidence;

    @Activate
    public DeviceResource(@Reference(name = "evidence") EvidenceService evidence) {
        this.evidence = evidence;
    }

    /** {@code revision}: on a change, the revision the client saw (optional). */
    public record DeviceBody(String id, String type, String model, String holder, String status,
                             Instant clockCheckedAt, String note, Integer revision) {}

    @GET
    public Map<String, Object> list(@Context HttpServletRequest rc, @Context UriInfo uri,
                                    @QueryParam("includeRetired") String includeRetired) {
        Rest.onlyKnown(uri.getQueryParameters(), Set.of("includeRetired"));
        boolean all = "true".equalsIgnoreCase(includeRetired);
        if (includeRetired != null && !all && !"false".equalsIgnoreCase(includeRetired)) {
            throw Messages.invalid("rest.param.type", "includeRetired", "includeRetired");
        }
        return Map.of("items", evidence.devices(all, Rest.actor(rc)).stream().map(Rest::device).toList());
    }

    @GET
    @Path("{id}")
    public Map<String, Object> get(@Context HttpServletRequest rc, @PathParam("id") String id) {
        return Rest.device(evidence.device(id, Rest.actor(rc)).orElseThrow(() -> unknown(id)));
    }

    @GET
    @Path("{id}/history")
    public Map<String, Object> history(@Context HttpServletRequest rc, @PathParam("id") String id) {
        var revisions = evidence.deviceHistory(id, Rest.actor(rc));
        if (revisions.isEmpty()) {
            throw unknown(id);
        }
        return Map.of("id", id, "revisions", revisions.stream().map(Rest::device).toList());
    }

    @POST
    public Response register(@Context HttpServletRequest rc, DeviceBody body) {
        Actor actor = Rest.actor(rc);
        if (body == null) {
            throw Messages.invalid("evidence.draft.missing", null);
        }
        if (body.id() != null && evidence.device(body.id(), actor).isPresent()) {
            throw Messages.error(ZhifaException.Kind.CONFLICT, "rest.device.exists", "id", Validation.shorten(body.id()));
        }
        Device d = evidence.saveDevice(device(body, body.id()), actor);
        return Response.created(URI.create("v1/devices/" + d.id())).entity(Rest.device(d)).build();
    }

    @PUT
    @Path("{id}")
    public Map<String, Object> change(@Context HttpServletRequest rc, @PathParam("id") String id, DeviceBody body) {
        Actor actor = Rest.actor(rc);
        if (body == null) {
            throw Messages.invalid("evidence.draft.missing", null);
        }
        if (body.id() != null && !body.id().equals(id)) {
            throw Messages.invalid("rest.device.id.mismatch", "id");
        }
        if (evidence.device(id, actor).isEmpty()) {
            throw unknown(id);
        }
        return Rest.device(evidence.saveDevice(device(body, id), actor));
    }

    private static Device device(DeviceBody b, String id) {
        Device.Status status;
        try {
            status = b.status() == null ? null : Device.Status.valueOf(b.status());
        } catch (IllegalArgumentException e) {
            throw Messages.invalid("rest.param.type", "status", "status");
        }
        return new Device(id, b.type(), b.model(), b.holder(), status, b.clockCheckedAt(), b.note(),
                b.revision() == null ? 0 : b.revision(), null, null);
    }

    private static ZhifaException unknown(String id) {
        return Messages.error(ZhifaException.Kind.NOT_FOUND, "rest.device.unknown", null,
                id == null ? "" : Validation.shorten(id));
    }
}
