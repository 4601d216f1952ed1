package org.atriumcrm.sms.internal;

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

/** The SMS outbox as records: administrators watch it and replay dead letters; only sending writes it. */
@Component(service = RecordStore.class, property = RecordStore.ENTITY_PROPERTY + "=SmsOutboxEntry")
public class SmsOutboxStore extends JpaRecordStore<SmsOutboxEntry> {

    @Activate
    public SmsOutboxStore(@Reference(target = "(osgi.unit.name=atrium.sms)") JpaTemplate jpa,
            @Reference EventAdmin events,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + SmsTypes.MODULE + ")") ModuleGate gate) {
        super(SmsTypes.OUTBOX, jpa, events, SmsTypes.ALL);
    }

    private static AtriumException readOnly() {
        return AtriumException.conflict("outbox-managed", "the outbox is written by sending text messages (POST /api/v1/sms-messages/send)"
                + "; replay a dead letter with POST /api/v1/sms-outbox/{id}/replay");
    }

    @Override
    public SmsOutboxEntry create(Map<String, Object> values, Caller caller) {
        throw readOnly();
    }

    @Override
    public SmsOutboxEntry update(String id, Long expectedVersion, Map<String, Object> values, Caller caller) {
        throw readOnly();
    }

    @Override
    public void delete(String id, Long expectedVersion, Caller caller) {
        throw readOnly();
    }

    @Override
    public SmsOutboxEntry merge(String survivorId, String mergedId, Map<String, Object> values, Caller caller) {
        throw readOnly();
    }
}
