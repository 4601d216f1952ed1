package org.atriumcrm.connectors.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.meta.Label;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.connectors.api.ConnectionCheck;
import org.atriumcrm.connectors.api.ConnectorConfig;
import org.atriumcrm.connectors.api.ConnectorSetting;
import org.atriumcrm.connectors.api.ConnectorType;
import org.atriumcrm.integration.api.secret.Secrets;
import org.atriumcrm.testkit.jpa.InMemoryJpa;
import org.junit.After;
import org.junit.AfterClass;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.Test;

/** Connectors as records, and their routes kept in step with the records and the registered types. */
public class ConnectorRuntimeTest {
    private static final Caller ADMIN = new Caller("00000000-0000-7000-8000-000000000001", "admin", true);
    private static EntityManagerFactory emf;

    private ConnectorTypeRegistry types;
    private ConnectorStore store;
    private DefaultCamelContext camel;
    private ConnectorRuntime runtime;
    private final Map<String, String> seen = new HashMap<>();

    /** A shop type whose one route is named as asked; it remembers the config it was given. */
    private final class Shop implements ConnectorType {
        private final String suffix;

        Shop(String suffix) {
            this.suffix = suffix;
        }

        @Override
        public String id() {
            return "test-shop";
        }

        @Override
        public Label label() {
            return Label.of("Test shop", "测试网店");
        }

        @Override
        public List<ConnectorSetting> settings() {
            return List.of(ConnectorSetting.required("url", "Shop URL", "网店地址", "https://shop.example.cn"),
                    ConnectorSetting.optional("apiToken", "API token", "API 令牌", "shpat_…"));
        }

        @Override
        public java.util.Set<String> sealedSettings() {
            return java.util.Set.of("apiToken");
        }

        @Override
        public List<ConnectionCheck> test(ConnectorConfig config) {
            return List.of(ConnectionCheck.passed("dns", config.setting("url", "")), ConnectionCheck.failed("authentication", "401"));
        }

        @Override
        public RoutesBuilder routes(ConnectorConfig config) {
            seen.put(config.id(), config.setting("url", "") + " " + config.secret());
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:" + config.id()).routeId(suffix.startsWith("!") ? suffix.substring(1) : config.routePrefix() + suffix).log("${body}");
                }
            };
        }
    }

    @BeforeClass
    public static void openDatabase() {
        emf = Persistence.createEntityManagerFactory("connectorstest");
    }

    @AfterClass
    public static void closeDatabase() {
        emf.close();
    }

    @Before
    public void start() throws Exception {
        InMemoryJpa jpa = new InMemoryJpa(emf);
        jpa.tx(em -> em.createQuery("DELETE FROM Connector").executeUpdate());
        jpa.tx(em -> em.createQuery("DELETE FROM RecordChange").executeUpdate());
        types = new ConnectorTypeRegistry();
        Secrets reversed = new Secrets() {
            @Override
            public String seal(String plain) {
                return "sealed:" + new StringBuilder(plain).reverse();
            }

            @Override
            public String open(String sealed) {
                return new StringBuilder(sealed.substring("sealed:".length())).reverse().toString();
            }
        };
        store = new ConnectorStore(jpa, null, reversed, types, null);
        camel = new DefaultCamelContext();
        runtime = new ConnectorRuntime(camel, store, types);
    }

    @After
    public void stop() {
        runtime.stop();
    }

    /** The reconciliations the store's and types' changes asked for, done; then one more on this thread. */
    private void settle() {
        try {
            runtime.settle();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        runtime.reconcile();
    }

    private Connector create(String name, String settings, String secret) {
        Map<String, Object> values = new HashMap<>();
        values.put("name", name);
        values.put("type", "test-shop");
        values.put("settings", settings);
        values.put("secret", secret);
        return store.create(values, ADMIN);
    }

    private static void assertInvalid(String field, Runnable write) {
        try {
            write.run();
            fail("accepted");
        } catch (AtriumException e) {
            assertEquals(400, e.status());
            assertEquals(field, e.errors().get(0).field());
        }
    }

    @Test
    public void routesFollowTheRecordAndItsType() {
        Shop shop = new Shop("orders");
        types.addType(shop);
        Connector c = create("有赞店铺", "{\"url\":\"https://shop.example.cn\",\"batch\":50}", "s3cret");
        settle();
        assertEquals(Map.of(c.getId(), List.of("connector-" + c.getId() + "-orders")), runtime.routes());
        assertEquals("https://shop.example.cn s3cret", seen.get(c.getId()));
        assertTrue(camel.getRoute("connector-" + c.getId() + "-orders") != null);

        store.status(c.getId(), Connector.PAUSED, ADMIN);
        try {
            store.status(c.getId(), Connector.PAUSED, ADMIN);
            fail("paused twice");
        } catch (AtriumException e) {
            assertEquals(409, e.status());
        }
        settle();
        assertEquals(Map.of(), runtime.routes());
        assertNull(camel.getRoute("connector-" + c.getId() + "-orders"));

        store.status(c.getId(), Connector.ACTIVE, ADMIN);
        settle();
        assertEquals(1, runtime.routes().size());

        // a changed setting restarts the routes with it
        store.update(c.getId(), null, Map.of("settings", "{\"url\":\"https://new.example.cn\"}"), ADMIN);
        settle();
        assertEquals("https://new.example.cn s3cret", seen.get(c.getId()));
        assertEquals(1, camel.getRoutes().size());

        // the module goes away with its type: the routes stop, the connector stays
        types.removeType(shop);
        settle();
        assertEquals(0, camel.getRoutes().size());
        assertEquals(Connector.ACTIVE, store.connector(c.getId()).getStatus());
        types.addType(shop);
        settle();
        assertEquals(1, camel.getRoutes().size());

        store.delete(c.getId(), null, ADMIN);
        settle();
        assertEquals(0, camel.getRoutes().size());
    }

    @Test
    public void routesNamedOutsideTheConnectorsPrefixAreRefusedWithTheReason() {
        types.addType(new Shop("!stray-route"));
        Connector c = create("shop", "{\"url\":\"https://shop.example.cn\"}", null);
        settle();
        assertEquals(0, camel.getRoutes().size());
        assertTrue(store.connector(c.getId()).getLastError(), store.connector(c.getId()).getLastError().contains("stray-route"));
    }

    @Test
    public void settingsAreAJsonObjectWithTheTypesRequiredOnesAndTheSecretIsWriteOnly() {
        types.addType(new Shop("orders"));
        assertInvalid("settings", () -> create("shop", "[1,2]", null));
        assertInvalid("settings", () -> create("shop", "{\"url\":", null));
        assertInvalid("settings", () -> create("shop", "{\"url\":{\"nested\":1}}", null));
        assertInvalid("settings", () -> create("shop", "{}", null));
        Connector c = create("shop", "{\"url\":\"https://shop.example.cn\"}", "key-1");
        assertTrue(c.getHasSecret());
        assertEquals("sealed:1-yek", store.connector(c.getId()).getSecretCipher());
        assertNull(ConnectorTypes.CONNECTOR.field("secret").orElseThrow().get(c));
        try {
            store.update(c.getId(), null, Map.of("type", "other"), ADMIN);
            fail("type changed");
        } catch (AtriumException e) {
            assertEquals(409, e.status());
        }
    }

    @Test
    public void aTypesSecretSettingsAreSealedNeverReadBackAndKeptWhenAnUpdateLeavesThemOut() {
        types.addType(new Shop("orders"));
        Connector c = create("shop", "{\"url\":\"https://shop.example.cn\",\"apiToken\":\"shpat_令牌1\"}", "hook-secret");
        Connector stored = store.connector(c.getId());
        assertEquals("{\"url\":\"https://shop.example.cn\"}", stored.getSettings());
        assertEquals("apiToken", stored.getSealedNames());
        assertFalse(stored.getSealedSettings().contains("shpat"));
        ConnectorDirectoryService directory = new ConnectorDirectoryService(store, null);
        ConnectorConfig config = directory.find(c.getId()).orElseThrow();
        assertEquals("shpat_令牌1", config.setting("apiToken", null));
        assertEquals("hook-secret", config.secret());
        assertTrue(directory.active(c.getId()));

        // other settings change, the token stays; a new token replaces it; an empty one removes it
        store.update(c.getId(), null, Map.of("settings", "{\"url\":\"https://new.example.cn\"}"), ADMIN);
        assertEquals("shpat_令牌1", directory.find(c.getId()).orElseThrow().setting("apiToken", null));
        store.update(c.getId(), null, Map.of("settings", "{\"url\":\"https://new.example.cn\",\"apiToken\":\"shpat_2\"}"), ADMIN);
        assertEquals("shpat_2", directory.find(c.getId()).orElseThrow().setting("apiToken", null));
        store.update(c.getId(), null, Map.of("settings", "{\"url\":\"https://new.example.cn\",\"apiToken\":\"\"}"), ADMIN);
        assertNull(directory.find(c.getId()).orElseThrow().setting("apiToken", null));
        assertNull(store.connector(c.getId()).getSealedNames());

        store.status(c.getId(), Connector.PAUSED, ADMIN);
        assertFalse(directory.active(c.getId()));
        assertTrue(directory.find(c.getId()).isPresent());
        store.delete(c.getId(), null, ADMIN);
        assertTrue(directory.find(c.getId()).isEmpty());
        assertTrue(directory.find("no-such-id").isEmpty());
    }

    @Test
    public void theRuntimesBookkeepingDoesNotChangeTheVersionAnAdministratorEdits() {
        types.addType(new Shop("orders"));
        Connector c = create("shop", "{\"url\":\"https://shop.example.cn\"}", null);
        long version = store.connector(c.getId()).getVersion();
        store.outcome(c.getId(), false, "dns: unknown host");
        store.outcome(c.getId(), null, null);
        assertEquals(version, store.connector(c.getId()).getVersion());
        store.update(c.getId(), version, Map.of("name", "shop 2"), ADMIN);
    }

    @Test
    public void aConnectorOfATypeNotInstalledIsRefused() {
        types.addType(new Shop("orders"));
        Map<String, Object> values = new HashMap<>(Map.of("name", "odoo", "type", "odoo", "settings", "{}"));
        try {
            store.create(values, ADMIN);
            fail("accepted");
        } catch (AtriumException e) {
            assertEquals(400, e.status());
            assertTrue(e.errors().get(0).message(), e.errors().get(0).message().contains("[test-shop]"));
        }
        assertFalse(store.active().stream().anyMatch(c -> c.getName().equals("odoo")));
    }
}
