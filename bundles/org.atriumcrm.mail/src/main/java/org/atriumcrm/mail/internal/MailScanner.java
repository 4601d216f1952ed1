package org.atriumcrm.mail.internal;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import javax.mail.Flags;
import javax.mail.Folder;
import javax.mail.Message;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mail.MailBoxPostProcessAction;
import org.apache.camel.spi.IdempotentRepository;
import org.atriumcrm.api.event.DomainEvents;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.integration.api.CamelContexts;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mail scanner (邮件扫描器): one Camel route per mailbox folder, added, replaced or removed at runtime as
 * mailboxes are created, changed or deleted — nothing restarts. An IMAP folder's route is a scheduler route whose
 * {@link ImapReader} reads only the messages above the folder's last handled UID (every message, not only unread
 * ones: people read the shared mailbox too); a POP3 mailbox's route is made from the route template {@code mailbox}
 * and polls with camel-mail (POP3 has no UIDs to resume from), skipping what was filed before through the persisted
 * receipts. Both file with {@link MailFiler}, whose receipt — the platform's inbound receipt — is written in the
 * filing transaction. A message the filer cannot file ends in the dead-letter store; only when even that cannot be
 * written (the database is down) does the poll stop, leaving the message as it was for the next poll: nothing is lost.
 */
@Component(immediate = true, property = EventConstants.EVENT_TOPIC + "=" + DomainEvents.TOPIC_PREFIX + "Mailbox/*")
public class MailScanner implements EventHandler {
    private static final Logger LOG = LoggerFactory.getLogger(MailScanner.class);
    static final String MAILBOX_HEADER = "AtriumMailboxId";
    static final String KEY_HEADER = "AtriumMessageKey";
    /** Connect and read timeout of every mail server conversation (scans and the connection test). */
    static final int TIMEOUT_MILLIS = 10_000;
    static final long ROUTE_STOP_SECONDS = 3;
    static final String EXPUNGE = "atriumExpunge";

    private final MailboxStore boxes;
    private final EmailStore emails;
    private final MailFiler filer;
    private final CamelContext camel;
    private final Map<String, List<String>> routesByMailbox = new ConcurrentHashMap<>();
    private final Map<String, Tally> tallies = new ConcurrentHashMap<>();
    private final Map<String, ImapPoll> polls = new ConcurrentHashMap<>();
    /**
     * Routes are added, replaced and removed here, one change after the other, never on EventAdmin's thread: stopping
     * a route waits for its poll, and EventAdmin blacklists a handler that takes seconds — the scanner would then
     * stop hearing mailbox changes until the module restarts.
     */
    private final ExecutorService changes;
    private final java.util.concurrent.ScheduledExecutorService unreader = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "atrium-mail-scanner-unread");
        t.setDaemon(true);
        return t;
    });

    /** Messages handled and dead-lettered since the mailbox's record was last updated. */
    private static final class Tally {
        final java.util.concurrent.atomic.AtomicInteger messages = new java.util.concurrent.atomic.AtomicInteger();
        final java.util.concurrent.atomic.AtomicInteger dead = new java.util.concurrent.atomic.AtomicInteger();
    }

    private void flush(String mailboxId, Tally tally) {
        tally.messages.set(0);
        int dead = tally.dead.getAndSet(0);
        boxes.scanned(mailboxId, dead > 0 ? dead + " message(s) went to the dead-letter store" : null);
    }

    @Activate
    public MailScanner(BundleContext context, @Reference MailboxStore boxes, @Reference EmailStore emails, @Reference MailFiler filer,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + MailTypes.MODULE + ")") ModuleGate gate) throws Exception {
        this.boxes = boxes;
        this.emails = emails;
        this.filer = filer;
        this.camel = CamelContexts.newOsgiContext(context, "atrium-mail-scanner");
        // camel-mail runs its producer and consumer with the context's application class loader as the thread's context
        // class loader, and Jakarta Mail finds its content handlers (META-INF/mailcap) through that: it must be the mail
        // bundle's, or every multipart (text + HTML, attachments) fails with UnsupportedDataTypeException
        camel.setApplicationContextClassLoader(javax.mail.Session.class.getClassLoader());
        camel.start(); // before any route is added: routes added before start() never run
        camel.getRegistry().bind("atriumReceipts", receipts());
        camel.getRegistry().bind(EXPUNGE, (MailBoxPostProcessAction) MailScanner::expungeMoved);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                routeTemplate("mailbox").templateParameter("uri").templateParameter("mailboxId")
                        .from("{{uri}}")
                        .setHeader(MAILBOX_HEADER, constant("{{mailboxId}}"))
                        .process(MailScanner.this::readRaw)
                        .idempotentConsumer(header(KEY_HEADER)).idempotentRepository("atriumReceipts").skipDuplicate(true).eager(true)
                        .process(MailScanner.this::file);
            }
        });
        changes = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "atrium-mail-scanner-changes");
            t.setDaemon(true);
            return t;
        });
        changes.execute(() -> {
            try {
                int copied = emails.copyLegacyReceipts();
                if (copied > 0) {
                    LOG.info("mail scanner: {} receipts of an earlier version copied into the platform's inbound receipts", copied);
                }
            } catch (RuntimeException e) {
                // not copied: the scanner must not start, or it would file again what the old receipts list
                LOG.error("mail scanner not started: the earlier receipts could not be copied: {}", MailFiler.rootMessage(e));
                return;
            }
            for (Mailbox box : boxes.active()) {
                apply(box.getId());
            }
        });
    }

    @Deactivate
    void stop() throws InterruptedException {
        changes.shutdownNow();
        changes.awaitTermination(ROUTE_STOP_SECONDS + 5, TimeUnit.SECONDS);
        unreader.shutdown();
        polls.values().forEach(poll -> poll.stopping = true);
        camel.stop(); // lets the messages in flight finish, then the mailboxes' counts are brought up to date
        polls.values().forEach(poll -> poll.reader.close());
        polls.clear();
        tallies.forEach((id, tally) -> {
            if (tally.messages.get() > 0) {
                try {
                    flush(id, tally);
                } catch (RuntimeException e) {
                    LOG.debug("mailbox {} not updated on stop: {}", id, e.getMessage());
                }
            }
        });
    }

    @Override
    public void handleEvent(Event event) {
        String id = (String) event.getProperty(DomainEvents.ID);
        if (id == null) {
            return;
        }
        try {
            changes.execute(() -> apply(id));
        } catch (RejectedExecutionException deactivating) {
            LOG.debug("mailbox {} changed while the scanner stops: its next start reads it", id);
        }
    }

    /** Brings a mailbox's routes in line with its record as it is now (a later change is applied after this one). */
    private void apply(String id) {
        try {
            stopRoutes(id);
            Mailbox box = boxes.box(id);
            if (box != null && !box.isDeleted() && box.isActive()) {
                start(box);
            }
        } catch (Exception e) {
            LOG.warn("mailbox {} could not be (re)started: {}", id, MailFiler.rootMessage(e));
            try {
                boxes.scanned(id, "the scanner could not start: " + MailFiler.rootMessage(e));
            } catch (RuntimeException notRecorded) {
                LOG.debug("mailbox {}: problem not recorded: {}", id, notRecorded.getMessage());
            }
        }
    }

    /** Routes currently scanning, by mailbox id (for the admin API and tests). */
    Map<String, List<String>> routes() {
        return Map.copyOf(routesByMailbox);
    }

    static String repositoryName(String mailboxId) {
        return "atriumReceipts-" + mailboxId;
    }

    private synchronized void start(Mailbox box) throws Exception {
        camel.getRegistry().bind(repositoryName(box.getId()), receipts(box.getId()));
        List<String> ids = new ArrayList<>();
        int i = 0;
        for (String folder : box.getFolders().split(",")) {
            if (folder.isBlank()) {
                continue;
            }
            String routeId = "mailbox-" + box.getId() + "-" + i++;
            if (box.isPop3()) {
                camel.addRouteFromTemplate(routeId, "mailbox", Map.of("uri", uri(box, folder.strip(), boxes.password(box)), "mailboxId", box.getId()));
            } else {
                ImapPoll poll = new ImapPoll(box, folder.strip(), boxes.password(box));
                polls.put(routeId, poll);
                camel.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        // a scheduler per route (named after it): one mailbox's slow server never delays another's poll
                        from("scheduler:" + routeId + "?initialDelay=500&useFixedDelay=true&delay=" + Math.max(5, box.getPollSeconds()) * 1000)
                                .routeId(routeId).process(exchange -> poll.run());
                    }
                });
            }
            ids.add(routeId);
        }
        routesByMailbox.put(box.getId(), ids);
        LOG.info("mail scanner reads {} ({}://{}:{}, folders {}) every {} s", box.getName(), box.getProtocol(), box.getHost(), box.getPort(),
                box.getFolders(), box.getPollSeconds());
    }

    private synchronized void stopRoutes(String mailboxId) throws Exception {
        List<String> ids = routesByMailbox.remove(mailboxId);
        if (ids != null) {
            for (String routeId : ids) {
                ImapPoll poll = polls.remove(routeId);
                if (poll != null) {
                    poll.stopping = true; // a poll in the middle of a large folder ends after its current message
                }
                // a poll hung on a server that never answers would hold a graceful stop for as long as its read
                // timeout: after ROUTE_STOP_SECONDS the route is stopped anyway (its poll ends with the timeout)
                camel.getRouteController().stopRoute(routeId, ROUTE_STOP_SECONDS, TimeUnit.SECONDS);
                camel.removeRoute(routeId);
                if (poll != null) {
                    poll.reader.close();
                }
            }
        }
        camel.getRegistry().unbind(repositoryName(mailboxId));
    }

    /**
     * One IMAP folder's poll: the incremental {@link ImapReader} with its connection kept open between polls, filing
     * through the same {@link MailFiler} (receipts in the filing transaction) and keeping the folder's read position
     * in the platform's inbound cursors.
     */
    final class ImapPoll implements ImapReader.Sink {
        final ImapReader reader;
        final String mailboxId;
        final String cursorKey;
        volatile boolean stopping;
        private Mailbox box;
        private boolean failing;

        ImapPoll(Mailbox box, String folder, String password) {
            this.reader = new ImapReader(box, folder, password);
            this.mailboxId = box.getId();
            this.cursorKey = "mail/" + box.getId() + "/" + folder;
        }

        void run() {
            if (stopping) {
                return;
            }
            box = boxes.box(mailboxId);
            if (box == null || box.isDeleted()) {
                return; // deleted while the route was being stopped
            }
            Tally tally = tallies.computeIfAbsent(mailboxId, k -> new Tally());
            try {
                reader.poll(this, () -> stopping, () -> flush(mailboxId, tally));
                if (failing) {
                    failing = false;
                    flush(mailboxId, tally); // the folder reads again: the last problem is cleared
                }
            } catch (Exception e) {
                if (stopping) {
                    return;
                }
                failing = true;
                LOG.warn("mailbox {} ({}) could not be read: {}", box.getName(), reader, MailFiler.rootMessage(e));
                try {
                    boxes.scanned(mailboxId, "could not read " + cursorKey.substring(cursorKey.lastIndexOf('/') + 1) + ": " + MailFiler.rootMessage(e));
                } catch (RuntimeException notRecorded) {
                    LOG.debug("mailbox {}: problem not recorded: {}", mailboxId, notRecorded.getMessage());
                }
            }
        }

        @Override
        public String position() {
            return emails.position(cursorKey);
        }

        @Override
        public void position(String position) {
            emails.position(cursorKey, position);
        }

        @Override
        public boolean received(String key) {
            return emails.received(mailboxId, key);
        }

        @Override
        public void file(byte[] raw, InboundMessage parsed) {
            MailFiler.Outcome outcome = filer.file(box, raw, parsed);
            Tally tally = tallies.computeIfAbsent(mailboxId, k -> new Tally());
            tally.messages.incrementAndGet();
            if (outcome == MailFiler.Outcome.DEAD) {
                tally.dead.incrementAndGet();
            }
        }
    }

    /** The Jakarta Mail / camel-mail protocol: imaps or pop3s when the mailbox uses TLS from the start. */
    static String protocol(Mailbox box) {
        String scheme = box.getProtocol();
        return "ssl".equals(box.getSecurity()) && !scheme.endsWith("s") ? scheme + "s" : scheme;
    }

    static String uri(Mailbox box, String folder, String password) {
        StringBuilder uri = new StringBuilder(protocol(box)).append("://").append(box.getHost()).append(':').append(box.getPort())
                .append("?username=").append(enc(box.getUserName()))
                .append("&password=").append(CamelContexts.raw(password))
                .append("&folderName=").append(enc(folder))
                // every message of the folder, read without marking it: the receipts decide what is new
                .append("&unseen=false&peek=true&delete=false&mapMailMessage=false")
                // the receipts are also the endpoint's idempotent repository: camel-mail consults it BEFORE it caps a
                // poll at fetchSize, so filed messages never fill the batch (without it, a folder read with unseen=false
                // never got past its first fetchSize messages)
                .append("&idempotentRepository=#").append(repositoryName(box.getId())).append("&idempotentRepositoryRemoveOnCommit=false")
                .append("&fetchSize=").append(box.getBatchSize() == null ? 200 : box.getBatchSize())
                .append("&connectionTimeout=").append(TIMEOUT_MILLIS)
                // POP3 shows a session only the messages there at its login: each poll must be a session of its own.
                // IMAP keeps its folder open between polls (and for leave's un-flagging just after a poll)
                .append("&closeFolder=").append(box.isPop3())
                .append("&delay=").append(Math.max(5, box.getPollSeconds()) * 1000).append("&initialDelay=500");
        javaMailTimeouts(protocol(box)).forEach((key, value) -> uri.append('&').append(key).append('=').append(value));
        if ("starttls".equals(box.getSecurity())) {
            String p = box.isPop3() ? "pop3" : "imap";
            uri.append("&mail.").append(p).append(".starttls.enable=true&mail.").append(p).append(".starttls.required=true");
        }
        if (Mailbox.MOVE.equals(box.getAfterProcessing()) && box.getMoveToFolder() != null) {
            uri.append("&moveTo=").append(enc(box.getMoveToFolder()));
            if (!box.isPop3()) {
                uri.append("&postProcessAction=#").append(EXPUNGE);
            }
        }
        return uri.toString();
    }

    /**
     * Jakarta Mail waits forever by default: a server that accepts the connection and never answers would hold a
     * poll (and the connection test) for good.
     */
    static Map<String, String> javaMailTimeouts(String protocol) {
        return Map.of("mail." + protocol + ".connectiontimeout", String.valueOf(TIMEOUT_MILLIS), "mail." + protocol + ".timeout",
                String.valueOf(TIMEOUT_MILLIS));
    }

    /**
     * After a poll that moved messages: camel-mail moves by copy and {@code \Deleted}, and with the folder kept open
     * nothing expunges them, so mail clients still list them in the scanned folder. Only mailboxes set to move
     * get this hook; the folder's {@code \Deleted} messages are the ones it moved (and any a client deleted, which
     * the client would expunge anyway).
     */
    private static void expungeMoved(Folder folder) throws Exception {
        if (folder != null && folder.isOpen() && folder.getMode() == Folder.READ_WRITE) {
            folder.expunge();
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The raw RFC 822 bytes (kept for the dead-letter store) and the filing key for the idempotent consumer. */
    private void readRaw(Exchange exchange) throws Exception {
        Message message = exchange.getIn().getBody(Message.class);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        byte[] raw = out.toByteArray();
        InboundMessage parsed = MailFiler.tryParse(raw); // decoded once, here: the key and the filing both use it
        exchange.getIn().setBody(raw);
        exchange.setProperty("atriumMailMessage", message);
        exchange.setProperty("atriumInbound", parsed);
        exchange.getIn().setHeader(KEY_HEADER, exchange.getIn().getHeader(MAILBOX_HEADER) + "|" + MailFiler.keyOf(raw, parsed));
    }

    private void file(Exchange exchange) {
        String mailboxId = exchange.getIn().getHeader(MAILBOX_HEADER, String.class);
        Mailbox box = boxes.box(mailboxId);
        if (box == null) {
            return; // deleted while its last poll ran
        }
        MailFiler.Outcome outcome = filer.file(box, exchange.getIn().getBody(byte[].class), exchange.getProperty("atriumInbound", InboundMessage.class));
        Tally tally = tallies.computeIfAbsent(mailboxId, k -> new Tally());
        int since = tally.messages.incrementAndGet();
        if (outcome == MailFiler.Outcome.DEAD) {
            tally.dead.incrementAndGet();
        }
        // the mailbox's bookkeeping once per poll (camel-mail marks its last message) or every 50 messages, not per message
        if (Boolean.TRUE.equals(exchange.getProperty(Exchange.BATCH_COMPLETE, Boolean.class)) || since >= 50) {
            flush(mailboxId, tally);
        }
        if (Mailbox.LEAVE.equals(box.getAfterProcessing())) {
            Message message = exchange.getProperty("atriumMailMessage", Message.class);
            // camel-mail flags every processed message SEEN right after the route returns (it has no option to leave
            // it): the flag is taken back a moment later, on the still open folder
            unreader.schedule(() -> {
                try {
                    message.setFlag(Flags.Flag.SEEN, false);
                } catch (Exception e) {
                    LOG.debug("could not leave a message of {} unread: {}", box.getName(), e.getMessage());
                }
            }, 1500, java.util.concurrent.TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Camel's idempotent consumer over the receipts table. The receipt itself is written by the filing transaction
     * (or with the dead letter), never here: a crash between filing and a separate "confirm" can then not cause a
     * second filing. {@code add} only reports whether the key is new.
     */
    private IdempotentRepository receipts() {
        return receipts(null);
    }

    /**
     * For one mailbox (camel-mail's own check, keyed by the Message-ID header as camel-mail reads it) or, with a null
     * mailbox, for the route (keys "mailbox|key" as {@link #readRaw} makes them, also for messages without Message-ID).
     */
    private IdempotentRepository receipts(String mailboxId) {
        return new IdempotentRepository() {
            private final java.util.Set<String> inFlight = ConcurrentHashMap.newKeySet();

            private boolean filed(String key) {
                if (mailboxId != null) {
                    java.util.regex.Matcher id = java.util.regex.Pattern.compile("<[^<>\\s]+>").matcher(key);
                    return id.find() && emails.received(mailboxId, id.group());
                }
                int bar = key.indexOf('|');
                return emails.received(key.substring(0, bar), key.substring(bar + 1));
            }

            @Override
            public boolean add(String key) {
                return !filed(key) && inFlight.add(key);
            }

            @Override
            public boolean contains(String key) {
                return inFlight.contains(key) || filed(key);
            }

            @Override
            public boolean remove(String key) {
                return inFlight.remove(key);
            }

            @Override
            public boolean confirm(String key) {
                return inFlight.remove(key);
            }

            @Override
            public void clear() {
                inFlight.clear();
            }

            @Override
            public void start() {
            }

            @Override
            public void stop() {
            }
        };
    }
}
