package org.atriumcrm.mail.internal;

import java.util.ArrayDeque;
import java.util.function.LongSupplier;

/**
 * The outbox's pace: at most {@code maxPerMinute} attempts in any sliding minute, so that ten thousand queued mass
 * mails leave at a rate the mail server (and the receiving providers' spam limits) accept. In memory: after a
 * restart the window starts empty, which at worst sends one minute's allowance early.
 */
final class SendRate {
    private static final long MINUTE = 60_000;
    private final ArrayDeque<Long> attempts = new ArrayDeque<>();
    private final LongSupplier clock;

    SendRate(LongSupplier clock) {
        this.clock = clock;
    }

    /** How many may go now, at most {@code batch}; {@code maxPerMinute <= 0} means no limit. */
    synchronized int allowance(int maxPerMinute, int batch) {
        if (maxPerMinute <= 0) {
            return batch;
        }
        long now = clock.getAsLong();
        while (!attempts.isEmpty() && attempts.peekFirst() <= now - MINUTE) {
            attempts.pollFirst();
        }
        return Math.max(0, Math.min(batch, maxPerMinute - attempts.size()));
    }

    synchronized void attempted() {
        attempts.addLast(clock.getAsLong());
        if (attempts.size() > 100_000) {
            attempts.pollFirst(); // bounded even when the limit is raised to something absurd
        }
    }
}
