package org.atriumcrm.inventory.api;

import java.math.BigDecimal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Index;
import javax.persistence.Table;

import org.atriumcrm.persistence.api.BaseRecord;
import org.osgi.annotation.versioning.ProviderType;

/**
 * One stock movement, immutable once booked: a product's signed quantity into (positive) or out of (negative) a
 * warehouse, its unit cost, the document that caused it and the on-hand quantity it left. Who and when are the
 * record's {@code createdBy} and {@code createdAt}. Written only through the {@link Ledger}.
 */
@Entity(name = "StockMovement")
@Table(name = "ATRIUM_STOCK_MOVEMENT", indexes = {
        @Index(name = "IX_STOCK_MOVEMENT_PRODUCT", columnList = "PRODUCT_ID, WAREHOUSE_ID, CREATED_AT"),
        @Index(name = "IX_STOCK_MOVEMENT_SOURCE", columnList = "SOURCE_ID")})
@ProviderType
public class StockMovement extends BaseRecord {
    @Column(name = "MOVEMENT_TYPE", length = 30, nullable = false)
    private String movementType;
    @Column(name = "PRODUCT_ID", length = 36, nullable = false)
    private String productId;
    @Column(name = "WAREHOUSE_ID", length = 36, nullable = false)
    private String warehouseId;
    @Column(name = "QUANTITY", precision = 19, scale = 4, nullable = false)
    private BigDecimal quantity;
    @Column(name = "UNIT_COST", precision = 19, scale = 4)
    private BigDecimal unitCost;
    @Column(name = "ON_HAND_AFTER", precision = 19, scale = 4)
    private BigDecimal onHandAfter;
    @Column(name = "SOURCE_ENTITY", length = 100)
    private String sourceEntity;
    @Column(name = "SOURCE_ID", length = 36)
    private String sourceId;
    @Column(name = "SOURCE_LINE_ID", length = 36)
    private String sourceLineId;
    @Column(name = "REASON", length = 500)
    private String reason;

    public String getMovementType() {
        return movementType;
    }

    public void setMovementType(String movementType) {
        this.movementType = movementType;
    }

    public String getProductId() {
        return productId;
    }

    public void setProductId(String productId) {
        this.productId = productId;
    }

    public String getWarehouseId() {
        return warehouseId;
    }

    public void setWarehouseId(String warehouseId) {
        this.warehouseId = warehouseId;
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

    public BigDecimal getOnHandAfter() {
        return onHandAfter;
    }

    public void setOnHandAfter(BigDecimal onHandAfter) {
        this.onHandAfter = onHandAfter;
    }

    public String getSourceEntity() {
        return sourceEntity;
    }

    public void setSourceEntity(String sourceEntity) {
        this.sourceEntity = sourceEntity;
    }

    public String getSourceId() {
        return sourceId;
    }

    public void setSourceId(String sourceId) {
        this.sourceId = sourceId;
    }

    public String getSourceLineId() {
        return sourceLineId;
    }

    public void setSourceLineId(String sourceLineId) {
        this.sourceLineId = sourceLineId;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
