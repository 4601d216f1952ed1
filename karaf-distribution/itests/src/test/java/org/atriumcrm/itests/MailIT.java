package org.atriumcrm.itests;

import static org.atriumcrm.testkit.http.Await.awaitJson;
import static org.atriumcrm.testkit.http.ApiAssertions.assertProblem;
import static org.atriumcrm.testkit.http.ApiAssertions.id;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.UUID;
import java.util.function.Predicate;

import javax.inject.Inject;
import javax.mail.internet.MimeMessage;

import org.atriumcrm.testkit.http.Api;
import org.junit.Test;
import org.osgi.service.cm.ConfigurationAdmin;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The company outbox against a real SMTP server (GreenMail, in the container): an email to a contact arrives with
 * its Chinese subject and body and our Message-ID; with the server down nothing is lost and the mail goes out when
 * it is back; after the retry budget an email becomes a dead letter an administrator can replay.
 */
public class MailIT extends AtriumTestSupport {

    @Inject
    ConfigurationAdmin configAdmin;

    /** As an administrator configures it: etc/org.atriumcrm.mail.cfg, picked up by Karaf without a restart. */
    private void configure(int port, int maxAttempts) throws Exception {
        EtcConfig.write(configAdmin, "org.atriumcrm.mail", java.util.Map.of("smtpHost", "localhost", "smtpPort", port,
                "fromAddress", "sales@example.cn", "maxAttempts", maxAttempts, "firstRetrySeconds", 1, "pollMillis", 300));
    }

    private static JsonNode await(Api api, String path, Predicate<JsonNode> done) throws InterruptedException {
        return awaitJson(api, path, done, Duration.ofSeconds(40));
    }

    private static void assertHistory(Api api, String path, String emailId) throws Exception {
        JsonNode history = api.get(path).json();
        for (JsonNode e : history.get("items")) {
            if (e.get("id").asText().equals(emailId)) {
                return;
            }
        }
        throw new AssertionError(path + " does not show email " + emailId + ": " + history);
    }

    @Test
    public void outboxDeliversSurvivesAnOutageAndKeepsDeadLetters() throws Exception {
        Api admin = adminApi();
        admin.awaitReady(Duration.ofSeconds(90));
        waitForHttp("/api/v1/emails", Duration.ofSeconds(60));
        int port = freePort();
        GreenMail smtp = new GreenMail(new ServerSetup(port, "localhost", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            configure(port, 3);
            String tag = UUID.randomUUID().toString().substring(0, 8);
            String account = id(admin.post("/api/v1/accounts?allowDuplicates=true", "{\"name\":\"邮件测试客户 " + tag + "\"}"));
            String contact = id(admin.post("/api/v1/contacts?allowDuplicates=true", "{\"lastName\":\"黄\",\"firstName\":\"蓉\",\"email\":\"huang."
                    + tag + "@example.cn\",\"accountId\":\"" + account + "\"}"));
            String optedOut = id(admin.post("/api/v1/contacts?allowDuplicates=true", "{\"lastName\":\"郭\",\"email\":\"guo." + tag
                    + "@example.cn\",\"doNotEmail\":true}"));

            Api.Answer sent = admin.post("/api/v1/emails/send", "{\"contactId\":\"" + contact + "\",\"cc\":[\"boss." + tag
                    + "@example.cn\"],\"subject\":\"报价单 Quote " + tag + "\",\"text\":\"黄女士您好，附上报价。\"}");
            assertEquals(sent.toString(), 200, sent.status);
            assertEquals("queued", sent.json().get("status").asText());
            assertEquals(account, sent.json().get("accountId").asText());
            String emailId = sent.json().get("id").asText();
            // GreenMail counts one SMTP transaction once, however many recipients it has: wait for one, then count both copies
            assertTrue("never delivered", smtp.waitForIncomingEmail(20_000, 1));
            assertEquals("one copy for the contact, one for the cc", 2, smtp.getReceivedMessages().length);
            MimeMessage received = smtp.getReceivedMessages()[0];
            assertEquals("报价单 Quote " + tag, received.getSubject());
            assertEquals("sales@example.cn", received.getFrom()[0].toString());
            // the decoded bytes rather than getContent(): the probe has no mailcap on its context class loader
            String body = new String(received.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(body, body.contains("黄女士您好"));
            JsonNode delivered = await(admin, "/api/v1/emails/" + emailId, e -> e.get("status").asText().equals("sent"));
            assertEquals(received.getMessageID(), delivered.get("messageId").asText());
            // sent mail is in the correspondence history of the contact and of its account, like received mail
            assertHistory(admin, "/api/v1/contacts/" + contact + "/emails", emailId);
            assertHistory(admin, "/api/v1/accounts/" + account + "/emails", emailId);
            String lead = id(admin.post("/api/v1/leads", "{\"lastName\":\"杨\",\"company\":\"杨氏 " + tag + "\",\"email\":\"yang." + tag + "@example.cn\"}"));
            String toLead = admin.post("/api/v1/emails/send", "{\"to\":[\"yang." + tag + "@example.cn\"],\"leadId\":\"" + lead
                    + "\",\"subject\":\"样品 " + tag + "\",\"text\":\"样品已寄出\"}").json().get("id").asText();
            assertHistory(admin, "/api/v1/leads/" + lead + "/emails", toLead);
            String template = id(admin.post("/api/v1/email-templates", "{\"name\":\"跟进 " + tag + "\",\"language\":\"zh-CN\",\"appliesTo\":\"Contact\","
                    + "\"active\":true,\"subject\":\"{{contact.lastName}}女士，跟进\",\"textBody\":\"您好\"}"));
            Api.Answer templated = admin.post("/api/v1/emails/send", "{\"templateId\":\"" + template + "\",\"contactId\":\"" + contact + "\"}");
            assertEquals(templated.toString(), 200, templated.status);
            assertHistory(admin, "/api/v1/contacts/" + contact + "/emails", templated.json().get("id").asText());
            assertHistory(admin, "/api/v1/accounts/" + account + "/emails", templated.json().get("id").asText());
            assertEquals("each email once in the history", 2, admin.get("/api/v1/contacts/" + contact + "/emails").json().get("total").asInt());
            // both delivered before the server goes down below
            await(admin, "/api/v1/emails/" + toLead, e -> e.get("status").asText().equals("sent"));
            await(admin, "/api/v1/emails/" + templated.json().get("id").asText(), e -> e.get("status").asText().equals("sent"));

            assertProblem(admin.post("/api/v1/emails/send", "{\"contactId\":\"" + optedOut + "\",\"subject\":\"x\"}"), 409, "not to be emailed");
            assertProblem(admin.post("/api/v1/emails/send", "{\"to\":[\"not an address\"],\"subject\":\"x\"}"), 400, "not an email address");
            assertProblem(admin.post("/api/v1/emails/send", "{\"to\":[\"a@example.cn\"],\"priority\":\"high\"}"), 400, "priority");
            assertProblem(admin.post("/api/v1/emails/teleport", "{}"), 404, "send");

            // the mail server goes down: the email waits in the outbox, retried with back-off, and goes out when it is back
            smtp.stop();
            String waiting = admin.post("/api/v1/emails/send", "{\"to\":[\"later." + tag + "@example.cn\"],\"subject\":\"稍后送达 " + tag + "\","
                    + "\"text\":\"服务器恢复后发送\"}").json().get("id").asText();
            JsonNode retried = await(admin, "/api/v1/mail-outbox?filter=emailId%20eq%20'" + waiting + "'",
                    p -> p.get("total").asInt() == 1 && p.get("items").get(0).get("attempts").asInt() >= 1);
            assertEquals("pending", retried.get("items").get(0).get("status").asText());
            assertTrue(retried.toString(), retried.get("items").get(0).get("lastError").asText().contains("Exception"));
            assertEquals("queued", admin.get("/api/v1/emails/" + waiting).json().get("status").asText());
            smtp = new GreenMail(new ServerSetup(port, "localhost", ServerSetup.PROTOCOL_SMTP));
            smtp.start();
            assertTrue("delivered once the server is back", smtp.waitForIncomingEmail(30_000, 1));
            assertEquals("稍后送达 " + tag, smtp.getReceivedMessages()[0].getSubject());
            await(admin, "/api/v1/emails/" + waiting, e -> e.get("status").asText().equals("sent"));

            // out of attempts: a dead letter with the reason; replayed once the server is reachable again
            configure(freePort(), 1);
            Thread.sleep(500);
            String doomed = admin.post("/api/v1/emails/send", "{\"to\":[\"dead." + tag + "@example.cn\"],\"subject\":\"死信 " + tag + "\"}")
                    .json().get("id").asText();
            JsonNode failed = await(admin, "/api/v1/emails/" + doomed, e -> e.get("status").asText().equals("failed"));
            assertTrue(failed.toString(), failed.get("failureReason").asText().contains("Exception"));
            JsonNode dead = await(admin, "/api/v1/mail-outbox?filter=emailId%20eq%20'" + doomed + "'",
                    p -> p.get("items").size() == 1 && p.get("items").get(0).get("status").asText().equals("dead"));
            String entry = dead.get("items").get(0).get("id").asText();
            configure(port, 3);
            Thread.sleep(500);
            assertEquals(200, admin.post("/api/v1/mail-outbox/" + entry + "/replay", "{}").status);
            assertProblem(admin.post("/api/v1/mail-outbox/" + entry + "/replay", "{}"), 409, "dead letters");
            await(admin, "/api/v1/emails/" + doomed, e -> e.get("status").asText().equals("sent"));
            assertTrue(smtp.waitForIncomingEmail(20_000, 2));

            // the outbox is for administrators
            String login = "mail.rep." + tag;
            id(admin.post("/api/v1/admin/users", "{\"loginName\":\"" + login + "\",\"password\":\"Mail-Rep-2026\"}"));
            assertProblem(new Api(baseUrl()).basic(login, "Mail-Rep-2026").get("/api/v1/mail-outbox"), 403, null);
        } finally {
            smtp.stop();
            EtcConfig.remove(configAdmin, "org.atriumcrm.mail");
        }
    }
}
