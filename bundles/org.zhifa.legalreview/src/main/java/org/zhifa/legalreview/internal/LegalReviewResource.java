package org.zhifa.legalreview.internal;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
import org.zhifa.api.common.Actor;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.legalreview.CaseFlag;
import org.zhifa.api.legalreview.CounselOpinion;
import org.zhifa.api.legalreview.DecisionDraft;
import org.zhifa.api.legalreview.Discussion;
import org.zhifa.api.legalreview.Finding;
import org.zhifa.api.legalreview.LegalReview;
import org.zhifa.api.legalreview.LegalReviewService;
import org.zhifa.api.legalreview.Material;
import org.zhifa.api.legalreview.ReviewCounts;
import org.zhifa.api.legalreview.Reviewer;
import org.zhifa.api.rest.RequestActor;
import org.zhifa.api.rest.RestResource;

import com.fasterxml.jackson.databind.JsonNode;

/** REST face of the legal review at {@code /api/v1/legal-review}. Thin: the service decides. */
@Component(service = Object.class, property = RestResource.PROPERTY_RESOURCE + "=true")
@Path("v1/legal-review")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LegalReviewResource {

    public record FlagBody(CaseFlag flag, Boolean on, String reason) {}
    /** {@code fields} as the case engine takes them: text, numbers and booleans, each as its text. */
    public record DecisionBody(String transition, Map<String, Object> fields) {
        Map<String, String> texts() {
            Map<String, String> out = new LinkedHashMap<>();
            if (fields != null) {
                fields.forEach((k, v) -> {
                    if (v == null || v instanceof String || v instanceof Boolean) {
                        out.put(k, v == null ? null : v.toString());
                    } else if (v instanceof Number n) {
                        out.put(k, new java.math.BigDecimal(n.toString()).toPlainString());
                    } else {
                        throw Messages.invalid("FIELD_TYPE", "fields." + k, "fields." + k, "string, number or boolean");
                    }
                });
            }
            return out;
        }
    }
    public record SubmitBody(Long draftId, Set<Material> materials, String note) {}
    public record AssignBody(String reviewer) {}
    public record ReasonBody(String reason) {}
    public record DecideBody(List<Finding> findings, Boolean passed, String opinion) {}
    public record CounselBody(CounselOpinion.Role role, String name, String opinion) {}
    public record DiscussionBody(LocalDate heldOn, List<Discussion.MemberOpinion> members, Boolean adopt,
                                 String conclusion) {}
    public record ReviewerBody(String user, String name, String unit, Boolean legalQualification,
                               String qualificationNo, Boolean active) {}

    private final LegalReviewService service;

    @Activate
    public LegalReviewResource(@Reference(name = "service") LegalReviewService service) {
        this.service = service;
    }

    // --- catalogue

    @GET
    @Path("catalogues")
    public Map<String, Object> catalogues(@Context HttpServletRequest rc) {
        return Map.of("items", service.catalogues(actor(rc)));
    }

    @GET
    @Path("catalogues/current")
    public Object current(@Context HttpServletRequest rc, @QueryParam("day") String day) {
        return service.catalogueOn(date(day, "day"), actor(rc));
    }

    @POST
    @Path("catalogues")
    public Response publish(@Context HttpServletRequest rc, JsonNode body) {
        Actor a = actor(rc);
        var c = service.publishCatalogue(CatalogueJson.draft(body), a);
        return Response.created(URI.create("v1/legal-review/catalogues/" + c.version())).entity(c).build();
    }

    @POST
    @Path("catalogues/preview")
    public Map<String, Object> preview(@Context HttpServletRequest rc, JsonNode body) {
        Actor a = actor(rc);
        return Map.of("items", service.previewCatalogue(CatalogueJson.draft(body), a));
    }

    // --- cases

    @GET
    @Path("cases/{id}/flags")
    public Map<String, Object> flags(@Context HttpServletRequest rc, @PathParam("id") String id) {
        return Map.of("flags", service.flags(id(id, "id"), actor(rc)));
    }

    @POST
    @Path("cases/{id}/flags")
    public Map<String, Object> setFlag(@Context HttpServletRequest rc, @PathParam("id") String id, FlagBody body) {
        Actor a = actor(rc);
        FlagBody b = required(body);
        if (b.on() == null) {
            throw Messages.invalid("FIELD_REQUIRED", "on", "on");
        }
        return Map.of("flags", service.setFlag(id(id, "id"), b.flag(), b.on(), b.reason(), a));
    }

    @POST
    @Path("cases/{id}/evaluate")
    public Object evaluate(@Context HttpServletRequest rc, @PathParam("id") String id, DecisionBody body) {
        Actor a = actor(rc);
        DecisionBody b = required(body);
        return service.evaluate(id(id, "id"), b.transition(), b.texts(), a);
    }

    @GET
    @Path("cases/{id}/drafts")
    public Map<String, Object> drafts(@Context HttpServletRequest rc, @PathParam("id") String id) {
        return Map.of("items", service.drafts(id(id, "id"), actor(rc)));
    }

    @POST
    @Path("cases/{id}/drafts")
    public Response saveDraft(@Context HttpServletRequest rc, @PathParam("id") String id, DecisionBody body) {
        Actor a = actor(rc);
        DecisionBody b = required(body);
        DecisionDraft d = service.saveDraft(id(id, "id"), b.transition(), b.texts(), a);
        return Response.created(URI.create("v1/legal-review/cases/" + d.caseId() + "/drafts")).entity(d).build();
    }

    @GET
    @Path("cases/{id}/reviews")
    public Map<String, Object> reviewsOfCase(@Context HttpServletRequest rc, @PathParam("id") String id) {
        return Map.of("items", service.reviewsOfCase(id(id, "id"), actor(rc)).stream().map(LegalReviewResource::view)
                .toList());
    }

    @POST
    @Path("cases/{id}/reviews")
    public Response submit(@Context HttpServletRequest rc, @PathParam("id") String id, SubmitBody body) {
        Actor a = actor(rc);
        SubmitBody b = required(body);
        if (b.draftId() == null) {
            throw Messages.invalid("FIELD_REQUIRED", "draftId", "draftId");
        }
        LegalReview r = service.submit(id(id, "id"), b.draftId(), b.materials(), b.note(), a);
        return Response.created(URI.create("v1/legal-review/reviews/" + r.id())).entity(view(r)).build();
    }

    // --- reviews

    @GET
    @Path("pending")
    public Map<String, Object> pending(@Context HttpServletRequest rc) {
        return Map.of("items", service.pending(actor(rc)).stream().map(LegalReviewResource::view).toList());
    }

    @GET
    @Path("reviews/{id}")
    public Map<String, Object> review(@Context HttpServletRequest rc, @PathParam("id") String id) {
        long rid = id(id, "id");
        return view(service.review(rid, actor(rc)).orElseThrow(() -> Messages.error(ZhifaException.Kind.NOT_FOUND,
                "REVIEW_UNKNOWN", "id", rid)));
    }

    @POST
    @Path("reviews/{id}/assign")
    public Map<String, Object> assign(@Context HttpServletRequest rc, @PathParam("id") String id, AssignBody body) {
        Actor a = actor(rc);
        return view(service.assign(id(id, "id"), required(body).reviewer(), a));
    }

    @POST
    @Path("reviews/{id}/extend")
    public Map<String, Object> extend(@Context HttpServletRequest rc, @PathParam("id") String id, ReasonBody body) {
        Actor a = actor(rc);
        return view(service.extend(id(id, "id"), required(body).reason(), a));
    }

    @POST
    @Path("reviews/{id}/decide")
    public Map<String, Object> decide(@Context HttpServletRequest rc, @PathParam("id") String id, DecideBody body) {
        Actor a = actor(rc);
        DecideBody b = required(body);
        if (b.passed() == null) {
            throw Messages.invalid("FIELD_REQUIRED", "passed", "passed");
        }
        return view(service.decide(id(id, "id"), b.findings(), b.passed(), b.opinion(), a));
    }

    @POST
    @Path("reviews/{id}/counsel")
    public Map<String, Object> counsel(@Context HttpServletRequest rc, @PathParam("id") String id, CounselBody body) {
        Actor a = actor(rc);
        CounselBody b = required(body);
        return view(service.addCounselOpinion(id(id, "id"), b.role(), b.name(), b.opinion(), a));
    }

    @POST
    @Path("reviews/{id}/escalate")
    public Map<String, Object> escalate(@Context HttpServletRequest rc, @PathParam("id") String id, ReasonBody body) {
        Actor a = actor(rc);
        return view(service.escalate(id(id, "id"), required(body).reason(), a));
    }

    @POST
    @Path("reviews/{id}/discussion")
    public Map<String, Object> discussion(@Context HttpServletRequest rc, @PathParam("id") String id,
                                          DiscussionBody body) {
        Actor a = actor(rc);
        DiscussionBody b = required(body);
        if (b.adopt() == null) {
            throw Messages.invalid("FIELD_REQUIRED", "adopt", "adopt");
        }
        return view(service.recordDiscussion(id(id, "id"), new Discussion(b.heldOn(),
                b.members() == null ? List.of() : b.members(), b.adopt(), b.conclusion(), a.user(), null), a));
    }

    // --- reviewers

    @GET
    @Path("reviewers")
    public Map<String, Object> reviewers(@Context HttpServletRequest rc) {
        return Map.of("items", service.reviewers(actor(rc)));
    }

    @POST
    @Path("reviewers")
    public Reviewer saveReviewer(@Context HttpServletRequest rc, ReviewerBody body) {
        Actor a = actor(rc);
        ReviewerBody b = required(body);
        return service.saveReviewer(new Reviewer(b.user(), b.name(), b.unit(), Boolean.TRUE.equals(b.legalQualification()),
                b.qualificationNo(), b.active() == null || b.active(), 0, List.of()), a);
    }

    @POST
    @Path("reviewers/{user}/trainings")
    public Reviewer addTraining(@Context HttpServletRequest rc, @PathParam("user") String user,
                                Reviewer.Training body) {
        Actor a = actor(rc);
        return service.addTraining(user, required(body), a);
    }

    @GET
    @Path("counts")
    public ReviewCounts counts(@Context HttpServletRequest rc) {
        return service.counts(actor(rc));
    }

    @GET
    @Path("staffing")
    public Object staffing(@Context HttpServletRequest rc) {
        return service.staffing(actor(rc));
    }

    // --- helpers

    /** A review as JSON (the discussion, when held, or null). */
    static Map<String, Object> view(LegalReview r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("caseId", r.caseId());
        m.put("caseNumber", r.caseNumber());
        m.put("caseTitle", r.caseTitle());
        m.put("draftId", r.draftId());
        m.put("draftVersion", r.draftVersion());
        m.put("status", r.status());
        m.put("evaluation", r.evaluation());
        m.put("materials", r.materials().stream().sorted().toList());
        m.put("note", r.note());
        m.put("submittedBy", r.submittedBy());
        m.put("submittedAt", r.submittedAt());
        m.put("reviewer", r.reviewer());
        m.put("assignedAt", r.assignedAt());
        m.put("due", r.due());
        m.put("extended", r.extended());
        m.put("overdue", r.overdue());
        m.put("findings", r.findings());
        m.put("opinion", r.opinion());
        m.put("decidedAt", r.decidedAt());
        m.put("counsel", r.counsel());
        m.put("escalation", r.escalation());
        m.put("discussion", r.discussion().orElse(null));
        return m;
    }

    private static Actor actor(HttpServletRequest request) {
        Object actor = request == null ? null : request.getAttribute(RequestActor.PROPERTY);
        if (!(actor instanceof Actor a)) {
            throw Messages.error(ZhifaException.Kind.UNAUTHENTICATED, "UNAUTHENTICATED", null);
        }
        return a;
    }

    private static <T> T required(T body) {
        if (body == null) {
            throw Messages.invalid("BODY_REQUIRED", null);
        }
        return body;
    }

    static long id(String text, String field) {
        try {
            long id = Long.parseLong(text == null ? "" : text.strip());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw Messages.invalid("ID_INVALID", field, field, text);
    }

    private static LocalDate date(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw Messages.invalid("FIELD_TYPE", field, field, "date (YYYY-MM-DD)");
        }
    }
}
