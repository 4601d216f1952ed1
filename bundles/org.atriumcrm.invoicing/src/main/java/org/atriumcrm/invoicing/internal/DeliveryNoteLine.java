package org.atriumcrm.invoicing.internal;

import java.math.BigDecimal;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Index;
import javax.persistence.Table;
import org.atriumcrm.persistence.api.BaseRecord;

/** A line of a delivery note: how much of one sales order line goes out. */
@Entity(name = "DeliveryNoteLine")
@Table(name = "ATRIUM_DELIVERY_NOTE_LINE", indexes = {
        @Index(name = "IX_DELIVERY_NOTE_LINE_NOTE", columnList = "DELIVERY_NOTE_ID")})
public class DeliveryNoteLine extends BaseRecord {
    @Column(name = "DELIVERY_NOTE_ID", length = 36)
    private String deliveryNoteId;
    @Column(name = "SALES_ORDER_LINE_ID", length = 36)
    private String salesOrderLineId;
    @Column(name = "LINE_POSITION")
    private Long position;
    @Column(name = "PRODUCT_ID", length = 36)
    private String productId;
    @Column(name = "PRODUCT_NAME", length = 200)
    private String productName;
    @Column(name = "SKU", length = 100)
    private String sku;
    @Column(name = "UNIT", length = 40)
    private String unit;
    @Column(name = "QUANTITY", precision = 19, scale = 4)
    private BigDecimal quantity;
    @Column(name = "GIFT_ITEMS", length = 1000)
    private String giftItems;
    @Column(name = "DESCRIPTION", length = 2000)
    private String description;

    public String getDeliveryNoteId() {
        return deliveryNoteId;
    }

    public void setDeliveryNoteId(String deliveryNoteId) {
        this.deliveryNoteId = deliveryNoteId;
    }

    public String getSalesOrderLineId() {
        return salesOrderLineId;
    }

    public void setSalesOrderLineId(String salesOrderLineId) {
        this.salesOrderLineId = salesOrderLineId;
    }

    public Long getPosition() {
        return position;
    }

    public void setPosition(Long position) {
        this.position = position;
    }

    public String getProductId() {
        return productId;
    }

    public void setProductId(String productId) {
        this.productId = productId;
    }

    public String getProductName() {
        return productName;
    }

    public void setProductName(String productName) {
        this.productName = productName;
    }

    public String getSku() {
        return sku;
    }

    public void setSku(String sku) {
        this.sku = sku;
    }

    public String getUnit() {
        return unit;
    }

    public void setUnit(String unit) {
        this.unit = unit;
    }

    public BigDecimal getQuantity() {
        return quantity;
    }

    public void setQuantity(BigDecimal quantity) {
        this.quantity = quantity;
    }

    public String getGiftItems() {
        return giftItems;
    }

    public void setGiftItems(String giftItems) {
        this.giftItems = giftItems;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }
}
