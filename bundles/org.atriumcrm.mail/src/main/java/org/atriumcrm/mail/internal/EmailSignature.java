package org.atriumcrm.mail.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Index;
import javax.persistence.Table;
import org.atriumcrm.persistence.api.BaseRecord;

/** How a user signs the emails sent from templates: {{sender.name}} and {{sender.signature}}; the owner is the user. */
@Entity(name = "EmailSignature")
@Table(name = "ATRIUM_EMAIL_SIGNATURE", indexes = {
        @Index(name = "IX_EMAIL_SIGNATURE_OWNER", columnList = "OWNER_ID")})
public class EmailSignature extends BaseRecord {
    @Column(name = "SENDER_NAME", length = 200)
    private String senderName;
    @Column(name = "SIGNATURE", length = 4000)
    private String signature;

    public String getSenderName() {
        return senderName;
    }

    public void setSenderName(String senderName) {
        this.senderName = senderName;
    }

    public String getSignature() {
        return signature;
    }

    public void setSignature(String signature) {
        this.signature = signature;
    }
}
