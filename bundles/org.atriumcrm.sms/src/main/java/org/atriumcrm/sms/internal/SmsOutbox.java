package org.atriumcrm.sms.internal;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pass over the due outbox entries: each message goes to the gateway on its own, no faster than the
 * throttle, and is marked sent or rescheduled. Retries and back-off live in the outbox table, not in Camel's
 * in-memory redelivery, so a restart or a gateway that is down for hours loses nothing.
 */
final class SmsOutbox {
    private static final Logger LOG = LoggerFactory.getLogger(SmsOutbox.class);
    private static final int MAX_BATCH = 500;

    /** How hard to try: attempts before a dead letter, the first back-off, messages per second at most. */
    record Policy(int maxAttempts, int firstRetrySeconds, int perSecond, long pollMillis) {
        static Policy of(SmsSettings s) {
            return new Policy(Math.max(1, s.maxAttempts()), Math.max(1, s.firstRetrySeconds()), Math.max(1, s.throttlePerSecond()),
                    Math.max(100, s.pollMillis()));
        }
    }

    private final SmsStore store;
    private final SmsInbox inbox;
    private long nextSendNanos = System.nanoTime();

    SmsOutbox(SmsStore store, SmsInbox inbox) {
        this.store = store;
        this.inbox = inbox;
    }

    /** Sends what is due; returns how many messages the gateway took. */
    int drain(SmsGateway gateway, Policy policy) throws InterruptedException {
        // about one poll interval's worth at the throttled rate: a pass never holds the thread much longer than that
        int batch = (int) Math.min(MAX_BATCH, Math.max(1, policy.perSecond() * Math.max(1, policy.pollMillis() / 1000)));
        List<SmsOutboxEntry> due = store.due(batch);
        int sent = 0;
        for (SmsOutboxEntry entry : due) {
            pace(policy.perSecond());
            SmsMessage sms = store.message(entry.getSmsId());
            SmsGateway.Accepted accepted;
            try {
                accepted = gateway.send(new SmsGateway.Outgoing(sms.getId(), sms.getToNumber(), sms.getFromNumber(), sms.getText()));
            } catch (Exception e) {
                String reason = rootMessage(e);
                LOG.info("text message {} not sent (attempt {}): {}", sms.getId(), entry.getAttempts() + 1, reason);
                store.failed(entry.getId(), reason, policy.maxAttempts(), policy.firstRetrySeconds());
                continue;
            }
            store.sent(entry.getId(), gateway.name(), accepted);
            inbox.afterSent(gateway.name(), accepted.gatewayIds());
            sent++;
        }
        return sent;
    }

    /** Waits for the next slot of the throttle. */
    private void pace(int perSecond) throws InterruptedException {
        long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
        long now = System.nanoTime();
        if (nextSendNanos > now) {
            TimeUnit.NANOSECONDS.sleep(nextSendNanos - now);
        }
        nextSendNanos = Math.max(now, nextSendNanos) + interval;
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
