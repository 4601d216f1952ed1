package org.atriumcrm.shop.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
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
 * Stock levels and prices pushed to Shopify's Admin API, played by WireMock: the variant found by SKU over GraphQL,
 * the price set only when it differs, the level set at the connector's or the shop's first active location, a 429
 * waited out without the rest of the batch paying for it, an unknown SKU a dead letter, the REST bucket's call limit
 * stopping a batch before the shop has to.
 */
public class ShopifyPushTest {
    private static final String API = "/admin/api/2024-10";
    private static final String TOKEN = "shpat_4c0ffee1";
    private static EntityManagerFactory emf;
    private WireMockServer shop;
    private ShopPushes pushes;

    /** The catalog: product id → SKU and list price. */
    private static final Map<String, String[]> PRODUCTS = Map.of("p-chair", new String[] {"CHAIR-01", "1200.0000"},
            "p-ghost", new String[] {"GHOST-9", "10"}, "p-desk", new String[] {"DESK-7", "80.00"},
            "p-s1", new String[] {"S-1", "1"}, "p-s2", new String[] {"S-2", "2"}, "p-s3", new String[] {"S-3", "3"},
            "p-s4", new String[] {"S-4", "4"});

    private static final Catalog CATALOG = new Catalog() {
        @Override
        public Optional<Item> item(String id) {
            String[] p = PRODUCTS.get(id);
            return p == null ? Optional.empty() : Optional.of(new Item(id, p[0], "人体工学椅", Kind.PRODUCT, true, "把", new BigDecimal(p[1]),
                    "CNY", null, BigDecimal.ZERO, true, false, null, false, "owner", null, List.of()));
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
        InMemoryJpa jpa = new InMemoryJpa(emf);
        jpa.tx(em -> em.createQuery("DELETE FROM ShopPush").executeUpdate());
        pushes = new ShopPushes(jpa, null);
        shop = new WireMockServer(options().dynamicPort());
        shop.start();
    }

    @After
    public void tearDown() {
        shop.stop();
    }

    private ConnectorConfig config(Map<String, String> more) {
        Map<String, String> settings = new HashMap<>(Map.of("shopUrl", shop.baseUrl() + "/", "accessToken", TOKEN));
        settings.putAll(more);
        return new ConnectorConfig("c-2", "上海旗舰店", Shopify.ID, settings, "shpss_1");
    }

    /** GraphQL's answer with the variants its search found, and the cost block Shopify adds to every answer. */
    private static String variants(String available, String... nodes) {
        return "{\"data\": {\"productVariants\": {\"edges\": [" + String.join(",", nodes) + "]}},"
                + " \"extensions\": {\"cost\": {\"requestedQueryCost\": 7, \"actualQueryCost\": 4,"
                + " \"throttleStatus\": {\"maximumAvailable\": 2000.0, \"currentlyAvailable\": " + available + ", \"restoreRate\": 100.0}}}}";
    }

    private static String variant(String sku, long id, String price, long inventoryItem, boolean tracked) {
        return "{\"node\": {\"legacyResourceId\": \"" + id + "\", \"sku\": \"" + sku + "\", \"price\": \"" + price
                + "\", \"inventoryItem\": {\"legacyResourceId\": \"" + inventoryItem + "\", \"tracked\": " + tracked + "}}}";
    }

    private void lookup(String sku, String answer) {
        shop.stubFor(post(urlPathEqualTo(API + "/graphql.json")).withHeader("X-Shopify-Access-Token", equalTo(TOKEN))
                .withRequestBody(matchingJsonPath("$.variables.q", equalTo("sku:\"" + sku + "\"")))
                .withRequestBody(matchingJsonPath("$.query", com.github.tomakehurst.wiremock.client.WireMock.containing("productVariants(first: 5, query: $q)")))
                .willReturn(okJson(answer)));
    }

    private ShopPush push(String productId) {
        return pushes.all("c-2").stream().filter(p -> p.getProductId().equals(productId)).findFirst().orElseThrow();
    }

    @Test
    public void priceAndLevelByTheVariantsIdsAndA429WaitedOutWithoutTheRestOfTheBatchPaying() throws Exception {
        // the search matches words: GHOST-99 is not GHOST-9
        lookup("GHOST-9", variants("1990", variant("GHOST-99", 1, "10.00", 2, true)));
        lookup("CHAIR-01", variants("1990", variant("chair-01", 808950810, "1100.00", 341629, true)));
        lookup("DESK-7", variants("1990", variant("DESK-7", 39072856, "80.00", 49148385, true)));
        shop.stubFor(get(urlPathEqualTo(API + "/locations.json")).withHeader("X-Shopify-Access-Token", equalTo(TOKEN))
                .willReturn(okJson("{\"locations\": [{\"id\": 24826418, \"name\": \"旧仓库\", \"active\": false},"
                        + " {\"id\": 655441491, \"name\": \"上海仓\", \"active\": true}]}")));
        shop.stubFor(put(urlPathEqualTo(API + "/variants/808950810.json")).inScenario("throttle").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2.0").withBody("{\"errors\": \"Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service.\"}"))
                .willSetStateTo("calm"));
        shop.stubFor(put(urlPathEqualTo(API + "/variants/808950810.json")).inScenario("throttle").whenScenarioStateIs("calm")
                .withHeader("X-Shopify-Access-Token", equalTo(TOKEN))
                .withRequestBody(equalToJson("{\"variant\": {\"id\": 808950810, \"price\": \"1200\"}}"))
                .willReturn(okJson("{\"variant\": {\"id\": 808950810, \"price\": \"1200.00\"}}").withHeader("X-Shopify-Shop-Api-Call-Limit", "2/40")));
        shop.stubFor(post(urlPathEqualTo(API + "/inventory_levels/set.json")).withHeader("X-Shopify-Access-Token", equalTo(TOKEN))
                .willReturn(okJson("{\"inventory_level\": {\"available\": 7}}").withHeader("X-Shopify-Shop-Api-Call-Limit", "3/40")));

        pushes.queue("c-2", "p-ghost", Duration.ZERO);
        pushes.queue("c-2", "p-chair", Duration.ZERO);
        pushes.queue("c-2", "p-desk", Duration.ZERO);
        ShopifyPush shopify = new ShopifyPush(pushes);
        shopify.drain(config(Map.of()), CATALOG, Optional.of(STOCK));

        ShopPush ghost = push("p-ghost");
        assertEquals(OutboxEntry.DEAD, ghost.getStatus());
        assertTrue(ghost.getLastError(), ghost.getLastError().contains("no variant with SKU GHOST-9"));
        ShopPush chair = push("p-chair");
        assertEquals(OutboxEntry.PENDING, chair.getStatus());
        assertEquals(Long.valueOf(1), chair.getAttempts());
        assertTrue(chair.getLastError(), chair.getLastError().contains("429") && chair.getLastError().contains("Exceeded 2 calls"));
        assertTrue("Retry-After is honoured", chair.getNextAttemptAt().isAfter(Instant.now().plusSeconds(1)));
        ShopPush desk = push("p-desk");
        assertEquals("not tried, so no attempt counted", Long.valueOf(0), desk.getAttempts());
        assertNull(desk.getLastError());
        assertEquals("it waits as long as the throttled one", chair.getNextAttemptAt(), desk.getNextAttemptAt());

        shopify.drain(config(Map.of()), CATALOG, Optional.of(STOCK)); // nothing due yet
        shop.verify(1, putRequestedFor(urlPathEqualTo(API + "/variants/808950810.json")));
        shop.verify(0, postRequestedFor(urlPathEqualTo(API + "/inventory_levels/set.json")));

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!OutboxEntry.DELIVERED.equals(pushes.find(desk.getId()).getStatus()) && System.nanoTime() < deadline) {
            Thread.sleep(250);
            shopify.drain(config(Map.of()), CATALOG, Optional.of(STOCK));
        }
        assertEquals(OutboxEntry.DELIVERED, pushes.find(chair.getId()).getStatus());
        assertEquals(OutboxEntry.DELIVERED, pushes.find(desk.getId()).getStatus());
        shop.verify(2, putRequestedFor(urlPathEqualTo(API + "/variants/808950810.json")));
        shop.verify(0, putRequestedFor(urlPathEqualTo(API + "/variants/39072856.json"))); // the desk's price is the shop's already
        shop.verify(1, getRequestedFor(urlPathEqualTo(API + "/locations.json")));
        shop.verify(postRequestedFor(urlPathEqualTo(API + "/inventory_levels/set.json"))
                .withRequestBody(equalToJson("{\"location_id\": 655441491, \"inventory_item_id\": 341629, \"available\": 7}")));
        shop.verify(postRequestedFor(urlPathEqualTo(API + "/inventory_levels/set.json"))
                .withRequestBody(equalToJson("{\"location_id\": 655441491, \"inventory_item_id\": 49148385, \"available\": 7}")));
    }

    @Test
    public void aNearlyFullCallLimitStopsTheBatchAndTheRestGoesWithTheNextDrain() throws Exception {
        for (int i = 1; i <= 4; i++) {
            lookup("S-" + i, variants("1990", variant("S-" + i, 100 + i, String.valueOf(i), 200 + i, true)));
        }
        shop.stubFor(post(urlPathEqualTo(API + "/inventory_levels/set.json")).inScenario("bucket").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("{}").withHeader("X-Shopify-Shop-Api-Call-Limit", "37/40")).willSetStateTo("fuller"));
        shop.stubFor(post(urlPathEqualTo(API + "/inventory_levels/set.json")).inScenario("bucket").whenScenarioStateIs("fuller")
                .willReturn(okJson("{}").withHeader("X-Shopify-Shop-Api-Call-Limit", "39/40")).willSetStateTo("drained"));
        shop.stubFor(post(urlPathEqualTo(API + "/inventory_levels/set.json")).inScenario("bucket").whenScenarioStateIs("drained")
                .willReturn(okJson("{}").withHeader("X-Shopify-Shop-Api-Call-Limit", "1/40")));
        for (int i = 1; i <= 4; i++) {
            pushes.queue("c-2", "p-s" + i, Duration.ZERO);
        }
        ShopifyPush shopify = new ShopifyPush(pushes);
        ConnectorConfig config = config(Map.of("locationId", "655441491"));
        shopify.drain(config, CATALOG, Optional.of(STOCK));

        assertEquals(OutboxEntry.DELIVERED, push("p-s1").getStatus());
        assertEquals(OutboxEntry.DELIVERED, push("p-s2").getStatus());
        for (String waiting : List.of("p-s3", "p-s4")) {
            ShopPush p = push(waiting);
            assertEquals(OutboxEntry.PENDING, p.getStatus());
            assertEquals("a stop is no failed attempt", Long.valueOf(0), p.getAttempts());
            assertTrue("and it is due at once", !p.getNextAttemptAt().isAfter(Instant.now()));
        }
        shop.verify(2, postRequestedFor(urlPathEqualTo(API + "/graphql.json")));
        shop.verify(2, postRequestedFor(urlPathEqualTo(API + "/inventory_levels/set.json")));
        shop.verify(0, getRequestedFor(urlPathEqualTo(API + "/locations.json"))); // the configured location is used
        shop.verify(0, putRequestedFor(urlPathEqualTo(API + "/variants/101.json"))); // prices equal: nothing to change

        shopify.drain(config, CATALOG, Optional.of(STOCK));
        assertEquals(OutboxEntry.DELIVERED, push("p-s3").getStatus());
        assertEquals(OutboxEntry.DELIVERED, push("p-s4").getStatus());
        shop.verify(postRequestedFor(urlPathEqualTo(API + "/inventory_levels/set.json"))
                .withRequestBody(equalToJson("{\"location_id\": 655441491, \"inventory_item_id\": 204, \"available\": 7}")));
    }

    @Test
    public void graphqlsThrottleInsideA200WaitsForTheBucketAndARefusalIsADeadLetterWithTheShopsReason() throws Exception {
        shop.stubFor(post(urlPathEqualTo(API + "/graphql.json")).inScenario("cost").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("{\"errors\": [{\"message\": \"Throttled\", \"extensions\": {\"code\": \"THROTTLED\","
                        + " \"documentation\": \"https://shopify.dev/api/usage/rate-limits\"}}],"
                        + " \"extensions\": {\"cost\": {\"requestedQueryCost\": 52, \"actualQueryCost\": null,"
                        + " \"throttleStatus\": {\"maximumAvailable\": 1000.0, \"currentlyAvailable\": 2, \"restoreRate\": 10.0}}}}"))
                .willSetStateTo("refilled"));
        shop.stubFor(post(urlPathEqualTo(API + "/graphql.json")).inScenario("cost").whenScenarioStateIs("refilled")
                .willReturn(okJson(variants("900", variant("S-1", 101, "1", 201, true)))));
        shop.stubFor(post(urlPathEqualTo(API + "/inventory_levels/set.json"))
                .willReturn(aResponse().withStatus(422).withHeader("Content-Type", "application/json")
                        .withBody("{\"errors\": [\"Inventory item does not have inventory tracking enabled\"]}")));
        pushes.queue("c-2", "p-s1", Duration.ZERO);
        ShopifyPush shopify = new ShopifyPush(pushes);
        ConnectorConfig config = config(Map.of("locationId", "655441491"));

        shopify.drain(config, CATALOG, Optional.of(STOCK));
        ShopPush s1 = push("p-s1");
        assertEquals(OutboxEntry.PENDING, s1.getStatus());
        assertTrue(s1.getLastError(), s1.getLastError().contains("Throttled"));
        assertTrue("50 points missing at 10 a second", s1.getNextAttemptAt().isAfter(Instant.now().plusSeconds(4)));

        pushes.postpone(List.of(s1), Instant.now()); // as if the five seconds had passed
        shopify.drain(config, CATALOG, Optional.of(STOCK));
        s1 = push("p-s1");
        assertEquals(OutboxEntry.DEAD, s1.getStatus());
        assertTrue(s1.getLastError(), s1.getLastError().contains("422") && s1.getLastError().contains("inventory tracking"));
    }
}
