package org.atriumcrm.mail.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.integration.api.InboundReceipt;
import org.atriumcrm.integration.api.InboundReceipts;
import org.atriumcrm.integration.api.outbox.BackOff;
import org.atriumcrm.integration.api.outbox.OutboxEntries;
import org.atriumcrm.persistence.api.JpaRecordStore;
import org.atriumcrm.persistence.api.RecordIds;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.EventAdmin;

/**
 * Emails, and the company outbox in the same persistence unit: an email to send is written together with its
 * outbox entry in one transaction, so an email the API accepted is never lost, whatever the mail server does.
 */
@Component(service = {RecordStore.class, EmailStore.class}, property = RecordStore.ENTITY_PROPERTY + "=Email")
public class EmailStore extends JpaRecordStore<Email> {
    private static final ThreadLocal<String> QUEUE_FROM = new ThreadLocal<>();
    private static final ThreadLocal<List<org.atriumcrm.mail.api.OutboundMail.Attachment>> QUEUE_ATTACHMENTS = new ThreadLocal<>();

    @Activate
    public EmailStore(@Reference(target = "(osgi.unit.name=atrium.mail)") JpaTemplate jpa, @Reference EventAdmin events,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + MailTypes.MODULE + ")") ModuleGate gate) {
        super(MailTypes.EMAIL, jpa, events, MailTypes.ALL);
    }

    /** An outbound email for the outbox: the email and its outbox entry in one transaction. */
    Email queue(Map<String, Object> values, String from, Caller caller) {
        return queue(values, from, List.of(), caller);
    }

    /** As {@link #queue(Map, String, Caller)}, with files attached: written in the email's transaction. */
    Email queue(Map<String, Object> values, String from, List<org.atriumcrm.mail.api.OutboundMail.Attachment> attachments, Caller caller) {
        QUEUE_FROM.set(from);
        QUEUE_ATTACHMENTS.set(attachments);
        try {
            return create(values, caller);
        } finally {
            QUEUE_FROM.remove();
            QUEUE_ATTACHMENTS.remove();
        }
    }

    /** The files sent with an outbound email, with their content, in the order they were given. */
    List<EmailAttachment> outgoingAttachments(String emailId) {
        return tx(em -> {
            List<EmailAttachment> all = em.createQuery("SELECT a FROM EmailAttachment a WHERE a.emailId = :e ORDER BY a.id",
                    EmailAttachment.class).setParameter("e", emailId).getResultList();
            all.forEach(EmailAttachment::getContent); // lazy: read inside the transaction
            return all;
        });
    }

    @Override
    protected void beforeCreate(EntityManager em, Email email, Caller caller) {
        // queued or logged by hand, the email belongs in its records' correspondence history like received mail
        EmailLink.persistFor(em, email);
        String from = QUEUE_FROM.get();
        if (from == null) {
            return; // an email logged by hand: nothing to send
        }
        email.setDirection(Email.OUTBOUND);
        email.setStatus(Email.QUEUED);
        email.setFromAddress(from);
        MailOutboxEntry entry = new MailOutboxEntry();
        entry.queue(RecordIds.next(), email.getOwnerId(), Instant.now(), null, caller);
        entry.setEmailId(email.getId());
        em.persist(entry);
        List<org.atriumcrm.mail.api.OutboundMail.Attachment> attachments = QUEUE_ATTACHMENTS.get();
        for (org.atriumcrm.mail.api.OutboundMail.Attachment a : attachments == null ? List.<org.atriumcrm.mail.api.OutboundMail.Attachment>of() : attachments) {
            EmailAttachment att = new EmailAttachment();
            att.initialise(RecordIds.next(), Instant.now(), caller);
            att.setOwnerId(email.getOwnerId());
            att.setEmailId(email.getId());
            att.setFileName(cut(a.fileName(), 500));
            att.setContentType(cut(a.contentType(), 200));
            att.setSizeBytes((long) a.content().length);
            att.setStored(true);
            att.setContent(a.content());
            em.persist(att);
        }
    }

    /** Outbox entries due now, oldest first. */
    List<MailOutboxEntry> due(int max) {
        return tx(em -> OutboxEntries.due(em, MailOutboxEntry.class, max, Instant.now()));
    }

    /** Diagnostics: pending entries whatever their time, and the database's own clock. */
    String pendingSummary() {
        return tx(em -> em.createQuery("SELECT COUNT(e) FROM MailOutboxEntry e WHERE e.status = :s", Long.class)
                .setParameter("s", MailOutboxEntry.PENDING).getSingleResult() + " pending; first due "
                + em.createQuery("SELECT MIN(e.nextAttemptAt) FROM MailOutboxEntry e WHERE e.status = :s")
                        .setParameter("s", MailOutboxEntry.PENDING).getSingleResult() + "; now " + Instant.now());
    }

    Email email(String id) {
        return tx(em -> em.find(Email.class, id));
    }

    /** Delivered: the entry, and the email with its history and event, in one transaction. */
    void delivered(String entryId, String messageId) {
        withEmail(entryId, (em, entry, email) -> {
            Instant now = Instant.now();
            OutboxEntries.delivered(entry, now);
            if (email != null) {
                email.setStatus(Email.SENT);
                email.setSentAt(now);
                email.setMessageId(messageId);
            }
        });
    }

    /** A failed attempt: backed off, or given up into the dead-letter store and the email failed with the reason. */
    void failed(String entryId, String error, BackOff backOff) {
        withEmail(entryId, (em, entry, email) -> {
            if (OutboxEntries.failed(entry, error, backOff, Instant.now()) && email != null) {
                email.setStatus(Email.FAILED);
                email.setFailureReason(entry.getLastError());
            }
        });
    }

    /** A dead letter goes back into the outbox, with a fresh budget of attempts. */
    MailOutboxEntry replay(String entryId, Caller caller) {
        withEmail(entryId, caller, (em, entry, email) -> {
            OutboxEntries.replay(entry, caller, Instant.now());
            if (email != null) {
                email.setStatus(Email.QUEUED);
                email.setFailureReason(null);
            }
        });
        return tx(em -> em.find(MailOutboxEntry.class, entryId));
    }

    private interface EntryChange {
        void apply(EntityManager em, MailOutboxEntry entry, Email email);
    }

    private void withEmail(String entryId, EntryChange change) {
        withEmail(entryId, Caller.SYSTEM, change);
    }

    /**
     * Changes an outbox entry and its email in one transaction, the email's changed fields in its history and its
     * UPDATED event; an email deleted meanwhile leaves only the entry to change.
     */
    private void withEmail(String entryId, Caller caller, EntryChange change) {
        MailOutboxEntry known = RecordIds.isValid(entryId) ? tx(em -> em.find(MailOutboxEntry.class, entryId)) : null;
        if (known == null || known.isDeleted()) {
            throw AtriumException.notFound("no MailOutboxEntry with id " + entryId).localized("record-not-found", "MailOutboxEntry", entryId);
        }
        try {
            updateBySystem(known.getEmailId(), caller, (em, email) -> change.apply(em, OutboxEntries.live(em, MailOutboxEntry.class, entryId), email),
                    "status", "sentAt", "messageId", "failureReason");
        } catch (AtriumException e) {
            Email email = e.status() == 404 ? email(known.getEmailId()) : null;
            if (email == null || !email.isDeleted()) {
                throw e;
            }
            tx(em -> {
                change.apply(em, OutboxEntries.live(em, MailOutboxEntry.class, entryId), null);
                return null;
            });
        }
    }

    // ---- the mail scanner's side: filing received messages exactly once ----

    /** A record an email is filed under. */
    record Link(String entity, String id) {
    }

    static final String CHANNEL = "mail";

    boolean received(String mailboxId, String key) {
        return tx(em -> InboundReceipts.received(em, mailboxId, key));
    }

    /** A mailbox folder's read position (the IMAP scanner's UIDVALIDITY and last UID), or null. */
    String position(String cursorKey) {
        return tx(em -> InboundReceipts.position(em, cursorKey));
    }

    void position(String cursorKey, String position) {
        tx(em -> {
            InboundReceipts.position(em, cursorKey, position);
            return null;
        });
    }

    /**
     * The receipts of before integration.api 1.3 (ATRIUM_MAIL_RECEIPT) copied into the platform's
     * ATRIUM_INBOUND_RECEIPT, once, before the scanner reads a mailbox: the ids are the same hash of mailbox and key,
     * so one statement copies what is missing — idempotent, and safe to repeat after a crash half-way (the old
     * table is left as it was, never read again: a downgrade would still find it). Copying once beats reading both
     * tables on every check: a scan asks for receipts once per message, forever.
     */
    int copyLegacyReceipts() {
        String done = position(LEGACY_COPIED);
        if (done != null) {
            return 0;
        }
        return tx(em -> {
            int copied = em.createNativeQuery("INSERT INTO ATRIUM_INBOUND_RECEIPT (ID, CHANNEL, CONNECTOR_ID, MESSAGE_KEY, STATUS, PRODUCED_ID, RECEIVED_AT)"
                    + " SELECT r.ID, '" + CHANNEL + "', r.MAILBOX_ID, r.MESSAGE_KEY, r.STATUS, r.EMAIL_ID, r.RECEIVED_AT FROM ATRIUM_MAIL_RECEIPT r"
                    + " WHERE NOT EXISTS (SELECT 1 FROM ATRIUM_INBOUND_RECEIPT i WHERE i.ID = r.ID)").executeUpdate();
            InboundReceipts.position(em, LEGACY_COPIED, "copied " + copied);
            return copied;
        });
    }

    static final String LEGACY_COPIED = "mail/legacy-receipts-copied";

    /** The conversation a reply belongs to: the thread of the first known message it refers to, and that message's links. */
    record Thread(String threadId, List<Link> links) {
    }

    Thread threadOf(List<String> messageIds) {
        if (messageIds.isEmpty()) {
            return null;
        }
        return tx(em -> {
            List<Email> parents = em.createQuery("SELECT e FROM Email e WHERE e.messageId IN :ids AND e.deletedAt IS NULL ORDER BY e.createdAt",
                    Email.class).setParameter("ids", messageIds).setMaxResults(1).getResultList();
            if (parents.isEmpty()) {
                return null;
            }
            Email parent = parents.get(0);
            List<Link> links = em.createQuery("SELECT l FROM EmailLink l WHERE l.emailId = :id", EmailLink.class)
                    .setParameter("id", parent.getId()).getResultList().stream().map(l -> new Link(l.getEntity(), l.getRecordId())).toList();
            return new Thread(parent.getThreadId() != null ? parent.getThreadId() : parent.getId(), links);
        });
    }

    /**
     * Files a received message in ONE transaction: the receipt (the idempotent repository's entry), the email, its
     * links and its attachments. A second filing of the same mailbox and key fails on the receipt's primary key and
     * rolls back whole, so a message is filed once even when two scans race.
     */
    Email fileReceived(Mailbox box, InboundMessage m, List<Link> links, String threadId) {
        Caller owner = new Caller(box.getOwnerId(), "mail-scanner");
        Email filed = tx(em -> {
            Email email = new Email();
            Instant now = Instant.now();
            email.initialise(RecordIds.next(), now, owner);
            email.setOwnerId(box.getOwnerId());
            email.setDirection(Email.INBOUND);
            email.setStatus(Email.RECEIVED);
            email.setFromAddress(cut(m.from == null ? null : m.from.toUnicodeString(), 320));
            email.setToAddresses(cut(join(m.to), 4000));
            email.setCcAddresses(cut(join(m.cc), 4000));
            email.setSubject(cut(m.subject, 1000));
            email.setTextBody(cut(m.text, 32000));
            email.setHtmlBody(cut(m.html, 32000));
            email.setSentAt(m.sentAt != null ? m.sentAt : now);
            email.setMessageId(cut(m.messageId, 500));
            email.setInReplyTo(cut(m.inReplyTo, 500));
            email.setReferences(cut(String.join(" ", m.references), 4000));
            email.setThreadId(threadId != null ? threadId : email.getId());
            email.setMailboxId(box.getId());
            for (Link link : links) {
                switch (link.entity()) {
                    case "Contact" -> email.setContactId(email.getContactId() == null ? link.id() : email.getContactId());
                    case "Account" -> email.setAccountId(email.getAccountId() == null ? link.id() : email.getAccountId());
                    case "Lead" -> email.setLeadId(email.getLeadId() == null ? link.id() : email.getLeadId());
                    default -> { }
                }
            }
            email.beforeSave();
            InboundReceipts.record(em, CHANNEL, box.getId(), m.key, InboundReceipt.FILED, email.getId());
            em.persist(email);
            for (Link link : links) {
                em.persist(EmailLink.of(email.getId(), link.entity(), link.id()));
            }
            long limit = box.getMaxAttachmentBytes() == null ? MailboxStore.DEFAULT_MAX_ATTACHMENT : box.getMaxAttachmentBytes();
            for (InboundMessage.Attachment a : m.attachments) {
                EmailAttachment att = new EmailAttachment();
                att.initialise(RecordIds.next(), now, owner);
                att.setOwnerId(box.getOwnerId());
                att.setEmailId(email.getId());
                att.setFileName(cut(a.fileName(), 500));
                att.setContentType(cut(a.contentType(), 200));
                att.setSizeBytes((long) a.content().length);
                boolean keep = a.content().length <= limit;
                att.setStored(keep);
                att.setContent(keep ? a.content() : null);
                em.persist(att);
            }
            em.persist(new org.atriumcrm.persistence.api.RecordChangeRow("Email", email.getId(), "CREATED", null, null, null,
                    owner.userId(), now));
            return email;
        });
        post(org.atriumcrm.api.event.DomainEvents.Action.CREATED, filed.getId(), owner, Map.of());
        return filed;
    }

    /**
     * A message that cannot be filed goes to the dead-letter store with its raw bytes, and its receipt says so: the
     * next scan passes over it instead of failing on it forever, and an administrator replays it.
     */
    MailScanFailure deadLetter(Mailbox box, String key, byte[] raw, String from, String subject, String reason) {
        return tx(em -> {
            MailScanFailure dead = new MailScanFailure();
            dead.initialise(RecordIds.next(), Instant.now(), Caller.SYSTEM);
            dead.setOwnerId(box.getOwnerId());
            dead.setMailboxId(box.getId());
            dead.setMessageKey(cut(key, 1000));
            dead.setFromAddress(cut(from, 500));
            dead.setSubject(cut(subject, 1000));
            dead.setReason(cut(reason, 2000));
            dead.setStatus(MailScanFailure.DEAD);
            dead.setSizeBytes((long) raw.length);
            dead.setRaw(raw);
            em.persist(dead);
            InboundReceipts.recordIfAbsent(em, CHANNEL, box.getId(), key, InboundReceipt.DEAD, null);
            return dead;
        });
    }

    /** A dead letter's raw message, and its receipt cleared so the replay can file it. */
    MailScanFailure takeForReplay(String failureId) {
        return tx(em -> {
            MailScanFailure dead = RecordIds.isValid(failureId) ? em.find(MailScanFailure.class, failureId) : null;
            if (dead == null || dead.isDeleted()) {
                throw AtriumException.notFound("no MailScanFailure with id " + failureId).localized("record-not-found", "MailScanFailure", failureId);
            }
            if (!MailScanFailure.DEAD.equals(dead.getStatus())) {
                throw AtriumException.conflict("not-dead", "this message was already filed on an earlier replay");
            }
            InboundReceipts.forget(em, dead.getMailboxId(), dead.getMessageKey(), InboundReceipt.DEAD);
            dead.getRaw(); // load the lazy content inside the transaction
            return dead;
        });
    }

    /** A replay that failed again: the receipt says dead again, so scans keep passing over the message. */
    void deadLetterAgain(Mailbox box, String key) {
        tx(em -> {
            InboundReceipts.recordIfAbsent(em, CHANNEL, box.getId(), key, InboundReceipt.DEAD, null);
            return null;
        });
    }

    void replayed(String failureId, String emailId, String reason) {
        tx(em -> {
            MailScanFailure dead = em.find(MailScanFailure.class, failureId);
            if (emailId != null) {
                dead.setStatus(MailScanFailure.REPLAYED);
                dead.setReason(cut("filed as email " + emailId + " on replay; was: " + dead.getReason(), 2000));
            } else {
                dead.setReason(cut(reason, 2000));
            }
            dead.touch(Instant.now(), Caller.SYSTEM);
            return null;
        });
    }

    /** An email id by the key it was filed under (a replay of an already filed message finds it here). */
    String filedEmail(String mailboxId, String key) {
        return tx(em -> {
            InboundReceipt r = InboundReceipts.find(em, mailboxId, key);
            return r == null ? null : r.getProducedId();
        });
    }

    /**
     * The correspondence history of a record: the emails filed under it that the caller may read, newest first. The
     * caller already sees the record (the platform checked); an email of the record is shown when the caller may read
     * emails at all — like an activity, it is visible with its record.
     */
    org.atriumcrm.api.query.Page<Email> filedUnder(String recordId, int offset, int limit) {
        return tx(em -> {
            List<Email> items = em.createQuery("SELECT e FROM Email e WHERE e.deletedAt IS NULL AND e.id IN"
                    + " (SELECT l.emailId FROM EmailLink l WHERE l.recordId = :id) ORDER BY e.sentAt DESC, e.id DESC", Email.class)
                    .setParameter("id", recordId).setFirstResult(offset).setMaxResults(limit).getResultList();
            long total = em.createQuery("SELECT COUNT(e) FROM Email e WHERE e.deletedAt IS NULL AND e.id IN"
                    + " (SELECT l.emailId FROM EmailLink l WHERE l.recordId = :id)", Long.class).setParameter("id", recordId).getSingleResult();
            return new org.atriumcrm.api.query.Page<>(items, total, offset, limit);
        });
    }

    /** Every email filed under {@code recordId} is also filed under {@code targets} (no link twice). */
    int fileAlsoUnder(String recordId, List<Link> targets) {
        return tx(em -> {
            List<String> emailIds = em.createQuery("SELECT l.emailId FROM EmailLink l WHERE l.recordId = :id", String.class)
                    .setParameter("id", recordId).getResultList();
            if (emailIds.isEmpty()) {
                return 0;
            }
            // the links that exist already, in one query rather than one per email and target
            java.util.Set<String> existing = new java.util.HashSet<>();
            for (Object[] pair : em.createQuery("SELECT l.emailId, l.recordId FROM EmailLink l WHERE l.recordId IN :targets", Object[].class)
                    .setParameter("targets", targets.stream().map(Link::id).toList()).getResultList()) {
                existing.add(pair[0] + "|" + pair[1]);
            }
            int added = 0;
            for (String emailId : emailIds) {
                for (Link target : targets) {
                    if (existing.add(emailId + "|" + target.id())) {
                        em.persist(EmailLink.of(emailId, target.entity(), target.id()));
                        added++;
                    }
                }
            }
            return added;
        });
    }

    byte[] attachmentContent(String attachmentId) {
        return tx(em -> {
            EmailAttachment a = RecordIds.isValid(attachmentId) ? em.find(EmailAttachment.class, attachmentId) : null;
            return a == null || a.isDeleted() ? null : a.getContent();
        });
    }

    private static String join(List<javax.mail.internet.InternetAddress> addresses) {
        return addresses.isEmpty() ? null : String.join(", ", addresses.stream().map(javax.mail.internet.InternetAddress::toUnicodeString).toList());
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
