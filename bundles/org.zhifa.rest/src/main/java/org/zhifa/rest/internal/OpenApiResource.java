package org.zhifa.rest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * /api/openapi.json — the core document merged with the fragments ({@code OSGI-INF/openapi/*.json},
 * holding "paths" and "components") of the bundles that contribute REST resources right now.
 */
@Path("openapi.json")
@PublicAccess
public class OpenApiResource {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final Bundle core;
    private final Supplier<List<ServiceReference<Object>>> contributors;
    private final Supplier<Set<String>> served;

    /**
     * @param served the paths ({@code v1/cases}) of the contributed resources served now: a fragment's path
     *               is documented only below one of them, so a bundle that documents a path below another
     *               bundle's resource (a case part below {@code v1/cases}) does not document it while that
     *               resource is gone
     */
    OpenApiResource(Bundle core, Supplier<List<ServiceReference<Object>>> contributors, Supplier<Set<String>> served) {
        this.core = core;
        this.contributors = contributors;
        this.served = served;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @SuppressWarnings("unchecked")
    public Map<String, Object> document() throws IOException {
        Map<String, Object> doc = read(core.getEntry("openapi/zhifa.json"));
        Map<String, Object> paths = (Map<String, Object>) doc.computeIfAbsent("paths", k -> new LinkedHashMap<>());
        Map<String, Object> components = (Map<String, Object>) doc.computeIfAbsent("components", k -> new LinkedHashMap<>());
        Set<String> now = served.get();
        for (ServiceReference<Object> ref : contributors.get()) {
            Bundle b = ref.getBundle();
            Enumeration<URL> entries = b == null ? null : b.findEntries("OSGI-INF/openapi", "*.json", false);
            while (entries != null && entries.hasMoreElements()) {
                Map<String, Object> fragment = read(entries.nextElement());
                ((Map<String, Object>) fragment.getOrDefault("paths", Map.of())).forEach((path, item) -> {
                    if (servedBelow(path, now)) {
                        paths.put(path, item);
                    }
                });
                ((Map<String, Object>) fragment.getOrDefault("components", Map.of())).forEach((section, v) ->
                        ((Map<String, Object>) components.computeIfAbsent(section, k -> new LinkedHashMap<>()))
                                .putAll((Map<String, Object>) v));
            }
        }
        return doc;
    }

    /** Whether {@code /v1/x/...} lies below a served {@code v1/x}. */
    static boolean servedBelow(String path, Set<String> served) {
        String[] segments = path.replaceAll("^/+", "").split("/");
        return segments.length >= 2 && served.contains(segments[0] + "/" + segments[1]);
    }

    private static Map<String, Object> read(URL url) throws IOException {
        try (InputStream in = url.openStream()) {
            return MAPPER.readValue(in, new TypeReference<LinkedHashMap<String, Object>>() {});
        }
    }
}
