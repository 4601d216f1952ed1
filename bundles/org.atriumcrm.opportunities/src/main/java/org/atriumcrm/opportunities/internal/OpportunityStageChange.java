package org.atriumcrm.opportunities.internal;

import java.math.BigDecimal;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Index;
import javax.persistence.Table;
import org.atriumcrm.persistence.api.BaseRecord;

/** One move of an opportunity from stage to stage: who, when, the amount and probability then, and how long the previous stage lasted. */
@Entity(name = "OpportunityStageChange")
@Table(name = "ATRIUM_OPPORTUNITY_STAGE_CHANGE", indexes = {
        @Index(name = "IX_STAGE_CHANGE_OPP", columnList = "OPPORTUNITY_ID")})
public class OpportunityStageChange extends BaseRecord {
    @Column(name = "OPPORTUNITY_ID", length = 36)
    private String opportunityId;
    @Column(name = "FROM_STAGE", length = 60)
    private String fromStage;
    @Column(name = "TO_STAGE", length = 60)
    private String toStage;
    @Column(name = "AMOUNT", precision = 19, scale = 4)
    private BigDecimal amount;
    @Column(name = "PROBABILITY")
    private Long probability;
    @Column(name = "SECONDS_IN_PREVIOUS")
    private Long secondsInPreviousStage;

    public String getOpportunityId() {
        return opportunityId;
    }

    public void setOpportunityId(String opportunityId) {
        this.opportunityId = opportunityId;
    }

    public String getFromStage() {
        return fromStage;
    }

    public void setFromStage(String fromStage) {
        this.fromStage = fromStage;
    }

    public String getToStage() {
        return toStage;
    }

    public void setToStage(String toStage) {
        this.toStage = toStage;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public void setAmount(BigDecimal amount) {
        this.amount = amount;
    }

    public Long getProbability() {
        return probability;
    }

    public void setProbability(Long probability) {
        this.probability = probability;
    }

    public Long getSecondsInPreviousStage() {
        return secondsInPreviousStage;
    }

    public void setSecondsInPreviousStage(Long secondsInPreviousStage) {
        this.secondsInPreviousStage = secondsInPreviousStage;
    }
}
