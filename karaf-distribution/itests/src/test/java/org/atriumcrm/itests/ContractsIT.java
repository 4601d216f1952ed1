package org.atriumcrm.itests;

import static org.atriumcrm.itests.CommerceSteps.assertMoney;
import static org.atriumcrm.itests.CommerceSteps.created;
import static org.atriumcrm.itests.CommerceSteps.line;
import static org.atriumcrm.itests.CatalogPricingIT.raw;
import static org.atriumcrm.testkit.http.ApiAssertions.assertProblem;
import static org.atriumcrm.testkit.http.ApiAssertions.id;
import static org.atriumcrm.testkit.http.ApiAssertions.ok;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Hashtable;
import java.util.List;

import javax.inject.Inject;

import org.atriumcrm.testkit.http.Api;
import org.junit.Test;
import org.osgi.service.cm.ConfigurationAdmin;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Contracts against the real distribution: 16 conversions of one approved quote released together make exactly one
 * contract (the others 409, none 500); the contract carries the quote's figures; its approval goes to the rep's
 * manager; signed, in force, reminded of its renewal once, terminated.
 */
public class ContractsIT extends AtriumTestSupport {

    @Inject
    ConfigurationAdmin configAdmin;

    @Test
    public void oneQuoteMakesOneContractWhichIsApprovedSignedRemindedAndEnded() throws Exception {
        QuotesIT.World w = QuotesIT.world();
        waitForHttp("/api/v1/contracts", Duration.ofSeconds(60));
        String q = created(w.asRep.post("/api/v1/quotes", "{\"subject\":\"合同报价 " + w.tag + "\",\"opportunityId\":\"" + w.opportunity
                + "\",\"terms\":\"货到付款\"}")).get("id").asText();
        id(w.asRep.post("/api/v1/quote-lines", line(q, w.server, "1", "")));
        assertProblem(w.asRep.post("/api/v1/quotes/" + q + "/convert-to-contract", "{}"), 409, "quote-not-approved");
        assertEquals("approved", ok(w.asRep.post("/api/v1/quotes/" + q + "/submit-for-approval", "{}")).get("stage").asText());
        assertProblem(w.asRep.post("/api/v1/quotes/" + q + "/convert-to-contract", "{\"startDate\":\"soon\"}"), 400, "startDate");

        List<Api.Answer> answers = together(16, i -> w.asRep.post("/api/v1/quotes/" + q + "/convert-to-contract",
                "{\"startDate\":\"2030-01-01\",\"endDate\":\"2030-12-31\"}"));
        int won = 0;
        String contract = null;
        for (Api.Answer a : answers) {
            if (a.status == 200) {
                won++;
                contract = a.json().get("id").asText();
            } else {
                assertProblem(a, 409, "quote-converted");
            }
        }
        assertEquals("exactly one conversion wins", 1, won);
        assertEquals(1, ok(w.asRep.get("/api/v1/contracts?filter=quoteId%20eq%20'" + q + "'")).get("total").asInt());
        JsonNode quote = ok(w.asRep.get("/api/v1/quotes/" + q));
        assertEquals("contract", quote.get("convertedTo").asText());
        assertEquals(contract, quote.get("convertedId").asText());
        assertProblem(w.asRep.post("/api/v1/quotes/" + q + "/convert-to-contract", "{}"), 409, "quote-converted");
        assertProblem(w.asRep.post("/api/v1/quotes/" + q + "/revise", "{}"), 409, "quote-converted");

        JsonNode c = ok(w.asRep.get("/api/v1/contracts/" + contract));
        assertTrue(c.get("number").asText(), c.get("number").asText().matches("CON-\\d{4}-\\d{6}"));
        assertEquals("draft", c.get("status").asText());
        assertEquals(w.account, c.get("accountId").asText());
        assertEquals(w.opportunity, c.get("opportunityId").asText());
        assertEquals("货到付款", c.get("terms").asText());
        assertMoney("2259.99", c.get("contractValue")); // 1999.99 + 13 % (259.9987 → 260.00)
        assertProblem(w.asRep.patch("/api/v1/contracts/" + contract, "{\"endDate\":\"2029-01-01\"}"), 400, "endDate");

        // the same approval mechanism: an amount rule, the rep's manager through the role tree
        String rule = id(w.admin.post("/api/v1/approval-rules", "{\"name\":\"Contracts from 1000 " + w.tag + "\",\"documentEntity\":\"Contract\","
                + "\"minAmount\":1000,\"currency\":\"CNY\",\"approverType\":\"manager\"}"));
        try {
            JsonNode submitted = ok(w.asRep.post("/api/v1/contracts/" + contract + "/submit-for-approval", "{}"));
            assertEquals("in_approval", submitted.get("status").asText());
            assertEquals(w.managerId, submitted.get("approverId").asText());
            // the rep's language is zh-CN (a new user's): the refusal reads in Chinese
            assertProblem(w.asRep.post("/api/v1/contracts/" + contract + "/approve", "{}"), 403, "正在等待审批");
            assertEquals("approved", ok(w.asManager.post("/api/v1/contracts/" + contract + "/approve", "{\"comment\":\"可以签\"}"))
                    .get("status").asText());
        } finally {
            ok(w.admin.patch("/api/v1/approval-rules/" + rule, "{\"active\":false}"));
        }
        assertProblem(w.asRep.patch("/api/v1/contracts/" + contract, "{\"terms\":\"预付 30%\"}"), 409, "contract-frozen");
        assertProblem(w.asRep.post("/api/v1/contracts/" + contract + "/activate", "{}"), 409, "需要的状态：已签署"); // "it must be signed", to a zh-CN rep
        assertEquals("signed", ok(w.asRep.post("/api/v1/contracts/" + contract + "/sign", "{}")).get("status").asText());
        assertEquals("active", ok(w.asRep.post("/api/v1/contracts/" + contract + "/activate", "{}")).get("status").asText());

        // the renewal reminder: once, persisted
        ok(w.asRep.patch("/api/v1/contracts/" + contract, "{\"renewalDate\":\"" + LocalDate.now().plusDays(10) + "\",\"reminderDaysBefore\":30}"));
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("intervalSeconds", "1");
        configAdmin.getConfiguration("org.atriumcrm.contracts.reminders", null).update(props);
        String sentAt = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (sentAt == null && System.nanoTime() < deadline) {
            JsonNode now = ok(w.asRep.get("/api/v1/contracts/" + contract));
            sentAt = now.get("reminderSentAt").isNull() ? null : now.get("reminderSentAt").asText();
            Thread.sleep(300);
        }
        assertTrue("the renewal reminder was claimed", sentAt != null);
        Thread.sleep(3000); // three more rounds
        assertEquals("reminded once", sentAt, ok(w.asRep.get("/api/v1/contracts/" + contract)).get("reminderSentAt").asText());
        String history = w.asRep.get("/api/v1/contracts/" + contract + "/history").body;
        assertEquals(history, history.indexOf("reminderSentAt"), history.lastIndexOf("reminderSentAt"));

        assertProblem(w.asRep.post("/api/v1/contracts/" + contract + "/terminate", "{}"), 400, "comment");
        assertEquals("terminated", ok(w.asRep.post("/api/v1/contracts/" + contract + "/terminate", "{\"comment\":\"客户破产\"}"))
                .get("status").asText());
        assertProblem(w.asRep.patch("/api/v1/contracts/" + contract, "{\"description\":\"late\"}"), 409, "contract-ended");
    }

    /**
     * The signed scan (a stored file per contract, as a product's image): a PDF stored and read back byte for byte
     * with its SHA-256 as the ETag, its type and size on the contract; a PNG sent as a PDF, a GIF and more than
     * 20 MB refused with the scan as it was; a JPEG replacing it; an ended contract taking none.
     */
    @Test
    public void aSignedScanIsStoredWithTheContract() throws Exception {
        Api admin = adminApi();
        admin.awaitReady(Duration.ofSeconds(90));
        waitForHttp("/api/v1/contracts", Duration.ofSeconds(60));
        String tag = java.util.UUID.randomUUID().toString().substring(0, 8);
        String account = id(admin.post("/api/v1/accounts?allowDuplicates=true", "{\"name\":\"扫描件客户 " + tag + "\"}"));
        String contract = id(admin.post("/api/v1/contracts", "{\"name\":\"扫描件合同 " + tag + "\",\"accountId\":\"" + account + "\"}"));
        String path = "/api/v1/contracts/" + contract + "/scan";
        assertEquals(404, raw("GET", path, null).statusCode());

        byte[] pdf = ("%PDF-1.4\n" + "签署页 ".repeat(20_000)).getBytes(StandardCharsets.UTF_8);
        HttpResponse<byte[]> put = raw("PUT", path, pdf, "Content-Type", "application/pdf");
        assertEquals(new String(put.body(), StandardCharsets.UTF_8), 200, put.statusCode());
        JsonNode stored = ok(admin.get("/api/v1/contracts/" + contract));
        assertEquals("application/pdf", stored.get("scanType").asText());
        assertEquals(pdf.length, stored.get("scanSize").asLong());
        HttpResponse<byte[]> got = raw("GET", path, null);
        assertEquals(200, got.statusCode());
        assertEquals("application/pdf", got.headers().firstValue("Content-Type").orElse(""));
        assertArrayEquals(pdf, got.body());
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf));
        String etag = got.headers().firstValue("ETag").orElseThrow();
        assertTrue(etag, etag.contains(sha));
        assertEquals(304, raw("GET", path, null, "If-None-Match", etag).statusCode());

        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3};
        for (HttpResponse<byte[]> refused : List.of(raw("PUT", path, png, "Content-Type", "application/pdf"),
                raw("PUT", path, "GIF89a....".getBytes(StandardCharsets.US_ASCII), "Content-Type", "image/gif"))) {
            assertEquals(new String(refused.body(), StandardCharsets.UTF_8), 415, refused.statusCode());
            assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        }
        byte[] big = new byte[20 * 1024 * 1024 + 1];
        System.arraycopy(pdf, 0, big, 0, 8);
        assertEquals(413, raw("PUT", path, big, "Content-Type", "application/pdf").statusCode());
        assertArrayEquals("the refused uploads left the scan as it was", pdf, raw("GET", path, null).body());

        byte[] jpeg = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 16, 'J', 'F', 'I', 'F', 0};
        assertEquals(200, raw("PUT", path, jpeg, "Content-Type", "image/jpeg").statusCode());
        HttpResponse<byte[]> replaced = raw("GET", path, null);
        assertEquals("image/jpeg", replaced.headers().firstValue("Content-Type").orElse(""));
        assertArrayEquals(jpeg, replaced.body());
        assertEquals(jpeg.length, ok(admin.get("/api/v1/contracts/" + contract)).get("scanSize").asLong());

        assertEquals("approved", ok(admin.post("/api/v1/contracts/" + contract + "/submit-for-approval", "{}")).get("status").asText());
        assertEquals("signed", ok(admin.post("/api/v1/contracts/" + contract + "/sign", "{}")).get("status").asText());
        assertEquals("terminated", ok(admin.post("/api/v1/contracts/" + contract + "/terminate", "{\"comment\":\"作废\"}")).get("status").asText());
        HttpResponse<byte[]> ended = raw("PUT", path, pdf, "Content-Type", "application/pdf");
        assertEquals(new String(ended.body(), StandardCharsets.UTF_8), 409, ended.statusCode());
        assertArrayEquals(jpeg, raw("GET", path, null).body());
    }
}
