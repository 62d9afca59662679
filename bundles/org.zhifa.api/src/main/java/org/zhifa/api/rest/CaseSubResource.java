package org.zhifa.api.rest;

/**
 * REST extension point below a case: any OSGi service registered with {@link #PROPERTY_PART}{@code =<part>}
 * (a URL-safe word such as {@code casefile}) is the JAX-RS sub-resource serving
 * {@code /api/v1/cases/{id}/<part>} and below, with the core's authentication and error format. Its class
 * has no {@code @Path}; its methods read the case id with {@code @PathParam("id")}. It appears and
 * disappears with its bundle; the case engine's own sub-paths (documents, transitions …) take precedence.
 * OpenAPI fragments in the bundle's {@code OSGI-INF/openapi/*.json} are served as for {@link RestResource}.
 */
public final class CaseSubResource {
    /** Service property: the path segment after the case id. */
    public static final String PROPERTY_PART = "zhifa.rest.case-part";

    private CaseSubResource() {}
}
