package org.atriumcrm.bulk.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.record.RecordAssignment;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.record.RecordStores;
import org.atriumcrm.api.security.AccessPolicy;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.api.security.Right;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The record stores of every enabled module (by entity name and plural) and their assignment rules; a store
 * leaves when its module is disabled, and a job that needs it waits for it to come back.
 */
@Component(service = EntityStores.class)
public class EntityStores {
    private final Map<String, RecordAssignment> assignments = new ConcurrentHashMap<>();
    private final Map<String, Runnable> listeners = new ConcurrentHashMap<>();

    @Reference
    AccessPolicy policy;

    @Reference
    RecordStores registry;
    private RecordStores.Subscription arrivals;

    @org.osgi.service.component.annotations.Activate
    void activate() {
        arrivals = registry.onAdded(store -> listeners.values().forEach(Runnable::run));
    }

    @org.osgi.service.component.annotations.Deactivate
    void deactivate() {
        arrivals.cancel();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addAssignment(RecordAssignment assignment, Map<String, Object> properties) {
        Object entity = properties.get(RecordStore.ENTITY_PROPERTY);
        if (entity != null) {
            assignments.put(entity.toString(), assignment);
        }
    }

    void removeAssignment(RecordAssignment assignment, Map<String, Object> properties) {
        Object entity = properties.get(RecordStore.ENTITY_PROPERTY);
        if (entity != null) {
            assignments.remove(entity.toString(), assignment);
        }
    }

    Optional<RecordStore<?>> byName(String name) {
        return registry.byName(name);
    }

    /** The store for an entity name or plural ({@code Contact} or {@code contacts}), or 404. */
    RecordStore<?> require(String nameOrPlural) {
        if (nameOrPlural == null || nameOrPlural.isBlank()) {
            throw AtriumException.invalidField("entity", "is required: the entity to import into, e.g. contacts");
        }
        RecordStore<?> store = registry.byNameOrPlural(nameOrPlural).orElse(null);
        if (store == null) {
            throw AtriumException.invalidField("entity", "no enabled module has an entity type named " + nameOrPlural);
        }
        return store;
    }

    /** The caller's secured store of an importable entity type they have the import right on (403/400 otherwise). */
    RecordStore<?> importable(String entity, Caller caller) {
        RecordStore<?> store = require(entity);
        if (!store.type().isImportable()) {
            throw AtriumException.invalidField("entity", store.type().pluralLabel().en() + " cannot be imported");
        }
        if (!policy.access(caller, store.type()).can(Right.IMPORT)) {
            throw AtriumException.forbidden("your profiles do not allow you to import "
                    + store.type().pluralLabel().en().toLowerCase(Locale.ROOT));
        }
        return policy.secure(store, caller);
    }

    Optional<RecordAssignment> assignment(String entity) {
        return Optional.ofNullable(assignments.get(entity));
    }

    /** Runs {@code listener} whenever a store arrives (a module enabled): waiting jobs can go on. */
    void onStoreAdded(String key, Runnable listener) {
        if (listener == null) {
            listeners.remove(key);
        } else {
            listeners.put(key, listener);
        }
    }
}
