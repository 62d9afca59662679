package org.zhifa.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import javax.ws.rs.GET;
import javax.ws.rs.Path;

import org.junit.jupiter.api.Test;

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
}
