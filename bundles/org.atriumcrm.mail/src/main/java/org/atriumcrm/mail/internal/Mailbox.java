package org.atriumcrm.mail.internal;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Convert;
import javax.persistence.Entity;
import javax.persistence.Table;
import javax.persistence.Transient;

import org.atriumcrm.persistence.api.BaseRecord;
import org.atriumcrm.persistence.api.InstantConverter;

/**
 * A mailbox the mail scanner (邮件扫描器) reads: a shared one (administrators) or a salesperson's own. The password or
 * authorization code is kept encrypted ({@link org.atriumcrm.integration.api.secret.Secrets}) and never leaves the server: the API shows only whether
 * one is set.
 */
@Entity(name = "Mailbox")
@Table(name = "ATRIUM_MAILBOX")
public class Mailbox extends BaseRecord {
    static final String IMAP = "imap", IMAPS = "imaps", POP3 = "pop3", POP3S = "pop3s";
    static final String MARK_SEEN = "mark-seen", MOVE = "move", LEAVE = "leave";

    @Column(name = "NAME", length = 200)
    private String name;
    @Column(name = "PROTOCOL", length = 10)
    private String protocol;
    @Column(name = "HOST", length = 255)
    private String host;
    @Column(name = "PORT")
    private Long port;
    @Column(name = "SECURITY", length = 10)
    private String security;
    @Column(name = "USER_NAME", length = 320)
    private String userName;
    @Column(name = "SECRET_CIPHER", length = 1000)
    private String secretCipher;
    @Transient
    private String newSecret;
    @Column(name = "FOLDERS", length = 1000)
    private String folders;
    @Column(name = "POLL_SECONDS")
    private Long pollSeconds;
    @Column(name = "BATCH_SIZE")
    private Long batchSize;
    @Column(name = "AFTER_PROCESSING", length = 12)
    private String afterProcessing;
    @Column(name = "MOVE_TO_FOLDER", length = 200)
    private String moveToFolder;
    @Column(name = "SHARED_BOX")
    private Boolean shared;
    @Column(name = "ACTIVE")
    private Boolean active;
    @Column(name = "CREATE_LEADS")
    private Boolean createLeads;
    @Column(name = "ATTACH_OPPORTUNITY")
    private Boolean attachToOpportunity;
    @Column(name = "HAND_OFF_TOPIC", length = 200)
    private String handOffTopic;
    @Column(name = "INTERNAL_DOMAINS", length = 1000)
    private String internalDomains;
    @Column(name = "MAX_ATTACHMENT_BYTES")
    private Long maxAttachmentBytes;
    @Convert(converter = InstantConverter.class)
    @Column(name = "LAST_SCAN_AT")
    private Instant lastScanAt;
    @Column(name = "LAST_ERROR", length = 1000)
    private String lastError;
    @Column(name = "FILED_COUNT")
    private Long filedCount;

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getProtocol() { return protocol; }
    public void setProtocol(String protocol) { this.protocol = protocol; }
    public String getHost() { return host; }
    public void setHost(String host) { this.host = host; }
    public Long getPort() { return port; }
    public void setPort(Long port) { this.port = port; }
    public String getSecurity() { return security; }
    public void setSecurity(String security) { this.security = security; }
    public String getUserName() { return userName; }
    public void setUserName(String userName) { this.userName = userName; }
    String getSecretCipher() { return secretCipher; }
    void setSecretCipher(String secretCipher) { this.secretCipher = secretCipher; }
    /** The plain secret a client just sent, encrypted by the store before the row is written. */
    String takeNewSecret() {
        String s = newSecret;
        newSecret = null;
        return s;
    }
    public void setSecret(String secret) { this.newSecret = secret; }
    public Boolean getHasSecret() { return secretCipher != null; }
    public String getFolders() { return folders; }
    public void setFolders(String folders) { this.folders = folders; }
    public Long getPollSeconds() { return pollSeconds; }
    public void setPollSeconds(Long pollSeconds) { this.pollSeconds = pollSeconds; }
    public Long getBatchSize() { return batchSize; }
    public void setBatchSize(Long batchSize) { this.batchSize = batchSize; }
    public String getAfterProcessing() { return afterProcessing; }
    public void setAfterProcessing(String afterProcessing) { this.afterProcessing = afterProcessing; }
    public String getMoveToFolder() { return moveToFolder; }
    public void setMoveToFolder(String moveToFolder) { this.moveToFolder = moveToFolder; }
    public Boolean getShared() { return shared; }
    public void setShared(Boolean shared) { this.shared = shared; }
    public Boolean getActive() { return active; }
    public void setActive(Boolean active) { this.active = active; }
    public Boolean getCreateLeads() { return createLeads; }
    public void setCreateLeads(Boolean createLeads) { this.createLeads = createLeads; }
    public Boolean getAttachToOpportunity() { return attachToOpportunity; }
    public void setAttachToOpportunity(Boolean attachToOpportunity) { this.attachToOpportunity = attachToOpportunity; }
    public String getHandOffTopic() { return handOffTopic; }
    public void setHandOffTopic(String handOffTopic) { this.handOffTopic = handOffTopic; }
    public String getInternalDomains() { return internalDomains; }
    public void setInternalDomains(String internalDomains) { this.internalDomains = internalDomains; }
    public Long getMaxAttachmentBytes() { return maxAttachmentBytes; }
    public void setMaxAttachmentBytes(Long maxAttachmentBytes) { this.maxAttachmentBytes = maxAttachmentBytes; }
    public Instant getLastScanAt() { return lastScanAt; }
    void setLastScanAt(Instant lastScanAt) { this.lastScanAt = lastScanAt; }
    public String getLastError() { return lastError; }
    void setLastError(String lastError) { this.lastError = lastError; }
    public Long getFiledCount() { return filedCount; }
    void setFiledCount(Long filedCount) { this.filedCount = filedCount; }

    boolean isActive() { return !Boolean.FALSE.equals(active); }
    boolean isPop3() { return POP3.equals(protocol) || POP3S.equals(protocol); }
}
