package org.zhifa.rest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.PathSegment;
import javax.ws.rs.core.Response;

import org.zhifa.api.common.Actor;
import org.zhifa.api.common.Authenticator;
import org.zhifa.api.rest.PublicEndpoint;
import org.zhifa.api.rest.RequestActor;
import org.zhifa.api.rest.StreamedBody;

/**
 * HTTP Basic against the bureau's {@link Authenticator} (Karaf JAAS); the {@link Actor} goes into the request.
 * Methods marked {@link PublicAccess} (core) or {@link PublicEndpoint} (contributed) need no login. Also enforces
 * the body size limit.
 */
final class AuthFilter implements ContainerRequestFilter {
    static final String CHALLENGE = "Basic realm=\"zhifa\", charset=\"UTF-8\"";

    private final Authenticator authenticator;
    private final long cacheMillis;
    private final long maxBodyBytes;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final ContributedResources contributed;

    @Context
    private ResourceInfo resourceInfo;
    @Context
    private HttpServletRequest servletRequest;

    private record Cached(Actor actor, long until) {}

    AuthFilter(Authenticator authenticator, int cacheSeconds, long maxBodyBytes, ContributedResources contributed) {
        this.authenticator = authenticator;
        this.contributed = contributed;
        this.cacheMillis = cacheSeconds * 1000L;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        limitBody(request);
        if (isPublic()) {
            return;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        Actor actor = header == null ? null : authenticate(header);
        if (actor == null) {
            request.abortWith(Response.fromResponse(ErrorBody.response(401,
                    ErrorBody.of(header == null ? "UNAUTHENTICATED" : "BAD_CREDENTIALS", null)))
                    .header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE).build());
            return;
        }
        if (!actor.isStaff()) {
            request.abortWith(ErrorBody.response(403, ErrorBody.of("NOT_STAFF", null, actor.user())));
            return;
        }
        request.setProperty(RequestActor.PROPERTY, actor);
        if (servletRequest != null) {
            servletRequest.setAttribute(RequestActor.PROPERTY, actor);
        }
    }

    private void limitBody(ContainerRequestContext request) {
        if (streamed(request)) {
            return;
        }
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            try {
                if (Long.parseLong(length.trim()) > maxBodyBytes) {
                    request.abortWith(ErrorBody.response(413, ErrorBody.of("PAYLOAD_TOO_LARGE", null, maxBodyBytes)));
                    return;
                }
            } catch (NumberFormatException e) {
                request.abortWith(ErrorBody.response(400, ErrorBody.of("BAD_REQUEST", null)));
                return;
            }
        }
        if (request.hasEntity()) {
            request.setEntityStream(new LimitedStream(request.getEntityStream(), maxBodyBytes));
        }
    }

    /** A non-JSON body sent to a {@link StreamedBody} resource, which limits its bodies itself. */
    private boolean streamed(ContainerRequestContext request) {
        MediaType type = request.getMediaType();
        if (contributed == null || (type != null && type.isCompatible(MediaType.APPLICATION_JSON_TYPE))) {
            return false;
        }
        List<PathSegment> segments = request.getUriInfo().getPathSegments();
        if (segments.size() < 2) {
            return false;
        }
        Object resource = contributed.resource(segments.get(0).getPath() + "/" + segments.get(1).getPath(),
                ContributedResources.next(segments));
        return resource != null && resource.getClass().isAnnotationPresent(StreamedBody.class);
    }

    /**
     * CXF runs this filter on the method that will answer: for a contributed resource, the method of the
     * resource the locator returned (the filters are skipped for the locator itself).
     */
    private boolean isPublic() {
        if (resourceInfo == null || resourceInfo.getResourceMethod() == null) {
            return false;
        }
        return marked(resourceInfo.getResourceMethod()) || marked(resourceInfo.getResourceClass());
    }

    private static boolean marked(java.lang.reflect.AnnotatedElement e) {
        return e != null && (e.isAnnotationPresent(PublicAccess.class) || e.isAnnotationPresent(PublicEndpoint.class));
    }

    private Actor authenticate(String header) {
        if (!header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return null;
        }
        String user = decoded.substring(0, colon);
        String password = decoded.substring(colon + 1);
        String key = digest(decoded);
        long now = System.currentTimeMillis();
        Cached hit = cache.get(key);
        if (hit != null && hit.until > now) {
            return hit.actor;
        }
        Actor actor = authenticator.authenticate(user, password.toCharArray()).orElse(null);
        if (actor != null && cacheMillis > 0) {
            if (cache.size() > 10_000) {
                cache.clear();
            }
            cache.put(key, new Cached(actor, now + cacheMillis));
        }
        return actor;
    }

    private static String digest(String s) {
        try {
            return Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Fails with 413 once more than the limit has been read (chunked bodies have no length). */
    private static final class LimitedStream extends InputStream {
        private final InputStream in;
        private final long limit;
        private long read;

        LimitedStream(InputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = in.read(buf, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > limit) {
                throw new javax.ws.rs.WebApplicationException(413);
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
