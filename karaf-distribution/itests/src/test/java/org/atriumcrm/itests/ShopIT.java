package org.atriumcrm.itests;

import static org.atriumcrm.testkit.http.ApiAssertions.assertProblem;
import static org.atriumcrm.testkit.http.ApiAssertions.id;
import static org.atriumcrm.testkit.http.Await.awaitJson;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.atriumcrm.testkit.http.Api;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Online shops in the real distribution: an administrator connects a WooCommerce and a Shopify shop; their webhooks,
 * shaped and signed as the vendors document them (HMAC-SHA256 over the raw body, Chinese text included), deliver
 * orders that become sales orders by SKU for the matched or created customer — sixteen deliveries at once, retries
 * among them, each order made once; a wrong signature is a 401 and stores nothing, a body over the limit a 413; an
 * unknown SKU holds the order until the catalog knows it; a cancellation in the shop cancels the order.
 */
public class ShopIT extends AtriumTestSupport {
    private static final String WOO_SECRET = "wc-webhook-密钥-2026";
    private static final String SHOPIFY_SECRET = "shpss_0123456789abcdef";

    static String sign(String body, String secret) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    /** A WooCommerce v3 order as its order.created webhook sends it. */
    static String wooOrder(int id, String email, String sku, int quantity, String status) {
        return """
                {"id": %d, "parent_id": 0, "number": "%d", "status": "%s", "currency": "CNY", "date_created": "2026-12-07T10:15:30",
                 "shipping_total": "15.00", "customer_note": "请工作日送货",
                 "billing": {"first_name": "静", "last_name": "陈", "company": "", "address_1": "文三路 90 号", "address_2": "",
                   "city": "杭州", "state": "ZJ", "postcode": "310012", "country": "CN", "email": "%s", "phone": "13800138%03d"},
                 "shipping": {"first_name": "静", "last_name": "陈", "company": "", "address_1": "文三路 90 号", "address_2": "3 楼",
                   "city": "杭州", "state": "ZJ", "postcode": "310012", "country": "CN"},
                 "line_items": [{"id": %d, "name": "人体工学椅", "product_id": 93, "variation_id": 0, "quantity": %d, "sku": "%s",
                   "price": 1100, "subtotal": "%d.00", "total": "%d.00"}]}""".formatted(id, id, status, email, id % 1000, id * 10, quantity, sku,
                1100 * quantity, 1100 * quantity);
    }

    private static Api.Answer deliverWoo(String connector, String topic, String deliveryId, String body, String secret) throws Exception {
        return new Api(baseUrl()).send("POST", "/api/v1/public/shop/" + connector, body, "X-WC-Webhook-Topic", topic,
                "X-WC-Webhook-Resource", topic.substring(0, topic.indexOf('.')), "X-WC-Webhook-Event", topic.substring(topic.indexOf('.') + 1),
                "X-WC-Webhook-Delivery-ID", deliveryId, "X-WC-Webhook-ID", "12", "X-WC-Webhook-Source", "https://shop.example.cn/",
                "X-WC-Webhook-Signature", sign(body, secret));
    }

    private static JsonNode await(Api api, String path, Predicate<JsonNode> done) throws InterruptedException {
        return awaitJson(api, path, done, Duration.ofSeconds(60));
    }

    private static String filter(String expression) {
        return URLEncoder.encode(expression, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Test
    public void shopOrdersArriveOnceBySkuAndWaitForWhatTheCatalogLacks() throws Exception {
        Api admin = adminApi();
        admin.awaitReady(Duration.ofSeconds(90));
        waitForHttp("/api/v1/shop-deliveries", Duration.ofSeconds(60));
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String chair = "CHAIR-" + tag;
        id(admin.post("/api/v1/products", "{\"sku\":\"" + chair + "\",\"name\":\"人体工学椅 " + tag + "\",\"listPrice\":1200}"));

        Api.Answer created = admin.post("/api/v1/connectors", "{\"name\":\"西湖旗舰店 " + tag + "\",\"type\":\"woocommerce\",\"settings\":\""
                + "{\\\"storeUrl\\\":\\\"https://shop.example.cn\\\",\\\"consumerKey\\\":\\\"ck_1\\\",\\\"consumerSecret\\\":\\\"cs_密\\\"}\",\"secret\":\"" + WOO_SECRET + "\"}");
        assertEquals(created.toString(), 201, created.status);
        String woo = id(created);
        JsonNode record = admin.get("/api/v1/connectors/" + woo).json();
        assertFalse(record.toString(), record.toString().contains("cs_密"));
        assertEquals("consumerSecret", record.get("sealedSettings").asText());

        // WooCommerce's ping when the webhook is saved: unsigned, answered, nothing stored
        Api.Answer ping = new Api(baseUrl()).send("POST", "/api/v1/public/shop/" + woo, "webhook_id=12", "Content-Type", "application/x-www-form-urlencoded");
        assertEquals(ping.toString(), 200, ping.status);

        // sixteen deliveries released together: twelve orders, four of them delivered twice (a retry racing its first try)
        int base = 70_000 + new java.util.Random().nextInt(20_000);
        String email = "chen.jing." + tag + "@xihu-trade.example.cn";
        List<Api.Answer> answers = together(16, i -> {
            int order = base + (i < 12 ? i : i - 12);
            try {
                return deliverWoo(woo, "order.created", "delivery-" + tag + "-" + order, wooOrder(order, email, chair, 2, "processing"), WOO_SECRET);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Set<String> deliveries = new HashSet<>();
        int duplicates = 0;
        for (Api.Answer a : answers) {
            assertEquals(a.toString(), 200, a.status);
            deliveries.add(a.json().get("deliveryId").asText());
            duplicates += "duplicate".equals(a.json().get("status").asText()) ? 1 : 0;
        }
        assertEquals(12, deliveries.size());
        assertEquals(4, duplicates);

        // each becomes one sales order, for one customer matched by e-mail
        JsonNode orders = await(admin, "/api/v1/sales-orders?limit=50&filter=" + filter("externalSource eq '" + woo + "'"),
                j -> j.get("total").asInt() >= 12);
        assertEquals(orders.toString(), 12, orders.get("total").asInt());
        Set<String> accounts = new HashSet<>();
        for (JsonNode o : orders.get("items")) {
            accounts.add(o.get("accountId").asText());
            assertEquals(0, new java.math.BigDecimal("2215.00").compareTo(o.get("grandTotal").decimalValue())); // 2 × 1100 + 15
        }
        assertEquals(1, accounts.size());
        assertEquals(1, admin.get("/api/v1/contacts?filter=" + filter("email eq '" + email + "'")).json().get("total").asInt());

        // a retry long after changes nothing
        Api.Answer again = deliverWoo(woo, "order.created", "delivery-" + tag + "-" + base, wooOrder(base, email, chair, 2, "processing"), WOO_SECRET);
        assertEquals("duplicate", again.json().get("status").asText());

        // bad signature: 401, nothing stored; over the limit: 413
        int before = admin.get("/api/v1/shop-deliveries?limit=1&filter=" + filter("connectorId eq '" + woo + "'")).json().get("total").asInt();
        assertProblem(deliverWoo(woo, "order.created", "forged-" + tag, wooOrder(base + 99, email, chair, 1, "processing"), "guessed"), 401, null);
        assertProblem(new Api(baseUrl()).send("POST", "/api/v1/public/shop/" + woo, wooOrder(base + 98, email, chair, 1, "processing")), 401, null);
        String huge = "{\"id\": 1, \"pad\": \"" + "x".repeat(1_100_000) + "\"}";
        assertEquals(413, deliverWoo(woo, "order.created", "huge-" + tag, huge, WOO_SECRET).status);
        assertEquals(before, admin.get("/api/v1/shop-deliveries?limit=1&filter=" + filter("connectorId eq '" + woo + "'")).json().get("total").asInt());
        assertProblem(deliverWoo("no-such-connector", "order.created", "x-" + tag, "{}", WOO_SECRET), 404, null);

        // an unknown SKU holds the order; once the catalog knows it, a retry makes it
        String unknown = "DESK-" + tag;
        String heldDelivery = deliverWoo(woo, "order.created", "delivery-" + tag + "-held", wooOrder(base + 50, email, unknown, 1, "processing"),
                WOO_SECRET).json().get("deliveryId").asText();
        JsonNode held = await(admin, "/api/v1/shop-deliveries/" + heldDelivery, j -> "held".equals(j.get("status").asText()));
        assertTrue(held.toString(), held.get("lastError").asText().contains(unknown));
        id(admin.post("/api/v1/products", "{\"sku\":\"" + unknown + "\",\"name\":\"升降桌 " + tag + "\",\"listPrice\":2600}"));
        assertEquals(200, admin.post("/api/v1/shop-deliveries/" + heldDelivery + "/retry", "{}").status);
        JsonNode processed = await(admin, "/api/v1/shop-deliveries/" + heldDelivery, j -> "processed".equals(j.get("status").asText()));
        String madeLater = processed.get("salesOrderId").asText();
        assertEquals("draft", admin.get("/api/v1/sales-orders/" + madeLater).json().get("status").asText());
        assertProblem(admin.post("/api/v1/shop-deliveries/" + heldDelivery + "/retry", "{}"), 409, null);

        // the shop cancels an order: the sales order is cancelled
        deliverWoo(woo, "order.updated", "delivery-" + tag + "-cancel", wooOrder(base + 50, email, unknown, 1, "cancelled"), WOO_SECRET);
        await(admin, "/api/v1/sales-orders/" + madeLater, j -> "cancelled".equals(j.get("status").asText()));

        // Shopify: its own headers and signature, a customer by mobile, a second shop's order ids its own
        Api.Answer shopify = admin.post("/api/v1/connectors", "{\"name\":\"Shopify " + tag + "\",\"type\":\"shopify\",\"settings\":\""
                + "{\\\"shopUrl\\\":\\\"https://atrium-test.myshopify.com\\\",\\\"accessToken\\\":\\\"shpat_1\\\"}\",\"secret\":\"" + SHOPIFY_SECRET + "\"}");
        assertEquals(shopify.toString(), 201, shopify.status);
        String shop = id(shopify);
        String order = """
                {"id": %d, "name": "#%d", "email": "li.lei.%s@example.cn", "phone": null, "currency": "CNY",
                 "created_at": "2026-12-07T08:30:00+08:00", "cancelled_at": null, "financial_status": "paid", "note": null,
                 "customer": {"id": 115310627314723954, "email": "li.lei.%s@example.cn", "first_name": "雷", "last_name": "李", "phone": null},
                 "billing_address": {"first_name": "雷", "last_name": "李", "company": "上海云杉科技有限公司 %s", "address1": "南京西路 1266 号",
                   "city": "上海", "province": "Shanghai", "zip": "200040", "country": "China", "phone": null},
                 "shipping_lines": [{"price": "10.00", "title": "顺丰"}],
                 "line_items": [{"id": 866550311766439020, "sku": "%s", "title": "人体工学椅", "name": "人体工学椅 - 黑色",
                   "quantity": 3, "price": "1200.00", "total_discount": "300.00", "product_id": 632910392, "variant_id": 808950810}]}"""
                .formatted(base, base, tag, tag, tag, chair);
        Api.Answer delivered = new Api(baseUrl()).send("POST", "/api/v1/public/shop/" + shop, order, "X-Shopify-Topic", "orders/create",
                "X-Shopify-Hmac-Sha256", sign(order, SHOPIFY_SECRET), "X-Shopify-Shop-Domain", "atrium-test.myshopify.com",
                "X-Shopify-Webhook-Id", "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043-" + tag, "X-Shopify-API-Version", "2024-10");
        assertEquals(delivered.toString(), 200, delivered.status);
        assertProblem(new Api(baseUrl()).send("POST", "/api/v1/public/shop/" + shop, order, "X-Shopify-Topic", "orders/create",
                "X-Shopify-Hmac-Sha256", sign(order, WOO_SECRET), "X-Shopify-Webhook-Id", "forged-" + tag), 401, null);
        JsonNode fromShopify = await(admin, "/api/v1/sales-orders?filter=" + filter("externalSource eq '" + shop + "'"),
                j -> j.get("total").asInt() == 1).get("items").get(0);
        assertEquals("#" + base, fromShopify.get("externalNumber").asText());
        assertEquals(0, new java.math.BigDecimal("3310.00").compareTo(fromShopify.get("grandTotal").decimalValue())); // 3 × 1100 + 10
        assertEquals("上海云杉科技有限公司 " + tag, admin.get("/api/v1/accounts/" + fromShopify.get("accountId").asText()).json().get("name").asText());

        // the deliveries are an administrator's to read
        String login = "shop.rep." + tag;
        id(admin.post("/api/v1/admin/users", "{\"loginName\":\"" + login + "\",\"password\":\"Shop-Rep-2026\"}"));
        assertProblem(new Api(baseUrl()).basic(login, "Shop-Rep-2026").get("/api/v1/shop-deliveries"), 403, null);
        List<String> ignoredStatuses = new ArrayList<>();
        for (JsonNode d : admin.get("/api/v1/shop-deliveries?limit=100&filter=" + filter("connectorId eq '" + woo + "'")).json().get("items")) {
            if (!"processed".equals(d.get("status").asText())) {
                ignoredStatuses.add(d.get("status").asText());
            }
        }
        assertEquals(List.of(), ignoredStatuses);
    }
}
