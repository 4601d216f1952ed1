package org.atriumcrm.printing.internal;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Convert;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

import org.atriumcrm.persistence.api.InstantConverter;

/**
 * A PDF printed or emailed from a record, kept with it: written once, never changed (its bytes are in
 * {@link PrintedDocumentContent}, so listing a record's documents never reads them). Not a record type of its own:
 * who may see the record may see its printed documents, nothing else decides.
 */
@Entity(name = "PrintedDocument")
@Table(name = "ATRIUM_PRINTED_DOCUMENT", indexes = @Index(name = "IX_PRINTED_DOC_RECORD", columnList = "ENTITY_NAME, RECORD_ID, PRINTED_AT"))
public class PrintedDocument {
    static final String PRINTED = "print";
    static final String EMAILED = "email";

    @Id
    @Column(name = "ID", length = 36)
    private String id;
    @Column(name = "ENTITY_NAME", length = 60, nullable = false)
    private String entityName;
    @Column(name = "RECORD_ID", length = 36, nullable = false)
    private String recordId;
    @Column(name = "KIND", length = 20)
    private String kind;
    @Column(name = "LOCALE", length = 10)
    private String locale;
    @Column(name = "DOCUMENT_NUMBER", length = 60)
    private String number;
    @Column(name = "FILE_NAME", length = 200)
    private String fileName;
    @Column(name = "SIZE_BYTES")
    private Long sizeBytes;
    @Column(name = "SHA256", length = 64)
    private String sha256;
    @Column(name = "PURPOSE", length = 10)
    private String purpose;
    @Column(name = "EMAIL_ID", length = 36)
    private String emailId;
    @Column(name = "RECIPIENTS", length = 2000)
    private String recipients;
    @Column(name = "PRINTED_BY", length = 36)
    private String printedBy;
    @Convert(converter = InstantConverter.class)
    @Column(name = "PRINTED_AT")
    private Instant printedAt;

    public String getId() { return id; }
    void setId(String id) { this.id = id; }
    public String getEntityName() { return entityName; }
    void setEntityName(String entityName) { this.entityName = entityName; }
    public String getRecordId() { return recordId; }
    void setRecordId(String recordId) { this.recordId = recordId; }
    public String getKind() { return kind; }
    void setKind(String kind) { this.kind = kind; }
    public String getLocale() { return locale; }
    void setLocale(String locale) { this.locale = locale; }
    public String getNumber() { return number; }
    void setNumber(String number) { this.number = number; }
    public String getFileName() { return fileName; }
    void setFileName(String fileName) { this.fileName = fileName; }
    public Long getSizeBytes() { return sizeBytes; }
    void setSizeBytes(Long sizeBytes) { this.sizeBytes = sizeBytes; }
    public String getSha256() { return sha256; }
    void setSha256(String sha256) { this.sha256 = sha256; }
    public String getPurpose() { return purpose; }
    void setPurpose(String purpose) { this.purpose = purpose; }
    public String getEmailId() { return emailId; }
    void setEmailId(String emailId) { this.emailId = emailId; }
    public String getRecipients() { return recipients; }
    void setRecipients(String recipients) { this.recipients = recipients; }
    public String getPrintedBy() { return printedBy; }
    void setPrintedBy(String printedBy) { this.printedBy = printedBy; }
    public Instant getPrintedAt() { return printedAt; }
    void setPrintedAt(Instant printedAt) { this.printedAt = printedAt; }
}
