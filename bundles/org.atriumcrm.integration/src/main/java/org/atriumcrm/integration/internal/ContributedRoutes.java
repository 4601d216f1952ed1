package org.atriumcrm.integration.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.atriumcrm.integration.api.RouteContribution;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CamelContext of contributed routes. It is an {@code OsgiDefaultCamelContext} (components, languages and
 * type converters found through OSGi), created reflectively because camel-core-osgi cannot be a compile
 * dependency here; it is started before routes are added (routes added before start never ran).
 */
@Component(service = ContributedRoutes.class, immediate = true)
public class ContributedRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(ContributedRoutes.class);

    private final CamelContext camel;
    private final Map<RouteContribution, List<String>> routeIds = new ConcurrentHashMap<>();
    private final Map<String, String> moduleOfRoute = new ConcurrentHashMap<>();
    private final List<RouteContribution> pending = new ArrayList<>();
    private volatile boolean started;

    @Activate
    public ContributedRoutes(BundleContext context) throws Exception {
        this.camel = org.atriumcrm.integration.api.CamelContexts.newOsgiContext(context, "atrium-contributed-routes");
        camel.start();
        synchronized (pending) {
            started = true;
            for (RouteContribution c : pending) {
                add(c, null);
            }
            pending.clear();
        }
    }

    @Deactivate
    void stop() {
        camel.stop();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addContribution(RouteContribution contribution, Map<String, Object> properties) {
        synchronized (pending) {
            if (!started) { // bind methods can run before the constructor has finished starting Camel
                pending.add(contribution);
                return;
            }
        }
        add(contribution, properties);
    }

    void removeContribution(RouteContribution contribution) {
        synchronized (pending) {
            pending.remove(contribution);
        }
        for (String id : routeIds.getOrDefault(contribution, List.of())) {
            try {
                camel.getRouteController().stopRoute(id);
                camel.removeRoute(id);
            } catch (Exception e) {
                LOG.error("could not remove route {}", id, e);
            }
            moduleOfRoute.remove(id);
        }
        routeIds.remove(contribution);
    }

    private void add(RouteContribution contribution, Map<String, Object> properties) {
        Set<String> before = camel.getRoutes().stream().map(Route::getRouteId).collect(Collectors.toSet());
        try {
            camel.addRoutes(contribution.routes());
        } catch (Exception e) {
            // a broken contribution must not take the others down: it is logged and left out
            LOG.error("routes of {} were not added", contribution.getClass().getName(), e);
            return;
        }
        List<String> added = camel.getRoutes().stream().map(Route::getRouteId).filter(id -> !before.contains(id)).toList();
        routeIds.put(contribution, added);
        Object module = properties == null ? null : properties.get(RouteContribution.MODULE_PROPERTY);
        added.forEach(id -> moduleOfRoute.put(id, module == null ? "" : String.valueOf(module)));
        LOG.info("routes {} added for module {}", added, module);
    }

    /** The contributed routes with their module and status, for administrators. */
    List<Map<String, Object>> routes() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Route r : camel.getRoutes()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", r.getRouteId());
            json.put("module", moduleOfRoute.getOrDefault(r.getRouteId(), ""));
            json.put("from", r.getEndpoint().getEndpointUri());
            json.put("status", camel.getRouteController().getRouteStatus(r.getRouteId()).name().toLowerCase());
            out.add(json);
        }
        return out;
    }
}
