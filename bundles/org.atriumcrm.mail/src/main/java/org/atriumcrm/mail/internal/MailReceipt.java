package org.atriumcrm.mail.internal;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Convert;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

import org.atriumcrm.persistence.api.InstantConverter;

/**
 * The persisted idempotent repository of the mail scanner: one row per mailbox and message key (Message-ID, or a
 * hash of the message when it has none), written in the same transaction as the filed email — or the dead letter —
 * so a restart, a redelivery or a re-scan finds it and files nothing twice. The primary key is a hash of mailbox and
 * key: two nodes filing the same message at once collide on it and one of them rolls back.
 */
@Entity(name = "MailReceipt")
@Table(name = "ATRIUM_MAIL_RECEIPT")
public class MailReceipt {
    static final String FILED = "filed", DEAD = "dead";

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

    static String idOf(String mailboxId, String key) {
        return InboundMessage.sha256((mailboxId + "\n" + key).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static MailReceipt of(String mailboxId, String key, String status, String emailId) {
        MailReceipt r = new MailReceipt();
        r.id = idOf(mailboxId, key);
        r.mailboxId = mailboxId;
        r.messageKey = key.length() > 1000 ? key.substring(0, 1000) : key;
        r.status = status;
        r.emailId = emailId;
        r.receivedAt = Instant.now();
        return r;
    }

    String getStatus() { return status; }
    void setStatus(String status) { this.status = status; }
    void setEmailId(String emailId) { this.emailId = emailId; }
    String getEmailId() { return emailId; }
}
