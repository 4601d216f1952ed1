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
 * {@code POST /api/v1/sms-messages/send-bulk} {@code {"contactIds": [...], "leadIds": [...], "text"}} (at most
 * 10,000 people): one message and outbox entry per person with a mobile, written in batches; people who asked not
 * to get text messages, have no valid mobile, are not visible to the caller or share a number already texted in
 * this request are skipped and named in the answer. The outbox sends at the configured throttle.
 */
@Component(service = RecordAction.class, property = {RecordAction.ENTITY_PROPERTY + "=SmsMessage", RecordAction.ACTION_PROPERTY + "=send-bulk",
    RecordAction.SCOPE_PROPERTY + "=" + RecordAction.COLLECTION_SCOPE,
    RecordAction.SUMMARY_PROPERTY + "=Send one text to many contacts and leads (contactIds, leadIds, text; at most 10000); opt-outs are skipped and reported"})
public class SendBulkSmsAction implements RecordAction {
    private final SmsSending sending;

    @Activate
    public SendBulkSmsAction(@Reference SmsSending sending,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + SmsTypes.MODULE + ")") ModuleGate gate) {
        this.sending = sending;
    }

    @Override
    public OperationSchema actionSchema() {
        return OperationSchema.json("""
                {"type": "object", "additionalProperties": false, "required": ["text"],
                 "properties": {
                   "contactIds": {"type": "array", "items": {"type": "string"}},
                   "leadIds": {"type": "array", "items": {"type": "string"},
                     "description": "contactIds and leadIds: the people to text, at most 10000 in all"},
                   "text": {"type": "string", "minLength": 1, "maxLength": 1000}}}""", """
                {"type": "object", "additionalProperties": false, "required": ["queued", "segmentsPerMessage", "messageIds", "skipped"],
                 "properties": {
                   "queued": {"type": "integer", "format": "int32"},
                   "segmentsPerMessage": {"type": "integer", "format": "int32", "description": "SMS segments each message takes"},
                   "messageIds": {"type": "array", "items": {"type": "string"}},
                   "skipped": {"type": "array", "items": {"type": "object", "additionalProperties": false,
                     "required": ["entity", "id", "reason"],
                     "properties": {"entity": {"type": "string", "enum": ["Contact", "Lead"]}, "id": {"type": "string"},
                       "reason": {"type": "string", "enum": ["not-found", "do-not-sms", "no-mobile", "same-number"]}}}}}}""");
    }

    @Override
    public Object perform(RecordStore<?> records, String id, JsonNode body, Caller caller) {
        return sending.sendBulk(body, caller);
    }
}
