package org.atriumcrm.purchasing.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Table;
import org.atriumcrm.persistence.api.BaseRecord;

/** A purchase order: vendor, warehouse, currency, totals computed from its lines, and its status. */
@Entity(name = "PurchaseOrder")
@javax.persistence.Cacheable(false) // status and totals change under conditional UPDATEs
@Table(name = "ATRIUM_PURCHASE_ORDER")
public class PurchaseOrder extends BaseRecord {
    @Column(name = "NUMBER", length = 40)
    private String number;
    @Column(name = "VENDOR_ID", length = 36)
    private String vendorId;
    @Column(name = "WAREHOUSE_ID", length = 36)
    private String warehouseId;
    @Column(name = "CURRENCY", length = 3)
    private String currency;
    @Column(name = "ORDER_DATE")
    private LocalDate orderDate;
    @Column(name = "EXPECTED_DATE")
    private LocalDate expectedDate;
    @Column(name = "STATUS", length = 20)
    private String status;
    @Column(name = "SUBTOTAL", precision = 19, scale = 4)
    private BigDecimal subtotal;
    @Column(name = "TAX_TOTAL", precision = 19, scale = 4)
    private BigDecimal taxTotal;
    @Column(name = "GRAND_TOTAL", precision = 19, scale = 4)
    private BigDecimal grandTotal;
    @Column(name = "APPROVER_ID", length = 36)
    private String approverId;
    @Column(name = "APPROVAL_REASON", length = 500)
    private String approvalReason;
    @Column(name = "DECISION_COMMENT", length = 1000)
    private String decisionComment;
    @Column(name = "NOTES", length = 2000)
    private String notes;
    @Column(name = "PAID_AMOUNT", precision = 19, scale = 4)
    private BigDecimal paidAmount;
    @Column(name = "PAYMENT_DUE_DATE")
    private LocalDate paymentDueDate;

    public String getNumber() {
        return number;
    }

    public void setNumber(String number) {
        this.number = number;
    }

    public String getVendorId() {
        return vendorId;
    }

    public void setVendorId(String vendorId) {
        this.vendorId = vendorId;
    }

    public String getWarehouseId() {
        return warehouseId;
    }

    public void setWarehouseId(String warehouseId) {
        this.warehouseId = warehouseId;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    public LocalDate getOrderDate() {
        return orderDate;
    }

    public void setOrderDate(LocalDate orderDate) {
        this.orderDate = orderDate;
    }

    public LocalDate getExpectedDate() {
        return expectedDate;
    }

    public void setExpectedDate(LocalDate expectedDate) {
        this.expectedDate = expectedDate;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public BigDecimal getSubtotal() {
        return subtotal;
    }

    public void setSubtotal(BigDecimal subtotal) {
        this.subtotal = subtotal;
    }

    public BigDecimal getTaxTotal() {
        return taxTotal;
    }

    public void setTaxTotal(BigDecimal taxTotal) {
        this.taxTotal = taxTotal;
    }

    public BigDecimal getGrandTotal() {
        return grandTotal;
    }

    public void setGrandTotal(BigDecimal grandTotal) {
        this.grandTotal = grandTotal;
    }

    public String getApproverId() {
        return approverId;
    }

    public void setApproverId(String approverId) {
        this.approverId = approverId;
    }

    public String getApprovalReason() {
        return approvalReason;
    }

    public void setApprovalReason(String approvalReason) {
        this.approvalReason = approvalReason;
    }

    public String getDecisionComment() {
        return decisionComment;
    }

    public void setDecisionComment(String decisionComment) {
        this.decisionComment = decisionComment;
    }

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }

    public BigDecimal getPaidAmount() {
        return paidAmount;
    }

    public void setPaidAmount(BigDecimal paidAmount) {
        this.paidAmount = paidAmount;
    }

    public LocalDate getPaymentDueDate() {
        return paymentDueDate;
    }

    public void setPaymentDueDate(LocalDate paymentDueDate) {
        this.paymentDueDate = paymentDueDate;
    }
}
