package org.atriumcrm.activities.internal;

import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs reminders; the sender of any channel that has no real sender yet (the outboxes are wired next). */
@Component(service = ReminderSender.class, property = {ReminderSender.CHANNEL_PROPERTY + "=*", "service.ranking:Integer=-100"})
public class LoggingReminderSender implements ReminderSender {
    private static final Logger LOG = LoggerFactory.getLogger(LoggingReminderSender.class);

    @Override
    public void send(Reminder r) {
        LOG.info("reminder by {} to {}: {} at {} ({} minutes before; activity {})", r.channel(), r.ownerId(), r.subject(), r.start(),
                r.minutesBefore(), r.activityId());
    }
}
