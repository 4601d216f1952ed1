package org.atriumcrm.orders.internal;

import java.math.BigDecimal;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Table;
import org.atriumcrm.persistence.api.BaseRecord;

/** A credit unit (信用单位): accounts whose open amounts count together against one credit limit and term, e.g. the branches of one group. */
@Entity(name = "CreditUnit")
@Table(name = "ATRIUM_CREDIT_UNIT")
public class CreditUnit extends BaseRecord {
    @Column(name = "NAME", length = 200)
    private String name;
    @Column(name = "CURRENCY", length = 3)
    private String currency;
    @Column(name = "CREDIT_LIMIT", precision = 19, scale = 4)
    private BigDecimal creditLimit;
    @Column(name = "CREDIT_TERM_DAYS")
    private Long creditTermDays;
    @Column(name = "DESCRIPTION", length = 2000)
    private String description;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
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

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }
}
