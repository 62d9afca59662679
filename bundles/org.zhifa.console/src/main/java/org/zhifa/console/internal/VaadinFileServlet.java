package org.zhifa.console.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLConnection;
import java.util.Map;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.HttpWhiteboardConstants;

import com.vaadin.server.VaadinServlet;

/**
 * Serves Vaadin's single-file resources in Vaadin's whiteboard context ({@code /vaadin-<version>}):
 * Pax Web 8 answers 404 for whiteboard resources registered with an exact path, which is how
 * vaadin-server publishes {@code vaadinBootstrap.js}. Ranked above that registration.
 */
@Component(service = Servlet.class, property = {
        HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN + "=" + VaadinFileServlet.BOOTSTRAP,
        HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_NAME + "=zhifa-console-vaadin-files",
        HttpWhiteboardConstants.HTTP_WHITEBOARD_CONTEXT_SELECT + "=("
                + HttpWhiteboardConstants.HTTP_WHITEBOARD_CONTEXT_NAME + "=" + VaadinFileServlet.VAADIN_CONTEXT + ")",
        Constants.SERVICE_RANKING + ":Integer=100"})
public class VaadinFileServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final String VAADIN_CONTEXT = "com.vaadin";
    static final String BOOTSTRAP = "/VAADIN/vaadinBootstrap.js";

    /** Path in the servlet context → resource in the vaadin-server bundle. */
    private static final Map<String, String> FILES = Map.of(BOOTSTRAP, "VAADIN/vaadinBootstrap.js");

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getServletPath() + (req.getPathInfo() == null ? "" : req.getPathInfo());
        String resource = FILES.get(path);
        URL url = resource == null ? null : VaadinServlet.class.getClassLoader().getResource(resource);
        if (url == null) {
            resp.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        URLConnection connection = url.openConnection();
        resp.setContentType("application/javascript;charset=UTF-8");
        // The URL carries the Vaadin version, so the file never changes under it.
        resp.setHeader("Cache-Control", "max-age=3600");
        long length = connection.getContentLengthLong();
        if (length >= 0) {
            resp.setContentLengthLong(length);
        }
        try (InputStream in = connection.getInputStream(); OutputStream out = resp.getOutputStream()) {
            in.transferTo(out);
        }
    }
}
