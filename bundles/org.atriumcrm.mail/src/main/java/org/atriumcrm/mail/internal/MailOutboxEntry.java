package org.atriumcrm.mail.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Index;
import javax.persistence.Table;

import org.atriumcrm.integration.api.outbox.OutboxEntry;

/** One email waiting in the company outbox, or delivered, or given up on (the dead-letter store). */
@Entity(name = "MailOutboxEntry")
@Table(name = "ATRIUM_MAIL_OUTBOX", indexes = {
        @Index(name = "IX_MAIL_OUTBOX_DUE", columnList = "STATUS,NEXT_ATTEMPT_AT")})
public class MailOutboxEntry extends OutboxEntry {
    @Column(name = "EMAIL_ID", length = 36)
    private String emailId;

    public String getEmailId() {
        return emailId;
    }

    public void setEmailId(String emailId) {
        this.emailId = emailId;
    }
}
