package org.atriumcrm.quotes.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import javax.persistence.Column;
import javax.persistence.Convert;
import javax.persistence.Entity;
import javax.persistence.Index;
import javax.persistence.Table;
import org.atriumcrm.persistence.api.BaseRecord;
import org.atriumcrm.persistence.api.InstantConverter;

/** A quote (报价单): lines of products and services at agreed prices for an account, with totals the server computes, moving from draft through approval to the customer's answer. */
@Entity(name = "Quote")
// conversions claim and complete a quote with conditional bulk UPDATEs while other transactions read it: a reader's
// copy taken between the two could land in the shared cache after the UPDATE invalidated it, and a GET then showed a
// converted quote without the document it became (ContractsIT, 16 conversions at once)
@javax.persistence.Cacheable(false)
@Table(name = "ATRIUM_QUOTE", indexes = {
        @Index(name = "IX_QUOTE_ACCOUNT", columnList = "ACCOUNT_ID"),
        @Index(name = "IX_QUOTE_OPPORTUNITY", columnList = "OPPORTUNITY_ID"),
        @Index(name = "IX_QUOTE_NUMBER", columnList = "QUOTE_NUMBER"),
        @Index(name = "IX_QUOTE_CREATED", columnList = "CREATED_AT")})
public class Quote extends BaseRecord {
    @Column(name = "QUOTE_NUMBER", length = 40)
    private String number;
    @Column(name = "SUBJECT", length = 200)
    private String subject;
    @Column(name = "OPPORTUNITY_ID", length = 36)
    private String opportunityId;
    @Column(name = "ACCOUNT_ID", length = 36)
    private String accountId;
    @Column(name = "CONTACT_ID", length = 36)
    private String contactId;
    @Column(name = "CURRENCY", length = 3)
    private String currency;
    @Column(name = "EXCHANGE_RATE", precision = 19, scale = 6)
    private BigDecimal exchangeRate;
    @Column(name = "VALID_UNTIL")
    private LocalDate validUntil;
    @Column(name = "ASSIGNED_TO_ID", length = 36)
    private String assignedToId;
    @Column(name = "RESPONSIBLE_ID", length = 36)
    private String responsibleId;
    @Column(name = "STAGE", length = 20)
    private String stage;
    @Column(name = "APPROVAL_STATUS", length = 20)
    private String approvalStatus;
    @Column(name = "APPROVER_ID", length = 36)
    private String approverId;
    @Column(name = "APPROVAL_RULE_ID", length = 36)
    private String approvalRuleId;
    @Column(name = "APPROVAL_REASON", length = 500)
    private String approvalReason;
    @Column(name = "DECISION_COMMENT", length = 2000)
    private String decisionComment;
    @Column(name = "DECIDED_BY", length = 36)
    private String decidedBy;
    @Convert(converter = InstantConverter.class)
    @Column(name = "DECIDED_AT")
    private Instant decidedAt;
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
    @Column(name = "MAX_DISCOUNT_PERCENT", precision = 19, scale = 4)
    private BigDecimal maxDiscountPercent;
    @Column(name = "LINE_COUNT")
    private Long lineCount;
    @Column(name = "REVISION")
    private Long revision;
    @Column(name = "PREVIOUS_QUOTE_ID", length = 36)
    private String previousQuoteId;
    @Column(name = "SUPERSEDED_BY_ID", length = 36)
    private String supersededById;
    @Column(name = "CONVERTED_TO", length = 20)
    private String convertedTo;
    @Column(name = "CONVERTED_ID", length = 36)
    private String convertedId;
    @Convert(converter = InstantConverter.class)
    @Column(name = "CONVERTED_AT")
    private Instant convertedAt;
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

    public String getOpportunityId() {
        return opportunityId;
    }

    public void setOpportunityId(String opportunityId) {
        this.opportunityId = opportunityId;
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

    public BigDecimal getExchangeRate() {
        return exchangeRate;
    }

    public void setExchangeRate(BigDecimal exchangeRate) {
        this.exchangeRate = exchangeRate;
    }

    public LocalDate getValidUntil() {
        return validUntil;
    }

    public void setValidUntil(LocalDate validUntil) {
        this.validUntil = validUntil;
    }

    public String getAssignedToId() {
        return assignedToId;
    }

    public void setAssignedToId(String assignedToId) {
        this.assignedToId = assignedToId;
    }

    public String getResponsibleId() {
        return responsibleId;
    }

    public void setResponsibleId(String responsibleId) {
        this.responsibleId = responsibleId;
    }

    public String getStage() {
        return stage;
    }

    public void setStage(String stage) {
        this.stage = stage;
    }

    public String getApprovalStatus() {
        return approvalStatus;
    }

    public void setApprovalStatus(String approvalStatus) {
        this.approvalStatus = approvalStatus;
    }

    public String getApproverId() {
        return approverId;
    }

    public void setApproverId(String approverId) {
        this.approverId = approverId;
    }

    public String getApprovalRuleId() {
        return approvalRuleId;
    }

    public void setApprovalRuleId(String approvalRuleId) {
        this.approvalRuleId = approvalRuleId;
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

    public BigDecimal getMaxDiscountPercent() {
        return maxDiscountPercent;
    }

    public void setMaxDiscountPercent(BigDecimal maxDiscountPercent) {
        this.maxDiscountPercent = maxDiscountPercent;
    }

    public Long getLineCount() {
        return lineCount;
    }

    public void setLineCount(Long lineCount) {
        this.lineCount = lineCount;
    }

    public Long getRevision() {
        return revision;
    }

    public void setRevision(Long revision) {
        this.revision = revision;
    }

    public String getPreviousQuoteId() {
        return previousQuoteId;
    }

    public void setPreviousQuoteId(String previousQuoteId) {
        this.previousQuoteId = previousQuoteId;
    }

    public String getSupersededById() {
        return supersededById;
    }

    public void setSupersededById(String supersededById) {
        this.supersededById = supersededById;
    }

    public String getConvertedTo() {
        return convertedTo;
    }

    public void setConvertedTo(String convertedTo) {
        this.convertedTo = convertedTo;
    }

    public String getConvertedId() {
        return convertedId;
    }

    public void setConvertedId(String convertedId) {
        this.convertedId = convertedId;
    }

    public Instant getConvertedAt() {
        return convertedAt;
    }

    public void setConvertedAt(Instant convertedAt) {
        this.convertedAt = convertedAt;
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

    boolean isDraft() {
        return QuoteTypes.DRAFT.equals(stage);
    }

}
