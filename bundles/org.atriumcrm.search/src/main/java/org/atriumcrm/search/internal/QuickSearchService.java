package org.atriumcrm.search.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.atriumcrm.api.event.DomainEvents;
import org.atriumcrm.api.meta.EntityType;
import org.atriumcrm.api.meta.FieldDef;
import org.atriumcrm.api.query.Condition;
import org.atriumcrm.api.query.ListIndex;
import org.atriumcrm.api.query.ListQuery;
import org.atriumcrm.api.query.Operator;
import org.atriumcrm.api.query.QuickSearchIndex;
import org.atriumcrm.api.record.Record;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.record.RecordStores;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the quick-search index of every entity type with quick-search fields and answers lookups in it.
 * <ul>
 * <li>A type is indexed in full (from one cursor over its store) the first time its store appears, and again when
 * the index layout changes or an administrator asks; until then its searches scan, as without an index.</li>
 * <li>Domain events ({@code atrium/<Entity>/<ACTION>}, posted after commit) queue the record ids; one indexer thread
 * reads the queued records back in batches of up to 500 (one query per batch: the index holds what is committed,
 * whatever the event says) and puts or removes their documents.</li>
 * <li>After a restart, records modified since the last commit (less a margin) are indexed again: events lost in a
 * crash are caught up. Writes made around the platform (SQL) are found by the periodic count reconciliation.</li>
 * </ul>
 * All index writes happen on the single indexer thread, so a rebuild and event updates never interleave badly: a
 * record deleted during a rebuild leaves at most a stale document, which the store's own re-check of the search
 * filters out (the index may name too many records, never too few).
 */
@Component(service = {QuickSearchIndex.class, ListIndex.class, EventHandler.class, QuickSearchService.class}, immediate = true,
        configurationPid = QuickSearchService.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL,
        property = {EventConstants.EVENT_TOPIC + "=" + DomainEvents.TOPIC_PREFIX + "*",
            EventConstants.EVENT_TOPIC + "=" + DomainEvents.COMMITTED_TOPIC})
@Designate(ocd = SearchSettings.class)
public class QuickSearchService implements QuickSearchIndex, ListIndex, EventHandler {
    static final String PID = "org.atriumcrm.search";
    private static final Logger LOG = LoggerFactory.getLogger(QuickSearchService.class);
    private static final int BATCH = ListQuery.MAX_LIMIT;
    private static final int COMMIT_EVERY_SECONDS = 2;
    /** How long a lookup waits for queued changes of its type to reach the index (read-your-writes, bounded). */
    private static final long CATCH_UP_WAIT_MS = 1_000;
    /** Modified-at is set before commit; a record committed just before the index's last commit may carry an older time. */
    private static final long CATCH_UP_MARGIN_MS = 60_000L;
    /**
     * The index's last commit when it was opened: what a type catches up from. Not the current last commit, which the
     * types opened earlier in this run move on — a type whose store arrives late (a slow start, a module enabled
     * later) would then skip what changed before the stop.
     */
    private long committedBeforeStart;

    @Reference
    RecordStores registry;
    private volatile RecordStores.Subscription arrivals;
    private final Map<String, Set<String>> pending = new ConcurrentHashMap<>();
    private final Set<String> building = ConcurrentHashMap.newKeySet();
    private final Set<String> catchingUp = ConcurrentHashMap.newKeySet();
    private final Set<String> suspect = ConcurrentHashMap.newKeySet();
    /**
     * Per type: how many change notices were queued, and up to which of them the indexer has written. A lookup waits
     * until the second reaches what the first was when it started: every change committed before it is then in.
     */
    private final Map<String, AtomicLong> queuedSeq = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> indexedSeq = new ConcurrentHashMap<>();
    /** Per type: bumped whenever the indexer writes its documents (remembered page positions hold within one value). */
    private final Map<String, AtomicLong> written = new ConcurrentHashMap<>();
    /** Only the indexer thread reads and writes it. */
    private boolean uncommitted;
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private volatile ScheduledExecutorService indexer;
    private volatile SearchIndex index;
    private volatile SearchSettings settings;

    void addStore(RecordStore<?> store) {
        ScheduledExecutorService ex = indexer;
        if (ex != null) {
            ex.execute(() -> open(store.type().name()));
        }
    }

    private boolean hasStore(String entity) {
        return registry.byName(entity).isPresent();
    }

    private java.util.Set<String> entities() {
        return registry.all().stream().map(s -> s.type().name()).collect(java.util.stream.Collectors.toSet());
    }

    @Activate
    void activate(SearchSettings config) throws IOException {
        this.settings = config;
        Path dir = config.directory().isBlank()
                ? Paths.get(System.getProperty("karaf.data", "data"), "atrium", "search-index")
                : Paths.get(config.directory());
        this.index = new SearchIndex(dir);
        this.committedBeforeStart = index.committedAt();
        this.indexer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "atrium-search-indexer");
            t.setDaemon(true);
            return t;
        });
        arrivals = registry.onAdded(this::addStore); // the stores there are now, and each that arrives
        indexer.scheduleWithFixedDelay(this::commitChanges, COMMIT_EVERY_SECONDS, COMMIT_EVERY_SECONDS, TimeUnit.SECONDS);
        if (config.reconcileMinutes() > 0) {
            indexer.scheduleWithFixedDelay(this::reconcileAll, config.reconcileMinutes(), config.reconcileMinutes(), TimeUnit.MINUTES);
        }
        LOG.info("quick-search index at {}", dir);
    }

    @Deactivate
    void deactivate() throws IOException, InterruptedException {
        arrivals.cancel();
        ScheduledExecutorService ex = indexer;
        indexer = null; // running builds see it and stop at their next page
        // not shutdownNow(): an interrupt in the middle of Lucene's file I/O closes its channel and the writer with it
        ex.shutdown();
        ex.awaitTermination(30, TimeUnit.SECONDS);
        SearchIndex i = index;
        index = null;
        try {
            i.commit();
        } finally {
            i.close();
        }
    }

    // --- lookups ---

    @Override
    public Optional<Set<String>> candidates(String entity, String text, int limit) {
        SearchIndex i = index;
        if (i == null || text == null || !ready(entity)) {
            return Optional.empty();
        }
        try {
            if (!i.holdsAtLeast(entity, settings.indexFromRecords())) {
                return Optional.empty();
            }
            if (!awaitQueued(entity)) {
                return Optional.empty(); // changes of this type are still on their way to the index: scan, be right
            }
            i.refresh(); // cheap when nothing changed since the last search
            return i.candidates(entity, text, limit);
        } catch (IOException | RuntimeException e) {
            LOG.warn("quick-search index lookup failed; searching without it", e);
            return Optional.empty();
        }
    }

    boolean ready(String entity) {
        SearchIndex i = index;
        return i != null && hasStore(entity) && !building.contains(entity) && i.built(entity);
    }

    /**
     * Waits (bounded) until every change of {@code entity} queued before this call is in the index; false when some
     * still is not. Writes after the call do not hold it up, so lookups are not starved by a steady stream of writes.
     */
    private boolean awaitQueued(String entity) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CATCH_UP_WAIT_MS);
        long target = seq(queuedSeq, entity).get();
        while (seq(indexedSeq, entity).get() < target) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private static AtomicLong seq(Map<String, AtomicLong> seqs, String entity) {
        return seqs.computeIfAbsent(entity, e -> new AtomicLong());
    }

    @Override
    public Optional<IdPage> page(String entity, ListQuery query) {
        SearchIndex i = index;
        RecordStore<?> store = registry.byName(entity).orElse(null);
        if (i == null || store == null || !ready(entity)) {
            return Optional.empty();
        }
        try {
            Optional<ListFields.Translated> translated = ListFields.translate(store.type(), query, i.analyzer());
            if (translated.isEmpty() || !i.holdsAtLeast(entity, settings.indexFromRecords())) {
                return Optional.empty();
            }
            if (!awaitQueued(entity)) {
                return Optional.empty(); // changes of this type are still on their way to the index: the database answers
            }
            // the version before the refresh: positions remembered under it were seen on at least its writes
            long stamp = seq(written, entity).get();
            i.refresh();
            return Optional.of(i.page(entity, translated.get().query(), translated.get().sort(), query.offset(),
                    query.limit(), query.countLimit(), stamp));
        } catch (IOException | RuntimeException e) {
            LOG.warn("list index lookup failed; listing from the database", e);
            return Optional.empty();
        }
    }

    /** Per indexed type: documents, whether searches use the index, whether it is being rebuilt. */
    public Map<String, Map<String, Object>> status() throws IOException {
        Map<String, Map<String, Object>> all = new LinkedHashMap<>();
        SearchIndex i = index;
        if (i != null) {
            i.refresh();
        }
        for (String entity : entities().stream().sorted().toList()) {
            Map<String, Object> s = new LinkedHashMap<>();
            int documents = i == null ? 0 : i.count(entity);
            s.put("documents", documents);
            s.put("built", i != null && i.built(entity));
            s.put("building", building.contains(entity));
            s.put("queued", pending.getOrDefault(entity, Set.of()).size());
            s.put("catchingUp", catchingUp.contains(entity));
            s.put("used", ready(entity) && documents >= settings.indexFromRecords());
            all.put(entity, s);
        }
        return all;
    }

    /** The size from which searches of a type use the index (configuration). */
    public int indexFromRecords() {
        return settings.indexFromRecords();
    }

    /** Schedules a full rebuild of {@code entity} (every indexed type when null); false when there is no such type. */
    public boolean rebuild(String entity) {
        ScheduledExecutorService ex = indexer;
        if (ex == null || (entity != null && !hasStore(entity))) {
            return false;
        }
        for (String e : entity == null ? List.copyOf(entities()) : List.of(entity)) {
            building.add(e);
            ex.execute(() -> build(e));
        }
        return true;
    }

    // --- events ---

    @Override
    public void handleEvent(Event event) {
        if (DomainEvents.COMMITTED_TOPIC.equals(event.getTopic())) {
            committed(event);
            return;
        }
        Object entity = event.getProperty(DomainEvents.ENTITY);
        Object id = event.getProperty(DomainEvents.ID);
        if (entity == null || id == null || !hasStore(entity.toString())) {
            return;
        }
        pending.computeIfAbsent(entity.toString(), e -> ConcurrentHashMap.newKeySet()).add(id.toString());
        ScheduledExecutorService ex = indexer;
        if (ex != null && drainScheduled.compareAndSet(false, true)) {
            ex.execute(this::drain);
        }
    }

    /** A store's synchronous notice after a commit: queue the ids, count the notice, return at once. */
    private void committed(Event event) {
        Object entity = event.getProperty(DomainEvents.ENTITY);
        Object ids = event.getProperty(DomainEvents.IDS);
        if (!(entity instanceof String e) || !(ids instanceof String[] list) || !hasStore(e)) {
            return;
        }
        // queued before counted: whoever waits for this count finds the ids already in the queue
        pending.computeIfAbsent(e, x -> ConcurrentHashMap.newKeySet()).addAll(java.util.Arrays.asList(list));
        seq(queuedSeq, e).incrementAndGet();
        ScheduledExecutorService ex = indexer;
        if (ex != null && drainScheduled.compareAndSet(false, true)) {
            ex.execute(this::drain);
        }
    }

    /**
     * Commits what the events changed, at most every {@value #COMMIT_EVERY_SECONDS} seconds: a commit per event
     * (an fsync each) halved the rate of single creates. What a crash loses since the last commit is caught up at
     * the next start (records modified since then).
     */
    private void commitChanges() {
        if (!uncommitted || index == null) {
            return;
        }
        uncommitted = false;
        try {
            index.commit();
        } catch (IOException | RuntimeException e) {
            uncommitted = true;
            LOG.warn("quick-search index: commit failed; trying again", e);
        }
    }

    /** Indexes what the events queued, batch by batch. */
    private void drain() {
        drainScheduled.set(false);
        boolean wrote = false;
        try {
            for (Map.Entry<String, Set<String>> e : pending.entrySet()) {
                RecordStore<?> store = registry.byName(e.getKey()).orElse(null);
                // every notice counted by now has its ids in the queue: once the queue was empty, they are indexed
                long upTo = seq(queuedSeq, e.getKey()).get();
                while (store != null && !e.getValue().isEmpty()) {
                    List<String> ids = new ArrayList<>(BATCH);
                    for (Iterator<String> it = e.getValue().iterator(); it.hasNext() && ids.size() < BATCH;) {
                        ids.add(it.next());
                    }
                    // taken off the queue before the records are read: an event arriving meanwhile queues its record again
                    ids.forEach(e.getValue()::remove);
                    reindex(store, ids);
                    wrote = true;
                }
                if (store != null) {
                    seq(indexedSeq, e.getKey()).accumulateAndGet(upTo, Math::max);
                }
            }
            if (wrote) {
                uncommitted = true; // searches see the change at once (they refresh); the commit comes within seconds
            }
        } catch (IOException | RuntimeException ex) {
            LOG.warn("quick-search index update failed; its types are rebuilt", ex);
            pending.keySet().forEach(this::rebuild);
        }
    }

    /** Puts the live records among {@code ids} and removes the others (deleted, purged, merged away). */
    /**
     * The version each recently indexed record was indexed at (indexer thread only). A record written through a store
     * is queued twice — by the store's synchronous notice after its commit and by its domain event a moment later —
     * and writing its document the second time deleted the first: during an import nearly half of the index's
     * documents were deleted ones, in small segments, which every search of a fresh index walked.
     */
    private final Map<String, Long> indexedVersions = new java.util.LinkedHashMap<>(1 << 16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > 200_000;
        }
    };

    private <T extends Record> void reindex(RecordStore<T> store, List<String> ids) throws IOException {
        EntityType<T> type = store.type();
        Map<String, T> records = new HashMap<>();
        // one primary-key find per record (just written, so mostly from EclipseLink's cache): a query with
        // "id in (500 ids)" was planned by Derby as a scan and sort of the whole table, whatever its order (thread
        // dumps during a 1M import: SortResultSet.loadSorter; the index fell 330,000 changes behind)
        for (String id : ids) {
            store.find(id).ifPresent(r -> records.put(r.getId(), r));
        }
        for (String id : ids) {
            T record = records.get(id);
            String key = type.name() + ":" + id;
            if (record != null) {
                Long indexed = indexedVersions.get(key);
                if (indexed == null || indexed != record.getVersion()) {
                    index.put(type, record, values(type, record));
                    indexedVersions.put(key, record.getVersion());
                }
            } else {
                index.remove(type.name(), id);
                indexedVersions.remove(key);
            }
        }
        seq(written, type.name()).incrementAndGet(); // after the writes: see page()
    }

    private static <T extends Record> List<String> values(EntityType<T> type, T record) {
        List<String> values = new ArrayList<>(4);
        for (FieldDef<T> f : type.searchableFields()) {
            Object v = f.get(record);
            if (v != null) {
                values.add(v.toString());
            }
        }
        return values;
    }

    // --- building and reconciling ---

    /** A store appeared: build its type, or catch up on what the index may have missed while it was down. */
    private void open(String entity) {
        RecordStore<?> store = registry.byName(entity).orElse(null);
        if (store == null) {
            return;
        }
        if (!index.built(entity)) {
            build(entity);
            return;
        }
        catchingUp.add(entity);
        try {
            Instant since = Instant.ofEpochMilli(committedBeforeStart - CATCH_UP_MARGIN_MS);
            int n = indexAll(store, List.of(new Condition("modifiedAt", Operator.GE, List.of(since))), true);
            index.commit();
            LOG.info("quick-search index: {} caught up ({} records modified since {} were not in it)", entity, n, since);
            reconcile(entity);
        } catch (IOException | RuntimeException e) {
            LOG.warn("quick-search index: catching up on {} failed; rebuilding it", entity, e);
            build(entity);
        } finally {
            catchingUp.remove(entity);
        }
    }

    /**
     * Indexes every live record of {@code entity} again, from one cursor in the store's default order (an index walk:
     * pages in id order made Derby sort the whole table for each page); its searches scan until it is done. Queued
     * changes of other types wait for the build; their searches scan meanwhile too (they wait for nothing).
     */
    private void build(String entity) {
        RecordStore<?> store = registry.byName(entity).orElse(null);
        if (store == null || index == null) {
            building.remove(entity);
            return;
        }
        building.add(entity);
        long started = System.nanoTime();
        try {
            index.markBuilt(entity, false);
            index.removeAll(entity);
            indexedVersions.clear();
            int n = indexAll(store, List.of(), false);
            index.markBuilt(entity, true);
            index.commit();
            suspect.remove(entity);
            LOG.info("quick-search index: {} built, {} records in {} ms", entity, n, (System.nanoTime() - started) / 1_000_000);
        } catch (IOException | RuntimeException e) {
            LOG.error("quick-search index: building {} failed; its searches scan the table", entity, e);
        } finally {
            building.remove(entity);
        }
    }

    /**
     * Puts every live record matching {@code where}, read from one cursor; stops when the service stops. With
     * {@code onlyMissed}, a record whose document already holds its modification time is left as it is (after a
     * restart right after an import, most of what the margin takes in again is there already).
     */
    private <T extends Record> int indexAll(RecordStore<T> store, List<Condition> where, boolean onlyMissed) throws IOException {
        EntityType<T> type = store.type();
        int[] n = {0};
        IOException[] failure = {null};
        store.forEach(new ListQuery(0, BATCH, List.of(), null, where), r -> {
            if (failure[0] != null || indexer == null) {
                return;
            }
            try {
                if (onlyMissed && r.getModifiedAt() != null && index.holds(type.name(), r.getId(), r.getModifiedAt())) {
                    return;
                }
                index.put(type, r, values(type, r));
                n[0]++;
            } catch (IOException e) {
                failure[0] = e;
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
        if (indexer == null) {
            throw new IllegalStateException("stopped while indexing " + type.name());
        }
        seq(written, type.name()).incrementAndGet();
        return n[0];
    }

    private void reconcileAll() {
        entities().forEach(this::reconcile);
    }

    /**
     * Compares the documents of {@code entity} with its live records. A difference seen twice in a row (the first
     * may be changes in flight) rebuilds the type: records were written or deleted around the platform.
     */
    private void reconcile(String entity) {
        RecordStore<?> store = registry.byName(entity).orElse(null);
        if (store == null || !index.built(entity) || !pending.getOrDefault(entity, Set.of()).isEmpty()) {
            return;
        }
        try {
            index.refresh();
            long records = store.count();
            int documents = index.count(entity);
            if (records == documents) {
                suspect.remove(entity);
            } else if (!suspect.add(entity)) {
                LOG.warn("quick-search index: {} has {} documents for {} records; rebuilding it", entity, documents, records);
                build(entity);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("quick-search index: reconciling {} failed", entity, e);
        }
    }
}
