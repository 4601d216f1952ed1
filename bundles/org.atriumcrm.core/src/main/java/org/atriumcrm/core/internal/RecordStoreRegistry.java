package org.atriumcrm.core.internal;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.record.RecordStores;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one {@link RecordStores}: follows every {@link RecordStore} service. Several stores of one entity are kept
 * ranked, so that when the serving one leaves the next serves at once (a map keyed by name would lose both).
 * <p>
 * Immediate, so that it exists from the start of the bundle and is never created on demand: stores take services
 * that take this registry in their constructors (e.g. the mail module's), and a registry created while such a store
 * is being constructed would bind every store, that one included — Felix refuses that as a service-factory cycle and
 * the store is lost until its module is switched off and on (seen once on a first start).
 */
@Component(service = RecordStores.class, immediate = true)
public class RecordStoreRegistry implements RecordStores {
    private static final Logger LOG = LoggerFactory.getLogger(RecordStoreRegistry.class);

    private record Entry(RecordStore<?> store, int ranking, long serviceId) {
    }

    private static final Comparator<Entry> BEST_FIRST = Comparator.comparingInt(Entry::ranking).reversed()
            .thenComparingLong(Entry::serviceId);

    private final Map<String, List<Entry>> byName = new ConcurrentHashMap<>();
    private final List<Consumer<RecordStore<?>>> listeners = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addStore(RecordStore<?> store, Map<String, Object> properties) {
        int ranking = properties.get(Constants.SERVICE_RANKING) instanceof Integer r ? r : 0;
        long id = properties.get(Constants.SERVICE_ID) instanceof Long l ? l : 0L;
        byName.compute(store.type().name(), (name, entries) -> {
            List<Entry> list = entries == null ? new CopyOnWriteArrayList<>() : entries;
            list.add(new Entry(store, ranking, id));
            list.sort(BEST_FIRST);
            return list;
        });
        for (Consumer<RecordStore<?>> listener : listeners) {
            try {
                listener.accept(store);
            } catch (RuntimeException e) {
                LOG.warn("a listener failed on the arrival of the {} store", store.type().name(), e);
            }
        }
    }

    void removeStore(RecordStore<?> store, Map<String, Object> properties) {
        byName.computeIfPresent(store.type().name(), (name, entries) -> {
            entries.removeIf(e -> e.store() == store);
            return entries.isEmpty() ? null : entries;
        });
    }

    @Override
    public Optional<RecordStore<?>> byName(String entityName) {
        if (entityName == null) {
            return Optional.empty();
        }
        List<Entry> entries = byName.get(entityName);
        return entries == null ? Optional.empty() : entries.stream().findFirst().map(Entry::store);
    }

    @Override
    public Optional<RecordStore<?>> byPlural(String plural) {
        if (plural == null) {
            return Optional.empty();
        }
        return all().stream().filter(s -> plural.equals(s.type().plural())).findFirst();
    }

    @Override
    public Collection<RecordStore<?>> all() {
        return byName.values().stream().flatMap(entries -> entries.stream().findFirst().stream()).<RecordStore<?>>map(Entry::store)
                .toList();
    }

    @Override
    public Subscription onAdded(Consumer<RecordStore<?>> added) {
        listeners.add(added);
        all().forEach(added);
        return () -> listeners.remove(added);
    }
}
