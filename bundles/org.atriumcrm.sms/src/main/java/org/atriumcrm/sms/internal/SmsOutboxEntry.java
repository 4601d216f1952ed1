package org.atriumcrm.sms.internal;

import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Convert;
import javax.persistence.Entity;
import javax.persistence.Index;
import javax.persistence.Table;
import org.atriumcrm.persistence.api.BaseRecord;
import org.atriumcrm.persistence.api.InstantConverter;

/** One text message waiting in the SMS outbox, or handed to the gateway, or given up on (the dead-letter store). */
@Entity(name = "SmsOutboxEntry")
@Table(name = "ATRIUM_SMS_OUTBOX", indexes = {
        @Index(name = "IX_SMS_OUTBOX_DUE", columnList = "STATUS,NEXT_ATTEMPT_AT")})
public class SmsOutboxEntry extends BaseRecord {
    @Column(name = "SMS_ID", length = 36)
    private String smsId;
    @Column(name = "STATUS", length = 10)
    private String status;
    @Column(name = "ATTEMPTS")
    private Long attempts;
    @Convert(converter = InstantConverter.class)
    @Column(name = "NEXT_ATTEMPT_AT")
    private Instant nextAttemptAt;
    @Column(name = "LAST_ERROR", length = 1000)
    private String lastError;
    @Convert(converter = InstantConverter.class)
    @Column(name = "DELIVERED_AT")
    private Instant deliveredAt;

    public String getSmsId() {
        return smsId;
    }

    public void setSmsId(String smsId) {
        this.smsId = smsId;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public Long getAttempts() {
        return attempts;
    }

    public void setAttempts(Long attempts) {
        this.attempts = attempts;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public void setNextAttemptAt(Instant nextAttemptAt) {
        this.nextAttemptAt = nextAttemptAt;
    }

    public String getLastError() {
        return lastError;
    }

    public void setLastError(String lastError) {
        this.lastError = lastError;
    }

    public Instant getDeliveredAt() {
        return deliveredAt;
    }

    public void setDeliveredAt(Instant deliveredAt) {
        this.deliveredAt = deliveredAt;
    }

    static final String PENDING = "pending";
    static final String DELIVERED = "delivered";
    static final String DEAD = "dead";
}
