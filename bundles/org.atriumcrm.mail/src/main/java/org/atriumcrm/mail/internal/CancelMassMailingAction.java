package org.atriumcrm.mail.internal;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.record.Record;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.security.AccessPolicy;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.rest.api.RecordAction;
import org.atriumcrm.rest.api.RecordBodies;
import org.atriumcrm.rest.api.OperationSchema;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code POST /api/v1/mass-mailings/{id}/cancel}: recipients not yet queued are never mailed. */
@Component(service = RecordAction.class, property = {RecordAction.ENTITY_PROPERTY + "=MassMailing", RecordAction.ACTION_PROPERTY + "=cancel",
    RecordAction.SUMMARY_PROPERTY + "=Cancel a mass mailing: recipients not yet in the outbox are not mailed"})
public class CancelMassMailingAction implements RecordAction {
    private final MassMailingStore mailings;
    private final AccessPolicy access;

    @Activate
    public CancelMassMailingAction(@Reference MassMailingStore mailings, @Reference AccessPolicy access,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + MailTypes.MODULE + ")") ModuleGate gate) {
        this.mailings = mailings;
        this.access = access;
    }

    @Override
    public OperationSchema actionSchema() {
        return OperationSchema.noParameters("""
                {"$ref": "#/components/schemas/MassMailing"}""");
    }

    @Override
    public Object perform(RecordStore<?> records, String id, JsonNode body, Caller caller) {
        Record mailing = records.find(id).orElseThrow(() -> AtriumException.notFound("no MassMailing with id " + id).localized("record-not-found", "MassMailing", id));
        if (!access.access(caller, MailingTypes.MASS_MAILING).canChange(mailing)) {
            throw AtriumException.forbidden("you may not change this mass mailing");
        }
        if (body != null && body.isObject() && body.size() > 0) {
            throw AtriumException.badRequest("cancel takes no body members");
        }
        return RecordBodies.toJson(MailingTypes.MASS_MAILING, mailings.cancel(id, caller));
    }
}
