package org.atriumcrm.rest.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.atriumcrm.api.meta.EntityType;
import org.atriumcrm.api.query.Condition;
import org.atriumcrm.api.query.ListIndex;
import org.atriumcrm.api.query.ListQuery;
import org.atriumcrm.api.query.Page;
import org.atriumcrm.api.query.QuickSearchIndex;
import org.atriumcrm.api.query.SortKey;
import org.atriumcrm.api.record.BatchWrite;
import org.atriumcrm.api.record.FieldChange;
import org.atriumcrm.api.record.Record;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.api.security.Visibility;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A store whose list pages are chosen by the {@link ListIndex}: the index names the page's ids in order (whatever the
 * filters, sort and depth), the store reads exactly those records by primary key with the same query, so
 * conditions, quick search, visibility and the recycle bin are still decided by the database. When the index
 * cannot answer, or the database disagrees with it about one of the records (a change it has not seen yet), the
 * store's own list answers. It sits under the access policy, so the query it gets is already the caller's.
 */
final class IndexedListStore<T extends Record> implements RecordStore<T> {
    private static final Logger LOG = LoggerFactory.getLogger(IndexedListStore.class);
    private final RecordStore<T> store;
    private final ListIndex index;
    private final QuickSearchIndex search;

    IndexedListStore(RecordStore<T> store, ListIndex index, QuickSearchIndex search) {
        this.store = store;
        this.index = index;
        this.search = search;
    }

    /** Most candidates a quick search hands to the database as an id list; beyond it the store's own search runs. */
    static final int MAX_SEARCH_CANDIDATES = 1024;

    /**
     * Narrows a quick search to the records the search index names (when there is an index and it can: see
     * {@link QuickSearchIndex}). The quick search itself stays in the query: the store re-checks it on those few
     * records, with the caller's filters, permissions and field-level security. Only for the database's own list:
     * a page the list index answers searches the same grams itself.
     */
    static ListQuery narrow(QuickSearchIndex search, EntityType<?> type, ListQuery query) {
        if (search == null || query.quickSearch() == null) {
            return query;
        }
        return search.candidates(type.name(), query.quickSearch(), MAX_SEARCH_CANDIDATES)
                .map(ids -> query.withCondition(Condition.idIn(ids)))
                .orElse(query);
    }

    @Override
    public Page<T> list(ListQuery query) {
        Optional<ListIndex.IdPage> chosen = index.page(store.type().name(), query);
        if (chosen.isEmpty()) {
            return store.list(narrow(search, store.type(), query));
        }
        ListIndex.IdPage ids = chosen.get();
        if (ids.ids().isEmpty()) {
            return new Page<>(List.of(), ids.total(), query.offset(), query.limit(), ids.totalExact());
        }
        // by primary key, in id order (the order of the probe, no sort by another column the optimizer could
        // prefer to walk), then put in the index's order
        List<Condition> conditions = new ArrayList<>(query.conditions());
        conditions.add(Condition.idIn(ids.ids()));
        List<T> rows = store.list(query.withConditions(conditions).withSort(List.of(new SortKey("id", false)))
                .withPage(0, ids.ids().size()).withCountLimit(ListQuery.NO_COUNT)).items();
        if (rows.size() != ids.ids().size()) {
            LOG.debug("list index of {} named {} records, the database agrees on {}: listing from the database",
                    store.type().name(), ids.ids().size(), rows.size());
            return store.list(narrow(search, store.type(), query));
        }
        Map<String, T> byId = new HashMap<>();
        rows.forEach(r -> byId.put(r.getId(), r));
        List<T> ordered = new ArrayList<>(rows.size());
        ids.ids().forEach(id -> ordered.add(byId.get(id)));
        return new Page<>(ordered, ids.total(), query.offset(), query.limit(), ids.totalExact());
    }

    // --- everything else as the store does it ---

    @Override
    public EntityType<T> type() {
        return store.type();
    }

    @Override
    public void forEach(ListQuery query, Consumer<? super T> action) {
        store.forEach(query, action);
    }

    @Override
    public Optional<T> find(String id) {
        return store.find(id);
    }

    @Override
    public List<T> findDuplicates(Map<String, Object> values, String excludeId) {
        return store.findDuplicates(values, excludeId);
    }

    @Override
    public List<T> findDuplicates(Map<String, Object> values, String excludeId, Visibility visible) {
        return store.findDuplicates(values, excludeId, visible);
    }

    @Override
    public int transferOwnership(List<Condition> where, Visibility visible, String newOwnerId, Caller caller) {
        return store.transferOwnership(where, visible, newOwnerId, caller);
    }

    @Override
    public T create(Map<String, Object> values, Caller caller) {
        return store.create(values, caller);
    }

    @Override
    public T update(String id, Long expectedVersion, Map<String, Object> values, Caller caller) {
        return store.update(id, expectedVersion, values, caller);
    }

    @Override
    public void delete(String id, Long expectedVersion, Caller caller) {
        store.delete(id, expectedVersion, caller);
    }

    @Override
    public Page<T> listDeleted(int offset, int limit) {
        return store.listDeleted(offset, limit);
    }

    @Override
    public Page<T> listDeleted(int offset, int limit, Visibility visible) {
        return store.listDeleted(offset, limit, visible);
    }

    @Override
    public Optional<T> findDeleted(String id) {
        return store.findDeleted(id);
    }

    @Override
    public T restore(String id, Caller caller) {
        return store.restore(id, caller);
    }

    @Override
    public void purge(String id, Caller caller) {
        store.purge(id, caller);
    }

    @Override
    public T merge(String survivorId, String mergedId, Map<String, Object> values, Caller caller) {
        return store.merge(survivorId, mergedId, values, caller);
    }

    @Override
    public Map<List<Object>, List<T>> findMatches(List<String> fields, Collection<List<Object>> keys, Visibility visible) {
        return store.findMatches(fields, keys, visible);
    }

    @Override
    public List<T> writeBatch(List<BatchWrite> rows, Caller caller) {
        return store.writeBatch(rows, caller);
    }

    @Override
    public long count() {
        return store.count();
    }

    @Override
    public List<FieldChange> history(String id, int limit) {
        return store.history(id, limit);
    }
}
