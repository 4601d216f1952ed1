package org.atriumcrm.sms.internal;

import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.rest.api.RecordAction;
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
    public Object perform(RecordStore<?> records, String id, JsonNode body, Caller caller) {
        return sending.send(body, caller);
    }
}
