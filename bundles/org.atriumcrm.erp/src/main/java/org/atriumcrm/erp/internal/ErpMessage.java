package org.atriumcrm.erp.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Index;
import javax.persistence.Lob;
import javax.persistence.Table;

import org.atriumcrm.integration.api.outbox.OutboxEntry;

/**
 * One message to an ERP in the canonical model: an entry of the platform's outbox (attempts, back-off, dead letters,
 * replay). It carries the message as it was when the change happened, so a confirmed order goes out as confirmed even
 * if it changed again while the ERP was away; messages of one {@code orderingKey} (a sales order and its shipments and
 * payments, a customer) go out in the order they were made.
 */
@Entity(name = "ErpMessage")
@Table(name = "ATRIUM_ERP_MESSAGE", indexes = {
        @Index(name = "IX_ERP_MESSAGE_PENDING", columnList = "CONNECTOR_ID,STATUS,CREATED_AT"),
        @Index(name = "IX_ERP_MESSAGE_RECORD", columnList = "RECORD_ID")})
public class ErpMessage extends OutboxEntry {
    @Column(name = "CONNECTOR_ID", length = 36)
    private String connectorId;
    @Column(name = "KIND", length = 40)
    private String kind;
    @Column(name = "RECORD_ENTITY", length = 100)
    private String recordEntity;
    @Column(name = "RECORD_ID", length = 36)
    private String recordId;
    @Column(name = "ORDERING_KEY", length = 36)
    private String orderingKey;
    @Column(name = "REFERENCE", length = 200)
    private String reference;
    @Lob
    @Column(name = "PAYLOAD")
    private String payload;

    public String getConnectorId() { return connectorId; }
    void setConnectorId(String connectorId) { this.connectorId = connectorId; }
    public String getKind() { return kind; }
    void setKind(String kind) { this.kind = kind; }
    public String getRecordEntity() { return recordEntity; }
    void setRecordEntity(String recordEntity) { this.recordEntity = recordEntity; }
    public String getRecordId() { return recordId; }
    void setRecordId(String recordId) { this.recordId = recordId; }
    public String getOrderingKey() { return orderingKey; }
    void setOrderingKey(String orderingKey) { this.orderingKey = orderingKey; }
    public String getReference() { return reference; }
    void setReference(String reference) { this.reference = reference; }
    public String getPayload() { return payload; }
    void setPayload(String payload) { this.payload = payload; }
}
