package org.atriumcrm.itests;

import static org.atriumcrm.itests.CommerceSteps.assertMoney;
import static org.atriumcrm.itests.CommerceSteps.assertQuantity;
import static org.atriumcrm.itests.CommerceSteps.confirmedOrder;
import static org.atriumcrm.itests.CommerceSteps.deliver;
import static org.atriumcrm.itests.CommerceSteps.firstLine;
import static org.atriumcrm.itests.CommerceSteps.onHand;
import static org.atriumcrm.itests.CommerceSteps.q;
import static org.atriumcrm.testkit.http.ApiAssertions.assertProblem;
import static org.atriumcrm.testkit.http.ApiAssertions.id;
import static org.atriumcrm.testkit.http.ApiAssertions.ok;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.atriumcrm.testkit.http.Api;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Delivery notes and invoices against the real distribution: partial deliveries take the product and its gift item out
 * of stock, what remains is tracked per line, a cancelled note puts the stock back, the invoice's due date comes from
 * the payment term; 16 delivery notes released together on a product with 10 units: exactly 10 issued, 6 refused
 * with 409 naming the shortfall, stock 0 and never negative; recurring invoices issued once per period.
 */
public class InvoicingIT extends AtriumTestSupport {

    private static String product(Api admin, String sku) {
        return id(admin.post("/api/v1/products", "{\"sku\":\"" + sku + "\",\"name\":\"发货测试 " + sku + "\",\"listPrice\":100}"));
    }

    private static void opening(Api admin, String product, String quantity) {
        assertEquals(201, admin.post("/api/v1/stock-movements", "{\"movementType\":\"OPENING_BALANCE\",\"productId\":\"" + product
                + "\",\"quantity\":" + quantity + "}").status);
    }

    @Test
    public void partialDeliveriesGiftItemsCancellationAndInvoiceDueDate() {
        Api admin = adminApi();
        admin.awaitReady(Duration.ofSeconds(90));
        waitForHttp("/api/v1/delivery-notes", Duration.ofSeconds(60));
        waitForHttp("/api/v1/stock-movements", Duration.ofSeconds(60));
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String p = product(admin, "DN-P-" + tag);
        String gift = product(admin, "DN-GIFT-" + tag);
        id(admin.post("/api/v1/product-components", "{\"productId\":\"" + p + "\",\"componentProductId\":\"" + gift
                + "\",\"quantity\":1,\"gift\":true}"));
        opening(admin, p, "10");
        opening(admin, gift, "10");
        String account = id(admin.post("/api/v1/accounts?allowDuplicates=true", "{\"name\":\"发货客户 " + tag + "\"}"));
        String o = confirmedOrder(admin, account, p, "5", ",\"paymentTermDays\":30,\"shippingAddress\":\"上海市浦东新区世纪大道1号\"");
        String line = firstLine(admin, o);

        JsonNode first = ok(admin.post("/api/v1/sales-orders/" + o + "/deliver", deliver(line, "2", true)));
        assertEquals("issued", first.get("status").asText());
        assertTrue(first.get("number").asText(), first.get("number").asText().matches("DN-\\d{4}-\\d{6}"));
        assertEquals("上海市浦东新区世纪大道1号", first.get("shippingAddress").asText());
        assertEquals("SF1234567890", first.get("trackingNumber").asText());
        assertQuantity("8", onHand(admin, p));
        assertQuantity("8", onHand(admin, gift));
        assertEquals("partly_delivered", ok(admin.get("/api/v1/sales-orders/" + o)).get("status").asText());
        assertMoney("2", ok(admin.get("/api/v1/sales-order-lines/" + line)).get("deliveredQuantity"));
        JsonNode movements = ok(admin.get("/api/v1/stock-movements?filter=" + q("sourceId eq '" + first.get("id").asText() + "'"))).get("items");
        assertEquals(movements.toString(), 2, movements.size());

        // more than remains: a precise 400, nothing written
        Api.Answer over = admin.post("/api/v1/sales-orders/" + o + "/deliver", deliver(line, "4", true));
        assertProblem(over, 400, "delivery-exceeds-remaining");
        assertTrue(over.body, over.body.contains("only 3 remain"));
        assertProblem(admin.post("/api/v1/sales-orders/" + o + "/deliver", deliver(line, "0", false)), 400, "quantity");
        assertProblem(admin.post("/api/v1/sales-orders/" + o + "/deliver", "{\"lines\":\"all\"}"), 400, "lines");
        assertQuantity("8", onHand(admin, p));

        JsonNode second = ok(admin.post("/api/v1/sales-orders/" + o + "/deliver", deliver(line, "3", true)));
        assertQuantity("5", onHand(admin, p));
        assertQuantity("5", onHand(admin, gift));
        assertEquals("delivered", ok(admin.get("/api/v1/sales-orders/" + o)).get("status").asText());
        assertEquals("shipped", ok(admin.post("/api/v1/delivery-notes/" + second.get("id").asText() + "/ship", "{}")).get("status").asText());
        assertEquals("delivered", ok(admin.post("/api/v1/delivery-notes/" + second.get("id").asText() + "/mark-delivered", "{}"))
                .get("status").asText());
        assertProblem(admin.post("/api/v1/delivery-notes/" + second.get("id").asText() + "/cancel", "{}"), 409, "delivery-note-status");

        // the first note cancelled: its goods and gifts back in stock, its quantity back to deliver
        JsonNode cancelled = ok(admin.post("/api/v1/delivery-notes/" + first.get("id").asText() + "/cancel", "{\"comment\":\"客户拒收\"}"));
        assertEquals("cancelled", cancelled.get("status").asText());
        assertQuantity("7", onHand(admin, p));
        assertQuantity("7", onHand(admin, gift));
        assertEquals("partly_delivered", ok(admin.get("/api/v1/sales-orders/" + o)).get("status").asText());
        assertMoney("3", ok(admin.get("/api/v1/sales-order-lines/" + line)).get("deliveredQuantity"));

        // the invoice of what went out, due 30 days after its issue
        JsonNode invoice = ok(admin.post("/api/v1/sales-orders/" + o + "/invoice", "{\"deliveryNoteIds\":[\"" + second.get("id").asText()
                + "\"],\"issue\":true}"));
        assertTrue(invoice.get("number").asText(), invoice.get("number").asText().matches("INV-\\d{4}-\\d{6}"));
        assertEquals("issued", invoice.get("status").asText());
        assertEquals(LocalDate.now().toString(), invoice.get("issueDate").asText());
        assertEquals(LocalDate.now().plusDays(30).toString(), invoice.get("dueDate").asText());
        assertMoney("300", invoice.get("subtotal"));
        assertMoney("3", ok(admin.get("/api/v1/sales-order-lines/" + line)).get("invoicedQuantity"));
        assertProblem(admin.post("/api/v1/sales-orders/" + o + "/invoice", "{\"deliveryNoteIds\":[\"" + second.get("id").asText()
                + "\"],\"issue\":true}"), 400, "invoice-exceeds-remaining");
        assertProblem(admin.post("/api/v1/invoice-lines", "{}"), 409, null);
    }

    @Test
    public void sixteenDeliveryNotesOnTenUnitsIssueExactlyTen() throws Exception {
        Api admin = adminApi();
        admin.awaitReady(Duration.ofSeconds(90));
        waitForHttp("/api/v1/delivery-notes", Duration.ofSeconds(60));
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String p = product(admin, "DN-LAST-" + tag);
        opening(admin, p, "10");
        String account = id(admin.post("/api/v1/accounts?allowDuplicates=true", "{\"name\":\"并发发货 " + tag + "\"}"));
        String o = confirmedOrder(admin, account, p, "16", "");
        String line = firstLine(admin, o);
        List<String> notes = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            notes.add(ok(admin.post("/api/v1/sales-orders/" + o + "/deliver", deliver(line, "1", false))).get("id").asText());
        }
        List<Api.Answer> answers = together(16, i -> admin.post("/api/v1/delivery-notes/" + notes.get(i) + "/issue", "{}"));
        int issued = 0;
        for (Api.Answer a : answers) {
            if (a.status == 200) {
                issued++;
            } else {
                assertProblem(a, 409, "insufficient-stock");
                JsonNode problem = a.json();
                assertEquals(p, problem.get("productId").asText());
                assertQuantity("1", new BigDecimal(problem.get("shortfall").asText()));
                assertQuantity("0", new BigDecimal(problem.get("onHand").asText()));
            }
        }
        assertEquals("exactly the units there are go out", 10, issued);
        assertQuantity("0", onHand(admin, p));
        JsonNode movements = ok(admin.get("/api/v1/stock-movements?limit=500&filter=" + q("productId eq '" + p + "'"))).get("items");
        assertEquals(11, movements.size());
        for (JsonNode m : movements) {
            assertTrue(m.toString(), new BigDecimal(m.get("onHandAfter").asText()).signum() >= 0);
        }
        assertMoney("10", ok(admin.get("/api/v1/sales-order-lines/" + line)).get("deliveredQuantity"));
        assertEquals(6, ok(admin.get("/api/v1/delivery-notes?filter=" + q("salesOrderId eq '" + o + "' and status eq 'draft'")))
                .get("total").asInt());
    }

    @Test
    public void recurringInvoicesAreIssuedOncePerPeriod() {
        Api admin = adminApi();
        admin.awaitReady(Duration.ofSeconds(90));
        waitForHttp("/api/v1/invoices", Duration.ofSeconds(60));
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String service = id(admin.post("/api/v1/products", "{\"sku\":\"SUB-" + tag + "\",\"name\":\"年度维保 " + tag + "\",\"kind\":\"service\","
                + "\"unit\":\"month\",\"listPrice\":1000}"));
        String account = id(admin.post("/api/v1/accounts?allowDuplicates=true", "{\"name\":\"订阅客户 " + tag + "\"}"));
        LocalDate start = LocalDate.now().minusMonths(2);
        String o = confirmedOrder(admin, account, service, "1", ",\"invoiceFrequency\":\"monthly\",\"invoiceStart\":\"" + start
                + "\",\"invoicePaymentTermDays\":15");
        assertEquals(start.toString(), ok(admin.get("/api/v1/sales-orders/" + o)).get("nextInvoiceDate").asText());
        ok(admin.post("/api/v1/invoices/run-schedules", "{}"));
        ok(admin.post("/api/v1/invoices/run-schedules", "{}"));
        JsonNode invoices = ok(admin.get("/api/v1/invoices?sort=periodStart&filter=" + q("salesOrderId eq '" + o + "'"))).get("items");
        assertEquals(invoices.toString(), 3, invoices.size());
        for (int i = 0; i < 3; i++) {
            JsonNode inv = invoices.get(i);
            assertEquals("recurring", inv.get("kind").asText());
            assertEquals("issued", inv.get("status").asText());
            assertEquals(start.plusMonths(i).toString(), inv.get("periodStart").asText());
            assertEquals(start.plusMonths(i).plusDays(15).toString(), inv.get("dueDate").asText());
        }
        assertEquals(start.plusMonths(3).toString(), ok(admin.get("/api/v1/sales-orders/" + o)).get("nextInvoiceDate").asText());
    }
}
