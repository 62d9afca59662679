package org.zhifa.disclosure.internal;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
import org.zhifa.api.common.Actor;
import org.zhifa.api.common.Page;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.disclosure.Attachment;
import org.zhifa.api.disclosure.DisclosureItem;
import org.zhifa.api.disclosure.DisclosureService;
import org.zhifa.api.disclosure.ItemDraft;
import org.zhifa.api.disclosure.ItemQuery;
import org.zhifa.api.disclosure.ItemStatus;
import org.zhifa.api.disclosure.ItemType;
import org.zhifa.api.disclosure.OutboxState;
import org.zhifa.api.disclosure.PublicItem;
import org.zhifa.api.disclosure.WithdrawalGround;
import org.zhifa.api.rest.RequestActor;
import org.zhifa.api.rest.RestResource;

/** REST face of disclosure at {@code /api/v1/disclosure}. Thin: the service decides. */
@Component(service = Object.class, property = RestResource.PROPERTY_RESOURCE + "=true")
@Path("v1/disclosure")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DisclosureResource {

    public record AttachmentBody(String name, String mediaType, byte[] content) {}
    public record ItemBody(ItemType type, String kind, String title, String caseNumber, String partyName,
                           Boolean partyPerson, Boolean partyMinor, LocalDate decidedOn, String text,
                           List<String> knownNames, List<AttachmentBody> attachments) {}
    public record MasksBody(List<String> extraMasks) {}
    public record CorrectionBody(String text, String request) {}
    public record WithdrawalBody(WithdrawalGround ground, String reason) {}

    private final DisclosureService service;

    @Activate
    public DisclosureResource(@Reference(name = "service") DisclosureService service) {
        this.service = service;
    }

    // --- items

    @GET
    @Path("items")
    public Page<DisclosureItem> items(@Context HttpServletRequest rc, @QueryParam("status") String status,
                                      @QueryParam("type") String type, @QueryParam("kind") String kind,
                                      @QueryParam("due") String due, @QueryParam("q") String q,
                                      @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
        Actor a = actor(rc);
        return service.items(new ItemQuery(value(ItemStatus.class, status, "status"), value(ItemType.class, type, "type"),
                blank(kind), blank(due), blank(q), number(offset, "offset", 0), number(limit, "limit", 50)), a);
    }

    @GET
    @Path("items/{id}")
    public DisclosureItem item(@Context HttpServletRequest rc, @PathParam("id") String id) {
        Actor a = actor(rc);
        long i = id(id);
        return service.item(i, a).orElseThrow(() -> Messages.notFound("ITEM_UNKNOWN", "id", i));
    }

    @POST
    @Path("items")
    public Response create(@Context HttpServletRequest rc, ItemBody body) {
        Actor a = actor(rc);
        ItemBody b = required(body);
        List<Attachment> attachments = new ArrayList<>();
        if (b.attachments() != null) {
            for (AttachmentBody x : b.attachments()) {
                if (x == null || x.content() == null) {
                    throw Messages.invalid("FIELD_REQUIRED", "attachments", "attachments.content");
                }
                try {
                    attachments.add(new Attachment(x.name(), x.mediaType(), x.content()));
                } catch (IllegalArgumentException e) {
                    throw Messages.invalid("ATTACHMENT_INVALID", "attachments", String.valueOf(x.name()));
                }
            }
        }
        DisclosureItem i = service.create(new ItemDraft(b.type(), b.kind(), b.title(), b.caseNumber(), b.partyName(),
                Boolean.TRUE.equals(b.partyPerson()), Boolean.TRUE.equals(b.partyMinor()), b.decidedOn(), b.text(),
                b.knownNames(), attachments), a);
        return Response.created(URI.create("v1/disclosure/items/" + i.id())).entity(i).build();
    }

    @POST
    @Path("items/{id}/preview")
    public Object preview(@Context HttpServletRequest rc, @PathParam("id") String id, MasksBody body) {
        Actor a = actor(rc);
        return service.preview(id(id), body == null ? List.of() : nonNull(body.extraMasks()), a);
    }

    @POST
    @Path("items/{id}/approve")
    public DisclosureItem approve(@Context HttpServletRequest rc, @PathParam("id") String id, MasksBody body) {
        Actor a = actor(rc);
        return service.approve(id(id), body == null ? List.of() : nonNull(body.extraMasks()), a);
    }

    @POST
    @Path("items/{id}/correct")
    public DisclosureItem correct(@Context HttpServletRequest rc, @PathParam("id") String id, CorrectionBody body) {
        Actor a = actor(rc);
        CorrectionBody b = required(body);
        return service.correct(id(id), b.text(), b.request(), a);
    }

    @POST
    @Path("items/{id}/withdrawal-request")
    public DisclosureItem requestWithdrawal(@Context HttpServletRequest rc, @PathParam("id") String id,
                                            WithdrawalBody body) {
        Actor a = actor(rc);
        WithdrawalBody b = required(body);
        return service.requestWithdrawal(id(id), b.ground(), b.reason(), a);
    }

    @POST
    @Path("items/{id}/withdraw")
    public DisclosureItem withdraw(@Context HttpServletRequest rc, @PathParam("id") String id, WithdrawalBody body) {
        Actor a = actor(rc);
        WithdrawalBody b = body == null ? new WithdrawalBody(null, null) : body;
        return service.withdraw(id(id), b.ground(), b.reason(), a);
    }

    @GET
    @Path("items/{id}/public")
    public Map<String, Object> publicForm(@Context HttpServletRequest rc, @PathParam("id") String id) {
        Actor a = actor(rc);
        return view(service.publicForm(id(id), a));
    }

    @GET
    @Path("items/{id}/public.pdf")
    @Produces({"application/pdf", MediaType.APPLICATION_JSON})
    public Response publicPdf(@Context HttpServletRequest rc, @PathParam("id") String id) {
        Actor a = actor(rc);
        PublicItem p = service.publicForm(id(id), a);
        return Response.ok(p.pdf(), "application/pdf")
                .header("Content-Disposition", "inline; filename=\"" + p.publicId() + ".pdf\"").build();
    }

    @POST
    @Path("expire")
    public Map<String, Object> expire(@Context HttpServletRequest rc) {
        Actor a = actor(rc);
        return Map.of("expired", service.expire(a));
    }

    // --- outbox and channels

    @GET
    @Path("outbox")
    public Object outbox(@Context HttpServletRequest rc, @QueryParam("state") String state,
                         @QueryParam("channel") String channel, @QueryParam("offset") String offset,
                         @QueryParam("limit") String limit) {
        Actor a = actor(rc);
        return service.outbox(value(OutboxState.class, state, "state"), blank(channel), number(offset, "offset", 0),
                number(limit, "limit", 50), a);
    }

    @POST
    @Path("outbox/{id}/retry")
    public Object retry(@Context HttpServletRequest rc, @PathParam("id") String id) {
        Actor a = actor(rc);
        return service.retry(id(id), a);
    }

    @GET
    @Path("channels")
    public Map<String, Object> channels(@Context HttpServletRequest rc) {
        return Map.of("items", service.channels(actor(rc)));
    }

    // --- helpers

    /** The public form as JSON: the PDF and the attachments' bytes are fetched on their own. */
    static Map<String, Object> view(PublicItem p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("publicId", p.publicId());
        m.put("version", p.version());
        m.put("type", p.type());
        m.put("kind", p.kind());
        m.put("kindTitleZh", p.kindTitleZh());
        m.put("title", p.title());
        m.put("caseNumber", p.caseNumber());
        m.put("partyName", p.partyName());
        m.put("decidedOn", p.decidedOn());
        m.put("publishedAt", p.publishedAt());
        m.put("postUntil", p.postUntil());
        m.put("text", p.text());
        m.put("pdfBytes", p.pdf() == null ? 0 : p.pdf().length);
        m.put("attachments", p.attachments().stream().map(x -> Map.of("name", x.name(), "mediaType", x.mediaType(),
                "bytes", x.content().length)).toList());
        m.put("withdrawnAt", p.withdrawnAt());
        m.put("withdrawalGround", p.withdrawalGround());
        m.put("withdrawalReason", p.withdrawalReason());
        return m;
    }

    private static List<String> nonNull(List<String> l) {
        return l == null ? List.of() : l;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static <E extends Enum<E>> E value(Class<E> type, String text, String field) {
        String s = blank(text);
        if (s == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, s.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Messages.invalid("STATE_INVALID", field, s);
        }
    }

    private static int number(String text, String field, int otherwise) {
        String s = blank(text);
        if (s == null) {
            return otherwise;
        }
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw Messages.invalid("FIELD_TYPE", field, field, "integer");
        }
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
}
