package org.atriumcrm.opportunities.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Index;
import javax.persistence.Table;
import org.atriumcrm.persistence.api.BaseRecord;

/** A user working on an opportunity with its owner (sales team): they see and edit it. */
@Entity(name = "OpportunityTeamMember")
@Table(name = "ATRIUM_OPPORTUNITY_TEAM", indexes = {
        @Index(name = "IX_OPP_TEAM_OPP", columnList = "OPPORTUNITY_ID")})
public class OpportunityTeamMember extends BaseRecord {
    @Column(name = "OPPORTUNITY_ID", length = 36)
    private String opportunityId;
    @Column(name = "USER_ID", length = 36)
    private String userId;
    @Column(name = "TEAM_ROLE", length = 40)
    private String teamRole;
    @Column(name = "SHARE_ID", length = 36)
    private String shareId;

    public String getOpportunityId() {
        return opportunityId;
    }

    public void setOpportunityId(String opportunityId) {
        this.opportunityId = opportunityId;
    }

    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    public String getTeamRole() {
        return teamRole;
    }

    public void setTeamRole(String teamRole) {
        this.teamRole = teamRole;
    }

    public String getShareId() {
        return shareId;
    }

    public void setShareId(String shareId) {
        this.shareId = shareId;
    }
}
