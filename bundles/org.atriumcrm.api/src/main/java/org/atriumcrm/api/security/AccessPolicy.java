package org.atriumcrm.api.security;

import org.osgi.annotation.versioning.ProviderType;
import org.atriumcrm.api.meta.EntityType;
import org.atriumcrm.api.record.RecordStore;

/**
 * The one place that decides who may do what. Everything that serves records to a person (REST, search,
 * export, related lists, the recycle bin) goes through {@link #secure(RecordStore, Caller)}, a view of a store
 * that enforces rights, visibility (as SQL predicates) and field-level security for that caller.
 */
@ProviderType
public interface AccessPolicy {

    EntityAccess access(Caller caller, EntityType<?> type);

    /** {@code store} as {@code caller} may use it; its {@code type()} is the metadata as the caller may see it. */
    <T extends org.atriumcrm.api.record.Record> RecordStore<T> secure(RecordStore<T> store, Caller caller);
}
