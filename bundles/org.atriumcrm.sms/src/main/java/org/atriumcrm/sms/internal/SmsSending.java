package org.atriumcrm.sms.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.error.FieldError;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.query.Condition;
import org.atriumcrm.api.query.ListQuery;
import org.atriumcrm.api.query.Operator;
import org.atriumcrm.api.record.Record;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.security.AccessPolicy;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.api.security.Right;
import org.atriumcrm.persistence.api.RecordIds;
import org.atriumcrm.rest.api.RecordBodies;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Sending text messages for the two send actions: reads and checks a request strictly (unknown members, numbers,
 * text, the people named and what the caller may see of them, opt-outs), then hands the recipients to the outbox
 * in {@link SmsStore#queueBulk} — a message and its outbox entry always in the same transaction.
 */
@Component(service = SmsSending.class)
public class SmsSending {
    static final int MAX_PEOPLE = 10_000;
    /** Numbers typed into one send; lists of people go through send-bulk. */
    private static final int MAX_TO = 100;
    private static final int LOOKUP_CHUNK = 500;
    private static final Set<String> SEND_MEMBERS = Set.of("to", "contactId", "leadId", "text");
    private static final Set<String> BULK_MEMBERS = Set.of("contactIds", "leadIds", "text");

    private final SmsStore messages;
    private final AccessPolicy access;
    private final SmsRecipients recipients;
    private final SmsConfig config;

    @Activate
    public SmsSending(@Reference SmsStore messages, @Reference AccessPolicy access, @Reference SmsRecipients recipients,
            @Reference SmsConfig config, @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + SmsTypes.MODULE + ")") ModuleGate gate) {
        this.messages = messages;
        this.access = access;
        this.recipients = recipients;
        this.config = config;
    }

    private void requireSendRight(Caller caller) {
        if (!access.access(caller, SmsTypes.SMS).can(Right.CREATE)) {
            throw AtriumException.forbidden("your profiles do not allow you to send text messages");
        }
    }

    /** {@code POST /api/v1/sms-messages/send}: see {@link SendSmsAction}. */
    Map<String, Object> send(JsonNode body, Caller caller) {
        requireSendRight(caller);
        List<FieldError> errors = SmsBodies.strict(body, SEND_MEMBERS, "a text message to send");
        String country = config.defaultCountry();
        Map<String, SmsStore.Recipient> to = new LinkedHashMap<>();
        for (String raw : SmsBodies.strings(body, "to", MAX_TO, errors)) {
            PhoneNumbers.e164(raw, country).ifPresentOrElse(n -> to.putIfAbsent(n, new SmsStore.Recipient(n, null, null, null)),
                    () -> errors.add(new FieldError("to", raw + " is not a phone number")));
        }
        String text = SmsBodies.text(body, errors);
        String contactId = SmsBodies.string(body, "contactId", errors);
        String leadId = SmsBodies.string(body, "leadId", errors);
        if (contactId != null) {
            person(recipients.contacts(), "contactId", "Contact", contactId, caller, country, to, errors);
        }
        if (leadId != null) {
            person(recipients.leads(), "leadId", "Lead", leadId, caller, country, to, errors);
        }
        if (to.isEmpty() && errors.stream().noneMatch(e -> e.field().equals("to"))) {
            errors.add(new FieldError("to", "name at least one recipient (numbers, contactId or leadId)"));
        }
        if (!errors.isEmpty()) {
            throw AtriumException.validation(errors);
        }
        for (String number : to.keySet()) {
            if (recipients.numberOptedOut(number, country)) {
                throw AtriumException.conflict("do-not-sms", "the person with the number " + number + " asked not to get text messages")
                        .localized("do-not-sms-number", number);
            }
        }
        // the platform's codec on one message: field-level security and the metadata's limits, as for any record
        ObjectNode probe = JsonNodeFactory.instance.objectNode().put("toNumber", to.keySet().iterator().next()).put("text", text);
        RecordBodies.forCreate(access.secure(messages, caller).type(), probe);
        List<Object> items = new ArrayList<>();
        for (String smsId : messages.queueBulk(new ArrayList<>(to.values()), text, config.sender(), caller)) {
            items.add(RecordBodies.toJson(SmsTypes.SMS, messages.message(smsId)));
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("items", items);
        answer.put("total", items.size());
        return answer;
    }

    /**
     * The contact or lead the caller named: visible to them, not opted out, with a mobile. Its message is linked to
     * it (and a contact's account); a number also typed by hand becomes that linked message.
     */
    private void person(RecordStore<?> store, String member, String entity, String personId, Caller caller, String country,
            Map<String, SmsStore.Recipient> to, List<FieldError> errors) {
        Record person = store == null ? null : access.secure(store, caller).find(personId).orElse(null);
        if (person == null) {
            errors.add(new FieldError(member, store == null ? "the module of " + entity + " records is not running" : "no " + entity + " with id " + personId));
            return;
        }
        if (SmsRecipients.optedOut(store, person)) {
            throw AtriumException.conflict("do-not-sms", entity.toLowerCase() + " " + personId + " asked not to get text messages")
                    .localized("do-not-sms", entity, personId);
        }
        Object mobile = SmsRecipients.value(store, person, "mobile");
        String number = mobile == null ? null : PhoneNumbers.e164(mobile.toString(), country).orElse(null);
        if (number == null) {
            errors.add(new FieldError(member, entity.toLowerCase() + " " + personId + (mobile == null ? " has no mobile" : " has no valid mobile: " + mobile)));
            return;
        }
        Object account = SmsRecipients.value(store, person, "accountId");
        boolean contact = "Contact".equals(entity);
        to.merge(number, new SmsStore.Recipient(number, contact ? personId : null, contact ? null : personId,
                account == null ? null : account.toString()), SmsSending::both);
    }

    /** One number typed by hand and also a contact's or lead's mobile: one message, linked to everything named. */
    private static SmsStore.Recipient both(SmsStore.Recipient a, SmsStore.Recipient b) {
        return new SmsStore.Recipient(a.toNumber(), a.contactId() != null ? a.contactId() : b.contactId(),
                a.leadId() != null ? a.leadId() : b.leadId(), a.accountId() != null ? a.accountId() : b.accountId());
    }

    /** {@code POST /api/v1/sms-messages/send-bulk}: see {@link SendBulkSmsAction}. */
    Map<String, Object> sendBulk(JsonNode body, Caller caller) {
        requireSendRight(caller);
        List<FieldError> errors = SmsBodies.strict(body, BULK_MEMBERS, "a bulk text message");
        List<String> contactIds = ids(body, "contactIds", errors);
        List<String> leadIds = ids(body, "leadIds", errors);
        String text = SmsBodies.text(body, errors);
        if (contactIds.size() + leadIds.size() > MAX_PEOPLE) {
            errors.add(new FieldError("contactIds", "names " + (contactIds.size() + leadIds.size()) + " people with leadIds; at most " + MAX_PEOPLE));
        } else if (contactIds.isEmpty() && leadIds.isEmpty() && errors.isEmpty()) {
            errors.add(new FieldError("contactIds", "name at least one contact or lead"));
        }
        if (!leadIds.isEmpty() && recipients.leads() == null) {
            errors.add(new FieldError("leadIds", "the leads module is not running"));
        }
        if (!contactIds.isEmpty() && recipients.contacts() == null) {
            errors.add(new FieldError("contactIds", "the customers module is not running"));
        }
        if (!errors.isEmpty()) {
            throw AtriumException.validation(errors);
        }
        RecordBodies.forCreate(access.secure(messages, caller).type(),
                JsonNodeFactory.instance.objectNode().put("toNumber", "+8613800000000").put("text", text));
        String country = config.defaultCountry();
        List<SmsStore.Recipient> queue = new ArrayList<>();
        List<Map<String, Object>> skipped = new ArrayList<>();
        Set<String> numbers = new HashSet<>();
        if (!contactIds.isEmpty()) {
            collect(recipients.contacts(), "Contact", contactIds, caller, country, numbers, queue, skipped);
        }
        if (!leadIds.isEmpty()) {
            collect(recipients.leads(), "Lead", leadIds, caller, country, numbers, queue, skipped);
        }
        List<String> queued = messages.queueBulk(queue, text, config.sender(), caller);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("queued", queued.size());
        answer.put("segmentsPerMessage", SmsText.segments(text));
        answer.put("messageIds", queued);
        answer.put("skipped", skipped);
        return answer;
    }

    private static List<String> ids(JsonNode body, String member, List<FieldError> errors) {
        List<String> ids = SmsBodies.strings(body, member, MAX_PEOPLE, errors);
        for (String id : ids) {
            if (!RecordIds.isValid(id)) {
                errors.add(new FieldError(member, id + " is not a record id"));
                return List.of();
            }
        }
        return new ArrayList<>(new LinkedHashSet<>(ids));
    }

    /** The named people the caller can see, in the order given, looked up {@value #LOOKUP_CHUNK} at a time. */
    private void collect(RecordStore<?> store, String entity, List<String> ids, Caller caller, String country, Set<String> numbers,
            List<SmsStore.Recipient> queue, List<Map<String, Object>> skipped) {
        RecordStore<?> visible = access.secure(store, caller);
        Map<String, Record> found = new HashMap<>();
        for (int start = 0; start < ids.size(); start += LOOKUP_CHUNK) {
            List<Object> chunk = new ArrayList<>(ids.subList(start, Math.min(ids.size(), start + LOOKUP_CHUNK)));
            for (Record r : visible.list(new ListQuery(0, chunk.size(), List.of(), null, List.of(new Condition("id", Operator.IN, chunk)))).items()) {
                found.put(r.getId(), r);
            }
        }
        boolean contact = "Contact".equals(entity);
        for (String personId : ids) {
            Record person = found.get(personId);
            if (person == null) {
                skipped.add(skip(entity, personId, "not-found"));
                continue;
            }
            if (SmsRecipients.optedOut(store, person)) {
                skipped.add(skip(entity, personId, "do-not-sms"));
                continue;
            }
            Object mobile = SmsRecipients.value(store, person, "mobile");
            String number = mobile == null ? null : PhoneNumbers.e164(mobile.toString(), country).orElse(null);
            if (number == null) {
                skipped.add(skip(entity, personId, "no-mobile"));
            } else if (!numbers.add(number)) {
                skipped.add(skip(entity, personId, "same-number"));
            } else {
                Object account = SmsRecipients.value(store, person, "accountId");
                queue.add(new SmsStore.Recipient(number, contact ? personId : null, contact ? null : personId,
                        account == null ? null : account.toString()));
            }
        }
    }

    private static Map<String, Object> skip(String entity, String id, String reason) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("entity", entity);
        m.put("id", id);
        m.put("reason", reason);
        return m;
    }
}
