package org.zhifa.channel.newspaper.internal;

import java.time.LocalDate;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Response;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhifa.api.common.Actor;
import org.zhifa.api.rest.RequestActor;
import org.zhifa.api.rest.RestResource;

/** {@code GET /api/v1/channels/newspaper/edition?from=&to=&format=pdf|docx|eml&types=}: an edition for staff. */
@Component(service = Object.class, property = RestResource.PROPERTY_RESOURCE + "=true")
@Path("v1/channels")
public class EditionResource {

    private final NewspaperChannel channel;

    @Activate
    public EditionResource(@Reference NewspaperChannel channel) {
        this.channel = channel;
    }

    @GET
    @Path("newspaper/edition")
    @Produces({"application/pdf", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "message/rfc822", "application/json"})
    public Response edition(@Context HttpServletRequest request, @QueryParam("from") String from,
                            @QueryParam("to") String to, @QueryParam("format") String format,
                            @QueryParam("types") String types) {
        Object a = request == null ? null : request.getAttribute(RequestActor.PROPERTY);
        Actor actor = a instanceof Actor x ? x : null;
        NewspaperChannel.staff(actor);
        NewspaperChannel.Format f = NewspaperChannel.Format.parse(format);
        LocalDate[] period = channel.period(from, to);
        Edition edition = channel.edition(period[0], period[1], channel.types(types), actor);
        NewspaperChannel.File file = channel.render(edition, f);
        return Response.ok(file.content(), file.mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + file.name() + "\"")
                .header("X-Edition-Entries", edition.entries().size())
                .header("Cache-Control", "no-store")
                .build();
    }
}
