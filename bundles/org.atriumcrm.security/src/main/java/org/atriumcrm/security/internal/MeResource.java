package org.atriumcrm.security.internal;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.CookieParam;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PATCH;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.error.FieldError;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.rest.api.AtriumRest;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code /api/v1/me}: the caller's own account and personal API tokens. */
@Component(service = MeResource.class)
@JaxrsResource
@JaxrsApplicationSelect(AtriumRest.APPLICATION_SELECT)
@JaxrsExtensionSelect({AtriumRest.REQUIRE_JSON, AtriumRest.REQUIRE_AUTHENTICATION})
@Path("v1/me")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @Reference
    UserService users;

    @Reference
    SecurityAdmin admin;

    @GET
    public ObjectNode me(@Context SecurityContext security) {
        Caller caller = caller(security);
        return userJson(users.user(caller.userId()).orElseThrow(() -> AtriumException.notFound("no such user")));
    }

    /**
     * The caller changes their own details — display name, e-mail, mobile, language (the web UI's language), time
     * zone — with the checks an administrator's change has; status, role and profiles stay an administrator's.
     */
    @PATCH
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    public ObjectNode update(JsonNode json, @Context SecurityContext security) {
        JsonBody body = JsonBody.of(json, "your account", UsersResource.OWN_DETAILS);
        UsersResource.Details details = UsersResource.details(body);
        body.check();
        Caller caller = caller(security);
        UserAccount updated = admin.tx(em -> {
            UserAccount u = SecurityAdmin.find(em, UserAccount.class, caller.userId(), "user");
            UsersResource.applyOwn(u, body, details);
            u.touch(Instant.now(), caller);
            admin.audit(em, caller, "user", u.getId(), "updated own details", json.toString());
            return u;
        });
        users.forget(updated.getId());
        return userJson(updated);
    }

    /** The caller as {@code GET /api/v1/me} shows them (and the session endpoint, for the page's first screen). */
    static ObjectNode userJson(UserAccount user) {
        ObjectNode json = JSON.objectNode();
        json.put("id", user.getId());
        json.put("loginName", user.getLoginName());
        json.put("displayName", user.getDisplayName());
        json.put("email", user.getEmail());
        json.put("mobile", user.getMobile());
        json.put("language", user.getLanguage());
        json.put("timeZone", user.getTimeZone());
        json.put("status", user.getStatus());
        json.put("administrator", user.isAdministrator());
        return json;
    }

    @GET
    @Path("tokens")
    public ObjectNode tokens(@Context SecurityContext security) {
        ObjectNode json = JSON.objectNode();
        var items = json.putArray("items");
        users.tokensOf(caller(security).userId()).forEach(t -> items.add(token(t)));
        return json;
    }

    @POST
    @Path("tokens")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response issue(JsonNode body, @Context SecurityContext security) {
        if (body == null || !body.isObject()) {
            throw AtriumException.badRequest("the request body must be a JSON object {\"name\": ..., \"expiresAt\": ...}");
        }
        List<FieldError> errors = new ArrayList<>();
        for (Iterator<String> it = body.fieldNames(); it.hasNext();) {
            String field = it.next();
            if (!field.equals("name") && !field.equals("expiresAt")) {
                errors.add(new FieldError(field, "is not a field of an API token"));
            }
        }
        JsonNode nameNode = body.get("name");
        String name = nameNode != null && nameNode.isTextual() ? nameNode.textValue().strip() : null;
        if (name == null || name.isEmpty()) {
            errors.add(new FieldError("name", "is required"));
        } else if (name.length() > 100) {
            errors.add(new FieldError("name", "must be at most 100 characters long"));
        }
        Instant expiresAt = null;
        JsonNode exp = body.get("expiresAt");
        if (exp != null && !exp.isNull()) {
            try {
                expiresAt = Instant.parse(exp.asText());
                if (!expiresAt.isAfter(Instant.now())) {
                    errors.add(new FieldError("expiresAt", "must be in the future"));
                }
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("expiresAt", "must be an ISO-8601 instant like 2027-01-01T00:00:00Z"));
            }
        }
        if (!errors.isEmpty()) {
            throw AtriumException.validation(errors);
        }
        UserService.IssuedToken issued = users.issueToken(caller(security), name, expiresAt);
        ObjectNode json = token(issued.token());
        json.put("token", issued.secret());
        return Response.created(URI.create("v1/me/tokens/" + issued.token().getId()))
                .entity(json).build();
    }

    /** Changes the caller's own password: {@code {"currentPassword": ..., "newPassword": ...}} → 204. */
    @POST
    @Path("password")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response changePassword(JsonNode body, @Context SecurityContext security,
            @CookieParam(AtriumRest.SESSION_COOKIE) String session) {
        PasswordBody p = PasswordBody.read(body, true);
        // the browser the password is changed in stays logged in; every other session of the user ends
        users.changePassword(caller(security).userId(), p.current(), p.next(), caller(security), session);
        return Response.noContent().build();
    }

    @DELETE
    @Path("tokens/{id}")
    public Response revoke(@PathParam("id") String id, @Context SecurityContext security) {
        users.revokeToken(caller(security), id);
        return Response.noContent().build();
    }

    private static ObjectNode token(ApiToken t) {
        ObjectNode json = JSON.objectNode();
        json.put("id", t.getId());
        json.put("name", t.getName());
        json.put("createdAt", t.getCreatedAt().toString());
        json.put("expiresAt", t.getExpiresAt() == null ? null : t.getExpiresAt().toString());
        json.put("lastUsedAt", t.getLastUsedAt() == null ? null : t.getLastUsedAt().toString());
        return json;
    }

    private static Caller caller(SecurityContext security) {
        if (security != null && security.getUserPrincipal() instanceof Caller c) {
            return c;
        }
        throw new AtriumException(401, "unauthenticated", "Unauthorized", "authentication is required", null);
    }
}
