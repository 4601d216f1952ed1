package org.atriumcrm.mail.internal;

import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Convert;
import javax.persistence.Entity;
import javax.persistence.Index;
import javax.persistence.Table;
import org.atriumcrm.persistence.api.BaseRecord;
import org.atriumcrm.persistence.api.InstantConverter;

/** One recipient of a mass mailing and what became of the email to them. */
@Entity(name = "MassMailingRecipient")
@Table(name = "ATRIUM_MASS_MAILING_RCPT", indexes = {
        @Index(name = "IX_MM_RCPT_MAILING", columnList = "MASS_MAILING_ID,STATUS"),
        @Index(name = "IX_MM_RCPT_EMAIL", columnList = "EMAIL_ID")})
public class MassMailingRecipient extends BaseRecord {
    static final String PENDING = "pending";
    static final String QUEUED = "queued";
    static final String SENT = "sent";
    static final String SKIPPED_OPT_OUT = "skipped-opt-out";
    static final String SKIPPED_NO_ADDRESS = "skipped-no-address";
    static final String FAILED = "failed";
    static final String OPENED = "opened";
    static final String CANCELLED = "cancelled";
    @Column(name = "MASS_MAILING_ID", length = 36)
    private String massMailingId;
    @Column(name = "CONTACT_ID", length = 36)
    private String contactId;
    @Column(name = "LEAD_ID", length = 36)
    private String leadId;
    @Column(name = "EMAIL_ADDRESS", length = 320)
    private String emailAddress;
    @Column(name = "STATUS", length = 20)
    private String status;
    @Column(name = "REASON", length = 500)
    private String reason;
    @Column(name = "EMAIL_ID", length = 36)
    private String emailId;
    @Convert(converter = InstantConverter.class)
    @Column(name = "FIRST_OPENED_AT")
    private Instant firstOpenedAt;
    @Convert(converter = InstantConverter.class)
    @Column(name = "LAST_OPENED_AT")
    private Instant lastOpenedAt;
    @Column(name = "OPEN_COUNT")
    private Long openCount = 0L;
    @Column(name = "CLICK_COUNT")
    private Long clickCount = 0L;

    public String getMassMailingId() {
        return massMailingId;
    }

    public void setMassMailingId(String massMailingId) {
        this.massMailingId = massMailingId;
    }

    public String getContactId() {
        return contactId;
    }

    public void setContactId(String contactId) {
        this.contactId = contactId;
    }

    public String getLeadId() {
        return leadId;
    }

    public void setLeadId(String leadId) {
        this.leadId = leadId;
    }

    public String getEmailAddress() {
        return emailAddress;
    }

    public void setEmailAddress(String emailAddress) {
        this.emailAddress = emailAddress;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getEmailId() {
        return emailId;
    }

    public void setEmailId(String emailId) {
        this.emailId = emailId;
    }

    public Instant getFirstOpenedAt() {
        return firstOpenedAt;
    }

    public void setFirstOpenedAt(Instant firstOpenedAt) {
        this.firstOpenedAt = firstOpenedAt;
    }

    public Instant getLastOpenedAt() {
        return lastOpenedAt;
    }

    public void setLastOpenedAt(Instant lastOpenedAt) {
        this.lastOpenedAt = lastOpenedAt;
    }

    public Long getOpenCount() {
        return openCount;
    }

    public void setOpenCount(Long openCount) {
        this.openCount = openCount;
    }

    public Long getClickCount() {
        return clickCount;
    }

    public void setClickCount(Long clickCount) {
        this.clickCount = clickCount;
    }
}
