package org.zhifa.casereview.internal;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.zhifa.api.casereview.CaseReviewService;
import org.zhifa.api.casereview.Deduction;
import org.zhifa.api.casereview.ReviewCatalogue;
import org.zhifa.api.casereview.ReviewResult;
import org.zhifa.api.casereview.ReviewRound;
import org.zhifa.api.casereview.Reviewer;
import org.zhifa.api.casereview.RoundCase;
import org.zhifa.api.casereview.RoundDraft;
import org.zhifa.api.casereview.RoundReport;
import org.zhifa.api.casereview.ScoreDraft;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.document.DocumentRenderer;
import org.zhifa.api.rest.RestResource;

/** REST face of the case-file review at {@code /api/v1/casereview}. Thin: the service decides. */
@Component(service = Object.class, property = RestResource.PROPERTY_RESOURCE + "=true")
@Path("v1/casereview")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CaseReviewResource {

    /** The body of a new round. */
    public record NewRound(Integer year, String name, Integer sampleSize, Long seed, List<Reviewer> reviewers) {}

    /** One assignment: a case of the round to a reviewer of the round. */
    public record Assignment(Long caseId, String reviewer) {}

    /** Assignments, or {@code remaining: true} to assign every case still without a reviewer. */
    public record Assignments(List<Assignment> assignments, Boolean remaining) {}

    /** The body of a result. */
    public record Score(List<DeductionBody> deductions, String comment, String revisionReason) {}

    public record DeductionBody(String subItemCode, BigDecimal points, String reason) {}

    private final CaseReviewService service;
    private volatile DocumentRenderer renderer;

    @Activate
    public CaseReviewResource(@Reference(name = "service") CaseReviewService service) {
        this.service = service;
    }

    @Reference(name = "renderer", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setRenderer(DocumentRenderer r) {
        renderer = r;
    }

    void unsetRenderer(DocumentRenderer r) {
        if (renderer == r) {
            renderer = null;
        }
    }

    @GET
    @Path("catalogue")
    public ReviewCatalogue catalogue(@Context HttpServletRequest rc, @QueryParam("version") String version) {
        Rest.staff(rc);
        if (version == null || version.isBlank()) {
            return service.catalogue();
        }
        return service.catalogue(version.strip()).orElseThrow(() -> Messages.error(ZhifaException.Kind.NOT_FOUND,
                "casereview.catalogue.unknown", "version", version));
    }

    @GET
    @Path("rounds")
    public Map<String, Object> rounds(@Context HttpServletRequest rc) {
        return Map.of("items", service.rounds(Rest.actor(rc)));
    }

    @POST
    @Path("rounds")
    public Response create(@Context HttpServletRequest rc, NewRound body) {
        var actor = Rest.actor(rc);
        if (body == null) {
            throw Messages.invalid("casereview.body.required", null);
        }
        if (body.year() == null) {
            throw Messages.invalid("casereview.year.invalid", "year", "null");
        }
        ReviewRound round = service.create(new RoundDraft(body.year(), body.name(), body.sampleSize(), body.seed(),
                body.reviewers()), actor);
        return Response.created(URI.create("v1/casereview/rounds/" + round.id())).entity(round).build();
    }

    @GET
    @Path("rounds/{id}")
    public ReviewRound round(@Context HttpServletRequest rc, @PathParam("id") String id) {
        long roundId = Rest.id(id, "id");
        return service.round(roundId, Rest.actor(rc)).orElseThrow(() -> Messages.error(ZhifaException.Kind.NOT_FOUND,
                "casereview.round.not.found", "id", String.valueOf(roundId)));
    }

    @GET
    @Path("rounds/{id}/cases")
    public Map<String, Object> cases(@Context HttpServletRequest rc, @PathParam("id") String id) {
        return Map.of("items", service.cases(Rest.id(id, "id"), Rest.actor(rc)));
    }

    @POST
    @Path("rounds/{id}/assignments")
    public Map<String, Object> assign(@Context HttpServletRequest rc, @PathParam("id") String id, Assignments body) {
        var actor = Rest.actor(rc);
        long roundId = Rest.id(id, "id");
        if (body == null) {
            throw Messages.invalid("casereview.body.required", null);
        }
        List<RoundCase> cases;
        if (Boolean.TRUE.equals(body.remaining())) {
            if (body.assignments() != null && !body.assignments().isEmpty()) {
                throw Messages.invalid("casereview.assign.both", "assignments");
            }
            cases = service.assignRemaining(roundId, actor);
        } else {
            Map<Long, String> map = new LinkedHashMap<>();
            List<Assignment> list = body.assignments() == null ? List.of() : body.assignments();
            for (int i = 0; i < list.size(); i++) {
                Assignment a = list.get(i);
                if (a == null || a.caseId() == null || a.reviewer() == null) {
                    throw Messages.invalid("casereview.assign.incomplete", "assignments[" + i + "]");
                }
                if (map.put(a.caseId(), a.reviewer()) != null) {
                    throw Messages.invalid("casereview.assign.twice", "assignments[" + i + "]", a.caseId());
                }
            }
            cases = service.assign(roundId, map, actor);
        }
        return Map.of("items", cases);
    }

    @GET
    @Path("rounds/{id}/cases/{caseId}/results")
    public Map<String, Object> results(@Context HttpServletRequest rc, @PathParam("id") String id,
                                       @PathParam("caseId") String caseId) {
        return Map.of("items", service.results(Rest.id(id, "id"), Rest.id(caseId, "caseId"), Rest.actor(rc)));
    }

    @POST
    @Path("rounds/{id}/cases/{caseId}/results")
    public Response submit(@Context HttpServletRequest rc, @PathParam("id") String id, @PathParam("caseId") String caseId,
                           Score body) {
        var actor = Rest.actor(rc);
        long roundId = Rest.id(id, "id");
        long cid = Rest.id(caseId, "caseId");
        if (body == null) {
            throw Messages.invalid("casereview.body.required", null);
        }
        List<Deduction> deductions = body.deductions() == null ? List.of() : body.deductions().stream()
                .map(d -> d == null ? null : new Deduction(d.subItemCode(), null, d.points(), d.reason())).toList();
        ReviewResult r = service.submit(roundId, cid, new ScoreDraft(deductions, body.comment(), body.revisionReason()), actor);
        return Response.created(URI.create("v1/casereview/rounds/" + roundId + "/cases/" + cid + "/results"))
                .entity(r).build();
    }

    @POST
    @Path("rounds/{id}/close")
    public ReviewRound close(@Context HttpServletRequest rc, @PathParam("id") String id) {
        return service.close(Rest.id(id, "id"), Rest.actor(rc));
    }

    @GET
    @Path("rounds/{id}/report")
    @Produces({MediaType.APPLICATION_JSON, "application/pdf", Csv.MEDIA_TYPE})
    public Response report(@Context HttpServletRequest rc, @PathParam("id") String id,
                           @QueryParam("format") String format, @QueryParam("lang") String lang) {
        String f = Rest.format(format, "json", "csv", "pdf");
        RoundReport report = service.report(Rest.id(id, "id"), Rest.actor(rc));
        Locale locale = Rest.locale(lang);
        String base = "casereview-" + report.round().id();
        String name = report.round().name() + "-" + report.round().year();
        return switch (f) {
            case "csv" -> Rest.download(ReportWriter.csv(report, locale).bytes(), Csv.MEDIA_TYPE, base + ".csv", name + ".csv");
            case "pdf" -> {
                DocumentRenderer r = renderer;
                if (r == null) {
                    throw Messages.error(ZhifaException.Kind.UNAVAILABLE, "casereview.pdf.unavailable", "format");
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                ReportWriter.pdf(report, locale, r, out);
                yield Rest.download(out.toByteArray(), "application/pdf", base + ".pdf", name + ".pdf");
            }
            default -> Response.ok(report, MediaType.APPLICATION_JSON).build();
        };
    }
}
