package org.atriumcrm.mail.internal;

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

/** {@code POST /api/v1/mail-outbox/{id}/replay}: a dead letter goes back into the outbox with a fresh budget of attempts. */
@Component(service = RecordAction.class, property = {RecordAction.ENTITY_PROPERTY + "=MailOutboxEntry",
    RecordAction.ACTION_PROPERTY + "=replay", RecordAction.SUMMARY_PROPERTY + "=Put a dead letter back into the outbox"})
public class ReplayOutboxAction implements RecordAction {
    private final EmailStore emails;

    @Activate
    public ReplayOutboxAction(@Reference EmailStore emails,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + MailTypes.MODULE + ")") ModuleGate gate) {
        this.emails = emails;
    }

    @Override
    public OperationSchema actionSchema() {
        return OperationSchema.noParameters("""
                {"$ref": "#/components/schemas/MailOutboxEntry"}""");
    }

    @Override
    public Object perform(RecordStore<?> records, String id, JsonNode body, Caller caller) {
        // the outbox is administrative: the secured view answers 403/404 for anyone else
        records.find(id).orElseThrow(() -> AtriumException.notFound("no MailOutboxEntry with id " + id).localized("record-not-found", "MailOutboxEntry", id));
        return RecordBodies.toJson(MailTypes.OUTBOX, emails.replay(id, caller));
    }
}
