package ${package}.internal;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.atriumcrm.integration.api.RouteContribution;
import org.atriumcrm.api.module.ModuleGate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The plugin's Camel routes: they run while the module is enabled and stop when it is disabled or removed
 * (GET /api/v1/admin/routes lists them). Replace the heartbeat with real integration work.
 */
@Component(service = RouteContribution.class, property = RouteContribution.MODULE_PROPERTY + "=" + PluginModule.ID)
public class PluginRoutes implements RouteContribution {

    @Activate
    public PluginRoutes(@Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + PluginModule.ID + ")") ModuleGate gate) {
        // present only while the module is enabled
    }

    @Override
    public RoutesBuilder routes() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("timer:${moduleId}-heartbeat?period=60000").routeId("${moduleId}-heartbeat")
                        .log(org.apache.camel.LoggingLevel.DEBUG, "${moduleId} is alive");
            }
        };
    }
}
