package org.atriumcrm.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;

import javax.inject.Inject;

import org.atriumcrm.testkit.http.Api;
import org.junit.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;

import com.example.broken.ThrowingComponent;
import com.example.faulty.FaultyEndpoint;
import com.example.hijack.HijackResource;
import com.example.routes.TickModule;
import com.example.routes.TickRouteBuilder;
import com.example.routes.TickRoutes;

import com.fasterxml.jackson.databind.JsonNode;

/** Plugins uploaded over the admin API: validation, failure reports, isolation, uninstall. */
public class PluginAdminIT extends AtriumTestSupport {
    @Inject
    BundleContext bundleContext;

    private static final String JAR = "application/java-archive";

    /**
     * A plugin jar built here: the manifest headers given (symbolic name, imports...), an optional DS component
     * descriptor, and the compiled classes of this test module that it should contain.
     */
    private static byte[] testBundle(String symbolicName, Map<String, String> headers, String component, Class<?>... classes)
            throws IOException {
        Manifest m = new Manifest();
        Attributes a = m.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (symbolicName != null) {
            a.putValue("Bundle-ManifestVersion", "2");
            a.putValue("Bundle-SymbolicName", symbolicName);
            a.putValue("Bundle-Version", "1.0.0");
        }
        headers.forEach(a::putValue);
        if (component != null) {
            a.putValue("Service-Component", "OSGI-INF/component.xml");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(out, m)) {
            if (component != null) {
                jar.putNextEntry(new ZipEntry("OSGI-INF/component.xml"));
                jar.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<components xmlns:scr=\"http://www.osgi.org/xmlns/scr/v1.3.0\">"
                        + "<scr:component " + component + "</scr:component></components>\n").getBytes(StandardCharsets.UTF_8));
            }
            for (Class<?> c : classes) {
                String entry = c.getName().replace('.', '/') + ".class";
                jar.putNextEntry(new ZipEntry(entry));
                try (InputStream in = PluginAdminIT.class.getClassLoader().getResourceAsStream(entry)) {
                    in.transferTo(jar);
                }
            }
        }
        return out.toByteArray();
    }

    /** A plugin whose DS component throws in activate. */
    private static byte[] throwingBundle() throws IOException {
        return testBundle("com.example.broken.activation", Map.of(), "name=\"broken\" immediate=\"true\" activate=\"activate\">"
                + "<implementation class=\"com.example.broken.ThrowingComponent\"/>", ThrowingComponent.class);
    }

    /** A plugin whose whiteboard resource claims the platform's accounts URL. */
    private static byte[] hijackBundle() throws IOException {
        return testBundle("com.example.hijack", Map.of("Import-Package", "javax.ws.rs;version=\"[2.1,3)\""),
                "name=\"hijack\"><implementation class=\"com.example.hijack.HijackResource\"/>"
                + "<service><provide interface=\"com.example.hijack.HijackResource\"/></service>"
                + "<property name=\"osgi.jaxrs.resource\" type=\"Boolean\" value=\"true\"/>"
                + "<property name=\"osgi.jaxrs.application.select\" value=\"(osgi.jaxrs.name=atrium)\"/>", HijackResource.class);
    }

    /** A plugin endpoint at /api/v1/faulty whose method throws. */
    private static byte[] faultyBundle() throws IOException {
        return testBundle("com.example.faulty",
                Map.of("Import-Package", "javax.ws.rs;version=\"[2.1,3)\",org.atriumcrm.rest.api;version=\"[1.1,2)\""),
                "name=\"faulty\"><implementation class=\"com.example.faulty.FaultyEndpoint\"/>"
                + "<service><provide interface=\"org.atriumcrm.rest.api.ModuleEndpoint\"/></service>"
                + "<property name=\"atrium.rest.path\" value=\"faulty\"/>", FaultyEndpoint.class);
    }

    /** A plugin module with a Camel route contribution that references its gate. */
    private static byte[] routesBundle() throws IOException {
        return testBundle("com.example.routes", Map.of("Import-Package", "org.apache.camel;version=\"[3.20,4)\","
                + "org.apache.camel.builder;version=\"[3.20,4)\",org.apache.camel.model;version=\"[3.20,4)\","
                + "org.atriumcrm.api.meta;version=\"[1.0,2)\",org.atriumcrm.api.module;version=\"[1.0,2)\","
                + "org.atriumcrm.integration.api;version=\"[1.0,2)\"", "Atrium-Plugin", "itest-routes"),
                "name=\"routes\"><implementation class=\"com.example.routes.TickRoutes\"/>"
                + "<service><provide interface=\"org.atriumcrm.integration.api.RouteContribution\"/></service>"
                + "<property name=\"atrium.module\" value=\"itest-routes\"/>"
                + "<reference name=\"gate\" interface=\"org.atriumcrm.api.module.ModuleGate\" target=\"(atrium.module=itest-routes)\"/>"
                + "</scr:component><scr:component name=\"module\">"
                + "<implementation class=\"com.example.routes.TickModule\"/>"
                + "<service><provide interface=\"org.atriumcrm.api.module.ModuleDescriptor\"/></service>",
                TickRoutes.class, TickRouteBuilder.class, TickModule.class);
    }

    private static boolean hasRoute(Api api, String id, String status) {
        for (JsonNode r : api.get("/api/v1/admin/routes").json().get("items")) {
            if (r.get("id").asText().equals(id) && (status == null || r.get("status").asText().equals(status))) {
                return true;
            }
        }
        return false;
    }

    private static void awaitRoute(Api api, String id, boolean present) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (hasRoute(api, id, present ? "started" : null) != present) {
            assertTrue("route " + id + (present ? " never started" : " never left"), System.nanoTime() < deadline);
            Thread.sleep(200);
        }
    }

    @Test
    public void pluginRoutesFollowTheirModule() throws Exception {
        Api api = new Api(baseUrl()).basic(ADMIN_USER, ADMIN_PASSWORD);
        api.awaitReady(Duration.ofSeconds(90));
        assertEquals(201, api.postBytes("/api/v1/admin/plugins", routesBundle(), JAR).status);
        awaitRoute(api, "itest-tick", true);
        assertEquals(200, api.post("/api/v1/admin/modules/itest-routes/disable", null).status);
        awaitRoute(api, "itest-tick", false);
        assertEquals(200, api.post("/api/v1/admin/modules/itest-routes/enable", null).status);
        awaitRoute(api, "itest-tick", true);
        assertEquals(204, api.delete("/api/v1/admin/plugins/com.example.routes").status);
        awaitRoute(api, "itest-tick", false);
    }

    private static JsonNode plugin(Api api, String symbolicName) {
        for (JsonNode p : api.get("/api/v1/admin/plugins").json().get("items")) {
            if (p.get("symbolicName").asText().equals(symbolicName)) {
                return p;
            }
        }
        return null;
    }

    private static JsonNode awaitPlugin(Api api, String symbolicName, String state) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode p = null;
        while (System.nanoTime() < deadline) {
            p = plugin(api, symbolicName);
            if (p != null && p.get("state").asText().equals(state)) {
                return p;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(symbolicName + " not " + state + ": " + p);
    }


    @Test
    public void uploadsAreValidatedAndBrokenPluginsAreReportedWithoutHarm() throws Exception {
        Api api = new Api(baseUrl()).basic(ADMIN_USER, ADMIN_PASSWORD);
        api.awaitReady(Duration.ofSeconds(90));
        int before = api.get("/api/v1/admin/plugins").json().get("total").asInt();

        assertEquals(400, api.postBytes("/api/v1/admin/plugins", "not a jar".getBytes(StandardCharsets.UTF_8), JAR).status);
        assertEquals(400, api.postBytes("/api/v1/admin/plugins", testBundle(null, Map.of(), null), JAR).status);
        Api.Answer platform = api.postBytes("/api/v1/admin/plugins", testBundle("org.atriumcrm.rest", Map.of(), null), JAR);
        assertEquals(platform.toString(), 409, platform.status);
        assertTrue(platform.contentType().startsWith("application/problem+json"));
        assertEquals(before, api.get("/api/v1/admin/plugins").json().get("total").asInt());

        Api.Answer broken = api.postBytes("/api/v1/admin/plugins",
                throwingBundle(), JAR);
        assertEquals(broken.toString(), 201, broken.status);
        JsonNode failed = awaitPlugin(api, "com.example.broken.activation", "failed");
        assertTrue(failed.toString(), failed.get("failure").asText().contains("boom"));

        Api.Answer unresolved = api.postBytes("/api/v1/admin/plugins",
                testBundle("com.example.broken.wiring", Map.of("Import-Package", "com.example.does.not.exist"), null), JAR);
        assertEquals(unresolved.toString(), 201, unresolved.status);
        assertEquals("failed", unresolved.json().get("state").asText());
        assertTrue(unresolved.body, unresolved.json().get("failure").asText().contains("com.example.does.not.exist"));

        assertEquals(200, api.get("/api/v1/accounts").status);
        assertEquals(200, api.get("/api/v1/health").status);

        // a plugin endpoint that throws answers a 500 problem for its own URL only
        int blips = Api.REBUILD_BLIPS.get();
        assertEquals(201, api.postBytes("/api/v1/admin/plugins", faultyBundle(), JAR).status);
        Api.Answer boom = api.awaitStatus("/api/v1/faulty/boom", 500);
        assertTrue(boom.toString(), boom.contentType().startsWith("application/problem+json") && boom.body.contains("incident"));
        assertEquals(200, api.get("/api/v1/accounts").status);
        assertEquals(204, api.delete("/api/v1/admin/plugins/com.example.faulty").status);
        assertEquals("a module endpoint coming and going never rebuilds the application", blips, Api.REBUILD_BLIPS.get());

        // a plugin that claims a platform URL is stopped and reported; the platform keeps the URL
        assertEquals(201, api.postBytes("/api/v1/admin/plugins", hijackBundle(), JAR).status);
        JsonNode hijack = awaitPlugin(api, "com.example.hijack", "failed");
        assertTrue(hijack.toString(), hijack.get("failure").asText().contains("claims /api/v1/accounts"));
        Api.Answer accounts = api.awaitStatus("/api/v1/accounts", 200);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!accounts.body.contains("\"items\"")) {
            assertTrue("accounts still hijacked: " + accounts, System.nanoTime() < deadline);
            Thread.sleep(200);
            accounts = api.get("/api/v1/accounts");
        }
        assertEquals(204, api.delete("/api/v1/admin/plugins/com.example.hijack").status);

        Api.Answer pinyin = api.postBytes("/api/v1/admin/plugins",
                Files.readAllBytes(Paths.get(System.getProperty("atrium.itest.pinyin"))), JAR);
        assertEquals(pinyin.toString(), 201, pinyin.status);
        JsonNode live = awaitPlugin(api, "org.atriumcrm.plugin.pinyin", "active");
        assertEquals("pinyin", live.get("module").asText());
        assertEquals("upload", live.get("location").asText());
        api.awaitStatus("/api/v1/pinyin/status", 200);

        for (String name : new String[] {"com.example.broken.activation", "com.example.broken.wiring"}) {
            Api.Answer removed = api.delete("/api/v1/admin/plugins/" + name);
            assertEquals(removed.toString(), 204, removed.status);
        }
        Api.Answer purged = api.delete("/api/v1/admin/plugins/org.atriumcrm.plugin.pinyin?purgeData=true");
        assertEquals(purged.toString(), 200, purged.status);
        assertEquals("[\"ATRIUM_PINYIN_INDEX\"]", purged.json().get("droppedTables").toString());
        assertEquals(404, api.delete("/api/v1/admin/plugins/com.example.broken.wiring").status);
        api.awaitStatus("/api/v1/pinyin/status", 404);

        // the same plugin as a KAR, through Karaf's KAR service — and no platform bundle is stopped or refreshed for it
        // (Karaf's resolver used to re-wire javax.persistence on every KAR install and refresh the whole JPA stack
        // with every Atrium bundle)
        java.util.List<String> disturbed = new java.util.concurrent.CopyOnWriteArrayList<>();
        SynchronousBundleListener watcher = event -> {
            String name = event.getBundle().getSymbolicName();
            if ((event.getType() == BundleEvent.STOPPING || event.getType() == BundleEvent.UNRESOLVED) && name != null
                    && !name.startsWith("org.atriumcrm.plugin.")) {
                disturbed.add(name + " " + (event.getType() == BundleEvent.STOPPING ? "stopping" : "unresolved"));
            }
        };
        bundleContext.addBundleListener(watcher);
        Api.Answer kar = api.postBytes("/api/v1/admin/plugins",
                Files.readAllBytes(Paths.get(System.getProperty("atrium.itest.pinyin.kar"))), "application/zip");
        assertEquals(kar.toString(), 201, kar.status);
        String karName = kar.json().get("kar").asText();
        api.awaitStatus("/api/v1/pinyin/status", 200);
        bundleContext.removeBundleListener(watcher);
        assertTrue("installing a KAR disturbed platform bundles: " + disturbed, disturbed.isEmpty());
        assertTrue(api.get("/api/v1/admin/plugins").json().get("kars").toString().contains(karName));
        assertEquals(200, api.postBytes("/api/v1/admin/plugins",
                Files.readAllBytes(Paths.get(System.getProperty("atrium.itest.pinyin.kar"))), "application/zip").status);
        assertEquals(204, api.delete("/api/v1/admin/plugins/kars/" + karName).status);
        api.awaitStatus("/api/v1/pinyin/status", 404);
        assertEquals(before, api.get("/api/v1/admin/plugins").json().get("total").asInt());
        assertEquals(200, api.get("/api/v1/accounts").status);
        System.out.println("ATRIUM-FIGURES: whiteboard rebuild answers retried during the suite: " + Api.REBUILD_BLIPS.get());
    }
}
