package org.atriumcrm.payments.internal;

import java.time.Instant;
import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Convert;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

import org.atriumcrm.persistence.api.InstantConverter;

/**
 * One reminder sent for one document at one stage ({@code before}, {@code overdue-7}, …). The unique key is the
 * claim: of two rounds (a restart, a second node) inserting the same reminder one fails, so none is sent twice,
 * and no row is shared by the rounds.
 */
@Entity(name = "PaymentReminder")
@Table(name = "ATRIUM_PAYMENT_REMINDER", indexes = @Index(name = "UQ_PAYMENT_REMINDER", columnList = "DOCUMENT_ID, STAGE",
        unique = true))
public class PaymentReminder {
    @Id
    @Column(name = "ID", length = 36)
    private String id;
    @Column(name = "DOCUMENT_ENTITY", length = 40)
    private String documentEntity;
    @Column(name = "DOCUMENT_ID", length = 36)
    private String documentId;
    @Column(name = "STAGE", length = 20)
    private String stage;
    @Column(name = "DUE_DATE")
    private LocalDate dueDate;
    @Column(name = "SENT_AT")
    @Convert(converter = InstantConverter.class)
    private Instant sentAt;

    public PaymentReminder() {
    }

    PaymentReminder(String id, String documentEntity, String documentId, String stage, LocalDate dueDate, Instant sentAt) {
        this.id = id;
        this.documentEntity = documentEntity;
        this.documentId = documentId;
        this.stage = stage;
        this.dueDate = dueDate;
        this.sentAt = sentAt;
    }

    public String getDocumentId() {
        return documentId;
    }

    public String getStage() {
        return stage;
    }
}
