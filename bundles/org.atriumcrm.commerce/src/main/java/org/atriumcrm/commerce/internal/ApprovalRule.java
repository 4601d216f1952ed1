package org.atriumcrm.commerce.internal;

import java.math.BigDecimal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Index;
import javax.persistence.Table;

import org.atriumcrm.persistence.api.BaseRecord;

/**
 * An administrator's approval rule (审批规则): documents of one type whose largest line discount reaches
 * {@code minDiscountPercent} and/or whose grand total reaches {@code minAmount} (in {@code currency}) need the
 * approval of the owner's manager (through the role tree) or of a named user.
 */
@Entity(name = "ApprovalRule")
@Table(name = "ATRIUM_APPROVAL_RULE", indexes = @Index(name = "IX_APPROVAL_RULE_ENTITY", columnList = "DOCUMENT_ENTITY"))
public class ApprovalRule extends BaseRecord {
    @Column(name = "NAME", length = 200)
    private String name;
    @Column(name = "DOCUMENT_ENTITY", length = 40)
    private String documentEntity;
    @Column(name = "MIN_DISCOUNT_PERCENT", precision = 19, scale = 4)
    private BigDecimal minDiscountPercent;
    @Column(name = "MIN_AMOUNT", precision = 19, scale = 4)
    private BigDecimal minAmount;
    @Column(name = "CURRENCY", length = 3)
    private String currency;
    @Column(name = "MATCH_WHEN", length = 10)
    private String matchWhen;
    @Column(name = "APPROVER_TYPE", length = 20)
    private String approverType;
    @Column(name = "APPROVER_USER_ID", length = 36)
    private String approverUserId;
    @Column(name = "ACTIVE")
    private Boolean active;
    @Column(name = "DESCRIPTION", length = 1000)
    private String description;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDocumentEntity() {
        return documentEntity;
    }

    public void setDocumentEntity(String documentEntity) {
        this.documentEntity = documentEntity;
    }

    public BigDecimal getMinDiscountPercent() {
        return minDiscountPercent;
    }

    public void setMinDiscountPercent(BigDecimal minDiscountPercent) {
        this.minDiscountPercent = minDiscountPercent;
    }

    public BigDecimal getMinAmount() {
        return minAmount;
    }

    public void setMinAmount(BigDecimal minAmount) {
        this.minAmount = minAmount;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    public String getMatchWhen() {
        return matchWhen;
    }

    public void setMatchWhen(String matchWhen) {
        this.matchWhen = matchWhen;
    }

    public String getApproverType() {
        return approverType;
    }

    public void setApproverType(String approverType) {
        this.approverType = approverType;
    }

    public String getApproverUserId() {
        return approverUserId;
    }

    public void setApproverUserId(String approverUserId) {
        this.approverUserId = approverUserId;
    }

    public Boolean getActive() {
        return active;
    }

    public void setActive(Boolean active) {
        this.active = active;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }
}
