package org.atriumcrm.mail.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

/** The route URI of a mailbox: the password is passed literally whatever it holds; TLS and after-filing options. */
public class MailScannerUriTest {

    private static Mailbox box(String protocol, String security, String after) {
        Mailbox b = new Mailbox();
        b.setProtocol(protocol);
        b.setSecurity(security);
        b.setHost("imap.example.cn");
        b.setPort(993L);
        b.setUserName("销售 sales@example.cn");
        b.setPollSeconds(60L);
        b.setBatchSize(50L);
        b.setAfterProcessing(after);
        b.setMoveToFolder("已归档 Filed");
        return b;
    }

    @Test
    public void passwordsWithParenthesesAndAmpersandsStayLiteral() {
        String uri = MailScanner.uri(box("imap", "ssl", Mailbox.MARK_SEEN), "INBOX", "p(a)ss&word=1");
        assertTrue(uri, uri.startsWith("imaps://imap.example.cn:993?"));
        assertTrue(uri, uri.contains("&password=RAW{p(a)ss&word=1}&"));
        assertTrue(uri, uri.contains("&fetchSize=50&"));
        assertTrue(uri, uri.contains("&delay=60000&"));
        assertTrue(uri, uri.contains("username=%E9%94%80%E5%94%AE%20sales%40example.cn"));
        assertEquals("RAW(plain)", org.atriumcrm.integration.api.CamelContexts.raw("plain"));
    }

    @Test
    public void starttlsAndMove() {
        String uri = MailScanner.uri(box("imap", "starttls", Mailbox.MOVE), "INBOX", "x");
        assertTrue(uri, uri.startsWith("imap://"));
        assertTrue(uri, uri.contains("&mail.imap.starttls.enable=true&mail.imap.starttls.required=true"));
        assertTrue(uri, uri.contains("&moveTo=%E5%B7%B2%E5%BD%92%E6%A1%A3%20Filed"));
        assertTrue(MailScanner.uri(box("pop3", "starttls", Mailbox.LEAVE), "INBOX", "x").contains("&mail.pop3.starttls.enable=true"));
    }

    /** POP3 shows a session only the mail present at its login: each poll its own session. IMAP keeps its folder. */
    @Test
    public void pop3ClosesItsFolderAfterEachPollImapKeepsIt() {
        assertTrue(MailScanner.uri(box("pop3", "none", Mailbox.MARK_SEEN), "INBOX", "x").contains("&closeFolder=true&"));
        assertTrue(MailScanner.uri(box("pop3", "ssl", Mailbox.MARK_SEEN), "INBOX", "x").contains("&closeFolder=true&"));
        assertTrue(MailScanner.uri(box("imap", "ssl", Mailbox.LEAVE), "INBOX", "x").contains("&closeFolder=false&"));
    }

    /** A server that accepts and never answers must not hold a poll for ever: connect and read timeouts per protocol. */
    @Test
    public void connectAndReadTimeoutsForEveryProtocol() {
        String imaps = MailScanner.uri(box("imap", "ssl", Mailbox.MARK_SEEN), "INBOX", "x");
        assertTrue(imaps, imaps.contains("&mail.imaps.connectiontimeout=" + MailScanner.TIMEOUT_MILLIS));
        assertTrue(imaps, imaps.contains("&mail.imaps.timeout=" + MailScanner.TIMEOUT_MILLIS));
        String pop3 = MailScanner.uri(box("pop3", "starttls", Mailbox.MARK_SEEN), "INBOX", "x");
        assertTrue(pop3, pop3.contains("&mail.pop3.connectiontimeout=" + MailScanner.TIMEOUT_MILLIS));
        assertTrue(pop3, pop3.contains("&mail.pop3.timeout=" + MailScanner.TIMEOUT_MILLIS));
    }

    /** Moved messages are expunged after the poll (IMAP), or clients keep listing them in the scanned folder. */
    @Test
    public void moveExpungesTheScannedFolder() {
        assertTrue(MailScanner.uri(box("imap", "ssl", Mailbox.MOVE), "INBOX", "x").contains("&postProcessAction=#" + MailScanner.EXPUNGE));
        assertTrue(!MailScanner.uri(box("imap", "ssl", Mailbox.MARK_SEEN), "INBOX", "x").contains("postProcessAction"));
    }
}
