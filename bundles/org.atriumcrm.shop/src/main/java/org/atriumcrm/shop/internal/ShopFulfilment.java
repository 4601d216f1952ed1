package org.atriumcrm.shop.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Index;
import javax.persistence.Table;

import org.atriumcrm.integration.api.outbox.OutboxEntry;

/**
 * A shipment the shop must hear of: the delivery note of a shop's order went out, with its carrier and tracking
 * number, to be reported back to the shop (an outbox entry: attempts, back-off, dead letters, replay). One per
 * delivery note and connector.
 */
@Entity(name = "ShopFulfilment")
@Table(name = "ATRIUM_SHOP_FULFILMENT", indexes = {
        @Index(name = "IX_SHOP_FULFILMENT_DUE", columnList = "CONNECTOR_ID,STATUS,NEXT_ATTEMPT_AT"),
        @Index(name = "IX_SHOP_FULFILMENT_NOTE", columnList = "DELIVERY_NOTE_ID")})
public class ShopFulfilment extends OutboxEntry {
    @Column(name = "CONNECTOR_ID", length = 36)
    private String connectorId;
    @Column(name = "SALES_ORDER_ID", length = 36)
    private String salesOrderId;
    @Column(name = "EXTERNAL_ORDER_ID", length = 100)
    private String externalOrderId;
    @Column(name = "DELIVERY_NOTE_ID", length = 36)
    private String deliveryNoteId;
    @Column(name = "CARRIER", length = 100)
    private String carrier;
    @Column(name = "TRACKING_NUMBER", length = 100)
    private String trackingNumber;

    public String getConnectorId() { return connectorId; }
    public String getSalesOrderId() { return salesOrderId; }
    public String getExternalOrderId() { return externalOrderId; }
    public String getDeliveryNoteId() { return deliveryNoteId; }
    public String getCarrier() { return carrier; }
    public String getTrackingNumber() { return trackingNumber; }

    void describe(String connectorId, String salesOrderId, String externalOrderId, String deliveryNoteId, String carrier, String trackingNumber) {
        this.connectorId = connectorId;
        this.salesOrderId = salesOrderId;
        this.externalOrderId = externalOrderId;
        this.deliveryNoteId = deliveryNoteId;
        this.carrier = carrier;
        this.trackingNumber = trackingNumber;
    }
}
