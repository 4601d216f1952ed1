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
    /** Each entry served, read and gzipped once for the bundle's life. */
    private final transient UiBodies bodies = new UiBodies();

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
        UiBodies.Body body = target.isIndex() ? bodies.cached(target.entry(), target.contentType(), () -> page.html().getBytes(StandardCharsets.UTF_8))
                : bodies.cached(target.entry(), target.contentType(), () -> read(bundle, target.entry()));
        if (body == null) {
            plain(response, HttpServletResponse.SC_NOT_FOUND, "not found");
            return;
        }
        send(request, response, target, body, "HEAD".equals(method));
    }

    private static byte[] read(Bundle bundle, String path) throws IOException {
        URL entry = bundle.getEntry(path);
        if (entry == null || path.endsWith("/")) {
            return null;
        }
        try (InputStream in = entry.openStream()) {
            return in.readAllBytes();
        }
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

    static void send(HttpServletRequest request, HttpServletResponse response, UiResources.Target target, byte[] body,
            boolean head) throws IOException {
        send(request, response, target, UiBodies.Body.of(target.contentType(), body), head);
    }

    static void send(HttpServletRequest request, HttpServletResponse response, UiResources.Target target, UiBodies.Body answer,
            boolean head) throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(target.contentType());
        response.setHeader("Cache-Control", target.cacheControl());
        response.setHeader("Vary", "Accept-Encoding");
        byte[] body = answer.raw();
        if (answer.gzipped() != null && acceptsGzip(request.getHeader("Accept-Encoding"))) {
            body = answer.gzipped();
            response.setHeader("Content-Encoding", "gzip");
        }
        response.setContentLength(body.length);
        if (!head) {
            try (OutputStream out = response.getOutputStream()) {
                out.write(body);
            }
        }
    }

    /**
     * Text worth compressing: the application's modules and styles are some 400 KB, a fifth of it gzipped, and a
     * phone on a slow network pays for every byte of the first load. (Pax Web's Jetty has no compression
     * configured, and a Jetty handler service makes it rebuild its server; the JDK's gzip does it here.)
     */
    static boolean compressible(String contentType, byte[] body) {
        return body.length > 1024 && contentType != null && (contentType.startsWith("text/")
                || contentType.startsWith("application/javascript") || contentType.startsWith("application/json")
                || contentType.startsWith("image/svg+xml"));
    }

    /** Whether an {@code Accept-Encoding} header takes gzip (and does not refuse it with {@code q=0}). */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String coding : acceptEncoding.split(",")) {
            String[] parts = coding.trim().split(";");
            if (parts[0].trim().equalsIgnoreCase("gzip")) {
                for (int i = 1; i < parts.length; i++) {
                    String param = parts[i].trim().replace(" ", "");
                    if (param.matches("q=0(\\.0*)?")) {
                        return false;
                    }
                }
                return true;
            }
        }
        return false;
    }

    static byte[] gzip(byte[] body) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(body.length / 3);
        try (java.util.zip.GZIPOutputStream zip = new java.util.zip.GZIPOutputStream(out)) {
            zip.write(body);
        }
        return out.toByteArray();
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
