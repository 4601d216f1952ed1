package org.atriumcrm.security.internal;

import java.net.URI;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javax.persistence.EntityManager;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.PATCH;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.atriumcrm.api.error.AtriumException;
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
 * {@code /api/v1/admin/users}: administrators list, create and change users: details, status, role, profiles
 * and groups; and reset passwords. Every change is audited in the security change log.
 */
@Component(service = UsersResource.class)
@JaxrsResource
@JaxrsApplicationSelect(AtriumRest.APPLICATION_SELECT)
@JaxrsExtensionSelect({AtriumRest.REQUIRE_JSON, AtriumRest.REQUIRE_AUTHENTICATION})
@Path("v1/admin/users")
@Produces(MediaType.APPLICATION_JSON)
public class UsersResource {
    private static final Set<String> DETAILS = Set.of("displayName", "email", "mobile", "language", "timeZone", "status",
            "roleId", "profileIds", "groupIds", "administrator");
    private static final List<String> LANGUAGES = List.of("zh-CN", "en");
    private static final List<String> STATUSES = List.of(UserAccount.ACTIVE, "locked", UserAccount.INACTIVE);
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @Reference
    UserService users;

    @Reference
    SecurityAdmin admin;

    @GET
    public ObjectNode list() {
        ObjectNode json = JSON.objectNode();
        ArrayNode items = json.putArray("items");
        users.users().forEach(u -> items.add(user(u)));
        json.put("total", items.size());
        return json;
    }

    @GET
    @Path("{id}")
    public ObjectNode get(@PathParam("id") String id) {
        return user(users.user(id).filter(u -> !u.isDeleted()).orElseThrow(() -> AtriumException.notFound("no user with id " + id).localized("record-not-found", "user", id)));
    }

    /**
     * {@code {"loginName", "password", "displayName", "email", "mobile", "language", "timeZone", "roleId",
     * "profileIds", "groupIds"}}; without profiles a user gets the standard profile ({@code "administrator": true}
     * is short for the administrator profile).
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(JsonNode json, @Context SecurityContext security) {
        Set<String> allowed = new LinkedHashSet<>(DETAILS);
        allowed.add("loginName");
        allowed.add("password");
        JsonBody body = JsonBody.of(json, "a user", allowed);
        String login = body.text("loginName", true, 100);
        String password = body.text("password", true, 200);
        if (login != null && !login.matches("[A-Za-z0-9._@-]{2,100}")) {
            body.error("loginName", "must be 2 to 100 letters, digits or . _ @ -");
        }
        Details details = details(body);
        body.check();
        Caller caller = caller(security);
        UserAccount created = users.createUser(login, password, caller, (em, u) -> {
            apply(em, u, body, details);
            if (u.getProfileIds().isEmpty()) {
                String standard = admin.profileIdNamed(SecurityAdmin.STANDARD_PROFILE);
                admin.assign(em, u, false, null, Set.of(standard), null);
            }
            admin.audit(em, caller, "user", u.getId(), "created", "login=" + u.getLoginName() + " " + describe(u));
        });
        admin.access().invalidate();
        return Response.created(URI.create("v1/admin/users/" + created.getId())).entity(user(created)).build();
    }

    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    public ObjectNode update(@PathParam("id") String id, JsonNode json, @Context SecurityContext security) {
        JsonBody body = JsonBody.of(json, "a user", DETAILS);
        Details details = details(body);
        body.check();
        Caller caller = caller(security);
        UserAccount updated = admin.tx(em -> {
            UserAccount u = SecurityAdmin.find(em, UserAccount.class, id, "user");
            if (u.isDeleted()) {
                throw AtriumException.notFound("no user with id " + id).localized("record-not-found", "user", id);
            }
            apply(em, u, body, details);
            u.touch(Instant.now(), caller);
            em.flush();
            admin.keepOneAdministrator(em);
            admin.audit(em, caller, "user", id, "updated", json.toString());
            return u;
        });
        users.forget(id);
        admin.access().invalidate();
        return user(updated);
    }

    /** An administrator sets a user's password (and so unlocks the account): {@code {"newPassword": ...}} → 204. */
    @POST
    @Path("{id}/password")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response resetPassword(@PathParam("id") String id, JsonNode body, @Context SecurityContext security) {
        users.changePassword(id, null, PasswordBody.read(body, false).next(), caller(security));
        admin.tx(em -> {
            admin.audit(em, caller(security), "user", id, "password-reset", null);
            return null;
        });
        return Response.noContent().build();
    }

    record Details(String displayName, String email, String mobile, String language, String timeZone, String status,
            String roleId, Set<String> profileIds, Set<String> groupIds) {
    }

    static Details details(JsonBody body) {
        String displayName = body.text("displayName", false, 200);
        String email = body.text("email", false, 255);
        if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s.]+")) {
            body.error("email", "is not a valid email address");
        }
        String mobile = body.text("mobile", false, 50);
        if (mobile != null && !mobile.matches("\\+?[0-9 ()-]{5,30}")) {
            body.error("mobile", "is not a phone number");
        }
        String language = body.oneOf("language", false, LANGUAGES);
        String timeZone = body.text("timeZone", false, 50);
        if (timeZone != null) {
            try {
                ZoneId.of(timeZone);
            } catch (DateTimeException e) {
                body.error("timeZone", "is not a time zone like Asia/Shanghai");
            }
        }
        String status = body.oneOf("status", false, STATUSES);
        String roleId = body.text("roleId", false, 36);
        Set<String> profileIds = body.strings("profileIds");
        Set<String> groupIds = body.strings("groupIds");
        Boolean administrator = body.bool("administrator");
        if (administrator != null && profileIds != null) {
            body.error("administrator", "give either administrator or profileIds");
        }
        if (Boolean.TRUE.equals(administrator)) {
            profileIds = Set.of("administrator"); // resolved to the profile's id in apply
        }
        return new Details(displayName, email, mobile, language, timeZone, status, roleId, profileIds, groupIds);
    }

    /** The members a user may change of their own account ({@code PATCH /api/v1/me}); the rest is an administrator's. */
    static final Set<String> OWN_DETAILS = Set.of("displayName", "email", "mobile", "language", "timeZone");

    /** Applies the details a user may change of their own account (see {@link #OWN_DETAILS}). */
    static void applyOwn(UserAccount u, JsonBody body, Details d) {
        if (body.has("displayName")) {
            u.setDisplayName(d.displayName() == null ? u.getLoginName() : d.displayName());
        }
        if (body.has("email")) {
            u.setEmail(d.email());
        }
        if (body.has("mobile")) {
            u.setMobile(d.mobile());
        }
        if (d.language() != null) {
            u.setLanguage(d.language());
        }
        if (body.has("timeZone")) {
            u.setTimeZone(d.timeZone());
        }
    }

    private void apply(EntityManager em, UserAccount u, JsonBody body, Details d) {
        applyOwn(u, body, d);
        if (d.status() != null) {
            u.setStatus(d.status());
            if (UserAccount.ACTIVE.equals(d.status())) {
                u.recordSuccess(); // reactivating also lifts a lockout
            }
        }
        Set<String> profiles = d.profileIds();
        if (profiles != null && profiles.equals(Set.of("administrator"))) {
            profiles = Set.of(admin.profileIdNamed(SecurityAdmin.ADMINISTRATOR_PROFILE));
        } else if (profiles == null && Boolean.FALSE.equals(body.bool("administrator"))) {
            profiles = Set.of(admin.profileIdNamed(SecurityAdmin.STANDARD_PROFILE));
        }
        admin.assign(em, u, body.has("roleId"), d.roleId(), profiles, d.groupIds());
    }

    private static String describe(UserAccount u) {
        return "role=" + u.getRoleId() + " profiles=" + u.getProfileIds() + " status=" + u.getStatus();
    }

    private ObjectNode user(UserAccount u) {
        ObjectNode json = JSON.objectNode();
        json.put("id", u.getId());
        json.put("loginName", u.getLoginName());
        json.put("displayName", u.getDisplayName());
        json.put("email", u.getEmail());
        json.put("mobile", u.getMobile());
        json.put("language", u.getLanguage());
        json.put("timeZone", u.getTimeZone());
        json.put("status", u.isLocked(Instant.now()) && u.isActive() ? "locked" : u.getStatus());
        json.put("administrator", u.isAdministrator());
        json.put("roleId", u.getRoleId());
        ArrayNode profiles = json.putArray("profileIds");
        u.getProfileIds().forEach(profiles::add);
        ArrayNode groups = json.putArray("groupIds");
        admin.groupIdsOf(u.getId()).forEach(groups::add);
        json.put("lockedUntil", u.getLockedUntil() == null ? null : u.getLockedUntil().toString());
        json.put("createdAt", u.getCreatedAt().toString());
        return json;
    }

    static Caller caller(SecurityContext security) {
        if (security != null && security.getUserPrincipal() instanceof Caller c) {
            return c;
        }
        throw new AtriumException(401, "unauthenticated", "Unauthorized", "authentication is required", null);
    }
}
