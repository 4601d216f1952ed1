package org.atriumcrm.payments.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Table;

import org.atriumcrm.persistence.api.BaseRecord;

/**
 * Money received against an invoice or paid against a purchase order, or given back (a refund). Immutable once
 * recorded but for its reference and notes: a wrong payment is corrected by a refund, so the settled amounts always
 * equal the sum of the payments.
 */
@Entity(name = "Payment")
@Table(name = "ATRIUM_PAYMENT")
public class Payment extends BaseRecord {
    @Column(name = "NUMBER", length = 40)
    private String number;
    @Column(name = "KIND", length = 10)
    private String kind;
    @Column(name = "INVOICE_ID", length = 36)
    private String invoiceId;
    @Column(name = "PURCHASE_ORDER_ID", length = 36)
    private String purchaseOrderId;
    @Column(name = "DOCUMENT_NUMBER", length = 40)
    private String documentNumber;
    @Column(name = "ACCOUNT_ID", length = 36)
    private String accountId;
    @Column(name = "VENDOR_ID", length = 36)
    private String vendorId;
    @Column(name = "AMOUNT", precision = 19, scale = 4)
    private BigDecimal amount;
    @Column(name = "CURRENCY", length = 3)
    private String currency;
    @Column(name = "PAID_ON")
    private LocalDate paidOn;
    @Column(name = "METHOD", length = 20)
    private String method;
    @Column(name = "REFERENCE", length = 100)
    private String reference;
    @Column(name = "NOTES", length = 2000)
    private String notes;

    public String getNumber() {
        return number;
    }

    public void setNumber(String number) {
        this.number = number;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getInvoiceId() {
        return invoiceId;
    }

    public void setInvoiceId(String invoiceId) {
        this.invoiceId = invoiceId;
    }

    public String getPurchaseOrderId() {
        return purchaseOrderId;
    }

    public void setPurchaseOrderId(String purchaseOrderId) {
        this.purchaseOrderId = purchaseOrderId;
    }

    public String getDocumentNumber() {
        return documentNumber;
    }

    public void setDocumentNumber(String documentNumber) {
        this.documentNumber = documentNumber;
    }

    public String getAccountId() {
        return accountId;
    }

    public void setAccountId(String accountId) {
        this.accountId = accountId;
    }

    public String getVendorId() {
        return vendorId;
    }

    public void setVendorId(String vendorId) {
        this.vendorId = vendorId;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public void setAmount(BigDecimal amount) {
        this.amount = amount;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    public LocalDate getPaidOn() {
        return paidOn;
    }

    public void setPaidOn(LocalDate paidOn) {
        this.paidOn = paidOn;
    }

    public String getMethod() {
        return method;
    }

    public void setMethod(String method) {
        this.method = method;
    }

    public String getReference() {
        return reference;
    }

    public void setReference(String reference) {
        this.reference = reference;
    }

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }
}
