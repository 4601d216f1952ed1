package org.atriumcrm.rest.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.error.FieldError;
import org.atriumcrm.api.meta.EntityType;
import org.atriumcrm.api.meta.FieldDef;
import org.atriumcrm.api.meta.FieldType;
import org.atriumcrm.api.meta.RelatedList;
import org.atriumcrm.api.query.Condition;
import org.atriumcrm.api.query.ListQuery;
import org.atriumcrm.api.query.Operator;
import org.atriumcrm.api.record.BatchWrite;
import org.atriumcrm.api.record.Record;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.record.RecordStores;
import org.atriumcrm.api.record.RecordWrites;
import org.atriumcrm.api.security.AccessPolicy;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.api.security.Right;
import org.atriumcrm.api.security.UserDirectory;
import org.atriumcrm.persistence.api.UnitOfWork;
import org.atriumcrm.rest.api.AtriumRest;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.coordinator.Coordinator;

/**
 * The platform's {@link RecordWrites}: the domain rules of a write in one place, whoever writes. The rules read
 * references through the caller's secured stores (a record they cannot see does not exist for them) and
 * hierarchies through the raw store (a cycle may run through records they cannot see).
 */
@Component(service = RecordWrites.class)
public class RecordWritesService implements RecordWrites {
    /** Deeper hierarchies are refused rather than followed: a corrupt chain must not loop. */
    private static final int MAX_DEPTH = 100;

    private final RecordStores stores;
    private final AccessPolicy policy;
    private final UserDirectory users;
    private final Coordinator coordinator;

    @org.osgi.service.component.annotations.Activate
    public RecordWritesService(@Reference RecordStores stores, @Reference AccessPolicy policy, @Reference UserDirectory users,
            @Reference Coordinator coordinator) {
        this.stores = stores;
        this.policy = policy;
        this.users = users;
        this.coordinator = coordinator;
    }

    @Override
    public Record create(String entity, Map<String, Object> values, boolean allowDuplicates, Caller caller) {
        RecordStore<?> raw = store(entity);
        check(raw, null, values, allowDuplicates, caller);
        return policy.secure(raw, caller).create(values, caller);
    }

    @Override
    public Record update(String entity, String id, Long expectedVersion, Map<String, Object> values, boolean allowDuplicates,
            Caller caller) {
        RecordStore<?> raw = store(entity);
        RecordStore<?> secured = policy.secure(raw, caller);
        if (secured.find(id).isEmpty()) {
            throw AtriumException.notFound("no " + raw.type().name() + " with id " + id).localized("record-not-found", raw.type().label(), id);
        }
        check(raw, id, values, allowDuplicates, caller);
        return secured.update(id, expectedVersion, values, caller);
    }

    @Override
    public void delete(String entity, String id, Long expectedVersion, Caller caller) {
        policy.secure(store(entity), caller).delete(id, expectedVersion, caller);
    }

    @Override
    public void check(String entity, String id, Map<String, Object> values, boolean allowDuplicates, Caller caller) {
        check(store(entity), id, values, allowDuplicates, caller);
    }

    /** A write to check; unlike a {@link BatchWrite}, its values may hold nulls (a PUT clears what it leaves out). */
    private record Row(String id, Map<String, Object> values, boolean delete) {
        boolean isCreate() {
            return id == null;
        }
    }

    private void check(RecordStore<?> raw, String id, Map<String, Object> values, boolean allowDuplicates, Caller caller) {
        AtriumException violation = check(raw, List.of(new Row(id, values, false)), allowDuplicates, caller).get(0);
        if (violation != null) {
            throw violation;
        }
    }

    @Override
    public Map<Integer, AtriumException> check(String entity, List<BatchWrite> rows, boolean allowDuplicates, Caller caller) {
        return check(store(entity), rows.stream().map(r -> new Row(r.id(), r.values(), r.delete())).toList(), allowDuplicates, caller);
    }

    private <T extends Record> Map<Integer, AtriumException> check(RecordStore<T> raw, List<Row> rows,
            boolean allowDuplicates, Caller caller) {
        EntityType<T> type = raw.type();
        Map<Integer, List<FieldError>> errors = new HashMap<>();
        for (FieldDef<T> field : type.fields()) {
            if (field.type() == FieldType.REFERENCE && field.referenceTo() != null) {
                checkReference(raw, field, rows, caller, errors);
            }
        }
        Map<String, Boolean> owners = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            Object owner = rows.get(i).delete() ? null : rows.get(i).values().get("ownerId");
            if (owner != null && !owners.computeIfAbsent(owner.toString(), users::isValidOwner)) {
                errors.computeIfAbsent(i, k -> new ArrayList<>()).add(FieldError.of("ownerId", "invalid-owner",
                        "no active user or group with id " + owner, owner));
            }
        }
        Map<Integer, AtriumException> violations = new HashMap<>();
        errors.forEach((i, list) -> violations.put(i, AtriumException.validation(list)));
        if (!allowDuplicates) {
            RecordStore<T> secured = policy.secure(raw, caller);
            for (int i = 0; i < rows.size(); i++) {
                Row row = rows.get(i);
                if (!row.delete() && !violations.containsKey(i)) {
                    AtriumException duplicate = row.isCreate() ? duplicateOfNew(secured, row.values())
                            : duplicateByChange(secured, row.id(), row.values());
                    if (duplicate != null) {
                        violations.put(i, duplicate);
                    }
                }
            }
        }
        return violations;
    }

    /** References must point at live records of the referenced type that the caller can see, and make no cycle. */
    private <T extends Record> void checkReference(RecordStore<T> raw, FieldDef<T> field, List<Row> rows, Caller caller,
            Map<Integer, List<FieldError>> errors) {
        EntityType<T> type = raw.type();
        boolean selfType = type.name().equals(field.referenceTo());
        Set<String> ids = new HashSet<>();
        for (Row row : rows) {
            Object value = row.delete() ? null : row.values().get(field.name());
            if (value != null) {
                ids.add(value.toString());
            }
        }
        if (ids.isEmpty()) {
            return;
        }
        Optional<RecordStore<?>> target = stores.byName(field.referenceTo());
        Set<String> visible = target.isPresent() && policy.access(caller, target.get().type()).can(Right.VIEW)
                ? existing(policy.secure(target.get(), caller), ids) : Set.of();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            Object value = row.delete() ? null : row.values().get(field.name());
            if (value == null) {
                continue;
            }
            String ref = value.toString();
            FieldError problem = null;
            Object targetLabel = target.<Object>map(t -> t.type().label()).orElse(field.referenceTo());
            if (selfType && ref.equals(row.id())) {
                problem = FieldError.of(field.name(), "reference-to-itself", "cannot refer to the record itself");
            } else if (target.isEmpty()) {
                problem = FieldError.of(field.name(), "reference-module-disabled", "refers to " + field.referenceTo()
                        + ", whose module is not enabled", targetLabel);
            } else if (!visible.contains(ref)) {
                problem = FieldError.of(field.name(), "reference-not-found", "no " + field.referenceTo() + " with id " + ref,
                        targetLabel, ref);
            } else if (selfType && row.id() != null && reaches(raw, field, ref, row.id())) {
                problem = FieldError.of(field.name(), "reference-cycle", "would make a cycle: " + ref + " is below this "
                        + type.name() + " in the " + field.label().en().toLowerCase() + " hierarchy", ref, type.label(), field.label());
            }
            if (problem != null) {
                errors.computeIfAbsent(i, k -> new ArrayList<>()).add(problem);
            }
        }
    }

    /** The ids among {@code ids} of live records {@code secured} shows: one query per 500 ids. */
    private static <R extends Record> Set<String> existing(RecordStore<R> secured, Set<String> ids) {
        Set<String> found = new HashSet<>();
        List<String> all = new ArrayList<>(ids);
        for (int i = 0; i < all.size(); i += ListQuery.MAX_LIMIT) {
            List<Object> chunk = new ArrayList<>(all.subList(i, Math.min(all.size(), i + ListQuery.MAX_LIMIT)));
            secured.list(new ListQuery(0, ListQuery.MAX_LIMIT, List.of(), null, List.of(new Condition("id", Operator.IN, chunk)))
                    .withCountLimit(ListQuery.NO_COUNT)).items().forEach(r -> found.add(r.getId()));
        }
        return found;
    }

    /** True when following {@code field} upwards from {@code startId} arrives at {@code selfId}. */
    static <T extends Record> boolean reaches(RecordStore<T> store, FieldDef<T> field, String startId, String selfId) {
        String cursor = startId;
        for (int depth = 0; cursor != null && depth < MAX_DEPTH; depth++) {
            if (cursor.equals(selfId)) {
                return true;
            }
            cursor = store.find(cursor).map(r -> (String) field.get(r)).orElse(null);
        }
        return cursor != null;
    }

    private static <T extends Record> AtriumException duplicateOfNew(RecordStore<T> store, Map<String, Object> values) {
        List<T> duplicates = store.findDuplicates(values, null);
        if (duplicates.isEmpty()) {
            return null;
        }
        EntityType<T> type = store.type();
        return AtriumException.conflict("duplicate-record", "a " + type.name() + " like this exists already: "
                + describe(type, duplicates) + "; merge them, or repeat the request with ?allowDuplicates=true")
                .localized("duplicate-record", type.label(), describe(type, duplicates))
                .with("duplicates", summaries(type, duplicates));
    }

    /** On an update that touches a duplicate-rule field: the records the changed record would duplicate. */
    private static <T extends Record> AtriumException duplicateByChange(RecordStore<T> store, String id, Map<String, Object> values) {
        EntityType<T> type = store.type();
        T current = store.find(id).orElse(null);
        if (current == null) {
            return null; // the write itself answers the 404
        }
        boolean changesRuleField = type.duplicateRules().stream().flatMap(List::stream).anyMatch(f -> values.containsKey(f)
                && !sameText(values.get(f), type.field(f).orElseThrow().get(current)));
        if (!changesRuleField) {
            return null; // a duplicate kept on purpose stays editable
        }
        Map<String, Object> probe = new LinkedHashMap<>();
        type.duplicateRules().stream().flatMap(List::stream).distinct().forEach(f -> probe.put(f,
                values.containsKey(f) ? values.get(f) : type.field(f).orElseThrow().get(current)));
        List<T> duplicates = store.findDuplicates(probe, id);
        if (duplicates.isEmpty()) {
            return null;
        }
        return AtriumException.conflict("duplicate-record", "this change would make the " + type.name()
                + " a duplicate of " + describe(type, duplicates) + "; repeat it with ?allowDuplicates=true to keep both")
                .localized("duplicate-by-change", type.label(), describe(type, duplicates))
                .with("duplicates", summaries(type, duplicates));
    }

    private static boolean sameText(Object a, Object b) {
        if (a instanceof String x && b instanceof String y) {
            return x.strip().equalsIgnoreCase(y.strip());
        }
        return Objects.equals(a, b);
    }

    static <T extends Record> List<Map<String, Object>> summaries(EntityType<T> type, List<T> records) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (T r : records) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("entity", type.name());
            s.put("id", r.getId());
            s.put("displayName", type.displayName(r));
            s.put("href", "/" + AtriumRest.BASE + "/v1/" + type.plural() + "/" + r.getId());
            list.add(s);
        }
        return list;
    }

    private static <T extends Record> String describe(EntityType<T> type, List<T> records) {
        return records.stream().limit(5).map(r -> type.displayName(r) + " (" + r.getId() + ")").toList().toString();
    }

    @Override
    public Map<String, Integer> transfer(String entity, String id, String newOwnerId, boolean includeRelated, Caller caller) {
        RecordStore<?> raw = store(entity);
        RecordStore<?> secured = policy.secure(raw, caller);
        Record record = secured.find(id).orElseThrow(() -> AtriumException.notFound("no " + raw.type().name() + " with id " + id));
        if (!policy.access(caller, raw.type()).canChange(record)) {
            throw AtriumException.forbidden("you may see " + raw.type().name() + " " + id + " but not change it or its sharing");
        }
        if (newOwnerId == null || !users.isValidOwner(newOwnerId)) {
            throw AtriumException.validation(List.of(FieldError.of("ownerId", "invalid-owner", "no active user or group with id " + newOwnerId,
                    newOwnerId)));
        }
        String previous = record.getOwnerId();
        // every store of every module in one unit: a related store that fails undoes the record's move too
        return UnitOfWork.run(coordinator, () -> {
            Map<String, Integer> counts = new LinkedHashMap<>();
            counts.put(raw.type().name(), secured.transferOwnership(List.of(new Condition("id", Operator.EQ, List.of(id))),
                    null, newOwnerId, caller));
            if (includeRelated && previous != null) {
                for (RelatedList list : raw.type().relatedLists()) {
                    stores.byName(list.entity()).ifPresent(child -> counts.merge(child.type().name(),
                            policy.secure(child, caller).transferOwnership(List.of(new Condition(list.field(), Operator.EQ, List.of(id)),
                                    new Condition("ownerId", Operator.EQ, List.of(previous))), null, newOwnerId, caller),
                            Integer::sum));
                }
            }
            return counts;
        });
    }

    @Override
    public Map<String, Integer> transferOwnedBy(String fromOwnerId, String toOwnerId, Collection<String> entities, Caller caller) {
        List<FieldError> errors = new ArrayList<>();
        if (fromOwnerId == null) {
            errors.add(FieldError.of("fromOwnerId", "required", "is required"));
        }
        if (toOwnerId == null || !users.isValidOwner(toOwnerId)) {
            errors.add(FieldError.of("toOwnerId", "invalid-owner", "no active user or group with id " + toOwnerId, toOwnerId));
        }
        if (!errors.isEmpty()) {
            throw AtriumException.validation(errors);
        }
        Map<String, RecordStore<?>> targets = new TreeMap<>(); // a fixed order: two transfers at once lock alike
        for (RecordStore<?> s : entities.isEmpty() ? stores.all() : entities.stream().<RecordStore<?>>map(this::store).toList()) {
            targets.put(s.type().name(), s);
        }
        List<Condition> owned = List.of(new Condition("ownerId", Operator.EQ, List.of(fromOwnerId)));
        // every store of every module in one unit: one that refuses or fails undoes what the others moved
        return UnitOfWork.run(coordinator, () -> {
            Map<String, Integer> counts = new LinkedHashMap<>();
            targets.forEach((name, s) -> counts.put(name, policy.secure(s, caller).transferOwnership(owned, null, toOwnerId, caller)));
            return counts;
        });
    }

    private RecordStore<?> store(String entity) {
        return stores.byNameOrPlural(entity).orElseThrow(() -> AtriumException.notFound("there is no entity type '" + entity + "'"));
    }
}
