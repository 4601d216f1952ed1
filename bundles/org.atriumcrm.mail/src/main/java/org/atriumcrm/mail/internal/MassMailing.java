package org.atriumcrm.mail.internal;

import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Convert;
import javax.persistence.Entity;
import javax.persistence.Index;
import javax.persistence.Table;
import org.atriumcrm.persistence.api.BaseRecord;
import org.atriumcrm.persistence.api.InstantConverter;

/** A mass mailing (群发邮件): one template to many contacts or leads, queued in batches by {@link MassMailingJob}. */
@Entity(name = "MassMailing")
@Table(name = "ATRIUM_MASS_MAILING", indexes = {
        @Index(name = "IX_MASS_MAILING_STATUS", columnList = "STATUS")})
public class MassMailing extends BaseRecord {
    static final String QUEUING = "queuing";
    static final String SENDING = "sending";
    static final String COMPLETED = "completed";
    static final String CANCELLED = "cancelled";
    @Column(name = "NAME", length = 200)
    private String name;
    @Column(name = "TEMPLATE_ID", length = 36)
    private String templateId;
    @Column(name = "CAMPAIGN_ID", length = 36)
    private String campaignId;
    @Column(name = "STATUS", length = 20)
    private String status;
    @Column(name = "RECIPIENT_COUNT")
    private Long recipientCount = 0L;
    @Column(name = "PENDING_COUNT")
    private Long pendingCount = 0L;
    @Column(name = "QUEUED_COUNT")
    private Long queuedCount = 0L;
    @Column(name = "SENT_COUNT")
    private Long sentCount = 0L;
    @Column(name = "SKIPPED_COUNT")
    private Long skippedCount = 0L;
    @Column(name = "FAILED_COUNT")
    private Long failedCount = 0L;
    @Column(name = "OPENED_COUNT")
    private Long openedCount = 0L;
    @Column(name = "CLICKED_COUNT")
    private Long clickedCount = 0L;
    @Column(name = "SENDER_LOGIN", length = 100)
    private String senderLogin;
    @Column(name = "SENDER_ADMINISTRATOR")
    private Boolean senderAdministrator;
    @Convert(converter = InstantConverter.class)
    @Column(name = "COMPLETED_AT")
    private Instant completedAt;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getTemplateId() {
        return templateId;
    }

    public void setTemplateId(String templateId) {
        this.templateId = templateId;
    }

    public String getCampaignId() {
        return campaignId;
    }

    public void setCampaignId(String campaignId) {
        this.campaignId = campaignId;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public Long getRecipientCount() {
        return recipientCount;
    }

    public void setRecipientCount(Long recipientCount) {
        this.recipientCount = recipientCount;
    }

    public Long getPendingCount() {
        return pendingCount;
    }

    public void setPendingCount(Long pendingCount) {
        this.pendingCount = pendingCount;
    }

    public Long getQueuedCount() {
        return queuedCount;
    }

    public void setQueuedCount(Long queuedCount) {
        this.queuedCount = queuedCount;
    }

    public Long getSentCount() {
        return sentCount;
    }

    public void setSentCount(Long sentCount) {
        this.sentCount = sentCount;
    }

    public Long getSkippedCount() {
        return skippedCount;
    }

    public void setSkippedCount(Long skippedCount) {
        this.skippedCount = skippedCount;
    }

    public Long getFailedCount() {
        return failedCount;
    }

    public void setFailedCount(Long failedCount) {
        this.failedCount = failedCount;
    }

    public Long getOpenedCount() {
        return openedCount;
    }

    public void setOpenedCount(Long openedCount) {
        this.openedCount = openedCount;
    }

    public Long getClickedCount() {
        return clickedCount;
    }

    public void setClickedCount(Long clickedCount) {
        this.clickedCount = clickedCount;
    }

    public String getSenderLogin() {
        return senderLogin;
    }

    public void setSenderLogin(String senderLogin) {
        this.senderLogin = senderLogin;
    }

    public Boolean getSenderAdministrator() {
        return senderAdministrator;
    }

    public void setSenderAdministrator(Boolean senderAdministrator) {
        this.senderAdministrator = senderAdministrator;
    }

    public Instant getCompletedAt() {
        return completedAt;
    }

    public void setCompletedAt(Instant completedAt) {
        this.completedAt = completedAt;
    }
}
