package org.atriumcrm.activities.internal;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Convert;
import javax.persistence.Entity;
import javax.persistence.Index;
import javax.persistence.Table;
import org.atriumcrm.persistence.api.BaseRecord;
import org.atriumcrm.persistence.api.InstantConverter;

/**
 * One occurrence of a recurring activity changed alone (RFC 5545's RECURRENCE-ID): identified by the start the rule
 * gives it ({@code originalStart}), either cancelled (an EXDATE in the feed) or moved to a new start and end, with
 * its own subject or location when they differ. The series itself is unchanged.
 */
@Entity(name = "ActivityOccurrenceChange")
@Table(name = "ATRIUM_ACTIVITY_OCCURRENCE", indexes = @Index(name = "IX_OCCURRENCE_ACTIVITY", columnList = "ACTIVITY_ID, ORIGINAL_START"))
public class ActivityOccurrenceChange extends BaseRecord {
    @Column(name = "ACTIVITY_ID", length = 36)
    private String activityId;
    @Column(name = "ORIGINAL_START")
    @Convert(converter = InstantConverter.class)
    private Instant originalStart;
    @Column(name = "CANCELLED")
    private Boolean cancelled;
    @Column(name = "NEW_START")
    @Convert(converter = InstantConverter.class)
    private Instant newStart;
    @Column(name = "NEW_END")
    @Convert(converter = InstantConverter.class)
    private Instant newEnd;
    @Column(name = "SUBJECT", length = 255)
    private String subject;
    @Column(name = "LOCATION", length = 255)
    private String location;

    public String getActivityId() {
        return activityId;
    }

    public void setActivityId(String activityId) {
        this.activityId = activityId;
    }

    public Instant getOriginalStart() {
        return originalStart;
    }

    public void setOriginalStart(Instant originalStart) {
        this.originalStart = originalStart;
    }

    public Boolean getCancelled() {
        return cancelled;
    }

    public void setCancelled(Boolean cancelled) {
        this.cancelled = cancelled;
    }

    public Instant getNewStart() {
        return newStart;
    }

    public void setNewStart(Instant newStart) {
        this.newStart = newStart;
    }

    public Instant getNewEnd() {
        return newEnd;
    }

    public void setNewEnd(Instant newEnd) {
        this.newEnd = newEnd;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public String getLocation() {
        return location;
    }

    public void setLocation(String location) {
        this.location = location;
    }
}
