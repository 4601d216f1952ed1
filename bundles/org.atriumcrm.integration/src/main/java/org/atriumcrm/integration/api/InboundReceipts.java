package org.atriumcrm.integration.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

import javax.persistence.EntityManager;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The inbound side's exactly-once bookkeeping, on the caller's own EntityManager and in the caller's transaction
 * (as a module writes {@code RecordChangeRow}): a channel checks {@link #received} before it acts, and records the
 * receipt with {@link #record} in the transaction that files what the message produced. Two takers of the same
 * message collide on the receipt's primary key when they commit; the loser rolls back whole, so nothing it produced
 * remains. The caller's persistence unit lists {@link InboundReceipt} and {@link InboundCursor}.
 */
@ProviderType
public final class InboundReceipts {
    private InboundReceipts() {
    }

    /**
     * The receipt's primary key: SHA-256 of connector and message key. Connector ids are record ids (UUIDs), unique
     * across channels, so the channel is not part of it (and the mail scanner's receipts of before 1.3 keep their ids).
     */
    public static String idOf(String connectorId, String messageKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((connectorId + "\n" + messageKey).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The receipt of a message, or null when it was never taken in (or its dead receipt was cleared for a replay). */
    public static InboundReceipt find(EntityManager em, String connectorId, String messageKey) {
        return em.find(InboundReceipt.class, idOf(connectorId, messageKey));
    }

    public static boolean received(EntityManager em, String connectorId, String messageKey) {
        return find(em, connectorId, messageKey) != null;
    }

    /**
     * Records a message as taken in, in the caller's transaction. A receipt already there (another node won the race)
     * makes the commit — or an earlier flush — fail on the primary key, and the caller's transaction rolls back.
     */
    public static InboundReceipt record(EntityManager em, String channel, String connectorId, String messageKey, String status, String producedId) {
        InboundReceipt receipt = new InboundReceipt(channel, connectorId, messageKey, status, producedId, Instant.now());
        em.persist(receipt);
        return receipt;
    }

    /** As {@link #record}, unless this transaction already sees a receipt for the message (then that one is returned). */
    public static InboundReceipt recordIfAbsent(EntityManager em, String channel, String connectorId, String messageKey, String status,
            String producedId) {
        InboundReceipt existing = find(em, connectorId, messageKey);
        return existing != null ? existing : record(em, channel, connectorId, messageKey, status, producedId);
    }

    /** Removes a message's receipt when it has {@code status} (a dead letter about to be replayed); true if removed. */
    public static boolean forget(EntityManager em, String connectorId, String messageKey, String status) {
        InboundReceipt receipt = find(em, connectorId, messageKey);
        if (receipt != null && status.equals(receipt.getStatus())) {
            em.remove(receipt);
            return true;
        }
        return false;
    }

    /** How many messages a connector has taken in with {@code status} (an index range, not a table scan). */
    public static long count(EntityManager em, String connectorId, String status) {
        return em.createQuery("SELECT COUNT(r) FROM InboundReceipt r WHERE r.connectorId = :c AND r.status = :s", Long.class)
                .setParameter("c", connectorId).setParameter("s", status).getSingleResult();
    }

    /** A connector's read position ({@link InboundCursor}), or null when it has none yet. */
    public static String position(EntityManager em, String cursorKey) {
        InboundCursor cursor = em.find(InboundCursor.class, cursorKey);
        return cursor == null ? null : cursor.getPosition();
    }

    /** Moves a read position on (or back: null forgets it), in the caller's transaction. */
    public static void position(EntityManager em, String cursorKey, String position) {
        InboundCursor cursor = em.find(InboundCursor.class, cursorKey);
        if (position == null) {
            if (cursor != null) {
                em.remove(cursor);
            }
            return;
        }
        if (cursor == null) {
            cursor = new InboundCursor(cursorKey);
            cursor.moveTo(position, Instant.now());
            em.persist(cursor);
        } else {
            cursor.moveTo(position, Instant.now());
        }
    }
}
