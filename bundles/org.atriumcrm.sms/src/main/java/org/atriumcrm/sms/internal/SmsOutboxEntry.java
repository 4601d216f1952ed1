package org.atriumcrm.sms.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Index;
import javax.persistence.Table;

import org.atriumcrm.integration.api.outbox.OutboxEntry;

/** One text message waiting in the SMS outbox, or handed to the gateway, or given up on (the dead-letter store). */
@Entity(name = "SmsOutboxEntry")
@Table(name = "ATRIUM_SMS_OUTBOX", indexes = {
        @Index(name = "IX_SMS_OUTBOX_DUE", columnList = "STATUS,NEXT_ATTEMPT_AT")})
public class SmsOutboxEntry extends OutboxEntry {
    @Column(name = "SMS_ID", length = 36)
    private String smsId;

    public String getSmsId() {
        return smsId;
    }

    public void setSmsId(String smsId) {
        this.smsId = smsId;
    }
}
