package org.atriumcrm.orders.internal;

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

/** A sales order (销售订单): what the customer ordered at which prices, its credit check, its delivery and invoicing progress and an optional recurring invoicing schedule. Never served from the shared cache: the invoicing module changes its status and invoiced amount with conditional UPDATEs in its own transactions. */
@Entity(name = "SalesOrder")
@Cacheable(false)
@Table(name = "ATRIUM_SALES_ORDER", indexes = {
        @Index(name = "IX_SALES_ORDER_ACCOUNT", columnList = "ACCOUNT_ID"),
        @Index(name = "IX_SALES_ORDER_NUMBER", columnList = "ORDER_NUMBER"),
        @Index(name = "IX_SALES_ORDER_CREATED", columnList = "CREATED_AT"),
        @Index(name = "IX_SALES_ORDER_NEXT_INVOICE", columnList = "NEXT_INVOICE_DATE")})
public class SalesOrder extends BaseRecord {
    @Column(name = "ORDER_NUMBER", length = 40)
    private String number;
    /** Where an order from outside comes from (a connector's id) and its id there, claimed by {@link ExternalOrderKey}. */
    @Column(name = "EXTERNAL_SOURCE", length = 36)
    private String externalSource;
    @Column(name = "EXTERNAL_ID", length = 100)
    private String externalId;
    /** The source's own order number, as its customer knows it. */
    @Column(name = "EXTERNAL_NUMBER", length = 100)
    private String externalNumber;
    @Column(name = "SUBJECT", length = 200)
    private String subject;
    @Column(name = "ACCOUNT_ID", length = 36)
    private String accountId;
    @Column(name = "CONTACT_ID", length = 36)
    private String contactId;
    @Column(name = "OPPORTUNITY_ID", length = 36)
    private String opportunityId;
    @Column(name = "QUOTE_ID", length = 36)
    private String quoteId;
    @Column(name = "CONTRACT_ID", length = 36)
    private String contractId;
    @Column(name = "CURRENCY", length = 3)
    private String currency;
    @Column(name = "EXCHANGE_RATE", precision = 19, scale = 6)
    private BigDecimal exchangeRate;
    @Column(name = "ORDER_DATE")
    private LocalDate orderDate;
    @Column(name = "BILLING_ADDRESS", length = 1000)
    private String billingAddress;
    @Column(name = "SHIPPING_ADDRESS", length = 1000)
    private String shippingAddress;
    @Column(name = "PAYMENT_TERM_DAYS")
    private Long paymentTermDays;
    @Column(name = "STATUS", length = 20)
    private String status;
    @Column(name = "SHIPPING", precision = 19, scale = 4)
    private BigDecimal shipping;
    @Column(name = "SHIPPING_TAX_RATE", precision = 19, scale = 4)
    private BigDecimal shippingTaxRate;
    @Column(name = "ADJUSTMENT", precision = 19, scale = 4)
    private BigDecimal adjustment;
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
    @Column(name = "INVOICED_AMOUNT", precision = 19, scale = 4)
    private BigDecimal invoicedAmount;
    @Column(name = "LINE_COUNT")
    private Long lineCount;
    @Column(name = "CREDIT_CHECK", length = 20)
    private String creditCheck;
    @Column(name = "CREDIT_LIMIT", precision = 19, scale = 4)
    private BigDecimal creditLimit;
    @Column(name = "CREDIT_EXPOSURE", precision = 19, scale = 4)
    private BigDecimal creditExposure;
    @Column(name = "CREDIT_OVERDUE_SINCE")
    private LocalDate creditOverdueSince;
    @Convert(converter = InstantConverter.class)
    @Column(name = "CREDIT_CHECKED_AT")
    private Instant creditCheckedAt;
    @Column(name = "CREDIT_REASON", length = 500)
    private String creditReason;
    @Column(name = "CREDIT_UNIT_ID", length = 36)
    private String creditUnitId;
    @Column(name = "APPROVER_ID", length = 36)
    private String approverId;
    @Column(name = "DECISION_COMMENT", length = 2000)
    private String decisionComment;
    @Column(name = "DECIDED_BY", length = 36)
    private String decidedBy;
    @Convert(converter = InstantConverter.class)
    @Column(name = "DECIDED_AT")
    private Instant decidedAt;
    @Convert(converter = InstantConverter.class)
    @Column(name = "CONFIRMED_AT")
    private Instant confirmedAt;
    @Column(name = "CANCEL_REASON", length = 2000)
    private String cancelReason;
    @Column(name = "INVOICE_FREQUENCY", length = 20)
    private String invoiceFrequency;
    @Column(name = "INVOICE_START")
    private LocalDate invoiceStart;
    @Column(name = "INVOICE_END")
    private LocalDate invoiceEnd;
    @Column(name = "INVOICE_PAYMENT_TERM_DAYS")
    private Long invoicePaymentTermDays;
    @Column(name = "NEXT_INVOICE_DATE")
    private LocalDate nextInvoiceDate;
    @Column(name = "TERMS", length = 32000)
    private String terms;
    @Column(name = "DESCRIPTION", length = 32000)
    private String description;

    public String getNumber() {
        return number;
    }

    public void setNumber(String number) {
        this.number = number;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
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

    public String getOpportunityId() {
        return opportunityId;
    }

    public void setOpportunityId(String opportunityId) {
        this.opportunityId = opportunityId;
    }

    public String getQuoteId() {
        return quoteId;
    }

    public void setQuoteId(String quoteId) {
        this.quoteId = quoteId;
    }

    public String getContractId() {
        return contractId;
    }

    public void setContractId(String contractId) {
        this.contractId = contractId;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    public BigDecimal getExchangeRate() {
        return exchangeRate;
    }

    public void setExchangeRate(BigDecimal exchangeRate) {
        this.exchangeRate = exchangeRate;
    }

    public LocalDate getOrderDate() {
        return orderDate;
    }

    public void setOrderDate(LocalDate orderDate) {
        this.orderDate = orderDate;
    }

    public String getBillingAddress() {
        return billingAddress;
    }

    public void setBillingAddress(String billingAddress) {
        this.billingAddress = billingAddress;
    }

    public String getShippingAddress() {
        return shippingAddress;
    }

    public void setShippingAddress(String shippingAddress) {
        this.shippingAddress = shippingAddress;
    }

    public Long getPaymentTermDays() {
        return paymentTermDays;
    }

    public void setPaymentTermDays(Long paymentTermDays) {
        this.paymentTermDays = paymentTermDays;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
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

    public BigDecimal getAdjustment() {
        return adjustment;
    }

    public void setAdjustment(BigDecimal adjustment) {
        this.adjustment = adjustment;
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

    public BigDecimal getInvoicedAmount() {
        return invoicedAmount;
    }

    public void setInvoicedAmount(BigDecimal invoicedAmount) {
        this.invoicedAmount = invoicedAmount;
    }

    public Long getLineCount() {
        return lineCount;
    }

    public void setLineCount(Long lineCount) {
        this.lineCount = lineCount;
    }

    public String getCreditCheck() {
        return creditCheck;
    }

    public void setCreditCheck(String creditCheck) {
        this.creditCheck = creditCheck;
    }

    public BigDecimal getCreditLimit() {
        return creditLimit;
    }

    public void setCreditLimit(BigDecimal creditLimit) {
        this.creditLimit = creditLimit;
    }

    public BigDecimal getCreditExposure() {
        return creditExposure;
    }

    public void setCreditExposure(BigDecimal creditExposure) {
        this.creditExposure = creditExposure;
    }

    public LocalDate getCreditOverdueSince() {
        return creditOverdueSince;
    }

    public void setCreditOverdueSince(LocalDate creditOverdueSince) {
        this.creditOverdueSince = creditOverdueSince;
    }

    public Instant getCreditCheckedAt() {
        return creditCheckedAt;
    }

    public void setCreditCheckedAt(Instant creditCheckedAt) {
        this.creditCheckedAt = creditCheckedAt;
    }

    public String getCreditReason() {
        return creditReason;
    }

    public void setCreditReason(String creditReason) {
        this.creditReason = creditReason;
    }

    public String getCreditUnitId() {
        return creditUnitId;
    }

    public void setCreditUnitId(String creditUnitId) {
        this.creditUnitId = creditUnitId;
    }

    public String getApproverId() {
        return approverId;
    }

    public void setApproverId(String approverId) {
        this.approverId = approverId;
    }

    public String getDecisionComment() {
        return decisionComment;
    }

    public void setDecisionComment(String decisionComment) {
        this.decisionComment = decisionComment;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public void setDecidedBy(String decidedBy) {
        this.decidedBy = decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public void setDecidedAt(Instant decidedAt) {
        this.decidedAt = decidedAt;
    }

    public Instant getConfirmedAt() {
        return confirmedAt;
    }

    public void setConfirmedAt(Instant confirmedAt) {
        this.confirmedAt = confirmedAt;
    }

    public String getExternalSource() {
        return externalSource;
    }

    public String getExternalId() {
        return externalId;
    }

    public String getExternalNumber() {
        return externalNumber;
    }

    void setExternal(String source, String id, String number) {
        this.externalSource = source;
        this.externalId = id;
        this.externalNumber = number;
    }

    public String getCancelReason() {
        return cancelReason;
    }

    public void setCancelReason(String cancelReason) {
        this.cancelReason = cancelReason;
    }

    public String getInvoiceFrequency() {
        return invoiceFrequency;
    }

    public void setInvoiceFrequency(String invoiceFrequency) {
        this.invoiceFrequency = invoiceFrequency;
    }

    public LocalDate getInvoiceStart() {
        return invoiceStart;
    }

    public void setInvoiceStart(LocalDate invoiceStart) {
        this.invoiceStart = invoiceStart;
    }

    public LocalDate getInvoiceEnd() {
        return invoiceEnd;
    }

    public void setInvoiceEnd(LocalDate invoiceEnd) {
        this.invoiceEnd = invoiceEnd;
    }

    public Long getInvoicePaymentTermDays() {
        return invoicePaymentTermDays;
    }

    public void setInvoicePaymentTermDays(Long invoicePaymentTermDays) {
        this.invoicePaymentTermDays = invoicePaymentTermDays;
    }

    public LocalDate getNextInvoiceDate() {
        return nextInvoiceDate;
    }

    public void setNextInvoiceDate(LocalDate nextInvoiceDate) {
        this.nextInvoiceDate = nextInvoiceDate;
    }

    public String getTerms() {
        return terms;
    }

    public void setTerms(String terms) {
        this.terms = terms;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }
}
