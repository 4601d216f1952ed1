package org.atriumcrm.http.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.AbstractHandler;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * {@code TRACE} under {@code /api}: 405 as an {@code application/problem+json} with the methods the path supports in
 * {@code Allow}, like every other refused method of the API. Pax Web refuses TRACE itself (a bare 405 without
 * {@code Allow}) before any filter, servlet or error page runs, even on the error dispatch, so this answer has to come
 * from a Jetty handler in front of the servlet contexts. Everything else passes through untouched.
 * <p>
 * Pax Web puts a {@link Handler} service with a positive ranking in front of the contexts. It takes such a service only
 * once its Jetty bundle is active (one already there when that bundle starts makes its activator fail), and then
 * rebuilds its HTTP server: so the feature starts this bundle at level 31, right after Pax Web (30) and long before
 * any servlet of ours exists.
 */
@Component(service = Handler.class, property = "service.ranking:Integer=100")
public final class TraceRefusal extends AbstractHandler {
    static final String API = "/api/";

    private final Function<String, String> allowed;

    @Activate
    public TraceRefusal(BundleContext context) {
        this(new AllowedMethodsLookup(context));
    }

    TraceRefusal(Function<String, String> allowed) {
        this.allowed = allowed;
    }

    @Override
    public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI();
        if (!"TRACE".equals(request.getMethod()) || path == null || !path.startsWith(API) || baseRequest.isHandled()) {
            return;
        }
        String allow = allowed.apply(path);
        if (allow == null) {
            return; // the API is not up: Pax Web's own refusal stands
        }
        byte[] body = problem(path, allow).getBytes(StandardCharsets.UTF_8);
        response.setStatus(405);
        response.setHeader("Allow", allow);
        response.setContentType("application/problem+json;charset=UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        baseRequest.setHandled(true);
    }

    /** The problem document the API's ProblemMapper writes for a 405 (no JSON library here: two strings to escape). */
    static String problem(String path, String allow) {
        String detail = allow.isEmpty() ? "this API has no resource at " + path
                : "this resource does not support that method; allowed: " + allow;
        return "{\"type\":\"https://atriumcrm.org/problems/method-not-allowed\",\"title\":\"Method Not Allowed\",\"status\":405,"
                + "\"detail\":" + json(detail) + ",\"instance\":" + json(path) + "}";
    }

    static String json(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
