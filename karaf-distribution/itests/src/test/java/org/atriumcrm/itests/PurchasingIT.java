package org.atriumcrm.itests;

import static org.atriumcrm.itests.CommerceSteps.assertMoney;
import static org.atriumcrm.itests.CommerceSteps.created;
import static org.atriumcrm.itests.CommerceSteps.onHand;
import static org.atriumcrm.itests.CommerceSteps.q;
import static org.atriumcrm.testkit.http.ApiAssertions.assertProblem;
import static org.atriumcrm.testkit.http.ApiAssertions.id;
import static org.atriumcrm.testkit.http.ApiAssertions.ok;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.UUID;

import org.atriumcrm.testkit.http.Api;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Purchasing against the real distribution: a vendor, a purchase order with server-computed totals, its status
 * steps, a partial goods receipt putting stock up, one over what remains refused, the full receipt closing the
 * order, and the module switched off and on with its data kept.
 */
public class PurchasingIT extends AtriumTestSupport {

    @Test
    public void orderApprovedOrderedReceivedInParts() throws Exception {
        Api admin = adminApi();
        admin.awaitReady(Duration.ofSeconds(90));
        waitForHttp("/api/v1/purchase-orders", Duration.ofSeconds(60));
        String tag = UUID.randomUUID().toString().substring(0, 8);

        String vendor = id(admin.post("/api/v1/vendors", "{\"code\":\"V-" + tag + "\",\"name\":\"杭州供应商 " + tag + "\",\"paymentTermDays\":30}"));
        assertProblem(admin.post("/api/v1/vendors", "{\"code\":\"v-" + tag + "\",\"name\":\"again\"}"), 409, "code");
        String product = id(admin.post("/api/v1/products", "{\"sku\":\"PUR-" + tag + "\",\"name\":\"采购测试 " + tag + "\",\"listPrice\":50,\"cost\":20}"));

        JsonNode po = created(admin.post("/api/v1/purchase-orders", "{\"vendorId\":\"" + vendor + "\"}"));
        String order = po.get("id").asText();
        assertTrue(po.get("number").asText(), po.get("number").asText().startsWith("PO-"));
        assertEquals("draft", po.get("status").asText());
        assertEquals("CNY", po.get("currency").asText());
        assertProblem(admin.patch("/api/v1/purchase-orders/" + order, "{\"grandTotal\":1}"), 400, "grandTotal");
        assertProblem(admin.post("/api/v1/purchase-orders/" + order + "/submit", "{}"), 409, "no lines");

        String line = id(admin.post("/api/v1/purchase-order-lines", "{\"purchaseOrderId\":\"" + order + "\",\"productId\":\"" + product
                + "\",\"quantity\":10,\"taxRate\":13}"));
        assertProblem(admin.post("/api/v1/purchase-order-lines", "{\"purchaseOrderId\":\"" + order + "\",\"productId\":\"" + product
                + "\",\"quantity\":-1}"), 400, "quantity");
        JsonNode totalled = ok(admin.get("/api/v1/purchase-orders/" + order));
        assertMoney("200.00", totalled.get("subtotal"));
        assertMoney("26.00", totalled.get("taxTotal"));
        assertMoney("226.00", totalled.get("grandTotal"));
        assertMoney("20", ok(admin.get("/api/v1/purchase-order-lines/" + line)).get("unitCost"));

        assertProblem(admin.post("/api/v1/purchase-orders/" + order + "/order", "{}"), 409, "approved");
        assertProblem(admin.post("/api/v1/purchase-orders/" + order + "/submit", "{\"speed\":\"fast\"}"), 400, "speed");
        String submitted = ok(admin.post("/api/v1/purchase-orders/" + order + "/submit", "{}")).get("status").asText();
        if ("in_approval".equals(submitted)) {
            assertEquals("approved", ok(admin.post("/api/v1/purchase-orders/" + order + "/approve", "{\"comment\":\"ok\"}")).get("status").asText());
        } else {
            assertEquals("approved", submitted);
        }
        assertProblem(admin.post("/api/v1/purchase-order-lines", "{\"purchaseOrderId\":\"" + order + "\",\"productId\":\"" + product
                + "\",\"quantity\":1}"), 409, "approved");
        assertEquals("ordered", ok(admin.post("/api/v1/purchase-orders/" + order + "/order", "{\"orderDate\":\"2026-12-07\"}")).get("status").asText());

        // a partial receipt: stock up by 4, the order partly received
        BigDecimal before = onHand(admin, product);
        String first = id(admin.post("/api/v1/goods-receipts", "{\"purchaseOrderId\":\"" + order + "\"}"));
        assertProblem(admin.post("/api/v1/goods-receipt-lines", "{\"goodsReceiptId\":\"" + first + "\",\"purchaseOrderLineId\":\"" + line
                + "\",\"quantity\":11}"), 400, "more than remains");
        created(admin.post("/api/v1/goods-receipt-lines", "{\"goodsReceiptId\":\"" + first + "\",\"purchaseOrderLineId\":\"" + line
                + "\",\"quantity\":4}"));
        assertEquals("posted", ok(admin.post("/api/v1/goods-receipts/" + first + "/post", "{}")).get("status").asText());
        assertEquals("partly_received", ok(admin.get("/api/v1/purchase-orders/" + order)).get("status").asText());
        assertEquals(0, before.add(BigDecimal.valueOf(4)).compareTo(onHand(admin, product)));
        assertProblem(admin.post("/api/v1/goods-receipts/" + first + "/post", "{}"), 409, "posted");
        assertProblem(admin.post("/api/v1/purchase-orders/" + order + "/cancel", "{}"), 409, "received");
        JsonNode receipt = ok(admin.get("/api/v1/stock-movements?filter=" + q("sourceId eq '" + first + "'"))).get("items");
        assertEquals(1, receipt.size());
        assertEquals("RECEIPT", receipt.get(0).get("movementType").asText());
        assertEquals("GoodsReceipt", receipt.get(0).get("sourceEntity").asText());
        assertMoney("20", receipt.get(0).get("unitCost"));

        // the rest: received, stock up by 10 in all
        String second = id(admin.post("/api/v1/goods-receipts", "{\"purchaseOrderId\":\"" + order + "\"}"));
        created(admin.post("/api/v1/goods-receipt-lines", "{\"goodsReceiptId\":\"" + second + "\",\"purchaseOrderLineId\":\"" + line
                + "\",\"quantity\":6}"));
        ok(admin.post("/api/v1/goods-receipts/" + second + "/post", "{}"));
        assertEquals("received", ok(admin.get("/api/v1/purchase-orders/" + order)).get("status").asText());
        assertMoney("10", ok(admin.get("/api/v1/purchase-order-lines/" + line)).get("receivedQuantity"));
        assertEquals(0, before.add(BigDecimal.TEN).compareTo(onHand(admin, product)));
        assertProblem(admin.post("/api/v1/goods-receipts", "{\"purchaseOrderId\":\"" + order + "\"}"), 409, "received");
        assertEquals(2, ok(admin.get("/api/v1/purchase-orders/" + order + "/receipts")).get("total").asInt());

        // switched off and on: the data stays
        assertEquals(200, admin.post("/api/v1/admin/modules/purchasing/disable", null).status);
        assertProblem(admin.get("/api/v1/purchase-orders/" + order), 404, "disabled");
        assertEquals(200, admin.post("/api/v1/admin/modules/purchasing/enable", null).status);
        waitForHttp("/api/v1/purchase-orders/" + order, Duration.ofSeconds(60));
        assertEquals("received", ok(admin.get("/api/v1/purchase-orders/" + order)).get("status").asText());
    }
}
