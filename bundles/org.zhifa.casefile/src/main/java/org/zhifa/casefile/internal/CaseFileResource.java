package org.zhifa.casefile.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.GET;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.StreamingOutput;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhifa.api.casefile.CaseFileService;
import org.zhifa.api.common.Actor;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.rest.CaseSubResource;
import org.zhifa.api.rest.RequestActor;

/** GET /api/v1/cases/{id}/casefile — the case file as a zip, streamed while it is written. */
@Component(service = Object.class, property = CaseSubResource.PROPERTY_PART + "=casefile")
public class CaseFileResource {
    private final CaseFileService casefiles;

    @Activate
    public CaseFileResource(@Reference CaseFileService casefiles) {
        this.casefiles = casefiles;
    }

    @GET
    @Produces({"application/zip", MediaType.APPLICATION_JSON})
    public Response export(@Context HttpServletRequest rc, @PathParam("id") String id) {
        Actor actor = actor(rc);
        long caseId = id(id);
        // every refusal happens here, before the response starts, so it is still a JSON error
        String name = casefiles.fileName(caseId, actor);
        StreamingOutput body = out -> casefiles.export(caseId, out, actor);
        return Response.ok(body, "application/zip")
                .header("Content-Disposition", "attachment; filename=\"case-" + caseId + ".zip\"; filename*=UTF-8''"
                        + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"))
                .build();
    }

    static long id(String id) {
        try {
            long v = Long.parseLong(id);
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw Messages.error(ZhifaException.Kind.NOT_FOUND, "CASE_NOT_FOUND", String.valueOf(id));
    }

    static Actor actor(HttpServletRequest rc) {
        Object a = rc == null ? null : rc.getAttribute(RequestActor.PROPERTY);
        if (a instanceof Actor actor) {
            return actor;
        }
        throw Messages.error(ZhifaException.Kind.UNAUTHENTICATED, "CASEFILE_FORBIDDEN");
    }
}
