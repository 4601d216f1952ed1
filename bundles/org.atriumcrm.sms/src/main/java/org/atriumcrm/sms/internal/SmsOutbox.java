package org.atriumcrm.sms.internal;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.atriumcrm.integration.api.outbox.BackOff;
import org.atriumcrm.integration.api.outbox.OutboxChannel;
import org.atriumcrm.integration.api.outbox.OutboxDrainer;

/**
 * The SMS channel of the platform's outbox: one pass over the due entries hands each message to the gateway on its
 * own, no faster than the throttle, and marks it sent or rescheduled (retries, back-off and dead letters are the
 * platform's outbox, integration.api.outbox).
 */
final class SmsOutbox {
    private static final int MAX_BATCH = 500;

    /** How hard to try: attempts before a dead letter, the first back-off, messages per second at most. */
    record Policy(int maxAttempts, int firstRetrySeconds, int perSecond, long pollMillis) {
        static Policy of(SmsSettings s) {
            return new Policy(Math.max(1, s.maxAttempts()), Math.max(1, s.firstRetrySeconds()), Math.max(1, s.throttlePerSecond()),
                    Math.max(100, s.pollMillis()));
        }

        BackOff backOff() {
            return BackOff.of(maxAttempts, firstRetrySeconds);
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
        return OutboxDrainer.pass(new OutboxChannel<SmsOutboxEntry, SmsGateway.Accepted>() {
            @Override
            public List<SmsOutboxEntry> due(int max) {
                return store.due(max);
            }

            @Override
            public void pace() throws InterruptedException {
                SmsOutbox.this.pace(policy.perSecond());
            }

            @Override
            public SmsGateway.Accepted send(SmsOutboxEntry entry) throws Exception {
                SmsMessage sms = store.message(entry.getSmsId());
                return gateway.send(new SmsGateway.Outgoing(sms.getId(), sms.getToNumber(), sms.getFromNumber(), sms.getText()));
            }

            @Override
            public void delivered(SmsOutboxEntry entry, SmsGateway.Accepted accepted) {
                store.sent(entry.getId(), gateway.name(), accepted);
                inbox.afterSent(gateway.name(), accepted.gatewayIds());
            }

            @Override
            public void failed(SmsOutboxEntry entry, String reason) {
                store.failed(entry.getId(), reason, policy.backOff());
            }
        }, batch);
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
}
