package org.atriumcrm.mail.internal;

import javax.persistence.Basic;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.FetchType;
import javax.persistence.Index;
import javax.persistence.Lob;
import javax.persistence.Table;

import org.atriumcrm.persistence.api.BaseRecord;

/**
 * A file that came with a received email. Files over the mailbox's size limit are listed (name, type, size) but
 * their content is not kept, so one huge attachment cannot fill the database; the original stays on the mail server.
 */
@Entity(name = "EmailAttachment")
@Table(name = "ATRIUM_EMAIL_ATTACHMENT", indexes = @Index(name = "IX_EMAIL_ATT_EMAIL", columnList = "EMAIL_ID"))
public class EmailAttachment extends BaseRecord {
    @Column(name = "EMAIL_ID", length = 36)
    private String emailId;
    @Column(name = "FILE_NAME", length = 500)
    private String fileName;
    @Column(name = "CONTENT_TYPE", length = 200)
    private String contentType;
    @Column(name = "SIZE_BYTES")
    private Long sizeBytes;
    @Column(name = "STORED")
    private Boolean stored;
    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "CONTENT")
    private byte[] content;

    public String getEmailId() { return emailId; }
    void setEmailId(String emailId) { this.emailId = emailId; }
    public String getFileName() { return fileName; }
    void setFileName(String fileName) { this.fileName = fileName; }
    public String getContentType() { return contentType; }
    void setContentType(String contentType) { this.contentType = contentType; }
    public Long getSizeBytes() { return sizeBytes; }
    void setSizeBytes(Long sizeBytes) { this.sizeBytes = sizeBytes; }
    public Boolean getStored() { return stored; }
    void setStored(Boolean stored) { this.stored = stored; }
    byte[] getContent() { return content; }
    void setContent(byte[] content) { this.content = content; }
}
