package org.atriumcrm.sms.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.event.DomainEvents;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.integration.api.outbox.BackOff;
import org.atriumcrm.integration.api.outbox.OutboxEntries;
import org.atriumcrm.persistence.api.JpaRecordStore;
import org.atriumcrm.persistence.api.RecordIds;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * Text messages, the SMS outbox and the gateways' message ids in one persistence unit: a message to send is
 * written with its outbox entry in one transaction, so a message the API accepted is never lost whatever the
 * gateway does; a message received is written with its gateway id, so it is stored once however often it comes.
 */
@Component(service = {RecordStore.class, SmsStore.class}, property = RecordStore.ENTITY_PROPERTY + "=SmsMessage")
public class SmsStore extends JpaRecordStore<SmsMessage> {
    /** Bulk sends commit this many messages per transaction: big enough to be quick, small enough to hold no lock long. */
    static final int BATCH = 200;
    private static final ThreadLocal<BiConsumer<EntityManager, SmsMessage>> CREATING = new ThreadLocal<>();

    private final EventAdmin events;

    /** A message to one recipient of a bulk send. */
    record Recipient(String toNumber, String contactId, String leadId, String accountId) {
    }

    @Activate
    public SmsStore(@Reference(target = "(osgi.unit.name=atrium.sms)") JpaTemplate jpa, @Reference EventAdmin events,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + SmsTypes.MODULE + ")") ModuleGate gate) {
        super(SmsTypes.SMS, jpa, events, SmsTypes.ALL);
        this.events = events;
    }

    /** An outbound message for the outbox: the message and its outbox entry in one transaction. */
    SmsMessage queue(Map<String, Object> values, String from, Caller caller) {
        return creating(values, caller, (em, sms) -> {
            outbound(sms, from);
            em.persist(outboxEntry(sms, caller));
        });
    }

    /**
     * One message and outbox entry per recipient, {@value #BATCH} to a transaction; a failure stops at its batch
     * (the ones before are queued and will be sent). Returns the ids in the recipients' order.
     */
    List<String> queueBulk(List<Recipient> recipients, String text, String from, Caller caller) {
        List<String> ids = new ArrayList<>(recipients.size());
        for (int start = 0; start < recipients.size(); start += BATCH) {
            List<Recipient> batch = recipients.subList(start, Math.min(recipients.size(), start + BATCH));
            List<String> created = tx(em -> {
                List<String> batchIds = new ArrayList<>(batch.size());
                Instant now = now();
                for (Recipient r : batch) {
                    SmsMessage sms = new SmsMessage();
                    sms.setToNumber(r.toNumber());
                    sms.setText(text);
                    sms.setContactId(r.contactId());
                    sms.setLeadId(r.leadId());
                    sms.setAccountId(r.accountId());
                    sms.initialise(RecordIds.next(), now, caller);
                    outbound(sms, from);
                    sms.beforeSave();
                    em.persist(sms);
                    em.persist(outboxEntry(sms, caller));
                    batchIds.add(sms.getId());
                }
                return batchIds;
            });
            ids.addAll(created);
            for (String id : created) {
                Map<String, Object> props = new HashMap<>();
                props.put(DomainEvents.ENTITY, SmsTypes.SMS.name());
                props.put(DomainEvents.ID, id);
                props.put(DomainEvents.USER_ID, caller.userId());
                props.put(DomainEvents.CHANGED_FIELDS, new String[] {"toNumber", "text"});
                events.postEvent(new Event(DomainEvents.topic(SmsTypes.SMS.name(), DomainEvents.Action.CREATED), props));
            }
        }
        return ids;
    }

    /**
     * A message from a person, stored once per gateway id: the id already stored gives the stored message's id
     * (also when a concurrent delivery of the same message wins the race to the unique key).
     */
    String received(String gateway, String gatewayId, String from, String to, String text, Link link) {
        String key = SmsGatewayKey.key(gateway, gatewayId);
        String known = smsIdOf(key);
        if (known != null) {
            return known;
        }
        Map<String, Object> values = new HashMap<>();
        values.put("toNumber", to == null ? "" : to.substring(0, Math.min(20, to.length())));
        values.put("text", text.length() > 4000 ? text.substring(0, 4000) : text);
        if (link != null) {
            values.put(link.entity().equals("Lead") ? "leadId" : "contactId", link.id());
            if (link.accountId() != null) {
                values.put("accountId", link.accountId());
            }
        }
        try {
            return creating(values, Caller.SYSTEM, (em, sms) -> {
                sms.setDirection(SmsMessage.INBOUND);
                sms.setStatus(SmsMessage.RECEIVED);
                sms.setFromNumber(from == null ? null : from.substring(0, Math.min(40, from.length())));
                sms.setGateway(gateway);
                sms.setGatewayMessageIds(gatewayId);
                sms.setReceivedAt(now());
                if (link != null && link.ownerId() != null) {
                    sms.setOwnerId(link.ownerId()); // the contact's owner is the one to answer
                }
                em.persist(new SmsGatewayKey(gateway, gatewayId, sms.getId()));
            }).getId();
        } catch (RuntimeException e) {
            String winner = smsIdOf(key);
            if (winner != null) {
                return winner;
            }
            throw e;
        }
    }

    /** The record an inbound message belongs to, found by its number. */
    record Link(String entity, String id, String accountId, String ownerId) {
    }

    private SmsMessage creating(Map<String, Object> values, Caller caller, BiConsumer<EntityManager, SmsMessage> prepare) {
        CREATING.set(prepare);
        try {
            return create(values, caller);
        } finally {
            CREATING.remove();
        }
    }

    @Override
    protected void beforeCreate(EntityManager em, SmsMessage sms, Caller caller) {
        BiConsumer<EntityManager, SmsMessage> prepare = CREATING.get();
        if (prepare == null) {
            throw AtriumException.conflict("sms-send-only", "text messages are written by sending them: POST /api/v1/sms-messages/send"
                    + " or /api/v1/sms-messages/send-bulk");
        }
        prepare.accept(em, sms);
    }

    @Override
    protected void beforeUpdate(EntityManager em, SmsMessage sms, Set<String> changedFields, Caller caller) {
        if (changedFields.contains("toNumber") || changedFields.contains("text")) {
            throw AtriumException.conflict("sms-immutable", "the number and text of a text message cannot change once it is written");
        }
    }

    private static void outbound(SmsMessage sms, String from) {
        sms.setDirection(SmsMessage.OUTBOUND);
        sms.setStatus(SmsMessage.QUEUED);
        sms.setFromNumber(from == null || from.isBlank() ? null : from);
        sms.setSegments((long) SmsText.segments(sms.getText() == null ? "" : sms.getText()));
    }

    private static SmsOutboxEntry outboxEntry(SmsMessage sms, Caller caller) {
        SmsOutboxEntry entry = new SmsOutboxEntry();
        entry.queue(RecordIds.next(), sms.getOwnerId(), now(), null, caller);
        entry.setSmsId(sms.getId());
        return entry;
    }

    private String smsIdOf(String key) {
        return tx(em -> {
            SmsGatewayKey k = em.find(SmsGatewayKey.class, key);
            return k == null ? null : k.getSmsId();
        });
    }

    /** Outbox entries due now, oldest first. */
    List<SmsOutboxEntry> due(int max) {
        return tx(em -> OutboxEntries.due(em, SmsOutboxEntry.class, max, Instant.now()));
    }

    SmsMessage message(String id) {
        return tx(em -> em.find(SmsMessage.class, id));
    }

    SmsOutboxEntry outboxEntry(String id) {
        return tx(em -> em.find(SmsOutboxEntry.class, id));
    }

    /** The gateway took the message: the entry is done, the message is sent and findable by the gateway's ids. */
    void sent(String entryId, String gateway, SmsGateway.Accepted accepted) {
        String smsId = outboxEntry(entryId).getSmsId();
        updateBySystem(smsId, Caller.SYSTEM, (em, sms) -> {
            Instant now = now();
            OutboxEntries.delivered(OutboxEntries.live(em, SmsOutboxEntry.class, entryId), now);
            sms.setStatus(SmsMessage.SENT);
            sms.setSentAt(now);
            sms.setGateway(gateway);
            sms.setSegments((long) accepted.segments());
            String ids = String.join(",", accepted.gatewayIds());
            sms.setGatewayMessageIds(ids.length() > 2000 ? ids.substring(0, 2000) : ids);
            for (String id : new java.util.LinkedHashSet<>(accepted.gatewayIds())) {
                // a provider that answers every message with the same id (a batch id, a constant) must not undo the
                // record of a message it took: the message would be sent again. Its receipts cannot be matched then.
                if (em.find(SmsGatewayKey.class, SmsGatewayKey.key(gateway, id)) == null) {
                    em.persist(new SmsGatewayKey(gateway, id, sms.getId()));
                }
            }
        }, "status", "sentAt", "gateway", "segments", "gatewayMessageIds");
    }

    /** A failed attempt: backed off, or given up into the dead-letter store and the message failed with the reason. */
    void failed(String entryId, String error, BackOff backOff) {
        String smsId = outboxEntry(entryId).getSmsId();
        updateBySystem(smsId, Caller.SYSTEM, (em, sms) -> {
            SmsOutboxEntry entry = OutboxEntries.live(em, SmsOutboxEntry.class, entryId);
            if (OutboxEntries.failed(entry, error, backOff, now())) {
                sms.setStatus(SmsMessage.FAILED);
                sms.setFailureReason(entry.getLastError());
            }
        }, "status", "failureReason");
    }

    /** A dead letter goes back into the outbox with a fresh budget of attempts. */
    SmsOutboxEntry replay(String entryId, Caller caller) {
        SmsOutboxEntry entry = RecordIds.isValid(entryId) ? outboxEntry(entryId) : null;
        if (entry == null || entry.isDeleted()) {
            throw AtriumException.notFound("no SmsOutboxEntry with id " + entryId).localized("record-not-found", "SmsOutboxEntry", entryId);
        }
        updateBySystem(entry.getSmsId(), caller, (em, sms) -> {
            OutboxEntries.replay(OutboxEntries.live(em, SmsOutboxEntry.class, entryId), caller, now());
            sms.setStatus(SmsMessage.QUEUED);
            sms.setFailureReason(null);
        }, "status", "failureReason");
        return outboxEntry(entryId);
    }

    /**
     * A delivery receipt for one of the message's gateway ids; false when no message has that id (yet). A failed
     * part fails the message: the person did not get all of it.
     */
    boolean receipt(String gateway, String gatewayId, boolean delivered, String detail) {
        String smsId = smsIdOf(SmsGatewayKey.key(gateway, gatewayId));
        if (smsId == null) {
            return false;
        }
        updateBySystem(smsId, Caller.SYSTEM, sms -> {
            if (delivered) {
                if (!SmsMessage.FAILED.equals(sms.getStatus())) {
                    sms.setStatus(SmsMessage.DELIVERED);
                    sms.setDeliveredAt(now());
                }
            } else {
                sms.setStatus(SmsMessage.FAILED);
                String reason = "delivery receipt: " + detail;
                sms.setFailureReason(reason.length() > 1000 ? reason.substring(0, 1000) : reason);
            }
        }, "status", "deliveredAt", "failureReason");
        return true;
    }
}
