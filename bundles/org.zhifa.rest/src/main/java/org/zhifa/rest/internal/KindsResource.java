package org.zhifa.rest.internal;

import java.util.Map;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhifa.api.cases.CaseService;
import org.zhifa.api.cases.KindInfo;
import org.zhifa.api.rest.RestResource;

/**
 * /api/v1/kinds — the installed enforcement kinds with their procedures. Contributed, not core: it is
 * served only while the case engine runs, and lists what the engine sees right now.
 */
@Component(service = Object.class, property = RestResource.PROPERTY_RESOURCE + "=true")
@Path("v1/kinds")
@Produces(MediaType.APPLICATION_JSON)
public class KindsResource {
    private final CaseService cases;

    @Activate
    public KindsResource(@Reference(name = "cases") CaseService cases) {
        this.cases = cases;
    }

    @GET
    public Map<String, Object> list(@Context HttpServletRequest rc) {
        CasesResource.actor(rc);
        return Map.of("items", cases.kinds());
    }

    @GET
    @Path("{id}")
    public KindInfo get(@Context HttpServletRequest rc, @PathParam("id") String id) {
        CasesResource.actor(rc);
        return cases.kind(id).orElseThrow(() -> Params.notFound("KIND_NOT_FOUND", id));
    }
}
