package org.atriumcrm.itests;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.atriumcrm.testkit.http.Await.awaitJson;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.atriumcrm.testkit.http.Api;
import org.junit.After;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * The Karaf JVM killed with SIGKILL in the middle of taking in 1,000 WooCommerce orders (confirmed at once, so each
 * goes on to an ERP file-exchange connector) and booking 1,000 stock movements that are pushed to the shop (WireMock
 * playing its REST API). After the restart the shop sends again every order it has not seen answered — here all of
 * them, as a shop retrying in bulk would —, and then there are exactly 1,000 sales orders (none twice, none missing),
 * each in the ERP's folder as exactly one order file, no push or message is left waiting or dead, and the level the
 * shop was last told for every product is the level the CRM has.
 */
public class ShopCrashIT {
    private static final int ORDERS = 1000;
    private static final int MOVEMENTS = 1000;
    private static final int PRODUCTS = 50;
    private static final String SECRET = "wc-crash-密钥";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KarafProcess karaf = new KarafProcess(Paths.get("target", "crash", "atrium"));
    private final WireMockServer shop = new WireMockServer(options().dynamicPort());

    @After
    public void stop() throws Exception {
        karaf.close();
        shop.stop();
    }

    private static String filter(String expression) {
        return URLEncoder.encode(expression, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String sku(int i) {
        return "CRASH-" + i;
    }

    private Api.Answer deliver(String connector, int order) throws Exception {
        String body = ShopIT.wooOrder(200_000 + order, "crash.buyer" + (order % 20) + "@shop.example.cn", sku(order % PRODUCTS), 1, "processing");
        return new Api(karaf.base()).send("POST", "/api/v1/public/shop/" + connector, body, "X-WC-Webhook-Topic", "order.created",
                "X-WC-Webhook-Resource", "order", "X-WC-Webhook-Event", "created", "X-WC-Webhook-Delivery-ID", "crash-" + order,
                "X-WC-Webhook-ID", "7", "X-WC-Webhook-Source", "https://shop.example.cn/", "X-WC-Webhook-Signature", ShopIT.sign(body, SECRET));
    }

    @Test
    public void aKillInTheMiddleLosesAndDoublesNothing() throws Exception {
        shop.start();
        for (int i = 0; i < PRODUCTS; i++) {
            shop.stubFor(get(urlPathEqualTo("/wp-json/wc/v3/products")).withQueryParam("sku", equalTo(sku(i)))
                    .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("[{\"id\": " + (5000 + i) + ", \"sku\": \"" + sku(i) + "\"}]")));
        }
        shop.stubFor(post(urlPathEqualTo("/wp-json/wc/v3/products/batch"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("{\"update\": []}")));

        karaf.unpack().start();
        Api admin = new Api(karaf.base()).basic("admin", karaf.adminPassword());
        admin.awaitReady(Duration.ofSeconds(120));
        Map<String, Integer> shopIdOf = new HashMap<>();
        List<String> products = new ArrayList<>();
        for (int i = 0; i < PRODUCTS; i++) {
            Api.Answer p = admin.post("/api/v1/products", "{\"sku\":\"" + sku(i) + "\",\"name\":\"崩溃测试 " + i + "\",\"listPrice\":1100,\"stocked\":true}");
            assertEquals(p.toString(), 201, p.status);
            String id = p.json().get("id").asText();
            products.add(id);
            shopIdOf.put(id, 5000 + i);
            assertEquals(201, admin.post("/api/v1/stock-movements", "{\"movementType\":\"OPENING_BALANCE\",\"productId\":\"" + id + "\",\"quantity\":100}").status);
        }
        java.nio.file.Path exchange = java.nio.file.Files.createTempDirectory(java.nio.file.Paths.get("target").toAbsolutePath(), "crash-erp");
        String erpSettings = "{\\\"location\\\":\\\"file:" + exchange + "\\\",\\\"send\\\":\\\"salesOrder\\\",\\\"format\\\":\\\"csv\\\"}";
        Api.Answer erp = admin.post("/api/v1/connectors", "{\"name\":\"崩溃测试 ERP\",\"type\":\"erp-file\",\"settings\":\"" + erpSettings + "\"}");
        assertEquals(erp.toString(), 201, erp.status);
        String erpConnector = erp.json().get("id").asText();
        String settings = "{\\\"storeUrl\\\":\\\"" + shop.baseUrl() + "\\\",\\\"consumerKey\\\":\\\"ck_crash\\\",\\\"consumerSecret\\\":\\\"cs_crash\\\",\\\"pushDelaySeconds\\\":\\\"1\\\",\\\"confirmOrders\\\":\\\"true\\\"}";
        Api.Answer created = admin.post("/api/v1/connectors", "{\"name\":\"崩溃测试网店\",\"type\":\"woocommerce\",\"settings\":\"" + settings
                + "\",\"secret\":\"" + SECRET + "\"}");
        assertEquals(created.toString(), 201, created.status);
        String connector = created.json().get("id").asText();
        // the connectors' routes start in the background: WooCommerce's unsigned ping is answered once the webhook takes deliveries
        long ready = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        Api.Answer ping;
        do {
            ping = new Api(karaf.base()).send("POST", "/api/v1/public/shop/" + connector, "webhook_id=7", "Content-Type", "application/x-www-form-urlencoded");
            if (ping.status != 200) {
                Thread.sleep(250);
            }
        } while (ping.status != 200 && System.nanoTime() < ready);
        assertEquals(ping.toString(), 200, ping.status);
        Api.Answer warm = deliver(connector, ORDERS); // one order beyond the thousand: the webhook answers before the load starts
        assertEquals(warm.toString(), 200, warm.status);

        // orders and stock movements at once, until the JVM dies under them
        AtomicInteger acked = new AtomicInteger();
        java.util.concurrent.atomic.AtomicReference<String> refused = new java.util.concurrent.atomic.AtomicReference<>();
        AtomicInteger moved = new AtomicInteger();
        Set<Integer> answered = ConcurrentHashMap.newKeySet();
        ExecutorService clients = Executors.newFixedThreadPool(6);
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int first = t;
            running.add(clients.submit(() -> {
                for (int o = first; o < ORDERS; o += 4) {
                    try {
                        Api.Answer a = deliver(connector, o);
                        if (a.status == 200) {
                            answered.add(o);
                            acked.incrementAndGet();
                        } else {
                            refused.compareAndSet(null, a.toString());
                        }
                    } catch (Exception | AssertionError gone) {
                        return null; // the JVM is gone: the shop keeps what it did not get answered for later
                    }
                }
                return null;
            }));
        }
        for (int t = 0; t < 2; t++) {
            int first = t;
            running.add(clients.submit(() -> {
                for (int m = first; m < MOVEMENTS; m += 2) {
                    try {
                        Api.Answer a = admin.post("/api/v1/stock-movements", "{\"movementType\":\"ADJUSTMENT\",\"productId\":\""
                                + products.get(m % PRODUCTS) + "\",\"quantity\":" + (m % 3 == 0 ? "-1" : "2") + ",\"reason\":\"崩溃测试\"}");
                        if (a.status == 201) {
                            moved.incrementAndGet();
                        }
                    } catch (Exception | AssertionError gone) {
                        return null;
                    }
                }
                return null;
            }));
        }
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (acked.get() < ORDERS * 2 / 5 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        karaf.kill();
        for (Future<?> f : running) {
            f.get(2, TimeUnit.MINUTES);
        }
        clients.shutdown();
        System.out.println("ATRIUM-FIGURES: crash after " + acked.get() + " orders answered and " + moved.get() + " stock movements booked");
        assertTrue("killed too late: " + acked.get(), acked.get() < ORDERS);
        assertTrue("killed before any order was taken in; first refusal: " + refused.get(), acked.get() > 0);

        karaf.start();
        // the shop sends every order again (answered or not): each is taken once
        ExecutorService again = Executors.newFixedThreadPool(4);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int o = 0; o < ORDERS; o++) {
            int order = o;
            statuses.add(again.submit(() -> deliver(connector, order).status));
        }
        for (Future<Integer> s : statuses) {
            assertEquals(200, (int) s.get(5, TimeUnit.MINUTES));
        }
        again.shutdown();

        String orders = "/api/v1/sales-orders?limit=1&filter=" + filter("externalSource eq '" + connector + "'");
        awaitJson(admin, orders, j -> j.get("total").asInt() >= ORDERS + 1, Duration.ofMinutes(5));
        Thread.sleep(3000); // anything still being processed twice would show now
        assertEquals(ORDERS + 1, admin.get(orders).json().get("total").asInt());
        Set<String> external = new HashSet<>();
        for (int offset = 0; offset <= ORDERS; offset += 500) {
            for (JsonNode o : admin.get("/api/v1/sales-orders?limit=500&offset=" + offset + "&sort=externalId&filter="
                    + filter("externalSource eq '" + connector + "'")).json().get("items")) {
                external.add(o.get("externalId").asText());
            }
        }
        assertEquals("one sales order per shop order", ORDERS + 1, external.size());

        // every push sent, none dead, and the shop's last level of each product is the CRM's
        awaitJson(admin, "/api/v1/shop-pushes?limit=1&filter=" + filter("connectorId eq '" + connector + "' and status eq 'pending'"),
                j -> j.get("total").asInt() == 0, Duration.ofMinutes(3));
        assertEquals(0, admin.get("/api/v1/shop-pushes?limit=1&filter=" + filter("connectorId eq '" + connector + "' and status eq 'dead'"))
                .json().get("total").asInt());
        Map<Integer, Integer> lastLevel = new HashMap<>();
        List<ServeEvent> events = new ArrayList<>(shop.getAllServeEvents());
        events.sort((a, b) -> a.getRequest().getLoggedDate().compareTo(b.getRequest().getLoggedDate()));
        for (ServeEvent e : events) {
            if (e.getRequest().getUrl().startsWith("/wp-json/wc/v3/products/batch")) {
                for (JsonNode u : JSON.readTree(e.getRequest().getBodyAsString()).get("update")) {
                    lastLevel.put(u.get("id").asInt(), u.get("stock_quantity").asInt());
                }
            }
        }
        for (String product : products) {
            BigDecimal onHand = CommerceSteps.onHand(admin, product);
            assertEquals("the shop's level of " + product, onHand.intValueExact(), (int) lastLevel.getOrDefault(shopIdOf.get(product), -1));
        }

        // every order confirmed went to the ERP's folder once: one order file per order number, no message left over
        String messages = "/api/v1/erp-messages?limit=1&filter=" + filter("connectorId eq '" + erpConnector + "' and status eq 'pending'");
        awaitJson(admin, messages, j -> j.get("total").asInt() == 0, Duration.ofMinutes(3));
        assertEquals(0, admin.get("/api/v1/erp-messages?limit=1&filter=" + filter("connectorId eq '" + erpConnector + "' and status eq 'dead'"))
                .json().get("total").asInt());
        // a kill between an order's creation and its confirmation leaves it a draft (the shop's resend is a duplicate):
        // a known gap, counted here; every order that was confirmed is in the ERP's folder exactly once
        Set<String> numbers = new HashSet<>();
        int drafts = 0;
        for (int offset = 0; offset <= ORDERS; offset += 500) {
            for (JsonNode o : admin.get("/api/v1/sales-orders?limit=500&offset=" + offset + "&sort=externalId&filter="
                    + filter("externalSource eq '" + connector + "'")).json().get("items")) {
                if ("confirmed".equals(o.get("status").asText())) {
                    numbers.add(o.get("number").asText());
                } else {
                    assertEquals(o.toString(), "draft", o.get("status").asText());
                    drafts++;
                }
            }
        }
        System.out.println("ATRIUM-FIGURES: orders left a draft by the kill between creation and confirmation: " + drafts);
        assertTrue("drafts left by one kill: " + drafts, drafts <= 8);
        Map<String, Integer> files = new HashMap<>();
        try (java.util.stream.Stream<java.nio.file.Path> out = java.nio.file.Files.list(exchange.resolve("out"))) {
            out.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("salesOrder-")).forEach(n -> {
                String number = n.substring("salesOrder-".length(), n.lastIndexOf('-'));
                files.merge(number, 1, Integer::sum);
            });
        }
        assertEquals("an order file for every order", numbers, files.keySet());
        assertTrue("no order sent twice: " + files, files.values().stream().allMatch(n -> n == 1));
        System.out.println("ATRIUM-FIGURES: after the restart " + external.size() + " sales orders, one per shop order, " + lastLevel.size() + " products' levels in step with the shop, "
                + files.size() + " order files in the ERP's folder");
    }
}
