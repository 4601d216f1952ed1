package org.atriumcrm.integration.api.outbox;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.security.Caller;
import org.junit.Test;

public class OutboxDrainerTest {
    private static final Instant T0 = Instant.parse("2026-12-07T08:00:00Z");

    static final class Entry extends OutboxEntry {
        final String to;

        Entry(String id, String to) {
            this.to = to;
            queue(id, "owner", T0, null, Caller.SYSTEM);
        }
    }

    /** A channel over a list, recording outcomes as the channels do, through OutboxEntries. */
    static final class Channel implements OutboxChannel<Entry, String> {
        final List<Entry> entries = new ArrayList<>();
        final List<String> sent = new ArrayList<>();
        final BackOff backOff = BackOff.of(2, 1);
        int allowance = Integer.MAX_VALUE;
        int paced;

        @Override
        public List<Entry> due(int max) {
            return entries.stream().filter(e -> OutboxEntry.PENDING.equals(e.getStatus())).limit(max).toList();
        }

        @Override
        public String send(Entry entry) throws Exception {
            if (entry.to.startsWith("bad")) {
                throw new IllegalStateException("outer", new java.io.IOException("refused by " + entry.to));
            }
            sent.add(entry.to);
            return "id-" + entry.to;
        }

        @Override
        public void delivered(Entry entry, String answer) {
            OutboxEntries.delivered(entry, T0);
        }

        @Override
        public void failed(Entry entry, String reason) {
            OutboxEntries.failed(entry, reason, backOff, T0);
        }

        @Override
        public int allowance(int batch) {
            return Math.min(batch, allowance);
        }

        @Override
        public void pace() {
            paced++;
        }
    }

    @Test
    public void aFailingMessageIsRescheduledWithItsReasonAndNeverHoldsUpTheOthers() throws Exception {
        Channel channel = new Channel();
        channel.entries.add(new Entry("1", "alice"));
        channel.entries.add(new Entry("2", "bad-host"));
        channel.entries.add(new Entry("3", "bob"));

        assertEquals(2, OutboxDrainer.pass(channel, 20));

        assertEquals(List.of("alice", "bob"), channel.sent);
        assertEquals(3, channel.paced);
        Entry bad = channel.entries.get(1);
        assertEquals(OutboxEntry.PENDING, bad.getStatus());
        assertEquals(Long.valueOf(1), bad.getAttempts());
        assertEquals("IOException: refused by bad-host", bad.getLastError());
        assertEquals(T0.plusSeconds(1), bad.getNextAttemptAt());
        assertEquals(OutboxEntry.DELIVERED, channel.entries.get(0).getStatus());
        assertEquals(T0, channel.entries.get(0).getDeliveredAt());
    }

    @Test
    public void theLastAttemptMakesADeadLetterWhichAReplayPutsBack() throws Exception {
        Channel channel = new Channel();
        Entry bad = new Entry("1", "bad-host");
        channel.entries.add(bad);
        OutboxDrainer.pass(channel, 20);
        OutboxDrainer.pass(channel, 20);
        assertTrue(bad.isDead());
        assertEquals(Long.valueOf(2), bad.getAttempts());
        assertEquals(0, OutboxDrainer.pass(channel, 20)); // a dead letter is not due

        OutboxEntries.replay(bad, Caller.SYSTEM, T0.plusSeconds(60));
        assertEquals(OutboxEntry.PENDING, bad.getStatus());
        assertEquals(Long.valueOf(0), bad.getAttempts());
        assertEquals(T0.plusSeconds(60), bad.getNextAttemptAt());
    }

    @Test
    public void onlyDeadLettersAreReplayed() {
        Entry waiting = new Entry("1", "alice");
        try {
            OutboxEntries.replay(waiting, Caller.SYSTEM, T0);
            throw new AssertionError("replayed a waiting entry");
        } catch (AtriumException e) {
            assertEquals(409, e.status());
        }
    }

    @Test
    public void aSpentAllowanceSendsNothingAndTheBatchIsRespected() throws Exception {
        Channel channel = new Channel();
        for (int i = 0; i < 5; i++) {
            channel.entries.add(new Entry(String.valueOf(i), "to" + i));
        }
        channel.allowance = 0;
        assertEquals(0, OutboxDrainer.pass(channel, 20));
        channel.allowance = Integer.MAX_VALUE;
        assertEquals(3, OutboxDrainer.pass(channel, 3));
        assertEquals(List.of("to0", "to1", "to2"), channel.sent);
    }

    @Test
    public void backOffDoublesUpToItsCeilingAndEndsAfterTheLastAttempt() {
        BackOff b = new BackOff(30, Duration.ofSeconds(5), Duration.ofMinutes(15));
        assertEquals(Optional.of(T0.plusSeconds(5)), b.retryAt(1, T0));
        assertEquals(Optional.of(T0.plusSeconds(10)), b.retryAt(2, T0));
        assertEquals(Optional.of(T0.plusSeconds(40)), b.retryAt(4, T0));
        assertEquals(Optional.of(T0.plusSeconds(900)), b.retryAt(29, T0));
        assertFalse(b.retryAt(30, T0).isPresent());
        assertEquals(BackOff.of(0, 0), new BackOff(1, Duration.ofSeconds(1), BackOff.QUARTER_HOUR));
    }

    @Test
    public void aDueTimeInThePastMeansAtOnce() {
        Entry later = new Entry("1", "x");
        later.queue("2", "owner", T0, T0.plusSeconds(3600), Caller.SYSTEM);
        assertEquals(T0.plusSeconds(3600), later.getNextAttemptAt());
        later.queue("3", "owner", T0, T0.minusSeconds(5), Caller.SYSTEM);
        assertEquals(T0, later.getNextAttemptAt());
    }
}
