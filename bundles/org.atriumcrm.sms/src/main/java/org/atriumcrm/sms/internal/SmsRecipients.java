package org.atriumcrm.sms.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.atriumcrm.api.meta.FieldDef;
import org.atriumcrm.api.query.Condition;
import org.atriumcrm.api.query.ListQuery;
import org.atriumcrm.api.query.Operator;
import org.atriumcrm.api.record.Record;
import org.atriumcrm.api.record.RecordStore;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The people text messages go to and come from: contacts (customers module) and leads (leads module, optional),
 * read through their record stores and metadata only — their classes belong to other bundles.
 */
@Component(service = SmsRecipients.class)
public class SmsRecipients {
    /** How many records sharing the last digits of a number are examined; more would be a data problem. */
    private static final int MAX_CANDIDATES = 100;

    private volatile RecordStore<?> contacts;
    private volatile RecordStore<?> leads;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, target = "(" + RecordStore.ENTITY_PROPERTY + "=Contact)")
    void setContacts(RecordStore<?> store) {
        contacts = store;
    }

    void unsetContacts(RecordStore<?> store) {
        if (contacts == store) {
            contacts = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, target = "(" + RecordStore.ENTITY_PROPERTY + "=Lead)")
    void setLeads(RecordStore<?> store) {
        leads = store;
    }

    void unsetLeads(RecordStore<?> store) {
        if (leads == store) {
            leads = null;
        }
    }

    RecordStore<?> contacts() {
        return contacts;
    }

    RecordStore<?> leads() {
        return leads;
    }

    /** A field's value by name, or null when the entity type has no such field. */
    static Object value(RecordStore<?> store, Record record, String field) {
        @SuppressWarnings("unchecked")
        Optional<FieldDef<Record>> def = ((RecordStore<Record>) store).type().field(field);
        return def.map(f -> f.get(record)).orElse(null);
    }

    /**
     * Whether the person asked not to get text messages: {@code doNotSms}, or {@code doNotCall} on an entity type
     * without a do-not-SMS flag (a lead today has neither: nothing stops a text to a lead).
     */
    static boolean optedOut(RecordStore<?> store, Record record) {
        String flag = store.type().field("doNotSms").isPresent() ? "doNotSms" : "doNotCall";
        return Boolean.TRUE.equals(value(store, record, flag));
    }

    /** The contact whose mobile is {@code e164} (typed in any form), else the lead, for linking an inbound message. */
    Optional<SmsStore.Link> byMobile(String e164, String defaultCountry) {
        for (RecordStore<?> store : new RecordStore<?>[] {contacts, leads}) {
            if (store == null || store.type().field("mobile").isEmpty()) {
                continue;
            }
            for (Record r : withMobile(store, e164, defaultCountry)) {
                Object account = value(store, r, "accountId");
                return Optional.of(new SmsStore.Link(store.type().name(), r.getId(), account == null ? null : account.toString(), r.getOwnerId()));
            }
        }
        return Optional.empty();
    }

    /** Whether anybody with this mobile asked not to get text messages (a number typed by hand is checked too). */
    boolean numberOptedOut(String e164, String defaultCountry) {
        for (RecordStore<?> store : new RecordStore<?>[] {contacts, leads}) {
            if (store != null && store.type().field("mobile").isPresent()) {
                for (Record r : withMobile(store, e164, defaultCountry)) {
                    if (optedOut(store, r)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * Records whose mobile is the number: the database narrows by the last digits (any spacing leaves those
     * together), then each candidate's mobile is normalised and compared exactly.
     */
    private static List<Record> withMobile(RecordStore<?> store, String e164, String defaultCountry) {
        ListQuery query = new ListQuery(0, MAX_CANDIDATES, List.of(), null,
                List.of(new Condition("mobile", Operator.LIKE, List.of("*" + PhoneNumbers.tail(e164)))));
        List<Record> matches = new ArrayList<>();
        for (Record r : store.list(query).items()) {
            Object mobile = value(store, r, "mobile");
            if (mobile != null && PhoneNumbers.e164(mobile.toString(), defaultCountry).filter(e164::equals).isPresent()) {
                matches.add(r);
            }
        }
        return matches;
    }
}
