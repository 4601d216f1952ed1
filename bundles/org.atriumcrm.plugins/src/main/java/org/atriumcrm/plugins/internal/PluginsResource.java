package org.atriumcrm.plugins.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.rest.api.AtriumRest;
import org.osgi.framework.Bundle;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code /api/v1/admin/plugins}: list plugins with their state and failure reason, upload a plugin bundle
 * (raw body, {@code application/java-archive} or {@code application/octet-stream}), uninstall one. Tables a
 * plugin created stay in the database after it is uninstalled.
 */
@Component(service = PluginsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(AtriumRest.APPLICATION_SELECT)
@JaxrsExtensionSelect({AtriumRest.REQUIRE_JSON, AtriumRest.REQUIRE_AUTHENTICATION})
@Path("v1/admin/plugins")
@Produces(MediaType.APPLICATION_JSON)
public class PluginsResource {
    private final PluginManager plugins;

    @Activate
    public PluginsResource(@Reference PluginManager plugins) {
        this.plugins = plugins;
    }

    @GET
    public Map<String, Object> list() {
        List<Map<String, Object>> items = plugins.list();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("items", items);
        json.put("total", items.size());
        json.put("kars", plugins.kars());
        return json;
    }

    @DELETE
    @Path("kars/{name}")
    public Response uninstallKar(@PathParam("name") String name, @Context SecurityContext security) {
        plugins.uninstallKar(name, caller(security));
        return Response.noContent().build();
    }

    @GET
    @Path("{id}")
    public Map<String, Object> get(@PathParam("id") String id) {
        return plugins.describe(plugin(id));
    }

    @POST
    @Consumes({"application/java-archive", MediaType.APPLICATION_OCTET_STREAM, "application/zip", "application/x-java-archive"})
    public Response upload(InputStream body, @Context SecurityContext security) throws IOException {
        Map<String, Object> result = plugins.install(readAll(body), caller(security));
        boolean created = Boolean.TRUE.equals(result.remove("created"));
        if (!created) {
            return Response.ok(result).build();
        }
        return Response.created(URI.create(result.containsKey("kar") ? "v1/admin/plugins/kars/" + result.get("kar")
                : "v1/admin/plugins/" + result.get("id"))).entity(result).build();
    }

    /** Uninstalls a plugin. Its tables stay, unless {@code purgeData=true} asks to drop them too (irreversible). */
    @DELETE
    @Path("{id}")
    public Response uninstall(@PathParam("id") String id, @QueryParam("purgeData") String purgeData,
            @Context SecurityContext security) {
        boolean purge = "true".equalsIgnoreCase(purgeData);
        if (purgeData != null && !purge && !"false".equalsIgnoreCase(purgeData)) {
            throw AtriumException.invalidField("purgeData", "must be true or false, not '" + purgeData + "'");
        }
        List<String> dropped = plugins.uninstall(plugin(id), purge, caller(security));
        return purge ? Response.ok(Map.of("droppedTables", dropped)).build() : Response.noContent().build();
    }

    private Bundle plugin(String id) {
        return plugins.find(id).orElseThrow(() -> AtriumException.notFound("no plugin " + id + " is installed").localized("no-such-plugin", id));
    }

    private static byte[] readAll(InputStream body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        body.transferTo(out); // bounded by the API's plugin size limit (413 beyond it)
        if (out.size() == 0) {
            throw AtriumException.badRequest("the request body is empty: send the plugin jar as the body").localized("plugin-body-empty");
        }
        return out.toByteArray();
    }

    private static Caller caller(SecurityContext security) {
        if (security != null && security.getUserPrincipal() instanceof Caller c) {
            return c;
        }
        throw new AtriumException(401, "unauthenticated", "Unauthorized", "authentication is required", null);
    }
}
