package org.atriumcrm.inventory.api;

import java.math.BigDecimal;
import java.time.Instant;

import javax.persistence.Cacheable;
import javax.persistence.Column;
import javax.persistence.Convert;
import javax.persistence.Entity;
import javax.persistence.Index;
import javax.persistence.Table;

import org.atriumcrm.persistence.api.BaseRecord;
import org.atriumcrm.persistence.api.InstantConverter;
import org.osgi.annotation.versioning.ProviderType;

/**
 * On hand of one product in one warehouse: the sum of its movements, changed by the {@link Ledger} in the movement's
 * transaction with a conditional UPDATE (never read, changed and written back), so it is never cached: every unit
 * that lists this class reads it from the database.
 */
@Entity(name = "StockBalance")
@Cacheable(false)
// a unique index rather than a unique constraint: every unit that lists this class extends the table at its start,
// and EclipseLink adds a constraint again each time (Derby refuses the duplicate with a logged stack trace), an index not
@Table(name = "ATRIUM_STOCK_BALANCE", indexes = {@Index(name = "UX_STOCK_BALANCE", columnList = "PRODUCT_ID, WAREHOUSE_ID", unique = true),
    @Index(name = "IX_STOCK_BALANCE_WAREHOUSE", columnList = "WAREHOUSE_ID")})
@ProviderType
public class StockBalance extends BaseRecord {
    @Column(name = "PRODUCT_ID", length = 36, nullable = false)
    private String productId;
    @Column(name = "WAREHOUSE_ID", length = 36, nullable = false)
    private String warehouseId;
    @Column(name = "ON_HAND", precision = 19, scale = 4, nullable = false)
    private BigDecimal onHand;
    @Convert(converter = InstantConverter.class)
    @Column(name = "LAST_MOVEMENT_AT")
    private Instant lastMovementAt;

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

    public BigDecimal getOnHand() {
        return onHand;
    }

    public void setOnHand(BigDecimal onHand) {
        this.onHand = onHand;
    }

    public Instant getLastMovementAt() {
        return lastMovementAt;
    }

    public void setLastMovementAt(Instant lastMovementAt) {
        this.lastMovementAt = lastMovementAt;
    }
}
