package org.atriumcrm.shop.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;

import org.atriumcrm.commerce.api.Catalog;
import org.atriumcrm.commerce.api.StockLevels;
import org.atriumcrm.connectors.api.ConnectorConfig;
import org.atriumcrm.integration.api.outbox.OutboxEntry;
import org.atriumcrm.testkit.jpa.InMemoryJpa;
import org.junit.After;
import org.junit.AfterClass;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

/**
 * Stock levels and prices pushed to WooCommerce's REST API, played by WireMock: the product found by SKU, one batch
 * request with the current level and list price, a 503 with Retry-After waited out and tried again, a SKU the shop
 * lacks a dead letter, a burst of changes one push.
 */
public class WooCommercePushTest {
    private static EntityManagerFactory emf;
    private WireMockServer shop;
    private InMemoryJpa jpa;
    private ShopPushes pushes;

    private static final Catalog CATALOG = new Catalog() {
        @Override
        public Optional<Item> item(String id) {
            String sku = id.equals("p-chair") ? "CHAIR-01" : "GHOST-9";
            return Optional.of(new Item(id, sku, "人体工学椅", Kind.PRODUCT, true, "把", new BigDecimal("1200.0000"), "CNY", null,
                    BigDecimal.ZERO, true, false, null, false, "owner", null, List.of()));
        }

        @Override
        public Optional<Item> itemBySku(String sku) {
            return Optional.empty();
        }

        @Override
        public List<String> categoryAndBelow(String categoryId) {
            return List.of();
        }
    };

    private static final StockLevels STOCK = productId -> Map.of("warehouse-sh", new BigDecimal("5"), "warehouse-hz", new BigDecimal("2.0000"));

    @BeforeClass
    public static void open() {
        emf = Persistence.createEntityManagerFactory("shoptest");
    }

    @AfterClass
    public static void close() {
        emf.close();
    }

    @Before
    public void setUp() {
        jpa = new InMemoryJpa(emf);
        jpa.tx(em -> em.createQuery("DELETE FROM ShopPush").executeUpdate());
        pushes = new ShopPushes(jpa, null);
        shop = new WireMockServer(options().dynamicPort());
        shop.start();
    }

    @After
    public void tearDown() {
        shop.stop();
    }

    private ConnectorConfig config() {
        return new ConnectorConfig("c-1", "西湖旗舰店", WooCommerce.ID, Map.of("storeUrl", shop.baseUrl() + "/", "consumerKey", "ck_1",
                "consumerSecret", "cs_密钥"), "hook-secret");
    }

    @Test
    public void aBatchWithTheCurrentLevelAndPriceTriedAgainAfterTheShopsRetryAfter() throws Exception {
        String auth = "Basic " + java.util.Base64.getEncoder().encodeToString("ck_1:cs_密钥".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        shop.stubFor(get(urlPathEqualTo("/wp-json/wc/v3/products")).withQueryParam("sku", equalTo("CHAIR-01")).withHeader("Authorization", equalTo(auth))
                .willReturn(okJson("[{\"id\": 799, \"sku\": \"CHAIR-01\", \"name\": \"人体工学椅\"}]")));
        shop.stubFor(get(urlPathEqualTo("/wp-json/wc/v3/products")).withQueryParam("sku", equalTo("GHOST-9")).willReturn(okJson("[]")));
        shop.stubFor(post(urlPathEqualTo("/wp-json/wc/v3/products/batch")).inScenario("outage").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "3")).willSetStateTo("back"));
        shop.stubFor(post(urlPathEqualTo("/wp-json/wc/v3/products/batch")).inScenario("outage").whenScenarioStateIs("back")
                .withHeader("Authorization", equalTo(auth))
                .withRequestBody(equalToJson("{\"update\": [{\"id\": 799, \"regular_price\": \"1200\", \"manage_stock\": true, \"stock_quantity\": 7}]}"))
                .willReturn(okJson("{\"update\": [{\"id\": 799, \"stock_quantity\": 7}]}")));

        // a burst of changes of one product is one push
        for (int i = 0; i < 5; i++) {
            pushes.queue("c-1", "p-chair", Duration.ZERO);
        }
        pushes.queue("c-1", "p-ghost", Duration.ZERO);
        assertEquals(2, pushes.all("c-1").size());

        WooCommercePush woo = new WooCommercePush(pushes);
        woo.drain(config(), CATALOG, Optional.of(STOCK));
        ShopPush chair = pushes.all("c-1").stream().filter(p -> p.getProductId().equals("p-chair")).findFirst().orElseThrow();
        ShopPush ghost = pushes.all("c-1").stream().filter(p -> p.getProductId().equals("p-ghost")).findFirst().orElseThrow();
        assertEquals(OutboxEntry.DEAD, ghost.getStatus());
        assertTrue(ghost.getLastError(), ghost.getLastError().contains("GHOST-9"));
        assertEquals(OutboxEntry.PENDING, chair.getStatus());
        assertEquals(Long.valueOf(1), chair.getAttempts());
        assertTrue(chair.getLastError(), chair.getLastError().contains("503"));
        assertTrue("Retry-After is honoured", chair.getNextAttemptAt().isAfter(Instant.now().plusSeconds(1)));

        woo.drain(config(), CATALOG, Optional.of(STOCK)); // not due yet: nothing sent
        shop.verify(1, postRequestedFor(urlPathEqualTo("/wp-json/wc/v3/products/batch")));

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!OutboxEntry.DELIVERED.equals(pushes.find(chair.getId()).getStatus()) && System.nanoTime() < deadline) {
            Thread.sleep(250);
            woo.drain(config(), CATALOG, Optional.of(STOCK));
        }
        assertEquals(OutboxEntry.DELIVERED, pushes.find(chair.getId()).getStatus());
        shop.verify(2, postRequestedFor(urlPathEqualTo("/wp-json/wc/v3/products/batch")));

        // the dead letter, once the shop has the product, goes back into the outbox; a live push cannot be replayed
        ShopPushStore store = new ShopPushStore(jpa, new org.osgi.service.event.EventAdmin() {
            @Override
            public void postEvent(org.osgi.service.event.Event event) {
            }

            @Override
            public void sendEvent(org.osgi.service.event.Event event) {
            }
        }, null);
        assertEquals(OutboxEntry.PENDING, store.replay(ghost.getId(), org.atriumcrm.api.security.Caller.SYSTEM).getStatus());
        try {
            store.replay(ghost.getId(), org.atriumcrm.api.security.Caller.SYSTEM);
            org.junit.Assert.fail("a pending push replayed");
        } catch (org.atriumcrm.api.error.AtriumException e) {
            assertEquals(409, e.status());
        }

        // delivered: a new change queues a new push
        pushes.queue("c-1", "p-chair", Duration.ofSeconds(60));
        assertEquals(3, pushes.all("c-1").size());
        // the new one waits for the connector's delay; the replayed one is due
        assertEquals(List.of(ghost.getId()), pushes.due("c-1", 10).stream().map(ShopPush::getId).toList());
    }
}
