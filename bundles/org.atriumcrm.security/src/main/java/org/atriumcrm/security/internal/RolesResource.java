package org.atriumcrm.security.internal;

import java.net.URI;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.PATCH;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.atriumcrm.rest.api.AtriumRest;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code /api/v1/admin/roles}: the role hierarchy (a tree through {@code parentId}). */
@Component(service = RolesResource.class)
@JaxrsResource
@JaxrsApplicationSelect(AtriumRest.APPLICATION_SELECT)
@JaxrsExtensionSelect({AtriumRest.REQUIRE_JSON, AtriumRest.REQUIRE_AUTHENTICATION})
@Path("v1/admin/roles")
@Produces(MediaType.APPLICATION_JSON)
public class RolesResource {
    private static final String PATCH_TYPES = "application/merge-patch+json";

    @Reference
    SecurityAdmin admin;

    /** Every role, flat; {@code ?tree=true} nests them under {@code children}, roots first. */
    @GET
    public ObjectNode list(@QueryParam("tree") String tree) {
        java.util.List<SecurityRole> roles = admin.roles();
        if ("true".equals(tree)) {
            ObjectNode json = SecurityJson.JSON.objectNode();
            json.set("items", SecurityJson.roleTree(roles, null));
            json.put("total", roles.size());
            return json;
        }
        return SecurityJson.items(roles.stream().map(SecurityJson::role).toList());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(JsonNode body, @Context SecurityContext security) {
        SecurityRole r = admin.saveRole(null, body, UsersResource.caller(security));
        return Response.created(URI.create("v1/admin/roles/" + r.getId())).entity(SecurityJson.role(r)).build();
    }

    @GET
    @Path("{id}")
    public ObjectNode get(@PathParam("id") String id) {
        return SecurityJson.role(admin.role(id));
    }

    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, PATCH_TYPES})
    public ObjectNode update(@PathParam("id") String id, JsonNode body, @Context SecurityContext security) {
        return SecurityJson.role(admin.saveRole(id, body, UsersResource.caller(security)));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id, @Context SecurityContext security) {
        admin.deleteRole(id, UsersResource.caller(security));
        return Response.noContent().build();
    }
}
