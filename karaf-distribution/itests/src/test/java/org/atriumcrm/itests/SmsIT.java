package org.atriumcrm.itests;

import static org.atriumcrm.testkit.http.ApiAssertions.assertProblem;
import static org.atriumcrm.testkit.http.ApiAssertions.id;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.UUID;

import org.atriumcrm.testkit.http.Api;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The SMS module in the real distribution: it boots with camel-smpp and camel-http, sends are validated strictly,
 * opt-outs are refused, and an accepted message waits in the outbox (no gateway configured) instead of being lost.
 * The gateways themselves are tested against a real jSMPP SMSC and a real HTTP server in the bundle's own tests.
 */
public class SmsIT extends AtriumTestSupport {

    @Test
    public void sendsAreCheckedAndQueued() throws Exception {
        Api admin = adminApi();
        admin.awaitReady(Duration.ofSeconds(90));
        waitForHttp("/api/v1/sms-messages", Duration.ofSeconds(60));
        String tag = UUID.randomUUID().toString().substring(0, 8);
        JsonNode module = admin.get("/api/v1/admin/modules/sms").json();
        assertEquals(module.toString(), "sms", module.get("id").asText());

        String contact = id(admin.post("/api/v1/contacts?allowDuplicates=true", "{\"lastName\":\"李\",\"firstName\":\"雷\",\"mobile\":\"+86 138-0013-"
                + String.format("%04d", Math.abs(tag.hashCode()) % 10000) + "\"}"));
        String optedOut = id(admin.post("/api/v1/contacts?allowDuplicates=true", "{\"lastName\":\"韩\",\"mobile\":\"13900139000\",\"doNotSms\":true}"));

        Api.Answer queued = admin.post("/api/v1/sms-messages/send", "{\"contactId\":\"" + contact + "\",\"text\":\"李先生您好，您的订单已发货，预计三天内送达。" + tag + "\"}");
        assertEquals(queued.toString(), 200, queued.status);
        String sms = queued.json().has("id") ? queued.json().get("id").asText() : queued.json().get("items").get(0).get("id").asText();
        JsonNode stored = admin.get("/api/v1/sms-messages/" + sms).json();
        assertEquals("queued", stored.get("status").asText());
        assertTrue(stored.toString(), stored.get("toNumber").asText().startsWith("+86138"));
        JsonNode outbox = admin.get("/api/v1/sms-outbox?filter=smsId%20eq%20'" + sms + "'").json();
        assertTrue(outbox.toString(), outbox.toString().contains("pending"));

        assertProblem(admin.post("/api/v1/sms-messages/send", "{\"contactId\":\"" + optedOut + "\",\"text\":\"x\"}"), 409, null);
        assertProblem(admin.post("/api/v1/sms-messages/send", "{\"to\":[\"13800138000\"],\"text\":\"x\",\"priority\":1}"), 400, "priority");
        assertProblem(admin.post("/api/v1/sms-messages/send", "{\"to\":[\"not a number\"],\"text\":\"x\"}"), 400, null);
        assertProblem(admin.post("/api/v1/sms-messages", "{\"toNumber\":\"+8613800138000\",\"text\":\"x\"}"), 409, null);
    }
}
