package org.atriumcrm.activities.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.persistence.api.RecordIds;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Activity reminders (日程提醒), each occurrence and channel exactly once: every round finds the reminders that are
 * due (their time, the occurrence's start less the activity's minutes, has come within the last {@code lateMinutes})
 * and claims each by inserting its {@link ReminderClaim}; only the round whose insert succeeds sends. Nothing is kept
 * in memory between rounds, so a restart (or a second node) neither repeats nor forgets a reminder; one that came due
 * while the server was down for longer than {@code lateMinutes} is skipped, not sent hours late.
 */
@Component(immediate = true, configurationPid = "org.atriumcrm.activities.reminders")
@Designate(ocd = ActivityReminders.Config.class)
public class ActivityReminders {
    private static final Logger LOG = LoggerFactory.getLogger(ActivityReminders.class);
    static final int MAX_ACTIVITIES = 10_000;

    @ObjectClassDefinition(name = "Atrium activity reminders", description = "Reminders of activities' occurrences by mail and SMS")
    public @interface Config {
        @AttributeDefinition(description = "Seconds between two rounds")
        long intervalSeconds() default 60;

        @AttributeDefinition(description = "A reminder due longer ago than this (a server down meanwhile) is not sent any more")
        long lateMinutes() default 60;
    }

    private final ActivityStore activities;
    private final ReminderSender sender;
    private final Duration late;
    private final ScheduledExecutorService timer;

    @Activate
    public ActivityReminders(@Reference ActivityStore activities, @Reference ReminderSender sender, Config config,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + ActivityTypes.MODULE + ")") ModuleGate gate) {
        this.activities = activities;
        this.sender = sender;
        this.late = Duration.ofMinutes(Math.max(1, config.lateMinutes()));
        long interval = Math.max(1, config.intervalSeconds());
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "atrium-activity-reminders"));
        timer.scheduleWithFixedDelay(this::runOnce, Math.min(interval, 30), interval, TimeUnit.SECONDS);
    }

    @Deactivate
    void stop() {
        timer.shutdownNow();
    }

    int runOnce() {
        try {
            return remind(Instant.now());
        } catch (RuntimeException e) {
            LOG.warn("activity reminders failed this round; the next round retries", e);
            return 0;
        }
    }

    /** One round at {@code now}: the reminders this round claimed and sent. */
    int remind(Instant now) {
        Instant earliest = now.minus(late);
        // an occurrence reminded now starts at most MAX_REMINDER_MINUTES ahead
        List<Activity> candidates = activities.reminding(earliest, now.plus(Duration.ofMinutes(ActivityStore.MAX_REMINDER_MINUTES)).plusSeconds(1),
                MAX_ACTIVITIES);
        Map<String, Map<Instant, ActivityOccurrenceChange>> changes = new HashMap<>();
        for (ActivityOccurrenceChange c : activities.changesOf(candidates.stream().map(Activity::getId).toList())) {
            changes.computeIfAbsent(c.getActivityId(), k -> new HashMap<>()).put(c.getOriginalStart(), c);
        }
        int sent = 0;
        for (Activity a : candidates) {
            if ("cancelled".equals(a.getStatus()) || "done".equals(a.getStatus())) {
                continue;
            }
            Duration before = Duration.ofMinutes(a.getReminderMinutes());
            // due: start - before in (earliest, now], i.e. start in (earliest + before, now + before]
            List<Occurrence> due = Occurrences.expand(a, changes.getOrDefault(a.getId(), Map.of()), earliest.plus(before).plusNanos(1),
                    now.plus(before).plusNanos(1));
            for (Occurrence o : due) {
                for (String channel : channels(a)) {
                    if (claim(a.getId(), o.originalStart(), channel, now)) {
                        try {
                            sender.send(new ReminderSender.Reminder(a.getId(), o.originalStart(), o.start(), channel, a.getOwnerId(), o.subject(),
                                    o.location(), a.getTimeZone(), a.getReminderMinutes()));
                            sent++;
                        } catch (RuntimeException e) {
                            LOG.warn("reminder of activity {} at {} by {} not sent; released for the next round", a.getId(), o.start(), channel, e);
                            release(a.getId(), o.originalStart(), channel);
                        }
                    }
                }
            }
        }
        return sent;
    }

    static List<String> channels(Activity a) {
        String c = a.getReminderChannels() == null ? ActivityTypes.MAIL : a.getReminderChannels();
        return java.util.Arrays.stream(c.split(",")).map(String::strip).filter(s -> !s.isEmpty()).distinct().collect(Collectors.toList());
    }

    /**
     * Claims one reminder: true for the one round whose insert succeeds; another round fails on the unique key. A
     * failure of the database is also a false: nothing was written, so a later round claims it.
     */
    boolean claim(String activityId, Instant occurrenceStart, String channel, Instant now) {
        try {
            return activities.inTx(em -> {
                // claimed already (the usual case after the first round): no insert, so no duplicate-key error in the log;
                // the unique key still decides between rounds that pass this check together
                if (!em.createQuery("SELECT c.id FROM ActivityReminderClaim c WHERE c.activityId = :a AND c.occurrenceStart = :s AND c.channel = :c")
                        .setParameter("a", activityId).setParameter("s", occurrenceStart).setParameter("c", channel).setMaxResults(1)
                        .getResultList().isEmpty()) {
                    return false;
                }
                em.persist(new ReminderClaim(RecordIds.next(), activityId, occurrenceStart, channel, now));
                em.flush();
                return true;
            });
        } catch (RuntimeException e) {
            return false;
        }
    }

    private void release(String activityId, Instant occurrenceStart, String channel) {
        try {
            activities.inTx(em -> em.createQuery("DELETE FROM ActivityReminderClaim c WHERE c.activityId = :a AND c.occurrenceStart = :s"
                    + " AND c.channel = :c").setParameter("a", activityId).setParameter("s", occurrenceStart).setParameter("c", channel).executeUpdate());
        } catch (RuntimeException e) {
            LOG.error("claim of reminder {} {} {} not released: it will not be sent", activityId, occurrenceStart, channel, e);
        }
    }
}
