package org.atriumcrm.itests;

import static org.atriumcrm.testkit.http.ApiAssertions.assertProblem;
import static org.atriumcrm.testkit.http.ApiAssertions.id;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.atriumcrm.testkit.http.Api;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Leads against the real distribution: a web form posts leads without credentials, assignment rules share them
 * out round robin, the duplicate check finds the lead's twins among leads, contacts and accounts, and the
 * conversion makes an account and a contact in one all-or-nothing step.
 */
public class LeadsIT extends AtriumTestSupport {
    private static final String PASSWORD = "Leads-Pass-2026";
    private static final String ORIGIN = "https://www.example.cn";

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }



    private static Api.Answer postForm(String form, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Content-Type";
        all[1] = "application/x-www-form-urlencoded";
        System.arraycopy(headers, 0, all, 2, headers.length);
        return http("POST", "/api/v1/public/leads", form, all);
    }

    @Test
    public void captureAssignCheckAndConvert() throws Exception {
        Api admin = adminApi();
        admin.awaitReady(Duration.ofSeconds(90));
        waitForHttp("/api/v1/leads", Duration.ofSeconds(60));
        String tag = "ld" + UUID.randomUUID().toString().substring(0, 8);
        // English: the assertions read problem details, which follow the user's language (a new user's is zh-CN)
        String rep1 = id(admin.post("/api/v1/admin/users", "{\"loginName\":\"lead.rep1." + tag + "\",\"password\":\"" + PASSWORD + "\",\"language\":\"en\"}"));
        String rep2 = id(admin.post("/api/v1/admin/users", "{\"loginName\":\"lead.rep2." + tag + "\",\"password\":\"" + PASSWORD + "\",\"language\":\"en\"}"));
        Api asRep1 = new Api(baseUrl()).basic("lead.rep1." + tag, PASSWORD);

        // configuration is administrative: records, but only for administrators
        String rule = id(admin.post("/api/v1/lead-assignment-rules", "{\"name\":\"Web round robin " + tag + "\",\"priority\":1,"
                + "\"matchSource\":\"web\",\"strategy\":\"round_robin\",\"assigneeIds\":\"" + rep1 + "," + rep2 + "\"}"));
        Api.Answer form = admin.post("/api/v1/lead-forms", "{\"name\":\"Contact us " + tag + "\",\"allowedOrigins\":\"" + ORIGIN + "\","
                + "\"fieldMapping\":\"name=lastName\\ngiven=firstName\\ncompany=company\\nemail=email\\nphone=mobile\\nmsg=description\","
                + "\"maxPerMinute\":20}");
        String formId = id(form);
        String key = form.json().get("formKey").asText();
        assertTrue(key, key.startsWith("lf_") && key.length() > 40);
        assertProblem(asRep1.get("/api/v1/lead-forms"), 403, null);
        assertProblem(asRep1.post("/api/v1/lead-assignment-rules", "{\"name\":\"mine\",\"assigneeIds\":\"" + rep1 + "\"}"), 403, null);

        // capture from a web page: no credentials, key + origin + honeypot + rate
        String company = "深圳华强贸易有限公司 " + tag;
        Api.Answer first = postForm("formKey=" + key + "&name=" + enc("张") + "&given=" + enc("伟") + "&company=" + enc(company)
                + "&email=zhang." + tag + "@example.cn&phone=13912345678&msg=" + enc("想了解报价") + "&submit=Send", "Origin", ORIGIN);
        assertEquals(first.toString(), 202, first.status);
        assertEquals(ORIGIN, first.header("Access-Control-Allow-Origin"));
        assertEquals("{\"status\":\"received\"}", first.body);
        Api.Answer second = http("POST", "/api/v1/public/leads", "{\"name\":\"李\",\"company\":\"" + company + " 二\",\"phone\":\"+86 139 1234 5678\"}",
                "X-Atrium-Form-Key", key);
        assertEquals(second.toString(), 202, second.status);
        assertProblem(postForm("formKey=lf_wrong&name=x", "Origin", ORIGIN), 404, "no active web-to-lead form");
        assertProblem(postForm("formKey=" + key + "&name=x", "Origin", "https://evil.example"), 403, "does not accept");
        assertEquals(202, postForm("formKey=" + key + "&name=bot&company=" + enc(company + " bot") + "&website_url=http://spam").status);
        assertProblem(postForm("formKey=" + key + "&name=x&email=not-an-email"), 400, "email");
        Api.Answer preflight = http("OPTIONS", "/api/v1/public/leads", null, "Origin", ORIGIN, "Access-Control-Request-Method", "POST");
        assertEquals(preflight.toString(), 204, preflight.status);
        assertEquals(403, http("OPTIONS", "/api/v1/public/leads", null, "Origin", "https://evil.example").status);
        int sneaky = http("GET", "/api/v1/public/../v1/accounts", null).status;
        assertTrue("a public path never opens the rest of the API: " + sneaky, sneaky == 401 || sneaky == 400 || sneaky == 404);

        JsonNode captured = admin.get("/api/v1/leads?q=" + enc(company) + "&sort=createdAt").json();
        assertEquals("the honeypot submission was dropped", 2, captured.get("total").asInt());
        JsonNode lead1 = captured.get("items").get(0);
        JsonNode lead2 = captured.get("items").get(1);
        assertEquals("张伟", lead1.get("fullName").asText());
        assertEquals("web", lead1.get("source").asText());
        assertEquals("new", lead1.get("status").asText());
        assertEquals(formId, lead1.get("webFormId").asText());
        assertEquals(rule, lead1.get("assignmentRuleId").asText());
        assertEquals("round robin", Set.of(rep1, rep2), Set.of(lead1.get("ownerId").asText(), lead2.get("ownerId").asText()));
        String lead1Id = lead1.get("id").asText();
        String lead2Id = lead2.get("id").asText();
        Api owner1 = new Api(baseUrl()).basic(lead1.get("ownerId").asText().equals(rep1) ? "lead.rep1." + tag : "lead.rep2." + tag, PASSWORD);
        assertEquals("each rep sees their own lead", 1, owner1.get("/api/v1/leads?q=" + enc(company)).json().get("total").asInt());

        // the rules can be run again on a lead (as imports will): round robin hands it to the next rep
        String manual = id(admin.post("/api/v1/leads", "{\"lastName\":\"赵\",\"company\":\"" + company + " 三\",\"source\":\"web\"}"));
        JsonNode assigned = admin.post("/api/v1/leads/" + manual + "/assign", "{}").json();
        assertEquals(rule, assigned.get("assignmentRuleId").asText());
        assertTrue(assigned.toString(), Set.of(rep1, rep2).contains(assigned.get("ownerId").asText()));
        assertProblem(admin.post("/api/v1/leads/" + id(admin.post("/api/v1/leads", "{\"lastName\":\"钱\",\"source\":\"partner\"}"))
                + "/assign", "{}"), 409, "no active assignment rule");
        assertEquals(204, admin.delete("/api/v1/leads/" + manual).status);

        // rate limit per client address: a form allowing 2 a minute answers 429 on a burst
        String strictKey = admin.post("/api/v1/lead-forms", "{\"name\":\"Strict " + tag + "\",\"maxPerMinute\":2}").json().get("formKey").asText();
        boolean limited = false;
        for (int i = 0; i < 6 && !limited; i++) {
            Api.Answer a = postForm("formKey=" + strictKey + "&name=" + enc("限流" + i) + "&company=" + enc("Rate " + tag));
            limited = a.status == 429;
            assertTrue(a.toString(), a.status == 202 || a.status == 429);
        }
        assertTrue("a burst over the form's limit is refused with 429", limited);

        // duplicate check across leads, contacts and accounts (visible to the caller)
        String twinAccount = id(admin.post("/api/v1/accounts?allowDuplicates=true", "{\"name\":\"" + company + "\"}"));
        String twinContact = id(admin.post("/api/v1/contacts?allowDuplicates=true", "{\"lastName\":\"Twin\",\"email\":\"zhang." + tag + "@example.cn\"}"));
        JsonNode dupes = admin.post("/api/v1/leads/" + lead1Id + "/duplicate-check", "{}").json();
        Set<String> found = new HashSet<>();
        dupes.get("items").forEach(i -> found.add(i.get("entity").asText() + ":" + i.get("id").asText() + ":" + i.get("matchedOn")));
        assertTrue(found.toString(), found.contains("Lead:" + lead2Id + ":[\"mobile\"]"));
        assertTrue(found.toString(), found.contains("Contact:" + twinContact + ":[\"email\"]"));
        assertTrue(found.toString(), found.contains("Account:" + twinAccount + ":[\"company\"]"));
        JsonNode before = admin.get("/api/v1/leads/duplicate-check?mobile=" + enc("139-1234-5678")).json();
        assertTrue(before.toString(), before.get("total").asInt() >= 2);
        JsonNode asOwner = owner1.post("/api/v1/leads/" + lead1Id + "/duplicate-check", "{}").json();
        assertFalse("the admin's contact is invisible to the rep", asOwner.toString().contains(twinContact));

        // conversion: validated first, then all or nothing
        assertProblem(owner1.post("/api/v1/leads/" + lead1Id + "/convert", "{\"opportunity\":{\"name\":\"x\"},\"colour\":1}"), 400, "colour");
        assertProblem(owner1.post("/api/v1/leads/" + lead1Id + "/convert", "{\"accountId\":\"" + twinAccount + "\"}"), 400, "accountId");
        assertProblem(owner1.patch("/api/v1/leads/" + lead2Id, "{\"status\":\"converted\"}"), lead2.get("ownerId").asText()
                .equals(lead1.get("ownerId").asText()) ? 409 : 404, null);
        assertProblem(admin.patch("/api/v1/leads/" + lead2Id, "{\"status\":\"converted\"}"), 409, "convert");

        // two conversions of the same lead at once: exactly one wins, and no orphan account is left behind
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Api.Answer>> answers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            answers.add(pool.submit((Callable<Api.Answer>) () -> owner1.post("/api/v1/leads/" + lead1Id + "/convert",
                    "{\"account\":{\"type\":\"customer\"}}")));
        }
        List<Integer> statuses = new ArrayList<>();
        JsonNode result = null;
        for (Future<Api.Answer> f : answers) {
            Api.Answer a = f.get();
            statuses.add(a.status);
            if (a.status == 200) {
                result = a.json();
            } else {
                // the loser either saw the lead converted already or lost the race at the final write (and was undone)
                assertEquals(a.toString(), 409, a.status);
                assertTrue(a.toString(), a.body.contains("converted") || a.body.contains("changed by someone else")
                        || a.body.contains("exists already"));
            }
        }
        pool.shutdown();
        statuses.sort(null);
        assertEquals(List.of(200, 409), statuses);
        String accountId = result.get("accountId").asText();
        String contactId = result.get("contactId").asText();
        assertTrue(result.get("accountCreated").asBoolean());
        assertNull(result.get("opportunityId").textValue());
        JsonNode accounts = admin.get("/api/v1/accounts?filter=" + enc("name eq '" + company + "'")).json();
        assertEquals("the twin and the converted account, no orphan: " + accounts, 2, accounts.get("total").asInt());
        JsonNode account = admin.get("/api/v1/accounts/" + accountId).json();
        assertEquals(company, account.get("name").asText());
        assertEquals("customer", account.get("type").asText());
        assertEquals(lead1.get("ownerId").asText(), account.get("ownerId").asText());
        JsonNode contact = admin.get("/api/v1/contacts/" + contactId).json();
        assertEquals(accountId, contact.get("accountId").asText());
        assertEquals("张伟", contact.get("fullName").asText());
        assertEquals("zhang." + tag + "@example.cn", contact.get("email").asText());
        JsonNode converted = admin.get("/api/v1/leads/" + lead1Id).json();
        assertEquals("converted", converted.get("status").asText());
        assertEquals(accountId, converted.get("convertedAccountId").asText());
        assertEquals(contactId, converted.get("convertedContactId").asText());
        assertProblem(owner1.patch("/api/v1/leads/" + lead1Id, "{\"title\":\"x\"}"), 409, "read-only");
        assertProblem(owner1.post("/api/v1/leads/" + lead1Id + "/convert", "{}"), 409, "converted");
        assertTrue(admin.get("/api/v1/leads/" + lead1Id + "/history").body.contains("convertedAccountId"));

        // the second lead converts onto the existing account, linked not duplicated
        Api.Answer linked = admin.post("/api/v1/leads/" + lead2Id + "/convert", "{\"accountId\":\"" + accountId + "\"}");
        assertEquals(linked.toString(), 200, linked.status);
        assertEquals(accountId, linked.json().get("accountId").asText());
        assertFalse(linked.json().get("accountCreated").asBoolean());
        assertEquals(2, admin.get("/api/v1/accounts/" + accountId + "/contacts").json().get("total").asInt());
        assertProblem(admin.post("/api/v1/leads/" + lead2Id + "/teleport", "{}"), 404, "convert");
    }

    @javax.inject.Inject
    org.osgi.framework.BundleContext context;

    /**
     * A conversion interrupted by a crash leaves a pending journal row; the recovery (at module start, then every five
     * minutes) removes the records it had created. Simulated here with a journal row written straight into the
     * database for an account, and the module switched off and on again.
     */
    @Test
    public void recoveryUndoesAnInterruptedConversion() throws Exception {
        Api admin = adminApi();
        admin.awaitReady(Duration.ofSeconds(90));
        waitForHttp("/api/v1/leads", Duration.ofSeconds(60));
        String tag = "rc" + UUID.randomUUID().toString().substring(0, 8);
        String lead = id(admin.post("/api/v1/leads", "{\"lastName\":\"孙\",\"company\":\"中断公司 " + tag + "\"}"));
        String orphan = id(admin.post("/api/v1/accounts", "{\"name\":\"中断公司 " + tag + "\"}"));
        var refs = context.getServiceReferences(javax.sql.DataSource.class, "(osgi.jndi.service.name=atrium)");
        javax.sql.DataSource db = context.getService(refs.iterator().next());
        try (var c = db.getConnection(); var insert = c.prepareStatement("INSERT INTO ATRIUM_LEAD_CONVERSION"
                + " (ID, LEAD_ID, USER_ID, STATUS, STARTED_AT, CREATED_ACCOUNT_ID) VALUES (?, ?, ?, 'pending', ?, ?)")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, lead);
            insert.setString(3, "itest");
            insert.setTimestamp(4, java.sql.Timestamp.from(java.time.Instant.now().minus(Duration.ofMinutes(10))));
            insert.setString(5, orphan);
            assertEquals(1, insert.executeUpdate());
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
        assertEquals(200, admin.post("/api/v1/admin/modules/leads/disable", null).status);
        assertEquals(200, admin.post("/api/v1/admin/modules/leads/enable", null).status);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        int status = 200;
        while (status != 404 && System.nanoTime() < deadline) {
            Thread.sleep(500);
            status = admin.get("/api/v1/accounts/" + orphan).status;
        }
        assertEquals("the interrupted conversion's account is gone", 404, status);
        assertEquals("and not in the recycle bin either", 404, admin.post("/api/v1/recycle-bin/accounts/" + orphan + "/restore", null).status);
        assertEquals("the lead itself is untouched", "new", admin.get("/api/v1/leads/" + lead).json().get("status").asText());
    }
}
