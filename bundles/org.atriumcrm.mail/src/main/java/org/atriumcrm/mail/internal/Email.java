package org.atriumcrm.mail.internal;

import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Convert;
import javax.persistence.Entity;
import javax.persistence.Index;
import javax.persistence.Table;
import org.atriumcrm.persistence.api.BaseRecord;
import org.atriumcrm.persistence.api.InstantConverter;

/** An email (邮件) the CRM sent or received, linked to the contact, account or lead it concerns. */
@Entity(name = "Email")
@Table(name = "ATRIUM_EMAIL", indexes = {
        @Index(name = "IX_EMAIL_CONTACT", columnList = "CONTACT_ID"),
        @Index(name = "IX_EMAIL_ACCOUNT", columnList = "ACCOUNT_ID"),
        @Index(name = "IX_EMAIL_LEAD", columnList = "LEAD_ID"),
        @Index(name = "IX_EMAIL_CREATED", columnList = "CREATED_AT"),
        @Index(name = "IX_EMAIL_MESSAGE_ID", columnList = "MESSAGE_ID"),
        @Index(name = "IX_EMAIL_THREAD", columnList = "THREAD_ID")})
public class Email extends BaseRecord {
    @Column(name = "DIRECTION", length = 10)
    private String direction;
    @Column(name = "STATUS", length = 10)
    private String status;
    @Column(name = "FROM_ADDRESS", length = 320)
    private String fromAddress;
    @Column(name = "TO_ADDRESSES", length = 4000)
    private String toAddresses;
    @Column(name = "CC_ADDRESSES", length = 4000)
    private String ccAddresses;
    @Column(name = "SUBJECT", length = 1000)
    private String subject;
    @Column(name = "TEXT_BODY", length = 32000)
    private String textBody;
    @Column(name = "HTML_BODY", length = 32000)
    private String htmlBody;
    @Convert(converter = InstantConverter.class)
    @Column(name = "SENT_AT")
    private Instant sentAt;
    @Column(name = "MESSAGE_ID", length = 500)
    private String messageId;
    @Column(name = "IN_REPLY_TO", length = 500)
    private String inReplyTo;
    @Column(name = "CONTACT_ID", length = 36)
    private String contactId;
    @Column(name = "ACCOUNT_ID", length = 36)
    private String accountId;
    @Column(name = "LEAD_ID", length = 36)
    private String leadId;
    @Column(name = "FAILURE_REASON", length = 1000)
    private String failureReason;
    @Column(name = "REFERENCES_IDS", length = 4000)
    private String references;
    @Column(name = "THREAD_ID", length = 36)
    private String threadId;
    @Column(name = "MAILBOX_ID", length = 36)
    private String mailboxId;

    public String getReferences() { return references; }
    void setReferences(String references) { this.references = references; }
    public String getThreadId() { return threadId; }
    void setThreadId(String threadId) { this.threadId = threadId; }
    public String getMailboxId() { return mailboxId; }
    void setMailboxId(String mailboxId) { this.mailboxId = mailboxId; }

    public String getDirection() {
        return direction;
    }

    public void setDirection(String direction) {
        this.direction = direction;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getFromAddress() {
        return fromAddress;
    }

    public void setFromAddress(String fromAddress) {
        this.fromAddress = fromAddress;
    }

    public String getToAddresses() {
        return toAddresses;
    }

    public void setToAddresses(String toAddresses) {
        this.toAddresses = toAddresses;
    }

    public String getCcAddresses() {
        return ccAddresses;
    }

    public void setCcAddresses(String ccAddresses) {
        this.ccAddresses = ccAddresses;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public String getTextBody() {
        return textBody;
    }

    public void setTextBody(String textBody) {
        this.textBody = textBody;
    }

    public String getHtmlBody() {
        return htmlBody;
    }

    public void setHtmlBody(String htmlBody) {
        this.htmlBody = htmlBody;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    public void setSentAt(Instant sentAt) {
        this.sentAt = sentAt;
    }

    public String getMessageId() {
        return messageId;
    }

    public void setMessageId(String messageId) {
        this.messageId = messageId;
    }

    public String getInReplyTo() {
        return inReplyTo;
    }

    public void setInReplyTo(String inReplyTo) {
        this.inReplyTo = inReplyTo;
    }

    public String getContactId() {
        return contactId;
    }

    public void setContactId(String contactId) {
        this.contactId = contactId;
    }

    public String getAccountId() {
        return accountId;
    }

    public void setAccountId(String accountId) {
        this.accountId = accountId;
    }

    public String getLeadId() {
        return leadId;
    }

    public void setLeadId(String leadId) {
        this.leadId = leadId;
    }

    public String getFailureReason() {
        return failureReason;
    }

    public void setFailureReason(String failureReason) {
        this.failureReason = failureReason;
    }
    static final String OUTBOUND = "outbound";
    static final String INBOUND = "inbound";
    static final String RECEIVED = "received";
    static final String LOGGED = "logged";
    static final String QUEUED = "queued";
    static final String SENT = "sent";
    static final String FAILED = "failed";

    @Override
    public void beforeSave() {
        if (direction == null) {
            direction = OUTBOUND;
        }
        if (status == null) {
            status = LOGGED;
        }
    }
}
