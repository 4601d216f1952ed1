package org.atriumcrm.mail.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

/**
 * An email filed under a record of another module (Contact, Lead, Account, Opportunity): one email is linked to
 * every record whose address appears in it, so a correspondence history is a lookup by record id.
 */
@Entity(name = "EmailLink")
@Table(name = "ATRIUM_EMAIL_LINK", indexes = {@Index(name = "IX_EMAIL_LINK_RECORD", columnList = "RECORD_ID"),
        @Index(name = "IX_EMAIL_LINK_EMAIL", columnList = "EMAIL_ID")})
public class EmailLink {
    @Id
    @Column(name = "ID", length = 36)
    private String id;
    @Column(name = "EMAIL_ID", length = 36)
    private String emailId;
    @Column(name = "ENTITY", length = 60)
    private String entity;
    @Column(name = "RECORD_ID", length = 36)
    private String recordId;

    static EmailLink of(String emailId, String entity, String recordId) {
        EmailLink l = new EmailLink();
        l.id = org.atriumcrm.persistence.api.RecordIds.next();
        l.emailId = emailId;
        l.entity = entity;
        l.recordId = recordId;
        return l;
    }

    /**
     * The links of an email written by the CRM itself (a send, a template, a mass mailing): the records it was sent
     * for, so that the correspondence history shows sent mail as it shows received mail.
     */
    static void persistFor(javax.persistence.EntityManager em, Email email) {
        if (email.getContactId() != null) {
            em.persist(of(email.getId(), "Contact", email.getContactId()));
        }
        if (email.getAccountId() != null) {
            em.persist(of(email.getId(), "Account", email.getAccountId()));
        }
        if (email.getLeadId() != null) {
            em.persist(of(email.getId(), "Lead", email.getLeadId()));
        }
    }

    String getEntity() { return entity; }
    String getRecordId() { return recordId; }
}
