package org.zhifa.api.rest;

/**
 * Name under which the REST layer stores the authenticated {@link org.zhifa.api.common.Actor}
 * as a request attribute: a contributed resource takes {@code @Context HttpServletRequest request}
 * as a method parameter and reads {@code (Actor) request.getAttribute(RequestActor.PROPERTY)}.
 */
public final class RequestActor {
    public static final String PROPERTY = "org.zhifa.actor";

    private RequestActor() {}
}
