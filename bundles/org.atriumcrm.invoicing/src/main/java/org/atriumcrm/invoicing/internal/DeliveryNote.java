package org.atriumcrm.invoicing.internal;

import java.time.Instant;
import java.time.LocalDate;
import javax.persistence.Column;
import javax.persistence.Convert;
import javax.persistence.Entity;
import javax.persistence.Index;
import javax.persistence.Table;
import org.atriumcrm.persistence.api.BaseRecord;
import org.atriumcrm.persistence.api.InstantConverter;

/** A delivery note (发货单): what goes out of which warehouse against a confirmed sales order, how it travels, and whether it was packed, shipped, delivered or cancelled. */
@Entity(name = "DeliveryNote")
@Table(name = "ATRIUM_DELIVERY_NOTE", indexes = {
        @Index(name = "IX_DELIVERY_NOTE_ORDER", columnList = "SALES_ORDER_ID"),
        @Index(name = "IX_DELIVERY_NOTE_NUMBER", columnList = "NOTE_NUMBER"),
        @Index(name = "IX_DELIVERY_NOTE_CREATED", columnList = "CREATED_AT")})
public class DeliveryNote extends BaseRecord {
    @Column(name = "NOTE_NUMBER", length = 40)
    private String number;
    @Column(name = "SALES_ORDER_ID", length = 36)
    private String salesOrderId;
    @Column(name = "SALES_ORDER_NUMBER", length = 40)
    private String salesOrderNumber;
    @Column(name = "ACCOUNT_ID", length = 36)
    private String accountId;
    @Column(name = "STATUS", length = 20)
    private String status;
    @Column(name = "WAREHOUSE_ID", length = 36)
    private String warehouseId;
    @Column(name = "SHIPPING_ADDRESS", length = 1000)
    private String shippingAddress;
    @Column(name = "CARRIER", length = 200)
    private String carrier;
    @Column(name = "TRACKING_NUMBER", length = 100)
    private String trackingNumber;
    @Column(name = "DELIVERY_DATE")
    private LocalDate deliveryDate;
    @Convert(converter = InstantConverter.class)
    @Column(name = "ISSUED_AT")
    private Instant issuedAt;
    @Convert(converter = InstantConverter.class)
    @Column(name = "SHIPPED_AT")
    private Instant shippedAt;
    @Convert(converter = InstantConverter.class)
    @Column(name = "DELIVERED_AT")
    private Instant deliveredAt;
    @Convert(converter = InstantConverter.class)
    @Column(name = "CANCELLED_AT")
    private Instant cancelledAt;
    @Column(name = "CANCEL_REASON", length = 2000)
    private String cancelReason;
    @Column(name = "LINE_COUNT")
    private Long lineCount;
    @Column(name = "DESCRIPTION", length = 32000)
    private String description;

    public String getNumber() {
        return number;
    }

    public void setNumber(String number) {
        this.number = number;
    }

    public String getSalesOrderId() {
        return salesOrderId;
    }

    public void setSalesOrderId(String salesOrderId) {
        this.salesOrderId = salesOrderId;
    }

    public String getSalesOrderNumber() {
        return salesOrderNumber;
    }

    public void setSalesOrderNumber(String salesOrderNumber) {
        this.salesOrderNumber = salesOrderNumber;
    }

    public String getAccountId() {
        return accountId;
    }

    public void setAccountId(String accountId) {
        this.accountId = accountId;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getWarehouseId() {
        return warehouseId;
    }

    public void setWarehouseId(String warehouseId) {
        this.warehouseId = warehouseId;
    }

    public String getShippingAddress() {
        return shippingAddress;
    }

    public void setShippingAddress(String shippingAddress) {
        this.shippingAddress = shippingAddress;
    }

    public String getCarrier() {
        return carrier;
    }

    public void setCarrier(String carrier) {
        this.carrier = carrier;
    }

    public String getTrackingNumber() {
        return trackingNumber;
    }

    public void setTrackingNumber(String trackingNumber) {
        this.trackingNumber = trackingNumber;
    }

    public LocalDate getDeliveryDate() {
        return deliveryDate;
    }

    public void setDeliveryDate(LocalDate deliveryDate) {
        this.deliveryDate = deliveryDate;
    }

    public Instant getIssuedAt() {
        return issuedAt;
    }

    public void setIssuedAt(Instant issuedAt) {
        this.issuedAt = issuedAt;
    }

    public Instant getShippedAt() {
        return shippedAt;
    }

    public void setShippedAt(Instant shippedAt) {
        this.shippedAt = shippedAt;
    }

    public Instant getDeliveredAt() {
        return deliveredAt;
    }

    public void setDeliveredAt(Instant deliveredAt) {
        this.deliveredAt = deliveredAt;
    }

    public Instant getCancelledAt() {
        return cancelledAt;
    }

    public void setCancelledAt(Instant cancelledAt) {
        this.cancelledAt = cancelledAt;
    }

    public String getCancelReason() {
        return cancelReason;
    }

    public void setCancelReason(String cancelReason) {
        this.cancelReason = cancelReason;
    }

    public Long getLineCount() {
        return lineCount;
    }

    public void setLineCount(Long lineCount) {
        this.lineCount = lineCount;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }
}
