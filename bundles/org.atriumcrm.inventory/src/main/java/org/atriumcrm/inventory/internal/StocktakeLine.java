package org.atriumcrm.inventory.internal;

import java.math.BigDecimal;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Table;
import org.atriumcrm.persistence.api.BaseRecord;

/** One product's count on a stocktake, with the system quantity captured when the count was entered. */
@Entity(name = "StocktakeLine")
@Table(name = "ATRIUM_STOCKTAKE_LINE", indexes = @javax.persistence.Index(name = "IX_STOCKTAKE_LINE_SHEET", columnList = "STOCKTAKE_ID"))
public class StocktakeLine extends BaseRecord {
    @Column(name = "STOCKTAKE_ID", length = 36)
    private String stocktakeId;
    @Column(name = "PRODUCT_ID", length = 36)
    private String productId;
    @Column(name = "COUNTED_QUANTITY", precision = 19, scale = 4)
    private BigDecimal countedQuantity;
    @Column(name = "SYSTEM_QUANTITY", precision = 19, scale = 4)
    private BigDecimal systemQuantity;
    @Column(name = "DIFFERENCE", precision = 19, scale = 4)
    private BigDecimal difference;
    @Column(name = "MOVEMENT_ID", length = 36)
    private String movementId;

    public String getStocktakeId() {
        return stocktakeId;
    }

    public void setStocktakeId(String stocktakeId) {
        this.stocktakeId = stocktakeId;
    }

    public String getProductId() {
        return productId;
    }

    public void setProductId(String productId) {
        this.productId = productId;
    }

    public BigDecimal getCountedQuantity() {
        return countedQuantity;
    }

    public void setCountedQuantity(BigDecimal countedQuantity) {
        this.countedQuantity = countedQuantity;
    }

    public BigDecimal getSystemQuantity() {
        return systemQuantity;
    }

    public void setSystemQuantity(BigDecimal systemQuantity) {
        this.systemQuantity = systemQuantity;
    }

    public BigDecimal getDifference() {
        return difference;
    }

    public void setDifference(BigDecimal difference) {
        this.difference = difference;
    }

    public String getMovementId() {
        return movementId;
    }

    public void setMovementId(String movementId) {
        this.movementId = movementId;
    }
}
