package com.example.routes;

import org.apache.camel.builder.RouteBuilder;

/** A plugin's Camel route: a timer that logs. */
public class TickRouteBuilder extends RouteBuilder {

    @Override
    public void configure() {
        from("timer:itest-tick?period=200").routeId("itest-tick").to("log:itest-tick?level=DEBUG");
    }
}
