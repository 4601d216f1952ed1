package org.atriumcrm.persistence.api;

import org.osgi.annotation.versioning.ProviderType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import javax.persistence.EntityManager;
import javax.persistence.OptimisticLockException;
import javax.persistence.criteria.CriteriaBuilder;
import javax.persistence.criteria.CriteriaQuery;
import javax.persistence.criteria.Expression;
import javax.persistence.criteria.Predicate;
import javax.persistence.criteria.Root;

import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.JpaTemplate;
import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.error.FieldError;
import org.atriumcrm.api.event.DomainEvents;
import org.atriumcrm.api.event.DomainEvents.Action;
import org.atriumcrm.api.meta.EntityType;
import org.atriumcrm.api.meta.FieldDef;
import org.atriumcrm.api.meta.FieldType;
import org.atriumcrm.api.query.Condition;
import org.atriumcrm.api.query.ListQuery;
import org.atriumcrm.api.query.Page;
import org.atriumcrm.api.record.BatchWrite;
import org.atriumcrm.api.record.FieldChange;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.api.security.Visibility;
import org.atriumcrm.persistence.internal.CriteriaTranslator;
import org.atriumcrm.persistence.internal.SchemaUpkeep;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * A complete {@link RecordStore} on a module's persistence unit. A module's store component extends it and
 * passes the module's JpaTemplate, EventAdmin, and the entity types of the same persistence unit (references
 * between them are moved on merge and cleared on purge in the same transaction).
 *
 * @param <T> the record class
 */
@ProviderType
public class JpaRecordStore<T extends BaseRecord> implements RecordStore<T> {
    private static final int MAX_DUPLICATES = 20;
    /** Values per {@code IN} list: Derby compiles one plan per list length, so chunks keep that set small. */
    private static final int MATCH_CHUNK = 500;

    private final EntityType<T> type;
    private final Class<T> recordClass;
    private final JpaTemplate jpa;
    private final EventAdmin events;
    private final List<EntityType<?>> unitTypes;
    private final CriteriaTranslator<T> criteria;

    public JpaRecordStore(EntityType<T> type, JpaTemplate jpa, EventAdmin events, Collection<EntityType<?>> unitTypes) {
        this.type = Objects.requireNonNull(type);
        this.recordClass = type.recordClass();
        this.jpa = Objects.requireNonNull(jpa);
        this.events = events;
        this.unitTypes = List.copyOf(unitTypes);
        this.criteria = new CriteriaTranslator<>(type);
    }

    @Override
    public EntityType<T> type() {
        return type;
    }

    /**
     * The condition of {@code query} as the store's own list applies it (live records, filters, quick search, the
     * query's visibility), for a module's own queries (aggregates) that must count exactly the records its list shows.
     *
     * @since 2.0
     */
    protected Predicate where(CriteriaBuilder cb, Root<T> root, ListQuery query) {
        return criteria.where(cb, root, query);
    }

    @Override
    public Page<T> list(ListQuery query) {
        return tx(em -> {
            CriteriaBuilder cb = em.getCriteriaBuilder();
            CriteriaQuery<T> select = cb.createQuery(recordClass);
            Root<T> root = select.from(recordClass);
            select.where(criteria.where(cb, root, query));
            select.orderBy(criteria.orderBy(cb, root, query.sort()));
            // read-only: a page is read to be shown or counted, never changed through its objects (every write goes
            // through this store by id), so EclipseLink hands out its cached objects instead of registering a copy
            // of each in the transaction and comparing every field of every copy again at the commit
            List<T> items = em.createQuery(select)
                    .setHint(org.eclipse.persistence.config.QueryHints.READ_ONLY, org.eclipse.persistence.config.HintValues.TRUE)
                    .setFirstResult(query.offset())
                    .setMaxResults(query.limit())
                    .getResultList();
            if (!items.isEmpty() && items.size() < query.limit() || items.isEmpty() && query.offset() == 0) {
                // a short page tells the total without counting
                return new Page<>(items, (long) query.offset() + items.size(), query.offset(), query.limit());
            }
            if (query.countLimit() == ListQuery.NO_COUNT) {
                return new Page<>(items, -1, query.offset(), query.limit(), false);
            }
            if (query.countLimit() > 0) {
                // bounded: the ids of at most bound + 1 matches (a scan that stops there, not a COUNT over all);
                // never below the end of this page, so that a deep page still has a total past its items
                int bound = Math.max(query.countLimit(), query.offset() + query.limit());
                CriteriaQuery<String> ids = cb.createQuery(String.class);
                Root<T> idRoot = ids.from(recordClass);
                ids.select(idRoot.get("id")).where(criteria.where(cb, idRoot, query));
                int seen = em.createQuery(ids).setMaxResults(bound + 1).getResultList().size();
                boolean exact = seen <= bound;
                return new Page<>(items, exact ? seen : bound, query.offset(), query.limit(), exact);
            }
            CriteriaQuery<Long> count = cb.createQuery(Long.class);
            Root<T> countRoot = count.from(recordClass);
            count.select(cb.count(countRoot))
                    .where(criteria.where(cb, countRoot, query));
            return new Page<>(items, em.createQuery(count).getSingleResult(), query.offset(), query.limit());
        });
    }

    @Override
    public Optional<T> find(String id) {
        if (!RecordIds.isValid(id)) {
            return Optional.empty();
        }
        return tx(em -> Optional.ofNullable(em.find(recordClass, id)).filter(r -> !r.isDeleted()));
    }

    @Override
    public List<FieldChange> history(String id, int limit) {
        if (!RecordIds.isValid(id)) {
            return List.of();
        }
        return tx(em -> em.createQuery("SELECT c FROM RecordChange c WHERE c.recordId = :id AND c.entity = :e"
                + " ORDER BY c.changedAt DESC, c.id DESC", RecordChangeRow.class)
                .setParameter("id", id).setParameter("e", type.name()).setMaxResults(limit).getResultList()
                .stream().map(RecordChangeRow::toChange).toList());
    }

    @Override
    public long count() {
        return tx(em -> {
            CriteriaBuilder cb = em.getCriteriaBuilder();
            CriteriaQuery<Long> count = cb.createQuery(Long.class);
            Root<T> root = count.from(recordClass);
            count.select(cb.count(root)).where(cb.isNull(root.get("deletedAt")));
            return em.createQuery(count).getSingleResult();
        });
    }

    @Override
    public List<T> findDuplicates(Map<String, Object> values, String excludeId) {
        return findDuplicates(values, excludeId, Visibility.ALL);
    }

    @Override
    public List<T> findDuplicates(Map<String, Object> values, String excludeId, Visibility visible) {
        return tx(em -> {
            CriteriaBuilder cb = em.getCriteriaBuilder();
            CriteriaQuery<T> select = cb.createQuery(recordClass);
            Root<T> root = select.from(recordClass);
            List<Predicate> rules = new ArrayList<>();
            for (List<String> rule : type.duplicateRules()) {
                List<Predicate> all = new ArrayList<>();
                for (String fieldName : rule) {
                    Object value = values.get(fieldName);
                    if (value == null || value instanceof String s && s.isBlank()) {
                        all = null;
                        break;
                    }
                    FieldDef<T> field = type.field(fieldName).orElseThrow();
                    if (field.matchAttribute() != null) {
                        if (FieldDef.matchValue(field.type(), value) == null) {
                            all = null;
                            break;
                        }
                        all.add(cb.equal(root.get(field.matchAttribute()), FieldDef.matchValue(field.type(), value)));
                    } else if (value instanceof String s) {
                        Expression<String> column = root.get(field.attribute());
                        all.add(cb.equal(cb.lower(cb.trim(column)), s.strip().toLowerCase(Locale.ROOT)));
                    } else {
                        all.add(cb.equal(root.get(field.attribute()), value));
                    }
                }
                if (all != null) {
                    rules.add(cb.and(all.toArray(Predicate[]::new)));
                }
            }
            if (rules.isEmpty()) {
                return List.of();
            }
            Predicate where = cb.and(cb.isNull(root.get("deletedAt")), criteria.visible(cb, root, visible),
                    cb.or(rules.toArray(Predicate[]::new)));
            if (excludeId != null) {
                where = cb.and(where, cb.notEqual(root.get("id"), excludeId));
            }
            // oldest first, sorted here and not by the database: with ORDER BY CREATED_AT, Derby's optimizer (which
            // does not weigh FETCH FIRST) walked the creation-date index through the whole table instead of looking
            // the match key up — a scan per create
            select.where(where);
            List<T> found = new ArrayList<>(em.createQuery(select).setMaxResults(MAX_DUPLICATES).getResultList());
            found.sort(java.util.Comparator.comparing((T r) -> r.getCreatedAt(), java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()))
                    .thenComparing(r -> r.getId()));
            return found;
        });
    }

    @Override
    public T create(Map<String, Object> values, Caller caller) {
        T created = tx(em -> createIn(em, values, caller));
        post(Action.CREATED, created.getId(), caller, Map.of(DomainEvents.CHANGED_FIELDS,
                values.keySet().toArray(String[]::new)));
        return created;
    }

    @Override
    public T update(String id, Long expectedVersion, Map<String, Object> values, Caller caller) {
        Set<String> changed = new LinkedHashSet<>();
        T updated = txVersioned(expectedVersion, em -> {
            T record = live(em, id);
            checkVersion(record, expectedVersion);
            changed.addAll(applyUpdate(em, record, values, caller));
            if (!changed.isEmpty()) {
                em.flush(); // surface a concurrent update as OptimisticLockException here
            }
            return record;
        });
        if (!changed.isEmpty()) {
            post(Action.UPDATED, id, caller, Map.of(DomainEvents.CHANGED_FIELDS, changed.toArray(String[]::new)));
        }
        return updated;
    }

    /** Sets the values that differ, with the store's rules and one history row per changed field; returns those fields. */
    private Set<String> applyUpdate(EntityManager em, T record, Map<String, Object> values, Caller caller) {
        Set<String> changed = new LinkedHashSet<>();
        Map<String, Object> before = new HashMap<>();
        for (Map.Entry<String, Object> e : values.entrySet()) {
            FieldDef<T> field = writableField(e.getKey());
            if (!sameValue(field.get(record), e.getValue())) {
                changed.add(e.getKey());
                before.put(e.getKey(), field.get(record));
            }
        }
        if (!changed.isEmpty()) {
            apply(record, values);
            record.touch(now(), caller);
            beforeUpdate(em, record, changed, caller);
            record.beforeSave();
            for (String name : changed) {
                em.persist(new RecordChangeRow(type.name(), record.getId(), "UPDATED", name, before.get(name),
                        writableField(name).get(record), caller.userId(), record.getModifiedAt()));
            }
        }
        return changed;
    }

    private T createIn(EntityManager em, Map<String, Object> values, Caller caller) {
        T record = type.newRecord();
        apply(record, values);
        record.initialise(RecordIds.next(), now(), caller);
        record.beforeSave();
        beforeCreate(em, record, caller);
        em.persist(record);
        em.persist(new RecordChangeRow(type.name(), record.getId(), "CREATED", null, null, null, caller.userId(),
                record.getCreatedAt()));
        return record;
    }

    @Override
    public List<T> writeBatch(List<BatchWrite> rows, Caller caller) {
        List<Runnable> events = new ArrayList<>(rows.size());
        List<T> written = txVersioned(null, em -> {
            List<T> out = new ArrayList<>(rows.size());
            List<String> ids = rows.stream().filter(r -> !r.isCreate() && RecordIds.isValid(r.id())).map(BatchWrite::id).distinct().toList();
            if (!ids.isEmpty()) {
                // one query brings the batch's records into this persistence context: live() then finds each there
                // instead of one primary-key query per row
                CriteriaQuery<T> batch = em.getCriteriaBuilder().createQuery(recordClass);
                batch.where(batch.from(recordClass).get("id").in(ids));
                em.createQuery(batch).getResultList();
            }
            for (int i = 0; i < rows.size(); i++) {
                BatchWrite row = rows.get(i);
                try {
                    if (row.isCreate()) {
                        T record = createIn(em, row.values(), caller);
                        String[] fields = row.values().keySet().toArray(String[]::new);
                        events.add(() -> event(Action.CREATED, record.getId(), caller, Map.of(DomainEvents.CHANGED_FIELDS, fields)));
                        out.add(record);
                    } else if (row.delete()) {
                        T record = live(em, row.id());
                        record.markDeleted(now(), caller);
                        em.persist(new RecordChangeRow(type.name(), row.id(), "DELETED", null, null, null, caller.userId(),
                                record.getDeletedAt()));
                        events.add(() -> event(Action.DELETED, row.id(), caller, Map.of()));
                        out.add(null);
                    } else {
                        T record = live(em, row.id());
                        Set<String> changed = applyUpdate(em, record, row.values(), caller);
                        if (!changed.isEmpty()) {
                            String[] fields = changed.toArray(String[]::new);
                            events.add(() -> event(Action.UPDATED, row.id(), caller, Map.of(DomainEvents.CHANGED_FIELDS, fields)));
                        }
                        out.add(record);
                    }
                } catch (AtriumException e) {
                    throw e.with("row", i);
                }
            }
            em.flush();
            return out;
        });
        committed(java.util.stream.Stream.concat(written.stream().filter(Objects::nonNull).map(T::getId),
                rows.stream().filter(BatchWrite::delete).map(BatchWrite::id)).distinct().toList());
        events.forEach(Runnable::run);
        return written;
    }

    @Override
    public Map<List<Object>, List<T>> findMatches(List<String> fields, Collection<List<Object>> keys, Visibility visible) {
        List<FieldDef<T>> defs = new ArrayList<>();
        for (String name : fields) {
            defs.add(type.field(name).orElseThrow(() -> AtriumException.validation(List.of(FieldError.of(name, "unknown-field", "is not a field of " + type.name(), type.label())))));
        }
        Set<List<Object>> wanted = new LinkedHashSet<>();
        for (List<Object> key : keys) {
            List<Object> normal = new ArrayList<>(defs.size());
            for (int i = 0; i < defs.size(); i++) {
                normal.add(FieldDef.matchValue(defs.get(i).type(), key.get(i)));
            }
            if (!normal.contains(null)) {
                wanted.add(normal);
            }
        }
        Map<List<Object>, List<T>> found = new HashMap<>();
        if (wanted.isEmpty()) {
            return found;
        }
        FieldDef<T> first = defs.get(0);
        List<Object> firstValues = wanted.stream().map(k -> k.get(0)).distinct().toList();
        tx(em -> {
            for (int from = 0; from < firstValues.size(); from += MATCH_CHUNK) {
                List<Object> chunk = firstValues.subList(from, Math.min(firstValues.size(), from + MATCH_CHUNK));
                CriteriaBuilder cb = em.getCriteriaBuilder();
                CriteriaQuery<T> select = cb.createQuery(recordClass);
                Root<T> root = select.from(recordClass);
                select.where(cb.isNull(root.get("deletedAt")), criteria.visible(cb, root, visible),
                        matchExpression(cb, root, first).in(chunk));
                for (T record : em.createQuery(select).getResultList()) {
                    List<Object> key = new ArrayList<>(defs.size());
                    for (FieldDef<T> f : defs) {
                        key.add(FieldDef.matchValue(f.type(), f.get(record)));
                    }
                    if (wanted.contains(key)) {
                        found.computeIfAbsent(key, k -> new ArrayList<>()).add(record);
                    }
                }
            }
            return null;
        });
        return found;
    }

    /** The indexed match column of a field when the entity keeps one, else the normalised column. */
    @SuppressWarnings("unchecked")
    private Expression<?> matchExpression(CriteriaBuilder cb, Root<T> root, FieldDef<T> field) {
        if (field.matchAttribute() != null) {
            return root.get(field.matchAttribute());
        }
        if (field.type().isText()) {
            return cb.lower(cb.trim((Expression<String>) (Expression<?>) root.get(field.attribute())));
        }
        return root.get(field.attribute());
    }

    /**
     * One query and a forward-only cursor (EclipseLink's scrollable cursor; read-only objects, so that the
     * persistence context does not keep them): memory stays flat for a million rows.
     */
    @Override
    public void forEach(ListQuery query, java.util.function.Consumer<? super T> action) {
        tx(em -> {
            CriteriaBuilder cb = em.getCriteriaBuilder();
            CriteriaQuery<T> select = cb.createQuery(recordClass);
            Root<T> root = select.from(recordClass);
            select.where(criteria.where(cb, root, query));
            select.orderBy(criteria.orderBy(cb, root, query.sort()));
            javax.persistence.TypedQuery<T> q = em.createQuery(select);
            q.setHint("eclipselink.cursor.scrollable", "true");
            q.setHint("eclipselink.cursor.scrollable.result-type", "ForwardOnly");
            q.setHint("eclipselink.cursor.scrollable.concurrency", "ReadOnly");
            q.setHint("eclipselink.read-only", "true");
            q.setHint("eclipselink.maintain-cache", "false"); // nor into the shared cache: a million rows pass through once
            q.setHint("eclipselink.jdbc.fetch-size", "500");
            Object cursor = q.getSingleResult();
            try {
                @SuppressWarnings("unchecked")
                java.util.Iterator<T> rows = (java.util.Iterator<T>) cursor;
                int n = 0;
                while (rows.hasNext()) {
                    action.accept(rows.next());
                    if (++n % 500 == 0) {
                        em.clear();
                    }
                }
            } finally {
                try {
                    cursor.getClass().getMethod("close").invoke(cursor);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot close the cursor " + cursor.getClass(), e);
                }
            }
            return null;
        });
    }

    @Override
    public void delete(String id, Long expectedVersion, Caller caller) {
        txVersioned(expectedVersion, em -> {
            T record = live(em, id);
            checkVersion(record, expectedVersion);
            record.markDeleted(now(), caller);
            em.persist(new RecordChangeRow(type.name(), id, "DELETED", null, null, null, caller.userId(), record.getDeletedAt()));
            em.flush();
            return record;
        });
        post(Action.DELETED, id, caller, Map.of());
    }

    @Override
    public Page<T> listDeleted(int offset, int limit) {
        return listDeleted(offset, limit, Visibility.ALL);
    }

    @Override
    public Page<T> listDeleted(int offset, int limit, Visibility visible) {
        return tx(em -> {
            CriteriaBuilder cb = em.getCriteriaBuilder();
            CriteriaQuery<T> select = cb.createQuery(recordClass);
            Root<T> root = select.from(recordClass);
            select.where(cb.isNotNull(root.get("deletedAt")), criteria.visible(cb, root, visible))
                    .orderBy(cb.desc(root.get("deletedAt")), cb.asc(root.get("id")));
            List<T> items = em.createQuery(select).setFirstResult(offset).setMaxResults(limit).getResultList();
            CriteriaQuery<Long> count = cb.createQuery(Long.class);
            Root<T> countRoot = count.from(recordClass);
            count.select(cb.count(countRoot)).where(cb.isNotNull(countRoot.get("deletedAt")),
                    criteria.visible(cb, countRoot, visible));
            return new Page<>(items, em.createQuery(count).getSingleResult(), offset, limit);
        });
    }

    @Override
    public Optional<T> findDeleted(String id) {
        if (!RecordIds.isValid(id)) {
            return Optional.empty();
        }
        return tx(em -> Optional.ofNullable(em.find(recordClass, id)).filter(BaseRecord::isDeleted));
    }

    @Override
    public int transferOwnership(List<Condition> where, Visibility visible, String newOwnerId, Caller caller) {
        List<String> ids = new ArrayList<>();
        int changed = tx(em -> {
            CriteriaBuilder cb = em.getCriteriaBuilder();
            CriteriaQuery<T> select = cb.createQuery(recordClass);
            Root<T> root = select.from(recordClass);
            select.where(criteria.where(cb, root, new ListQuery(0, 1, List.of(), null, where).scopedTo(visible, Set.of())),
                    cb.notEqual(root.get("ownerId"), newOwnerId));
            Instant now = now();
            int n = 0;
            for (T record : em.createQuery(select).getResultList()) {
                String before = record.getOwnerId();
                record.setOwnerId(newOwnerId);
                record.touch(now, caller);
                em.persist(new RecordChangeRow(type.name(), record.getId(), "UPDATED", "ownerId", before, newOwnerId,
                        caller.userId(), now));
                ids.add(record.getId());
                if (++n % 200 == 0) {
                    em.flush(); // bounded memory for "everything this user owns"
                    em.clear();
                }
            }
            em.flush();
            return n;
        });
        for (String id : ids) {
            post(Action.UPDATED, id, caller, Map.of(DomainEvents.CHANGED_FIELDS, new String[] {"ownerId"}));
        }
        return changed;
    }

    @Override
    public T restore(String id, Caller caller) {
        T restored = tx(em -> {
            T record = deleted(em, id);
            record.clearDeleted(now(), caller);
            em.persist(new RecordChangeRow(type.name(), id, "RESTORED", null, null, null, caller.userId(), record.getModifiedAt()));
            return record;
        });
        post(Action.RESTORED, id, caller, Map.of());
        return restored;
    }

    @Override
    public void purge(String id, Caller caller) {
        tx(em -> {
            T record = deleted(em, id);
            clearReferences(em, id, caller);
            em.createQuery("DELETE FROM RecordChange c WHERE c.recordId = :id").setParameter("id", id).executeUpdate();
            em.remove(record);
            return null;
        });
        post(Action.PURGED, id, caller, Map.of());
    }

    @Override
    public T merge(String survivorId, String mergedId, Map<String, Object> values, Caller caller) {
        if (Objects.equals(survivorId, mergedId)) {
            throw AtriumException.badRequest("a record cannot be merged into itself");
        }
        T survivor = tx(em -> {
            T keep = live(em, survivorId);
            T gone = live(em, mergedId);
            Instant now = now();
            moveReferences(em, mergedId, survivorId, caller, now);
            em.refresh(keep);
            em.refresh(gone);
            apply(keep, values);
            keep.touch(now, caller);
            keep.beforeSave();
            gone.markDeleted(now, caller);
            em.persist(new RecordChangeRow(type.name(), survivorId, "MERGED", null, mergedId, null, caller.userId(), now));
            em.persist(new RecordChangeRow(type.name(), mergedId, "DELETED", null, null, survivorId, caller.userId(), now));
            return keep;
        });
        post(Action.UPDATED, survivorId, caller, Map.of(DomainEvents.CHANGED_FIELDS,
                values.keySet().toArray(String[]::new)));
        post(Action.DELETED, mergedId, caller, Map.of());
        post(Action.MERGED, survivorId, caller, Map.of(DomainEvents.MERGED_ID, mergedId));
        return survivor;
    }

    /** Points every reference to {@code fromId} in this persistence unit at {@code toId}, never at itself. */
    private void moveReferences(EntityManager em, String fromId, String toId, Caller caller, Instant now) {
        for (EntityType<?> unitType : unitTypes) {
            String entity = em.getMetamodel().entity(unitType.recordClass()).getName();
            for (FieldDef<?> field : unitType.fields()) {
                if (field.type() == FieldType.REFERENCE && type.name().equals(field.referenceTo())) {
                    String attr = field.attribute();
                    em.createQuery("UPDATE " + entity + " e SET e." + attr + " = :to, e.version = e.version + 1,"
                            + " e.modifiedAt = :now, e.modifiedBy = :user WHERE e." + attr + " = :from AND e.id <> :to")
                            .setParameter("to", toId).setParameter("from", fromId)
                            .setParameter("now", now).setParameter("user", caller.userId())
                            .executeUpdate();
                    // the survivor itself may have pointed at the merged record: such a self-reference is dropped
                    em.createQuery("UPDATE " + entity + " e SET e." + attr + " = NULL WHERE e.id = :to AND e."
                            + attr + " = :from").setParameter("to", toId).setParameter("from", fromId).executeUpdate();
                }
            }
        }
    }

    private void clearReferences(EntityManager em, String id, Caller caller) {
        for (EntityType<?> unitType : unitTypes) {
            String entity = em.getMetamodel().entity(unitType.recordClass()).getName();
            for (FieldDef<?> field : unitType.fields()) {
                if (field.type() == FieldType.REFERENCE && type.name().equals(field.referenceTo())) {
                    em.createQuery("UPDATE " + entity + " e SET e." + field.attribute() + " = NULL,"
                            + " e.version = e.version + 1, e.modifiedAt = :now, e.modifiedBy = :user WHERE e."
                            + field.attribute() + " = :id")
                            .setParameter("id", id).setParameter("now", now())
                            .setParameter("user", caller.userId()).executeUpdate();
                }
            }
        }
    }

    private T live(EntityManager em, String id) {
        T record = RecordIds.isValid(id) ? em.find(recordClass, id) : null;
        if (record == null || record.isDeleted()) {
            throw AtriumException.notFound("no " + type.name() + " with id " + id).localized("record-not-found", type.label(), id);
        }
        return record;
    }

    private T deleted(EntityManager em, String id) {
        T record = RecordIds.isValid(id) ? em.find(recordClass, id) : null;
        if (record == null) {
            throw AtriumException.notFound("no " + type.name() + " with id " + id).localized("record-not-found", type.label(), id);
        }
        if (!record.isDeleted()) {
            throw AtriumException.conflict("not-in-recycle-bin", type.name() + " " + id + " is not in the recycle bin")
                    .localized("not-in-recycle-bin", type.label(), id);
        }
        return record;
    }

    private void checkVersion(T record, Long expectedVersion) {
        if (expectedVersion != null && record.getVersion() != expectedVersion) {
            throw AtriumException.preconditionFailed(type.name() + " " + record.getId() + " is at version "
                    + record.getVersion() + ", not " + expectedVersion + ": reload it and apply your change again")
                    .localized("stale-version", type.label(), record.getId(), record.getVersion(), expectedVersion)
                    .with("currentVersion", record.getVersion());
        }
    }

    private void apply(T record, Map<String, Object> values) {
        values.forEach((name, value) -> writableField(name).set(record, value));
    }

    private FieldDef<T> writableField(String name) {
        return type.field(name).filter(f -> !f.isReadOnly())
                .orElseThrow(() -> AtriumException.invalidField(name, "is not a writable field of " + type.name()));
    }

    private static boolean sameValue(Object a, Object b) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        return Objects.equals(a, b);
    }

    /** A write that may lose an optimistic-lock race: 412 when the caller named a version, 409 otherwise. */
    private <R> R txVersioned(Long expectedVersion, EmFunction<R> work) {
        try {
            return tx(work);
        } catch (RuntimeException e) {
            if (causedBy(e, OptimisticLockException.class)) {
                if (expectedVersion != null) {
                    throw AtriumException.preconditionFailed(type.name() + " was changed by someone else meanwhile")
                            .localized("changed-meanwhile", type.label());
                }
                throw AtriumException.conflict("concurrent-update",
                        type.name() + " was changed by someone else meanwhile: reload it and try again")
                        .localized("concurrent-update", type.label());
            }
            throw e;
        }
    }

    /**
     * A change the module itself makes (fields clients cannot write, e.g. a lead's conversion or an opportunity's
     * stage): {@code change} runs on the live record inside one transaction; each named field that changed is
     * written to the history and announced in the UPDATED event, as for a client's update.
     */
    protected T updateBySystem(String id, Caller caller, java.util.function.Consumer<T> change, String... fields) {
        return updateBySystem(id, caller, (em, record) -> change.accept(record), fields);
    }

    /** As {@link #updateBySystem(String, Caller, java.util.function.Consumer, String...)}, with the transaction's EntityManager. */
    protected T updateBySystem(String id, Caller caller, java.util.function.BiConsumer<EntityManager, T> change, String... fields) {
        Set<String> changed = new LinkedHashSet<>();
        T updated = txVersioned(null, em -> {
            T record = live(em, id);
            Map<String, Object> before = new HashMap<>();
            for (String name : fields) {
                before.put(name, type.field(name).orElseThrow().get(record));
            }
            change.accept(em, record);
            Instant now = now();
            for (String name : fields) {
                Object after = type.field(name).orElseThrow().get(record);
                if (!sameValue(before.get(name), after)) {
                    changed.add(name);
                    em.persist(new RecordChangeRow(type.name(), id, "UPDATED", name, before.get(name), after, caller.userId(), now));
                }
            }
            record.touch(now, caller);
            record.beforeSave();
            em.flush();
            return record;
        });
        post(Action.UPDATED, id, caller, Map.of(DomainEvents.CHANGED_FIELDS, changed.toArray(String[]::new)));
        return updated;
    }

    /**
     * Domain rules of a module that must hold in the same transaction as a client's create: set derived fields,
     * write companion rows, or throw an {@code AtriumException} to refuse (nothing is written then).
     */
    protected void beforeCreate(EntityManager em, T record, Caller caller) {
    }

    /** As {@link #beforeCreate}, for an update that changes {@code changedFields} (values already applied). */
    protected void beforeUpdate(EntityManager em, T record, Set<String> changedFields, Caller caller) {
    }

    /** Runs one transaction; an AtriumException thrown inside comes out unwrapped. */
    /**
     * What one {@link #upkeep()} did, for the log: the indexes it created, the match keys of old rows it filled and
     * the text columns it widened.
     *
     * @since 2.0
     */
    public record Upkeep(List<String> createdIndexes, int backfilledKeys, List<String> widenedColumns) {
    }

    /**
     * Brings an existing database up to this version's schema for this type: what {@code create-or-extend-tables}
     * leaves undone (indexes of an existing table, match keys of rows written before their column, text columns an
     * older version sized in UTF-16 units). The platform runs it once per store and start, in the background.
     */
    public Upkeep upkeep() {
        return SchemaUpkeep.run(type, jpa);
    }

    protected <R> R tx(EmFunction<R> work) {
        return Transactions.required(jpa, work);
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> kind) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (kind.isInstance(t) || t.getClass().getName().endsWith("OptimisticLockException")) {
                return true;
            }
        }
        return false;
    }

    /** Millisecond precision: what every database and client keeps alike. */
    protected static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    /** A domain event after commit, for a subclass that writes records in its own transactions. */
    protected void post(Action action, String id, Caller caller, Map<String, Object> extra) {
        committed(List.of(id));
        event(action, id, caller, extra);
    }

    /**
     * Tells the synchronous listeners of {@link DomainEvents#COMMITTED_TOPIC} (the list index) which records a
     * transaction wrote, before the write call returns: the caller's next list then sees its own change.
     */
    protected void committed(Collection<String> ids) {
        if (events == null || ids.isEmpty()) {
            return;
        }
        Event committed = new Event(DomainEvents.COMMITTED_TOPIC, Map.of(DomainEvents.ENTITY, type.name(),
                DomainEvents.IDS, ids.toArray(String[]::new)));
        UnitOfWork.afterCommit(() -> events.sendEvent(committed)); // inside a unit of work nothing is committed yet
    }

    private void event(Action action, String id, Caller caller, Map<String, Object> extra) {
        if (events == null) {
            return;
        }
        Map<String, Object> props = new HashMap<>(extra);
        props.put(DomainEvents.ENTITY, type.name());
        props.put(DomainEvents.ID, id);
        props.put(DomainEvents.USER_ID, caller.userId());
        Event event = new Event(DomainEvents.topic(type.name(), action), props);
        UnitOfWork.afterCommit(() -> events.postEvent(event));
    }
}
