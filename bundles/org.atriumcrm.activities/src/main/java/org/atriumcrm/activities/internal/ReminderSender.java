package org.atriumcrm.activities.internal;

import java.time.Instant;

/**
 * Delivers one claimed reminder on one channel. Called after the claim committed, at most once per claim; throwing
 * releases the claim so that the next round tries again. The mail and SMS outbox senders come next (they write the
 * message to their outbox, whose drainer retries); until then {@link LoggingReminderSender} logs.
 */
public interface ReminderSender {
    /** Service property: the channel a sender serves, {@code mail} or {@code sms}. */
    String CHANNEL_PROPERTY = "atrium.reminder.channel";

    void send(Reminder reminder);

    /** What to remind of: an occurrence of an activity, its owner the one reminded. */
    record Reminder(String activityId, Instant occurrenceStart, Instant start, String channel, String ownerId, String subject,
            String location, String timeZone, long minutesBefore) {
    }
}
