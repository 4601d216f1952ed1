package org.atriumcrm.security.internal;

import java.util.Set;

import org.atriumcrm.api.meta.Label;
import org.atriumcrm.api.module.ModuleDescriptor;
import org.osgi.service.component.annotations.Component;

/** Users and authentication: a platform module. */
@Component(service = ModuleDescriptor.class)
public class SecurityModule implements ModuleDescriptor {

    @Override
    public String id() {
        return "security";
    }

    @Override
    public Label name() {
        return Label.of("Users and security", "用户与安全");
    }

    @Override
    public String version() {
        return "0.1.0";
    }

    @Override
    public Set<String> requires() {
        return Set.of("core");
    }

    @Override
    public boolean platform() {
        return true;
    }
}
