package org.atriumcrm.itests;

import static org.atriumcrm.testkit.http.ApiAssertions.assertProblem;
import static org.atriumcrm.testkit.http.ApiAssertions.id;
import static org.atriumcrm.testkit.http.ApiAssertions.ok;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.atriumcrm.testkit.http.Api;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Requests that all touch one shared row, released together: a user's failed-login counter and a round-robin
 * assignment cursor. Each of them once turned concurrency into 500s, rolled-back audit rows, a lockout that did
 * not happen and web leads that were lost (issue 13, defects 1 and 2).
 */
public class HotRowConcurrencyIT extends AtriumTestSupport {
    private static final String PASSWORD = "HotRow-Pass-2026";

    @Test
    public void concurrentWrongPasswordsAllCountAndLockTheAccount() throws Exception {
        Api admin = adminApi();
        admin.awaitReady(Duration.ofSeconds(90));
        String login = "hot.lock." + UUID.randomUUID().toString().substring(0, 8);
        String userId = id(admin.post("/api/v1/admin/users", "{\"loginName\":\"" + login + "\",\"password\":\"" + PASSWORD + "\"}"));
        // the user is logged in already: the verified-credential cache holds the right password
        assertEquals(200, new Api(baseUrl()).basic(login, PASSWORD).get("/api/v1/me").status);

        List<Api.Answer> answers = together(20, i -> new Api(baseUrl()).basic(login, "wrong-Password-" + i).get("/api/v1/me"));
        for (Api.Answer a : answers) {
            assertTrue("every wrong password is refused, none fails: " + a, a.status == 401 || a.status == 429);
            assertTrue(a.toString(), a.contentType().startsWith("application/problem+json"));
        }

        // the lockout (5 in a row) happened whatever the interleaving: the right password is refused, cached or not
        assertProblem(new Api(baseUrl()).basic(login, PASSWORD).get("/api/v1/me"), 401, null);
        JsonNode user = ok(admin.get("/api/v1/admin/users/" + userId));
        assertFalse("locked: " + user, user.get("lockedUntil").isNull());

        // every attempt was audited: 20 refusals (wrong password, or locked once the lock was in) and the refused right one
        int refused = 0;
        int successes = 0;
        for (JsonNode e : ok(admin.get("/api/v1/admin/login-events?limit=1000")).get("items")) {
            if (login.equals(e.get("loginName").asText())) {
                if (e.get("success").asBoolean()) {
                    successes++;
                } else {
                    refused++;
                    String reason = e.get("reason").asText();
                    assertTrue(e.toString(), reason.equals("wrong password") || reason.equals("locked"));
                }
            }
        }
        assertEquals("the first login only", 1, successes);
        assertEquals("20 wrong passwords and the right one while locked", 21, refused);
    }

    @Test
    public void concurrentWebLeadsAreAllStoredAndSharedOut() throws Exception {
        Api admin = adminApi();
        admin.awaitReady(Duration.ofSeconds(90));
        waitForHttp("/api/v1/leads", Duration.ofSeconds(60));
        String tag = "hot" + UUID.randomUUID().toString().substring(0, 8);
        List<String> reps = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            reps.add(id(admin.post("/api/v1/admin/users", "{\"loginName\":\"hot.rep" + i + "." + tag + "\",\"password\":\"" + PASSWORD + "\"}")));
        }
        // first by priority, and only for this test's leads (their region is the tag)
        String rule = id(admin.post("/api/v1/lead-assignment-rules", "{\"name\":\"Hot round robin " + tag + "\",\"priority\":0,"
                + "\"matchRegion\":\"" + tag + "\",\"strategy\":\"round_robin\",\"assigneeIds\":\"" + String.join(",", reps) + "\"}"));
        Api.Answer form = admin.post("/api/v1/lead-forms", "{\"name\":\"Hot form " + tag + "\",\"maxPerMinute\":1000}");
        String key = form.json().get("formKey").asText();

        int bursts = 3;
        int perBurst = 16;
        for (int b = 0; b < bursts; b++) {
            int burst = b;
            List<Api.Answer> answers = together(perBurst, i -> http("POST", "/api/v1/public/leads",
                    "{\"lastName\":\"并发\",\"firstName\":\"" + burst + "-" + i + "\",\"company\":\"Hot " + tag + " " + burst + "-" + i
                            + "\",\"region\":\"" + tag + "\"}", "X-Atrium-Form-Key", key));
            for (Api.Answer a : answers) {
                assertEquals("a web lead is never refused for concurrency: " + a, 202, a.status);
            }
        }

        JsonNode leads = ok(admin.get("/api/v1/leads?q=" + tag + "&limit=500&total=exact"));
        assertEquals("every captured lead is stored, once", bursts * perBurst, leads.get("total").asInt());
        Map<String, Integer> perOwner = new HashMap<>();
        for (JsonNode lead : leads.get("items")) {
            assertEquals(lead.toString(), rule, lead.get("assignmentRuleId").asText());
            perOwner.merge(lead.get("ownerId").asText(), 1, Integer::sum);
        }
        assertEquals("only the rule's people got leads: " + perOwner, reps.size(), perOwner.size());
        for (String rep : reps) {
            // the rotation may be approximate under contention, never one-sided
            assertTrue("spread over the rotation: " + perOwner, perOwner.getOrDefault(rep, 0) >= bursts * perBurst / reps.size() / 2);
        }
    }
}
