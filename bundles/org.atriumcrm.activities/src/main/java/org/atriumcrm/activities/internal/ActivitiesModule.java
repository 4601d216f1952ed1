package org.atriumcrm.activities.internal;

import java.util.List;
import java.util.Set;

import org.atriumcrm.api.meta.Label;
import org.atriumcrm.api.module.EntityRef;
import org.atriumcrm.api.module.ModuleDescriptor;
import org.osgi.service.component.annotations.Component;

@Component(service = ModuleDescriptor.class)
public class ActivitiesModule implements ModuleDescriptor {

    @Override
    public String id() {
        return ActivityTypes.MODULE;
    }

    @Override
    public Label name() {
        return Label.of("Activities and calendar", "活动与日程");
    }

    @Override
    public String version() {
        return "0.1.0";
    }

    @Override
    public Set<String> requires() {
        // the records an activity concerns belong to any module (plugins' too) and are referenced by entity name and
        // id, so only the platform modules are required
        return Set.of("core", "security", "customers");
    }

    @Override
    public List<EntityRef> entityTypes() {
        return ActivityTypes.REFS;
    }
}
