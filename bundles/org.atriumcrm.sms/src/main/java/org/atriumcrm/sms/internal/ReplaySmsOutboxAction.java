package org.atriumcrm.sms.internal;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.rest.api.RecordAction;
import org.atriumcrm.rest.api.RecordBodies;
import org.atriumcrm.rest.api.OperationSchema;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code POST /api/v1/sms-outbox/{id}/replay}: a dead letter goes back into the outbox with a fresh budget of attempts. */
@Component(service = RecordAction.class, property = {RecordAction.ENTITY_PROPERTY + "=SmsOutboxEntry",
    RecordAction.ACTION_PROPERTY + "=replay", RecordAction.SUMMARY_PROPERTY + "=Put a dead letter back into the outbox"})
public class ReplaySmsOutboxAction implements RecordAction {
    private final SmsStore messages;

    @Activate
    public ReplaySmsOutboxAction(@Reference SmsStore messages,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + SmsTypes.MODULE + ")") ModuleGate gate) {
        this.messages = messages;
    }

    @Override
    public OperationSchema actionSchema() {
        return OperationSchema.noParameters("""
                {"$ref": "#/components/schemas/SmsOutboxEntry"}""");
    }

    @Override
    public Object perform(RecordStore<?> records, String id, JsonNode body, Caller caller) {
        // the outbox is administrative: the secured view answers 403/404 for anyone else
        records.find(id).orElseThrow(() -> AtriumException.notFound("no SmsOutboxEntry with id " + id).localized("record-not-found", "SmsOutboxEntry", id));
        return RecordBodies.toJson(SmsTypes.OUTBOX, messages.replay(id, caller));
    }
}
