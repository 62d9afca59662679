package org.zhifa.rest.internal;

import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

/** /api/v1/version — the API and build version (no login); touches nothing else. */
@Path("v1/version")
@Produces(MediaType.APPLICATION_JSON)
@PublicAccess
public class VersionResource {
    private final Map<String, String> body;

    VersionResource(String buildVersion) {
        this.body = Map.of("api", "v1", "build", buildVersion);
    }

    @GET
    public Map<String, String> version() {
        return body;
    }
}
