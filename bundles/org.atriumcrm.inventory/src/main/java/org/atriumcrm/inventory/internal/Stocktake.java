package org.atriumcrm.inventory.internal;

import java.time.Instant;
import java.time.LocalDate;
import javax.persistence.Column;
import javax.persistence.Convert;
import javax.persistence.Entity;
import javax.persistence.Table;
import org.atriumcrm.persistence.api.BaseRecord;
import org.atriumcrm.persistence.api.InstantConverter;

/** A count sheet of one warehouse: draft while counting, counted when the counts are complete, posted when its differences are booked. */
@Entity(name = "Stocktake")
@Table(name = "ATRIUM_STOCKTAKE")
public class Stocktake extends BaseRecord {
    @Column(name = "WAREHOUSE_ID", length = 36)
    private String warehouseId;
    @Column(name = "COUNT_DATE")
    private LocalDate countDate;
    @Column(name = "STATUS", length = 20)
    private String status;
    @Convert(converter = InstantConverter.class)
    @Column(name = "POSTED_AT")
    private Instant postedAt;
    @Column(name = "DESCRIPTION", length = 1000)
    private String description;

    public String getWarehouseId() {
        return warehouseId;
    }

    public void setWarehouseId(String warehouseId) {
        this.warehouseId = warehouseId;
    }

    public LocalDate getCountDate() {
        return countDate;
    }

    public void setCountDate(LocalDate countDate) {
        this.countDate = countDate;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public Instant getPostedAt() {
        return postedAt;
    }

    public void setPostedAt(Instant postedAt) {
        this.postedAt = postedAt;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }
}
