package org.zhifa.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;

import org.apache.cxf.jaxrs.utils.JAXRSUtils;
import org.junit.jupiter.api.Test;
import org.zhifa.api.rest.PublicEndpoint;

/** Plug-ins sharing a root (one per channel under v1/channels) each keep their own paths. */
class ContributedResourcesTest {

    @Path("v1/channels")
    public static class CityStatus {
        @GET
        @Path("city/status")
        public String status() {
            return "city";
        }
    }

    @Path("/v1/channels/")
    public static class NewspaperEdition {
        @GET
        @Path("/newspaper/edition")
        public String edition() {
            return "newspaper";
        }
    }

    @Path("v1/calendar")
    public static class Calendar {
        @GET
        @Path("years")
        public String years() {
            return "years";
        }
    }

    @Test
    void theSegmentAfterASharedRootPicksTheResource() {
        ContributedResources c = new ContributedResources();
        CityStatus city = new CityStatus();
        NewspaperEdition paper = new NewspaperEdition();
        Calendar calendar = new Calendar();
        c.add(city);
        c.add(paper);
        c.add(calendar);
        assertSame(city, c.resource("v1/channels", "city"));
        assertSame(paper, c.resource("v1/channels", "newspaper"));
        assertSame(calendar, c.resource("v1/calendar", "years"));
        assertSame(calendar, c.resource("v1/calendar", "anything"), "an unshared key needs no choice");
        assertEquals(3, c.resources().size());

        c.remove(city);
        assertSame(paper, c.resource("v1/channels", "newspaper"));
        assertSame(paper, c.resource("v1/channels", "city"), "the one left answers (its own 404 for a path it lacks)");
        c.remove(paper);
        assertNull(c.resource("v1/channels", "newspaper"));
        assertSame(calendar, c.resource("v1/calendar", null));
    }

    @Path("v1/draws")
    public static class Draws {
        @GET
        @Path("{id}")
        public String draw(@PathParam("id") String id) {
            return id;
        }

        @GET
        @Path("{id}/draw.json")
        @PublicEndpoint
        public String file(@PathParam("id") String id) {
            return id;
        }

        @POST
        @Path("{id}/draw.json")
        public String notPublic(@PathParam("id") String id) {
            return id;
        }
    }

    @Path("v1/wide")
    public static class Wide {
        @GET
        @Path("{any: .*}")
        @PublicEndpoint
        public String any(@PathParam("any") String any) {
            return any;
        }

        @GET
        @Path("secret")
        public String secret() {
            return "secret";
        }
    }

    private static boolean open(ContributedResources c, String verb, String path) {
        return c.isPublic(verb, JAXRSUtils.getPathSegments(path, true));
    }

    @Test
    void onlyTheMarkedMethodOfAContributedResourceIsPublic() {
        ContributedResources c = new ContributedResources();
        c.add(new Draws());
        c.add(new Wide());
        assertTrue(open(c, "GET", "v1/draws/7/draw.json"));
        assertTrue(open(c, "HEAD", "v1/draws/7/draw.json"));
        assertFalse(open(c, "POST", "v1/draws/7/draw.json"), "the verb counts");
        assertFalse(open(c, "GET", "v1/draws/7"), "a sibling stays private");
        assertFalse(open(c, "GET", "v1/draws/7/draw.json/more"), "a longer path is another method's");
        assertFalse(open(c, "GET", "v1/draws/../draws/7/draw.json.x"));
        assertFalse(open(c, "GET", "v1/nothing/7/draw.json"), "nothing contributed there");
        assertTrue(open(c, "GET", "v1/wide/a/b"));
        assertFalse(open(c, "GET", "v1/wide/secret"), "a broad public template never opens a private method");
    }
}
