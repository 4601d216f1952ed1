package org.atriumcrm.itests;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

/**
 * The suite's WireMock, started once in the JVM that starts the container (a class of its own, so that the test
 * classes loaded inside the container never touch WireMock's): it plays the ERPs' HTTP APIs, and the tests inside
 * the container stub and verify it through its admin API ({@code /__admin/mappings}, {@code /__admin/requests/find}).
 */
final class SuiteWireMock {
    private static WireMockServer server;

    private SuiteWireMock() {
    }

    static synchronized String baseUrl() {
        if (server == null) {
            server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
            server.start();
        }
        return server.baseUrl();
    }
}
