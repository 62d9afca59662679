package org.zhifa.rest.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.zhifa.api.common.BureauInfo;
import org.zhifa.api.personnel.PersonnelService;

/** /api/v1/health — 200 when the register answers from the database, 503 otherwise. */
@Path("v1/health")
@Produces(MediaType.APPLICATION_JSON)
@PublicAccess
public class HealthResource {
    private final BureauInfo bureau;
    private final PersonnelService personnel;

    HealthResource(BureauInfo bureau, PersonnelService personnel) {
        this.bureau = bureau;
        this.personnel = personnel;
    }

    @GET
    public Response health() {
        Map<String, Object> body = new LinkedHashMap<>();
        String db;
        try {
            personnel.probe();
            db = "UP";
        } catch (RuntimeException e) {
            db = "DOWN";
        }
        boolean up = db.equals("UP");
        body.put("status", up ? "UP" : "DOWN");
        body.put("bureau", Map.of("code", bureau.code(), "name", bureau.name()));
        body.put("database", db);
        body.put("time", Instant.now().toString());
        return Response.status(up ? 200 : 503).entity(body).build();
    }
}
