package org.atriumcrm.opportunities.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Index;
import javax.persistence.Table;
import org.atriumcrm.persistence.api.BaseRecord;

/** The part a contact plays in an opportunity: decision maker, influencer, ... */
@Entity(name = "OpportunityContactRole")
@Table(name = "ATRIUM_OPPORTUNITY_CONTACT", indexes = {
        @Index(name = "IX_OPP_CONTACT_OPP", columnList = "OPPORTUNITY_ID")})
public class OpportunityContactRole extends BaseRecord {
    @Column(name = "OPPORTUNITY_ID", length = 36)
    private String opportunityId;
    @Column(name = "CONTACT_ID", length = 36)
    private String contactId;
    @Column(name = "CONTACT_ROLE", length = 40)
    private String contactRole;

    public String getOpportunityId() {
        return opportunityId;
    }

    public void setOpportunityId(String opportunityId) {
        this.opportunityId = opportunityId;
    }

    public String getContactId() {
        return contactId;
    }

    public void setContactId(String contactId) {
        this.contactId = contactId;
    }

    public String getContactRole() {
        return contactRole;
    }

    public void setContactRole(String contactRole) {
        this.contactRole = contactRole;
    }
}
