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

/** {@code /api/v1/admin/org-defaults}: per entity type, private, public read-only or public read/write, and whether the role hierarchy grants access. */
@Component(service = OrgDefaultsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(AtriumRest.APPLICATION_SELECT)
@JaxrsExtensionSelect({AtriumRest.REQUIRE_JSON, AtriumRest.REQUIRE_AUTHENTICATION})
@Path("v1/admin/org-defaults")
@Produces(MediaType.APPLICATION_JSON)
public class OrgDefaultsResource {
    private static final String PATCH_TYPES = "application/merge-patch+json";

    @Reference
    SecurityAdmin admin;

    @GET
    public ObjectNode list() {
        return SecurityJson.items(admin.orgDefaults().values().stream().map(SecurityJson::orgDefault).toList());
    }

    /** {@code {"access": "private" | "public-read" | "public-read-write", "useHierarchy": true}}. */
    @PUT
    @Path("{entity}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ObjectNode put(@PathParam("entity") String entity, JsonNode body, @Context SecurityContext security) {
        return SecurityJson.orgDefault(admin.saveOrgDefault(entity, body, UsersResource.caller(security)));
    }
}
