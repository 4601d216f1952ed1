package org.atriumcrm.opportunities.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Index;
import javax.persistence.Table;
import org.atriumcrm.persistence.api.BaseRecord;

/** The sales process of one opportunity type: its ordered stages (see {@link SalesStage}). */
@Entity(name = "SalesProcess")
@Table(name = "ATRIUM_SALES_PROCESS", indexes = {
        @Index(name = "IX_SALES_PROCESS_TYPE", columnList = "OPPORTUNITY_TYPE")})
public class SalesProcess extends BaseRecord {
    @Column(name = "NAME", length = 100)
    private String name;
    @Column(name = "OPPORTUNITY_TYPE", length = 40)
    private String opportunityType;
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

    public String getOpportunityType() {
        return opportunityType;
    }

    public void setOpportunityType(String opportunityType) {
        this.opportunityType = opportunityType;
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
    @Override
    public void beforeSave() {
        if (active == null) {
            active = Boolean.TRUE;
        }
    }
}
