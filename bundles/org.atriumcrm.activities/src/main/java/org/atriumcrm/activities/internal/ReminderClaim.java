package org.atriumcrm.activities.internal;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Convert;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

import org.atriumcrm.persistence.api.InstantConverter;

/**
 * One reminder of one occurrence on one channel, claimed. The unique key (activity, occurrence start, channel) is the
 * claim: of two rounds that find the same due reminder (the timer's and a restart's, two cluster nodes) exactly one
 * inserts, and only that one sends. The state lives in the table, so a restart neither forgets nor repeats.
 */
@Entity(name = "ActivityReminderClaim")
@Table(name = "ATRIUM_ACTIVITY_REMINDER", indexes = @Index(name = "UQ_ACTIVITY_REMINDER",
        columnList = "ACTIVITY_ID, OCCURRENCE_START, CHANNEL", unique = true))
public class ReminderClaim {
    @Id
    @Column(name = "ID", length = 36)
    private String id;
    @Column(name = "ACTIVITY_ID", length = 36)
    private String activityId;
    @Column(name = "OCCURRENCE_START")
    @Convert(converter = InstantConverter.class)
    private Instant occurrenceStart;
    @Column(name = "CHANNEL", length = 10)
    private String channel;
    @Column(name = "CLAIMED_AT")
    @Convert(converter = InstantConverter.class)
    private Instant claimedAt;

    public ReminderClaim() {
    }

    ReminderClaim(String id, String activityId, Instant occurrenceStart, String channel, Instant claimedAt) {
        this.id = id;
        this.activityId = activityId;
        this.occurrenceStart = occurrenceStart;
        this.channel = channel;
        this.claimedAt = claimedAt;
    }

    public String getActivityId() {
        return activityId;
    }

    public Instant getOccurrenceStart() {
        return occurrenceStart;
    }

    public String getChannel() {
        return channel;
    }
}
