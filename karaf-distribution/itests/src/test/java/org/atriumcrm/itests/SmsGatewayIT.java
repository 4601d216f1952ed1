package org.atriumcrm.itests;

import static org.atriumcrm.testkit.http.Await.awaitJson;
import static org.atriumcrm.testkit.http.ApiAssertions.id;
import static org.atriumcrm.testkit.http.ApiAssertions.ok;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.UUID;

import javax.inject.Inject;

import org.atriumcrm.testkit.http.Api;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.util.DeliveryReceiptState;
import org.junit.Test;
import org.osgi.service.cm.ConfigurationAdmin;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The SMS channel end to end in the real distribution: a jSMPP SMSC started by the test inside the container,
 * gateway {@code smpp} configured in etc/org.atriumcrm.sms.cfg. A long Chinese text sent over REST reaches the SMSC
 * as concatenated UCS-2 parts and becomes {@code sent}, then {@code delivered} with the SMSC's receipts; a UCS-2
 * message from a contact's phone (its number written differently from the contact's mobile) is filed to the
 * contact; a bulk send skips the one who opted out; with the SMSC down a message waits in the outbox, its attempts
 * counted, and goes out once the SMSC is back.
 */
public class SmsGatewayIT extends AtriumTestSupport {
    private static final String LONG_CHINESE = "尊敬的客户您好！您在本公司订购的办公家具已经发货，预计三个工作日内送达。"
            + "如需更改送货时间，请回复本短信或致电客服热线。感谢您对我们的信任与支持，祝您工作顺利、生活愉快！";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    ConfigurationAdmin configAdmin;

    /** As an administrator configures it: etc/org.atriumcrm.sms.cfg, picked up by Karaf without a restart. */
    private void configure(int port) throws Exception {
        Map<String, Object> sms = new LinkedHashMap<>();
        sms.put("gateway", "smpp");
        sms.put("smppHost", "localhost");
        sms.put("smppPort", port);
        sms.put("smppSystemId", "atrium");
        sms.put("smppPassword", "Smsc-1");
        sms.put("smppSourceAddr", "10690001");
        sms.put("defaultCountryCode", 86);
        sms.put("maxAttempts", 20);
        sms.put("firstRetrySeconds", 1);
        sms.put("pollMillis", 300);
        EtcConfig.write(configAdmin, "org.atriumcrm.sms", sms);
    }

    private static String status(JsonNode sms) {
        return sms.get("status").asText();
    }

    private static String filter(String expression) {
        return URLEncoder.encode(expression, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A mainland mobile nobody else in the suite has: 139 followed by eight digits from the tag. */
    private static String mobileDigits(String tag, int n) {
        return "139" + String.format("%08d", (Math.abs((tag + n).hashCode()) % 100_000_000));
    }

    @Test
    public void smsGoesOutSplitInUcs2GetsReceiptsAndRepliesAndSurvivesAnSmscOutage() throws Exception {
        Api admin = adminApi();
        admin.awaitReady(Duration.ofSeconds(90));
        waitForHttp("/api/v1/sms-messages", Duration.ofSeconds(60));
        String tag = UUID.randomUUID().toString().substring(0, 8);
        TestSmsc smsc = new TestSmsc(freePort(), "IT" + tag + "-");
        smsc.start();
        try {
            configure(smsc.port);
            // the gateway is live when the CRM's receiver bind comes in
            smsc.receiver(WAIT);

            // 1. a long Chinese text to a contact: concatenated UCS-2 parts that put together give the text back
            String zhang = mobileDigits(tag, 1);
            String mobile = "+86 " + zhang.substring(0, 3) + "-" + zhang.substring(3, 7) + "-" + zhang.substring(7);
            String contact = id(admin.post("/api/v1/contacts?allowDuplicates=true", "{\"lastName\":\"张\",\"firstName\":\"三\",\"mobile\":\"" + mobile + "\"}"));
            assertTrue(LONG_CHINESE.length() > 70);
            JsonNode queued = ok(admin.post("/api/v1/sms-messages/send", "{\"contactId\":\"" + contact + "\",\"text\":\"" + LONG_CHINESE + "\"}"));
            String smsId = queued.get("items").get(0).get("id").asText();
            int expectedParts = (LONG_CHINESE.length() + 66) / 67;
            List<TestSmsc.Submitted> parts = smsc.awaitSubmitted("86" + zhang, p -> p.size() >= expectedParts, WAIT);
            assertEquals(expectedParts, parts.size());
            for (TestSmsc.Submitted part : parts) {
                assertEquals("UCS-2", 8, part.sm.getDataCoding());
                assertTrue("UDHI", GSMSpecificFeature.UDHI.containedIn(part.sm.getEsmClass()));
                assertTrue("at most 140 octets", part.sm.getShortMessage().length <= 140);
                assertEquals("10690001", part.sm.getSourceAddr());
            }
            assertEquals(LONG_CHINESE, TestSmsc.reassemble(parts));
            JsonNode sent = awaitJson(admin, "/api/v1/sms-messages/" + smsId, m -> status(m).equals("sent"), WAIT);
            assertEquals(expectedParts, sent.get("segments").asInt());
            assertEquals("smpp", sent.get("gateway").asText());
            assertEquals(parts.stream().map(p -> p.id).toList(), List.of(sent.get("gatewayMessageIds").asText().split(",")));
            assertEquals(contact, sent.get("contactId").asText());

            // 2. the SMSC's receipts, one per part, with the ids it answered: delivered
            for (TestSmsc.Submitted part : parts) {
                smsc.receipt(part.id, "86" + zhang, DeliveryReceiptState.DELIVRD);
            }
            JsonNode delivered = awaitJson(admin, "/api/v1/sms-messages/" + smsId, m -> status(m).equals("delivered"), WAIT);
            assertFalse(delivered.toString(), delivered.path("deliveredAt").isNull() || delivered.path("deliveredAt").isMissingNode());

            // 3. a reply in UCS-2 from the contact's phone, its number written as the SMSC writes it: filed to the contact
            String reply = "你好，请问下周二可以送货吗？谢谢！" + tag;
            smsc.deliverUcs2("86" + zhang, reply);
            JsonNode inbound = awaitJson(admin, "/api/v1/sms-messages?filter=" + filter("contactId eq '" + contact + "' and direction eq 'inbound'"),
                    p -> p.get("total").asInt() == 1, WAIT).get("items").get(0);
            assertEquals(reply, inbound.get("text").asText());
            assertEquals("received", status(inbound));
            assertEquals("+86" + zhang, inbound.get("fromNumber").asText());

            // 4. a bulk send: the one who opted out is skipped and named, the others go out
            String li = mobileDigits(tag, 2);
            String wang = mobileDigits(tag, 3);
            String zhao = mobileDigits(tag, 4);
            String liId = id(admin.post("/api/v1/contacts?allowDuplicates=true", "{\"lastName\":\"李\",\"mobile\":\"" + li + "\"}"));
            String wangId = id(admin.post("/api/v1/contacts?allowDuplicates=true", "{\"lastName\":\"王\",\"mobile\":\"0086 " + wang + "\"}"));
            String zhaoId = id(admin.post("/api/v1/contacts?allowDuplicates=true", "{\"lastName\":\"赵\",\"mobile\":\"" + zhao + "\",\"doNotSms\":true}"));
            String notice = "春节放假通知：2月9日至2月17日放假，2月18日正常上班。" + tag;
            JsonNode bulk = ok(admin.post("/api/v1/sms-messages/send-bulk", "{\"contactIds\":[\"" + liId + "\",\"" + zhaoId + "\",\"" + wangId
                    + "\"],\"text\":\"" + notice + "\"}"));
            assertEquals(bulk.toString(), 2, bulk.get("queued").asInt());
            assertEquals(bulk.toString(), 1, bulk.get("skipped").size());
            assertEquals(zhaoId, bulk.get("skipped").get(0).get("id").asText());
            assertEquals("do-not-sms", bulk.get("skipped").get(0).get("reason").asText());
            for (String digits : List.of(li, wang)) {
                List<TestSmsc.Submitted> one = smsc.awaitSubmitted("86" + digits, p -> !p.isEmpty(), WAIT);
                assertEquals(notice, TestSmsc.reassemble(one));
            }
            for (JsonNode id : bulk.get("messageIds")) {
                awaitJson(admin, "/api/v1/sms-messages/" + id.asText(), m -> status(m).equals("sent"), WAIT);
            }
            assertTrue("nothing for the one who opted out", smsc.to("86" + zhao).isEmpty());

            // 5. the SMSC goes down: the message waits in the outbox, its attempts counted, and goes out when it is back.
            // Four attempts (back-off 1 + 2 + 4 s) outlast camel-smpp's own few reconnects: the bundle rebinds the receiver.
            smsc.stop();
            String later = "服务恢复后发送：" + tag;
            String waiting = ok(admin.post("/api/v1/sms-messages/send", "{\"to\":[\"" + li + "\"],\"text\":\"" + later + "\"}"))
                    .get("items").get(0).get("id").asText();
            JsonNode retried = awaitJson(admin, "/api/v1/sms-outbox?filter=" + filter("smsId eq '" + waiting + "'"),
                    p -> p.get("total").asInt() == 1 && p.get("items").get(0).get("attempts").asInt() >= 4, WAIT).get("items").get(0);
            assertEquals("pending", retried.get("status").asText());
            assertFalse(retried.toString(), retried.get("lastError").asText().isBlank());
            assertEquals("queued", status(admin.get("/api/v1/sms-messages/" + waiting).json()));
            assertEquals("only the bulk message went to this number", 1, smsc.to("86" + li).size());
            smsc.start();
            List<TestSmsc.Submitted> afterOutage = smsc.awaitSubmitted("86" + li, p -> p.size() >= 2, Duration.ofSeconds(40));
            assertEquals(later, TestSmsc.reassemble(afterOutage.subList(1, 2)));
            awaitJson(admin, "/api/v1/sms-messages/" + waiting, m -> status(m).equals("sent"), WAIT);
            // and the receiver bound again: receipts after the outage still arrive
            smsc.receipt(afterOutage.get(1).id, "86" + li, DeliveryReceiptState.DELIVRD);
            awaitJson(admin, "/api/v1/sms-messages/" + waiting, m -> status(m).equals("delivered"), Duration.ofSeconds(40));
        } finally {
            // back to no gateway before the SMSC goes, so that no reconnecting session outlives the test
            EtcConfig.remove(configAdmin, "org.atriumcrm.sms");
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (configAdmin.listConfigurations("(service.pid=org.atriumcrm.sms)") != null && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            smsc.close();
        }
    }
}
