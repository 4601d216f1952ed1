package org.atriumcrm.activities.internal;

import static org.junit.Assert.assertEquals;

import java.lang.annotation.Annotation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.After;
import org.junit.Test;

/**
 * Reminders exactly once: 16 rounds released together by a barrier (the timer's round, a restart's, other nodes')
 * over the same due reminders send each (activity, occurrence, channel) once; a later round, and a new scheduler
 * (a restart: nothing in memory), send none of them again; a moved or cancelled occurrence is reminded at its new
 * time or not at all; a sender that fails releases its claim for the next round.
 */
public class ReminderClaimRaceTest {
    private static final int ROUNDS = 16;
    private static final Instant NOW = Instant.parse("2026-12-14T01:45:00Z");
    private final ActivitiesFixture db = new ActivitiesFixture();
    private final Map<String, AtomicInteger> sent = new ConcurrentHashMap<>();
    private final List<ActivityReminders> schedulers = new ArrayList<>();
    private volatile boolean failing;

    private ActivityReminders scheduler() {
        ActivityReminders r = new ActivityReminders(db.activities, reminder -> {
            if (failing) {
                throw new IllegalStateException("outbox down");
            }
            sent.computeIfAbsent(reminder.activityId() + " " + reminder.start() + " " + reminder.channel(), k -> new AtomicInteger())
                    .incrementAndGet();
        }, new Config(), null);
        schedulers.add(r);
        return r;
    }

    @After
    public void tearDown() {
        schedulers.forEach(ActivityReminders::stop);
        db.close();
    }

    @Test
    public void sixteenRoundsReleasedTogetherSendEachReminderOnce() throws Exception {
        // due now: the 10:00 Shanghai (02:00Z) stand-up of 14 December, 30 minutes before (01:30Z), by mail and SMS
        Activity standUp = db.meeting("站会", "2026-12-10T02:00:00Z", "FREQ=DAILY;COUNT=10", "reminderMinutes", 30L, "reminderChannels", "mail,sms");
        // due now: a call at 02:00Z, 15 minutes before (01:45Z exactly), by mail (the default)
        Activity call = db.activities.create(Map.of("kind", "call", "subject", "给王总打电话", "startAt", Instant.parse("2026-12-14T02:00:00Z"),
                "reminderMinutes", 15L), ActivitiesFixture.WANG);
        // not due: 10 minutes before 02:00Z is 01:50Z, still ahead
        db.meeting("周会", "2026-12-14T02:00:00Z", null, "reminderMinutes", 10L);
        // due by time (its reminder at 01:00Z is 45 minutes late, within the hour allowed) but cancelled: not reminded
        db.meeting("已取消的会", "2026-12-14T01:30:00Z", null, "reminderMinutes", 30L, "status", "cancelled");
        // a weekly series whose occurrence of today is cancelled, and one whose occurrence of yesterday moved to today 02:00Z
        Activity cancelledToday = db.meeting("周例会", "2026-12-07T02:00:00Z", "FREQ=WEEKLY;COUNT=4", "reminderMinutes", 30L);
        db.cancel(cancelledToday, "2026-12-14T02:00:00Z");
        Activity movedToToday = db.meeting("客户回访", "2026-12-06T02:00:00Z", "FREQ=WEEKLY;COUNT=4", "reminderMinutes", 30L);
        db.move(movedToToday, "2026-12-13T02:00:00Z", "2026-12-14T02:00:00Z", "2026-12-14T03:00:00Z", null);

        ActivityReminders reminders = scheduler();
        List<Integer> perRound = together(() -> reminders.remind(NOW));

        Map<String, Integer> expected = new TreeMap<>(Map.of(
                standUp.getId() + " 2026-12-14T02:00:00Z mail", 1,
                standUp.getId() + " 2026-12-14T02:00:00Z sms", 1,
                call.getId() + " 2026-12-14T02:00:00Z mail", 1,
                movedToToday.getId() + " 2026-12-14T02:00:00Z mail", 1));
        Map<String, Integer> got = new TreeMap<>();
        sent.forEach((k, v) -> got.put(k, v.get()));
        assertEquals(expected, got);
        assertEquals("the rounds together sent each once: " + perRound, 4, perRound.stream().mapToInt(Integer::intValue).sum());
        assertEquals(4L, (long) db.jpa.txExpr(em -> em.createQuery("SELECT COUNT(c) FROM ActivityReminderClaim c", Long.class).getSingleResult()));

        // a minute later, and after a "restart" (a new scheduler, nothing in memory): nothing again
        assertEquals(0, reminders.remind(NOW.plusSeconds(60)));
        assertEquals(0, together(() -> scheduler().remind(NOW.plusSeconds(120))).stream().mapToInt(Integer::intValue).sum());
        sent.forEach((k, v) -> assertEquals(k, 1, v.get()));

        // 01:50Z: the 10-minutes-before meeting comes due, once
        assertEquals(1, together(() -> reminders.remind(Instant.parse("2026-12-14T01:50:00Z"))).stream().mapToInt(Integer::intValue).sum());
    }

    @Test
    public void aFailedSendIsReleasedForTheNextRound() {
        db.meeting("站会", "2026-12-14T02:00:00Z", null, "reminderMinutes", 30L);
        ActivityReminders reminders = scheduler();
        failing = true;
        assertEquals(0, reminders.remind(NOW));
        failing = false;
        assertEquals(1, reminders.remind(NOW.plusSeconds(60)));
        assertEquals(0, reminders.remind(NOW.plusSeconds(120)));
    }

    @Test
    public void aReminderDueLongerAgoThanTheLatenessIsNotSent() {
        // due at 00:30Z; the server came back at 01:45Z, 75 minutes later, more than the 60 allowed
        db.meeting("站会", "2026-12-14T01:00:00Z", null, "reminderMinutes", 30L);
        assertEquals(0, scheduler().remind(NOW));
    }

    private static List<Integer> together(Callable<Integer> round) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(ROUNDS);
        try {
            CyclicBarrier start = new CyclicBarrier(ROUNDS);
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < ROUNDS; i++) {
                futures.add(pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    return round.call();
                }));
            }
            List<Integer> results = new ArrayList<>();
            for (Future<Integer> f : futures) {
                results.add(f.get(120, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Rounds run by the test only: the timer's first one a day away. */
    private static final class Config implements ActivityReminders.Config {
        @Override
        public long intervalSeconds() {
            return 86_400;
        }

        @Override
        public long lateMinutes() {
            return 60;
        }

        @Override
        public Class<? extends Annotation> annotationType() {
            return ActivityReminders.Config.class;
        }
    }
}
