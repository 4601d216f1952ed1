package org.atriumcrm.integration.api.outbox;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * What a channel gives the outbox's drain loop ({@link OutboxDrainer#pass}): its due entries, its sender, and how
 * it records the outcome — each outcome in one transaction that changes the entry (through {@link OutboxEntries})
 * and the message it carries.
 *
 * @param <E> the channel's outbox entry
 * @param <R> what the counterpart answers when it takes a message (a Message-ID, the gateway's ids)
 */
@ConsumerType
public interface OutboxChannel<E extends OutboxEntry, R> {

    /** The entries due now, at most {@code max}, oldest first. */
    List<E> due(int max);

    /** Hands one message to the counterpart; any exception is a failed attempt. */
    R send(E entry) throws Exception;

    /** Records the delivery: the entry and the message. */
    void delivered(E entry, R answer);

    /** Records a failed attempt: the entry rescheduled or dead (its back-off decides), and a dead message failed. */
    void failed(E entry, String reason);

    /** How many of {@code batch} this pass may send (a rate per minute); 0 leaves them all waiting. */
    default int allowance(int batch) {
        return batch;
    }

    /** Waits, before each message, for the next slot of a rate per second. */
    default void pace() throws InterruptedException {
    }
}
