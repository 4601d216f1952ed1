package org.atriumcrm.opportunities.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Index;
import javax.persistence.Table;
import org.atriumcrm.persistence.api.BaseRecord;

/** One stage of a sales process: its position, default probability, the actions required before leaving it, and whether it closes the deal. */
@Entity(name = "SalesStage")
@Table(name = "ATRIUM_SALES_STAGE", indexes = {
        @Index(name = "IX_SALES_STAGE_PROCESS", columnList = "SALES_PROCESS_ID")})
public class SalesStage extends BaseRecord {
    @Column(name = "SALES_PROCESS_ID", length = 36)
    private String salesProcessId;
    @Column(name = "POSITION")
    private Long position;
    @Column(name = "NAME", length = 60)
    private String name;
    @Column(name = "LABEL_EN", length = 100)
    private String labelEn;
    @Column(name = "LABEL_ZH", length = 100)
    private String labelZh;
    @Column(name = "PROBABILITY")
    private Long probability;
    @Column(name = "REQUIRED_ACTIONS", length = 2000)
    private String requiredActions;
    @Column(name = "OUTCOME", length = 10)
    private String outcome;

    public String getSalesProcessId() {
        return salesProcessId;
    }

    public void setSalesProcessId(String salesProcessId) {
        this.salesProcessId = salesProcessId;
    }

    public Long getPosition() {
        return position;
    }

    public void setPosition(Long position) {
        this.position = position;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getLabelEn() {
        return labelEn;
    }

    public void setLabelEn(String labelEn) {
        this.labelEn = labelEn;
    }

    public String getLabelZh() {
        return labelZh;
    }

    public void setLabelZh(String labelZh) {
        this.labelZh = labelZh;
    }

    public Long getProbability() {
        return probability;
    }

    public void setProbability(Long probability) {
        this.probability = probability;
    }

    public String getRequiredActions() {
        return requiredActions;
    }

    public void setRequiredActions(String requiredActions) {
        this.requiredActions = requiredActions;
    }

    public String getOutcome() {
        return outcome;
    }

    public void setOutcome(String outcome) {
        this.outcome = outcome;
    }
    static final String OPEN = "open";
    static final String WON = "won";
    static final String LOST = "lost";

    java.util.List<String> actions() {
        if (requiredActions == null) {
            return java.util.List.of();
        }
        return java.util.Arrays.stream(requiredActions.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    @Override
    public void beforeSave() {
        if (outcome == null) {
            outcome = OPEN;
        }
        if (probability != null && (probability < 0 || probability > 100)) {
            throw org.atriumcrm.api.error.AtriumException.invalidField("probability", "must be between 0 and 100");
        }
    }
}
