package org.atriumcrm.connectors.internal;

import java.util.List;
import java.util.Set;

import org.atriumcrm.api.meta.Label;
import org.atriumcrm.api.module.EntityRef;
import org.atriumcrm.api.module.ModuleDescriptor;
import org.osgi.service.component.annotations.Component;

/** Connectors to ERPs and online shops; the types come from the ERP and shop modules and from plugins. */
@Component(service = ModuleDescriptor.class)
public class ConnectorsModule implements ModuleDescriptor {

    @Override
    public String id() {
        return ConnectorTypes.MODULE;
    }

    @Override
    public Label name() {
        return Label.of("Connectors (ERP and shops)", "连接器（ERP 与网店）");
    }

    @Override
    public String version() {
        return "0.1.0";
    }

    @Override
    public Set<String> requires() {
        return Set.of("core", "security");
    }

    @Override
    public List<EntityRef> entityTypes() {
        return ConnectorTypes.REFS;
    }
}
