package org.zhifa.api.rest;

/**
 * REST extension point. Any OSGi service registered with the property {@link #PROPERTY_RESOURCE}
 * and a two-segment JAX-RS {@code @Path} on its class is served under {@code /api/}
 * (e.g. {@code @Path("v1/calendar")} is served at {@code /api/v1/calendar}), with the same
 * authentication, JSON mapping and error format as the core resources; it appears and disappears
 * with its bundle without interrupting other requests. A bundle documents its endpoints with
 * OpenAPI fragments in {@code OSGI-INF/openapi/*.json} ({@code paths}, {@code components}).
 */
public final class RestResource {
    /** Service property marking a JAX-RS resource; value {@code true}. */
    public static final String PROPERTY_RESOURCE = "zhifa.rest.resource";

    private RestResource() {}
}
