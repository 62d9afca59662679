package org.zhifa.evidence.internal;

import java.util.Map;
import java.util.Set;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhifa.api.evidence.EvidenceService;
import org.zhifa.api.rest.CaseSubResource;

/**
 * {@code /api/v1/cases/{id}/evidence} (the case's items), {@code …/evidence/interruptions} (GET, POST) and
 * {@code …/evidence/coverage?step=&rule=}: the same answers as {@code /api/v1/evidence?caseId=} and
 * {@code /api/v1/evidence/cases/{id}/…}, below the case.
 */
@Component(service = Object.class, property = CaseSubResource.PROPERTY_PART + "=evidence")
@Produces(MediaType.APPLICATION_JSON)
public class CaseEvidenceResource {

    private final EvidenceService evidence;

    @Activate
    public CaseEvidenceResource(@Reference(name = "evidence") EvidenceService evidence) {
        this.evidence = evidence;
    }

    @GET
    public Map<String, Object> items(@Context HttpServletRequest rc, @Context UriInfo uri, @PathParam("id") String id) {
        Rest.onlyKnown(uri.getQueryParameters(), Set.of());
        return CaseEvidence.items(evidence, Rest.id(id, "id"), Rest.actor(rc));
    }

    @GET
    @Path("interruptions")
    public Map<String, Object> interruptions(@Context HttpServletRequest rc, @PathParam("id") String id) {
        return CaseEvidence.interruptions(evidence, Rest.id(id, "id"), Rest.actor(rc));
    }

    @POST
    @Path("interruptions")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response interrupt(@Context HttpServletRequest rc, @PathParam("id") String id,
                              EvidenceResource.InterruptionBody body) {
        return CaseEvidence.interrupt(evidence, Rest.id(id, "id"), body, Rest.actor(rc));
    }

    @GET
    @Path("coverage")
    public Map<String, Object> coverage(@Context HttpServletRequest rc, @Context UriInfo uri,
                                        @PathParam("id") String id) {
        return CaseEvidence.coverage(evidence, Rest.id(id, "id"), uri.getQueryParameters(), Rest.actor(rc));
    }
}
