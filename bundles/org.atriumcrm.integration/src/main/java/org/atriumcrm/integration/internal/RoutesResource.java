package org.atriumcrm.integration.internal;

import java.util.ArrayList;
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
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.atriumcrm.integration.api.CamelContexts;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code GET /api/v1/admin/routes}: every route of Atrium's CamelContexts (the routes modules and plugins contributed,
 * the mail scanner and outbox, SMS, each active connector's) with its context, module when known, and status.
 */
@Component(service = RoutesResource.class)
@JaxrsResource
@JaxrsApplicationSelect(AtriumRest.APPLICATION_SELECT)
@JaxrsExtensionSelect({AtriumRest.REQUIRE_JSON, AtriumRest.REQUIRE_AUTHENTICATION})
@Path("v1/admin/routes")
@Produces(MediaType.APPLICATION_JSON)
public class RoutesResource {
    private final ContributedRoutes routes;
    private final List<CamelContext> contexts = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Activate
    public RoutesResource(@Reference ContributedRoutes routes) {
        this.routes = routes;
    }

    /** Every running Atrium CamelContext: the contributed routes', the mail and SMS channels', the connectors'. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            target = "(" + CamelContexts.CONTEXT_PROPERTY + "=*)")
    void addContext(CamelContext context) {
        contexts.add(context);
    }

    void removeContext(CamelContext context) {
        contexts.remove(context);
    }

    @GET
    public Map<String, Object> list() {
        List<Map<String, Object>> items = new ArrayList<>();
        for (CamelContext camel : contexts) {
            for (Route r : camel.getRoutes()) {
                String module = routes.moduleOf(camel, r.getRouteId());
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("id", r.getRouteId());
                json.put("context", camel.getName());
                json.put("module", module == null ? "" : module);
                json.put("from", r.getEndpoint().getEndpointUri());
                org.apache.camel.ServiceStatus status = camel.getRouteController().getRouteStatus(r.getRouteId());
                json.put("status", status == null ? "removed" : status.name().toLowerCase(java.util.Locale.ROOT));
                items.add(json);
            }
        }
        items.sort(java.util.Comparator.comparing((Map<String, Object> m) -> m.get("context").toString()).thenComparing(m -> m.get("id").toString()));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("items", items);
        json.put("total", items.size());
        return json;
    }
}
