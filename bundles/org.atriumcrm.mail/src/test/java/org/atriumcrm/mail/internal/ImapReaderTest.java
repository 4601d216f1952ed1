package org.atriumcrm.mail.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import javax.mail.Flags;
import javax.mail.Session;
import javax.mail.internet.MimeMessage;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The IMAP scanner reads incrementally against a real IMAP server (GreenMail): a second poll of a folder whose
 * messages were all filed downloads none of them, new mail is read alone, and a changed UIDVALIDITY reads the
 * folder again with the receipts deciding — nothing filed twice, no body downloaded for what was filed.
 */
public class ImapReaderTest {
    private GreenMail imap;
    private GreenMailUser user;
    private int port;

    /** The scanner's side in memory: receipts, filed messages in order, the read position. */
    static final class Sink implements ImapReader.Sink {
        final Set<String> receipts = new LinkedHashSet<>();
        final List<String> filed = new ArrayList<>();
        String position;

        @Override
        public String position() {
            return position;
        }

        @Override
        public void position(String position) {
            this.position = position;
        }

        @Override
        public boolean received(String key) {
            return receipts.contains(key);
        }

        @Override
        public void file(byte[] raw, InboundMessage parsed) {
            if (receipts.add(parsed.key)) {
                filed.add(parsed.subject);
            }
        }
    }

    @Before
    public void start() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        imap = new GreenMail(new ServerSetup(port, "localhost", ServerSetup.PROTOCOL_IMAP));
        imap.start();
        user = imap.setUser("sales@atrium.test", "sales", "Imap-Secret-1");
    }

    @After
    public void stop() {
        imap.stop();
    }

    private void deliver(int i) throws Exception {
        String raw = "Message-ID: <m" + i + "@example.cn>\r\nFrom: customer" + i + "@example.cn\r\nTo: sales@atrium.test\r\nSubject: order " + i
                + "\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n第 " + i + " 封\r\n";
        user.deliver(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8))));
    }

    private Mailbox box(String after, long batch) {
        Mailbox b = new Mailbox();
        b.setProtocol(Mailbox.IMAP);
        b.setSecurity("none");
        b.setHost("localhost");
        b.setPort((long) port);
        b.setUserName("sales");
        b.setPollSeconds(5L);
        b.setBatchSize(batch);
        b.setAfterProcessing(after);
        return b;
    }

    @Test
    public void aSecondPollOfAFiledFolderDownloadsNothingAndNewMailIsReadAlone() throws Exception {
        for (int i = 0; i < 30; i++) {
            deliver(i);
        }
        Sink sink = new Sink();
        int[] batches = {0};
        try (ImapReader reader = new ImapReader(box(Mailbox.LEAVE, 8), "INBOX", "Imap-Secret-1")) {
            assertEquals(30, reader.poll(sink, () -> false, () -> batches[0]++));
            assertEquals(30, sink.filed.size());
            assertEquals("in UID order", "order 0", sink.filed.get(0));
            assertEquals("read 8 at a time", 4, batches[0]);
            assertEquals(30, reader.bodiesFetched());

            assertEquals("nothing new", 0, reader.poll(sink, () -> false, () -> { }));
            assertEquals("a filed folder is not read again", 30, reader.bodiesFetched());

            deliver(30);
            deliver(31);
            Thread.sleep(1100); // polls are 5 s apart at least: Jakarta Mail sends its NOOP at most once a second
            assertEquals(2, reader.poll(sink, () -> false, () -> { }));
            assertEquals(List.of("order 30", "order 31"), sink.filed.subList(30, 32));
            assertEquals("only the new messages' bodies", 32, reader.bodiesFetched());
        }
        // a new connection (a restart) resumes from the stored position, not from the start of the folder
        try (ImapReader reader = new ImapReader(box(Mailbox.LEAVE, 8), "INBOX", "Imap-Secret-1")) {
            assertEquals(0, reader.poll(sink, () -> false, () -> { }));
            assertEquals(0, reader.bodiesFetched());
        }
        assertFalse("leave keeps mail unread", imap.getManagers().getImapHostManager().getInbox(user).getMessages().get(0).isSet(Flags.Flag.SEEN));
    }

    @Test
    public void aChangedUidValidityReadsTheFolderAgainAndTheReceiptsDecide() throws Exception {
        for (int i = 0; i < 5; i++) {
            deliver(i);
        }
        Sink sink = new Sink();
        try (ImapReader reader = new ImapReader(box(Mailbox.MARK_SEEN, 200), "INBOX", "Imap-Secret-1")) {
            assertEquals(5, reader.poll(sink, () -> false, () -> { }));
        }
        String[] position = sink.position.split(":");
        long validity = Long.parseLong(position[0]);
        assertEquals("the last UID handled", "5", position[1]);
        // the server renumbered the folder (another UIDVALIDITY): every UID may now name another message
        sink.position = (validity + 1) + ":" + position[1];
        deliver(5);
        try (ImapReader reader = new ImapReader(box(Mailbox.MARK_SEEN, 200), "INBOX", "Imap-Secret-1")) {
            assertEquals("the whole folder is looked at again", 6, reader.poll(sink, () -> false, () -> { }));
            assertEquals("only the message without a receipt is downloaded", 1, reader.bodiesFetched());
        }
        assertEquals("nothing filed twice", 6, sink.filed.size());
        assertTrue(sink.position, sink.position.startsWith(validity + ":"));
        assertTrue("mark-seen flags what was filed", imap.getManagers().getImapHostManager().getInbox(user).getMessages().stream()
                .allMatch(m -> m.isSet(Flags.Flag.SEEN)));
    }

    @Test
    public void aPollThatIsToldToStopEndsAfterItsCurrentMessage() throws Exception {
        for (int i = 0; i < 10; i++) {
            deliver(i);
        }
        Sink sink = new Sink();
        try (ImapReader reader = new ImapReader(box(Mailbox.MARK_SEEN, 200), "INBOX", "Imap-Secret-1")) {
            assertEquals(3, reader.poll(sink, () -> sink.filed.size() >= 3, () -> { }));
            assertTrue(sink.position, sink.position.endsWith(":3"));
            assertEquals("the rest on the next poll", 7, reader.poll(sink, () -> false, () -> { }));
        }
        assertEquals(10, sink.filed.size());
    }
}
