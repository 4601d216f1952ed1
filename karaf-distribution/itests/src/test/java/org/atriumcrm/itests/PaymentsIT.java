package org.atriumcrm.itests;

import static org.atriumcrm.itests.CommerceSteps.assertMoney;
import static org.atriumcrm.itests.CommerceSteps.confirmedOrder;
import static org.atriumcrm.itests.CommerceSteps.created;
import static org.atriumcrm.itests.CommerceSteps.deliver;
import static org.atriumcrm.itests.CommerceSteps.firstLine;
import static org.atriumcrm.testkit.http.ApiAssertions.assertProblem;
import static org.atriumcrm.testkit.http.ApiAssertions.id;
import static org.atriumcrm.testkit.http.ApiAssertions.ok;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import javax.inject.Inject;

import org.atriumcrm.commerce.api.CommerceEvents;
import org.atriumcrm.testkit.http.Api;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Receivables and payables against the real distribution. Invoices (receivables): paid in part (partly paid), in full
 * (paid), a refund (partly paid again), the account's open balance, the overdue list, one overdue reminder (event and
 * email to the owner) however many rounds run, no cancel once paid. Purchase
 * orders (payables): a payment in part, one
 * over what is open refused with nothing written, a refund, the vendor's open balance and the overdue list, a paid
 * order that cannot be cancelled, and 16 payments released together on one order: exactly as many go through as
 * it is owed, never more.
 */
public class PaymentsIT extends AtriumTestSupport {

    @Inject
    BundleContext context;

    @Inject
    ConfigurationAdmin configAdmin;

    /** An ordered purchase order of {@code quantity} × 10.00 (no tax) whose payment fell due {@code daysAgo} days ago. */
    private static String orderedPurchase(Api admin, String tag, int quantity, int daysAgo) {
        String vendor = id(admin.post("/api/v1/vendors", "{\"code\":\"PV-" + tag + "\",\"name\":\"付款测试供应商 " + tag + "\",\"paymentTermDays\":30}"));
        String product = id(admin.post("/api/v1/products", "{\"sku\":\"PAY-" + tag + "\",\"name\":\"付款测试 " + tag + "\",\"listPrice\":50,\"cost\":10}"));
        String order = id(admin.post("/api/v1/purchase-orders", "{\"vendorId\":\"" + vendor + "\"}"));
        id(admin.post("/api/v1/purchase-order-lines", "{\"purchaseOrderId\":\"" + order + "\",\"productId\":\"" + product
                + "\",\"quantity\":" + quantity + ",\"taxRate\":0}"));
        String submitted = ok(admin.post("/api/v1/purchase-orders/" + order + "/submit", "{}")).get("status").asText();
        if ("in_approval".equals(submitted)) {
            ok(admin.post("/api/v1/purchase-orders/" + order + "/approve", "{}"));
        }
        JsonNode ordered = ok(admin.post("/api/v1/purchase-orders/" + order + "/order", "{\"orderDate\":\""
                + LocalDate.now().minusDays(30L + daysAgo) + "\"}"));
        assertEquals(LocalDate.now().minusDays(daysAgo).toString(), ordered.get("paymentDueDate").asText());
        return order;
    }

    @Test
    public void purchaseOrdersArePaidInPartsRefundedAndListedWhenOverdue() throws Exception {
        Api admin = adminApi();
        admin.awaitReady(Duration.ofSeconds(90));
        waitForHttp("/api/v1/payments", Duration.ofSeconds(60));
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String order = orderedPurchase(admin, tag, 10, 5);
        String vendor = ok(admin.get("/api/v1/purchase-orders/" + order)).get("vendorId").asText();

        JsonNode first = created(admin.post("/api/v1/payments", "{\"purchaseOrderId\":\"" + order + "\",\"amount\":30,\"method\":\"bank_transfer\","
                + "\"reference\":\"HZ-" + tag + "\"}"));
        assertTrue(first.get("number").asText(), first.get("number").asText().startsWith("PAY-"));
        assertEquals(vendor, first.get("vendorId").asText());
        assertEquals("CNY", first.get("currency").asText());
        assertMoney("30", ok(admin.get("/api/v1/purchase-orders/" + order)).get("paidAmount"));

        // bad input: nothing written
        assertProblem(admin.post("/api/v1/payments", "{\"purchaseOrderId\":\"" + order + "\",\"amount\":70.01}"), 400, "70.00 open");
        assertProblem(admin.post("/api/v1/payments", "{\"purchaseOrderId\":\"" + order + "\",\"amount\":0}"), 400, "amount");
        assertProblem(admin.post("/api/v1/payments", "{\"purchaseOrderId\":\"" + order + "\",\"amount\":1.001}"), 400, "decimals");
        assertProblem(admin.post("/api/v1/payments", "{\"purchaseOrderId\":\"" + order + "\",\"amount\":1,\"currency\":\"USD\"}"), 400, "CNY");
        assertProblem(admin.post("/api/v1/payments", "{\"amount\":1}"), 400, "exactly one");
        assertProblem(admin.post("/api/v1/payments", "{\"purchaseOrderId\":\"" + UUID.randomUUID() + "\",\"amount\":1}"), 400, "purchaseOrderId");
        assertProblem(admin.post("/api/v1/payments", "{\"purchaseOrderId\":\"" + order + "\",\"amount\":5,\"kind\":\"refund\",\"paidOn\":\""
                + LocalDate.now().plusDays(1) + "\"}"), 400, "future");
        assertProblem(admin.post("/api/v1/payments", "{\"purchaseOrderId\":\"" + order + "\",\"amount\":30.01,\"kind\":\"refund\"}"), 400, "30.00");
        assertMoney("30", ok(admin.get("/api/v1/purchase-orders/" + order)).get("paidAmount"));
        assertEquals(1, ok(admin.get("/api/v1/purchase-orders/" + order + "/payments")).get("total").asInt());

        // a recorded payment keeps its money; a refund gives some back
        String paymentId = first.get("id").asText();
        assertProblem(admin.patch("/api/v1/payments/" + paymentId, "{\"amount\":31}"), 409, "refund");
        assertEquals("note", ok(admin.patch("/api/v1/payments/" + paymentId, "{\"notes\":\"note\"}")).get("notes").asText());
        assertProblem(admin.delete("/api/v1/payments/" + paymentId), 409, "refund");
        JsonNode refund = created(admin.post("/api/v1/payments", "{\"purchaseOrderId\":\"" + order + "\",\"amount\":10,\"kind\":\"refund\"}"));
        assertTrue(refund.get("number").asText().startsWith("RF-"));
        assertMoney("20", ok(admin.get("/api/v1/purchase-orders/" + order)).get("paidAmount"));

        // what is owed to the vendor, and the overdue list
        JsonNode payables = ok(admin.get("/api/v1/vendors/" + vendor + "/payables"));
        assertEquals(1, payables.get("items").size());
        assertMoney("80", payables.get("items").get(0).get("open"));
        assertEquals(5, payables.get("items").get(0).get("overdueDays").asInt());
        assertMoney("80", payables.get("totals").get(0).get("overdue"));
        JsonNode overdue = ok(admin.get("/api/v1/payments/overdue?direction=payable&limit=500"));
        assertTrue(overdue.toString(), overdue.get("items").findValuesAsText("id").contains(order));
        assertProblem(admin.get("/api/v1/payments/overdue?direction=sideways"), 400, "direction");
        assertProblem(admin.get("/api/v1/payments/overdue?limit=0"), 400, "limit");

        // a paid order is not cancelled; paid in full it leaves the open lists
        assertProblem(admin.post("/api/v1/purchase-orders/" + order + "/cancel", "{}"), 409, "refund");
        created(admin.post("/api/v1/payments", "{\"purchaseOrderId\":\"" + order + "\",\"amount\":80}"));
        assertEquals(0, ok(admin.get("/api/v1/vendors/" + vendor + "/payables")).get("items").size());
        List<String> history = ok(admin.get("/api/v1/purchase-orders/" + order + "/history")).findValuesAsText("field");
        assertTrue(history.toString(), history.contains("paidAmount"));
    }

    @Test
    public void sixteenPaymentsReleasedTogetherNeverPayMoreThanIsOwed() throws Exception {
        Api admin = adminApi();
        admin.awaitReady(Duration.ofSeconds(90));
        waitForHttp("/api/v1/payments", Duration.ofSeconds(60));
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String order = orderedPurchase(admin, tag, 10, 0); // 100.00 owed

        List<Api.Answer> answers = together(16, i -> admin.post("/api/v1/payments", "{\"purchaseOrderId\":\"" + order
                + "\",\"amount\":10,\"reference\":\"race-" + i + "\"}"));
        long paid = answers.stream().filter(a -> a.status == 201).count();
        for (Api.Answer a : answers) {
            assertTrue(a.toString(), a.status == 201 || a.status == 400 && a.body.contains("payment-exceeds-open"));
        }
        assertEquals(10, paid);
        assertMoney("100", ok(admin.get("/api/v1/purchase-orders/" + order)).get("paidAmount"));
        assertEquals(10, ok(admin.get("/api/v1/purchase-orders/" + order + "/payments")).get("total").asInt());
    }

    /**
     * Payments imported as a bank statement through the bulk import: 16 one-row imports released together on one
     * invoice whose open amount covers 10 of them. No job fails (nothing 500), each row is paid or refused on its own
     * as more than is open, and the invoice is paid exactly.
     */
    @Test
    public void sixteenPaymentImportsReleasedTogetherPayExactlyWhatIsOpen() throws Exception {
        Api admin = adminApi();
        admin.awaitReady(Duration.ofSeconds(90));
        waitForHttp("/api/v1/payments", Duration.ofSeconds(60));
        waitForHttp("/api/v1/jobs", Duration.ofSeconds(60));
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String account = id(admin.post("/api/v1/accounts?allowDuplicates=true", "{\"name\":\"导入收款客户 " + tag + "\"}"));
        JsonNode invoice = issuedInvoice(admin, account, "IMP-" + tag);
        String inv = invoice.get("id").asText();
        BigDecimal total = new BigDecimal(invoice.get("grandTotal").asText());
        BigDecimal tenth = total.divide(BigDecimal.TEN); // 100 and its VAT: exact to the fen
        List<String> files = new java.util.ArrayList<>();
        for (int i = 0; i < 16; i++) {
            String csv = "invoiceId,amount,reference\n" + inv + "," + tenth.toPlainString() + ",BANK-" + tag + "-" + i + "\n";
            files.add(BulkDataIT.upload(admin, "payments", "bank-" + i + ".csv", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    "text/csv", null));
        }
        List<Api.Answer> started = together(16, i -> admin.post("/api/v1/jobs/import", "{\"fileId\":\"" + files.get(i)
                + "\",\"entity\":\"payments\",\"columns\":{\"invoiceId\":\"invoiceId\",\"amount\":\"amount\",\"reference\":\"reference\"}}"));
        int paid = 0;
        for (Api.Answer a : started) {
            assertEquals(a.toString(), 202, a.status);
            JsonNode job = BulkDataIT.awaitJob(admin, a.json().get("id").asText());
            assertEquals(job.toString(), "completed", job.get("status").asText());
            assertEquals(job.toString(), 1, job.get("processed").asInt());
            if (job.get("created").asInt() == 1) {
                paid++;
            } else {
                assertEquals(job.toString(), 1, job.get("failed").asInt());
                String report = admin.get("/api/v1/jobs/" + job.get("id").asText() + "/errors").body;
                assertTrue(report, report.contains(" open") || report.contains(" is paid"));
            }
        }
        assertEquals("exactly the payments the invoice's open amount covers", 10, paid);
        JsonNode after = ok(admin.get("/api/v1/invoices/" + inv));
        assertEquals("paid", after.get("status").asText());
        assertMoney(total.toPlainString(), after.get("paidAmount"));
        assertEquals(10, ok(admin.get("/api/v1/payments?filter=" + java.net.URLEncoder.encode("invoiceId eq '" + inv + "'",
                java.nio.charset.StandardCharsets.UTF_8))).get("total").asInt());
        assertEquals(0, ok(admin.get("/api/v1/accounts/" + account + "/receivables")).get("items").size());
    }

    /** An issued invoice to {@code account} for one unit of a new product {@code sku} at 100 and its VAT (113.00). */
    private static JsonNode issuedInvoice(Api admin, String account, String sku) {
        String product = id(admin.post("/api/v1/products", "{\"sku\":\"" + sku + "\",\"name\":\"导入收款 " + sku + "\",\"listPrice\":100}"));
        assertEquals(201, admin.post("/api/v1/stock-movements", "{\"movementType\":\"OPENING_BALANCE\",\"productId\":\"" + product
                + "\",\"quantity\":1}").status);
        String order = confirmedOrder(admin, account, product, "1", "");
        ok(admin.post("/api/v1/sales-orders/" + order + "/deliver", deliver(firstLine(admin, order), "1", true)));
        return ok(admin.post("/api/v1/sales-orders/" + order + "/invoice", "{\"issue\":true}"));
    }

    /**
     * A bank statement of several rows in one import batch, in which a row pays more than the earlier rows of the same
     * batch left open on its invoice: that row alone fails, with the open amount in the job's error report; every
     * other row is recorded (the ones after it and another invoice's too), and both invoices are paid exactly.
     */
    @Test
    public void aStatementRowOverpayingWhatEarlierRowsLeftOpenFailsAloneInItsBatch() throws Exception {
        Api admin = adminApi();
        admin.awaitReady(Duration.ofSeconds(90));
        waitForHttp("/api/v1/payments", Duration.ofSeconds(60));
        waitForHttp("/api/v1/jobs", Duration.ofSeconds(60));
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String account = id(admin.post("/api/v1/accounts?allowDuplicates=true", "{\"name\":\"对账单客户 " + tag + "\"}"));
        JsonNode invoice = issuedInvoice(admin, account, "STM-A-" + tag);
        JsonNode other = issuedInvoice(admin, account, "STM-B-" + tag);
        String inv = invoice.get("id").asText();
        BigDecimal total = new BigDecimal(invoice.get("grandTotal").asText());
        BigDecimal half = total.divide(BigDecimal.valueOf(2));
        BigDecimal quarter = total.divide(BigDecimal.valueOf(4));
        String csv = "invoiceId,amount,reference\n"
                + inv + "," + half.toPlainString() + ",STM-" + tag + "-1\n"
                + inv + "," + quarter.toPlainString() + ",STM-" + tag + "-2\n"
                + inv + "," + half.toPlainString() + ",STM-" + tag + "-3\n" // a quarter is open by now: refused
                + inv + "," + quarter.toPlainString() + ",STM-" + tag + "-4\n"
                + other.get("id").asText() + "," + other.get("grandTotal").asText() + ",STM-" + tag + "-5\n";
        String file = BulkDataIT.upload(admin, "payments", "statement.csv", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/csv", null);
        Api.Answer started = admin.post("/api/v1/jobs/import", "{\"fileId\":\"" + file
                + "\",\"entity\":\"payments\",\"columns\":{\"invoiceId\":\"invoiceId\",\"amount\":\"amount\",\"reference\":\"reference\"}}");
        assertEquals(started.toString(), 202, started.status);
        JsonNode job = BulkDataIT.awaitJob(admin, started.json().get("id").asText());
        assertEquals(job.toString(), "completed", job.get("status").asText());
        assertEquals(job.toString(), 5, job.get("processed").asInt());
        assertEquals(job.toString(), 4, job.get("created").asInt());
        assertEquals(job.toString(), 1, job.get("failed").asInt());
        String report = admin.get("/api/v1/jobs/" + job.get("id").asText() + "/errors").body;
        assertTrue(report, report.contains(quarter.setScale(2).toPlainString() + " open"));
        assertTrue("the row in the file (line 4) is named: " + report, report.contains("4"));

        JsonNode paid = ok(admin.get("/api/v1/invoices/" + inv));
        assertEquals("paid", paid.get("status").asText());
        assertMoney(total.toPlainString(), paid.get("paidAmount"));
        JsonNode payments = ok(admin.get("/api/v1/payments?sort=reference&filter=" + java.net.URLEncoder.encode("invoiceId eq '" + inv + "'",
                java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals(payments.toString(), List.of("STM-" + tag + "-1", "STM-" + tag + "-2", "STM-" + tag + "-4"),
                payments.get("items").findValuesAsText("reference"));
        assertEquals("paid", ok(admin.get("/api/v1/invoices/" + other.get("id").asText())).get("status").asText());
        assertEquals(0, ok(admin.get("/api/v1/accounts/" + account + "/receivables")).get("items").size());
    }

    @Test
    public void invoicesArePaidInPartsRefundedListedAsReceivablesAndOverdue() throws Exception {
        Api admin = adminApi();
        admin.awaitReady(Duration.ofSeconds(90));
        waitForHttp("/api/v1/payments", Duration.ofSeconds(60));
        waitForHttp("/api/v1/invoices", Duration.ofSeconds(60));
        String tag = UUID.randomUUID().toString().substring(0, 8);
        // reminders go to the owner (the administrator here), heard from the start: a round may run any time
        String ownerMail = "ar.owner." + tag + "@example.com";
        ok(admin.patch("/api/v1/me", "{\"email\":\"" + ownerMail + "\"}"));
        String[] invoiceId = new String[1];
        List<Event> overdueEvents = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        java.util.Hashtable<String, Object> topic = new java.util.Hashtable<>();
        topic.put(EventConstants.EVENT_TOPIC, CommerceEvents.INVOICE_OVERDUE);
        ServiceRegistration<EventHandler> listener = context.registerService(EventHandler.class, e -> {
            if (e.getProperty("id").equals(invoiceId[0])) {
                overdueEvents.add(e);
            }
        }, topic);
        String account = id(admin.post("/api/v1/accounts", "{\"name\":\"应收测试客户 " + tag + "\"}"));
        String product = id(admin.post("/api/v1/products", "{\"sku\":\"AR-" + tag + "\",\"name\":\"应收测试 " + tag + "\",\"listPrice\":100}"));
        assertEquals(201, admin.post("/api/v1/stock-movements", "{\"movementType\":\"OPENING_BALANCE\",\"productId\":\"" + product
                + "\",\"quantity\":10}").status);
        String order = id(admin.post("/api/v1/sales-orders", "{\"subject\":\"应收订单\",\"accountId\":\"" + account + "\",\"paymentTermDays\":30}"));
        String line = id(admin.post("/api/v1/sales-order-lines", "{\"salesOrderId\":\"" + order + "\",\"productId\":\"" + product
                + "\",\"quantity\":2}"));
        assertEquals("confirmed", ok(admin.post("/api/v1/sales-orders/" + order + "/confirm", "{}")).get("status").asText());
        ok(admin.post("/api/v1/sales-orders/" + order + "/deliver", "{\"lines\":[{\"salesOrderLineId\":\"" + line
                + "\",\"quantity\":2}],\"issue\":true}"));
        // issued 40 days ago with a 30-day term: 10 days overdue
        JsonNode invoice = ok(admin.post("/api/v1/sales-orders/" + order + "/invoice", "{\"issueDate\":\"" + LocalDate.now().minusDays(40)
                + "\",\"issue\":true}"));
        String inv = invoice.get("id").asText();
        invoiceId[0] = inv;
        // the order, its delivery note and the invoice print as PDFs with the order-to-cash templates
        String note = ok(admin.get("/api/v1/delivery-notes?filter=" + java.net.URLEncoder.encode("salesOrderId eq '" + order + "'",
                java.nio.charset.StandardCharsets.UTF_8))).get("items").get(0).get("id").asText();
        for (String printed : List.of("/api/v1/sales-orders/" + order, "/api/v1/delivery-notes/" + note, "/api/v1/invoices/" + inv)) {
            Api.Answer pdf = admin.post(printed + "/print?locale=zh-CN", "{}");
            assertEquals(printed + ": " + pdf, 200, pdf.status);
            assertTrue(printed, pdf.body.startsWith("%PDF-"));
        }
        assertEquals(LocalDate.now().minusDays(10).toString(), invoice.get("dueDate").asText());
        BigDecimal total = new BigDecimal(invoice.get("grandTotal").asText()); // 200 and the product's VAT
        assertTrue(total.toString(), total.compareTo(new BigDecimal("200")) >= 0);
        String rest = total.subtract(new BigDecimal("50")).setScale(2).toPlainString();

        JsonNode first = created(admin.post("/api/v1/payments", "{\"invoiceId\":\"" + inv + "\",\"amount\":50,\"method\":\"alipay\"}"));
        assertEquals(account, first.get("accountId").asText());
        JsonNode after = ok(admin.get("/api/v1/invoices/" + inv));
        assertEquals("partly_paid", after.get("status").asText());
        assertMoney("50", after.get("paidAmount"));
        assertProblem(admin.post("/api/v1/payments", "{\"invoiceId\":\"" + inv + "\",\"amount\":" + new BigDecimal(rest).add(new BigDecimal("0.01")) + "}"), 400, rest + " open");
        assertProblem(admin.post("/api/v1/invoices/" + inv + "/cancel", "{}"), 409, "paid");

        JsonNode receivables = ok(admin.get("/api/v1/accounts/" + account + "/receivables"));
        assertEquals(1, receivables.get("items").size());
        assertMoney(rest, receivables.get("items").get(0).get("open"));
        assertEquals(10, receivables.get("items").get(0).get("overdueDays").asInt());
        assertMoney(rest, receivables.get("totals").get(0).get("overdue"));
        assertTrue(ok(admin.get("/api/v1/payments/overdue?limit=500")).get("items").findValuesAsText("id").contains(inv));

        java.util.Hashtable<String, Object> every = new java.util.Hashtable<>();
        every.put("intervalSeconds", "1");
        configAdmin.getConfiguration("org.atriumcrm.payments.reminders", null).update(every);
        // one overdue reminder for this invoice (stage overdue-7), event and email, however many rounds run
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (overdueEvents.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            Thread.sleep(3000); // more rounds
            assertEquals(overdueEvents.toString(), 1, overdueEvents.size());
            assertEquals(10L, ((Number) overdueEvents.get(0).getProperty("overdueDays")).longValue());
            // the owner's other overdue invoices (earlier tests') are reminded too: this invoice's reminders only
            JsonNode reminders = ok(admin.get("/api/v1/emails?filter=" + java.net.URLEncoder.encode("toAddresses eq '" + ownerMail
                    + "' and subject like '*" + invoice.get("number").asText() + " *'", java.nio.charset.StandardCharsets.UTF_8))).get("items");
            assertEquals(reminders.toString(), 1, reminders.size());
            assertTrue(reminders.toString(), reminders.get(0).get("subject").asText().contains(invoice.get("number").asText()));
        } finally {
            listener.unregister();
            configAdmin.getConfiguration("org.atriumcrm.payments.reminders", null).delete();
        }

        created(admin.post("/api/v1/payments", "{\"invoiceId\":\"" + inv + "\",\"amount\":" + rest + "}"));
        assertEquals("paid", ok(admin.get("/api/v1/invoices/" + inv)).get("status").asText());
        assertEquals(0, ok(admin.get("/api/v1/accounts/" + account + "/receivables")).get("items").size());
        created(admin.post("/api/v1/payments", "{\"invoiceId\":\"" + inv + "\",\"amount\":20,\"kind\":\"refund\"}"));
        JsonNode refunded = ok(admin.get("/api/v1/invoices/" + inv));
        assertEquals("partly_paid", refunded.get("status").asText());
        assertMoney(total.subtract(new BigDecimal("20")).toPlainString(), refunded.get("paidAmount"));
        assertEquals(3, ok(admin.get("/api/v1/payments?filter=" + java.net.URLEncoder.encode("invoiceId eq '" + inv + "'",
                java.nio.charset.StandardCharsets.UTF_8))).get("total").asInt());
    }
}
