package org.atriumcrm.itests;

import static org.atriumcrm.testkit.http.ApiAssertions.assertProblem;
import static org.atriumcrm.testkit.http.ApiAssertions.id;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.inject.Inject;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.atriumcrm.api.meta.Label;
import org.atriumcrm.connectors.api.ConnectionCheck;
import org.atriumcrm.connectors.api.ConnectorConfig;
import org.atriumcrm.connectors.api.ConnectorSetting;
import org.atriumcrm.connectors.api.ConnectorType;
import org.atriumcrm.testkit.http.Api;
import org.junit.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Connectors in the real distribution: an administrator creates one of a type a module registers (here the test's
 * own), its secret is never shown again, the type tests it step by step, pausing and resuming it stops and starts its
 * routes, and a type that goes away with its module takes its connectors' routes along while the records stay.
 */
public class ConnectorsIT extends AtriumTestSupport {
    @Inject
    BundleContext context;

    /** Connector ids whose routes were built, with the settings and secret they were built from. */
    private static final Map<String, String> BUILT = new ConcurrentHashMap<>();

    private static final class EchoShop implements ConnectorType {
        @Override
        public String id() {
            return "itest-shop";
        }

        @Override
        public Label label() {
            return Label.of("Test shop", "测试网店");
        }

        @Override
        public List<ConnectorSetting> settings() {
            return List.of(ConnectorSetting.required("storeUrl", "Store URL", "店铺地址", "https://shop.example.cn"));
        }

        @Override
        public List<ConnectionCheck> test(ConnectorConfig config) {
            boolean authenticated = "right-key".equals(config.secret());
            return List.of(ConnectionCheck.passed("dns", config.setting("storeUrl", "")),
                    authenticated ? ConnectionCheck.passed("authentication", "key accepted") : ConnectionCheck.failed("authentication", "401 Unauthorized"));
        }

        @Override
        public RoutesBuilder routes(ConnectorConfig config) {
            BUILT.put(config.id(), config.setting("storeUrl", "") + "|" + config.secret());
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:" + config.routePrefix() + "in").routeId(config.routePrefix() + "in").log("${body}");
                }
            };
        }
    }

    private static void awaitBuilt(String id, String expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!expected.equals(BUILT.get(id)) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(expected, BUILT.get(id));
    }

    @Test
    public void anAdministratorConnectsTestsPausesAndResumesAShop() throws Exception {
        Api admin = adminApi();
        admin.awaitReady(Duration.ofSeconds(90));
        waitForHttp("/api/v1/connectors", Duration.ofSeconds(60));
        ServiceRegistration<ConnectorType> type = context.registerService(ConnectorType.class, new EchoShop(), null);
        try {
            assertProblem(admin.post("/api/v1/connectors", "{\"name\":\"x\",\"type\":\"no-such-type\",\"settings\":\"{}\"}"), 400, "type");
            assertProblem(admin.post("/api/v1/connectors", "{\"name\":\"x\",\"type\":\"itest-shop\",\"settings\":\"{\\\"storeUrl\\\":\"}"), 400, "settings");
            assertProblem(admin.post("/api/v1/connectors", "{\"name\":\"x\",\"type\":\"itest-shop\",\"settings\":\"{}\"}"), 400, "settings");

            Api.Answer created = admin.post("/api/v1/connectors",
                    "{\"name\":\"有赞旗舰店\",\"type\":\"itest-shop\",\"settings\":\"{\\\"storeUrl\\\":\\\"https://shop.example.cn\\\"}\",\"secret\":\"wrong-key\"}");
            assertEquals(created.toString(), 201, created.status);
            String id = id(created);
            JsonNode record = admin.get("/api/v1/connectors/" + id).json();
            assertEquals("active", record.get("status").asText());
            assertTrue(record.get("hasSecret").asBoolean());
            assertFalse(record.toString(), record.toString().contains("wrong-key"));
            awaitBuilt(id, "https://shop.example.cn|wrong-key");

            JsonNode test = admin.post("/api/v1/connectors/" + id + "/test", "{}").json();
            assertFalse(test.toString(), test.get("ok").asBoolean());
            assertEquals("authentication", test.get("checks").get(1).get("step").asText());
            assertFalse(admin.get("/api/v1/connectors/" + id).json().get("lastTestOk").asBoolean());

            // a new secret restarts the routes with it, and the test passes
            String etag = admin.get("/api/v1/connectors/" + id).header("ETag");
            assertEquals(200, admin.send("PATCH", "/api/v1/connectors/" + id, "{\"secret\":\"right-key\"}", "If-Match", etag).status);
            awaitBuilt(id, "https://shop.example.cn|right-key");
            assertTrue(admin.post("/api/v1/connectors/" + id + "/test", "{}").json().get("ok").asBoolean());

            assertEquals("paused", admin.post("/api/v1/connectors/" + id + "/pause", "{}").json().get("status").asText());
            assertProblem(admin.post("/api/v1/connectors/" + id + "/pause", "{}"), 409, null);
            BUILT.remove(id);
            assertEquals("active", admin.post("/api/v1/connectors/" + id + "/resume", "{}").json().get("status").asText());
            awaitBuilt(id, "https://shop.example.cn|right-key");

            // the type goes away (its module disabled): the connector stays, its test says why it cannot run
            type.unregister();
            type = null;
            assertEquals("active", admin.get("/api/v1/connectors/" + id).json().get("status").asText());
            assertProblem(admin.post("/api/v1/connectors/" + id + "/test", "{}"), 409, null);
        } finally {
            if (type != null) {
                type.unregister();
            }
        }
    }
}
