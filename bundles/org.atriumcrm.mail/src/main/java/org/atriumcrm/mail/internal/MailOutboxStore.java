package org.atriumcrm.mail.internal;

import java.util.Map;

import org.apache.aries.jpa.template.JpaTemplate;
import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.persistence.api.JpaRecordStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.EventAdmin;

/** The company outbox as records: administrators watch it and replay dead letters; only sending writes it. */
@Component(service = RecordStore.class, property = RecordStore.ENTITY_PROPERTY + "=MailOutboxEntry")
public class MailOutboxStore extends JpaRecordStore<MailOutboxEntry> {

    @Activate
    public MailOutboxStore(@Reference(target = "(osgi.unit.name=atrium.mail)") JpaTemplate jpa,
            @Reference EventAdmin events,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + MailTypes.MODULE + ")") ModuleGate gate) {
        super(MailTypes.OUTBOX, jpa, events, MailTypes.ALL);
    }

    private static AtriumException readOnly() {
        return AtriumException.conflict("outbox-managed", "the outbox is written by sending emails (POST /api/v1/emails/send)"
                + "; replay a dead letter with POST /api/v1/mail-outbox/{id}/replay");
    }

    @Override
    public MailOutboxEntry create(Map<String, Object> values, Caller caller) {
        throw readOnly();
    }

    @Override
    public MailOutboxEntry update(String id, Long expectedVersion, Map<String, Object> values, Caller caller) {
        throw readOnly();
    }

    @Override
    public void delete(String id, Long expectedVersion, Caller caller) {
        throw readOnly();
    }

    @Override
    public MailOutboxEntry merge(String survivorId, String mergedId, Map<String, Object> values, Caller caller) {
        throw readOnly();
    }
}
