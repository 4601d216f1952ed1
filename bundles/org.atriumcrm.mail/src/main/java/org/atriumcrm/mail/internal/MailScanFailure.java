package org.atriumcrm.mail.internal;

import javax.persistence.Basic;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.FetchType;
import javax.persistence.Lob;
import javax.persistence.Table;

import org.atriumcrm.persistence.api.BaseRecord;

/**
 * The scanner's dead-letter store: a message that could not be filed, with the reason and its raw RFC 822 bytes, so
 * it neither blocks its mailbox nor gets lost; an administrator inspects it and replays it once the cause is fixed.
 */
@Entity(name = "MailScanFailure")
@Table(name = "ATRIUM_MAIL_SCAN_FAILURE")
public class MailScanFailure extends BaseRecord {
    static final String DEAD = "dead", REPLAYED = "replayed";

    @Column(name = "MAILBOX_ID", length = 36)
    private String mailboxId;
    @Column(name = "MESSAGE_KEY", length = 1000)
    private String messageKey;
    @Column(name = "FROM_ADDRESS", length = 500)
    private String fromAddress;
    @Column(name = "SUBJECT", length = 1000)
    private String subject;
    @Column(name = "REASON", length = 2000)
    private String reason;
    @Column(name = "STATUS", length = 10)
    private String status;
    @Column(name = "SIZE_BYTES")
    private Long sizeBytes;
    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "RAW_MESSAGE")
    private byte[] raw;

    public String getMailboxId() { return mailboxId; }
    void setMailboxId(String mailboxId) { this.mailboxId = mailboxId; }
    public String getMessageKey() { return messageKey; }
    void setMessageKey(String messageKey) { this.messageKey = messageKey; }
    public String getFromAddress() { return fromAddress; }
    void setFromAddress(String fromAddress) { this.fromAddress = fromAddress; }
    public String getSubject() { return subject; }
    void setSubject(String subject) { this.subject = subject; }
    public String getReason() { return reason; }
    void setReason(String reason) { this.reason = reason; }
    public String getStatus() { return status; }
    void setStatus(String status) { this.status = status; }
    public Long getSizeBytes() { return sizeBytes; }
    void setSizeBytes(Long sizeBytes) { this.sizeBytes = sizeBytes; }
    byte[] getRaw() { return raw; }
    void setRaw(byte[] raw) { this.raw = raw; }
}
