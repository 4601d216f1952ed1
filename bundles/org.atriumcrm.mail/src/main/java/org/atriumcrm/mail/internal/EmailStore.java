package org.atriumcrm.mail.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.security.Caller;
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

    @Activate
    public EmailStore(@Reference(target = "(osgi.unit.name=atrium.mail)") JpaTemplate jpa, @Reference EventAdmin events,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + MailTypes.MODULE + ")") ModuleGate gate) {
        super(MailTypes.EMAIL, jpa, events, MailTypes.ALL);
    }

    /** An outbound email for the outbox: the email and its outbox entry in one transaction. */
    Email queue(Map<String, Object> values, String from, Caller caller) {
        QUEUE_FROM.set(from);
        try {
            return create(values, caller);
        } finally {
            QUEUE_FROM.remove();
        }
    }

    @Override
    protected void beforeCreate(EntityManager em, Email email, Caller caller) {
        String from = QUEUE_FROM.get();
        if (from == null) {
            return; // an email logged by hand: nothing to send
        }
        email.setDirection(Email.OUTBOUND);
        email.setStatus(Email.QUEUED);
        email.setFromAddress(from);
        MailOutboxEntry entry = new MailOutboxEntry();
        entry.initialise(RecordIds.next(), Instant.now(), caller);
        entry.setOwnerId(email.getOwnerId());
        entry.setEmailId(email.getId());
        entry.setStatus(MailOutboxEntry.PENDING);
        entry.setAttempts(0L);
        entry.setNextAttemptAt(Instant.now());
        em.persist(entry);
    }

    /** Outbox entries due now, oldest first. */
    List<MailOutboxEntry> due(int max) {
        return tx(em -> em.createQuery("SELECT e FROM MailOutboxEntry e WHERE e.status = :s AND e.nextAttemptAt <= :now"
                + " ORDER BY e.nextAttemptAt, e.id", MailOutboxEntry.class).setParameter("s", MailOutboxEntry.PENDING)
                .setParameter("now", Instant.now()).setMaxResults(max).getResultList());
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

    /** Delivered: the entry and the email say so, in one transaction. */
    void delivered(String entryId, String messageId) {
        tx(em -> {
            MailOutboxEntry entry = em.find(MailOutboxEntry.class, entryId);
            Instant now = Instant.now();
            entry.setStatus(MailOutboxEntry.DELIVERED);
            entry.setDeliveredAt(now);
            entry.setAttempts(entry.getAttempts() + 1);
            entry.setLastError(null);
            entry.touch(now, org.atriumcrm.api.security.Caller.SYSTEM);
            Email email = em.find(Email.class, entry.getEmailId());
            email.setStatus(Email.SENT);
            email.setSentAt(now);
            email.setMessageId(messageId);
            email.touch(now, org.atriumcrm.api.security.Caller.SYSTEM);
            return null;
        });
    }

    /** A failed attempt: back off exponentially, or give up into the dead-letter store after {@code maxAttempts}. */
    void failed(String entryId, String error, int maxAttempts, int firstRetrySeconds) {
        tx(em -> {
            MailOutboxEntry entry = em.find(MailOutboxEntry.class, entryId);
            Instant now = Instant.now();
            long attempts = entry.getAttempts() + 1;
            entry.setAttempts(attempts);
            entry.setLastError(error == null ? "unknown" : error.substring(0, Math.min(1000, error.length())));
            entry.touch(now, org.atriumcrm.api.security.Caller.SYSTEM);
            if (attempts >= maxAttempts) {
                entry.setStatus(MailOutboxEntry.DEAD);
                Email email = em.find(Email.class, entry.getEmailId());
                email.setStatus(Email.FAILED);
                email.setFailureReason(entry.getLastError());
                email.touch(now, org.atriumcrm.api.security.Caller.SYSTEM);
            } else {
                long wait = Math.min(Duration.ofMinutes(15).getSeconds(), (long) firstRetrySeconds << Math.min(20, attempts - 1));
                entry.setNextAttemptAt(now.plusSeconds(wait));
            }
            return null;
        });
    }

    /** A dead letter goes back into the outbox, with a fresh budget of attempts. */
    MailOutboxEntry replay(String entryId, Caller caller) {
        return tx(em -> {
            MailOutboxEntry entry = RecordIds.isValid(entryId) ? em.find(MailOutboxEntry.class, entryId) : null;
            if (entry == null || entry.isDeleted()) {
                throw AtriumException.notFound("no MailOutboxEntry with id " + entryId);
            }
            if (!MailOutboxEntry.DEAD.equals(entry.getStatus())) {
                throw AtriumException.conflict("not-dead", "only dead letters are replayed; this one is " + entry.getStatus());
            }
            entry.setStatus(MailOutboxEntry.PENDING);
            entry.setAttempts(0L);
            entry.setNextAttemptAt(Instant.now());
            entry.touch(Instant.now(), caller);
            Email email = em.find(Email.class, entry.getEmailId());
            email.setStatus(Email.QUEUED);
            email.setFailureReason(null);
            return entry;
        });
    }
}
