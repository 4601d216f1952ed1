package org.atriumcrm.security.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.error.FieldError;
import org.atriumcrm.api.meta.EntityType;
import org.atriumcrm.api.query.Condition;
import org.atriumcrm.api.query.ListQuery;
import org.atriumcrm.api.query.Page;
import org.atriumcrm.api.record.FieldChange;
import org.atriumcrm.api.record.Record;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.api.security.EntityAccess;
import org.atriumcrm.api.security.FieldAccess;
import org.atriumcrm.api.security.Right;
import org.atriumcrm.api.security.Visibility;

/**
 * A store as one caller may use it: the single enforcement point for rights, record visibility and field-level
 * security. Lists carry the caller's {@link Visibility} down into the store's SQL; a record the caller may not
 * see is "not found" (404, no existence oracle); one they may see but not change is 403; hidden fields are
 * absent from {@link #type()}, so responses, metadata, filters, sorts and quick search never reach them.
 */
final class SecuredRecordStore<T extends Record> implements RecordStore<T> {
    private final RecordStore<T> store;
    private final EntityAccess access;
    private final EntityType<T> type;
    private final Set<String> hidden;

    SecuredRecordStore(RecordStore<T> store, EntityAccess access) {
        this.store = store;
        this.access = access;
        this.type = store.type().restrictedTo(access.restrictedFields());
        this.hidden = access.restrictedFields().entrySet().stream().filter(e -> e.getValue() == FieldAccess.HIDDEN)
                .map(Map.Entry::getKey).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public EntityType<T> type() {
        return type;
    }

    @Override
    public Page<T> list(ListQuery query) {
        require(Right.VIEW);
        return store.list(query.scopedTo(access.read(), hidden));
    }

    @Override
    public void forEach(ListQuery query, java.util.function.Consumer<? super T> action) {
        require(Right.VIEW);
        store.forEach(query.scopedTo(access.read(), hidden), action);
    }

    /** Matches among the records the caller may read, never through a field hidden from them. */
    @Override
    public Map<List<Object>, List<T>> findMatches(List<String> fields, java.util.Collection<List<Object>> keys, Visibility visible) {
        require(Right.VIEW);
        for (String f : fields) {
            if (hidden.contains(f)) {
                throw AtriumException.invalidField(f, "is hidden from you by field-level security and cannot be matched on");
            }
        }
        return store.findMatches(fields, keys, access.read());
    }

    /**
     * Every row is checked before anything is written (rights, field-level security, write access to the
     * records it changes), so that a refused row refuses the batch as the store itself would.
     */
    @Override
    public List<T> writeBatch(List<org.atriumcrm.api.record.BatchWrite> rows, Caller caller) {
        Map<String, T> existing = existing(rows);
        for (int i = 0; i < rows.size(); i++) {
            var row = rows.get(i);
            try {
                if (row.isCreate()) {
                    require(Right.CREATE);
                    checkFields(row.values());
                } else if (row.delete()) {
                    require(Right.DELETE);
                    writable(row.id(), existing.get(row.id()), "delete");
                } else {
                    require(Right.EDIT);
                    checkFields(row.values());
                    writable(row.id(), existing.get(row.id()), "change");
                }
            } catch (AtriumException e) {
                throw e.with("row", i);
            }
        }
        return store.writeBatch(rows, caller);
    }

    @Override
    public Optional<T> find(String id) {
        require(Right.VIEW);
        return store.find(id).filter(access.read()::allows);
    }

    @Override
    public List<T> findDuplicates(Map<String, Object> values, String excludeId) {
        return store.findDuplicates(values, excludeId, access.read());
    }

    @Override
    public List<T> findDuplicates(Map<String, Object> values, String excludeId, Visibility visible) {
        return store.findDuplicates(values, excludeId, access.read());
    }

    @Override
    public T create(Map<String, Object> values, Caller caller) {
        require(Right.CREATE);
        checkFields(values);
        return store.create(values, caller);
    }

    @Override
    public T update(String id, Long expectedVersion, Map<String, Object> values, Caller caller) {
        require(Right.EDIT);
        checkFields(values);
        writable(id, "change");
        return store.update(id, expectedVersion, values, caller);
    }

    @Override
    public void delete(String id, Long expectedVersion, Caller caller) {
        require(Right.DELETE);
        writable(id, "delete");
        store.delete(id, expectedVersion, caller);
    }

    /** The recycle bin shows what the caller could restore: deleted records they may change. */
    @Override
    public Page<T> listDeleted(int offset, int limit) {
        require(Right.VIEW);
        return store.listDeleted(offset, limit, access.write());
    }

    @Override
    public Page<T> listDeleted(int offset, int limit, Visibility visible) {
        return listDeleted(offset, limit);
    }

    @Override
    public Optional<T> findDeleted(String id) {
        require(Right.VIEW);
        return store.findDeleted(id).filter(access.write()::allows);
    }

    @Override
    public T restore(String id, Caller caller) {
        require(Right.DELETE);
        deletedOr404(id);
        return store.restore(id, caller);
    }

    @Override
    public void purge(String id, Caller caller) {
        require(Right.DELETE);
        deletedOr404(id);
        store.purge(id, caller);
    }

    @Override
    public T merge(String survivorId, String mergedId, Map<String, Object> values, Caller caller) {
        require(Right.EDIT);
        require(Right.DELETE);
        checkFields(values);
        writable(survivorId, "merge");
        writable(mergedId, "merge");
        return store.merge(survivorId, mergedId, values, caller);
    }

    @Override
    public long count() {
        return list(new ListQuery(0, 1, List.of(), null, List.of())).total();
    }

    /** The history without the changes of fields hidden from the caller. */
    @Override
    public List<FieldChange> history(String id, int limit) {
        if (find(id).isEmpty()) {
            return List.of();
        }
        return store.history(id, limit).stream().filter(c -> c.field() == null || !hidden.contains(c.field())).toList();
    }

    @Override
    public int transferOwnership(List<Condition> where, Visibility visible, String newOwnerId, Caller caller) {
        require(Right.EDIT);
        checkFields(Map.of("ownerId", newOwnerId));
        return store.transferOwnership(where, access.write(), newOwnerId, caller);
    }

    private void require(Right right) {
        if (!access.can(right)) {
            throw AtriumException.forbidden("your profiles do not allow you to " + right.jsonName().replace("viewAll", "view all")
                    + " " + type.pluralLabel().en().toLowerCase(java.util.Locale.ROOT)).localized("right-missing", right.jsonName(), type.pluralLabel());
        }
    }

    /** 404 when the caller may not see the record, 403 when they may see but not change it. */
    /**
     * The live records a batch updates or deletes, read with one query per 500 ids (not one per row: a mass update
     * writes pages of 500), for the same checks {@link #writable(String, String)} makes one by one.
     */
    private Map<String, T> existing(List<org.atriumcrm.api.record.BatchWrite> rows) {
        List<Object> ids = rows.stream().filter(r -> !r.isCreate()).map(r -> (Object) r.id()).distinct().toList();
        Map<String, T> found = new java.util.HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        require(Right.VIEW);
        for (int from = 0; from < ids.size(); from += ListQuery.MAX_LIMIT) {
            List<Object> chunk = ids.subList(from, Math.min(ids.size(), from + ListQuery.MAX_LIMIT));
            store.forEach(new ListQuery(0, ListQuery.MAX_LIMIT, List.of(), null,
                    List.of(new org.atriumcrm.api.query.Condition("id", org.atriumcrm.api.query.Operator.IN, chunk))),
                    r -> found.put(r.getId(), r));
        }
        return found;
    }

    private void writable(String id, String verb) {
        writable(id, find(id).orElse(null), verb);
    }

    private void writable(String id, T found, String verb) {
        T record = java.util.Optional.ofNullable(found).filter(access.read()::allows)
                .orElseThrow(() -> AtriumException.notFound("no " + type.name() + " with id " + id).localized("record-not-found", type.label(), id));
        if (!access.write().allows(record)) {
            throw AtriumException.forbidden("you may see " + type.name() + " " + id + " but not " + verb
                    + " it: it is owned by someone whose records are only shared with you read-only").localized("record-read-only", type.label(), id);
        }
    }

    private void deletedOr404(String id) {
        if (findDeleted(id).isEmpty()) {
            throw AtriumException.notFound("no " + type.name() + " with id " + id + " in your recycle bin")
                    .localized("record-not-in-recycle-bin", type.label(), id);
        }
    }

    private void checkFields(Map<String, Object> values) {
        List<FieldError> errors = new ArrayList<>();
        for (String name : values.keySet()) {
            FieldAccess a = access.field(name);
            if (a == FieldAccess.HIDDEN) {
                errors.add(FieldError.of(name, "field-hidden", "is hidden from you by field-level security and cannot be written"));
            } else if (a == FieldAccess.READ_ONLY) {
                errors.add(FieldError.of(name, "field-read-only-for-you", "is read-only for you (field-level security)"));
            }
        }
        if (!errors.isEmpty()) {
            throw AtriumException.forbiddenFields(errors);
        }
    }
}
