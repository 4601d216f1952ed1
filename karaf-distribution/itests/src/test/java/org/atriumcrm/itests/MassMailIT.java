package org.atriumcrm.itests;

import static org.atriumcrm.testkit.http.Await.awaitJson;
import static org.atriumcrm.testkit.http.ApiAssertions.id;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.inject.Inject;
import javax.mail.internet.MimeMessage;

import org.atriumcrm.testkit.http.Api;
import org.junit.Test;
import org.osgi.service.cm.ConfigurationAdmin;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * Mass mailing (群发) of a zh-CN template to 200 contacts, one of whom opted out, through a real SMTP server
 * (GreenMail in the container): 199 personalised emails with List-Unsubscribe, the opt-out skipped and counted; the
 * open pixel counts an open without credentials; the one-click unsubscribe sets do-not-email.
 */
public class MassMailIT extends AtriumTestSupport {
    @Inject
    ConfigurationAdmin configAdmin;

    private static JsonNode await(Api api, String path, Predicate<JsonNode> done) throws InterruptedException {
        return awaitJson(api, path, done, Duration.ofSeconds(90));
    }

    @Test
    public void twoHundredRecipientsOneOptOutTrackedAndUnsubscribable() throws Exception {
        Api admin = adminApi();
        admin.awaitReady(Duration.ofSeconds(90));
        waitForHttp("/api/v1/mass-mailings", Duration.ofSeconds(60));
        String tag = UUID.randomUUID().toString().substring(0, 8);
        int port = freePort();
        GreenMail smtp = new GreenMail(new ServerSetup(port, "localhost", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            java.util.Map<String, Object> mail = new java.util.LinkedHashMap<>();
            mail.put("smtpHost", "localhost");
            mail.put("smtpPort", port);
            mail.put("fromAddress", "marketing@example.cn");
            mail.put("maxAttempts", 3);
            mail.put("firstRetrySeconds", 1);
            mail.put("pollMillis", 200);
            mail.put("maxPerMinute", 0);
            mail.put("publicBaseUrl", baseUrl());
            EtcConfig.write(configAdmin, "org.atriumcrm.mail", mail);

            String template = id(admin.post("/api/v1/email-templates", "{\"name\":\"新品通知 " + tag + "\",\"language\":\"zh-CN\",\"appliesTo\":\"Contact\","
                    + "\"active\":true,\"subject\":\"{{contact.lastName}}先生/女士，新品上市\",\"textBody\":\"尊敬的{{contact.lastName}}{{contact.firstName}}：新品已到。\","
                    + "\"htmlBody\":\"<p>尊敬的{{contact.lastName}}{{contact.firstName}}：<a href='https://shop.example.cn/new'>新品</a>已到。</p>\"}"));
            List<String> contacts = new ArrayList<>();
            String optedOut = null;
            for (int i = 0; i < 200; i++) {
                boolean out = i == 17;
                String id = id(admin.post("/api/v1/contacts?allowDuplicates=true", "{\"lastName\":\"王\",\"firstName\":\"" + i + "号\",\"email\":\"buyer" + i + "."
                        + tag + "@example.cn\"" + (out ? ",\"doNotEmail\":true" : "") + "}"));
                contacts.add(id);
                if (out) {
                    optedOut = id;
                }
            }
            StringBuilder ids = new StringBuilder();
            for (String c : contacts) {
                ids.append(ids.length() == 0 ? "" : ",").append('"').append(c).append('"');
            }
            // ConfigAdmin has the new settings; the components get them a moment later (asynchronously): until then the
            // start is refused with no-public-base-url, and nothing is queued
            String body = "{\"name\":\"双十一 " + tag + "\",\"templateId\":\"" + template + "\",\"contactIds\":[" + ids + "]}";
            Api.Answer started = admin.post("/api/v1/mass-mailings/start", body);
            for (long until = System.nanoTime() + Duration.ofSeconds(20).toNanos(); started.status == 409 && started.body.contains("no-public-base-url")
                    && System.nanoTime() < until;) {
                Thread.sleep(200);
                started = admin.post("/api/v1/mass-mailings/start", body);
            }
            assertEquals(started.toString(), 200, started.status);
            String mailing = started.json().get("id").asText();
            JsonNode done = await(admin, "/api/v1/mass-mailings/" + mailing, m -> m.get("sentCount").asInt() + m.get("failedCount").asInt() == 199);
            assertEquals(done.toString(), 199, done.get("sentCount").asInt());
            assertEquals(1, done.get("skippedCount").asInt());
            assertEquals(200, done.get("recipientCount").asInt());
            JsonNode skipped = admin.get("/api/v1/mass-mailings/" + mailing + "/recipients?filter=status%20eq%20'skipped-opt-out'").json();
            assertEquals(1, skipped.get("total").asInt());
            assertEquals(optedOut, skipped.get("items").get(0).get("contactId").asText());
            // each recipient's correspondence history shows the mail sent to them; the opt-out's shows none
            JsonNode history = admin.get("/api/v1/contacts/" + contacts.get(3) + "/emails").json();
            assertEquals(history.toString(), 1, history.get("total").asInt());
            assertEquals(0, admin.get("/api/v1/contacts/" + optedOut + "/emails").json().get("total").asInt());

            assertTrue(smtp.waitForIncomingEmail(30_000, 199));
            // the outbox also delivers what other tests queued before this server was configured: count this mailing's
            MimeMessage[] received = java.util.Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
                try {
                    return m.getAllRecipients()[0].toString().endsWith("." + tag + "@example.cn");
                } catch (javax.mail.MessagingException e) {
                    throw new IllegalStateException(e);
                }
            }).toArray(MimeMessage[]::new);
            assertEquals("one email per recipient, none to the opt-out", 199, received.length);
            MimeMessage first = null;
            for (MimeMessage m : received) {
                assertTrue(m.getAllRecipients()[0].toString(), !m.getAllRecipients()[0].toString().startsWith("buyer17."));
                if (m.getAllRecipients()[0].toString().startsWith("buyer3.")) {
                    first = m;
                }
            }
            assertNotNull(first);
            assertEquals("王先生/女士，新品上市", first.getSubject());
            String unsubscribe = first.getHeader("List-Unsubscribe", null);
            assertNotNull("List-Unsubscribe", unsubscribe);
            assertEquals("List-Unsubscribe=One-Click", first.getHeader("List-Unsubscribe-Post", null));
            String raw = new String(first.getRawInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
            first.writeTo(all);
            String source = javax.mail.internet.MimeUtility.decodeText(all.toString(StandardCharsets.UTF_8));
            Matcher pixel = Pattern.compile("(/api/v1/public/mail/open/[A-Za-z0-9_-]+\\.gif)").matcher(decodeQuotedPrintable(source));
            assertTrue("an open pixel in the HTML: " + raw.length(), pixel.find());

            // the pixel: no credentials, a GIF, and the open is counted for that recipient only
            Api.Answer gif = new Api(baseUrl()).get(pixel.group(1));
            assertEquals(200, gif.status);
            assertTrue(gif.contentType(), gif.contentType().startsWith("image/gif"));
            await(admin, "/api/v1/mass-mailings/" + mailing, m -> m.get("openedCount").asInt() == 1);
            hitsOfOneEmailAreEachCountedOnce(admin, mailing, contacts.get(3), pixel.group(1), decodeQuotedPrintable(source));

            // one-click unsubscribe (RFC 8058): the contact is opted out
            Matcher link = Pattern.compile("<(https?://[^>]+/api/v1/public/mail/unsubscribe/[^>]+)>").matcher(unsubscribe);
            assertTrue(unsubscribe, link.find());
            String path = link.group(1).substring(link.group(1).indexOf("/api/"));
            Api.Answer unsub = new Api(baseUrl()).send("POST", path, "List-Unsubscribe=One-Click", "Content-Type", "application/x-www-form-urlencoded");
            assertTrue(unsub.toString(), unsub.status == 200);
            await(admin, "/api/v1/contacts/" + contacts.get(3), c -> c.get("doNotEmail").asBoolean());
        } finally {
            smtp.stop();
            EtcConfig.remove(configAdmin, "org.atriumcrm.mail");
        }
    }

    /**
     * The pixel and the links are public and every recipient's mail client, proxy and scanner hits them, many at once:
     * 16 opens and 16 clicks of one email released together each answer (never a 500) and count exactly once, on the
     * tracking row and the recipient; the mailing counts the person once. The email was opened once before.
     */
    private void hitsOfOneEmailAreEachCountedOnce(Api admin, String mailing, String contactId, String pixelPath, String html)
            throws Exception {
        Matcher link = Pattern.compile("(/api/v1/public/mail/click/[^\"']+)").matcher(html);
        assertTrue("a tracked link in the HTML", link.find());
        String clickPath = link.group(1).replace("&amp;", "&");
        int hits = 16;
        List<Api.Answer> answers = together(2 * hits, i -> new Api(baseUrl()).get(i % 2 == 0 ? pixelPath : clickPath));
        for (int i = 0; i < answers.size(); i++) {
            assertEquals(answers.get(i).toString(), i % 2 == 0 ? 200 : 302, answers.get(i).status);
        }
        String byContact = "?filter=" + java.net.URLEncoder.encode("contactId eq '" + contactId + "'", StandardCharsets.UTF_8);
        JsonNode recipient = admin.get("/api/v1/mass-mailings/" + mailing + "/recipients" + byContact).json().get("items").get(0);
        assertEquals(recipient.toString(), 1 + hits, recipient.get("openCount").asInt());
        assertEquals(recipient.toString(), hits, recipient.get("clickCount").asInt());
        JsonNode tracked = admin.get("/api/v1/email-tracking" + byContact).json().get("items").get(0);
        assertEquals(tracked.toString(), 1 + hits, tracked.get("openCount").asInt());
        assertEquals(tracked.toString(), hits, tracked.get("clickCount").asInt());
        JsonNode counted = admin.get("/api/v1/mass-mailings/" + mailing).json();
        assertEquals(counted.toString(), 1, counted.get("openedCount").asInt());
        assertEquals(counted.toString(), 1, counted.get("clickedCount").asInt());
    }

    /** Soft line breaks and =XX escapes of quoted-printable HTML, enough to find a URL in it. */
    private static String decodeQuotedPrintable(String s) {
        return s.replace("=\r\n", "").replace("=3D", "=");
    }
}
