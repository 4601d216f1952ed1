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
    public Object perform(RecordStore<?> records, String id, JsonNode body, Caller caller) {
        return sending.sendBulk(body, caller);
    }
}
