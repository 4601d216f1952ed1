package org.atriumcrm.itests;

import static org.atriumcrm.itests.CommerceSteps.assertMoney;
import static org.atriumcrm.itests.CommerceSteps.assertQuantity;
import static org.atriumcrm.itests.CommerceSteps.created;
import static org.atriumcrm.itests.CommerceSteps.creditUnit;
import static org.atriumcrm.itests.CommerceSteps.deliver;
import static org.atriumcrm.itests.CommerceSteps.line;
import static org.atriumcrm.itests.CommerceSteps.onHand;
import static org.atriumcrm.itests.CommerceSteps.orderLine;
import static org.atriumcrm.itests.CommerceSteps.q;
import static org.atriumcrm.testkit.http.ApiAssertions.assertProblem;
import static org.atriumcrm.testkit.http.ApiAssertions.id;
import static org.atriumcrm.testkit.http.ApiAssertions.ok;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.atriumcrm.testkit.http.Api;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The whole order-to-cash chain through the REST API only, every figure asserted: a product with a gift item, a price
 * book whose volume break gives the price, a purchase order approved and received (stock up), a quote priced by
 * {@code GET /price} with a discount that needs the manager's approval, sent, accepted and converted to a sales order,
 * confirmed under the credit limit of its credit unit, a partial delivery (stock and the gift down), the invoice of it,
 * a payment over the open amount refused and the exact one taking the account's receivables to zero, and the printed
 * PDFs kept with each document. Also: each transition of the chain says in which states it applies.
 */
public class OrderToCashIT extends AtriumTestSupport {

    private static JsonNode printed(Api api, String plural, String id, String kind, String number) {
        Api.Answer pdf = api.post("/api/v1/" + plural + "/" + id + "/print?locale=zh-CN", "{}");
        assertEquals(plural + ": " + pdf, 200, pdf.status);
        assertTrue(plural, pdf.body.startsWith("%PDF-"));
        JsonNode kept = ok(api.get("/api/v1/" + plural + "/" + id + "/documents")).get("items");
        assertEquals(kept.toString(), 1, kept.size());
        JsonNode doc = kept.get(0);
        assertEquals(kind, doc.get("kind").asText());
        assertEquals(number, doc.get("number").asText());
        assertTrue(doc.toString(), doc.get("size").asInt() > 1000);
        assertTrue(doc.toString(), doc.get("sha256").asText().matches("[0-9a-f]{64}"));
        Api.Answer download = api.get(doc.get("href").asText());
        assertEquals(download.toString(), 200, download.status);
        assertTrue(download.body.startsWith("%PDF-"));
        assertEquals("\"" + doc.get("sha256").asText() + "\"", download.header("ETag"));
        return doc;
    }

    @Test
    public void productToPaidInvoiceThroughTheApi() throws Exception {
        QuotesIT.World w = QuotesIT.world();
        Api admin = w.admin;
        for (String path : List.of("/api/v1/price-books", "/api/v1/purchase-orders", "/api/v1/stock-movements", "/api/v1/sales-orders",
                "/api/v1/delivery-notes", "/api/v1/invoices", "/api/v1/payments", "/api/v1/document-templates")) {
            waitForHttp(path, Duration.ofSeconds(60));
        }
        String adminId = ok(admin.get("/api/v1/me")).get("id").asText();
        String vat13 = ok(admin.get("/api/v1/tax-classes?filter=" + q("rate eq 13"))).get("items").get(0).get("id").asText();
        List<String> rules = new ArrayList<>();
        try {
            // the catalog: a router at 120.00 list (cost 70) with a gift cable (cost 5) going out with each unit
            String router = id(admin.post("/api/v1/products", "{\"sku\":\"O2C-R-" + w.tag + "\",\"name\":\"企业路由器 " + w.tag
                    + "\",\"taxClassId\":\"" + vat13 + "\",\"listPrice\":120,\"cost\":70,\"currency\":\"CNY\",\"unit\":\"unit\"}"));
            String cable = id(admin.post("/api/v1/products", "{\"sku\":\"O2C-C-" + w.tag + "\",\"name\":\"网线 " + w.tag
                    + "\",\"taxClassId\":\"" + vat13 + "\",\"listPrice\":15,\"cost\":5,\"currency\":\"CNY\",\"unit\":\"unit\"}"));
            id(admin.post("/api/v1/product-components", "{\"productId\":\"" + router + "\",\"componentProductId\":\"" + cable
                    + "\",\"quantity\":1,\"gift\":true}"));
            assertQuantity("0", onHand(admin, router));

            // the customer's own price book: 110.00, and 100.00 from 10 units
            String book = id(admin.post("/api/v1/price-books", "{\"name\":\"客户价 " + w.tag + "\",\"currency\":\"CNY\",\"accountId\":\""
                    + w.account + "\"}"));
            id(admin.post("/api/v1/price-book-entries", "{\"priceBookId\":\"" + book + "\",\"productId\":\"" + router + "\",\"unitPrice\":110}"));
            id(admin.post("/api/v1/price-book-entries", "{\"priceBookId\":\"" + book + "\",\"productId\":\"" + router + "\",\"unitPrice\":100,"
                    + "\"minQuantity\":10}"));
            String ask = "/api/v1/price?productId=" + router + "&accountId=" + w.account + "&date=" + LocalDate.now();
            JsonNode five = ok(admin.get(ask + "&quantity=5"));
            assertEquals(book, five.get("priceBookId").asText());
            assertMoney("110", five.get("unitPrice"));
            assertMoney("120", five.get("listPrice"));
            JsonNode twelve = ok(admin.get(ask + "&quantity=12"));
            assertEquals(book, twelve.get("priceBookId").asText());
            assertMoney("100", twelve.get("unitPrice"));
            assertMoney("10", twelve.get("breakQuantity"));
            assertTrue(twelve.get("explanation").asText(), twelve.get("explanation").asText().contains("break from 10"));

            // purchasing: 20 routers and 20 cables; 1695.00 needs the administrator's approval by rule
            rules.add(id(admin.post("/api/v1/approval-rules", "{\"name\":\"PO over 1500 " + w.tag + "\",\"documentEntity\":\"PurchaseOrder\","
                    + "\"minAmount\":1500,\"currency\":\"CNY\",\"approverType\":\"user\",\"approverUserId\":\"" + adminId + "\"}")));
            String vendor = id(admin.post("/api/v1/vendors", "{\"code\":\"O2C-" + w.tag + "\",\"name\":\"深圳网络设备厂 " + w.tag
                    + "\",\"paymentTermDays\":30}"));
            String po = created(admin.post("/api/v1/purchase-orders", "{\"vendorId\":\"" + vendor + "\"}")).get("id").asText();
            String poRouter = id(admin.post("/api/v1/purchase-order-lines", "{\"purchaseOrderId\":\"" + po + "\",\"productId\":\"" + router
                    + "\",\"quantity\":20,\"taxRate\":13}"));
            String poCable = id(admin.post("/api/v1/purchase-order-lines", "{\"purchaseOrderId\":\"" + po + "\",\"productId\":\"" + cable
                    + "\",\"quantity\":20,\"taxRate\":13}"));
            JsonNode purchase = ok(admin.get("/api/v1/purchase-orders/" + po));
            // 20 × 70 + 20 × 5 = 1500.00; 13 % = 195.00
            assertMoney("1500.00", purchase.get("subtotal"));
            assertMoney("195.00", purchase.get("taxTotal"));
            assertMoney("1695.00", purchase.get("grandTotal"));
            JsonNode submittedPo = ok(admin.post("/api/v1/purchase-orders/" + po + "/submit", "{}"));
            assertEquals("in_approval", submittedPo.get("status").asText());
            assertEquals(adminId, submittedPo.get("approverId").asText());
            assertEquals("approved", ok(admin.post("/api/v1/purchase-orders/" + po + "/approve", "{\"comment\":\"备货\"}")).get("status").asText());
            assertEquals("ordered", ok(admin.post("/api/v1/purchase-orders/" + po + "/order", "{}")).get("status").asText());
            String receipt = id(admin.post("/api/v1/goods-receipts", "{\"purchaseOrderId\":\"" + po + "\"}"));
            created(admin.post("/api/v1/goods-receipt-lines", "{\"goodsReceiptId\":\"" + receipt + "\",\"purchaseOrderLineId\":\"" + poRouter
                    + "\",\"quantity\":20}"));
            created(admin.post("/api/v1/goods-receipt-lines", "{\"goodsReceiptId\":\"" + receipt + "\",\"purchaseOrderLineId\":\"" + poCable
                    + "\",\"quantity\":20}"));
            assertEquals("posted", ok(admin.post("/api/v1/goods-receipts/" + receipt + "/post", "{}")).get("status").asText());
            assertEquals("received", ok(admin.get("/api/v1/purchase-orders/" + po)).get("status").asText());
            assertQuantity("20", onHand(admin, router));
            assertQuantity("20", onHand(admin, cable));

            // the quote: 12 routers priced by the book's break (the same price GET /price gave), 20 % off needs the manager
            rules.add(id(admin.post("/api/v1/approval-rules", "{\"name\":\"Discount 15 % " + w.tag + "\",\"documentEntity\":\"Quote\","
                    + "\"minDiscountPercent\":15,\"approverType\":\"manager\"}")));
            JsonNode quote = created(w.asRep.post("/api/v1/quotes", "{\"subject\":\"网络改造 " + w.tag + "\",\"opportunityId\":\"" + w.opportunity
                    + "\",\"validUntil\":\"2099-12-31\"}"));
            String qid = quote.get("id").asText();
            String ql = id(w.asRep.post("/api/v1/quote-lines", line(qid, router, "12", ",\"discountPercent\":20")));
            JsonNode quoteLine = ok(w.asRep.get("/api/v1/quote-lines/" + ql));
            assertMoney(twelve.get("unitPrice").asText(), quoteLine.get("resolvedPrice"));
            assertMoney("100", quoteLine.get("unitPrice"));
            assertMoney("120", quoteLine.get("listPrice"));
            // 12 × 100 = 1200.00 − 20 % = 960.00; 13 % = 124.80
            assertMoney("960.00", quoteLine.get("netAmount"));
            JsonNode totals = ok(w.asRep.get("/api/v1/quotes/" + qid));
            assertMoney("960.00", totals.get("subtotal"));
            assertMoney("124.80", totals.get("taxTotal"));
            assertMoney("1084.80", totals.get("grandTotal"));
            JsonNode submitted = ok(w.asRep.post("/api/v1/quotes/" + qid + "/submit-for-approval", "{}"));
            assertEquals("in_approval", submitted.get("stage").asText());
            assertEquals(w.managerId, submitted.get("approverId").asText());
            assertProblem(w.asRep.post("/api/v1/quotes/" + qid + "/convert-to-order", "{}"), 409, "quote-not-approved");
            assertEquals("approved", ok(w.asManager.post("/api/v1/quotes/" + qid + "/approve", "{\"comment\":\"同意\"}")).get("stage").asText());
            assertEquals("sent", ok(w.asRep.post("/api/v1/quotes/" + qid + "/send", "{}")).get("stage").asText());
            assertEquals("accepted", ok(w.asRep.post("/api/v1/quotes/" + qid + "/accept", "{}")).get("stage").asText());

            // the order: the quote's figures, confirmed under the 5000.00 limit of the account's credit unit
            JsonNode order = ok(w.asRep.post("/api/v1/quotes/" + qid + "/convert-to-order", "{\"paymentTermDays\":30,"
                    + "\"shippingAddress\":\"广州市天河区体育西路 1 号\"}"));
            String o = order.get("id").asText();
            assertEquals(qid, order.get("quoteId").asText());
            assertEquals(w.account, order.get("accountId").asText());
            assertMoney("960.00", order.get("subtotal"));
            assertMoney("1084.80", order.get("grandTotal"));
            assertEquals(o, ok(w.asRep.get("/api/v1/quotes/" + qid)).get("convertedId").asText());
            String unit = creditUnit(admin, "网络改造信用 " + w.tag, "5000", w.account);
            JsonNode confirmed = ok(w.asRep.post("/api/v1/sales-orders/" + o + "/confirm", "{}"));
            assertEquals("confirmed", confirmed.get("status").asText());
            assertEquals("passed", confirmed.get("creditCheck").asText());
            assertEquals(unit, confirmed.get("creditUnitId").asText());
            assertMoney("5000", confirmed.get("creditLimit"));
            assertMoney("0", confirmed.get("creditExposure"));
            JsonNode orderLines = ok(w.asRep.get("/api/v1/sales-order-lines?filter=" + q("salesOrderId eq '" + o + "'"))).get("items");
            assertEquals(1, orderLines.size());
            String ol = orderLines.get(0).get("id").asText();
            assertMoney("100", orderLines.get(0).get("unitPrice"));

            // a partial delivery: 5 of 12 routers and their 5 gift cables out of stock in one step
            JsonNode note = ok(w.asRep.post("/api/v1/sales-orders/" + o + "/deliver", deliver(ol, "5", true)));
            String nid = note.get("id").asText();
            assertEquals("issued", note.get("status").asText());
            assertEquals("广州市天河区体育西路 1 号", note.get("shippingAddress").asText());
            assertQuantity("15", onHand(admin, router));
            assertQuantity("15", onHand(admin, cable));
            JsonNode movements = ok(admin.get("/api/v1/stock-movements?filter=" + q("sourceId eq '" + nid + "'"))).get("items");
            assertEquals(movements.toString(), 2, movements.size());
            JsonNode delivered = ok(w.asRep.get("/api/v1/sales-order-lines/" + ol));
            assertMoney("5", delivered.get("deliveredQuantity"));
            assertEquals("partly_delivered", ok(w.asRep.get("/api/v1/sales-orders/" + o)).get("status").asText());
            assertProblem(w.asRep.post("/api/v1/sales-orders/" + o + "/deliver", deliver(ol, "8", true)), 400, "delivery-exceeds-remaining");
            assertQuantity("15", onHand(admin, router));

            // the invoice of that delivery: 5 × 100 − 20 % = 400.00, 13 % = 52.00, due in 30 days
            JsonNode invoice = ok(w.asRep.post("/api/v1/sales-orders/" + o + "/invoice", "{\"deliveryNoteIds\":[\"" + nid + "\"],\"issue\":true}"));
            String inv = invoice.get("id").asText();
            assertEquals("issued", invoice.get("status").asText());
            assertEquals(LocalDate.now().plusDays(30).toString(), invoice.get("dueDate").asText());
            assertMoney("400.00", invoice.get("subtotal"));
            assertMoney("52.00", invoice.get("taxTotal"));
            assertMoney("452.00", invoice.get("grandTotal"));
            assertMoney("0", invoice.get("paidAmount"));
            assertMoney("5", ok(w.asRep.get("/api/v1/sales-order-lines/" + ol)).get("invoicedQuantity"));
            JsonNode open = ok(w.asRep.get("/api/v1/accounts/" + w.account + "/receivables"));
            assertEquals(open.toString(), 1, open.get("items").size());
            assertEquals(inv, open.get("items").get(0).get("id").asText());
            assertMoney("452.00", open.get("items").get(0).get("open"));
            assertMoney("452.00", open.get("totals").get(0).get("open"));
            assertMoney("0", open.get("totals").get(0).get("overdue"));

            // paid: more than is open refused with nothing written, the exact amount closing it
            // the rep's language is zh-CN (a new user's): the refusal's detail in Chinese, its type and figures as in English
            Api.Answer overpaid = w.asRep.post("/api/v1/payments", "{\"invoiceId\":\"" + inv + "\",\"amount\":452.01}");
            assertProblem(overpaid, 400, "payment-exceeds-open");
            assertEquals(overpaid.toString(), "zh-CN", overpaid.header("Content-Language"));
            assertTrue(overpaid.toString(), overpaid.json().get("detail").asText().contains("还有 452.00 未结"));
            assertEquals("452.00", overpaid.json().get("open").asText());
            assertMoney("0", ok(w.asRep.get("/api/v1/invoices/" + inv)).get("paidAmount"));
            JsonNode payment = created(w.asRep.post("/api/v1/payments", "{\"invoiceId\":\"" + inv + "\",\"amount\":452.00,\"method\":\"bank_transfer\"}"));
            assertEquals(w.account, payment.get("accountId").asText());
            JsonNode paid = ok(w.asRep.get("/api/v1/invoices/" + inv));
            assertEquals("paid", paid.get("status").asText());
            assertMoney("452.00", paid.get("paidAmount"));
            JsonNode none = ok(w.asRep.get("/api/v1/accounts/" + w.account + "/receivables"));
            assertEquals(none.toString(), 0, none.get("items").size());
            for (JsonNode t : none.get("totals")) {
                assertMoney("0", t.get("open"));
            }
            assertProblem(w.asRep.post("/api/v1/payments", "{\"invoiceId\":\"" + inv + "\",\"amount\":0.01}"), 409, "not-payable");
            assertEquals(1, ok(w.asRep.get("/api/v1/payments?filter=" + q("invoiceId eq '" + inv + "'"))).get("total").asInt());

            // another order of 50 routers (5650.00) over what the credit unit has left: refused in the rep's language
            String more = created(w.asRep.post("/api/v1/sales-orders", "{\"subject\":\"追加订单 " + w.tag + "\",\"accountId\":\"" + w.account
                    + "\"}")).get("id").asText();
            id(w.asRep.post("/api/v1/sales-order-lines", orderLine(more, router, "50", "")));
            Api.Answer refused = w.asRep.post("/api/v1/sales-orders/" + more + "/confirm", "{}");
            assertProblem(refused, 409, "credit-limit-exceeded");
            assertEquals(refused.toString(), "zh-CN", refused.header("Content-Language"));
            String detail = refused.json().get("detail").asText();
            assertTrue(detail, detail.startsWith("销售订单 " + more + " 未确认：") && detail.contains("超出信用额度 5000"));
            assertMoney("5000", refused.json().get("limit"));
            Api.Answer english = admin.post("/api/v1/sales-orders/" + more + "/confirm", "{}"); // the administrator's language is en
            assertProblem(english, 409, "credit-limit-exceeded");
            assertTrue(english.toString(), english.json().get("detail").asText().contains("is over the credit limit of 5000"));

            // what remains: 7 routers to deliver, stock untouched by invoicing and payment
            assertMoney("5", ok(w.asRep.get("/api/v1/sales-order-lines/" + ol)).get("deliveredQuantity"));
            assertQuantity("15", onHand(admin, router));
            assertQuantity("15", onHand(admin, cable));

            // each document printed and kept with its record
            printed(w.asRep, "quotes", qid, "quote", quote.get("number").asText());
            printed(w.asRep, "sales-orders", o, "sales_order", order.get("number").asText());
            printed(admin, "delivery-notes", nid, "delivery_note", note.get("number").asText());
            printed(admin, "invoices", inv, "invoice", invoice.get("number").asText());
        } finally {
            for (String rule : rules) {
                ok(admin.patch("/api/v1/approval-rules/" + rule, "{\"active\":false}"));
            }
        }
    }

    /**
     * The record page offers a transition only in the states it applies to: each action of the chain declares them
     * ({@code atrium.when}), and the metadata hands them to the UI.
     */
    @Test
    public void everyTransitionOfTheChainSaysInWhichStatesItApplies() {
        Api admin = adminApi();
        admin.awaitReady(Duration.ofSeconds(90));
        waitForHttp("/api/v1/invoices", Duration.ofSeconds(60));
        waitForHttp("/api/v1/purchase-orders", Duration.ofSeconds(60));
        Map<String, Map<String, String>> expected = Map.of(
                "Quote", Map.of("submit-for-approval", "stage=draft", "approve", "stage=in_approval", "reject", "stage=in_approval",
                        "send", "stage=approved,sent", "accept", "stage=approved,sent", "convert-to-order", "stage=approved,sent,accepted",
                        "convert-to-contract", "stage=approved,sent,accepted"),
                "SalesOrder", Map.of("confirm", "status=draft", "approve", "status=held", "reject", "status=held",
                        "cancel", "status=draft,held,confirmed", "deliver", "status=confirmed,partly_delivered",
                        "invoice", "status=confirmed,partly_delivered,delivered"),
                "DeliveryNote", Map.of("issue", "status=draft", "ship", "status=issued", "mark-delivered", "status=issued,shipped",
                        "cancel", "status=draft,issued"),
                "Invoice", Map.of("issue", "status=draft", "cancel", "status=draft,issued"),
                "PurchaseOrder", Map.of("submit", "status=draft", "approve", "status=in_approval", "order", "status=approved"),
                "GoodsReceipt", Map.of("post", "status=draft"),
                "Stocktake", Map.of("complete-count", "status=draft", "post", "status=counted"));
        List<String> wrong = new ArrayList<>();
        expected.forEach((entity, actions) -> {
            Map<String, String> declared = new java.util.HashMap<>();
            for (JsonNode a : ok(admin.get("/api/v1/meta/entities/" + entity)).get("actionDetails")) {
                JsonNode when = a.get("when");
                declared.put(a.get("name").asText(), when == null ? null : when.get("field").asText() + "="
                        + String.join(",", iterable(when.get("values"))));
            }
            actions.forEach((action, when) -> {
                if (!when.equals(declared.get(action))) {
                    wrong.add(entity + "/" + action + ": " + declared.get(action) + " instead of " + when);
                }
            });
        });
        assertTrue(String.join("\n", wrong), wrong.isEmpty());
    }

    private static List<String> iterable(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
