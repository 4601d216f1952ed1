package org.atriumcrm.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import javax.inject.Inject;

import org.junit.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/** The distribution boots completely: every bundle active, every Atrium bundle present, the API ready. */
public class PlatformBootIT extends AtriumTestSupport {

    @Inject
    BundleContext context;

    @Test
    public void everyBundleIsActiveAndTheApiIsReady() throws InterruptedException {
        waitForHttp("/api/v1/health", Duration.ofSeconds(90));
        assertEquals("the API wants credentials", 401, http("GET", "/api/v1/accounts", null).status);
        // bounded wait: while the test container starts, Karaf may still be refreshing the JPA bundles (see the
        // session-2 note on the javax.persistence re-wiring); every bundle must be active within the minute
        List<String> notActive = new ArrayList<>();
        Set<String> ours = new TreeSet<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        do {
            notActive.clear();
            ours.clear();
            for (Bundle b : context.getBundles()) {
                boolean fragment = b.getHeaders().get("Fragment-Host") != null;
                if (b.getState() != Bundle.ACTIVE && !(fragment && b.getState() == Bundle.RESOLVED)) {
                    notActive.add(b.getSymbolicName() + " " + b.getVersion() + " state " + b.getState());
                }
                if (b.getSymbolicName() != null && b.getSymbolicName().startsWith("org.atriumcrm")) {
                    ours.add(b.getSymbolicName());
                }
            }
            if (!notActive.isEmpty()) {
                Thread.sleep(500);
            }
        } while (!notActive.isEmpty() && System.nanoTime() < deadline);
        waitForHttp("/api/v1/health", Duration.ofSeconds(90));
        assertTrue("bundles not active: " + notActive, notActive.isEmpty());
        assertEquals(Set.of("org.atriumcrm.activities", "org.atriumcrm.api", "org.atriumcrm.bulk", "org.atriumcrm.commerce", "org.atriumcrm.connectors", "org.atriumcrm.contracts", "org.atriumcrm.core", "org.atriumcrm.customers", "org.atriumcrm.erp",
                "org.atriumcrm.integration", "org.atriumcrm.inventory", "org.atriumcrm.invoicing", "org.atriumcrm.leads", "org.atriumcrm.mail", "org.atriumcrm.opportunities", "org.atriumcrm.orders", "org.atriumcrm.payments", "org.atriumcrm.persistence", "org.atriumcrm.plugins", "org.atriumcrm.pricing", "org.atriumcrm.printing", "org.atriumcrm.products", "org.atriumcrm.purchasing", "org.atriumcrm.quotes", "org.atriumcrm.rest",
                "org.atriumcrm.search", "org.atriumcrm.shop", "org.atriumcrm.security", "org.atriumcrm.sms", "org.atriumcrm.ui"), ours);
    }
}
