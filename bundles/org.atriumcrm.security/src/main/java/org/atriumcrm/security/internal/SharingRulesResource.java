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

/** {@code /api/v1/admin/sharing-rules}: records owned by a role (with subordinates) or group, shared with another, read-only or read/write. */
@Component(service = SharingRulesResource.class)
@JaxrsResource
@JaxrsApplicationSelect(AtriumRest.APPLICATION_SELECT)
@JaxrsExtensionSelect({AtriumRest.REQUIRE_JSON, AtriumRest.REQUIRE_AUTHENTICATION})
@Path("v1/admin/sharing-rules")
@Produces(MediaType.APPLICATION_JSON)
public class SharingRulesResource {
    private static final String PATCH_TYPES = "application/merge-patch+json";

    @Reference
    SecurityAdmin admin;

    @GET
    public ObjectNode list() {
        return SecurityJson.items(admin.sharingRules().stream().map(SecurityJson::sharingRule).toList());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(JsonNode body, @Context SecurityContext security) {
        SharingRule r = admin.createSharingRule(body, UsersResource.caller(security));
        return Response.created(URI.create("v1/admin/sharing-rules/" + r.getId())).entity(SecurityJson.sharingRule(r)).build();
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id, @Context SecurityContext security) {
        admin.deleteSharingRule(id, UsersResource.caller(security));
        return Response.noContent().build();
    }
}
