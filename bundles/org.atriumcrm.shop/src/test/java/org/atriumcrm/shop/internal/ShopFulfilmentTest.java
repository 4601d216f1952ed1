package org.atriumcrm.shop.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.Map;

import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;

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

/** Shipments reported back to the shops' REST APIs (played by WireMock): once per delivery note, retried after the shop's 429. */
public class ShopFulfilmentTest {
    private static EntityManagerFactory emf;
    private WireMockServer shop;
    private ShopFulfilments fulfilments;
    private ShopFulfilmentService service;

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
        jpa.tx(em -> em.createQuery("DELETE FROM ShopFulfilment").executeUpdate());
        fulfilments = new ShopFulfilments(jpa, null);
        service = new ShopFulfilmentService(fulfilments, null, null, null);
        shop = new WireMockServer(options().dynamicPort());
        shop.start();
    }

    @After
    public void tearDown() {
        service.stop();
        shop.stop();
    }

    private String awaitSent(String id, ConnectorConfig config) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!OutboxEntry.DELIVERED.equals(fulfilments.find(id).getStatus()) && System.nanoTime() < deadline) {
            service.drain(config);
            Thread.sleep(200);
        }
        return id;
    }

    @Test
    public void wooCommerceHearsTheOrderCompletedWithTheTrackingNumberOnce() throws Exception {
        ConnectorConfig config = new ConnectorConfig("woo-1", "西湖旗舰店", WooCommerce.ID, Map.of("storeUrl", shop.baseUrl(), "consumerKey", "ck_1",
                "consumerSecret", "cs_1"), "hook");
        shop.stubFor(put(urlPathEqualTo("/wp-json/wc/v3/orders/727")).inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2")).willSetStateTo("free"));
        shop.stubFor(put(urlPathEqualTo("/wp-json/wc/v3/orders/727")).inScenario("busy").whenScenarioStateIs("free")
                .withRequestBody(equalToJson("{\"status\": \"completed\"}")).willReturn(okJson("{\"id\": 727, \"status\": \"completed\"}")));
        shop.stubFor(post(urlPathEqualTo("/wp-json/wc/v3/orders/727/notes"))
                .withRequestBody(equalToJson("{\"note\": \"已发货 Shipped: 顺丰速运 SF1234567890\", \"customer_note\": true}"))
                .willReturn(okJson("{\"id\": 281}")));

        fulfilments.queue("woo-1", "order-1", "727", "note-1", "顺丰速运", "SF1234567890");
        fulfilments.queue("woo-1", "order-1", "727", "note-1", "顺丰速运", "SF1234567890"); // the event heard twice
        assertEquals(1, fulfilments.due("woo-1", 10).size());
        String queued = fulfilments.due("woo-1", 10).get(0).getId();
        service.drain(config);
        ShopFulfilment waiting = fulfilments.due("woo-1", 10).isEmpty() ? null : fulfilments.due("woo-1", 10).get(0);
        assertEquals("waits for Retry-After", null, waiting);
        String id = awaitSent(queued, config);
        assertEquals(OutboxEntry.DELIVERED, fulfilments.find(id).getStatus());
        shop.verify(2, putRequestedFor(urlPathEqualTo("/wp-json/wc/v3/orders/727")));
        shop.verify(1, postRequestedFor(urlPathEqualTo("/wp-json/wc/v3/orders/727/notes")));
    }

    @Test
    public void shopifyFulfilsTheOpenFulfillmentOrdersWithTheTrackingInfo() throws Exception {
        ConnectorConfig config = new ConnectorConfig("shopify-1", "Shopify", Shopify.ID, Map.of("shopUrl", shop.baseUrl(), "accessToken", "shpat_1",
                "apiVersion", "2024-10"), "hook");
        shop.stubFor(get(urlPathEqualTo("/admin/api/2024-10/orders/450789469/fulfillment_orders.json"))
                .withHeader("X-Shopify-Access-Token", equalTo("shpat_1"))
                .willReturn(okJson("{\"fulfillment_orders\": [{\"id\": 1046000778, \"status\": \"open\"}, {\"id\": 1046000779, \"status\": \"closed\"}]}")));
        shop.stubFor(post(urlPathEqualTo("/admin/api/2024-10/fulfillments.json"))
                .withRequestBody(equalToJson("{\"fulfillment\": {\"line_items_by_fulfillment_order\": [{\"fulfillment_order_id\": 1046000778}],"
                        + " \"tracking_info\": {\"number\": \"YT2412345678\", \"company\": \"圆通\"}, \"notify_customer\": true}}"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody("{\"fulfillment\": {\"id\": 255858046}}")));

        fulfilments.queue("shopify-1", "order-2", "450789469", "note-2", "圆通", "YT2412345678");
        String id = awaitSent(fulfilments.due("shopify-1", 10).get(0).getId(), config);
        assertEquals(OutboxEntry.DELIVERED, fulfilments.find(id).getStatus());
        shop.verify(1, postRequestedFor(urlPathEqualTo("/admin/api/2024-10/fulfillments.json")));
        assertTrue(fulfilments.due("shopify-1", 10).isEmpty());
    }
}
