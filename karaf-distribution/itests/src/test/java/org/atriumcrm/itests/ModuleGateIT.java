package org.atriumcrm.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.Collection;
import java.util.Hashtable;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;

import org.atriumcrm.testkit.http.Api;
import org.atriumcrm.api.meta.Label;
import org.atriumcrm.api.module.ModuleDescriptor;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.module.ModuleRegistry;
import org.atriumcrm.api.security.Caller;
import org.junit.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

import com.fasterxml.jackson.databind.JsonNode;

/** The module mechanism in the running platform: gates follow enablement, which ConfigAdmin keeps; events fire. */
public class ModuleGateIT extends AtriumTestSupport {

    @Inject
    BundleContext context;

    @Inject
    ModuleRegistry registry;

    @Inject
    ConfigurationAdmin configurationAdmin;

    private static ModuleDescriptor module(String id, String... requires) {
        return new ModuleDescriptor() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public Label name() {
                return Label.of("Test " + id, "测试 " + id);
            }

            @Override
            public String version() {
                return "1.0.0";
            }

            @Override
            public Set<String> requires() {
                return Set.of(requires);
            }
        };
    }

    private boolean gateOpen(String id) throws Exception {
        Collection<ServiceReference<ModuleGate>> refs =
                context.getServiceReferences(ModuleGate.class, "(" + ModuleGate.MODULE_PROPERTY + "=" + id + ")");
        return !refs.isEmpty();
    }

    private void awaitGate(String id, boolean open) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (gateOpen(id) != open) {
            assertTrue("gate of " + id + " still " + (open ? "closed" : "open"), System.nanoTime() < deadline);
            Thread.sleep(50);
        }
    }

    @Test
    public void gatesFollowEnablementAndDependenciesAndThePersistedState() throws Exception {
        Api api = new Api(baseUrl()).basic(ADMIN_USER, ADMIN_PASSWORD);
        api.awaitReady(Duration.ofSeconds(90));
        ServiceRegistration<ModuleDescriptor> base = context.registerService(ModuleDescriptor.class, module("itest-base", "customers"), null);
        ServiceRegistration<ModuleDescriptor> addon = context.registerService(ModuleDescriptor.class, module("itest-addon", "itest-base"), null);
        try {
            awaitGate("itest-base", true);
            awaitGate("itest-addon", true);

            try {
                registry.setEnabled("itest-base", false, false, Caller.SYSTEM);
                throw new AssertionError("disabled a module others require");
            } catch (org.atriumcrm.api.error.AtriumException e) {
                assertEquals(409, e.status());
                assertTrue(e.getMessage(), e.getMessage().contains("itest-addon"));
            }
            try {
                registry.setEnabled("customers", false, false, Caller.SYSTEM);
                throw new AssertionError("disabled a platform module");
            } catch (org.atriumcrm.api.error.AtriumException e) {
                assertEquals(409, e.status());
            }

            registry.setEnabled("itest-base", false, true, Caller.SYSTEM);
            awaitGate("itest-base", false);
            awaitGate("itest-addon", false);
            Configuration config = configurationAdmin.getConfiguration("org.atriumcrm.modules", "?");
            List<String> disabled = List.of((String[]) config.getProperties().get("disabled"));
            assertTrue(disabled.toString(), disabled.containsAll(List.of("itest-base", "itest-addon")));

            JsonNode listed = api.get("/api/v1/admin/modules/itest-base").json();
            assertEquals("disabled", listed.get("state").asText());
            assertEquals("测试 itest-base", listed.get("name").get("zh-CN").asText());

            Api.Answer needsBase = api.post("/api/v1/admin/modules/itest-addon/enable", null);
            assertEquals(needsBase.toString(), 409, needsBase.status);
            Api.Answer enabled = api.post("/api/v1/admin/modules/itest-base/enable", null);
            assertEquals(enabled.toString(), 200, enabled.status);
            assertEquals("enabled", enabled.json().get("state").asText());
            awaitGate("itest-base", true);
            assertEquals(200, api.post("/api/v1/admin/modules/itest-addon/enable", null).status);
            awaitGate("itest-addon", true);

            Api.Answer refused = api.post("/api/v1/admin/modules/itest-base/disable", null);
            assertEquals(refused.toString(), 409, refused.status);
            assertTrue(refused.body, refused.body.contains("itest-addon"));
            assertEquals(409, api.post("/api/v1/admin/modules/customers/disable", null).status);
            assertEquals(404, api.post("/api/v1/admin/modules/no-such-module/disable", null).status);
            assertEquals(200, api.post("/api/v1/admin/modules/itest-base/disable?cascade=true", null).status);
            awaitGate("itest-addon", false);
            JsonNode changes = api.get("/api/v1/admin/modules/itest-base/changes").json().get("items");
            assertEquals("disabled", changes.get(0).get("action").asText());
            assertEquals("admin", changes.get(0).get("loginName").asText());
            assertEquals("itest-addon", changes.get(0).get("cascaded").get(0).asText());
            assertEquals("enabled", changes.get(1).get("action").asText());
            assertEquals(200, api.post("/api/v1/admin/modules/itest-base/enable", null).status);
            assertEquals(200, api.post("/api/v1/admin/modules/itest-addon/enable", null).status);
            awaitGate("itest-addon", true);
        } finally {
            addon.unregister();
            base.unregister();
        }
        awaitGate("itest-base", false);
    }

    @Test
    public void domainEventsArePostedAfterCommit() throws Exception {
        BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(EventConstants.EVENT_TOPIC, "atrium/Account/*");
        ServiceRegistration<EventHandler> handler = context.registerService(EventHandler.class, events::add, props);
        try {
            Api api = new Api(baseUrl()).basic(ADMIN_USER, ADMIN_PASSWORD);
            api.awaitReady(Duration.ofSeconds(90));
            String id = api.post("/api/v1/accounts?allowDuplicates=true", "{\"name\":\"Event Co\"}").json().get("id").asText();
            Event created = events.poll(10, TimeUnit.SECONDS);
            assertEquals("atrium/Account/CREATED", created.getTopic());
            assertEquals(id, created.getProperty("id"));
            assertEquals("Account", created.getProperty("entity"));
            api.patch("/api/v1/accounts/" + id, "{\"rating\":\"warm\"}");
            Event updated = events.poll(10, TimeUnit.SECONDS);
            assertEquals("atrium/Account/UPDATED", updated.getTopic());
            assertEquals(List.of("rating"), List.of((String[]) updated.getProperty("changedFields")));
            api.delete("/api/v1/accounts/" + id);
            assertEquals("atrium/Account/DELETED", events.poll(10, TimeUnit.SECONDS).getTopic());
        } finally {
            handler.unregister();
        }
    }
}
