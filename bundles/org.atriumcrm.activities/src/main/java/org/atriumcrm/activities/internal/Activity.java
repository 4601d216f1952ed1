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
 * A task, meeting or call (任务 / 会议 / 电话), on any record of any module or plugin ({@code relatedEntity} +
 * {@code relatedId}: a reference by id, as across bundles everywhere). Times are instants (UTC); {@code timeZone} is
 * the zone its wall-clock times and its recurrence are meant in, so that "every Monday 10:00" stays 10:00 across a
 * daylight-saving change. A recurring one is one row: its occurrences are computed ({@link Occurrences}), and a single
 * occurrence moved or cancelled is an {@link ActivityOccurrenceChange}.
 */
@Entity(name = "Activity")
@Table(name = "ATRIUM_ACTIVITY", indexes = {@Index(name = "IX_ACTIVITY_OWNER_START", columnList = "OWNER_ID, START_AT, SERIES_END"), @Index(name = "IX_ACTIVITY_RELATED", columnList = "RELATED_ENTITY, RELATED_ID")})
public class Activity extends BaseRecord {
    @Column(name = "KIND", length = 10)
    private String kind;
    @Column(name = "SUBJECT", length = 255)
    private String subject;
    @Column(name = "DESCRIPTION", length = 4000)
    private String description;
    @Column(name = "START_AT")
    @Convert(converter = InstantConverter.class)
    private Instant startAt;
    @Column(name = "END_AT")
    @Convert(converter = InstantConverter.class)
    private Instant endAt;
    @Column(name = "DUE_AT")
    @Convert(converter = InstantConverter.class)
    private Instant dueAt;
    @Column(name = "ALL_DAY")
    private Boolean allDay;
    @Column(name = "LOCATION", length = 255)
    private String location;
    @Column(name = "STATUS", length = 20)
    private String status;
    @Column(name = "PRIORITY", length = 10)
    private String priority;
    @Column(name = "OUTCOME", length = 2000)
    private String outcome;
    @Column(name = "RELATED_ENTITY", length = 80)
    private String relatedEntity;
    @Column(name = "RELATED_ID", length = 36)
    private String relatedId;
    @Column(name = "RECURRENCE", length = 500)
    private String recurrence;
    @Column(name = "TIME_ZONE", length = 60)
    private String timeZone;
    @Column(name = "REMINDER_MINUTES")
    private Long reminderMinutes;
    @Column(name = "REMINDER_CHANNELS", length = 20)
    private String reminderChannels;
    /** Derived: when the last occurrence ends (every series has an end), so a window's query is two range conditions. */
    @Column(name = "SERIES_END")
    @Convert(converter = InstantConverter.class)
    private Instant seriesEnd;

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public Instant getStartAt() {
        return startAt;
    }

    public void setStartAt(Instant startAt) {
        this.startAt = startAt;
    }

    public Instant getEndAt() {
        return endAt;
    }

    public void setEndAt(Instant endAt) {
        this.endAt = endAt;
    }

    public Instant getDueAt() {
        return dueAt;
    }

    public void setDueAt(Instant dueAt) {
        this.dueAt = dueAt;
    }

    public Boolean getAllDay() {
        return allDay;
    }

    public void setAllDay(Boolean allDay) {
        this.allDay = allDay;
    }

    public String getLocation() {
        return location;
    }

    public void setLocation(String location) {
        this.location = location;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getPriority() {
        return priority;
    }

    public void setPriority(String priority) {
        this.priority = priority;
    }

    public String getOutcome() {
        return outcome;
    }

    public void setOutcome(String outcome) {
        this.outcome = outcome;
    }

    public String getRelatedEntity() {
        return relatedEntity;
    }

    public void setRelatedEntity(String relatedEntity) {
        this.relatedEntity = relatedEntity;
    }

    public String getRelatedId() {
        return relatedId;
    }

    public void setRelatedId(String relatedId) {
        this.relatedId = relatedId;
    }

    public String getRecurrence() {
        return recurrence;
    }

    public void setRecurrence(String recurrence) {
        this.recurrence = recurrence;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public Long getReminderMinutes() {
        return reminderMinutes;
    }

    public void setReminderMinutes(Long reminderMinutes) {
        this.reminderMinutes = reminderMinutes;
    }

    public String getReminderChannels() {
        return reminderChannels;
    }

    public void setReminderChannels(String reminderChannels) {
        this.reminderChannels = reminderChannels;
    }

    public Instant getSeriesEnd() {
        return seriesEnd;
    }

    void setSeriesEnd(Instant seriesEnd) {
        this.seriesEnd = seriesEnd;
    }
}
