package com.example.routes;

import org.apache.camel.RoutesBuilder;
import org.atriumcrm.integration.api.RouteContribution;

/** The route contribution of the test plugin; its component references the module gate. */
public class TickRoutes implements RouteContribution {

    @Override
    public RoutesBuilder routes() {
        return new TickRouteBuilder();
    }
}
