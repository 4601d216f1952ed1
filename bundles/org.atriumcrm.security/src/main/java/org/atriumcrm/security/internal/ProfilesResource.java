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

/** {@code /api/v1/admin/profiles}: rights per entity type and field-level security; users hold one or more. */
@Component(service = ProfilesResource.class)
@JaxrsResource
@JaxrsApplicationSelect(AtriumRest.APPLICATION_SELECT)
@JaxrsExtensionSelect({AtriumRest.REQUIRE_JSON, AtriumRest.REQUIRE_AUTHENTICATION})
@Path("v1/admin/profiles")
@Produces(MediaType.APPLICATION_JSON)
public class ProfilesResource {
    private static final String PATCH_TYPES = "application/merge-patch+json";

    @Reference
    SecurityAdmin admin;

    @GET
    public ObjectNode list() {
        return SecurityJson.items(admin.profiles().stream().map(SecurityJson::profile).toList());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(JsonNode body, @Context SecurityContext security) {
        SecurityProfile p = admin.saveProfile(null, body, UsersResource.caller(security));
        return Response.created(URI.create("v1/admin/profiles/" + p.getId())).entity(SecurityJson.profile(p)).build();
    }

    @GET
    @Path("{id}")
    public ObjectNode get(@PathParam("id") String id) {
        return SecurityJson.profile(admin.profile(id));
    }

    /** Changes name or description; {@code rights} and {@code fields}, when given, replace the old ones. */
    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, PATCH_TYPES})
    public ObjectNode update(@PathParam("id") String id, JsonNode body, @Context SecurityContext security) {
        return SecurityJson.profile(admin.saveProfile(id, body, UsersResource.caller(security)));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id, @Context SecurityContext security) {
        admin.deleteProfile(id, UsersResource.caller(security));
        return Response.noContent().build();
    }
}
