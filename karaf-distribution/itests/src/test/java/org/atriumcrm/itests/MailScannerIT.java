package org.atriumcrm.itests;

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

    private static Api readyAdmin() {
        Api admin = adminApi();
        admin.awaitReady(Duration.ofSeconds(90));
        waitForHttp("/api/v1/mailboxes", Duration.ofSeconds(60));
        return admin;
    }

    private static GreenMail started(int port, String protocol) {
        GreenMail server = new GreenMail(new ServerSetup(port, "localhost", protocol));
        server.start();
        return server;
    }

    private static JsonNode await(Api api, String path, Predicate<JsonNode> done) throws InterruptedException {
        return awaitJson(api, path, done, Duration.ofSeconds(45));
    }

    @Test
    public void scansFilesThreadsAndNeverFilesTwice() throws Exception {
        Api admin = readyAdmin();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        int port = freePort();
        GreenMail imap = started(port, ServerSetup.PROTOCOL_IMAP);
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
        Api admin = readyAdmin();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        int port = freePort();
        GreenMail imap = started(port, ServerSetup.PROTOCOL_IMAP);
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
        Api admin = readyAdmin();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        int port = freePort();
        GreenMail imap = started(port, ServerSetup.PROTOCOL_IMAP);
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
                        // gone from INBOX (expunged, not only flagged \\Deleted: clients would still show it), in the target folder
                        default -> inbox.isEmpty() && host.getFolder(user, "Filed").getMessageCount() == 1;
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

    private static String mailbox(Api admin, String name, String protocol, int port, String user, String secret) {
        return id(admin.post("/api/v1/mailboxes", "{\"name\":\"" + name + "\",\"protocol\":\"" + protocol + "\",\"host\":\"localhost\",\"port\":" + port
                + ",\"security\":\"none\",\"userName\":\"" + user + "\",\"secret\":\"" + secret + "\",\"pollSeconds\":5}"));
    }

    private static void deliverPlain(GreenMailUser user, String messageId, String subject) throws Exception {
        deliver(user, "Message-ID: <" + messageId + ">\r\nFrom: someone@example.cn\r\nTo: " + user.getEmail() + "\r\nSubject: " + subject
                + "\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nhello\r\n");
    }

    private static int filedBy(Api admin, String mailbox) {
        return admin.get("/api/v1/emails?limit=1&filter=mailboxId%20eq%20'" + mailbox + "'").json().get("total").asInt();
    }

    /**
     * POP3 shows a session only the messages present at its login: each poll must be a new session, or mail that
     * arrives after the first poll is never filed. The connection test counts a POP3 folder's messages too.
     */
    @Test
    public void pop3FilesMailThatArrivesAfterTheFirstPoll() throws Exception {
        Api admin = readyAdmin();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        int port = freePort();
        GreenMail pop3 = started(port, ServerSetup.PROTOCOL_POP3);
        try {
            GreenMailUser user = pop3.setUser("pop." + tag + "@atrium.test", "pop." + tag, "Pop3-Secret-1");
            deliverPlain(user, "first." + tag + "@example.cn", "first");
            String mailbox = mailbox(admin, "pop3 " + tag, "pop3", port, "pop." + tag, "Pop3-Secret-1");
            await(admin, "/api/v1/mailboxes/" + mailbox, m -> m.get("filedCount").asInt() == 1);
            deliverPlain(user, "second." + tag + "@example.cn", "second");
            deliverPlain(user, "third." + tag + "@example.cn", "third");
            await(admin, "/api/v1/mailboxes/" + mailbox, m -> m.get("filedCount").asInt() == 3);
            Thread.sleep(6000); // one more poll: nothing filed twice
            assertEquals(3, filedBy(admin, mailbox));
            JsonNode tested = admin.post("/api/v1/mailboxes/" + mailbox + "/test", "{}").json();
            assertTrue(tested.toString(), tested.get("ok").asBoolean());
            assertEquals(tested.toString(), 3, tested.get("folders").get(0).get("messages").asInt());
        } finally {
            pop3.stop();
        }
    }

    /**
     * A server that accepts the connection and never answers: changing and deleting its mailbox must not stall the
     * scanner (EventAdmin blacklists a handler that blocks), so a mailbox created afterwards is still scanned.
     */
    @Test
    public void aHungServerDoesNotDeafenTheScanner() throws Exception {
        Api admin = readyAdmin();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        java.util.List<java.net.Socket> held = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        java.util.concurrent.CountDownLatch connected = new java.util.concurrent.CountDownLatch(1);
        java.net.ServerSocket hung = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            try {
                while (true) {
                    held.add(hung.accept()); // never a greeting, never an answer
                    connected.countDown();
                }
            } catch (java.io.IOException closed) {
                // the test is over
            }
        }, "hung-imap-server");
        acceptor.setDaemon(true);
        acceptor.start();
        int port = freePort();
        GreenMail imap = started(port, ServerSetup.PROTOCOL_IMAP);
        try {
            String stuck = mailbox(admin, "hung " + tag, "imap", hung.getLocalPort(), "nobody", "Hung-Secret-1");
            assertTrue("the scanner never connected to the hung server", connected.await(30, java.util.concurrent.TimeUnit.SECONDS));
            JsonNode current = admin.get("/api/v1/mailboxes/" + stuck).json();
            Api.Answer patched = admin.patch("/api/v1/mailboxes/" + stuck, "{\"name\":\"hung, renamed " + tag + "\"}",
                    "If-Match", "\"" + current.get("version").asText() + "\"");
            assertEquals(patched.toString(), 200, patched.status);
            Api.Answer deleted = admin.delete("/api/v1/mailboxes/" + stuck);
            assertTrue(deleted.toString(), deleted.status == 204 || deleted.status == 200);

            GreenMailUser user = imap.setUser("after." + tag + "@atrium.test", "after." + tag, "Imap-Secret-4");
            deliverPlain(user, "after." + tag + "@example.cn", "after the hung server");
            String fresh = mailbox(admin, "after hung " + tag, "imap", port, "after." + tag, "Imap-Secret-4");
            awaitJson(admin, "/api/v1/mailboxes/" + fresh, m -> m.get("filedCount").asInt() == 1, Duration.ofSeconds(60));
            // and the scanner still hears changes afterwards (EventAdmin had blacklisted the handler that blocked on the stop)
            GreenMailUser later = imap.setUser("later." + tag + "@atrium.test", "later." + tag, "Imap-Secret-4");
            deliverPlain(later, "later." + tag + "@example.cn", "later still");
            String another = mailbox(admin, "later " + tag, "imap", port, "later." + tag, "Imap-Secret-4");
            awaitJson(admin, "/api/v1/mailboxes/" + another, m -> m.get("filedCount").asInt() == 1, Duration.ofSeconds(60));
        } finally {
            imap.stop();
            hung.close();
            for (java.net.Socket s : held) {
                s.close();
            }
        }
    }

    /**
     * Six mailboxes deleted at the same moment, among ten other requests: every request answers, none with a 500,
     * and none of the six is scanned afterwards, while a mailbox created after them is.
     */
    @Test
    public void sixMailboxesDeletedAtOnceStopBeingScanned() throws Exception {
        Api admin = readyAdmin();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        int port = freePort();
        GreenMail imap = started(port, ServerSetup.PROTOCOL_IMAP);
        try {
            java.util.List<GreenMailUser> users = new java.util.ArrayList<>();
            java.util.List<String> boxes = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                GreenMailUser user = imap.setUser("six" + i + "." + tag + "@atrium.test", "six" + i + "." + tag, "Imap-Secret-5");
                deliverPlain(user, "six" + i + ".a." + tag + "@example.cn", "before " + i);
                users.add(user);
                boxes.add(mailbox(admin, "six " + i + " " + tag, "imap", port, "six" + i + "." + tag, "Imap-Secret-5"));
            }
            for (String box : boxes) {
                await(admin, "/api/v1/mailboxes/" + box, m -> m.get("filedCount").asInt() == 1);
            }
            int parallel = 16;
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(parallel);
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(parallel);
            java.util.List<java.util.concurrent.Future<Api.Answer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < parallel; i++) {
                String path = i < 6 ? "/api/v1/mailboxes/" + boxes.get(i) : i % 2 == 0 ? "/api/v1/mailboxes" : "/api/v1/emails?limit=20";
                boolean delete = i < 6;
                answers.add(pool.submit(() -> {
                    start.await();
                    return delete ? admin.delete(path) : admin.get(path);
                }));
            }
            for (java.util.concurrent.Future<Api.Answer> f : answers) {
                Api.Answer a = f.get(120, java.util.concurrent.TimeUnit.SECONDS);
                assertTrue(a.toString(), a.status == 200 || a.status == 204);
            }
            pool.shutdown();
            for (int i = 0; i < 6; i++) {
                deliverPlain(users.get(i), "six" + i + ".b." + tag + "@example.cn", "after " + i);
            }
            // a mailbox created after the deletions is scanned: the scanner has applied them (it applies changes in order)
            GreenMailUser sentinel = imap.setUser("sentinel." + tag + "@atrium.test", "sentinel." + tag, "Imap-Secret-5");
            deliverPlain(sentinel, "sentinel." + tag + "@example.cn", "sentinel");
            String watch = mailbox(admin, "sentinel " + tag, "imap", port, "sentinel." + tag, "Imap-Secret-5");
            awaitJson(admin, "/api/v1/mailboxes/" + watch, m -> m.get("filedCount").asInt() == 1, Duration.ofSeconds(60));
            Thread.sleep(6000); // a full poll interval in which a route left behind would have filed its new message
            for (String box : boxes) {
                assertEquals("deleted mailbox " + box + " is still scanned", 1, filedBy(admin, box));
            }
        } finally {
            imap.stop();
        }
    }
}
