package org.atriumcrm.shop.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;

import org.junit.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The two platforms' webhooks as their documentation shapes them: signatures, pings, orders and customers. */
public class ShopPlatformsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A WooCommerce v3 order as its webhook sends it (fields trimmed to those the CRM reads, values as WooCommerce writes them). */
    static final String WOO_ORDER = """
            {"id": 727, "parent_id": 0, "number": "727", "status": "processing", "currency": "CNY",
             "date_created": "2026-12-07T10:15:30", "shipping_total": "15.00", "total": "2415.00", "customer_note": "请工作日送货",
             "billing": {"first_name": "静", "last_name": "陈", "company": "杭州西湖贸易有限公司", "address_1": "文三路 90 号",
               "address_2": "", "city": "杭州", "state": "ZJ", "postcode": "310012", "country": "CN",
               "email": "chen.jing@xihu-trade.example.cn", "phone": "13800138000"},
             "shipping": {"first_name": "静", "last_name": "陈", "company": "", "address_1": "文三路 90 号", "address_2": "3 楼",
               "city": "杭州", "state": "ZJ", "postcode": "310012", "country": "CN"},
             "line_items": [
               {"id": 315, "name": "人体工学椅", "product_id": 93, "variation_id": 0, "quantity": 2, "sku": "CHAIR-01",
                "price": 1100, "subtotal": "2400.00", "total": "2200.00"},
               {"id": 316, "name": "Desk lamp", "product_id": 94, "variation_id": 0, "quantity": 1, "sku": "LAMP-2",
                "price": 200, "subtotal": "200.00", "total": "200.00"}]}""";

    /** A Shopify orders/create payload (trimmed the same way). */
    static final String SHOPIFY_ORDER = """
            {"id": 820982911946154508, "name": "#9999", "email": "li.lei@example.cn", "phone": null, "currency": "CNY",
             "created_at": "2026-12-07T08:30:00+08:00", "cancelled_at": null, "financial_status": "paid", "note": null,
             "customer": {"id": 115310627314723954, "email": "li.lei@example.cn", "first_name": "雷", "last_name": "李", "phone": "+8613900139000"},
             "billing_address": {"first_name": "雷", "last_name": "李", "company": null, "address1": "南京西路 1266 号",
               "address2": null, "city": "上海", "province": "Shanghai", "zip": "200040", "country": "China", "phone": "+8613900139000"},
             "shipping_address": {"address1": "南京西路 1266 号", "city": "上海", "province": "Shanghai", "zip": "200040", "country": "China"},
             "shipping_lines": [{"price": "10.00", "title": "顺丰"}],
             "line_items": [{"id": 866550311766439020, "sku": "CHAIR-01", "title": "人体工学椅", "name": "人体工学椅 - 黑色",
               "quantity": 3, "price": "1200.00", "total_discount": "300.00", "product_id": 632910392, "variant_id": 808950810}]}""";

    @Test
    public void aSignatureIsTheBase64HmacOfTheRawBodyAndNothingElse() {
        byte[] body = WOO_ORDER.getBytes(StandardCharsets.UTF_8);
        String signature = ShopPlatform.hmacBase64(body, "wc-secret-密钥");
        WooCommerce woo = new WooCommerce();
        assertTrue(woo.signed(Map.of("x-wc-webhook-signature", signature), body, "wc-secret-密钥"));
        assertFalse(woo.signed(Map.of("x-wc-webhook-signature", signature), body, "another secret"));
        byte[] changed = WOO_ORDER.replace("\"quantity\": 2", "\"quantity\": 20").getBytes(StandardCharsets.UTF_8);
        assertFalse(woo.signed(Map.of("x-wc-webhook-signature", signature), changed, "wc-secret-密钥"));
        assertFalse(woo.signed(Map.of(), body, "wc-secret-密钥"));
        assertFalse("no secret configured: nothing is signed", woo.signed(Map.of("x-wc-webhook-signature", signature), body, ""));
        Shopify shopify = new Shopify();
        assertTrue(shopify.signed(Map.of("x-shopify-hmac-sha256", ShopPlatform.hmacBase64(body, "shpss_1")), body, "shpss_1"));
        assertFalse(shopify.signed(Map.of("x-wc-webhook-signature", ShopPlatform.hmacBase64(body, "shpss_1")), body, "shpss_1"));
    }

    @Test
    public void wooCommercesPingIsItsFormBodyWithoutATopic() {
        WooCommerce woo = new WooCommerce();
        assertTrue(woo.ping(Map.of(), "webhook_id=12".getBytes(StandardCharsets.US_ASCII)));
        assertFalse(woo.ping(Map.of("x-wc-webhook-topic", "order.created"), "webhook_id=12".getBytes(StandardCharsets.US_ASCII)));
        assertFalse(woo.ping(Map.of(), WOO_ORDER.getBytes(StandardCharsets.UTF_8)));
        assertFalse(new Shopify().ping(Map.of(), "webhook_id=12".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    public void aWooCommerceOrderInTheCrmsTerms() throws Exception {
        WooCommerce woo = new WooCommerce();
        assertEquals(ShopPlatform.Intent.ORDER, woo.intent("order.created"));
        assertEquals(ShopPlatform.Intent.CUSTOMER, woo.intent("customer.updated"));
        assertEquals(ShopPlatform.Intent.IGNORE, woo.intent("product.updated"));
        ShopOrder o = woo.order(JSON.readTree(WOO_ORDER));
        assertEquals("727", o.externalId());
        assertFalse(o.cancelled());
        assertEquals(LocalDate.of(2026, 12, 7), o.date());
        assertEquals("陈静", o.customer().fullName());
        assertEquals("杭州西湖贸易有限公司", o.customer().company());
        assertEquals("CN, ZJ, 杭州, 文三路 90 号, 3 楼, 310012", o.shippingAddress());
        assertEquals(0, new BigDecimal("15.00").compareTo(o.shipping()));
        assertEquals("CHAIR-01", o.lines().get(0).sku());
        assertEquals(0, new BigDecimal("1100").compareTo(o.lines().get(0).unitPrice())); // after the coupon
        assertTrue(woo.order(JSON.readTree(WOO_ORDER.replace("\"processing\"", "\"refunded\""))).cancelled());
        assertTrue("order.deleted sends the id alone", woo.order(JSON.readTree("{\"id\": 727}")).cancelled());
    }

    @Test
    public void aShopifyOrderInTheCrmsTerms() throws Exception {
        Shopify shopify = new Shopify();
        assertEquals(ShopPlatform.Intent.ORDER, shopify.intent("orders/cancelled"));
        assertEquals(ShopPlatform.Intent.IGNORE, shopify.intent("customers/redact"));
        ShopOrder o = shopify.order(JSON.readTree(SHOPIFY_ORDER));
        assertEquals("820982911946154508", o.externalId());
        assertEquals("#9999", o.number());
        assertEquals("李雷", o.customer().fullName());
        assertEquals("+8613900139000", o.customer().phone());
        assertNull(o.customer().company());
        assertEquals(0, new BigDecimal("10.00").compareTo(o.shipping()));
        assertEquals(0, new BigDecimal("1100").compareTo(o.lines().get(0).unitPrice())); // 1200 less 300 over three
        assertTrue(shopify.order(JSON.readTree(SHOPIFY_ORDER.replace("\"cancelled_at\": null", "\"cancelled_at\": \"2026-12-07T09:00:00+08:00\""))).cancelled());
        try {
            shopify.order(JSON.readTree("{\"line_items\": []}"));
            org.junit.Assert.fail("an order without id");
        } catch (IllegalArgumentException expected) {
            assertEquals("the order has no id", expected.getMessage());
        }
    }
}
