package org.atriumcrm.connectors.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.atriumcrm.connectors.api.ConnectorType;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/** The connector types registered now (a type goes with its module); listeners hear of every change. */
@Component(service = ConnectorTypeRegistry.class)
public class ConnectorTypeRegistry {
    private final Map<String, ConnectorType> types = new ConcurrentHashMap<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addType(ConnectorType type) {
        types.put(type.id(), type);
        listeners.forEach(Runnable::run);
    }

    void removeType(ConnectorType type) {
        types.remove(type.id(), type);
        listeners.forEach(Runnable::run);
    }

    Optional<ConnectorType> find(String id) {
        return Optional.ofNullable(id == null ? null : types.get(id));
    }

    List<String> ids() {
        return types.keySet().stream().sorted().toList();
    }

    void listen(Runnable listener) {
        listeners.add(listener);
    }

    void unlisten(Runnable listener) {
        listeners.remove(listener);
    }
}
