package org.atriumcrm.integration.api;

import java.time.Instant;

import javax.persistence.Cacheable;
import javax.persistence.Column;
import javax.persistence.Convert;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

import org.atriumcrm.persistence.api.InstantConverter;
import org.osgi.annotation.versioning.ProviderType;

/**
 * One inbound message a channel has taken in — a mail from a mailbox, a webhook delivery, an ERP file or record —
 * keyed by the connector that received it (a mailbox's or connector's record id) and the message's own id
 * (Message-ID, delivery id, file name and checksum…). The primary key is a hash of both, so two nodes or threads
 * taking in the same message collide on it and one of them rolls back: written by {@link InboundReceipts} on the
 * caller's EntityManager in the same transaction as what the message produced, it makes a channel exactly-once.
 * Every persistence unit that takes in messages lists this class (and {@link InboundCursor}).
 * <p>
 * Not in EclipseLink's shared cache: the row a transaction on another node (or another unit on this one) inserted
 * must be seen at once, and a receipt a replay removed must not come back from a stale cache.
 */
@Entity(name = "InboundReceipt")
@Table(name = "ATRIUM_INBOUND_RECEIPT", indexes = @Index(name = "IX_INBOUND_RECEIPT_CONNECTOR", columnList = "CONNECTOR_ID, STATUS"))
@Cacheable(false)
@ProviderType
public class InboundReceipt {
    /** Taken in and produced {@link #getProducedId()}. */
    public static final String FILED = "filed";
    /** Could not be taken in: kept in the channel's dead-letter store; a replay removes the receipt first. */
    public static final String DEAD = "dead";
    /** Recognised and deliberately not acted on (a ping, a message for nobody). */
    public static final String IGNORED = "ignored";

    static final int MAX_KEY = 1000;

    @Id
    @Column(name = "ID", length = 64)
    private String id;
    @Column(name = "CHANNEL", length = 20)
    private String channel;
    @Column(name = "CONNECTOR_ID", length = 36)
    private String connectorId;
    @Column(name = "MESSAGE_KEY", length = MAX_KEY)
    private String messageKey;
    @Column(name = "STATUS", length = 10)
    private String status;
    @Column(name = "PRODUCED_ID", length = 36)
    private String producedId;
    @Convert(converter = InstantConverter.class)
    @Column(name = "RECEIVED_AT")
    private Instant receivedAt;

    public InboundReceipt() {
    }

    InboundReceipt(String channel, String connectorId, String key, String status, String producedId, Instant at) {
        this.id = InboundReceipts.idOf(connectorId, key);
        this.channel = channel;
        this.connectorId = connectorId;
        this.messageKey = key.length() > MAX_KEY ? key.substring(0, MAX_KEY) : key;
        this.status = status;
        this.producedId = producedId;
        this.receivedAt = at;
    }

    public String getId() { return id; }
    /** The kind of channel: mail, sms, erp, shop… (for an administrator's view; not part of the key). */
    public String getChannel() { return channel; }
    public String getConnectorId() { return connectorId; }
    /** The message's key, cut at 1000 characters (the id is the hash of the whole key). */
    public String getMessageKey() { return messageKey; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    /** The id of what the message produced (an email, a sales order…), or null. */
    public String getProducedId() { return producedId; }
    public void setProducedId(String producedId) { this.producedId = producedId; }
    public Instant getReceivedAt() { return receivedAt; }
}
