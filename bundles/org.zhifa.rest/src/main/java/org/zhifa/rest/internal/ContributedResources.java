package org.zhifa.rest.internal;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.PathSegment;
import javax.ws.rs.core.UriInfo;


/**
 * Serves the resources that plug-in bundles contribute, through one sub-resource locator: a plug-in
 * coming or going changes this map only, so the server keeps answering every other request while it
 * happens. A contributed class's own {@code @Path} ("v1/calendar") is its key; the core resources' literal
 * paths take precedence over this template by JAX-RS matching rules. Several bundles may share a key
 * (e.g. {@code v1/channels}, one per channel) when their methods' paths begin with different literal
 * segments ({@code city/status}, {@code newspaper/edition}): the segment after the key picks the resource.
 */
@Path("/")
public class ContributedResources {
    private final Map<String, List<Object>> byPath = new ConcurrentHashMap<>();

    /** The key of a contributed resource: its class's {@code @Path}, which must have two segments. */
    static String key(Object resource) {
        Path path = resource.getClass().getAnnotation(Path.class);
        if (path == null) {
            throw new IllegalArgumentException(resource.getClass() + " has no @Path");
        }
        String p = path.value().replaceAll("^/+|/+$", "");
        if (p.split("/").length != 2) {
            throw new IllegalArgumentException(resource.getClass() + ": @Path must be two segments, like v1/calendar");
        }
        return p;
    }

    void add(Object resource) {
        byPath.compute(key(resource), (k, old) -> {
            List<Object> l = old == null ? new ArrayList<>() : new ArrayList<>(old);
            l.add(resource);
            return List.copyOf(l);
        });
    }

    void remove(Object resource) {
        byPath.computeIfPresent(key(resource), (k, old) -> {
            List<Object> l = new ArrayList<>(old);
            l.removeIf(r -> r == resource);
            return l.isEmpty() ? null : List.copyOf(l);
        });
    }

    /** The resource contributed under {@code key} ("v1/calendar") for a request whose next segment is {@code next}, or null. */
    Object resource(String key, String next) {
        List<Object> l = byPath.get(key);
        return l == null ? null : choose(l, next);
    }

    List<Object> resources() {
        return byPath.values().stream().flatMap(List::stream).toList();
    }

    /**
     * The one resource when a key has one; else the one with a method whose path starts with the literal
     * {@code next}; else the one added last (as before keys could be shared).
     */
    static Object choose(List<Object> candidates, String next) {
        if (candidates.size() == 1 || next == null) {
            return candidates.get(candidates.size() - 1);
        }
        for (Object r : candidates) {
            for (Method m : r.getClass().getMethods()) {
                Path p = m.getAnnotation(Path.class);
                if (p != null && next.equals(p.value().replaceAll("^/+", "").split("/", 2)[0])) {
                    return r;
                }
            }
        }
        return candidates.get(candidates.size() - 1);
    }

    /** The request's path segment after the key's two, or null. */
    static String next(List<PathSegment> segments) {
        return segments.size() > 2 ? segments.get(2).getPath() : null;
    }

    @Path("{first}/{second}")
    public Object locate(@PathParam("first") String first, @PathParam("second") String second, @Context UriInfo uri) {
        Object resource = resource(first + "/" + second, uri == null ? null : next(uri.getPathSegments()));
        if (resource == null) {
            throw Params.notFound("NOT_FOUND");
        }
        return resource;
    }

}
