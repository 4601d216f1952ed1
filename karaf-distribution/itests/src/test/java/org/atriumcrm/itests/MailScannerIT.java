package org.atriumcrm.itests;

import static org.atriumcrm.testkit.http.Await.awaitJson;
import static org.atriumcrm.testkit.http.ApiAssertions.assertProblem;
import static org.atriumcrm.testkit.http.ApiAssertions.id;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

import javax.mail.Session;
import javax.mail.internet.MimeMessage;

import org.atriumcrm.testkit.http.Api;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The mail scanner against a real IMAP server (GreenMail, in the container): a mailbox created over REST starts its
 * own route; messages from a known contact (GB2312-labelled GBK, with attachments), from an unknown sender (a lead
 * is created), a duplicate and a reply from another address are filed exactly once and threaded; the module going
 * off and on (routes stopped and rebuilt) re-scans without filing anything twice; the secret never comes back.
 */
public class MailScannerIT extends AtriumTestSupport {
    private static final Charset GBK = Charset.forName("GBK");

    private static String b64(String s, Charset cs) {
        return Base64.getEncoder().encodeToString(s.getBytes(cs));
    }

    private static void deliver(GreenMailUser user, String raw) throws Exception {
        user.deliver(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw.getBytes(StandardCharsets.US_ASCII))));
    }

    private static JsonNode await(Api api, String path, Predicate<JsonNode> done) throws InterruptedException {
        return awaitJson(api, path, done, Duration.ofSeconds(45));
    }

    @Test
    public void scansFilesThreadsAndNeverFilesTwice() throws Exception {
        Api admin = adminApi();
        admin.awaitReady(Duration.ofSeconds(90));
        waitForHttp("/api/v1/mailboxes", Duration.ofSeconds(60));
        String tag = UUID.randomUUID().toString().substring(0, 8);
        int port = freePort();
        GreenMail imap = new GreenMail(new ServerSetup(port, "localhost", ServerSetup.PROTOCOL_IMAP));
        imap.start();
        try {
            GreenMailUser box = imap.setUser("sales." + tag + "@atrium.test", "sales." + tag, "Imap-Secret-1");
            String account = id(admin.post("/api/v1/accounts?allowDuplicates=true", "{\"name\":\"镕钢贸易 " + tag + "\"}"));
            String contact = id(admin.post("/api/v1/contacts?allowDuplicates=true", "{\"lastName\":\"朱\",\"firstName\":\"镕\",\"email\":\"Zhu.Rong."
                    + tag + "@example.cn\",\"accountId\":\"" + account + "\"}"));
            String lead = id(admin.post("/api/v1/leads", "{\"lastName\":\"钱\",\"company\":\"钱氏 " + tag + "\",\"email\":\"qian." + tag + "@example.cn\"}"));

            String subject = "关于朱镕先生的报价 " + tag;
            String quote = "Message-ID: <quote." + tag + "@example.cn>\r\nFrom: =?GB2312?B?" + b64("朱镕", GBK) + "?= <zhu.rong." + tag + "@example.cn>\r\n"
                    + "To: sales." + tag + "@atrium.test\r\nCc: qian." + tag + "@example.cn\r\nSubject: =?GB2312?B?" + b64(subject, GBK) + "?=\r\n"
                    + "Date: Sun, 29 Nov 2026 10:00:00 +0800\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n"
                    + "--b1\r\nContent-Type: text/plain; charset=gb2312\r\nContent-Transfer-Encoding: base64\r\n\r\n" + b64("王经理您好：附件是镕钢的报价单。", GBK) + "\r\n"
                    + "--b1\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; filename*=UTF-8''%E6%8A%A5%E4%BB%B7%E5%8D%95.pdf\r\n"
                    + "Content-Transfer-Encoding: base64\r\n\r\n" + Base64.getEncoder().encodeToString("%PDF-1.4 quote".getBytes(StandardCharsets.US_ASCII))
                    + "\r\n--b1--\r\n";
            deliver(box, quote);
            deliver(box, quote); // the same message twice (a client's resend): filed once
            deliver(box, "Message-ID: <hello." + tag + "@newcomer.cn>\r\nFrom: =?UTF-8?B?" + b64("孙新", StandardCharsets.UTF_8) + "?= <sun." + tag
                    + "@newcomer.cn>\r\nTo: sales." + tag + "@atrium.test\r\nSubject: =?GB2312?B?" + b64("询价：不锈钢板", GBK) + "?=\r\n"
                    + "Content-Type: text/plain; charset=GBK\r\nContent-Transfer-Encoding: base64\r\n\r\n" + b64("请报最新价格，谢谢。", GBK) + "\r\n");
            deliver(box, "Message-ID: <reply." + tag + "@example.cn>\r\nFrom: assistant." + tag + "@elsewhere.cn\r\nTo: sales." + tag + "@atrium.test\r\n"
                    + "In-Reply-To: <quote." + tag + "@example.cn>\r\nReferences: <quote." + tag + "@example.cn>\r\nSubject: Re: quote\r\n"
                    + "Content-Type: text/plain; charset=UTF-8\r\n\r\nForwarding for Mr Zhu.\r\n");

            // a multipart without its boundary: not guessed at, but kept in the dead-letter store; it blocks nothing
            deliver(box, "Message-ID: <broken." + tag + "@example.cn>\r\nFrom: zhu.rong." + tag + "@example.cn\r\nTo: sales." + tag
                    + "@atrium.test\r\nSubject: broken " + tag + "\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed\r\n\r\nno parts\r\n");

            Api.Answer created = admin.post("/api/v1/mailboxes", "{\"name\":\"销售部公共邮箱 " + tag + "\",\"protocol\":\"imap\",\"host\":\"localhost\",\"port\":" + port
                    + ",\"security\":\"none\",\"userName\":\"sales." + tag + "\",\"secret\":\"Imap-Secret-1\",\"pollSeconds\":5,\"shared\":true,"
                    + "\"createLeads\":true,\"internalDomains\":\"atrium.test\"}");
            assertEquals(created.toString(), 201, created.status);
            String mailbox = created.json().get("id").asText();
            assertTrue(created.json().get("hasSecret").asBoolean());
            assertTrue("the secret never comes back", created.json().get("secret").isNull());
            assertFalse(created.body.contains("Imap-Secret-1"));

            JsonNode history = await(admin, "/api/v1/contacts/" + contact + "/emails", h -> h.get("total").asInt() == 2);
            JsonNode filed = null;
            for (JsonNode e : history.get("items")) {
                if (e.get("messageId").asText().equals("<quote." + tag + "@example.cn>")) {
                    filed = e;
                }
            }
            assertTrue(history.toString(), filed != null);
            assertEquals(subject, filed.get("subject").asText());
            assertTrue(filed.get("textBody").asText(), filed.get("textBody").asText().contains("镕钢的报价单"));
            assertEquals("inbound", filed.get("direction").asText());
            assertEquals(mailbox, filed.get("mailboxId").asText());
            JsonNode attachments = admin.get("/api/v1/emails/" + filed.get("id").asText() + "/attachments").json();
            assertEquals(1, attachments.get("total").asInt());
            assertEquals("报价单.pdf", attachments.get("items").get(0).get("fileName").asText());
            // the reply from an unknown address joins the thread and the conversation's records
            JsonNode reply = history.get("items").get(0).get("messageId").asText().contains("reply") ? history.get("items").get(0) : history.get("items").get(1);
            assertEquals(filed.get("threadId").asText(), reply.get("threadId").asText());
            // the contact's account and the cc'd lead see the same email
            assertEquals(2, admin.get("/api/v1/accounts/" + account + "/emails").json().get("total").asInt());
            assertEquals("the quote it was cc'd on, and the reply in that conversation", 2,
                    admin.get("/api/v1/leads/" + lead + "/emails").json().get("total").asInt());
            // the unknown sender became a lead, with the email filed under it
            JsonNode newcomer = await(admin, "/api/v1/leads?filter=email%20eq%20'sun." + tag + "@newcomer.cn'", p -> p.get("total").asInt() == 1);
            assertEquals("孙新", newcomer.get("items").get(0).get("lastName").asText());
            JsonNode inquiry = admin.get("/api/v1/leads/" + newcomer.get("items").get(0).get("id").asText() + "/emails").json();
            assertEquals("询价：不锈钢板", inquiry.get("items").get(0).get("subject").asText());
            assertEquals("请报最新价格，谢谢。", inquiry.get("items").get(0).get("textBody").asText());
            JsonNode scanned = await(admin, "/api/v1/mailboxes/" + mailbox, m -> m.get("filedCount").asInt() == 3);
            assertTrue(scanned.toString(), scanned.get("lastScanAt").isTextual());
            JsonNode dead = await(admin, "/api/v1/mail-scan-failures?filter=mailboxId%20eq%20'" + mailbox + "'", p -> p.get("total").asInt() == 1);
            JsonNode letter = dead.get("items").get(0);
            assertEquals("broken " + tag, letter.get("subject").asText());
            assertEquals("dead", letter.get("status").asText());
            assertTrue(letter.toString(), letter.get("reason").asText().toLowerCase().contains("boundary"));
            assertProblem(admin.post("/api/v1/mail-scan-failures/" + letter.get("id").asText() + "/replay", "{}"), 409, "still cannot be filed");
            assertEquals("still one dead letter, not one per poll", 1,
                    admin.get("/api/v1/mail-scan-failures?filter=mailboxId%20eq%20'" + mailbox + "'").json().get("total").asInt());

            // the converted lead's correspondence follows it to the new contact and account
            String newcomerId = newcomer.get("items").get(0).get("id").asText();
            Api.Answer converted = admin.post("/api/v1/leads/" + newcomerId + "/convert", "{\"account\":{\"type\":\"customer\"}}");
            assertEquals(converted.toString(), 200, converted.status);
            await(admin, "/api/v1/contacts/" + converted.json().get("contactId").asText() + "/emails", h -> h.get("total").asInt() == 1);
            await(admin, "/api/v1/accounts/" + converted.json().get("accountId").asText() + "/emails", h -> h.get("total").asInt() == 1);

            // the module off and on: every route is rebuilt and re-reads the whole folder, and files nothing twice
            assertEquals(200, admin.post("/api/v1/admin/modules/mail/disable", "{}").status);
            assertEquals(200, admin.post("/api/v1/admin/modules/mail/enable", "{}").status);
            waitForHttp("/api/v1/mailboxes", Duration.ofSeconds(60));
            deliver(box, "Message-ID: <later." + tag + "@example.cn>\r\nFrom: zhu.rong." + tag + "@example.cn\r\nTo: sales." + tag + "@atrium.test\r\n"
                    + "Subject: later\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n后来的邮件\r\n");
            await(admin, "/api/v1/contacts/" + contact + "/emails", h -> h.get("total").asInt() == 3);
            Thread.sleep(6000); // one more poll of the whole folder
            assertEquals(3, admin.get("/api/v1/contacts/" + contact + "/emails").json().get("total").asInt());
            assertEquals("four filed, the broken one dead", 4,
                    admin.get("/api/v1/emails?filter=mailboxId%20eq%20'" + mailbox + "'").json().get("total").asInt());

            // connection test: the right secret logs in; a wrong one is an authentication problem
            JsonNode ok = admin.post("/api/v1/mailboxes/" + mailbox + "/test", "{}").json();
            assertTrue(ok.toString(), ok.get("ok").asBoolean());
            assertEquals(6, ok.get("folders").get(0).get("messages").asInt());
            JsonNode current = admin.get("/api/v1/mailboxes/" + mailbox).json();
            assertEquals(200, admin.patch("/api/v1/mailboxes/" + mailbox, "{\"secret\":\"wrong\",\"active\":false}",
                    "If-Match", "\"" + current.get("version").asText() + "\"").status);
            JsonNode refused = admin.post("/api/v1/mailboxes/" + mailbox + "/test", "{}").json();
            assertFalse(refused.get("ok").asBoolean());
            assertEquals(refused.toString(), "authentication", refused.get("problem").asText());

            // bad input is a clear 400; a shared mailbox is an administrator's
            assertProblem(admin.post("/api/v1/mailboxes", "{\"name\":\"x\",\"protocol\":\"imap\",\"host\":\"localhost\",\"port\":70000,"
                    + "\"userName\":\"u\",\"pollSeconds\":1}"), 400, "port");
            String login = "scanner.rep." + tag;
            id(admin.post("/api/v1/admin/users", "{\"loginName\":\"" + login + "\",\"password\":\"Scanner-Rep-2026\"}"));
            Api rep = new Api(baseUrl()).basic(login, "Scanner-Rep-2026");
            Api.Answer shared = rep.post("/api/v1/mailboxes", "{\"name\":\"not mine\",\"protocol\":\"imap\",\"host\":\"localhost\",\"port\":143,"
                    + "\"userName\":\"u\",\"shared\":true}");
            assertTrue(shared.toString(), shared.status == 403 || shared.status == 400);
        } finally {
            imap.stop();
        }
    }

    /**
     * The module goes off in the middle of scanning 120 messages, read 25 per poll, and comes back: every message
     * filed exactly once — and filed messages never fill a poll's batch (they are skipped before the cap).
     */
    @Test
    public void aRestartInTheMiddleOfAScanLosesAndDoublesNothing() throws Exception {
        Api admin = adminApi();
        admin.awaitReady(Duration.ofSeconds(90));
        waitForHttp("/api/v1/mailboxes", Duration.ofSeconds(60));
        String tag = UUID.randomUUID().toString().substring(0, 8);
        int port = freePort();
        GreenMail imap = new GreenMail(new ServerSetup(port, "localhost", ServerSetup.PROTOCOL_IMAP));
        imap.start();
        try {
            GreenMailUser box = imap.setUser("bulk." + tag + "@atrium.test", "bulk." + tag, "Imap-Secret-2");
            int total = 120;
            for (int i = 0; i < total; i++) {
                deliver(box, "Message-ID: <bulk." + i + "." + tag + "@example.cn>\r\nFrom: customer" + i + "." + tag + "@example.cn\r\nTo: bulk." + tag
                        + "@atrium.test\r\nSubject: =?UTF-8?B?" + b64("订单 " + i, StandardCharsets.UTF_8) + "?=\r\nContent-Type: text/plain; charset=UTF-8\r\n"
                        + "Content-Transfer-Encoding: base64\r\n\r\n" + b64("第 " + i + " 封", StandardCharsets.UTF_8) + "\r\n");
            }
            String mailbox = id(admin.post("/api/v1/mailboxes", "{\"name\":\"bulk " + tag + "\",\"protocol\":\"imap\",\"host\":\"localhost\",\"port\":" + port
                    + ",\"security\":\"none\",\"userName\":\"bulk." + tag + "\",\"secret\":\"Imap-Secret-2\",\"pollSeconds\":5,\"batchSize\":25}"));
            String count = "/api/v1/emails?limit=1&filter=mailboxId%20eq%20'" + mailbox + "'";
            JsonNode started = await(admin, count, p -> p.get("total").asInt() > 0);
            assertEquals(200, admin.post("/api/v1/admin/modules/mail/disable", "{}").status);
            int before = started.get("total").asInt();
            assertEquals(200, admin.post("/api/v1/admin/modules/mail/enable", "{}").status);
            waitForHttp("/api/v1/mailboxes", Duration.ofSeconds(60));
            awaitJson(admin, count, p -> p.get("total").asInt() >= total, Duration.ofSeconds(150));
            Thread.sleep(6000); // one more full poll of the folder after everything was filed
            assertEquals("interrupted after " + before + " and resumed: each message once", total, admin.get(count).json().get("total").asInt());
            await(admin, "/api/v1/mailboxes/" + mailbox, m -> m.get("filedCount").asInt() == total);
        } finally {
            imap.stop();
        }
    }

    /** After filing: mark-seen flags the message read, leave keeps it unread, move copies it to the named folder and deletes it from the scanned one. */
    @Test
    public void afterFilingMarksLeavesOrMoves() throws Exception {
        Api admin = adminApi();
        admin.awaitReady(Duration.ofSeconds(90));
        waitForHttp("/api/v1/mailboxes", Duration.ofSeconds(60));
        String tag = UUID.randomUUID().toString().substring(0, 8);
        int port = freePort();
        GreenMail imap = new GreenMail(new ServerSetup(port, "localhost", ServerSetup.PROTOCOL_IMAP));
        imap.start();
        try {
            for (String mode : new String[] {"mark-seen", "leave", "move"}) {
                GreenMailUser user = imap.setUser(mode + "." + tag + "@atrium.test", mode + "." + tag, "Imap-Secret-3");
                deliver(user, "Message-ID: <" + mode + "." + tag + "@example.cn>\r\nFrom: someone." + tag + "@example.cn\r\nTo: " + mode + "." + tag
                        + "@atrium.test\r\nSubject: " + mode + "\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nhello\r\n");
                if (mode.equals("move")) {
                    imap.getManagers().getImapHostManager().createMailbox(user, "Filed");
                }
                String mailbox = id(admin.post("/api/v1/mailboxes", "{\"name\":\"" + mode + " " + tag + "\",\"protocol\":\"imap\",\"host\":\"localhost\",\"port\":"
                        + port + ",\"security\":\"none\",\"userName\":\"" + mode + "." + tag + "\",\"secret\":\"Imap-Secret-3\",\"pollSeconds\":5,"
                        + "\"afterProcessing\":\"" + mode + "\"" + (mode.equals("move") ? ",\"moveToFolder\":\"Filed\"" : "") + "}"));
                await(admin, "/api/v1/mailboxes/" + mailbox, m -> m.get("filedCount").asInt() == 1);
                com.icegreen.greenmail.imap.ImapHostManager host = imap.getManagers().getImapHostManager();
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (true) {
                    java.util.List<com.icegreen.greenmail.store.StoredMessage> inbox = host.getInbox(user).getMessages();
                    boolean done = switch (mode) {
                        case "mark-seen" -> inbox.size() == 1 && inbox.get(0).isSet(javax.mail.Flags.Flag.SEEN);
                        case "leave" -> inbox.size() == 1 && !inbox.get(0).isSet(javax.mail.Flags.Flag.SEEN);
                        // IMAP moves by copy + \\Deleted; the server expunges when the folder is closed
                        default -> (inbox.isEmpty() || inbox.get(0).isSet(javax.mail.Flags.Flag.DELETED))
                                && host.getFolder(user, "Filed").getMessageCount() == 1;
                    };
                    if (done) {
                        break;
                    }
                    assertTrue(mode + ": the message is not where it should be after filing", System.nanoTime() < deadline);
                    Thread.sleep(200);
                }
                if (mode.equals("leave")) {
                    Thread.sleep(6000); // the next poll sees it again, unread, and files nothing twice
                    assertEquals(1, admin.get("/api/v1/mailboxes/" + mailbox).json().get("filedCount").asInt());
                    assertFalse(host.getInbox(user).getMessages().get(0).isSet(javax.mail.Flags.Flag.SEEN));
                }
            }
        } finally {
            imap.stop();
        }
    }
}
