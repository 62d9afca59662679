package org.zhifa.evidence.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhifa.api.common.Actor;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.evidence.EvidenceItem;
import org.zhifa.api.evidence.EvidenceService;

import com.vaadin.server.DownloadStream;
import com.vaadin.server.StreamResource;
import com.vaadin.server.VaadinRequest;
import com.vaadin.server.VaadinResponse;

/**
 * An evidence item's content for the console session (which has no HTTP Basic credentials for REST):
 * streamed from the store by {@link EvidenceService#copy} straight into the response, as the logged-in
 * user, with single HTTP ranges so a video plays and seeks in the browser. {@code inline} opens it in the
 * browser (play), otherwise it is a download.
 */
final class EvidenceDownload extends StreamResource {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(EvidenceDownload.class);
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    private final transient EvidenceService evidence;
    private final Actor actor;
    private final EvidenceItem item;
    private final boolean inline;

    EvidenceDownload(EvidenceService evidence, Actor actor, EvidenceItem item, boolean inline) {
        super(() -> null, item.fileName());
        this.evidence = evidence;
        this.actor = actor;
        this.item = item;
        this.inline = inline;
        setMIMEType(item.mediaType());
        setCacheTime(0);
    }

    @Override
    public DownloadStream getStream() {
        DownloadStream s = new DownloadStream(null, getMIMEType(), getFilename()) {
            private static final long serialVersionUID = 1L;

            @Override
            public void writeResponse(VaadinRequest request, VaadinResponse response) throws IOException {
                write(request, response);
            }
        };
        s.setParameter(DownloadStream.CONTENT_DISPOSITION, disposition());
        return s;
    }

    private String disposition() {
        return (inline ? "inline" : "attachment") + "; filename*=UTF-8''"
                + URLEncoder.encode(item.fileName(), StandardCharsets.UTF_8).replace("+", "%20");
    }

    private void write(VaadinRequest request, VaadinResponse response) throws IOException {
        // purged or gone since the page was drawn: say so before any header is sent
        boolean there;
        try {
            there = evidence.find(item.id(), actor).filter(i -> !i.purged()).isPresent();
        } catch (ZhifaException e) {
            there = false;
        }
        if (!there) {
            response.setStatus(404);
            return;
        }
        long size = item.size();
        long from = 0;
        long to = size - 1;
        String range = request.getHeader("Range");
        boolean partial = false;
        if (range != null) {
            Matcher m = RANGE.matcher(range.trim());
            long[] r = m.matches() ? range(m, size) : null;
            if (r == null) {
                response.setStatus(416);
                response.setHeader("Content-Range", "bytes */" + size);
                return;
            }
            from = r[0];
            to = r[1];
            partial = true;
        }
        response.setStatus(partial ? 206 : 200);
        response.setContentType(item.mediaType());
        response.setHeader("Accept-Ranges", "bytes");
        response.setHeader("Content-Disposition", disposition());
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", "sandbox");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength((int) Math.min(Integer.MAX_VALUE, to - from + 1));
        if (to - from + 1 > Integer.MAX_VALUE) {
            response.setHeader("Content-Length", Long.toString(to - from + 1));
        }
        if (partial) {
            response.setHeader("Content-Range", "bytes " + from + "-" + to + "/" + size);
        }
        try (OutputStream out = response.getOutputStream()) {
            evidence.copy(item.id(), from, to, out, actor);
        } catch (ZhifaException e) {
            // headers may be gone already; the log says why the browser got less
            LOG.warn("evidence {} not sent: {}", item.id(), e.messageEn());
        } catch (java.io.UncheckedIOException e) {
            LOG.debug("evidence {}: the browser went away", item.id(), e);
        }
    }

    /** [from, to] of a single satisfiable range, or null. */
    private static long[] range(Matcher m, long size) {
        try {
            long from;
            long to = size - 1;
            if (m.group(1).isEmpty()) {
                if (m.group(2).isEmpty()) {
                    return null;
                }
                long suffix = Long.parseLong(m.group(2));
                if (suffix == 0) {
                    return null;
                }
                from = Math.max(0, size - suffix);
            } else {
                from = Long.parseLong(m.group(1));
                if (!m.group(2).isEmpty()) {
                    to = Math.min(size - 1, Long.parseLong(m.group(2)));
                }
            }
            return from >= size || from > to ? null : new long[] {from, to};
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
