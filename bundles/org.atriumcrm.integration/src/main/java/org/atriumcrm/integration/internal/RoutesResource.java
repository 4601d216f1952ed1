package org.atriumcrm.integration.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.atriumcrm.rest.api.AtriumRest;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** {@code GET /api/v1/admin/routes}: the routes modules and plugins contributed, and their status. */
@Component(service = RoutesResource.class)
@JaxrsResource
@JaxrsApplicationSelect(AtriumRest.APPLICATION_SELECT)
@JaxrsExtensionSelect({AtriumRest.REQUIRE_JSON, AtriumRest.REQUIRE_AUTHENTICATION})
@Path("v1/admin/routes")
@Produces(MediaType.APPLICATION_JSON)
public class RoutesResource {
    private final ContributedRoutes routes;

    @Activate
    public RoutesResource(@Reference ContributedRoutes routes) {
        this.routes = routes;
    }

    @GET
    public Map<String, Object> list() {
        List<Map<String, Object>> items = routes.routes();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("items", items);
        json.put("total", items.size());
        return json;
    }
}
