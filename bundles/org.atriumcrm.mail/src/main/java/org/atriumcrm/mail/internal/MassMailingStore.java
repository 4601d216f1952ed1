package org.atriumcrm.mail.internal;

import java.time.Instant;
import java.util.ArrayList;
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
 * Mass mailings and their recipients. Every recipient is a row that is {@code pending} until a batch turns it into
 * an email: the batch writes the emails, their outbox entries and the recipients' new states in one transaction,
 * so after a crash the job resumes with the rows still pending and no recipient is ever mailed twice (two nodes
 * racing for the same rows collide on the rows' versions and one batch rolls back).
 */
@Component(service = {RecordStore.class, MassMailingStore.class}, property = RecordStore.ENTITY_PROPERTY + "=MassMailing")
public class MassMailingStore extends JpaRecordStore<MassMailing> {
    static final int MAX_RECIPIENTS = 10_000;
    private final EventAdmin events;

    /** What a batch decided for one pending recipient: an email to queue, or a final state with the reason. */
    record Outcome(String recipientId, String status, String reason, String address, MailingQueue.Outgoing outgoing) {
    }

    @Activate
    public MassMailingStore(@Reference(target = "(osgi.unit.name=atrium.mail)") JpaTemplate jpa, @Reference EventAdmin events,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + MailTypes.MODULE + ")") ModuleGate gate) {
        super(MailingTypes.MASS_MAILING, jpa, events, MailTypes.ALL);
        this.events = events;
    }

    @Override
    public MassMailing create(Map<String, Object> values, Caller caller) {
        throw AtriumException.conflict("mail-managed", "start a mass mailing with POST /api/v1/mass-mailings/start"
                + " {\"name\", \"templateId\", \"contactIds\" or \"leadIds\"}");
    }

    /** The mailing and one pending row per recipient, in one transaction. */
    MassMailing start(String name, EmailTemplate template, List<String> contactIds, List<String> leadIds, String campaignId, Caller caller) {
        return tx(em -> {
            Instant now = now();
            MassMailing m = new MassMailing();
            m.initialise(RecordIds.next(), now, caller);
            m.setName(name);
            m.setTemplateId(template.getId());
            m.setCampaignId(campaignId);
            m.setStatus(MassMailing.QUEUING);
            m.setSenderLogin(caller.loginName());
            m.setSenderAdministrator(caller.administrator());
            m.setRecipientCount((long) (contactIds.size() + leadIds.size()));
            m.setPendingCount(m.getRecipientCount());
            em.persist(m);
            int n = 0;
            for (String id : contactIds) {
                em.persist(recipient(m, id, null, now, caller));
                n = flushEvery(em, ++n);
            }
            for (String id : leadIds) {
                em.persist(recipient(m, null, id, now, caller));
                n = flushEvery(em, ++n);
            }
            return m;
        });
    }

    private static MassMailingRecipient recipient(MassMailing m, String contactId, String leadId, Instant now, Caller caller) {
        MassMailingRecipient r = new MassMailingRecipient();
        r.setOwnerId(m.getOwnerId());
        r.initialise(RecordIds.next(), now, caller);
        r.setMassMailingId(m.getId());
        r.setContactId(contactId);
        r.setLeadId(leadId);
        r.setStatus(MassMailingRecipient.PENDING);
        return r;
    }

    private static int flushEvery(EntityManager em, int n) {
        if (n % 500 == 0) {
            em.flush(); // ten thousand recipients in one transaction without holding them all in memory
            em.clear();
        }
        return n;
    }

    List<String> withStatus(String status) {
        return tx(em -> em.createQuery("SELECT m.id FROM MassMailing m WHERE m.status = :s AND m.deletedAt IS NULL ORDER BY m.createdAt",
                String.class).setParameter("s", status).getResultList());
    }

    MassMailing get(String id) {
        return tx(em -> em.find(MassMailing.class, id));
    }

    /** The next pending recipients, in a stable order so that a resumed job continues where it stopped. */
    List<MassMailingRecipient> pending(String mailingId, int max) {
        return tx(em -> em.createQuery("SELECT r FROM MassMailingRecipient r WHERE r.massMailingId = :m AND r.status = :s ORDER BY r.id",
                MassMailingRecipient.class).setParameter("m", mailingId).setParameter("s", MassMailingRecipient.PENDING)
                .setMaxResults(max).getResultList());
    }

    /** One batch in one transaction; a recipient no longer pending (another node, a cancel) is left alone. */
    List<String> applyBatch(String mailingId, List<Outcome> outcomes, String from, Caller sender) {
        List<String> emailIds = tx(em -> {
            MassMailing m = em.find(MassMailing.class, mailingId);
            List<String> ids = new ArrayList<>();
            if (m == null || !MassMailing.QUEUING.equals(m.getStatus())) {
                return ids;
            }
            Instant now = now();
            for (Outcome o : outcomes) {
                MassMailingRecipient r = em.find(MassMailingRecipient.class, o.recipientId());
                if (r == null || !MassMailingRecipient.PENDING.equals(r.getStatus())) {
                    continue;
                }
                r.setEmailAddress(o.address());
                r.touch(now, Caller.SYSTEM);
                if (o.outgoing() != null) {
                    Email email = MailingQueue.enqueue(em, o.outgoing(), from, now, sender);
                    r.setEmailId(email.getId());
                    r.setStatus(MassMailingRecipient.QUEUED);
                    ids.add(email.getId());
                } else {
                    r.setStatus(o.status());
                    r.setReason(o.reason() == null ? null : o.reason().substring(0, Math.min(500, o.reason().length())));
                }
            }
            em.flush();
            recount(em, m, now);
            return ids;
        });
        MailingQueue.postCreated(events, emailIds, sender);
        return emailIds;
    }

    /** Recipients follow their emails (sent, dead letter); the mailing is complete when nothing is pending or queued. */
    void reconcile(String mailingId) {
        tx(em -> {
            follow(em, mailingId, Email.SENT, MassMailingRecipient.SENT);
            follow(em, mailingId, Email.FAILED, MassMailingRecipient.FAILED);
            MassMailing m = em.find(MassMailing.class, mailingId);
            if (m != null) {
                recount(em, m, now());
            }
            return null;
        });
    }

    private static void follow(EntityManager em, String mailingId, String emailStatus, String recipientStatus) {
        em.createQuery("UPDATE MassMailingRecipient r SET r.status = :to, r.version = r.version + 1 WHERE r.massMailingId = :m"
                + " AND r.status = :queued AND r.emailId IN (SELECT e.id FROM Email e WHERE e.status = :es)")
                .setParameter("to", recipientStatus).setParameter("m", mailingId).setParameter("queued", MassMailingRecipient.QUEUED)
                .setParameter("es", emailStatus).executeUpdate();
    }

    /** Counts from the rows themselves (idempotent, whatever happened before a restart), and the status they imply. */
    private static void recount(EntityManager em, MassMailing m, Instant now) {
        Map<String, Long> by = new java.util.HashMap<>();
        for (Object[] row : em.createQuery("SELECT r.status, COUNT(r) FROM MassMailingRecipient r WHERE r.massMailingId = :m GROUP BY r.status",
                Object[].class).setParameter("m", m.getId()).getResultList()) {
            by.put((String) row[0], (Long) row[1]);
        }
        m.setPendingCount(by.getOrDefault(MassMailingRecipient.PENDING, 0L));
        m.setQueuedCount(by.getOrDefault(MassMailingRecipient.QUEUED, 0L));
        m.setSentCount(by.getOrDefault(MassMailingRecipient.SENT, 0L) + by.getOrDefault(MassMailingRecipient.OPENED, 0L));
        m.setSkippedCount(by.getOrDefault(MassMailingRecipient.SKIPPED_OPT_OUT, 0L) + by.getOrDefault(MassMailingRecipient.SKIPPED_NO_ADDRESS, 0L));
        m.setFailedCount(by.getOrDefault(MassMailingRecipient.FAILED, 0L));
        m.setOpenedCount(em.createQuery("SELECT COUNT(r) FROM MassMailingRecipient r WHERE r.massMailingId = :m AND r.firstOpenedAt IS NOT NULL",
                Long.class).setParameter("m", m.getId()).getSingleResult());
        m.setClickedCount(em.createQuery("SELECT COUNT(r) FROM MassMailingRecipient r WHERE r.massMailingId = :m AND r.clickCount > 0",
                Long.class).setParameter("m", m.getId()).getSingleResult());
        if (MassMailing.QUEUING.equals(m.getStatus()) && m.getPendingCount() == 0) {
            m.setStatus(MassMailing.SENDING);
        }
        if (MassMailing.SENDING.equals(m.getStatus()) && m.getQueuedCount() == 0) {
            m.setStatus(MassMailing.COMPLETED);
            m.setCompletedAt(now);
        }
        m.touch(now, Caller.SYSTEM);
    }

    /** Stops a mailing: recipients not yet queued are never mailed; emails already in the outbox still go. */
    MassMailing cancel(String id, Caller caller) {
        return tx(em -> {
            MassMailing m = em.find(MassMailing.class, id);
            if (m == null || m.isDeleted()) {
                throw AtriumException.notFound("no MassMailing with id " + id).localized("record-not-found", "MassMailing", id);
            }
            if (!MassMailing.QUEUING.equals(m.getStatus()) && !MassMailing.SENDING.equals(m.getStatus())) {
                throw AtriumException.conflict("mass-mailing-finished", "this mass mailing is already " + m.getStatus());
            }
            em.createQuery("UPDATE MassMailingRecipient r SET r.status = :c, r.version = r.version + 1 WHERE r.massMailingId = :m AND r.status = :p")
                    .setParameter("c", MassMailingRecipient.CANCELLED).setParameter("m", id).setParameter("p", MassMailingRecipient.PENDING)
                    .executeUpdate();
            m.setStatus(MassMailing.CANCELLED);
            recount(em, m, now());
            m.touch(now(), caller);
            return m;
        });
    }
}
