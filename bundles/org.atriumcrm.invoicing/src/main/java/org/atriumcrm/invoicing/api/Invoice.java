package org.atriumcrm.invoicing.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import javax.persistence.Cacheable;
import javax.persistence.Column;
import javax.persistence.Convert;
import javax.persistence.Entity;
import javax.persistence.Index;
import javax.persistence.Table;
import org.atriumcrm.persistence.api.BaseRecord;
import org.atriumcrm.persistence.api.InstantConverter;
import org.osgi.annotation.versioning.ProviderType;

/** An invoice (发票) to a customer for a sales order: its lines and totals (computed by {@code Amounts}), issue and due dates, and what was paid of it. Exported and never cached so that the payments module can settle it in its own transaction with a conditional UPDATE (see the package documentation). */
@Entity(name = "Invoice")
@Cacheable(false)
@Table(name = "ATRIUM_INVOICE", indexes = {
        @Index(name = "IX_INVOICE_ORDER", columnList = "SALES_ORDER_ID"),
        @Index(name = "IX_INVOICE_ACCOUNT", columnList = "ACCOUNT_ID"),
        @Index(name = "IX_INVOICE_NUMBER", columnList = "INVOICE_NUMBER"),
        @Index(name = "IX_INVOICE_DUE", columnList = "DUE_DATE")})
@ProviderType
public class Invoice extends BaseRecord {
    @Column(name = "INVOICE_NUMBER", length = 40)
    private String number;
    @Column(name = "SALES_ORDER_ID", length = 36)
    private String salesOrderId;
    @Column(name = "SALES_ORDER_NUMBER", length = 40)
    private String salesOrderNumber;
    @Column(name = "ACCOUNT_ID", length = 36)
    private String accountId;
    @Column(name = "CONTACT_ID", length = 36)
    private String contactId;
    @Column(name = "CURRENCY", length = 3)
    private String currency;
    @Column(name = "KIND", length = 20)
    private String kind;
    @Column(name = "STATUS", length = 20)
    private String status;
    @Column(name = "ISSUE_DATE")
    private LocalDate issueDate;
    @Column(name = "PAYMENT_TERM_DAYS")
    private Long paymentTermDays;
    @Column(name = "DUE_DATE")
    private LocalDate dueDate;
    @Column(name = "PERIOD_START")
    private LocalDate periodStart;
    @Column(name = "PERIOD_END")
    private LocalDate periodEnd;
    @Column(name = "BILLING_ADDRESS", length = 1000)
    private String billingAddress;
    @Column(name = "DELIVERY_NOTE_IDS", length = 1000)
    private String deliveryNoteIds;
    @Column(name = "SHIPPING", precision = 19, scale = 4)
    private BigDecimal shipping;
    @Column(name = "SHIPPING_TAX_RATE", precision = 19, scale = 4)
    private BigDecimal shippingTaxRate;
    @Column(name = "SUBTOTAL", precision = 19, scale = 4)
    private BigDecimal subtotal;
    @Column(name = "DISCOUNT_TOTAL", precision = 19, scale = 4)
    private BigDecimal discountTotal;
    @Column(name = "TAX_TOTAL", precision = 19, scale = 4)
    private BigDecimal taxTotal;
    @Column(name = "TAX_BREAKDOWN", length = 500)
    private String taxBreakdown;
    @Column(name = "GRAND_TOTAL", precision = 19, scale = 4)
    private BigDecimal grandTotal;
    @Column(name = "PAID_AMOUNT", precision = 19, scale = 4)
    private BigDecimal paidAmount;
    @Column(name = "LINE_COUNT")
    private Long lineCount;
    @Convert(converter = InstantConverter.class)
    @Column(name = "ISSUED_AT")
    private Instant issuedAt;
    @Convert(converter = InstantConverter.class)
    @Column(name = "CANCELLED_AT")
    private Instant cancelledAt;
    @Column(name = "CANCEL_REASON", length = 2000)
    private String cancelReason;
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

    public String getContactId() {
        return contactId;
    }

    public void setContactId(String contactId) {
        this.contactId = contactId;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public LocalDate getIssueDate() {
        return issueDate;
    }

    public void setIssueDate(LocalDate issueDate) {
        this.issueDate = issueDate;
    }

    public Long getPaymentTermDays() {
        return paymentTermDays;
    }

    public void setPaymentTermDays(Long paymentTermDays) {
        this.paymentTermDays = paymentTermDays;
    }

    public LocalDate getDueDate() {
        return dueDate;
    }

    public void setDueDate(LocalDate dueDate) {
        this.dueDate = dueDate;
    }

    public LocalDate getPeriodStart() {
        return periodStart;
    }

    public void setPeriodStart(LocalDate periodStart) {
        this.periodStart = periodStart;
    }

    public LocalDate getPeriodEnd() {
        return periodEnd;
    }

    public void setPeriodEnd(LocalDate periodEnd) {
        this.periodEnd = periodEnd;
    }

    public String getBillingAddress() {
        return billingAddress;
    }

    public void setBillingAddress(String billingAddress) {
        this.billingAddress = billingAddress;
    }

    public String getDeliveryNoteIds() {
        return deliveryNoteIds;
    }

    public void setDeliveryNoteIds(String deliveryNoteIds) {
        this.deliveryNoteIds = deliveryNoteIds;
    }

    public BigDecimal getShipping() {
        return shipping;
    }

    public void setShipping(BigDecimal shipping) {
        this.shipping = shipping;
    }

    public BigDecimal getShippingTaxRate() {
        return shippingTaxRate;
    }

    public void setShippingTaxRate(BigDecimal shippingTaxRate) {
        this.shippingTaxRate = shippingTaxRate;
    }

    public BigDecimal getSubtotal() {
        return subtotal;
    }

    public void setSubtotal(BigDecimal subtotal) {
        this.subtotal = subtotal;
    }

    public BigDecimal getDiscountTotal() {
        return discountTotal;
    }

    public void setDiscountTotal(BigDecimal discountTotal) {
        this.discountTotal = discountTotal;
    }

    public BigDecimal getTaxTotal() {
        return taxTotal;
    }

    public void setTaxTotal(BigDecimal taxTotal) {
        this.taxTotal = taxTotal;
    }

    public String getTaxBreakdown() {
        return taxBreakdown;
    }

    public void setTaxBreakdown(String taxBreakdown) {
        this.taxBreakdown = taxBreakdown;
    }

    public BigDecimal getGrandTotal() {
        return grandTotal;
    }

    public void setGrandTotal(BigDecimal grandTotal) {
        this.grandTotal = grandTotal;
    }

    public BigDecimal getPaidAmount() {
        return paidAmount;
    }

    public void setPaidAmount(BigDecimal paidAmount) {
        this.paidAmount = paidAmount;
    }

    public Long getLineCount() {
        return lineCount;
    }

    public void setLineCount(Long lineCount) {
        this.lineCount = lineCount;
    }

    public Instant getIssuedAt() {
        return issuedAt;
    }

    public void setIssuedAt(Instant issuedAt) {
        this.issuedAt = issuedAt;
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

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }
}
