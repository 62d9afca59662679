package org.zhifa.casefile.internal;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.GET;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhifa.api.casefile.CaseFileService;
import org.zhifa.api.casefile.Completeness;
import org.zhifa.api.rest.CaseSubResource;

/** GET /api/v1/cases/{id}/completeness — what the case file lacks against its kind's standard (R6). */
@Component(service = Object.class, property = CaseSubResource.PROPERTY_PART + "=completeness")
public class CompletenessResource {
    private final CaseFileService casefiles;

    @Activate
    public CompletenessResource(@Reference CaseFileService casefiles) {
        this.casefiles = casefiles;
    }

    /** The report, with {@code complete} spelled out for clients that read JSON only. */
    public record Report(long caseId, String number, boolean closed, boolean complete, java.util.List<Completeness.Missing> missing) {}

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Report get(@Context HttpServletRequest rc, @PathParam("id") String id) {
        Completeness c = casefiles.completeness(CaseFileResource.id(id), CaseFileResource.actor(rc));
        return new Report(c.caseId(), c.number(), c.closed(), c.complete(), c.missing());
    }
}
