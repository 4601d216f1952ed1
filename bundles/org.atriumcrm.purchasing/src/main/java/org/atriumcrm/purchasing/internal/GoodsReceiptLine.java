package org.atriumcrm.purchasing.internal;

import java.math.BigDecimal;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Table;
import org.atriumcrm.persistence.api.BaseRecord;

/** The quantity of one purchase order line received. */
@Entity(name = "GoodsReceiptLine")
@Table(name = "ATRIUM_GOODS_RECEIPT_LINE", indexes = @javax.persistence.Index(name = "IX_GR_LINE_RECEIPT", columnList = "GOODS_RECEIPT_ID"))
public class GoodsReceiptLine extends BaseRecord {
    @Column(name = "GOODS_RECEIPT_ID", length = 36)
    private String goodsReceiptId;
    @Column(name = "PURCHASE_ORDER_LINE_ID", length = 36)
    private String purchaseOrderLineId;
    @Column(name = "PRODUCT_ID", length = 36)
    private String productId;
    @Column(name = "QUANTITY", precision = 19, scale = 4)
    private BigDecimal quantity;
    @Column(name = "MOVEMENT_ID", length = 36)
    private String movementId;

    public String getGoodsReceiptId() {
        return goodsReceiptId;
    }

    public void setGoodsReceiptId(String goodsReceiptId) {
        this.goodsReceiptId = goodsReceiptId;
    }

    public String getPurchaseOrderLineId() {
        return purchaseOrderLineId;
    }

    public void setPurchaseOrderLineId(String purchaseOrderLineId) {
        this.purchaseOrderLineId = purchaseOrderLineId;
    }

    public String getProductId() {
        return productId;
    }

    public void setProductId(String productId) {
        this.productId = productId;
    }

    public BigDecimal getQuantity() {
        return quantity;
    }

    public void setQuantity(BigDecimal quantity) {
        this.quantity = quantity;
    }

    public String getMovementId() {
        return movementId;
    }

    public void setMovementId(String movementId) {
        this.movementId = movementId;
    }
}
