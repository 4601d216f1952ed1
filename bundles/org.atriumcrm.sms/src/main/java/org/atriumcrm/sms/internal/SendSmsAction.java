package org.atriumcrm.sms.internal;

import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.rest.api.RecordAction;
import org.atriumcrm.rest.api.OperationSchema;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/sms-messages/send} {@code {"to": [numbers], "contactId", "leadId", "text"}}: validates
 * everything, then writes one text message per number with its outbox entry — all in one transaction — and
 * answers with the queued messages; the outbox delivers them. A contact or lead given by id adds its mobile and
 * links the message; a person who asked not to get text messages (do-not-SMS) is a 409, also when their
 * number is typed by hand.
 */
@Component(service = RecordAction.class, property = {RecordAction.ENTITY_PROPERTY + "=SmsMessage", RecordAction.ACTION_PROPERTY + "=send",
    RecordAction.SCOPE_PROPERTY + "=" + RecordAction.COLLECTION_SCOPE,
    RecordAction.SUMMARY_PROPERTY + "=Send a text message through the SMS outbox: to (numbers), contactId, leadId, text"})
public class SendSmsAction implements RecordAction {
    private final SmsSending sending;

    @Activate
    public SendSmsAction(@Reference SmsSending sending,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + SmsTypes.MODULE + ")") ModuleGate gate) {
        this.sending = sending;
    }

    @Override
    public OperationSchema actionSchema() {
        return OperationSchema.json("""
                {"type": "object", "additionalProperties": false, "required": ["text"],
                 "properties": {
                   "to": {"type": "array", "maxItems": 100, "items": {"type": "string"},
                     "description": "mobile numbers (mainland numbers with or without +86)"},
                   "contactId": {"type": "string", "description": "text this contact's mobile and link the message to it"},
                   "leadId": {"type": "string", "description": "text this lead's mobile and link the message to it"},
                   "text": {"type": "string", "minLength": 1, "maxLength": 1000}}}""", """
                {"type": "object", "additionalProperties": false, "required": ["items", "total"],
                 "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/SmsMessage"}},
                   "total": {"type": "integer", "format": "int32"}}}""");
    }

    @Override
    public Object perform(RecordStore<?> records, String id, JsonNode body, Caller caller) {
        return sending.send(body, caller);
    }
}
