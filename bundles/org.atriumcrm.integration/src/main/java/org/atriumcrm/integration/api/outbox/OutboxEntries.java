package org.atriumcrm.integration.api.outbox;

import java.time.Instant;
import java.util.List;

import javax.persistence.EntityManager;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.security.Caller;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The outbox's state changes, on the channel's own EntityManager and in its transaction — so that the message it
 * carries (the email, the text message) changes in the same transaction, through the channel's record store with
 * its history and events.
 */
@ProviderType
public final class OutboxEntries {

    private OutboxEntries() {
    }

    /** The entries due at {@code now}, oldest first, at most {@code max}. */
    public static <E extends OutboxEntry> List<E> due(EntityManager em, Class<E> type, int max, Instant now) {
        String entity = em.getMetamodel().entity(type).getName();
        return em.createQuery("SELECT e FROM " + entity + " e WHERE e.status = :s AND e.nextAttemptAt <= :now"
                + " ORDER BY e.nextAttemptAt, e.id", type).setParameter("s", OutboxEntry.PENDING)
                .setParameter("now", now).setMaxResults(max).getResultList();
    }

    /** The live entry for a state change; 404 for an unknown or deleted one. */
    public static <E extends OutboxEntry> E live(EntityManager em, Class<E> type, String id) {
        E entry = id == null ? null : em.find(type, id);
        if (entry == null || entry.isDeleted()) {
            throw AtriumException.notFound("no " + type.getSimpleName() + " with id " + id).localized("record-not-found", type.getSimpleName(), id);
        }
        return entry;
    }

    /** The counterpart took the message. */
    public static void delivered(OutboxEntry entry, Instant now) {
        entry.delivered(now);
    }

    /** A failed attempt, rescheduled by the back-off; true when the entry went to the dead letters with it. */
    public static boolean failed(OutboxEntry entry, String reason, BackOff backOff, Instant now) {
        return entry.failed(reason, backOff, now);
    }

    /** A dead letter goes back into the outbox with a fresh budget of attempts; 409 for any other entry. */
    public static void replay(OutboxEntry entry, Caller caller, Instant now) {
        if (!entry.isDead()) {
            throw AtriumException.conflict("not-dead", "only dead letters are replayed; this one is " + entry.getStatus());
        }
        entry.replayed(now, caller);
    }
}
