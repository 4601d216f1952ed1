package org.atriumcrm.products.internal;

import java.math.BigDecimal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Table;

import org.atriumcrm.persistence.api.BaseRecord;

/** A tax class (税目) and its rate in percent, e.g. VAT 13 %; a product's lines are taxed at its class's rate. */
@Entity(name = "TaxClass")
@Table(name = "ATRIUM_TAX_CLASS")
public class TaxClass extends BaseRecord {
    @Column(name = "NAME", length = 100, nullable = false)
    private String name;
    @Column(name = "RATE", precision = 7, scale = 4)
    private BigDecimal rate;
    @Column(name = "ACTIVE")
    private Boolean active;
    @Column(name = "DESCRIPTION", length = 1000)
    private String description;

    @Override
    public void beforeSave() {
        if (active == null) {
            active = true;
        }
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public BigDecimal getRate() {
        return rate;
    }

    public void setRate(BigDecimal rate) {
        this.rate = rate;
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
