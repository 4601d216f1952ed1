package org.atriumcrm.shop.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.record.Record;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.record.RecordStores;
import org.atriumcrm.api.record.RecordWrites;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.api.security.Visibility;

/**
 * A shop's buyer as the CRM's contact and account: the contact found by e-mail, else by mobile, as the contacts'
 * duplicate rules compare them (case, spaces and phone punctuation ignored); else created, with the account found by
 * its name or created. The CRM keeps its own contact data: a found contact is not overwritten with the shop's.
 * Writes go through the platform's write path, so the customers' rules apply as to any client's write.
 */
final class CustomerMatcher {
    /** The account and contact an order is for. */
    record Match(String accountId, String contactId) {
    }

    private final RecordStores stores;
    private final RecordWrites writes;

    CustomerMatcher(RecordStores stores, RecordWrites writes) {
        this.stores = stores;
        this.writes = writes;
    }

    Match match(ShopOrder.Customer buyer, String ownerId, Caller caller) {
        RecordStore<?> contacts = store("Contact");
        Record contact = null;
        if (buyer.email() != null) {
            contact = first(contacts, "email", buyer.email());
        }
        if (contact == null && buyer.phone() != null) {
            contact = first(contacts, "mobile", buyer.phone());
        }
        if (contact != null) {
            Object account = value(contacts, contact, "accountId");
            if (account != null) {
                return new Match(account.toString(), contact.getId());
            }
            String made = account(buyer, ownerId, caller);
            writes.update("Contact", contact.getId(), null, Map.of("accountId", made), true, caller);
            return new Match(made, contact.getId());
        }
        if (buyer.email() == null && buyer.phone() == null && buyer.fullName() == null) {
            throw new IllegalArgumentException("the buyer has neither e-mail, phone nor name");
        }
        String account = account(buyer, ownerId, caller);
        Map<String, Object> values = new HashMap<>();
        String last = buyer.lastName() != null ? buyer.lastName() : buyer.fullName() != null ? buyer.fullName()
                : buyer.email() != null ? buyer.email().substring(0, Math.max(1, buyer.email().indexOf('@'))) : buyer.phone();
        values.put("lastName", last);
        if (buyer.lastName() != null && buyer.firstName() != null) {
            values.put("firstName", buyer.firstName());
        }
        values.put("email", buyer.email());
        values.put("mobile", buyer.phone());
        values.put("accountId", account);
        if (ownerId != null) {
            values.put("ownerId", ownerId);
        }
        values.values().removeIf(java.util.Objects::isNull);
        Record created = writes.create("Contact", values, false, caller);
        return new Match(account, created.getId());
    }

    /** The buyer's company, or for a person buying privately an account in their name. */
    private String account(ShopOrder.Customer buyer, String ownerId, Caller caller) {
        String name = buyer.company() != null ? buyer.company() : buyer.fullName() != null ? buyer.fullName()
                : buyer.email() != null ? buyer.email() : buyer.phone();
        Record found = first(store("Account"), "name", name);
        if (found != null) {
            return found.getId();
        }
        Map<String, Object> values = new HashMap<>();
        values.put("name", name);
        values.put("email", buyer.email());
        values.put("phone", buyer.phone());
        values.put("billingCity", buyer.city());
        if (ownerId != null) {
            values.put("ownerId", ownerId);
        }
        values.values().removeIf(java.util.Objects::isNull);
        return writes.create("Account", values, false, caller).getId();
    }

    private RecordStore<?> store(String entity) {
        return stores.byName(entity).orElseThrow(() -> AtriumException.conflict("shop-customers-disabled",
                "the customers module is disabled: a shop order cannot find or make its customer").localized("shop-customers-disabled"));
    }

    private static Record first(RecordStore<?> store, String field, Object value) {
        Map<List<Object>, ? extends List<? extends Record>> found = store.findMatches(List.of(field), List.of(List.of(value)), Visibility.ALL);
        for (Collection<? extends Record> records : found.values()) {
            for (Record r : records) {
                return r;
            }
        }
        return null;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object value(RecordStore<?> store, Record record, String field) {
        return store.type().field(field).map(f -> ((org.atriumcrm.api.meta.FieldDef) f).get(record)).orElse(null);
    }
}
