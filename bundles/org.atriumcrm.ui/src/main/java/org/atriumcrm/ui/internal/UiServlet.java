package org.atriumcrm.ui.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Serves the browser application at {@code /}: {@code index.html} for {@code /}, our modules under {@code /app/},
 * the webjars' files under {@code /vendor/}. Only these paths: the JAX-RS whiteboard's CXF servlet holds {@code /*}
 * of the root context and serves {@code /api} through it (taking {@code /*} over cut the API off), so the UI
 * claims its two prefixes, which the servlet rules prefer to {@code /*}; Pax Web accepts no exact-root pattern
 * ({@code ""}), so {@link UiRootFilter} answers {@code /}.
 */
@Component(service = Servlet.class, property = {
    "osgi.http.whiteboard.servlet.pattern=/index.html",
    "osgi.http.whiteboard.servlet.pattern=/app/*",
    "osgi.http.whiteboard.servlet.pattern=/vendor/*",
    "osgi.http.whiteboard.servlet.name=atrium-ui",
    "osgi.http.whiteboard.context.select=(osgi.http.whiteboard.context.name=default)"})
public class UiServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient Bundle bundle;
    private final transient UiPage page;

    @Activate
    public UiServlet(BundleContext context) throws IOException {
        this.bundle = context.getBundle();
        this.page = UiPage.load(bundle);
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!readable(page, request, response)) {
            return;
        }
        String method = request.getMethod();
        String path = request.getPathInfo() == null ? request.getServletPath() : request.getServletPath() + request.getPathInfo();
        UiResources.Target target = UiResources.resolve(path);
        if (target == null) {
            plain(response, HttpServletResponse.SC_NOT_FOUND, "not found");
            return;
        }
        if (target.isIndex()) {
            send(response, target, page.html().getBytes(StandardCharsets.UTF_8), "HEAD".equals(method));
            return;
        }
        URL entry = bundle.getEntry(target.entry());
        if (entry == null || target.entry().endsWith("/")) {
            plain(response, HttpServletResponse.SC_NOT_FOUND, "not found");
            return;
        }
        byte[] body;
        try (InputStream in = entry.openStream()) {
            body = in.readAllBytes();
        }
        send(response, target, body, "HEAD".equals(method));
    }

    /**
     * Sets the page's policy on the answer (every one, 404s and 405s included: nothing here is ever framed or
     * sniffed) and answers 405 to anything but GET and HEAD; true when the request may be served.
     */
    static boolean readable(UiPage page, HttpServletRequest request, HttpServletResponse response) throws IOException {
        page.securityHeaders().forEach(response::setHeader);
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            response.setHeader("Allow", "GET, HEAD");
            plain(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "method not allowed");
            return false;
        }
        return true;
    }

    static void send(HttpServletResponse response, UiResources.Target target, byte[] body, boolean head) throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(target.contentType());
        response.setHeader("Cache-Control", target.cacheControl());
        response.setContentLength(body.length);
        if (!head) {
            try (OutputStream out = response.getOutputStream()) {
                out.write(body);
            }
        }
    }

    static void plain(HttpServletResponse response, int status, String text) throws IOException {
        byte[] body = (text + "\n").getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("text/plain;charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        try (OutputStream out = response.getOutputStream()) {
            out.write(body);
        }
    }
}
