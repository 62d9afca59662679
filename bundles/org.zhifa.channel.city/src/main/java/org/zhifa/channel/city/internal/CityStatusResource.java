package org.zhifa.channel.city.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhifa.api.common.Actor;
import org.zhifa.api.common.Roles;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.rest.RequestActor;
import org.zhifa.api.rest.RestResource;

/**
 * {@code /api/v1/channels/city}: the channel's own status (staff) and a push of tree head and statistics
 * now (负责人, 管理员). Comes and goes with the channel's bundle.
 */
@Component(service = Object.class, property = RestResource.PROPERTY_RESOURCE + "=true")
@Path("v1/channels")
@Produces(MediaType.APPLICATION_JSON)
public class CityStatusResource {
    private final CityChannel channel;

    @Activate
    public CityStatusResource(@Reference(name = "channel") CityChannel channel) {
        this.channel = channel;
    }

    @GET
    @Path("city/status")
    public Map<String, Object> status(@Context HttpServletRequest rc) {
        Actor a = actor(rc);
        if (!a.isStaff()) {
            throw refusal(ZhifaException.Kind.FORBIDDEN, "FORBIDDEN_ROLE");
        }
        return channel.status();
    }

    @POST
    @Path("city/push")
    public Map<String, Object> push(@Context HttpServletRequest rc) {
        Actor a = actor(rc);
        if (!a.has(Roles.LEADER) && !a.has(Roles.ADMIN)) {
            throw refusal(ZhifaException.Kind.FORBIDDEN, "FORBIDDEN_PUSH");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        channel.pushNow().forEach((k, o) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("state", o.state().name());
            m.put("status", o.status());
            m.put("code", o.code());
            m.put("message", o.state() == Outcome.State.DONE ? o.receipt() : o.message());
            out.put(k, m);
        });
        out.put("status", channel.status());
        return out;
    }

    private static Actor actor(HttpServletRequest request) {
        Object actor = request == null ? null : request.getAttribute(RequestActor.PROPERTY);
        if (!(actor instanceof Actor a)) {
            throw refusal(ZhifaException.Kind.UNAUTHENTICATED, "UNAUTHENTICATED");
        }
        return a;
    }

    private static ZhifaException refusal(ZhifaException.Kind kind, String code) {
        return ZhifaException.of(kind, code, null, Texts.BASE, CityStatusResource.class.getClassLoader());
    }
}
