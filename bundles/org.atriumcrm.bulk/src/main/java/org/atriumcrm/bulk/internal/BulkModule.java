package org.atriumcrm.bulk.internal;

import java.util.List;
import java.util.Set;

import org.atriumcrm.api.meta.Label;
import org.atriumcrm.api.module.EntityRef;
import org.atriumcrm.api.module.ModuleDescriptor;
import org.osgi.service.component.annotations.Component;

/** Bulk data: imports from CSV/Excel and mass operations, as background jobs. */
@Component(service = ModuleDescriptor.class)
public class BulkModule implements ModuleDescriptor {
    static final String ID = "bulk";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Label name() {
        return Label.of("Bulk data", "批量数据");
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
        return List.of();
    }
}
