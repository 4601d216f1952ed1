package org.atriumcrm.mail.internal;

import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Convert;
import javax.persistence.Entity;
import javax.persistence.Index;
import javax.persistence.Table;
import org.atriumcrm.persistence.api.BaseRecord;
import org.atriumcrm.persistence.api.InstantConverter;

/** Opens, clicks and the unsubscribe of one sent email, found by its unguessable token (never by the email's id). */
@Entity(name = "EmailTracking")
@Table(name = "ATRIUM_EMAIL_TRACKING", indexes = {
        @Index(name = "IX_EMAIL_TRACKING_TOKEN", columnList = "TOKEN", unique = true),
        @Index(name = "IX_EMAIL_TRACKING_EMAIL", columnList = "EMAIL_ID")})
public class EmailTracking extends BaseRecord {
    @Column(name = "EMAIL_ID", length = 36)
    private String emailId;
    @Column(name = "TOKEN", length = 32)
    private String token;
    @Column(name = "MASS_MAILING_ID", length = 36)
    private String massMailingId;
    @Column(name = "RECIPIENT_ID", length = 36)
    private String recipientId;
    @Column(name = "CONTACT_ID", length = 36)
    private String contactId;
    @Column(name = "LEAD_ID", length = 36)
    private String leadId;
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
    @Convert(converter = InstantConverter.class)
    @Column(name = "LAST_CLICKED_AT")
    private Instant lastClickedAt;
    @Convert(converter = InstantConverter.class)
    @Column(name = "UNSUBSCRIBED_AT")
    private Instant unsubscribedAt;

    public String getEmailId() {
        return emailId;
    }

    public void setEmailId(String emailId) {
        this.emailId = emailId;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public String getMassMailingId() {
        return massMailingId;
    }

    public void setMassMailingId(String massMailingId) {
        this.massMailingId = massMailingId;
    }

    public String getRecipientId() {
        return recipientId;
    }

    public void setRecipientId(String recipientId) {
        this.recipientId = recipientId;
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

    public Instant getLastClickedAt() {
        return lastClickedAt;
    }

    public void setLastClickedAt(Instant lastClickedAt) {
        this.lastClickedAt = lastClickedAt;
    }

    public Instant getUnsubscribedAt() {
        return unsubscribedAt;
    }

    public void setUnsubscribedAt(Instant unsubscribedAt) {
        this.unsubscribedAt = unsubscribedAt;
    }
}
