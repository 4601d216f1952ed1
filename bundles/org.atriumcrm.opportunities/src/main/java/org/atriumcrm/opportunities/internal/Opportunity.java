package org.atriumcrm.opportunities.internal;

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

/** A deal in progress (销售机会): an amount expected from an account by a date, moving through the stages of its sales process. */
@Entity(name = "Opportunity")
@Table(name = "ATRIUM_OPPORTUNITY", indexes = {
        @Index(name = "IX_OPPORTUNITY_ACCOUNT", columnList = "ACCOUNT_ID"),
        @Index(name = "IX_OPPORTUNITY_CLOSE", columnList = "CLOSE_DATE"),
        @Index(name = "IX_OPPORTUNITY_STAGE", columnList = "STAGE"),
        @Index(name = "IX_OPPORTUNITY_CREATED", columnList = "CREATED_AT")})
public class Opportunity extends BaseRecord {
    @Column(name = "NAME", length = 200)
    private String name;
    @Column(name = "ACCOUNT_ID", length = 36)
    private String accountId;
    @Column(name = "PRIMARY_CONTACT_ID", length = 36)
    private String primaryContactId;
    @Column(name = "AMOUNT", precision = 19, scale = 4)
    private BigDecimal amount;
    @Column(name = "CURRENCY", length = 3)
    private String currency;
    @Column(name = "CLOSE_DATE")
    private LocalDate closeDate;
    @Column(name = "OPPORTUNITY_TYPE", length = 40)
    private String type;
    @Column(name = "SOURCE", length = 40)
    private String source;
    @Column(name = "CAMPAIGN_ID", length = 36)
    private String campaignId;
    @Column(name = "LEAD_ID", length = 36)
    private String leadId;
    @Column(name = "NEXT_STEP", length = 500)
    private String nextStep;
    @Column(name = "PROBABILITY")
    private Long probability;
    @Column(name = "PROBABILITY_OVERRIDDEN")
    private Boolean probabilityOverridden;
    @Column(name = "SALES_PROCESS_ID", length = 36)
    private String salesProcessId;
    @Column(name = "STAGE", length = 60)
    private String stage;
    @Convert(converter = InstantConverter.class)
    @Column(name = "STAGE_ENTERED_AT")
    private Instant stageEnteredAt;
    @Column(name = "COMPLETED_ACTIONS", length = 4000)
    private String completedActions;
    @Column(name = "CLOSED")
    private Boolean closed;
    @Column(name = "WON")
    private Boolean won;
    @Convert(converter = InstantConverter.class)
    @Column(name = "CLOSED_AT")
    private Instant closedAt;
    @Column(name = "LOST_REASON", length = 500)
    private String lostReason;
    @Column(name = "COMPETITORS", length = 1000)
    private String competitors;
    @Column(name = "DESCRIPTION", length = 32000)
    private String description;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getAccountId() {
        return accountId;
    }

    public void setAccountId(String accountId) {
        this.accountId = accountId;
    }

    public String getPrimaryContactId() {
        return primaryContactId;
    }

    public void setPrimaryContactId(String primaryContactId) {
        this.primaryContactId = primaryContactId;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public void setAmount(BigDecimal amount) {
        this.amount = amount;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    public LocalDate getCloseDate() {
        return closeDate;
    }

    public void setCloseDate(LocalDate closeDate) {
        this.closeDate = closeDate;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }

    public String getCampaignId() {
        return campaignId;
    }

    public void setCampaignId(String campaignId) {
        this.campaignId = campaignId;
    }

    public String getLeadId() {
        return leadId;
    }

    public void setLeadId(String leadId) {
        this.leadId = leadId;
    }

    public String getNextStep() {
        return nextStep;
    }

    public void setNextStep(String nextStep) {
        this.nextStep = nextStep;
    }

    public Long getProbability() {
        return probability;
    }

    public void setProbability(Long probability) {
        this.probability = probability;
    }

    public Boolean getProbabilityOverridden() {
        return probabilityOverridden;
    }

    public void setProbabilityOverridden(Boolean probabilityOverridden) {
        this.probabilityOverridden = probabilityOverridden;
    }

    public String getSalesProcessId() {
        return salesProcessId;
    }

    public void setSalesProcessId(String salesProcessId) {
        this.salesProcessId = salesProcessId;
    }

    public String getStage() {
        return stage;
    }

    public void setStage(String stage) {
        this.stage = stage;
    }

    public Instant getStageEnteredAt() {
        return stageEnteredAt;
    }

    public void setStageEnteredAt(Instant stageEnteredAt) {
        this.stageEnteredAt = stageEnteredAt;
    }

    public String getCompletedActions() {
        return completedActions;
    }

    public void setCompletedActions(String completedActions) {
        this.completedActions = completedActions;
    }

    public Boolean getClosed() {
        return closed;
    }

    public void setClosed(Boolean closed) {
        this.closed = closed;
    }

    public Boolean getWon() {
        return won;
    }

    public void setWon(Boolean won) {
        this.won = won;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public void setClosedAt(Instant closedAt) {
        this.closedAt = closedAt;
    }

    public String getLostReason() {
        return lostReason;
    }

    public void setLostReason(String lostReason) {
        this.lostReason = lostReason;
    }

    public String getCompetitors() {
        return competitors;
    }

    public void setCompetitors(String competitors) {
        this.competitors = competitors;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }
    boolean isClosed() {
        return Boolean.TRUE.equals(closed);
    }

    java.util.Set<String> doneActions() {
        java.util.Set<String> done = new java.util.LinkedHashSet<>();
        if (completedActions != null) {
            for (String a : completedActions.split(",")) {
                if (!a.isBlank()) {
                    done.add(a.strip());
                }
            }
        }
        return done;
    }
}
