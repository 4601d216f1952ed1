package org.atriumcrm.rest.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Principal;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Cookie;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.SecurityContext;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.security.Authenticator;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.api.security.WebSession;
import org.atriumcrm.rest.api.AtriumRest;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Authenticates every request to {@code /api} (HTTP Basic, a bearer API token, or the web UI's session cookie) before any resource is
 * matched, so an anonymous caller learns nothing, not even which URLs exist; and caps request bodies (413).
 * Only the OpenAPI document, the health probe and {@code /api/v1/public/...} are public; {@code /api/v1/admin/...} is for administrators.
 */
@Component(service = ContainerRequestFilter.class, configurationPid = "org.atriumcrm.rest")
@Designate(ocd = RestConfig.class)
@JaxrsExtension
@JaxrsName(AtriumRest.AUTH_EXTENSION)
@JaxrsApplicationSelect(AtriumRest.APPLICATION_SELECT)
@PreMatching
public class AuthenticationFilter implements ContainerRequestFilter {
    static final Set<String> PUBLIC_PATHS = Set.of("openapi.json", "v1/health");
    private static final Set<String> BODY_METHODS = Set.of("POST", "PUT", "PATCH");
    /** The modules' public endpoints (web forms): they check their own keys; everything else needs credentials. */
    static final String PUBLIC_PREFIX = "v1/public/";
    static final String REALM = "Basic realm=\"Atrium CRM\", charset=\"UTF-8\"";
    static final String SESSION_CHALLENGE = "Session realm=\"Atrium CRM\"";
    static final String SESSION_PATH = "v1/session";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final Authenticator authenticator;
    private volatile long maxBodyBytes;
    private volatile long maxPluginBytes;
    private volatile long maxImportBytes;
    private volatile long maxFileBytes;

    @Activate
    public AuthenticationFilter(@Reference Authenticator authenticator, RestConfig config) {
        this.authenticator = authenticator;
        modified(config);
    }

    @Modified
    void modified(RestConfig config) {
        this.maxBodyBytes = config.maxBodyBytes();
        this.maxPluginBytes = config.maxPluginBytes();
        this.maxImportBytes = config.maxImportBytes();
        this.maxFileBytes = config.maxFileBytes();
    }

    /** The servlet request, for the client address recorded with each login (CXF injects a thread-local proxy). */
    @Context
    HttpServletRequest servletRequest;

    /** Under the public prefix, with no dot-segments, encodings or matrix parameters that could lead elsewhere. */
    static boolean isPublicEndpoint(String rawPath) {
        return rawPath.startsWith(PUBLIC_PREFIX) && rawPath.matches("[A-Za-z0-9/_.-]*") && !rawPath.contains("..")
                && !rawPath.contains("//");
    }

    @Override
    public void filter(ContainerRequestContext request) {
        typeUntypedBody(request);
        String accept = request.getHeaderString(HttpHeaders.ACCEPT);
        String widened = widenedAccept(accept);
        if (!java.util.Objects.equals(widened, accept)) {
            request.getHeaders().putSingle(HttpHeaders.ACCEPT, widened);
            // CXF matches against its copy of Accept kept as a message property ("Accept"), which this property sets
            request.setProperty(HttpHeaders.ACCEPT, widened);
        }
        String path = apiPath(request.getUriInfo().getRequestUri());
        if (!PUBLIC_PATHS.contains(path) && !isPublicEndpoint(path) && !isLogin(request.getMethod(), path)) {
            String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
            Cookie session = request.getCookies().get(AtriumRest.SESSION_COOKIE);
            Caller caller = authorization == null && session != null ? sessionCaller(request, session.getValue())
                    : authenticate(authorization).orElseThrow(() -> new AtriumException(401, "unauthenticated", "Unauthorized",
                            "valid credentials are required: HTTP Basic, an API token as 'Authorization: Bearer <token>'"
                                    + " or the cookie of POST /api/v1/session", null).localized("unauthenticated"));
            if (path.startsWith("v1/admin/") && !caller.administrator()) {
                throw new AtriumException(403, "administrators-only", "Forbidden",
                        "the administration API is for administrators; " + caller.loginName() + " is not one", null)
                        .localized("administrators-only", caller.loginName());
            }
            boolean secure = request.getSecurityContext() != null && request.getSecurityContext().isSecure();
            request.setSecurityContext(new CallerContext(caller, secure));
        }
        // files are streamed to disk by the endpoints that take them; everything else is parsed in memory
        limitBody(request, path.startsWith("v1/admin/plugins") ? maxPluginBytes
                : path.equals("v1/imports") || path.startsWith("v1/imports/") ? maxImportBytes
                : isFileUpload(request) ? maxFileBytes : maxBodyBytes);
    }

    /**
     * A request without {@code Content-Type}: CXF matches it against any {@code @Consumes} and then reads its body as
     * {@code application/octet-stream}, for which a JSON operation has no reader: a 415 with an ERROR in the log, for
     * the client's mistake. So the type is said before matching (CXF matches with the header as a pre-matching filter
     * left it): a body of unknown type is octet-stream (as RFC 9110 lets a recipient assume), which a JSON operation
     * refuses (415) and a file upload takes; no body at all is an empty JSON body, which a JSON operation refuses as
     * empty (400) and an operation without a body ignores.
     */
    static void typeUntypedBody(ContainerRequestContext request) {
        String type = request.getHeaderString(HttpHeaders.CONTENT_TYPE); // CXF has the header, empty, when it was not sent
        if (type != null && !type.isBlank() || !BODY_METHODS.contains(request.getMethod())) {
            return;
        }
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        boolean body = request.getHeaderString("Transfer-Encoding") != null
                || length != null && !length.isBlank() && !length.strip().equals("0");
        request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE,
                body ? javax.ws.rs.core.MediaType.APPLICATION_OCTET_STREAM : javax.ws.rs.core.MediaType.APPLICATION_JSON);
    }

    /** A record's file ({@code PUT .../{id}/<file>} with a body that is not JSON): the module streams it to disk. */
    static boolean isFileUpload(ContainerRequestContext request) {
        javax.ws.rs.core.MediaType type = request.getMediaType();
        return "PUT".equals(request.getMethod()) && type != null && !type.getSubtype().toLowerCase(java.util.Locale.ROOT).contains("json");
    }

    /**
     * A generated client asks for {@code application/problem+json} alone where the document declares no success
     * body (a DELETE's 204): JAX-RS would answer 406 to a resource producing JSON before it ever ran, so such an
     * Accept also takes JSON. A body-less answer is unaffected; errors stay problem+json either way.
     */
    static String widenedAccept(String accept) {
        if (accept == null || !accept.toLowerCase(java.util.Locale.ROOT).contains(AtriumRest.PROBLEM_JSON)) {
            return accept;
        }
        for (String range : accept.split(",")) {
            String type = range.split(";")[0].strip().toLowerCase(java.util.Locale.ROOT);
            if (type.equals("application/json") || type.equals("*/*") || type.equals("application/*")) {
                return accept;
            }
        }
        return accept + ", application/json;q=0.1";
    }

    /** The path under {@code /api}, whichever Atrium application (platform or module) received the request. */
    static String apiPath(java.net.URI requestUri) {
        return requestUri.getRawPath().replaceFirst("^/+" + AtriumRest.BASE + "/+", "");
    }

    /** The login itself is the one operation of the session endpoint that needs no credentials. */
    static boolean isLogin(String method, String path) {
        return "POST".equals(method) && SESSION_PATH.equals(path);
    }

    /**
     * A browser session: the cookie authenticates, and because a browser sends it with any request to us, whatever page
     * caused it, a write must also prove that it comes from our own page, which alone can read the CSRF token.
     */
    private Caller sessionCaller(ContainerRequestContext request, String token) {
        WebSession session = authenticator.authenticateSession(token).orElseThrow(() -> new AtriumException(401,
                "unauthenticated", "Unauthorized", "the session has ended (logged out, idle too long or expired): log in again", null).localized("session-ended"));
        if (!SAFE_METHODS.contains(request.getMethod()) && !sameToken(session.csrfToken(), request.getHeaderString(AtriumRest.CSRF_HEADER))) {
            throw new AtriumException(403, "csrf", "Forbidden", "a " + request.getMethod() + " authenticated by the session cookie needs the header "
                    + AtriumRest.CSRF_HEADER + " with the session's csrfToken (from POST or GET /api/v1/session)", null)
                    .localized("csrf", request.getMethod(), AtriumRest.CSRF_HEADER);
        }
        return session.caller();
    }

    static boolean sameToken(String expected, String presented) {
        return presented != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The challenge of a 401. A browser answers {@code Basic} with its own login prompt, also for a script's request,
     * and holds the request open behind it: the web UI (its session endpoint, a request with the session cookie, or a
     * script's request without credentials) gets a scheme no browser prompts for, so that its own login page can take
     * over.
     */
    static String challenge(String path, String authorization, boolean sessionCookie, boolean fromScript) {
        return SESSION_PATH.equals(path) || authorization == null && (sessionCookie || fromScript) ? SESSION_CHALLENGE : REALM;
    }

    private Optional<Caller> authenticate(String authorization) {
        if (authorization == null) {
            return Optional.empty();
        }
        int space = authorization.indexOf(' ');
        if (space < 0) {
            return Optional.empty();
        }
        String scheme = authorization.substring(0, space);
        String credentials = authorization.substring(space + 1).strip();
        if ("Basic".equalsIgnoreCase(scheme)) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException notBase64) {
                return Optional.empty();
            }
            int colon = decoded.indexOf(':');
            return colon < 0 ? Optional.empty()
                    : authenticator.authenticatePassword(decoded.substring(0, colon), decoded.substring(colon + 1), clientAddress());
        }
        if ("Bearer".equalsIgnoreCase(scheme)) {
            return authenticator.authenticateToken(credentials);
        }
        return Optional.empty();
    }

    private String clientAddress() {
        try {
            return servletRequest == null ? null : servletRequest.getRemoteAddr();
        } catch (RuntimeException outsideRequest) {
            return null;
        }
    }

    private void limitBody(ContainerRequestContext request, long limit) {
        if (request.getLength() > limit) {
            throw tooLarge(limit);
        }
        request.setEntityStream(new LimitedInputStream(request.getEntityStream(), limit));
    }

    static AtriumException tooLarge(long limit) {
        return new AtriumException(413, "payload-too-large", "Payload too large",
                "the request body is larger than the limit of " + limit + " bytes", null).localized("payload-too-large", limit)
                .with("limit", limit);
    }

    /** Counts bytes as they are read, for bodies sent without a Content-Length (chunked). */
    static final class LimitedInputStream extends FilterInputStream {
        private final long limit;
        private long count;

        LimitedInputStream(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
            int n = super.read(buffer, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(long n) {
            count += n;
            if (count > limit) {
                throw tooLarge(limit);
            }
        }
    }

    private record CallerContext(Caller caller, boolean secure) implements SecurityContext {
        @Override
        public Principal getUserPrincipal() {
            return caller;
        }

        @Override
        public boolean isUserInRole(String role) {
            return false; // roles arrive with the security model
        }

        @Override
        public boolean isSecure() {
            return secure;
        }

        @Override
        public String getAuthenticationScheme() {
            return SecurityContext.BASIC_AUTH;
        }
    }
}
