package org.atriumcrm.security.internal;

import java.util.Locale;

import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.rest.api.AtriumRest;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code /api/v1/directory}: the colleagues and groups who can own records, for every signed-in user — the names
 * behind the owner ids a record shows and the choices of a transfer. Only what a colleague may know (id, login
 * name, display name, whether active; a group's name); contact details, roles and profiles stay in the
 * administrators' {@code /api/v1/admin/users}.
 */
@Component(service = DirectoryResource.class)
@JaxrsResource
@JaxrsApplicationSelect(AtriumRest.APPLICATION_SELECT)
@JaxrsExtensionSelect({AtriumRest.REQUIRE_JSON, AtriumRest.REQUIRE_AUTHENTICATION})
@Path("v1/directory")
@Produces(MediaType.APPLICATION_JSON)
public class DirectoryResource {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final int MAX_LIMIT = 500;

    @Reference
    UserService users;

    @Reference
    SecurityAdmin admin;

    /**
     * Users (active first, then by display name) and groups whose name, login name or display name contains
     * {@code q} (case-insensitive; every entry without it), at most {@code limit} of them ({@code total} counts them all); {@code inactive=false} leaves
     * out users who can no longer sign in.
     */
    @GET
    public ObjectNode list(@QueryParam("q") String q, @QueryParam("limit") @DefaultValue("200") int limit,
            @QueryParam("inactive") @DefaultValue("true") boolean inactive) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw AtriumException.invalidField("limit", "must be between 1 and " + MAX_LIMIT);
        }
        String needle = q == null || q.isBlank() ? null : q.strip().toLowerCase(Locale.ROOT);
        ObjectNode json = JSON.objectNode();
        ArrayNode items = json.putArray("items");
        users.users().stream()
                .filter(u -> inactive || u.isActive())
                .filter(u -> matches(needle, u.getLoginName(), u.getDisplayName()))
                .sorted(java.util.Comparator.comparing((UserAccount u) -> !u.isActive())
                        .thenComparing(u -> name(u.getDisplayName(), u.getLoginName()), String.CASE_INSENSITIVE_ORDER))
                .forEach(u -> items.addObject().put("id", u.getId()).put("kind", "user")
                        .put("name", name(u.getDisplayName(), u.getLoginName())).put("loginName", u.getLoginName())
                        .put("active", u.isActive()));
        admin.groups().stream().filter(g -> !g.isDeleted() && matches(needle, g.name))
                .forEach(g -> items.addObject().put("id", g.getId()).put("kind", "group").put("name", g.name).put("active", true));
        int matches = items.size();
        while (items.size() > limit) {
            items.remove(items.size() - 1);
        }
        json.put("total", matches);
        return json;
    }

    private static String name(String displayName, String loginName) {
        return displayName == null || displayName.isBlank() ? loginName : displayName;
    }

    private static boolean matches(String needle, String... values) {
        if (needle == null) {
            return true;
        }
        for (String v : values) {
            if (v != null && v.toLowerCase(Locale.ROOT).contains(needle)) {
                return true;
            }
        }
        return false;
    }
}
