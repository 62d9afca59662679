package org.zhifa.rest.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.ws.rs.Path;
import javax.ws.rs.PathParam;


/**
 * Serves the resources that plug-in bundles contribute, through one sub-resource locator: a plug-in
 * coming or going changes this map only, so the server keeps answering every other request while it
 * happens. A contributed class's own {@code @Path} ("v1/calendar") is its key; the core resources' literal
 * paths take precedence over this template by JAX-RS matching rules.
 */
@Path("/")
public class ContributedResources {
    private final Map<String, Object> byPath = new ConcurrentHashMap<>();

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
        byPath.put(key(resource), resource);
    }

    void remove(Object resource) {
        byPath.remove(key(resource), resource);
    }

    /** The resource contributed under {@code key} ("v1/calendar"), or null. */
    Object resource(String key) {
        return byPath.get(key);
    }

    List<Object> resources() {
        return List.copyOf(byPath.values());
    }

    @Path("{first}/{second}")
    public Object locate(@PathParam("first") String first, @PathParam("second") String second) {
        Object resource = byPath.get(first + "/" + second);
        if (resource == null) {
            throw Params.notFound("NOT_FOUND");
        }
        return resource;
    }

}
