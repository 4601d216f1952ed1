package org.atriumcrm.connectors.internal;

import java.util.Optional;

import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.connectors.api.ConnectorConfig;
import org.atriumcrm.connectors.api.ConnectorDirectory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The connectors for the modules that serve them: read from the store (its shared cache answers repeated reads). */
@Component(service = ConnectorDirectory.class)
public class ConnectorDirectoryService implements ConnectorDirectory {
    private final ConnectorStore store;

    @Activate
    public ConnectorDirectoryService(@Reference ConnectorStore store,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + ConnectorTypes.MODULE + ")") ModuleGate gate) {
        this.store = store;
    }

    @Override
    public Optional<ConnectorConfig> find(String id) {
        Connector c = id == null ? null : store.connector(id);
        return c == null || c.isDeleted() ? Optional.empty() : Optional.of(store.config(c));
    }

    @Override
    public java.util.List<ConnectorConfig> activeOfType(String type) {
        return store.active().stream().filter(c -> c.getType().equals(type)).map(store::config).toList();
    }

    @Override
    public String ownerId(String id) {
        Connector c = id == null ? null : store.connector(id);
        return c == null || c.isDeleted() ? null : c.getOwnerId();
    }

    @Override
    public boolean active(String id) {
        Connector c = id == null ? null : store.connector(id);
        return c != null && c.isActive();
    }
}
