package org.atriumcrm.integration.api;

import org.osgi.annotation.versioning.ConsumerType;
import org.apache.camel.RoutesBuilder;

/**
 * Camel routes a module contributes, registered as an OSGi service. The platform adds them to its CamelContext
 * when the service appears and stops and removes them when it goes away — so a contribution that references
 * its module's gate ({@code @Reference(target = "(atrium.module=<id>)") ModuleGate gate}) has its routes stop
 * when the module is disabled and start again when it is enabled. Give every route an id ({@code routeId}).
 *
 * @since 1.0
 */
@ConsumerType
public interface RouteContribution {
    /** Service property: the id of the module that contributes the routes (shown to administrators). */
    String MODULE_PROPERTY = "atrium.module";

    /** The routes, typically a {@code RouteBuilder}; called once per registration. */
    RoutesBuilder routes();
}
