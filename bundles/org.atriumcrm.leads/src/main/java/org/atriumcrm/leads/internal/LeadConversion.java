package org.atriumcrm.leads.internal;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Convert;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

import org.atriumcrm.persistence.api.InstantConverter;

/**
 * The journal of one lead conversion. The records a conversion creates live in other modules' persistence units,
 * so the conversion is a sequence of transactions: each created record is written here before the next step, the
 * lead is marked converted in the same transaction as this row is marked done, and a row still {@code pending}
 * after a crash tells the recovery exactly what to undo.
 */
@Entity(name = "LeadConversion")
@Table(name = "ATRIUM_LEAD_CONVERSION", indexes = @Index(name = "IX_LEAD_CONVERSION_STATUS", columnList = "STATUS"))
public class LeadConversion {
    static final String PENDING = "pending";
    static final String DONE = "done";
    static final String UNDONE = "undone";

    @Id
    @Column(name = "ID", length = 36)
    String id;
    @Column(name = "LEAD_ID", length = 36, nullable = false)
    String leadId;
    @Column(name = "USER_ID", length = 36)
    String userId;
    @Column(name = "STATUS", length = 10, nullable = false)
    String status;
    @Convert(converter = InstantConverter.class)
    @Column(name = "STARTED_AT", nullable = false)
    Instant startedAt;
    @Convert(converter = InstantConverter.class)
    @Column(name = "FINISHED_AT")
    Instant finishedAt;
    @Column(name = "CREATED_ACCOUNT_ID", length = 36)
    String createdAccountId;
    @Column(name = "CREATED_CONTACT_ID", length = 36)
    String createdContactId;
    @Column(name = "CREATED_OPPORTUNITY_ID", length = 36)
    String createdOpportunityId;
    @Column(name = "FAILURE", length = 500)
    String failure;
}
