package org.atriumcrm.mail.internal;

import java.util.Optional;

import org.apache.aries.jpa.template.JpaTemplate;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.persistence.api.JpaRecordStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.EventAdmin;

/** Users' email signatures: the one a user owns (most recently changed) signs the template mails they send. */
@Component(service = {RecordStore.class, EmailSignatureStore.class}, property = RecordStore.ENTITY_PROPERTY + "=EmailSignature")
public class EmailSignatureStore extends JpaRecordStore<EmailSignature> {

    @Activate
    public EmailSignatureStore(@Reference(target = "(osgi.unit.name=atrium.mail)") JpaTemplate jpa, @Reference EventAdmin events,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + MailTypes.MODULE + ")") ModuleGate gate) {
        super(MailingTypes.SIGNATURE, jpa, events, MailTypes.ALL);
    }

    Optional<EmailSignature> forUser(String userId) {
        return tx(em -> em.createQuery("SELECT s FROM EmailSignature s WHERE s.ownerId = :u AND s.deletedAt IS NULL"
                + " ORDER BY s.modifiedAt DESC", EmailSignature.class).setParameter("u", userId).setMaxResults(1)
                .getResultList().stream().findFirst());
    }
}
