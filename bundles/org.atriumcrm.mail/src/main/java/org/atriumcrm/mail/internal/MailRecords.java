package org.atriumcrm.mail.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.meta.EntityType;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.record.Record;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.record.RecordStores;
import org.atriumcrm.api.security.AccessPolicy;
import org.atriumcrm.api.security.Caller;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The contacts, leads and accounts templates are rendered for, read through the stores of the modules that own
 * them: merge values through the caller's secured view (a hidden field renders empty), the opt-out through the
 * store itself (a person's "do not email" holds whatever the sender may see).
 */
@Component(service = MailRecords.class)
public class MailRecords {
    private final RecordStores stores;
    private final AccessPolicy access;
    private final EmailSignatureStore signatures;

    /** One recipient: where the email goes, whether it may, what it is linked to, and the template's scope. */
    record Target(String entity, String id, String address, boolean optedOut, String contactId, String accountId, String leadId,
            Map<String, Object> scope) {
    }

    @Activate
    public MailRecords(@Reference RecordStores stores, @Reference AccessPolicy access, @Reference EmailSignatureStore signatures,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + MailTypes.MODULE + ")") ModuleGate gate) {
        this.stores = stores;
        this.access = access;
        this.signatures = signatures;
    }

    Optional<EntityType<?>> type(String entity) {
        return stores.byName(entity).map(RecordStore::type);
    }

    Optional<RecordStore<?>> store(String entity) {
        return stores.byName(entity);
    }

    /** The record as {@code caller} sees it, with the scope of a template in {@code language}; 404 when invisible. */
    Target target(String entity, String id, String language, Caller caller) {
        RecordStore<?> store = stores.byName(entity).orElse(null);
        if (store == null) {
            throw AtriumException.conflict("module-disabled", "the module of " + entity + " records is not enabled");
        }
        RecordStore<?> secured = access.secure(store, caller);
        Record record = secured.find(id).orElseThrow(() -> AtriumException.notFound("no " + entity + " with id " + id));
        Map<String, Object> scope = new HashMap<>();
        scope.put(MergeFields.key(entity), MergeFields.values(secured.type(), record, language));
        Object address = MergeFields.raw(secured.type(), record, "email");
        boolean optedOut = store.find(id).map(r -> Boolean.TRUE.equals(MergeFields.raw(store.type(), r, "doNotEmail"))).orElse(false);
        String contactId = MailingTypes.CONTACT.equals(entity) ? id : null;
        String leadId = MailingTypes.LEAD.equals(entity) ? id : null;
        String accountId = MailingTypes.ACCOUNT.equals(entity) ? id : null;
        if (contactId != null && MergeFields.raw(secured.type(), record, "accountId") instanceof String a && stores.byName(MailingTypes.ACCOUNT).isPresent()) {
            RecordStore<?> accounts = access.secure(stores.byName(MailingTypes.ACCOUNT).orElseThrow(), caller);
            Optional<? extends Record> account = accounts.find(a);
            if (account.isPresent()) {
                accountId = a;
                scope.put(MergeFields.key(MailingTypes.ACCOUNT), MergeFields.values(accounts.type(), account.get(), language));
            }
        }
        scope.put("sender", sender(caller));
        return new Target(entity, id, address == null ? null : address.toString(), optedOut, contactId, accountId, leadId, scope);
    }

    private Map<String, Object> sender(Caller caller) {
        Map<String, Object> sender = new HashMap<>();
        Optional<EmailSignature> signature = signatures.forUser(caller.userId());
        sender.put("name", signature.map(EmailSignature::getSenderName).filter(n -> !n.isBlank()).orElse(caller.loginName()));
        signature.map(EmailSignature::getSignature).ifPresent(s -> sender.put("signature", s));
        return sender;
    }

    /** The unsubscribe link's effect: the person's opt-out set through their own store, as the platform. */
    boolean optOut(String entity, String id) {
        RecordStore<?> store = stores.byName(entity).orElse(null);
        if (store == null || store.type().field("doNotEmail").isEmpty() || store.find(id).isEmpty()) {
            return false;
        }
        store.update(id, null, Map.of("doNotEmail", Boolean.TRUE), Caller.SYSTEM);
        return true;
    }
}
