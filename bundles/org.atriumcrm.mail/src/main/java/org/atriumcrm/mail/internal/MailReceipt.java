package org.atriumcrm.mail.internal;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Convert;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

import org.atriumcrm.persistence.api.InstantConverter;

/**
 * The mail scanner's receipts as they were stored before the platform's inbound receipt store
 * ({@code org.atriumcrm.integration.api.InboundReceipt}, integration.api 1.3) took their place. Still mapped only so
 * that the table exists on every installation and {@link EmailStore#copyLegacyReceipts()} can copy an upgraded
 * installation's rows (same ids: a hash of mailbox and key) before the scanner reads its first mailbox. Nothing
 * writes it any more.
 */
@Entity(name = "MailReceipt")
@Table(name = "ATRIUM_MAIL_RECEIPT")
public class MailReceipt {
    @Id
    @Column(name = "ID", length = 64)
    private String id;
    @Column(name = "MAILBOX_ID", length = 36)
    private String mailboxId;
    @Column(name = "MESSAGE_KEY", length = 1000)
    private String messageKey;
    @Column(name = "STATUS", length = 10)
    private String status;
    @Column(name = "EMAIL_ID", length = 36)
    private String emailId;
    @Convert(converter = InstantConverter.class)
    @Column(name = "RECEIVED_AT")
    private Instant receivedAt;

    String getStatus() { return status; }
    void setStatus(String status) { this.status = status; }
    void setEmailId(String emailId) { this.emailId = emailId; }
    String getEmailId() { return emailId; }
}
