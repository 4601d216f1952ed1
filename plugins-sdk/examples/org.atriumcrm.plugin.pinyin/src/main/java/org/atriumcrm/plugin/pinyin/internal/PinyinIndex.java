package org.atriumcrm.plugin.pinyin.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

import org.apache.aries.jpa.template.JpaTemplate;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.query.ListQuery;
import org.atriumcrm.api.query.Page;
import org.atriumcrm.api.query.SortKey;
import org.atriumcrm.api.record.Record;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.security.Visibility;
import org.atriumcrm.persistence.api.Transactions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pinyin index of account and contact names (table ATRIUM_PINYIN_INDEX). Writes run on one background
 * thread, so event handlers return at once; an empty index is rebuilt from the stores when the module is first
 * enabled, and an administrator can rebuild it at any time.
 */
@Component(service = PinyinIndex.class)
public class PinyinIndex {
    static final List<String> ENTITIES = List.of("Account", "Contact");
    private static final int PAGE = 500;
    private static final Logger LOG = LoggerFactory.getLogger(PinyinIndex.class);

    private final JpaTemplate jpa;
    private final Map<String, RecordStore<?>> stores = new java.util.concurrent.ConcurrentHashMap<>();
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "atrium-pinyin-index");
        t.setDaemon(true);
        return t;
    });

    @Activate
    public PinyinIndex(@Reference(target = "(osgi.unit.name=atrium.pinyin)") JpaTemplate jpa,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + PinyinModule.ID + ")") ModuleGate gate) {
        this.jpa = jpa;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            target = "(|(atrium.entity=Account)(atrium.entity=Contact))")
    void addStore(RecordStore<?> store) {
        stores.put(store.type().name(), store);
    }

    void removeStore(RecordStore<?> store) {
        stores.remove(store.type().name(), store);
    }

    @Activate
    void start() {
        writer.execute(() -> {
            long indexed = Transactions.required(jpa, em -> em.createQuery("SELECT COUNT(e) FROM PinyinEntry e", Long.class)
                    .getSingleResult());
            // entries from before owners were indexed cannot be filtered by visibility: index them again
            long ownerless = Transactions.required(jpa, em -> em.createQuery(
                    "SELECT COUNT(e) FROM PinyinEntry e WHERE e.ownerId IS NULL", Long.class).getSingleResult());
            if (indexed == 0 || ownerless > 0 || missedChanges()) {
                rebuildNow();
            }
        });
    }

    /**
     * Whether records came or went while the plugin was uninstalled or its module disabled (it heard no events
     * then): its entries per entity type differ in number from the live records.
     */
    private boolean missedChanges() {
        for (String entity : ENTITIES) {
            RecordStore<?> store = stores.get(entity);
            if (store != null) {
                long entries = Transactions.required(jpa, em -> em.createQuery(
                        "SELECT COUNT(e) FROM PinyinEntry e WHERE e.entity = :e", Long.class).setParameter("e", entity).getSingleResult());
                if (entries != store.count()) {
                    return true;
                }
            }
        }
        return false;
    }

    @Deactivate
    void stop() throws InterruptedException {
        writer.shutdown();
        writer.awaitTermination(10, TimeUnit.SECONDS);
    }

    /** (Re)indexes one record from its store, or drops it when the record is gone or in the recycle bin. */
    void refresh(String entity, String id) {
        writer.execute(() -> refreshNow(entity, id));
    }

    void rebuild() {
        writer.execute(this::rebuildNow);
    }

    private void refreshNow(String entity, String id) {
        RecordStore<?> store = stores.get(entity);
        if (store == null) {
            return;
        }
        String name = displayName(store, id);
        String owner = store.find(id).map(Record::getOwnerId).orElse(null);
        Transactions.required(jpa, em -> {
            PinyinEntry entry = em.find(PinyinEntry.class, id);
            if (name == null) {
                if (entry != null) {
                    em.remove(entry);
                }
            } else {
                if (entry == null) {
                    entry = new PinyinEntry(id, entity);
                    em.persist(entry);
                }
                entry.update(name, owner, PinyinNames.of(name));
            }
            return null;
        });
    }

    private static <T extends Record> String displayName(RecordStore<T> store, String id) {
        return store.find(id).map(r -> store.type().displayName(r)).orElse(null);
    }

    /**
     * Rebuilds the whole index in one transaction, so that searches meanwhile see the old index or the new
     * one, never a half-built one. (At millions of records this wants a shadow table and a swap.)
     */
    private void rebuildNow() {
        long started = System.nanoTime();
        int count = Transactions.required(jpa, em -> {
            em.createQuery("DELETE FROM PinyinEntry e").executeUpdate();
            int indexed = 0;
            for (String entity : ENTITIES) {
                RecordStore<?> store = stores.get(entity);
                if (store != null) {
                    indexed += indexAll(store, em);
                }
            }
            return indexed;
        });
        LOG.info("pinyin index rebuilt: {} records in {} ms", count, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    private <T extends Record> int indexAll(RecordStore<T> store, EntityManager em) {
        int count = 0;
        for (int offset = 0;; offset += PAGE) {
            Page<T> page = store.list(new ListQuery(offset, PAGE, List.of(new SortKey("id", false)), null, List.of()));
            for (T r : page.items()) {
                PinyinEntry entry = new PinyinEntry(r.getId(), store.type().name());
                String name = store.type().displayName(r);
                entry.update(name, r.getOwnerId(), PinyinNames.of(name));
                em.merge(entry);
            }
            count += page.items().size();
            if (page.items().size() < PAGE) {
                return count;
            }
            em.flush();
            em.clear();
        }
    }

    /** One hit of a search. */
    record Hit(String entity, String id, String displayName) {
    }

    /**
     * Records whose initials (or full pinyin) start with {@code prefix}, in name order, among those the caller may
     * see: {@code visible} holds the caller's {@link Visibility} per entity type they may view (the platform's
     * access policy), applied in the query so that totals count visible records only. Only live records are in
     * the index: deleting a record removes it, restoring adds it again.
     */
    Page<Hit> search(Map<String, Visibility> visible, String column, String prefix, int offset, int limit) {
        String p = prefix.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        List<String> scopes = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        int n = 0;
        for (Map.Entry<String, Visibility> v : visible.entrySet()) {
            n++;
            params.put("e" + n, v.getKey());
            List<String> any = new ArrayList<>();
            if (v.getValue().all()) {
                any.add("1 = 1");
            }
            if (!v.getValue().ownerIds().isEmpty()) {
                any.add("e.ownerId IN :o" + n);
                params.put("o" + n, v.getValue().ownerIds());
            }
            if (!v.getValue().recordIds().isEmpty()) {
                any.add("e.recordId IN :r" + n);
                params.put("r" + n, v.getValue().recordIds());
            }
            if (!any.isEmpty()) {
                scopes.add("(e.entity = :e" + n + " AND (" + String.join(" OR ", any) + "))");
            }
        }
        if (scopes.isEmpty()) {
            return new Page<>(List.of(), 0, offset, limit);
        }
        String where = " WHERE e." + column + " LIKE :p ESCAPE '\\' AND (" + String.join(" OR ", scopes) + ")";
        return Transactions.required(jpa, em -> {
            TypedQuery<PinyinEntry> select = em.createQuery("SELECT e FROM PinyinEntry e" + where
                    + " ORDER BY e.displayName, e.recordId", PinyinEntry.class);
            TypedQuery<Long> count = em.createQuery("SELECT COUNT(e) FROM PinyinEntry e" + where, Long.class);
            select.setParameter("p", "% " + p + "%");
            count.setParameter("p", "% " + p + "%");
            params.forEach((name, value) -> {
                select.setParameter(name, value);
                count.setParameter(name, value);
            });
            List<Hit> hits = new ArrayList<>();
            for (PinyinEntry e : select.setFirstResult(offset).setMaxResults(limit).getResultList()) {
                hits.add(new Hit(e.entity(), e.recordId(), e.displayName()));
            }
            return new Page<>(hits, count.getSingleResult(), offset, limit);
        });
    }

    /** The store of an entity type the index covers, if its module is enabled. */
    java.util.Optional<RecordStore<?>> store(String entity) {
        return java.util.Optional.ofNullable(stores.get(entity));
    }

    Map<String, Object> status() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("indexed", Transactions.required(jpa, em -> em.createQuery("SELECT COUNT(e) FROM PinyinEntry e", Long.class)
                .getSingleResult()));
        s.put("sources", List.copyOf(stores.keySet()));
        return s;
    }
}
