package org.atriumcrm.itests;

import static org.atriumcrm.testkit.http.ApiAssertions.id;
import static org.atriumcrm.testkit.http.ApiAssertions.ok;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.atriumcrm.testkit.http.Api;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The steps and checks the order-to-cash tests share (quotes, orders, delivery notes, invoices, payments, the whole
 * chain): one copy each, so a change of a request's shape is made once.
 */
final class CommerceSteps {

    private CommerceSteps() {
    }

    /** A list filter, URL-encoded. */
    static String q(String filter) {
        return URLEncoder.encode(filter, StandardCharsets.UTF_8);
    }

    /** Money compared as a number: 5 and 5.00 are the same amount. */
    static void assertMoney(String expected, JsonNode actual) {
        assertTrue("missing " + expected, actual != null && !actual.isNull());
        assertEquals(expected + " vs " + actual, 0, new BigDecimal(expected).compareTo(new BigDecimal(actual.asText())));
    }

    static void assertQuantity(String expected, BigDecimal actual) {
        assertEquals(expected + " vs " + actual, 0, new BigDecimal(expected).compareTo(actual));
    }

    /** The body of a 201. */
    static JsonNode created(Api.Answer a) {
        assertEquals(a.body, 201, a.status);
        return a.json();
    }

    static String line(String quote, String product, String quantity, String extra) {
        return "{\"quoteId\":\"" + quote + "\",\"productId\":\"" + product + "\",\"quantity\":" + quantity + extra + "}";
    }

    static String orderLine(String order, String product, String quantity, String extra) {
        return "{\"salesOrderId\":\"" + order + "\",\"productId\":\"" + product + "\",\"quantity\":" + quantity + extra + "}";
    }

    /** A credit unit in CNY with a 30-day term grouping {@code accounts}. */
    static String creditUnit(Api admin, String name, String limit, String... accounts) {
        String unit = id(admin.post("/api/v1/credit-units", "{\"name\":\"" + name + "\",\"currency\":\"CNY\",\"creditLimit\":" + limit
                + ",\"creditTermDays\":30}"));
        for (String a : accounts) {
            id(admin.post("/api/v1/account-credits", "{\"accountId\":\"" + a + "\",\"creditUnitId\":\"" + unit + "\"}"));
        }
        return unit;
    }

    /** On hand of {@code product} over all warehouses. */
    static BigDecimal onHand(Api admin, String product) {
        JsonNode items = ok(admin.get("/api/v1/stock-balances?filter=" + q("productId eq '" + product + "'"))).get("items");
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode b : items) {
            sum = sum.add(new BigDecimal(b.get("onHand").asText()));
        }
        return sum;
    }

    /** A confirmed order of {@code account} for {@code quantity} of {@code product}; extra order members in {@code extra}. */
    static String confirmedOrder(Api api, String account, String product, String quantity, String extra) {
        String o = created(api.post("/api/v1/sales-orders", "{\"subject\":\"发货订单\",\"accountId\":\"" + account + "\"" + extra + "}"))
                .get("id").asText();
        id(api.post("/api/v1/sales-order-lines", orderLine(o, product, quantity, "")));
        assertEquals("confirmed", ok(api.post("/api/v1/sales-orders/" + o + "/confirm", "{}")).get("status").asText());
        return o;
    }

    static String firstLine(Api api, String order) {
        return ok(api.get("/api/v1/sales-order-lines?filter=" + q("salesOrderId eq '" + order + "'"))).get("items").get(0).get("id").asText();
    }

    /** The body of {@code POST /sales-orders/{id}/deliver}: {@code quantity} of one order line, issued at once or left a draft. */
    static String deliver(String line, String quantity, boolean issue) {
        return "{\"lines\":[{\"salesOrderLineId\":\"" + line + "\",\"quantity\":" + quantity + "}],\"carrier\":\"顺丰速运\","
                + "\"trackingNumber\":\"SF1234567890\",\"issue\":" + issue + "}";
    }
}
