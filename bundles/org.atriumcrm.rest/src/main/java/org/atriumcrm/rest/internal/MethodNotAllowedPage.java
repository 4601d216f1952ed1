package org.atriumcrm.rest.internal;

import java.io.IOException;
import java.util.List;

import javax.servlet.RequestDispatcher;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.atriumcrm.rest.api.AtriumRest;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The error page of the servlet container's own 405s, which never reach JAX-RS: Pax Web refuses {@code TRACE} in its
 * servlet handler, before any filter or servlet, with a bare {@code sendError(405)}. Jetty then dispatches to the
 * context's error page for 405, and this page gives that answer what every other 405 of the API has: a problem
 * document and an {@code Allow} that lists what the path supports. An error page rather than a Jetty handler in
 * front of the servlets: adding a handler to the running server made Pax Web rebuild it during the boot.
 */
@Component(service = Servlet.class, property = {
    "osgi.http.whiteboard.servlet.errorPage=405",
    "osgi.http.whiteboard.servlet.name=atrium-method-not-allowed",
    "osgi.http.whiteboard.context.select=(osgi.http.whiteboard.context.name=default)"})
public class MethodNotAllowedPage extends HttpServlet {
    private static final long serialVersionUID = 1L;
    /** The browser application's paths take reads only. */
    static final String OUTSIDE_THE_API = "GET, HEAD";

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    transient volatile OpenApiResource openApi;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri == null ? request.getRequestURI() : uri.toString();
        String allow = allow(path);
        response.setStatus(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
        response.setHeader("Allow", allow);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType(AtriumRest.PROBLEM_JSON + ";charset=UTF-8");
        byte[] body = Json.MAPPER.writeValueAsBytes(Problems.document(405, "method-not-allowed", "Method Not Allowed",
                request.getMethod() + (allow.isEmpty() ? " is not supported here" : " is not supported here; allowed: " + allow), path));
        response.setContentLength(body.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(body);
        }
    }

    private String allow(String path) {
        if (!path.startsWith("/" + AtriumRest.BASE + "/")) {
            return OUTSIDE_THE_API;
        }
        OpenApiResource document = openApi;
        List<String> methods = document == null ? List.of() : document.allowedMethods(path);
        return methods.isEmpty() ? "" : AllowedMethods.header(methods);
    }
}
