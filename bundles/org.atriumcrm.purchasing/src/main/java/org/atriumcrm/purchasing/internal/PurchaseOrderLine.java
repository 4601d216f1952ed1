package org.atriumcrm.purchasing.internal;

import java.math.BigDecimal;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Table;
import org.atriumcrm.persistence.api.BaseRecord;

/** One product ordered: quantity, unit cost, tax rate, its net amount and what has been received of it. */
@Entity(name = "PurchaseOrderLine")
@javax.persistence.Cacheable(false) // received quantities change under conditional UPDATEs
@Table(name = "ATRIUM_PURCHASE_ORDER_LINE", indexes = @javax.persistence.Index(name = "IX_PO_LINE_ORDER", columnList = "PURCHASE_ORDER_ID"))
public class PurchaseOrderLine extends BaseRecord {
    @Column(name = "PURCHASE_ORDER_ID", length = 36)
    private String purchaseOrderId;
    @Column(name = "PRODUCT_ID", length = 36)
    private String productId;
    @Column(name = "QUANTITY", precision = 19, scale = 4)
    private BigDecimal quantity;
    @Column(name = "UNIT_COST", precision = 19, scale = 4)
    private BigDecimal unitCost;
    @Column(name = "TAX_RATE", precision = 19, scale = 4)
    private BigDecimal taxRate;
    @Column(name = "LINE_TOTAL", precision = 19, scale = 4)
    private BigDecimal lineTotal;
    @Column(name = "RECEIVED_QUANTITY", precision = 19, scale = 4)
    private BigDecimal receivedQuantity;

    public String getPurchaseOrderId() {
        return purchaseOrderId;
    }

    public void setPurchaseOrderId(String purchaseOrderId) {
        this.purchaseOrderId = purchaseOrderId;
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

    public BigDecimal getUnitCost() {
        return unitCost;
    }

    public void setUnitCost(BigDecimal unitCost) {
        this.unitCost = unitCost;
    }

    public BigDecimal getTaxRate() {
        return taxRate;
    }

    public void setTaxRate(BigDecimal taxRate) {
        this.taxRate = taxRate;
    }

    public BigDecimal getLineTotal() {
        return lineTotal;
    }

    public void setLineTotal(BigDecimal lineTotal) {
        this.lineTotal = lineTotal;
    }

    public BigDecimal getReceivedQuantity() {
        return receivedQuantity;
    }

    public void setReceivedQuantity(BigDecimal receivedQuantity) {
        this.receivedQuantity = receivedQuantity;
    }
}
