package org.atriumcrm.mail.internal;

import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Convert;
import javax.persistence.Entity;
import javax.persistence.Index;
import javax.persistence.Table;
import org.atriumcrm.persistence.api.BaseRecord;
import org.atriumcrm.persistence.api.InstantConverter;

/** One email waiting in the company outbox, or delivered, or given up on (the dead-letter store). */
@Entity(name = "MailOutboxEntry")
@Table(name = "ATRIUM_MAIL_OUTBOX", indexes = {
        @Index(name = "IX_MAIL_OUTBOX_DUE", columnList = "STATUS,NEXT_ATTEMPT_AT")})
public class MailOutboxEntry extends BaseRecord {
    @Column(name = "EMAIL_ID", length = 36)
    private String emailId;
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

    public String getEmailId() {
        return emailId;
    }

    public void setEmailId(String emailId) {
        this.emailId = emailId;
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
