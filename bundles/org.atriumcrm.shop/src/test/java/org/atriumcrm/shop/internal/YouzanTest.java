package org.atriumcrm.shop.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.connectors.api.ConnectionCheck;
import org.atriumcrm.connectors.api.ConnectorConfig;
import org.atriumcrm.connectors.api.ConnectorDirectory;
import org.atriumcrm.testkit.jpa.InMemoryJpa;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * Youzan's (有赞) message push as its documentation shapes it: a JSON object whose {@code msg} is URL-encoded JSON,
 * signed in {@code Event-Sign} with MD5(client_id + body + client_secret); a trade message made an order with its
 * Chinese names and address intact, a close a cancellation, the webhook's answer the one Youzan waits for, and the
 * open API (token, youzan.trade.get) played by WireMock.
 */
public class YouzanTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CLIENT_ID = "4e96eb2fbc4f24f26f";
    private static final String SECRET = "密钥s3cret";
    private static final String TID = "E20201216171450086900211";
    private static EntityManagerFactory emf;

    /** full_order_info as youzan.trade.get 4.0 answers it and trade_TradeCreate's msg carries it (fields trimmed to those read, and a few beside). */
    static final String FULL_ORDER = """
            {"full_order_info": {
              "order_info": {"tid": "E20201216171450086900211", "status": "WAIT_BUYER_PAY", "status_str": "待支付", "type": 0,
                "created": "2020-12-16 17:14:50", "update_time": "2020-12-16 17:14:50", "node_kdt_id": 90731021, "root_kdt_id": 43387399,
                "shop_name": "云测试店铺", "express_type": 0, "order_extra": {"buyer_name": "赞宝"}},
              "buyer_info": {"buyer_phone": "13700000000", "yz_open_id": "LnhGm4rh576452722916618240", "fans_nickname": "赞宝"},
              "address_info": {"receiver_name": "张三丰", "receiver_tel": "13700000000", "delivery_province": "浙江省", "delivery_city": "杭州市",
                "delivery_district": "西湖区", "delivery_address": "翠苑街道黄龙万科中心18楼", "delivery_postal_code": "310012"},
              "remark_info": {"buyer_message": "请周末送货，谢谢！", "trade_memo": "1级客户", "star": 3},
              "pay_info": {"total_fee": "2400.00", "post_fee": "10.00", "payment": "2310.00", "real_payment": "2310.00"},
              "orders": [
                {"oid": "1539322365320644179", "item_id": 500818021, "sku_id": 400818034, "title": "人体工学椅", "num": 2, "price": "1200.00",
                 "discount_price": "1150.00", "total_fee": "2300.00", "payment": "2200.00", "outer_sku_id": "CHAIR-01", "outer_item_id": "spbm001"},
                {"oid": "1539322365320644180", "item_id": 500818022, "sku_id": 0, "title": "护腰靠垫", "num": 1, "price": "100.00",
                 "discount_price": "100.00", "total_fee": "100.00", "payment": "100.00", "outer_sku_id": "", "outer_item_id": "CUSHION-3"}]}}""";

    @BeforeClass
    public static void open() {
        emf = Persistence.createEntityManagerFactory("shoptest");
    }

    @AfterClass
    public static void close() {
        emf.close();
    }

    static String md5(String text) throws Exception {
        StringBuilder hex = new StringBuilder();
        for (byte b : MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8))) {
            hex.append(String.format("%02x", b & 0xff));
        }
        return hex.toString();
    }

    /** A push as Youzan sends it: the message URL-encoded in msg, the body's own sign over msg alone. */
    static String push(String type, String id, long version, String msg, boolean test) throws Exception {
        String encoded = URLEncoder.encode(msg, StandardCharsets.UTF_8);
        return "{\"client_id\":\"" + CLIENT_ID + "\",\"id\":\"" + id + "\",\"kdt_id\":90731021,\"kdt_name\":\"云测试店铺\",\"mode\":1,"
                + "\"msg\":\"" + encoded + "\",\"msg_id\":\"1d2ba0ac-e08a-4979-bcdb-72b091088d3e\",\"root_kdt_id\":43387399,\"sendCount\":0,"
                + "\"sign\":\"" + md5(CLIENT_ID + encoded + SECRET) + "\",\"status\":\"WAIT_BUYER_PAY\",\"test\":" + test + ",\"type\":\"" + type
                + "\",\"version\":" + version + "}";
    }

    static Map<String, String> headers(String body, String type) throws Exception {
        return Map.of("event-sign", md5(CLIENT_ID + body + SECRET), "event-type", type, "client-id", CLIENT_ID,
                "content-type", "application/json;charset=UTF-8");
    }

    private static ConnectorConfig config(Map<String, String> more) {
        Map<String, String> settings = new HashMap<>(Map.of("clientId", CLIENT_ID, "kdtId", "90731021"));
        settings.putAll(more);
        return new ConnectorConfig("yz-1", "有赞旗舰店", Youzan.ID, settings, SECRET);
    }

    @Test
    public void eventSignIsTheMd5OfClientIdBodyAndSecretAndNothingElse() throws Exception {
        byte[] body = "{\"type\":\"trade_TradeClose\",\"id\":\"E1\",\"version\":1,\"kdt_name\":\"有赞的店\"}".getBytes(StandardCharsets.UTF_8);
        // computed apart from the code under test (Python's hashlib over the same UTF-8 bytes)
        String known = "eaead5810e5255e5c388216f3efdf185";
        Youzan youzan = new Youzan();
        assertTrue(youzan.signed(Map.of("event-sign", known), body, config(Map.of())));
        assertTrue("hex in capitals is the same digest", youzan.signed(Map.of("event-sign", known.toUpperCase()), body, config(Map.of())));
        assertFalse(youzan.signed(Map.of("event-sign", known), body, new ConnectorConfig("yz-1", "x", Youzan.ID,
                Map.of("clientId", CLIENT_ID), "another secret")));
        assertFalse(youzan.signed(Map.of("event-sign", known), body, config(Map.of("clientId", "5f07fc3bc7f0c1b5a0"))));
        assertFalse(youzan.signed(Map.of("event-sign", known), "{\"type\":\"trade_TradeClose\",\"id\":\"E2\",\"version\":1,\"kdt_name\":\"有赞的店\"}"
                .getBytes(StandardCharsets.UTF_8), config(Map.of())));
        assertFalse(youzan.signed(Map.of(), body, config(Map.of())));
        assertFalse("no client id configured: nothing is signed", youzan.signed(Map.of("event-sign", known), body,
                new ConnectorConfig("yz-1", "x", Youzan.ID, Map.of(), SECRET)));
        assertFalse("the secret alone is not Youzan's signature", youzan.signed(Map.of("event-sign", known), body, SECRET));
    }

    @Test
    public void aTradeCreateMessageIsAnOrderWithItsChineseIntact() throws Exception {
        String text = push("trade_TradeCreate", TID, 1608186739, FULL_ORDER, false);
        JsonNode body = JSON.readTree(text);
        Youzan youzan = new Youzan();
        assertEquals("trade_TradeCreate", youzan.topic(Map.of("event-type", "trade_TradePaid"), body));
        assertEquals("trade_TradeCreate:" + TID + ":1608186739", youzan.deliveryKey(Map.of(), body));
        assertEquals(ShopPlatform.Intent.ORDER, youzan.intent("trade_TradeCreate"));
        assertEquals(ShopPlatform.Intent.ORDER, youzan.intent("trade_TradePaid"));
        assertEquals(ShopPlatform.Intent.ORDER, youzan.intent("trade_TradeClose"));
        assertEquals(ShopPlatform.Intent.IGNORE, youzan.intent("trade_TradeMemoModified"));
        assertNull("the message carries the order", youzan.orderReference(body));
        assertNull(youzan.skip(body, config(Map.of())));

        ShopOrder o = youzan.order(body);
        assertEquals(TID, o.externalId());
        assertFalse(o.cancelled());
        assertEquals("CNY", o.currency());
        assertEquals(LocalDate.of(2020, 12, 16), o.date());
        assertEquals("张三丰", o.customer().fullName());
        assertEquals("13700000000", o.customer().phone());
        assertEquals("杭州市", o.customer().city());
        assertEquals("浙江省杭州市西湖区翠苑街道黄龙万科中心18楼 310012（张三丰 13700000000）", o.shippingAddress());
        assertEquals("请周末送货，谢谢！", o.note());
        assertEquals(0, new BigDecimal("10.00").compareTo(o.shipping()));
        assertEquals(2, o.lines().size());
        assertEquals("CHAIR-01", o.lines().get(0).sku());
        assertEquals("人体工学椅", o.lines().get(0).name());
        assertEquals(0, new BigDecimal("1100").compareTo(o.lines().get(0).unitPrice())); // the line's 2200 paid over two
        assertEquals("no SKU code: the item's code", "CUSHION-3", o.lines().get(1).sku());
        assertEquals(Map.of("code", 0, "msg", "success"), youzan.answer(Map.of("status", "received", "deliveryId", "d-1")));
    }

    @Test
    public void aCloseCancelsAMessageWithoutTheOrderNamesItAndTestsOrOtherShopsAreLeftAlone() throws Exception {
        Youzan youzan = new Youzan();
        JsonNode close = JSON.readTree(push("trade_TradeClose", TID, 1621946649,
                "{\"tid\":\"" + TID + "\",\"close_type\":2,\"update_time\":\"2020-12-17 09:00:00\"}", false).replace("WAIT_BUYER_PAY", "TRADE_CLOSED"));
        assertNull(youzan.orderReference(close));
        ShopOrder cancelled = youzan.order(close);
        assertTrue(cancelled.cancelled());
        assertEquals(TID, cancelled.externalId());
        assertEquals("TRADE_CLOSED", cancelled.status());

        JsonNode paid = JSON.readTree(push("trade_TradePaid", TID, 1608186800, "{\"tid\":\"" + TID + "\",\"update_time\":\"2020-12-16 17:20:00\"}", false));
        assertEquals(TID, youzan.orderReference(paid));

        JsonNode test = JSON.readTree(push("trade_TradeCreate", TID, 1608186739, FULL_ORDER, true));
        assertEquals("a test message from Youzan", youzan.skip(test, config(Map.of())));
        assertTrue(youzan.skip(JSON.readTree(push("trade_TradeCreate", TID, 1608186739, FULL_ORDER, false)), config(Map.of("kdtId", "160")))
                .contains("90731021"));
        try {
            youzan.order(JSON.readTree("{\"type\": \"trade_TradeCreate\", \"id\": \"E1\", \"msg\": \"%7B%22tid%22%3A\"}"));
            fail("a msg that is no JSON");
        } catch (IllegalArgumentException expected) {
            assertTrue(expected.getMessage(), expected.getMessage().contains("no JSON"));
        }
    }

    @Test
    public void theWebhookTakesASignedMessageOnceAnswersAsYouzanExpectsAndStoresNothingUnsigned() throws Exception {
        InMemoryJpa jpa = new InMemoryJpa(emf);
        jpa.tx(em -> em.createQuery("DELETE FROM ShopDelivery").executeUpdate());
        jpa.tx(em -> em.createQuery("DELETE FROM InboundReceipt").executeUpdate());
        ShopDeliveryStore store = new ShopDeliveryStore(jpa, new EventAdmin() {
            @Override
            public void postEvent(Event event) {
            }

            @Override
            public void sendEvent(Event event) {
            }
        }, null);
        ConnectorConfig config = config(Map.of());
        ConnectorDirectory directory = new ConnectorDirectory() {
            @Override
            public Optional<ConnectorConfig> find(String id) {
                return id.equals(config.id()) ? Optional.of(config) : Optional.empty();
            }

            @Override
            public boolean active(String id) {
                return true;
            }

            @Override
            public List<ConnectorConfig> activeOfType(String type) {
                return List.of(config);
            }

            @Override
            public String ownerId(String id) {
                return "owner-1";
            }
        };
        ShopWebhookEndpoint endpoint = new ShopWebhookEndpoint(directory, store, null);
        String body = push("trade_TradeCreate", TID, 1608186739, FULL_ORDER, false);

        assertEquals(Map.of("code", 0, "msg", "success"), endpoint.take("yz-1", headers(body, "trade_TradeCreate"), body.getBytes(StandardCharsets.UTF_8)));
        // Youzan pushes again (sendCount 1): the same message by type, id and version
        String again = body.replace("\"sendCount\":0", "\"sendCount\":1");
        assertEquals(Map.of("code", 0, "msg", "success"), endpoint.take("yz-1", headers(again, "trade_TradeCreate"), again.getBytes(StandardCharsets.UTF_8)));
        assertEquals(1, store.count("yz-1", ShopDelivery.RECEIVED));
        ShopDelivery stored = store.pending("yz-1", 10).get(0);
        assertEquals("trade_TradeCreate", stored.getTopic());
        assertEquals(body, stored.getPayload());
        ShopOrder order = new Youzan().order(JSON.readTree(stored.getPayload()));
        assertEquals("张三丰", order.customer().fullName());
        assertTrue(order.shippingAddress().startsWith("浙江省杭州市西湖区翠苑街道"));

        String paid = push("trade_TradePaid", TID, 1608186800, FULL_ORDER, false);
        for (Map<String, String> forged : List.of(Map.of("event-sign", md5(CLIENT_ID + paid + "guessed")),
                Map.of("event-sign", md5("5f07fc3bc7f0c1b5a0" + paid + SECRET)), Map.of("event-sign", md5(CLIENT_ID + body + SECRET)), Map.<String, String>of())) {
            try {
                endpoint.take("yz-1", forged, paid.getBytes(StandardCharsets.UTF_8));
                fail("taken with " + forged);
            } catch (AtriumException e) {
                assertEquals(401, e.status());
            }
        }
        assertEquals("nothing stored for the forged ones", 1, store.count("yz-1", ShopDelivery.RECEIVED));
        try {
            String unnamed = "{\"client_id\":\"" + CLIENT_ID + "\",\"kdt_id\":90731021}";
            endpoint.take("yz-1", headers(unnamed, ""), unnamed.getBytes(StandardCharsets.UTF_8));
            fail("a message without type or id");
        } catch (AtriumException e) {
            assertEquals(400, e.status());
        }
    }

    @Test
    public void aMessageWithoutTheOrderReadsItWithYouzansTokenAndTheConnectionTestAsksForOne() throws Exception {
        WireMockServer youzanyun = new WireMockServer(options().dynamicPort());
        youzanyun.start();
        try {
            long expires = Instant.now().plus(7, ChronoUnit.DAYS).toEpochMilli();
            youzanyun.stubFor(post(urlPathEqualTo("/auth/token")).atPriority(10)
                    .willReturn(okJson("{\"success\": false, \"code\": 40001, \"message\": \"client_secret 错误\"}")));
            youzanyun.stubFor(post(urlPathEqualTo("/auth/token")).atPriority(1)
                    .withRequestBody(equalToJson("{\"client_id\": \"" + CLIENT_ID + "\", \"client_secret\": \"" + SECRET
                            + "\", \"authorize_type\": \"silent\", \"grant_id\": 90731021, \"refresh\": false}"))
                    .willReturn(okJson("{\"success\": true, \"code\": 200, \"data\": {\"access_token\": \"f59b1a6bb04f4eqweqd1c6af315d\", \"expires\": "
                            + expires + ", \"scope\": \"trade\"}, \"message\": null}")));
            youzanyun.stubFor(post(urlPathEqualTo("/api/youzan.trade.get/4.0.0")).withQueryParam("access_token", equalTo("f59b1a6bb04f4eqweqd1c6af315d"))
                    .withRequestBody(equalToJson("{\"tid\": \"" + TID + "\"}"))
                    .willReturn(okJson("{\"success\": true, \"code\": 200, \"message\": \"successful\", \"data\": " + FULL_ORDER + "}")));
            youzanyun.stubFor(post(urlPathEqualTo("/api/youzan.trade.get/4.0.0")).withRequestBody(equalToJson("{\"tid\": \"E00000000000000000000000\"}"))
                    .willReturn(okJson("{\"success\": false, \"code\": 101300001, \"message\": \"订单不存在\"}")));
            ConnectorConfig config = config(Map.of("apiUrl", youzanyun.baseUrl() + "/"));
            YouzanApi api = new YouzanApi();

            ShopOrder order = new Youzan().order(api.trade(config, TID));
            assertEquals("张三丰", order.customer().fullName());
            assertEquals("护腰靠垫", order.lines().get(1).name());
            api.trade(config, TID);
            youzanyun.verify(1, postRequestedFor(urlPathEqualTo("/auth/token"))); // the token is kept
            try {
                api.trade(config, "E00000000000000000000000");
                fail("a trade Youzan does not have");
            } catch (IllegalArgumentException e) {
                assertTrue(e.getMessage(), e.getMessage().contains("101300001") && e.getMessage().contains("订单不存在"));
            }
            api.trade(config, TID);
            youzanyun.verify(2, postRequestedFor(urlPathEqualTo("/auth/token"))); // a refusal forgets the token

            ShopConnectorTypes.YouzanType type = new ShopConnectorTypes.YouzanType(null, null, null);
            List<ConnectionCheck> checks = type.test(config);
            assertTrue(checks.toString(), checks.stream().allMatch(ConnectionCheck::ok));
            assertTrue(checks.toString(), checks.stream().anyMatch(c -> c.step().equals("authentication")));
            List<ConnectionCheck> refused = type.test(new ConnectorConfig("yz-1", "有赞旗舰店", Youzan.ID,
                    Map.of("clientId", CLIENT_ID, "kdtId", "90731021", "apiUrl", youzanyun.baseUrl()), "wrong secret"));
            ConnectionCheck authentication = refused.stream().filter(c -> c.step().equals("authentication")).findFirst().orElseThrow();
            assertFalse(refused.toString(), authentication.ok());
            assertTrue(authentication.detail(), authentication.detail().contains("40001") && authentication.detail().contains("client_secret 错误"));
        } finally {
            youzanyun.stop();
        }
    }
}
