package org.atriumcrm.api.record;

import org.osgi.annotation.versioning.ConsumerType;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.meta.EntityType;
import org.atriumcrm.api.query.ListQuery;
import org.atriumcrm.api.query.Page;
import org.atriumcrm.api.query.Condition;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.api.security.Visibility;

/**
 * The persistence of one entity type, registered as an OSGi service with the property
 * {@value #ENTITY_PROPERTY} = the entity name. The REST layer serves every registered store under
 * {@code /api/v1/<plural>}; a store whose module is disabled unregisters, and its URLs go away with it.
 * <p>
 * Values passed in are already validated against the metadata and converted to the fields' Java types.
 * Every write is one transaction; domain events are posted after commit. Methods throw
 * {@link org.atriumcrm.api.error.AtriumException} for anything the caller can fix (404, 409, 412).
 *
 * @param <T> the record class
 */
@ConsumerType
public interface RecordStore<T extends Record> {
    String ENTITY_PROPERTY = "atrium.entity";

    EntityType<T> type();

    /** Live (not deleted) records matching the query. */
    Page<T> list(ListQuery query);

    /** A live record, or empty when unknown or in the recycle bin. */
    Optional<T> find(String id);

    /** Live records that match {@code values} under one of the entity's duplicate rules, except {@code excludeId}. */
    List<T> findDuplicates(Map<String, Object> values, String excludeId);

    /** As {@link #findDuplicates(Map, String)}, among the records {@code visible} allows. */
    default List<T> findDuplicates(Map<String, Object> values, String excludeId, Visibility visible) {
        return findDuplicates(values, excludeId).stream().filter(visible::allows).toList();
    }

    /**
     * Gives every live record that matches all {@code where} conditions and {@code visible} to {@code newOwnerId}
     * in one transaction (history and events as for an update of {@code ownerId}); returns how many changed.
     */
    default int transferOwnership(List<Condition> where, Visibility visible, String newOwnerId, Caller caller) {
        throw new UnsupportedOperationException(type().name() + " does not support ownership transfer");
    }

    T create(Map<String, Object> values, Caller caller);

    /**
     * Sets the given fields. {@code expectedVersion}, when not null, must equal the stored version (412 otherwise).
     */
    T update(String id, Long expectedVersion, Map<String, Object> values, Caller caller);

    /** Moves a record to the recycle bin. */
    void delete(String id, Long expectedVersion, Caller caller);

    /** Records in the recycle bin, most recently deleted first. */
    Page<T> listDeleted(int offset, int limit);

    /** Records in the recycle bin that {@code visible} allows, most recently deleted first. */
    default Page<T> listDeleted(int offset, int limit, Visibility visible) {
        if (visible.all()) {
            return listDeleted(offset, limit);
        }
        throw new UnsupportedOperationException(type().name() + " cannot list its recycle bin by visibility");
    }

    /** A record in the recycle bin, or empty. */
    default Optional<T> findDeleted(String id) {
        return Optional.empty();
    }

    T restore(String id, Caller caller);

    /** Deletes a record from the recycle bin for good; references to it in this module are cleared. */
    void purge(String id, Caller caller);

    /**
     * Merges {@code mergedId} into {@code survivorId} in one transaction: {@code values} are set on the
     * survivor, references to the merged record in this module are moved to the survivor, and the merged
     * record goes to the recycle bin.
     */
    T merge(String survivorId, String mergedId, Map<String, Object> values, Caller caller);

    /**
     * Passes every live record matching {@code query} (its offset and limit are ignored) to {@code action}, in the
     * query's order, holding only a bounded number of them in memory at once: for exports of any size. The
     * default reads pages; stores over a database stream one cursor.
     */
    default void forEach(ListQuery query, java.util.function.Consumer<? super T> action) {
        ListQuery page = query.withPage(0, ListQuery.MAX_LIMIT);
        for (int offset = 0;; offset += ListQuery.MAX_LIMIT) {
            List<T> items = list(page.withPage(offset, ListQuery.MAX_LIMIT)).items();
            items.forEach(action);
            if (items.size() < ListQuery.MAX_LIMIT) {
                return;
            }
        }
    }

    /**
     * Live records among those {@code visible} allows whose {@code fields} all equal one of {@code keys} (one value
     * per field, compared by {@link org.atriumcrm.api.meta.FieldDef#matchValue match value}: trimmed, case
     * insensitive, phone numbers by their digits), grouped by the key they match (as match values). One query
     * per call, whatever the number of keys: how an import finds the records its rows duplicate.
     */
    default Map<List<Object>, List<T>> findMatches(List<String> fields, java.util.Collection<List<Object>> keys, Visibility visible) {
        throw new UnsupportedOperationException(type().name() + " cannot match records in bulk");
    }

    /**
     * Writes every row in ONE transaction: all of them or, when one fails, none (an {@link AtriumException} thrown
     * for a row carries its index as the extension {@code row}). Creates, updates and deletes behave as
     * the single-record methods (store rules, history, events after commit). Returns the records written, in order
     * (null for deleted ones).
     */
    default List<T> writeBatch(List<BatchWrite> rows, Caller caller) {
        throw new UnsupportedOperationException(type().name() + " does not support batch writes");
    }

    /** Number of live records. */
    long count();

    /** The change history of a record, newest first; empty for stores that keep none. */
    default List<FieldChange> history(String id, int limit) {
        return List.of();
    }
}
