package org.atriumcrm.security.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
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
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code /api/v1/admin/users}: administrators list and create users. Roles, profiles, groups, password policy
 * and lockout come with the security model; until then a user is an administrator or not.
 */
@Component(service = UsersResource.class)
@JaxrsResource
@JaxrsApplicationSelect(AtriumRest.APPLICATION_SELECT)
@JaxrsExtensionSelect({AtriumRest.REQUIRE_JSON, AtriumRest.REQUIRE_AUTHENTICATION})
@Path("v1/admin/users")
@Produces(MediaType.APPLICATION_JSON)
public class UsersResource {
    private static final Set<String> FIELDS = Set.of("loginName", "displayName", "email", "password", "administrator");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @Reference
    UserService users;

    @GET
    public ObjectNode list() {
        ObjectNode json = JSON.objectNode();
        ArrayNode items = json.putArray("items");
        users.users().forEach(u -> items.add(user(u)));
        json.put("total", items.size());
        return json;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(JsonNode body, @Context SecurityContext security) {
        if (body == null || !body.isObject()) {
            throw AtriumException.badRequest("the request body must be a JSON object with loginName, password, ...");
        }
        List<FieldError> errors = new ArrayList<>();
        for (Iterator<String> it = body.fieldNames(); it.hasNext();) {
            String field = it.next();
            if (!FIELDS.contains(field)) {
                errors.add(new FieldError(field, "is not a field of a user"));
            }
        }
        String login = text(body, "loginName", errors);
        String password = text(body, "password", errors);
        String displayName = body.hasNonNull("displayName") ? body.get("displayName").asText().strip() : login;
        String email = body.hasNonNull("email") ? body.get("email").asText().strip() : null;
        if (login != null && !login.matches("[A-Za-z0-9._@-]{2,100}")) {
            errors.add(new FieldError("loginName", "must be 2 to 100 letters, digits or . _ @ -"));
        }
        if (password != null && password.length() < 10) {
            errors.add(new FieldError("password", "must be at least 10 characters long"));
        }
        if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s.]+")) {
            errors.add(new FieldError("email", "is not a valid email address"));
        }
        JsonNode admin = body.get("administrator");
        if (admin != null && !admin.isNull() && !admin.isBoolean()) {
            errors.add(new FieldError("administrator", "must be true or false"));
        }
        if (!errors.isEmpty()) {
            throw AtriumException.validation(errors);
        }
        UserAccount created = users.createUser(login, displayName, email, password, admin != null && admin.asBoolean(),
                caller(security));
        return Response.created(URI.create("v1/admin/users/" + created.getId())).entity(user(created)).build();
    }

    /** An administrator sets a user's password (and so unlocks the account): {@code {"newPassword": ...}} → 204. */
    @POST
    @Path("{id}/password")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response resetPassword(@PathParam("id") String id, JsonNode body, @Context SecurityContext security) {
        users.changePassword(id, null, PasswordBody.read(body, false).next(), caller(security));
        return Response.noContent().build();
    }

    private static String text(JsonNode body, String field, List<FieldError> errors) {
        JsonNode node = body.get(field);
        if (node == null || !node.isTextual() || node.textValue().isBlank()) {
            errors.add(new FieldError(field, "is required"));
            return null;
        }
        return node.textValue().strip();
    }

    private static ObjectNode user(UserAccount u) {
        ObjectNode json = JSON.objectNode();
        json.put("id", u.getId());
        json.put("loginName", u.getLoginName());
        json.put("displayName", u.getDisplayName());
        json.put("email", u.getEmail());
        json.put("status", u.getStatus());
        json.put("administrator", u.isAdministrator());
        json.put("lockedUntil", u.getLockedUntil() == null ? null : u.getLockedUntil().toString());
        json.put("createdAt", u.getCreatedAt().toString());
        return json;
    }

    private static Caller caller(SecurityContext security) {
        if (security != null && security.getUserPrincipal() instanceof Caller c) {
            return c;
        }
        throw new AtriumException(401, "unauthenticated", "Unauthorized", "authentication is required", null);
    }
}
