package org.atriumcrm.mail.internal;

import java.time.Instant;
import java.util.Optional;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.security.Caller;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.EventAdmin;

/**
 * Opens, clicks and unsubscribes of tracked emails, found by token. Every counter (of the tracking row, the
 * recipient, the mass mailing) is raised with an UPDATE statement rather than through its entity: the hits of one
 * email, and the opens of many recipients, arrive at once, and a version conflict would lose them.
 */
@Component(service = {RecordStore.class, EmailTrackingStore.class}, property = RecordStore.ENTITY_PROPERTY + "=EmailTracking")
public class EmailTrackingStore extends SystemWrittenStore<EmailTracking> {

    @Activate
    public EmailTrackingStore(@Reference(target = "(osgi.unit.name=atrium.mail)") JpaTemplate jpa, @Reference EventAdmin events,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + MailTypes.MODULE + ")") ModuleGate gate) {
        super(MailingTypes.TRACKING, jpa, events, MailTypes.ALL, "sending template emails");
    }

    Optional<EmailTracking> byToken(String token) {
        if (!TrackingLinks.isToken(token)) {
            return Optional.empty();
        }
        return tx(em -> byToken(em, token));
    }

    Optional<EmailTracking> forEmail(String emailId) {
        return tx(em -> em.createQuery("SELECT t FROM EmailTracking t WHERE t.emailId = :e", EmailTracking.class)
                .setParameter("e", emailId).setMaxResults(1).getResultList().stream().findFirst());
    }

    private static Optional<EmailTracking> byToken(EntityManager em, String token) {
        return em.createQuery("SELECT t FROM EmailTracking t WHERE t.token = :t", EmailTracking.class).setParameter("t", token)
                .setMaxResults(1).getResultList().stream().findFirst();
    }

    /**
     * First and last open and the count, on the tracking row and the recipient; false for an unknown token. Every
     * change is an UPDATE of the row as the database has it (see {@link #update}); the count after this open, read
     * under the row lock the increment holds, tells the first open, which alone sets the first time and counts the
     * person once on the mailing.
     */
    boolean opened(String token) {
        if (!TrackingLinks.isToken(token)) {
            return false;
        }
        return tx(em -> {
            if (update(em, "EmailTracking", "x.openCount = x.openCount + 1", "x.token = :key", token, now()) == 0) {
                return false;
            }
            // the clock is read under the row's lock: a hit that waited reads a later time, so the last open is never
            // before the first even when two hits took their times in the other order
            Instant now = now();
            update(em, "EmailTracking", "x.lastOpenedAt = :now", "x.token = :key", token, now);
            Counted t = counted(em, "openCount", token);
            if (t.first()) {
                update(em, "EmailTracking", "x.firstOpenedAt = :now", "x.token = :key", token, now);
            }
            if (t.recipientId() != null && update(em, "MassMailingRecipient", "x.openCount = x.openCount + 1, x.lastOpenedAt = :now",
                    "x.id = :key", t.recipientId(), now) > 0) {
                update(em, "MassMailingRecipient", "x.firstOpenedAt = :now", "x.id = :key AND x.firstOpenedAt IS NULL", t.recipientId(), now);
                update(em, "MassMailingRecipient", "x.status = '" + MassMailingRecipient.OPENED + "'", "x.id = :key AND x.status IN ('"
                        + MassMailingRecipient.QUEUED + "', '" + MassMailingRecipient.SENT + "')", t.recipientId(), now);
                if (t.first()) {
                    raise(em, t.massMailingId(), "openedCount");
                }
            }
            return true;
        });
    }

    /** A verified click: counted on the tracking row and the recipient, and the person once on the mailing. */
    void clicked(String token) {
        if (!TrackingLinks.isToken(token)) {
            return;
        }
        tx(em -> {
            if (update(em, "EmailTracking", "x.clickCount = x.clickCount + 1", "x.token = :key", token, now()) == 0) {
                return false;
            }
            Instant now = now(); // under the row's lock, as for opens
            if (update(em, "EmailTracking", "x.lastClickedAt = :now", "x.token = :key", token, now) == 0) {
                return false;
            }
            Counted t = counted(em, "clickCount", token);
            if (t.recipientId() != null && update(em, "MassMailingRecipient", "x.clickCount = x.clickCount + 1", "x.id = :key",
                    t.recipientId(), now) > 0 && t.first()) {
                raise(em, t.massMailingId(), "clickedCount");
            }
            return true;
        });
    }

    void unsubscribed(String trackingId) {
        tx(em -> update(em, "EmailTracking", "x.unsubscribedAt = :now", "x.id = :key AND x.unsubscribedAt IS NULL", trackingId, now()));
    }

    /**
     * One UPDATE of a tracking or recipient row, applied by the database to the row as it is then, never a
     * read-modify-write of the entity: the pixel and the links are public and one email's are hit many times at once
     * (mail clients, proxies, scanners), and entity writes lost counts or failed on a version conflict. The version
     * still moves, so that an entity read before does not overwrite the count.
     */
    private static int update(EntityManager em, String entity, String set, String where, String key, Instant now) {
        return em.createQuery("UPDATE " + entity + " x SET " + set + ", x.modifiedAt = :now, x.modifiedBy = :by, x.version = x.version + 1"
                + " WHERE " + where).setParameter("key", key).setParameter("now", now).setParameter("by", Caller.SYSTEM.userId())
                .executeUpdate();
    }

    /** A tracking row's count after this transaction's increment (which holds its lock), and what it belongs to. */
    private record Counted(boolean first, String recipientId, String massMailingId) {
    }

    private static Counted counted(EntityManager em, String counter, String token) {
        Object[] row = em.createQuery("SELECT x." + counter + ", x.recipientId, x.massMailingId FROM EmailTracking x WHERE x.token = :key",
                Object[].class).setParameter("key", token).getSingleResult();
        return new Counted(((Number) row[0]).longValue() == 1, (String) row[1], (String) row[2]);
    }

    private static void raise(EntityManager em, String mailingId, String counter) {
        if (mailingId != null) {
            em.createQuery("UPDATE MassMailing m SET m." + counter + " = m." + counter + " + 1 WHERE m.id = :m")
                    .setParameter("m", mailingId).executeUpdate();
        }
    }
}
