package org.atriumcrm.itests;

import static org.atriumcrm.itests.CommerceSteps.assertMoney;
import static org.atriumcrm.itests.CommerceSteps.created;
import static org.atriumcrm.itests.CommerceSteps.creditUnit;
import static org.atriumcrm.itests.CommerceSteps.line;
import static org.atriumcrm.itests.CommerceSteps.orderLine;
import static org.atriumcrm.testkit.http.ApiAssertions.assertProblem;
import static org.atriumcrm.testkit.http.ApiAssertions.id;
import static org.atriumcrm.testkit.http.ApiAssertions.ok;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.UUID;

import javax.inject.Inject;

import org.atriumcrm.testkit.http.Api;
import org.junit.Test;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Sales orders against the real distribution: a quote with a discount the manager approves becomes an order (once),
 * the order passes the credit check of a credit unit; a second order of another account of the same unit is refused
 * with the figures (kept on the order), then held and approved when the configuration says approval; bad lines are
 * refused with nothing written; 16 confirmations released together never pass the unit's limit.
 */
public class OrdersIT extends AtriumTestSupport {

    @Inject
    ConfigurationAdmin configAdmin;

    @Test
    public void quoteToOrderCreditUnitRefusalWithFiguresAndApprovalWhenConfigured() throws Exception {
        QuotesIT.World w = QuotesIT.world();
        waitForHttp("/api/v1/sales-orders", Duration.ofSeconds(60));
        String rule = id(w.admin.post("/api/v1/approval-rules", "{\"name\":\"Discount 15 % " + w.tag + "\",\"documentEntity\":\"Quote\","
                + "\"minDiscountPercent\":15,\"approverType\":\"manager\"}"));
        try {
            String q = created(w.asRep.post("/api/v1/quotes", "{\"subject\":\"订单报价 " + w.tag + "\",\"opportunityId\":\"" + w.opportunity
                    + "\"}")).get("id").asText();
            id(w.asRep.post("/api/v1/quote-lines", line(q, w.server, "3", ",\"discountPercent\":20")));
            assertProblem(w.asRep.post("/api/v1/quotes/" + q + "/convert-to-order", "{}"), 409, "quote-not-approved");
            assertEquals("in_approval", ok(w.asRep.post("/api/v1/quotes/" + q + "/submit-for-approval", "{}")).get("stage").asText());
            assertEquals("approved", ok(w.asManager.post("/api/v1/quotes/" + q + "/approve", "{\"comment\":\"同意\"}")).get("stage").asText());
            assertProblem(w.asRep.post("/api/v1/quotes/" + q + "/convert-to-order", "{\"orderDate\":\"soon\"}"), 400, "orderDate");

            JsonNode order = ok(w.asRep.post("/api/v1/quotes/" + q + "/convert-to-order", "{\"paymentTermDays\":30,\"shippingAddress\":\"杭州市西湖区\"}"));
            String o = order.get("id").asText();
            assertTrue(order.get("number").asText(), order.get("number").asText().matches("SO-\\d{4}-\\d{6}"));
            assertEquals("draft", order.get("status").asText());
            assertEquals(w.account, order.get("accountId").asText());
            assertEquals(q, order.get("quoteId").asText());
            // 3 × 1999.99 − 20 % = 4799.98; 13 %: 624.00
            assertMoney("4799.98", order.get("subtotal"));
            assertMoney("5423.98", order.get("grandTotal"));
            assertEquals(1, ok(w.asRep.get("/api/v1/sales-order-lines?filter=salesOrderId%20eq%20'" + o + "'")).get("total").asInt());
            assertProblem(w.asRep.post("/api/v1/quotes/" + q + "/convert-to-order", "{}"), 409, "quote-converted");
            assertProblem(w.asRep.post("/api/v1/quotes/" + q + "/convert-to-contract", "{}"), 409, "quote-converted");
            assertEquals(o, ok(w.asRep.get("/api/v1/quotes/" + q)).get("convertedId").asText());

            // the credit unit of the account and a second account of the same group; reps may not set credit
            String branch = id(w.asRep.post("/api/v1/accounts?allowDuplicates=true", "{\"name\":\"分公司 " + w.tag + "\"}"));
            assertProblem(w.asRep.post("/api/v1/credit-units", "{\"name\":\"mine\",\"creditLimit\":99999999}"), 403, null);
            String unit = creditUnit(w.admin, "集团信用 " + w.tag, "6000", w.account, branch);
            assertProblem(w.admin.post("/api/v1/account-credits", "{\"accountId\":\"" + branch + "\",\"creditLimit\":1}"), 409, "account-credit-exists");

            JsonNode confirmed = ok(w.asRep.post("/api/v1/sales-orders/" + o + "/confirm", "{}"));
            assertEquals("confirmed", confirmed.get("status").asText());
            assertEquals("passed", confirmed.get("creditCheck").asText());
            assertMoney("6000", confirmed.get("creditLimit"));
            assertMoney("0", confirmed.get("creditExposure"));
            assertEquals(unit, confirmed.get("creditUnitId").asText());
            assertProblem(w.asRep.post("/api/v1/sales-order-lines", orderLine(o, w.server, "1", "")), 409, "order-frozen");
            assertProblem(w.asRep.post("/api/v1/sales-orders/" + o + "/confirm", "{}"), 409, "order-status");

            // by hand, for the other account: bad lines first, nothing written
            String second = created(w.asRep.post("/api/v1/sales-orders", "{\"subject\":\"分公司订单 " + w.tag + "\",\"accountId\":\"" + branch
                    + "\"}")).get("id").asText();
            assertProblem(w.asRep.post("/api/v1/sales-order-lines", orderLine(second, w.server, "0", "")), 400, "quantity");
            assertProblem(w.asRep.post("/api/v1/sales-order-lines", orderLine(second, w.server, "1", ",\"discountPercent\":120")), 400, "discountPercent");
            assertProblem(w.asRep.post("/api/v1/sales-order-lines", orderLine(second, UUID.randomUUID().toString(), "1", "")), 400, "productId");
            assertProblem(w.asRep.post("/api/v1/sales-order-lines", orderLine(second, w.retired, "1", "")), 400, "inactive");
            assertProblem(w.asRep.post("/api/v1/sales-order-lines", orderLine(second, w.server, "1", ",\"netAmount\":1")), 400, "netAmount");
            assertProblem(w.asRep.post("/api/v1/sales-orders", "{\"accountId\":\"" + branch + "\",\"grandTotal\":1}"), 400, "grandTotal");
            assertEquals(0, ok(w.asRep.get("/api/v1/sales-orders/" + second)).get("lineCount").asInt());
            id(w.asRep.post("/api/v1/sales-order-lines", orderLine(second, w.server, "1", "")));
            assertMoney("2259.99", ok(w.asRep.get("/api/v1/sales-orders/" + second)).get("grandTotal"));

            // 5423.98 + 2259.99 = 7683.97 > 6000: refused with the figures, which stay on the order
            Api.Answer refused = w.asRep.post("/api/v1/sales-orders/" + second + "/confirm", "{}");
            assertProblem(refused, 409, "credit-limit-exceeded");
            JsonNode problem = refused.json();
            assertMoney("6000", problem.get("limit"));
            assertMoney("5423.98", problem.get("exposure"));
            assertMoney("2259.99", problem.get("orderAmount"));
            assertMoney("1683.97", problem.get("overBy"));
            JsonNode kept = ok(w.asRep.get("/api/v1/sales-orders/" + second));
            assertEquals("draft", kept.get("status").asText());
            assertEquals("over_limit", kept.get("creditCheck").asText());
            assertMoney("5423.98", kept.get("creditExposure"));
            assertTrue(kept.get("creditReason").asText(), kept.get("creditReason").asText().contains("7683.97"));

            // per configuration: held for approval instead, approved by an administrator (no rule names an approver)
            Configuration config = configAdmin.getConfiguration("org.atriumcrm.orders", null);
            Hashtable<String, Object> props = new Hashtable<>();
            props.put("creditAction", "approval");
            config.update(props);
            try {
                JsonNode held = null;
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (held == null && System.nanoTime() < deadline) {
                    Api.Answer a = w.asRep.post("/api/v1/sales-orders/" + second + "/confirm", "{}");
                    if (a.status == 200) {
                        held = a.json();
                    } else {
                        assertProblem(a, 409, "credit-limit-exceeded");
                        Thread.sleep(200);
                    }
                }
                assertTrue("the order was held once the configuration said approval", held != null);
                assertEquals("held", held.get("status").asText());
                assertProblem(w.asRep.post("/api/v1/sales-orders/" + second + "/approve", "{}"), 403, "正在等待信用审批"); // a zh-CN rep
                JsonNode approved = ok(w.admin.post("/api/v1/sales-orders/" + second + "/approve", "{\"comment\":\"老客户，同意超额\"}"));
                assertEquals("confirmed", approved.get("status").asText());
                assertEquals("approved", approved.get("creditCheck").asText());
                assertEquals("老客户，同意超额", approved.get("decisionComment").asText());
            } finally {
                config.delete();
            }
            String history = w.asRep.get("/api/v1/sales-orders/" + second + "/history").body;
            assertTrue(history, history.contains("over_limit") && history.contains("held"));
            assertEquals("cancelled", ok(w.asRep.post("/api/v1/sales-orders/" + second + "/cancel", "{\"comment\":\"客户撤单\"}"))
                    .get("status").asText());
        } finally {
            ok(w.admin.patch("/api/v1/approval-rules/" + rule, "{\"active\":false}"));
        }
    }

    @Test
    public void sixteenConfirmationsRacingForTheLastCreditNeverPassTheLimit() throws Exception {
        QuotesIT.World w = QuotesIT.world();
        waitForHttp("/api/v1/sales-orders", Duration.ofSeconds(60));
        String other = id(w.asRep.post("/api/v1/accounts?allowDuplicates=true", "{\"name\":\"并发信用 " + w.tag + "\"}"));
        // each order: 1 hour of support, 100 + 6 % = 106.00; the limit holds exactly 10 of them
        creditUnit(w.admin, "并发 " + w.tag, "1060", w.account, other);
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            String o = created(w.asRep.post("/api/v1/sales-orders", "{\"subject\":\"并发 " + i + "\",\"accountId\":\""
                    + (i % 2 == 0 ? w.account : other) + "\"}")).get("id").asText();
            id(w.asRep.post("/api/v1/sales-order-lines", orderLine(o, w.support, "1", "")));
            orders.add(o);
        }
        List<Api.Answer> answers = together(16, i -> w.asRep.post("/api/v1/sales-orders/" + orders.get(i) + "/confirm", "{}"));
        int confirmed = 0;
        for (Api.Answer a : answers) {
            if (a.status == 200) {
                confirmed++;
            } else {
                assertProblem(a, 409, "credit-limit-exceeded");
            }
        }
        assertEquals("exactly the orders the limit holds", 10, confirmed);
        BigDecimal total = BigDecimal.ZERO;
        for (String o : orders) {
            JsonNode order = ok(w.asRep.get("/api/v1/sales-orders/" + o));
            if ("confirmed".equals(order.get("status").asText())) {
                total = total.add(new BigDecimal(order.get("grandTotal").asText()));
            }
        }
        assertEquals(0, new BigDecimal("1060").compareTo(total));
    }
}
