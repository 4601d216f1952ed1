package org.atriumcrm.itests;

import static org.atriumcrm.itests.CommerceSteps.assertMoney;
import static org.atriumcrm.itests.CommerceSteps.created;
import static org.atriumcrm.itests.CommerceSteps.line;
import static org.atriumcrm.testkit.http.ApiAssertions.assertProblem;
import static org.atriumcrm.testkit.http.ApiAssertions.id;
import static org.atriumcrm.testkit.http.ApiAssertions.ok;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.atriumcrm.testkit.http.Api;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Quotes against the real distribution with real products: a quote from an opportunity with lines, totals exact to
 * the fen, a discount that needs approval routed to the rep's manager through the role tree, the rep refused (403),
 * the manager approving, the approved quote frozen (409), a revision, bad lines refused with nothing written, and
 * concurrency: 16 quotes created at once get 16 distinct numbers, 16 lines added at once to one quote all count.
 */
public class QuotesIT extends AtriumTestSupport {
    private static final String PASSWORD = "Quotes-Pass-2026";

    /** What one test needs: the people, the products and the account. */
    static final class World {
        String tag;
        Api admin;
        String managerId;
        String repId;
        Api asManager;
        Api asRep;
        Api asOther;
        String server;
        String support;
        String retired;
        String account;
        String opportunity;
    }

    static World world() {
        World w = new World();
        w.admin = adminApi();
        w.admin.awaitReady(Duration.ofSeconds(90));
        waitForHttp("/api/v1/quotes", Duration.ofSeconds(60));
        waitForHttp("/api/v1/products", Duration.ofSeconds(60));
        w.tag = "q" + UUID.randomUUID().toString().substring(0, 8);
        String top = id(w.admin.post("/api/v1/admin/roles", "{\"name\":\"Sales manager " + w.tag + "\"}"));
        String below = id(w.admin.post("/api/v1/admin/roles", "{\"name\":\"Sales rep " + w.tag + "\",\"parentId\":\"" + top + "\"}"));
        w.managerId = id(w.admin.post("/api/v1/admin/users", "{\"loginName\":\"q.mgr." + w.tag + "\",\"password\":\"" + PASSWORD
                + "\",\"roleId\":\"" + top + "\",\"email\":\"mgr." + w.tag + "@example.com\"}"));
        w.repId = id(w.admin.post("/api/v1/admin/users", "{\"loginName\":\"q.rep." + w.tag + "\",\"password\":\"" + PASSWORD
                + "\",\"roleId\":\"" + below + "\"}"));
        id(w.admin.post("/api/v1/admin/users", "{\"loginName\":\"q.other." + w.tag + "\",\"password\":\"" + PASSWORD + "\"}"));
        w.asManager = new Api(baseUrl()).basic("q.mgr." + w.tag, PASSWORD);
        w.asRep = new Api(baseUrl()).basic("q.rep." + w.tag, PASSWORD);
        w.asOther = new Api(baseUrl()).basic("q.other." + w.tag, PASSWORD);
        assertEquals(200, w.admin.put("/api/v1/admin/org-defaults/Product", "{\"access\":\"public-read\"}").status);
        String vat13 = ok(w.admin.get("/api/v1/tax-classes?filter=rate%20eq%2013")).get("items").get(0).get("id").asText();
        String vat6 = ok(w.admin.get("/api/v1/tax-classes?filter=rate%20eq%206")).get("items").get(0).get("id").asText();
        w.server = id(w.admin.post("/api/v1/products", "{\"sku\":\"SRV-" + w.tag + "\",\"name\":\"服务器 " + w.tag + "\",\"kind\":\"product\","
                + "\"unit\":\"unit\",\"taxClassId\":\"" + vat13 + "\",\"listPrice\":1999.99,\"currency\":\"CNY\"}"));
        w.support = id(w.admin.post("/api/v1/products", "{\"sku\":\"SUP-" + w.tag + "\",\"name\":\"实施服务 " + w.tag + "\",\"kind\":\"service\","
                + "\"unit\":\"hour\",\"taxClassId\":\"" + vat6 + "\",\"listPrice\":100,\"currency\":\"CNY\"}"));
        w.retired = id(w.admin.post("/api/v1/products", "{\"sku\":\"OLD-" + w.tag + "\",\"name\":\"旧型号 " + w.tag + "\",\"kind\":\"product\","
                + "\"unit\":\"unit\",\"taxClassId\":\"" + vat13 + "\",\"listPrice\":10,\"currency\":\"CNY\",\"active\":false}"));
        w.account = id(w.asRep.post("/api/v1/accounts?allowDuplicates=true", "{\"name\":\"报价测试客户 " + w.tag + "\"}"));
        w.opportunity = id(w.asRep.post("/api/v1/opportunities", "{\"name\":\"机房扩容 " + w.tag + "\",\"accountId\":\"" + w.account
                + "\",\"amount\":6000,\"currency\":\"CNY\",\"closeDate\":\"2030-06-30\"}"));
        return w;
    }

    @Test
    public void quoteFromAnOpportunityApprovedByTheManagerFrozenAndRevised() throws Exception {
        World w = world();
        String rule = id(w.admin.post("/api/v1/approval-rules", "{\"name\":\"Discount 15 % " + w.tag + "\",\"documentEntity\":\"Quote\","
                + "\"minDiscountPercent\":15,\"approverType\":\"manager\"}"));
        assertProblem(w.admin.post("/api/v1/approval-rules", "{\"name\":\"empty\",\"documentEntity\":\"Quote\",\"approverType\":\"manager\"}"),
                400, "minDiscountPercent");
        assertProblem(w.asRep.post("/api/v1/approval-rules", "{\"name\":\"mine\",\"documentEntity\":\"Quote\",\"minDiscountPercent\":99,"
                + "\"approverType\":\"manager\"}"), 403, null);

        // a client's totals are not believed: read-only
        assertProblem(w.asRep.post("/api/v1/quotes", "{\"subject\":\"x\",\"opportunityId\":\"" + w.opportunity + "\",\"grandTotal\":1}"),
                400, "grandTotal");
        JsonNode quote = created(w.asRep.post("/api/v1/quotes", "{\"subject\":\"机房扩容报价 " + w.tag + "\",\"opportunityId\":\"" + w.opportunity
                + "\",\"shipping\":50,\"shippingTaxRate\":9,\"adjustment\":-0.5,\"validUntil\":\"2099-12-31\"}"));
        String q = quote.get("id").asText();
        assertEquals("the opportunity's account is taken over", w.account, quote.get("accountId").asText());
        assertTrue(quote.get("number").asText(), quote.get("number").asText().matches("QUO-\\d{4}-\\d{6}"));
        assertEquals("draft", quote.get("stage").asText());
        assertEquals("CNY", quote.get("currency").asText());
        assertEquals(1, quote.get("revision").asInt());

        String a = id(w.asRep.post("/api/v1/quote-lines", line(q, w.server, "3", ",\"discountPercent\":20")));
        JsonNode lineA = ok(w.asRep.get("/api/v1/quote-lines/" + a));
        assertMoney("1999.99", lineA.get("listPrice"));
        assertMoney("1999.99", lineA.get("unitPrice"));
        assertMoney("13", lineA.get("taxRate"));
        assertMoney("4799.98", lineA.get("netAmount"));
        assertEquals("服务器 " + w.tag, lineA.get("productName").asText());
        String b = id(w.asRep.post("/api/v1/quote-lines", line(q, w.support, "2.5", ",\"discountAmount\":25")));
        assertMoney("225.00", ok(w.asRep.get("/api/v1/quote-lines/" + b)).get("netAmount"));

        JsonNode totals = ok(w.asRep.get("/api/v1/quotes/" + q));
        assertMoney("5024.98", totals.get("subtotal"));
        assertEquals("6 %: 13.50; 9 %: 4.50; 13 %: 624.00", totals.get("taxBreakdown").asText());
        assertMoney("642.00", totals.get("taxTotal"));
        assertMoney("5716.48", totals.get("grandTotal"));
        assertMoney("20", totals.get("maxDiscountPercent"));
        assertEquals(2, totals.get("lineCount").asInt());

        // bad lines: a precise 400 each, and nothing written
        assertProblem(w.asRep.post("/api/v1/quote-lines", line(q, w.server, "0", "")), 400, "quantity");
        assertProblem(w.asRep.post("/api/v1/quote-lines", line(q, w.server, "1", ",\"discountPercent\":120")), 400, "discountPercent");
        assertProblem(w.asRep.post("/api/v1/quote-lines", line(q, UUID.randomUUID().toString(), "1", "")), 400, "productId");
        assertProblem(w.asRep.post("/api/v1/quote-lines", line(q, w.retired, "1", "")), 400, "inactive");
        assertProblem(w.asRep.post("/api/v1/quote-lines", line(q, w.server, "1", ",\"netAmount\":1")), 400, "netAmount");
        assertProblem(w.asRep.patch("/api/v1/quote-lines/" + a, "{\"quantity\":-1}"), 400, "quantity");
        JsonNode unchanged = ok(w.asRep.get("/api/v1/quotes/" + q));
        assertMoney("5716.48", unchanged.get("grandTotal"));
        assertEquals(2, ok(w.asRep.get("/api/v1/quote-lines?filter=quoteId%20eq%20'" + q + "'")).get("total").asInt());

        // a 20 % discount reaches the 15 % rule: the rep's manager, found through the role tree, approves
        JsonNode submitted = ok(w.asRep.post("/api/v1/quotes/" + q + "/submit-for-approval", "{}"));
        assertEquals("in_approval", submitted.get("stage").asText());
        assertEquals("pending", submitted.get("approvalStatus").asText());
        assertEquals(w.managerId, submitted.get("approverId").asText());
        assertEquals(rule, submitted.get("approvalRuleId").asText());
        assertTrue(submitted.get("approvalReason").asText(), submitted.get("approvalReason").asText().contains("20 %"));
        assertProblem(w.asRep.patch("/api/v1/quote-lines/" + a, "{\"discountPercent\":10}"), 409, "frozen");
        assertProblem(w.asRep.post("/api/v1/quotes/" + q + "/approve", "{}"), 403, "正在等待审批"); // the rep's language is zh-CN
        assertProblem(w.asOther.post("/api/v1/quotes/" + q + "/approve", "{}"), 404, null);
        assertProblem(w.asManager.post("/api/v1/quotes/" + q + "/reject", "{}"), 400, "comment");
        // the manager hears of it by email (the outbox)
        String mails = "/api/v1/emails?filter=" + java.net.URLEncoder.encode("toAddresses eq 'mgr." + w.tag + "@example.com'",
                java.nio.charset.StandardCharsets.UTF_8);
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
        while (ok(w.admin.get(mails)).get("total").asInt() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        JsonNode notice = ok(w.admin.get(mails)).get("items");
        assertEquals(notice.toString(), 1, notice.size());
        assertTrue(notice.toString(), notice.get(0).get("subject").asText().contains(submitted.get("number").asText()));
        JsonNode approved = ok(w.asManager.post("/api/v1/quotes/" + q + "/approve", "{\"comment\":\"同意，本季度大客户\"}"));
        assertEquals("approved", approved.get("stage").asText());
        assertEquals(w.managerId, approved.get("decidedBy").asText());
        assertEquals("同意，本季度大客户", approved.get("decisionComment").asText());

        // approved = frozen
        assertProblem(w.asRep.patch("/api/v1/quote-lines/" + a, "{\"quantity\":4}"), 409, "frozen");
        assertProblem(w.asRep.post("/api/v1/quote-lines", line(q, w.support, "1", "")), 409, "frozen");
        assertProblem(w.asRep.delete("/api/v1/quote-lines/" + b), 409, "frozen");
        assertProblem(w.asRep.patch("/api/v1/quotes/" + q, "{\"shipping\":0}"), 409, "frozen");
        assertProblem(w.asRep.post("/api/v1/quotes/" + q + "/approve", "{}"), 409, "需要的阶段：审批中"); // "it must be in_approval", to a zh-CN rep
        assertMoney("5716.48", ok(w.asRep.get("/api/v1/quotes/" + q)).get("grandTotal"));
        String history = w.asRep.get("/api/v1/quotes/" + q + "/history").body;
        assertTrue(history, history.contains("in_approval") && history.contains("同意，本季度大客户"));

        // a revision: a new draft version with the lines; the old one closed and taking nothing more
        JsonNode revised = ok(w.asRep.post("/api/v1/quotes/" + q + "/revise", "{}"));
        String r = revised.get("id").asText();
        assertNotEquals(q, r);
        assertEquals(2, revised.get("revision").asInt());
        assertEquals(q, revised.get("previousQuoteId").asText());
        assertEquals("draft", revised.get("stage").asText());
        assertEquals(quote.get("number").asText(), revised.get("number").asText());
        assertMoney("5716.48", revised.get("grandTotal"));
        JsonNode old = ok(w.asRep.get("/api/v1/quotes/" + q));
        assertEquals("closed", old.get("stage").asText());
        assertEquals(r, old.get("supersededById").asText());
        assertProblem(w.asRep.post("/api/v1/quotes/" + q + "/send", "{}"), 409, "closed");
        assertProblem(w.asRep.patch("/api/v1/quotes/" + q, "{\"description\":\"late\"}"), 409, "closed");

        // the revision's 10 % discount needs nobody: approved at once
        JsonNode revLines = ok(w.asRep.get("/api/v1/quote-lines?filter=quoteId%20eq%20'" + r + "'&sort=position"));
        assertEquals(2, revLines.get("total").asInt());
        String ra = revLines.get("items").get(0).get("id").asText();
        ok(w.asRep.patch("/api/v1/quote-lines/" + ra, "{\"discountPercent\":10}"));
        JsonNode repriced = ok(w.asRep.get("/api/v1/quotes/" + r));
        // 3 × 1999.99 = 5999.97 − 10 % = 5399.973 → 5399.97; 13 %: 701.9961 → 702.00, + 13.50 + 4.50 + 50 − 0.50
        assertMoney("5624.97", repriced.get("subtotal"));
        assertMoney("6394.47", repriced.get("grandTotal"));
        JsonNode auto = ok(w.asRep.post("/api/v1/quotes/" + r + "/submit-for-approval", "{}"));
        assertEquals("approved", auto.get("stage").asText());
        assertEquals("not_required", auto.get("approvalStatus").asText());
        assertEquals("sent", ok(w.asRep.post("/api/v1/quotes/" + r + "/send", "{}")).get("stage").asText());
        assertEquals("accepted", ok(w.asRep.post("/api/v1/quotes/" + r + "/accept", "{}")).get("stage").asText());

        ok(w.admin.patch("/api/v1/approval-rules/" + rule, "{\"active\":false}"));
    }

    @Test
    public void sixteenQuotesAtOnceGetDistinctNumbersAndSixteenLinesAtOnceAllCount() throws Exception {
        World w = world();
        List<Api.Answer> created = together(16, i -> w.asRep.post("/api/v1/quotes", "{\"subject\":\"并发 " + i + " " + w.tag
                + "\",\"accountId\":\"" + w.account + "\"}"));
        Set<String> numbers = new HashSet<>();
        for (Api.Answer a : created) {
            assertEquals(a.body, 201, a.status);
            numbers.add(a.json().get("number").asText());
        }
        assertEquals("no number twice: " + numbers, 16, numbers.size());

        String q = created.get(0).json().get("id").asText();
        List<Api.Answer> lines = together(16, i -> w.asRep.post("/api/v1/quote-lines", line(q, w.server, "1", "")));
        for (Api.Answer a : lines) {
            assertEquals(a.body, 201, a.status);
        }
        JsonNode quote = ok(w.asRep.get("/api/v1/quotes/" + q));
        assertEquals(16, quote.get("lineCount").asInt());
        // 16 × 1999.99 = 31999.84; 13 % = 4159.9792 → 4159.98
        assertMoney("31999.84", quote.get("subtotal"));
        assertMoney("36159.82", quote.get("grandTotal"));
    }
}
