package org.atriumcrm.mail.internal;

import org.apache.aries.jpa.template.JpaTemplate;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.record.RecordStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.EventAdmin;

/** The recipients of mass mailings, with what became of each one's email; written only by the mailing job and tracking. */
@Component(service = RecordStore.class, property = RecordStore.ENTITY_PROPERTY + "=MassMailingRecipient")
public class MassMailingRecipientStore extends SystemWrittenStore<MassMailingRecipient> {

    @Activate
    public MassMailingRecipientStore(@Reference(target = "(osgi.unit.name=atrium.mail)") JpaTemplate jpa, @Reference EventAdmin events,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + MailTypes.MODULE + ")") ModuleGate gate) {
        super(MailingTypes.RECIPIENT, jpa, events, MailTypes.ALL, "mass mailings (POST /api/v1/mass-mailings/start)");
    }
}
