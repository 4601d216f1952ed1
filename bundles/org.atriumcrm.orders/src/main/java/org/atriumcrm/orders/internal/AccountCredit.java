package org.atriumcrm.orders.internal;

import java.math.BigDecimal;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Index;
import javax.persistence.Table;
import org.atriumcrm.persistence.api.BaseRecord;

/** The credit settings of one account (at most one row per account): its own limit and term, or the credit unit it belongs to. */
@Entity(name = "AccountCredit")
@Table(name = "ATRIUM_ACCOUNT_CREDIT", indexes = {
        @Index(name = "IX_ACCOUNT_CREDIT_UNIT", columnList = "CREDIT_UNIT_ID")})
public class AccountCredit extends BaseRecord {
    @Column(name = "ACCOUNT_ID", length = 36)
    private String accountId;
    @Column(name = "CREDIT_UNIT_ID", length = 36)
    private String creditUnitId;
    @Column(name = "CURRENCY", length = 3)
    private String currency;
    @Column(name = "CREDIT_LIMIT", precision = 19, scale = 4)
    private BigDecimal creditLimit;
    @Column(name = "CREDIT_TERM_DAYS")
    private Long creditTermDays;

    public String getAccountId() {
        return accountId;
    }

    public void setAccountId(String accountId) {
        this.accountId = accountId;
    }

    public String getCreditUnitId() {
        return creditUnitId;
    }

    public void setCreditUnitId(String creditUnitId) {
        this.creditUnitId = creditUnitId;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    public BigDecimal getCreditLimit() {
        return creditLimit;
    }

    public void setCreditLimit(BigDecimal creditLimit) {
        this.creditLimit = creditLimit;
    }

    public Long getCreditTermDays() {
        return creditTermDays;
    }

    public void setCreditTermDays(Long creditTermDays) {
        this.creditTermDays = creditTermDays;
    }
}
