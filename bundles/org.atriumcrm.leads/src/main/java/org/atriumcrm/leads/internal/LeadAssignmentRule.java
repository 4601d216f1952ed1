package org.atriumcrm.leads.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Table;
import org.atriumcrm.persistence.api.BaseRecord;

/** Who gets a new lead: matched by source, region or province, assigned to one owner or round robin. */
@Entity(name = "LeadAssignmentRule")
@Table(name = "ATRIUM_LEAD_ASSIGNMENT")
public class LeadAssignmentRule extends BaseRecord {
    @Column(name = "NAME", length = 100)
    private String name;
    @Column(name = "PRIORITY")
    private Long priority;
    @Column(name = "ACTIVE")
    private Boolean active;
    @Column(name = "MATCH_SOURCE", length = 40)
    private String matchSource;
    @Column(name = "MATCH_REGION", length = 100)
    private String matchRegion;
    @Column(name = "MATCH_PROVINCE", length = 100)
    private String matchProvince;
    @Column(name = "STRATEGY", length = 20)
    private String strategy;
    @Column(name = "ASSIGNEE_IDS", length = 4000)
    private String assigneeIds;
    /** Counted up by {@link LeadAssignmentRuleStore} with SQL only: never written through the entity. */
    @Column(name = "ROUND_ROBIN_CURSOR", updatable = false)
    private Long cursor;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Long getPriority() {
        return priority;
    }

    public void setPriority(Long priority) {
        this.priority = priority;
    }

    public Boolean getActive() {
        return active;
    }

    public void setActive(Boolean active) {
        this.active = active;
    }

    public String getMatchSource() {
        return matchSource;
    }

    public void setMatchSource(String matchSource) {
        this.matchSource = matchSource;
    }

    public String getMatchRegion() {
        return matchRegion;
    }

    public void setMatchRegion(String matchRegion) {
        this.matchRegion = matchRegion;
    }

    public String getMatchProvince() {
        return matchProvince;
    }

    public void setMatchProvince(String matchProvince) {
        this.matchProvince = matchProvince;
    }

    public String getStrategy() {
        return strategy;
    }

    public void setStrategy(String strategy) {
        this.strategy = strategy;
    }

    public String getAssigneeIds() {
        return assigneeIds;
    }

    public void setAssigneeIds(String assigneeIds) {
        this.assigneeIds = assigneeIds;
    }

    static final String FIXED = "fixed";
    static final String ROUND_ROBIN = "round_robin";

    @Override
    public void beforeSave() {
        if (active == null) {
            active = Boolean.TRUE;
        }
        if (priority == null) {
            priority = 100L;
        }
        if (cursor == null) {
            cursor = 0L;
        }
        if (strategy == null) {
            strategy = assignees().size() > 1 ? ROUND_ROBIN : FIXED;
        }
        if (assignees().isEmpty()) {
            throw org.atriumcrm.api.error.AtriumException.invalidField("assigneeIds", "name at least one user or group id");
        }
    }

    java.util.List<String> assignees() {
        if (assigneeIds == null) {
            return java.util.List.of();
        }
        return java.util.Arrays.stream(assigneeIds.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
    }

    boolean matches(Lead lead) {
        return Boolean.TRUE.equals(active) && same(matchSource, lead.getSource()) && same(matchRegion, lead.getRegion())
                && same(matchProvince, lead.getProvince());
    }

    private static boolean same(String wanted, String actual) {
        return wanted == null || wanted.isBlank() || wanted.strip().equalsIgnoreCase(actual == null ? "" : actual.strip());
    }
}
