package org.atriumcrm.contracts.internal;

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

/** A contract (合同) with an account: its parties, dates, value and terms, approved through the approval rules, signed, in force, and ended. */
@Entity(name = "Contract")
// the renewal reminder is claimed with a conditional bulk UPDATE while other transactions read the contract: a reader's
// copy taken before it could land in the shared cache after the UPDATE invalidated it (as with Quote, f77c43d)
@javax.persistence.Cacheable(false)
@Table(name = "ATRIUM_CONTRACT", indexes = {
        @Index(name = "IX_CONTRACT_ACCOUNT", columnList = "ACCOUNT_ID"),
        @Index(name = "IX_CONTRACT_QUOTE", columnList = "QUOTE_ID"),
        @Index(name = "IX_CONTRACT_RENEWAL", columnList = "RENEWAL_DATE"),
        @Index(name = "IX_CONTRACT_CREATED", columnList = "CREATED_AT")})
public class Contract extends BaseRecord {
    @Column(name = "CONTRACT_NUMBER", length = 40)
    private String number;
    @Column(name = "NAME", length = 200)
    private String name;
    @Column(name = "CONTRACT_TYPE", length = 20)
    private String contractType;
    @Column(name = "ACCOUNT_ID", length = 36)
    private String accountId;
    @Column(name = "CONTACT_ID", length = 36)
    private String contactId;
    @Column(name = "SIGNATORY_ID", length = 36)
    private String signatoryId;
    @Column(name = "QUOTE_ID", length = 36)
    private String quoteId;
    @Column(name = "OPPORTUNITY_ID", length = 36)
    private String opportunityId;
    @Column(name = "START_DATE")
    private LocalDate startDate;
    @Column(name = "END_DATE")
    private LocalDate endDate;
    @Column(name = "CONTRACT_VALUE", precision = 19, scale = 4)
    private BigDecimal contractValue;
    @Column(name = "CURRENCY", length = 3)
    private String currency;
    @Column(name = "TERMS", length = 32000)
    private String terms;
    @Column(name = "STATUS", length = 20)
    private String status;
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
    @Column(name = "SIGNED_ON")
    private LocalDate signedOn;
    @Column(name = "END_REASON", length = 500)
    private String endReason;
    @Column(name = "RENEWAL_DATE")
    private LocalDate renewalDate;
    @Column(name = "REMINDER_DAYS_BEFORE")
    private Long reminderDaysBefore;
    @Convert(converter = InstantConverter.class)
    @Column(name = "REMINDER_SENT_AT")
    private Instant reminderSentAt;
    @Column(name = "DESCRIPTION", length = 32000)
    private String description;
    @Column(name = "SCAN_TYPE", length = 40)
    private String scanType;
    @Column(name = "SCAN_SIZE")
    private Long scanSize;
    @Column(name = "SCAN_DIGEST", length = 64)
    private String scanDigest;

    public String getNumber() {
        return number;
    }

    public void setNumber(String number) {
        this.number = number;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getContractType() {
        return contractType;
    }

    public void setContractType(String contractType) {
        this.contractType = contractType;
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

    public String getSignatoryId() {
        return signatoryId;
    }

    public void setSignatoryId(String signatoryId) {
        this.signatoryId = signatoryId;
    }

    public String getQuoteId() {
        return quoteId;
    }

    public void setQuoteId(String quoteId) {
        this.quoteId = quoteId;
    }

    public String getOpportunityId() {
        return opportunityId;
    }

    public void setOpportunityId(String opportunityId) {
        this.opportunityId = opportunityId;
    }

    public LocalDate getStartDate() {
        return startDate;
    }

    public void setStartDate(LocalDate startDate) {
        this.startDate = startDate;
    }

    public LocalDate getEndDate() {
        return endDate;
    }

    public void setEndDate(LocalDate endDate) {
        this.endDate = endDate;
    }

    public BigDecimal getContractValue() {
        return contractValue;
    }

    public void setContractValue(BigDecimal contractValue) {
        this.contractValue = contractValue;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    public String getTerms() {
        return terms;
    }

    public void setTerms(String terms) {
        this.terms = terms;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
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

    public LocalDate getSignedOn() {
        return signedOn;
    }

    public void setSignedOn(LocalDate signedOn) {
        this.signedOn = signedOn;
    }

    public String getEndReason() {
        return endReason;
    }

    public void setEndReason(String endReason) {
        this.endReason = endReason;
    }

    public LocalDate getRenewalDate() {
        return renewalDate;
    }

    public void setRenewalDate(LocalDate renewalDate) {
        this.renewalDate = renewalDate;
    }

    public Long getReminderDaysBefore() {
        return reminderDaysBefore;
    }

    public void setReminderDaysBefore(Long reminderDaysBefore) {
        this.reminderDaysBefore = reminderDaysBefore;
    }

    public Instant getReminderSentAt() {
        return reminderSentAt;
    }

    public void setReminderSentAt(Instant reminderSentAt) {
        this.reminderSentAt = reminderSentAt;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }


    public String getScanType() {
        return scanType;
    }

    public void setScanType(String scanType) {
        this.scanType = scanType;
    }

    public Long getScanSize() {
        return scanSize;
    }

    public void setScanSize(Long scanSize) {
        this.scanSize = scanSize;
    }

    public String getScanDigest() {
        return scanDigest;
    }

    public void setScanDigest(String scanDigest) {
        this.scanDigest = scanDigest;
    }
}
