package org.atriumcrm.erp.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.atriumcrm.api.meta.FieldDef;
import org.atriumcrm.api.query.Condition;
import org.atriumcrm.api.query.ListQuery;
import org.atriumcrm.api.query.Operator;
import org.atriumcrm.api.query.SortKey;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.record.RecordStores;

/**
 * Reads other modules' records by their metadata, as plain values (decimals as plain strings, dates and times as ISO
 * text), so the ERP module depends on field names, not on other modules' classes.
 */
final class Records {
    private final RecordStores stores;

    Records(RecordStores stores) {
        this.stores = stores;
    }

    /** Record {@code id} of {@code entity} (not deleted), its fields by name; empty when there is none. */
    Optional<Map<String, Object>> find(String entity, String id) {
        return stores.byName(entity).flatMap(s -> find(s, id));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Optional<Map<String, Object>> find(RecordStore store, String id) {
        return store.find(id).map(r -> values(store, r));
    }

    /** The records of {@code entity} whose {@code field} equals {@code value}, sorted by {@code sortField}, at most 500. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    List<Map<String, Object>> where(String entity, String field, Object value, String sortField) {
        RecordStore store = stores.byName(entity).orElse(null);
        if (store == null) {
            return List.of();
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        ListQuery q = new ListQuery(0, ListQuery.MAX_LIMIT, sortField == null ? List.of() : List.of(new SortKey(sortField, false)), null,
                List.of(new Condition(field, Operator.EQ, List.of(value))));
        for (Object r : store.list(q).items()) {
            rows.add(values(store, r));
        }
        return rows;
    }

    /** The records of {@code entity} modified at or after {@code since}, oldest first, at most 20,000. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    List<Map<String, Object>> changedSince(String entity, java.time.Instant since) {
        RecordStore store = stores.byName(entity).orElse(null);
        if (store == null) {
            return List.of();
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        ListQuery q = new ListQuery(0, ListQuery.MAX_LIMIT, List.of(new SortKey("modifiedAt", false)), null,
                List.of(new Condition("modifiedAt", Operator.GE, List.of(since))));
        for (int page = 0; page < 40; page++) {
            List<?> items = store.list(q.withPage(page * ListQuery.MAX_LIMIT, ListQuery.MAX_LIMIT)).items();
            for (Object r : items) {
                Map<String, Object> v = values(store, r);
                v.put("modifiedAt", ((org.atriumcrm.api.record.Record) r).getModifiedAt().toString());
                rows.add(v);
            }
            if (items.size() < ListQuery.MAX_LIMIT) {
                break;
            }
        }
        return rows;
    }

    boolean has(String entity) {
        return stores.byName(entity).isPresent();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Map<String, Object> values(RecordStore store, Object record) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("id", ((org.atriumcrm.api.record.Record) record).getId());
        for (Object f : store.type().fields()) {
            FieldDef def = (FieldDef) f;
            Object v = def.get(record);
            if (v != null) {
                values.put(def.name(), v instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : v instanceof Number || v instanceof Boolean ? v : v.toString());
            }
        }
        return values;
    }
}
