package org.atriumcrm.core.internal;

import org.atriumcrm.api.meta.Label;
import org.atriumcrm.api.module.ModuleDescriptor;
import org.osgi.service.component.annotations.Component;

/** The platform core: module registry, metadata, REST conventions. */
@Component(service = ModuleDescriptor.class)
public class CoreModule implements ModuleDescriptor {

    @Override
    public String id() {
        return "core";
    }

    @Override
    public Label name() {
        return Label.of("Platform core", "平台核心");
    }

    @Override
    public String version() {
        return "0.1.0";
    }

    @Override
    public boolean platform() {
        return true;
    }
}
