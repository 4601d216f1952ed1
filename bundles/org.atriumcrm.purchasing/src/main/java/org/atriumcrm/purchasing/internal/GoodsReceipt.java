package org.atriumcrm.purchasing.internal;

import java.time.Instant;
import java.time.LocalDate;
import javax.persistence.Column;
import javax.persistence.Convert;
import javax.persistence.Entity;
import javax.persistence.Table;
import org.atriumcrm.persistence.api.BaseRecord;
import org.atriumcrm.persistence.api.InstantConverter;

/** Goods received against a purchase order into a warehouse: draft until posted, when the stock is booked. */
@Entity(name = "GoodsReceipt")
@Table(name = "ATRIUM_GOODS_RECEIPT")
public class GoodsReceipt extends BaseRecord {
    @Column(name = "NUMBER", length = 40)
    private String number;
    @Column(name = "PURCHASE_ORDER_ID", length = 36)
    private String purchaseOrderId;
    @Column(name = "WAREHOUSE_ID", length = 36)
    private String warehouseId;
    @Column(name = "RECEIPT_DATE")
    private LocalDate receiptDate;
    @Column(name = "STATUS", length = 20)
    private String status;
    @Convert(converter = InstantConverter.class)
    @Column(name = "POSTED_AT")
    private Instant postedAt;
    @Column(name = "NOTES", length = 2000)
    private String notes;

    public String getNumber() {
        return number;
    }

    public void setNumber(String number) {
        this.number = number;
    }

    public String getPurchaseOrderId() {
        return purchaseOrderId;
    }

    public void setPurchaseOrderId(String purchaseOrderId) {
        this.purchaseOrderId = purchaseOrderId;
    }

    public String getWarehouseId() {
        return warehouseId;
    }

    public void setWarehouseId(String warehouseId) {
        this.warehouseId = warehouseId;
    }

    public LocalDate getReceiptDate() {
        return receiptDate;
    }

    public void setReceiptDate(LocalDate receiptDate) {
        this.receiptDate = receiptDate;
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

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }
}
