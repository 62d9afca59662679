package org.zhifa.console.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhifa.api.common.Actor;
import org.zhifa.api.common.ZhifaException;

import com.vaadin.server.DownloadStream;
import com.vaadin.server.StreamResource;
import com.vaadin.ui.UI;

/**
 * A document of a case as PDF (shown inline) or DOCX (downloaded), rendered when the browser asks for it.
 * A refusal (e.g. UNAVAILABLE while no document engine is installed) becomes a red notification in the
 * console tab, and for a preview a small page with the same message where the document would have been.
 */
final class DocumentResource extends StreamResource {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(DocumentResource.class);
    static final String PDF = "application/pdf";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private final transient CaseConsole console;
    private final Actor actor;
    private final Messages m;
    private final UI ui;
    private final long caseId;
    private final String documentId;
    private final String format;

    DocumentResource(CaseConsole console, Actor actor, Messages m, UI ui, long caseId, String documentId,
                     String format) {
        super(() -> null, documentId + "." + format);
        this.console = console;
        this.actor = actor;
        this.m = m;
        this.ui = ui;
        this.caseId = caseId;
        this.documentId = documentId;
        this.format = format;
        setMIMEType("pdf".equals(format) ? PDF : DOCX);
        setCacheTime(0);
    }

    @Override
    public DownloadStream getStream() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String message;
        try {
            console.cases().renderDocument(caseId, documentId, format, out, actor);
            DownloadStream s = new DownloadStream(new ByteArrayInputStream(out.toByteArray()), getMIMEType(),
                    getFilename());
            s.setParameter(DownloadStream.CONTENT_DISPOSITION, ("pdf".equals(format) ? "inline" : "attachment")
                    + "; filename=\"" + getFilename() + "\"");
            s.setCacheTime(0);
            return s;
        } catch (ZhifaException e) {
            message = m.error(e);
        } catch (RuntimeException e) {
            LOG.error("rendering {} of case {} failed", documentId, caseId, e);
            message = m.get("error.unexpected");
        }
        String shown = message;
        // the request holds the session lock; the console tab shows this at its next poll
        ui.access(() -> Notifications.error(ui.getPage(), shown));
        if (!"pdf".equals(format)) {
            // a download frame shows nothing: no stream, no file; the notification says why
            return new DownloadStream(null, getMIMEType(), getFilename());
        }
        String html = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + escape(documentId)
                + "</title></head><body><p id=\"document-error\" style=\"color:#b71c1c\">" + escape(message)
                + "</p></body></html>";
        DownloadStream s = new DownloadStream(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)),
                "text/html; charset=utf-8", documentId + ".html");
        s.setParameter(DownloadStream.CONTENT_DISPOSITION, "inline");
        s.setCacheTime(0);
        return s;
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
