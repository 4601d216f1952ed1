package org.atriumcrm.core.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.persistence.api.JpaRecordStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings each store's tables up to the running version once per start (missing indexes, match keys of old rows:
 * see {@link JpaRecordStore#upkeep()}), on a background thread so that a large table never delays the start. A store whose
 * upkeep fails keeps working; the log says what is missing.
 */
@Component(immediate = true)
public class SchemaUpkeepRunner {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaUpkeepRunner.class);
    private final Set<String> done = ConcurrentHashMap.newKeySet();
    private final Set<JpaRecordStore<?>> bound = ConcurrentHashMap.newKeySet();
    private volatile ExecutorService worker;

    @Activate
    void activate() {
        worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "atrium-schema-upkeep");
            t.setDaemon(true);
            return t;
        });
        bound.forEach(this::schedule);
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        ExecutorService w = worker;
        worker = null;
        w.shutdown();
        w.awaitTermination(10, TimeUnit.SECONDS);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addStore(RecordStore<?> store) {
        if (store instanceof JpaRecordStore<?> jpa) {
            bound.add(jpa);
            schedule(jpa);
        }
    }

    void removeStore(RecordStore<?> store) {
        bound.remove(store); // an upkeep that ran stays done until the next start
    }

    private void schedule(JpaRecordStore<?> store) {
        ExecutorService w = worker; // null while DS binds before activation: activate() schedules those
        if (w != null && done.add(store.type().name())) {
            w.execute(() -> upkeep(store));
        }
    }

    private void upkeep(JpaRecordStore<?> store) {
        try {
            JpaRecordStore.Upkeep r = store.upkeep();
            if (!r.createdIndexes().isEmpty() || r.backfilledKeys() > 0 || !r.widenedColumns().isEmpty()) {
                LOG.info("schema upkeep of {}: created indexes {}, filled {} match keys, widened text columns {}",
                        store.type().name(), r.createdIndexes(), r.backfilledKeys(), r.widenedColumns());
            }
        } catch (RuntimeException e) {
            LOG.warn("schema upkeep of {} failed; the store works, some queries may be slower", store.type().name(), e);
        }
    }
}
