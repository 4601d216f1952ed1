package org.atriumcrm.mail.internal;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.mail.FetchProfile;
import javax.mail.Flags;
import javax.mail.Folder;
import javax.mail.Message;
import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.Store;
import javax.mail.UIDFolder;
import javax.mail.internet.MimeMessage;

/**
 * Reads one IMAP folder incrementally with Jakarta Mail: only the messages whose UID is above the last one handled,
 * as long as the folder's UIDVALIDITY is the one that UID belongs to (a changed UIDVALIDITY means the server
 * renumbered the folder: it is read again from the start, and the receipts decide what is new).
 * <p>
 * Why not camel-mail: its consumer has no notion of UIDs. Every poll it searches the folder, fetches the Message-ID
 * of every message for its idempotent repository, then per message the flags, every header, the body in 16 KB pieces
 * and finally a {@code \Seen} store — five or more round trips per message, and the whole folder's Message-IDs again
 * on every poll. Here a poll is: one UID FETCH of the new range (envelope, flags, UID for a batch at once), one body
 * fetch per message not already filed (the envelope's Message-ID is checked against the receipts first), and one
 * STORE/COPY for the batch's after-processing. The Camel route stays (a scheduler route per folder) so the scanner
 * is listed and controlled with every other route.
 * <p>
 * Exactly-once is unchanged: the receipt is written in the filing transaction; the read position only moves on after
 * a batch's messages were handled, so a crash in between re-reads a few of them and their receipts skip them.
 */
final class ImapReader implements AutoCloseable {
    /** Where filed messages go and what the read position is; the scanner's side (receipts, filing, cursor). */
    interface Sink {
        String position();

        void position(String position);

        /** True when a message with this filing key was filed (or dead-lettered) before. */
        boolean received(String key);

        /** Files a message (or dead-letters it, or finds it filed meanwhile); an exception stops the batch. */
        void file(byte[] raw, InboundMessage parsed) throws Exception;
    }

    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");

    private final String protocol;
    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final String folderName;
    private final String afterProcessing;
    private final String moveTo;
    private final int batchSize;
    private final Properties properties = new Properties();
    private Store store;
    private Folder folder;
    /** Bodies downloaded since this reader was made (what the tests count). */
    private long bodies;

    ImapReader(Mailbox box, String folderName, String password) {
        this.protocol = MailScanner.protocol(box);
        this.host = box.getHost();
        this.port = box.getPort().intValue();
        this.user = box.getUserName();
        this.password = password;
        this.folderName = folderName;
        this.afterProcessing = box.getAfterProcessing() == null ? Mailbox.MARK_SEEN : box.getAfterProcessing();
        this.moveTo = Mailbox.MOVE.equals(afterProcessing) ? box.getMoveToFolder() : null;
        this.batchSize = box.getBatchSize() == null ? 200 : box.getBatchSize().intValue();
        properties.putAll(MailScanner.javaMailTimeouts(protocol));
        // read without setting \Seen (the after-processing decides), and each body in ONE fetch instead of 16 KB pieces
        properties.setProperty("mail." + protocol + ".peek", "true");
        properties.setProperty("mail." + protocol + ".partialfetch", "false");
        if ("starttls".equals(box.getSecurity())) {
            properties.setProperty("mail.imap.starttls.enable", "true");
            properties.setProperty("mail.imap.starttls.required", "true");
        }
    }

    long bodiesFetched() {
        return bodies;
    }

    /**
     * One poll: every new message, in batches, until none is left or {@code stopping} says so. Returns the number of
     * messages handled (filed, dead-lettered or recognised as filed).
     */
    int poll(Sink sink, BooleanSupplier stopping, Runnable afterBatch) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // Jakarta Mail finds its protocol providers and content handlers through the context class loader
        thread.setContextClassLoader(Session.class.getClassLoader());
        try {
            open();
            UIDFolder uids = (UIDFolder) folder;
            long validity = uids.getUIDValidity();
            long last = lastUid(sink.position(), validity);
            // read from the start (a new mailbox, another UIDVALIDITY): most messages may be filed already, so their
            // receipts are asked for before a body is downloaded. Above a known last UID the messages are new — but
            // for the few a crash re-reads, which the filer's own receipt check recognises — and that question is
            // one transaction per message saved
            boolean rescan = last == 0;
            int handled = 0;
            while (!stopping.getAsBoolean()) {
                // a NOOP: the server reports mail that arrived since the last poll (EXISTS); without it the folder kept
                // open between polls knows only the messages of its first poll
                if (folder.getMessageCount() == 0) {
                    break;
                }
                // "UID FETCH n:*" answers with the highest message even when its UID is below n: filtered below
                Message[] candidates = uids.getMessagesByUID(last + 1, UIDFolder.LASTUID);
                List<Message> fresh = new ArrayList<>();
                for (Message m : candidates) {
                    if (m != null && !m.isExpunged() && fresh.size() < batchSize) {
                        fresh.add(m);
                    }
                }
                Message[] batch = fresh.toArray(Message[]::new);
                FetchProfile profile = new FetchProfile();
                profile.add(FetchProfile.Item.ENVELOPE);
                profile.add(FetchProfile.Item.FLAGS);
                profile.add(UIDFolder.FetchProfileItem.UID);
                folder.fetch(batch, profile);
                List<Message> done = new ArrayList<>();
                long reached = last;
                for (Message m : batch) {
                    long uid = uids.getUID(m);
                    if (uid <= last) {
                        continue;
                    }
                    if (stopping.getAsBoolean()) {
                        break;
                    }
                    String key = envelopeKey(m);
                    if (key == null || !rescan || !sink.received(key)) {
                        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(1024, m.getSize()));
                        m.writeTo(out);
                        bodies++;
                        byte[] raw = out.toByteArray();
                        sink.file(raw, MailFiler.tryParse(raw));
                    }
                    done.add(m);
                    reached = uid;
                }
                if (done.isEmpty()) {
                    break;
                }
                afterProcessing(done.toArray(Message[]::new));
                sink.position(validity + ":" + reached);
                handled += done.size();
                last = reached;
                afterBatch.run();
            }
            return handled;
        } catch (Exception e) {
            close(); // reconnect on the next poll: the folder or the connection may be gone
            throw e;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** The last UID handled, or 0 when there is none or it belongs to another UIDVALIDITY (the folder is read again). */
    static long lastUid(String position, long validity) {
        if (position == null) {
            return 0;
        }
        int colon = position.indexOf(':');
        try {
            if (colon > 0 && Long.parseLong(position.substring(0, colon)) == validity) {
                return Long.parseLong(position.substring(colon + 1));
            }
        } catch (NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    /** The key {@link InboundMessage} gives a message, as far as the envelope tells it (null: the body decides). */
    private static String envelopeKey(Message m) throws MessagingException {
        // IMAPMessage answers getMessageID from the envelope fetched for the batch (getHeader would cost a round trip)
        String raw = ((MimeMessage) m).getMessageID();
        if (raw == null) {
            return null;
        }
        Matcher id = MESSAGE_ID.matcher(raw);
        return id.find() ? id.group() : null;
    }

    private void afterProcessing(Message[] done) throws MessagingException {
        switch (afterProcessing) {
            case Mailbox.LEAVE -> { }
            case Mailbox.MOVE -> {
                if (moveTo == null) {
                    folder.setFlags(done, new Flags(Flags.Flag.SEEN), true);
                    return;
                }
                Folder target = store.getFolder(moveTo);
                if (!target.exists()) {
                    target.create(Folder.HOLDS_MESSAGES);
                }
                folder.copyMessages(done, target);
                folder.setFlags(done, new Flags(Flags.Flag.DELETED), true);
                // with the folder kept open nothing else expunges: clients would still list the moved messages
                folder.expunge();
            }
            default -> folder.setFlags(done, new Flags(Flags.Flag.SEEN), true);
        }
    }

    private void open() throws MessagingException {
        if (store == null || !store.isConnected()) {
            close();
            store = Session.getInstance(properties).getStore(protocol);
            store.connect(host, port, user, password);
        }
        if (folder == null || !folder.isOpen()) {
            folder = store.getFolder(folderName);
            // leave never changes the folder: read-only. The others flag, copy and expunge
            folder.open(Mailbox.LEAVE.equals(afterProcessing) ? Folder.READ_ONLY : Folder.READ_WRITE);
        }
    }

    @Override
    public void close() {
        try {
            if (folder != null && folder.isOpen()) {
                folder.close(false);
            }
        } catch (Exception e) {
            // the connection is gone already
        }
        try {
            if (store != null) {
                store.close();
            }
        } catch (Exception e) {
            // the connection is gone already
        }
        folder = null;
        store = null;
    }

    @Override
    public String toString() {
        return protocol + "://" + host + ":" + port + "/" + folderName + " " + Arrays.asList(afterProcessing);
    }
}
