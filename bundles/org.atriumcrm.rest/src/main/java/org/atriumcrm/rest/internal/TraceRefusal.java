package org.atriumcrm.rest.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.atriumcrm.rest.api.AtriumRest;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * {@code TRACE} answered like every other refused method: 405, a problem document and an {@code Allow} with what the
 * path supports (never an echo of the request). It cannot be answered further in: Pax Web's servlet handler refuses
 * TRACE with a bare {@code sendError(405)} before any filter or servlet, and Jetty 9.4 dispatches to error pages only
 * for GET, POST and HEAD. A Jetty {@link HttpConfiguration.Customizer} runs before the server handles the request, and
 * Jetty skips the handlers of a request a customizer marked handled. Pax Web adds a customizer service to its
 * connectors' configuration as it comes, without touching the running server (a {@code Handler} service made it rebuild
 * its server during the boot).
 */
@Component(service = HttpConfiguration.Customizer.class)
public class TraceRefusal implements HttpConfiguration.Customizer {
    /** The browser application's paths take reads only. */
    static final String OUTSIDE_THE_API = "GET, HEAD";

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile OpenApiResource openApi;

    @Override
    public void customize(Connector connector, HttpConfiguration configuration, Request request) {
        if (!"TRACE".equals(request.getMethod())) {
            return;
        }
        String path = request.getRequestURI();
        String allow = allow(path);
        int status = allow.isEmpty() ? 404 : 405; // an API path that does not exist, as for any other method
        byte[] body;
        try {
            body = Json.MAPPER.writeValueAsBytes(status == 404
                    ? Problems.document(404, "not-found", "Not Found", "there is no resource at " + path, path)
                    : Problems.document(405, "method-not-allowed", "Method Not Allowed", "TRACE is not supported here; allowed: " + allow, path));
            Response response = request.getResponse();
            response.setStatus(status);
            if (status == 405) {
                response.setHeader("Allow", allow);
            }
            response.setHeader("Cache-Control", "no-store");
            response.setContentType(AtriumRest.PROBLEM_JSON + ";charset=UTF-8");
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        request.setHandled(true);
    }

    String allow(String path) {
        if (path == null || !path.startsWith("/" + AtriumRest.BASE + "/")) {
            return OUTSIDE_THE_API;
        }
        OpenApiResource document = openApi;
        List<String> methods = document == null ? List.of() : document.allowedMethods(path);
        return methods.isEmpty() ? "" : AllowedMethods.header(methods);
    }
}
