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
import org.zhifa.api.cases.CaseService;
import org.zhifa.api.common.Actor;
import org.zhifa.api.common.ZhifaException;
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
    private final CaseService cases;

    /** The case engine serves /api/v1/cases, so it is there whenever this part can be reached. */
    @Activate
    public CaseEvidenceResource(@Reference(name = "evidence") EvidenceService evidence,
                                @Reference(name = "cases") CaseService cases) {
        this.evidence = evidence;
        this.cases = cases;
    }

    /** The case id of the path, once the case is known to exist (and to be readable by the actor). */
    private long caseId(String id, Actor actor) {
        long key = Rest.id(id, "id");
        if (cases.find(key, actor).isEmpty()) {
            throw Messages.error(ZhifaException.Kind.NOT_FOUND, "evidence.case.unknown", "id", key);
        }
        return key;
    }

    @GET
    public Map<String, Object> items(@Context HttpServletRequest rc, @Context UriInfo uri, @PathParam("id") String id) {
        Actor actor = Rest.actor(rc);
        Rest.onlyKnown(uri.getQueryParameters(), Set.of());
        return CaseEvidence.items(evidence, caseId(id, actor), actor);
    }

    @GET
    @Path("interruptions")
    public Map<String, Object> interruptions(@Context HttpServletRequest rc, @PathParam("id") String id) {
        Actor actor = Rest.actor(rc);
        return CaseEvidence.interruptions(evidence, caseId(id, actor), actor);
    }

    @POST
    @Path("interruptions")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response interrupt(@Context HttpServletRequest rc, @PathParam("id") String id,
                              EvidenceResource.InterruptionBody body) {
        Actor actor = Rest.actor(rc);
        return CaseEvidence.interrupt(evidence, caseId(id, actor), body, actor);
    }

    @GET
    @Path("coverage")
    public Map<String, Object> coverage(@Context HttpServletRequest rc, @Context UriInfo uri,
                                        @PathParam("id") String id) {
        Actor actor = Rest.actor(rc);
        return CaseEvidence.coverage(evidence, caseId(id, actor), uri.getQueryParameters(), actor);
    }
}
