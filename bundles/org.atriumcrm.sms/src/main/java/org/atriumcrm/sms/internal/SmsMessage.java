package org.atriumcrm.sms.internal;

import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Convert;
import javax.persistence.Entity;
import javax.persistence.Index;
import javax.persistence.Table;
import org.atriumcrm.persistence.api.BaseRecord;
import org.atriumcrm.persistence.api.InstantConverter;

/** A text message (短信) the CRM sent or received, linked to the contact, lead or account it concerns. */
@Entity(name = "SmsMessage")
@Table(name = "ATRIUM_SMS_MESSAGE", indexes = {
        @Index(name = "IX_SMS_CONTACT", columnList = "CONTACT_ID"),
        @Index(name = "IX_SMS_LEAD", columnList = "LEAD_ID"),
        @Index(name = "IX_SMS_ACCOUNT", columnList = "ACCOUNT_ID"),
        @Index(name = "IX_SMS_CREATED", columnList = "CREATED_AT")})
public class SmsMessage extends BaseRecord {
    @Column(name = "DIRECTION", length = 10)
    private String direction;
    @Column(name = "STATUS", length = 10)
    private String status;
    @Column(name = "TO_NUMBER", length = 20)
    private String toNumber;
    @Column(name = "FROM_NUMBER", length = 40)
    private String fromNumber;
    @Column(name = "TEXT_BODY", length = 4000)
    private String text;
    @Column(name = "SEGMENTS")
    private Long segments;
    @Column(name = "GATEWAY", length = 20)
    private String gateway;
    @Column(name = "GATEWAY_MESSAGE_IDS", length = 2000)
    private String gatewayMessageIds;
    @Column(name = "CONTACT_ID", length = 36)
    private String contactId;
    @Column(name = "LEAD_ID", length = 36)
    private String leadId;
    @Column(name = "ACCOUNT_ID", length = 36)
    private String accountId;
    @Column(name = "FAILURE_REASON", length = 1000)
    private String failureReason;
    @Convert(converter = InstantConverter.class)
    @Column(name = "SENT_AT")
    private Instant sentAt;
    @Convert(converter = InstantConverter.class)
    @Column(name = "DELIVERED_AT")
    private Instant deliveredAt;
    @Convert(converter = InstantConverter.class)
    @Column(name = "RECEIVED_AT")
    private Instant receivedAt;

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

    public String getToNumber() {
        return toNumber;
    }

    public void setToNumber(String toNumber) {
        this.toNumber = toNumber;
    }

    public String getFromNumber() {
        return fromNumber;
    }

    public void setFromNumber(String fromNumber) {
        this.fromNumber = fromNumber;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public Long getSegments() {
        return segments;
    }

    public void setSegments(Long segments) {
        this.segments = segments;
    }

    public String getGateway() {
        return gateway;
    }

    public void setGateway(String gateway) {
        this.gateway = gateway;
    }

    public String getGatewayMessageIds() {
        return gatewayMessageIds;
    }

    public void setGatewayMessageIds(String gatewayMessageIds) {
        this.gatewayMessageIds = gatewayMessageIds;
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

    public String getAccountId() {
        return accountId;
    }

    public void setAccountId(String accountId) {
        this.accountId = accountId;
    }

    public String getFailureReason() {
        return failureReason;
    }

    public void setFailureReason(String failureReason) {
        this.failureReason = failureReason;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    public void setSentAt(Instant sentAt) {
        this.sentAt = sentAt;
    }

    public Instant getDeliveredAt() {
        return deliveredAt;
    }

    public void setDeliveredAt(Instant deliveredAt) {
        this.deliveredAt = deliveredAt;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }

    public void setReceivedAt(Instant receivedAt) {
        this.receivedAt = receivedAt;
    }

    static final String OUTBOUND = "outbound";
    static final String INBOUND = "inbound";
    static final String QUEUED = "queued";
    static final String SENT = "sent";
    static final String DELIVERED = "delivered";
    static final String FAILED = "failed";
    static final String RECEIVED = "received";

    @Override
    public void beforeSave() {
        if (direction == null) {
            direction = OUTBOUND;
        }
        if (status == null) {
            status = INBOUND.equals(direction) ? RECEIVED : QUEUED;
        }
    }
}
