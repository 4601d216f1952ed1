package org.atriumcrm.security.internal;

import java.net.URI;
import java.util.Set;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.CookieParam;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.api.security.WebSession;
import org.atriumcrm.rest.api.AtriumRest;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code /api/v1/session}: the web UI's login. A browser gets an {@code HttpOnly} cookie that JavaScript cannot read,
 * and a CSRF token that only a page of our own origin can read, for the {@code X-CSRF-Token} header of its writes.
 * {@code POST} is the one unauthenticated operation here (the authentication filter lets it through); the password
 * check, lockout and login audit are the ones of HTTP Basic.
 */
@Component(service = SessionResource.class)
@JaxrsResource
@JaxrsApplicationSelect(AtriumRest.APPLICATION_SELECT)
@JaxrsExtensionSelect({AtriumRest.REQUIRE_JSON, AtriumRest.REQUIRE_AUTHENTICATION})
@Path("v1/session")
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {
    /** The login event's source, so that the audit tells a form login from an API client's Basic authentication. */
    static final String SOURCE = "web-session";
    private static final Set<String> LOGIN_MEMBERS = Set.of("loginName", "password");

    @Reference
    UserService users;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response logIn(JsonNode body, @Context HttpServletRequest request,
            @HeaderParam("X-Forwarded-Proto") String forwardedProto) {
        JsonBody login = JsonBody.of(body, "a login", LOGIN_MEMBERS);
        String loginName = login.text("loginName", true, 200);
        JsonNode pw = body.get("password");
        if (pw == null || pw.isNull() || pw.isTextual() && pw.textValue().isEmpty()) {
            login.error("password", "is required");
        } else if (!pw.isTextual()) {
            login.error("password", "must be a string");
        }
        login.check();
        String address = request == null ? null : request.getRemoteAddr();
        Caller caller = users.logIn(loginName, pw.textValue(), address == null ? SOURCE : SOURCE + " " + address)
                .orElseThrow(SessionResource::refused);
        UserService.IssuedSession issued = users.startSession(caller);
        return Response.created(URI.create("v1/session"))
                .header(HttpHeaders.SET_COOKIE, cookie(issued.secret(), secure(request, forwardedProto), false))
                .entity(json(issued.session())).build();
    }

    /** The session the cookie names, with its CSRF token again (a reloaded page has lost it). */
    @GET
    public ObjectNode current(@CookieParam(AtriumRest.SESSION_COOKIE) String token) {
        return json(users.authenticateSession(token).orElseThrow(SessionResource::noSession));
    }

    /** Logs out: the session is deleted on the server, so a copy of the cookie is worthless too. */
    @DELETE
    public Response logOut(@CookieParam(AtriumRest.SESSION_COOKIE) String token, @Context SecurityContext security,
            @Context HttpServletRequest request, @HeaderParam("X-Forwarded-Proto") String forwardedProto) {
        if (security != null && security.getUserPrincipal() instanceof Caller caller) {
            users.endSession(token, caller.userId());
        }
        return Response.noContent().header(HttpHeaders.SET_COOKIE, cookie("", secure(request, forwardedProto), true)).build();
    }

    /** Over HTTPS, directly or behind a proxy that ends TLS and says so. */
    static boolean secure(HttpServletRequest request, String forwardedProto) {
        return request != null && request.isSecure() || forwardedProto != null && "https".equalsIgnoreCase(forwardedProto.strip());
    }

    /**
     * The cookie, by hand: JAX-RS 2.1's {@code NewCookie} cannot say {@code SameSite}. Strict: a link from another site
     * arrives without it, so no other site can make a logged-in browser do anything. No {@code Max-Age} on login: the
     * browser forgets it when it closes; the server ends it after the idle time or the lifetime anyway.
     */
    static String cookie(String value, boolean secure, boolean clear) {
        return AtriumRest.SESSION_COOKIE + "=" + value + "; Path=/; HttpOnly; SameSite=Strict" + (clear ? "; Max-Age=0" : "")
                + (secure ? "; Secure" : "");
    }

    private ObjectNode json(WebSession session) {
        UserAccount user = users.user(session.caller().userId()).orElseThrow(SessionResource::noSession);
        ObjectNode json = MeResource.userJson(user);
        ObjectNode answer = json.objectNode();
        answer.set("user", json);
        answer.put("csrfToken", session.csrfToken());
        answer.put("expiresAt", session.expiresAt().toString());
        return answer;
    }

    /** The answer HTTP Basic gives to a wrong password or a locked account: one problem for both, no oracle. */
    private static AtriumException refused() {
        return new AtriumException(401, "unauthenticated", "Unauthorized", "wrong login name or password, or the account is locked", null)
                .localized("login-refused");
    }

    private static AtriumException noSession() {
        return new AtriumException(401, "unauthenticated", "Unauthorized", "no live session: log in with POST /api/v1/session", null)
                .localized("no-session");
    }
}
