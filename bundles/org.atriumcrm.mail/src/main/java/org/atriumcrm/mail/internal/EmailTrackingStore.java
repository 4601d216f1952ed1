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
 * Opens, clicks and unsubscribes of tracked emails, found by token. Counters of a mass mailing are raised with
 * one UPDATE statement rather than through its entity: opens of many recipients arrive at once, and a version
 * conflict on the mailing would lose them.
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

    /** First and last open and the count, on the tracking row and the recipient; false for an unknown token. */
    boolean opened(String token) {
        if (!TrackingLinks.isToken(token)) {
            return false;
        }
        return tx(em -> byToken(em, token).map(t -> {
            Instant now = now();
            boolean first = t.getFirstOpenedAt() == null;
            if (first) {
                t.setFirstOpenedAt(now);
            }
            t.setLastOpenedAt(now);
            t.setOpenCount(t.getOpenCount() + 1);
            t.touch(now, Caller.SYSTEM);
            MassMailingRecipient r = t.getRecipientId() == null ? null : em.find(MassMailingRecipient.class, t.getRecipientId());
            if (r != null) {
                if (r.getFirstOpenedAt() == null) {
                    r.setFirstOpenedAt(now);
                }
                r.setLastOpenedAt(now);
                r.setOpenCount(r.getOpenCount() + 1);
                if (MassMailingRecipient.QUEUED.equals(r.getStatus()) || MassMailingRecipient.SENT.equals(r.getStatus())) {
                    r.setStatus(MassMailingRecipient.OPENED);
                }
                r.touch(now, Caller.SYSTEM);
                if (first) {
                    raise(em, t.getMassMailingId(), "openedCount");
                }
            }
            return true;
        }).orElse(false));
    }

    /** A verified click: counted on the tracking row and the recipient. */
    void clicked(String token) {
        if (!TrackingLinks.isToken(token)) {
            return;
        }
        tx(em -> byToken(em, token).map(t -> {
            Instant now = now();
            boolean first = t.getClickCount() == 0;
            t.setClickCount(t.getClickCount() + 1);
            t.setLastClickedAt(now);
            t.touch(now, Caller.SYSTEM);
            MassMailingRecipient r = t.getRecipientId() == null ? null : em.find(MassMailingRecipient.class, t.getRecipientId());
            if (r != null) {
                r.setClickCount(r.getClickCount() + 1);
                r.touch(now, Caller.SYSTEM);
                if (first) {
                    raise(em, t.getMassMailingId(), "clickedCount");
                }
            }
            return true;
        }).orElse(false));
    }

    void unsubscribed(String trackingId) {
        tx(em -> {
            EmailTracking t = em.find(EmailTracking.class, trackingId);
            if (t != null && t.getUnsubscribedAt() == null) {
                t.setUnsubscribedAt(now());
                t.touch(now(), Caller.SYSTEM);
            }
            return null;
        });
    }

    private static void raise(EntityManager em, String mailingId, String counter) {
        if (mailingId != null) {
            em.createQuery("UPDATE MassMailing m SET m." + counter + " = m." + counter + " + 1 WHERE m.id = :m")
                    .setParameter("m", mailingId).executeUpdate();
        }
    }
}
