package org.atriumcrm.customers.internal;

import java.util.List;
import java.util.Set;

import org.atriumcrm.api.meta.Label;
import org.atriumcrm.api.module.EntityRef;
import org.atriumcrm.api.module.ModuleDescriptor;
import org.osgi.service.component.annotations.Component;

/** Accounts and contacts: part of the platform, every other business module builds on it. */
@Component(service = ModuleDescriptor.class)
public class CustomersModule implements ModuleDescriptor {

    @Override
    public String id() {
        return CustomerTypes.MODULE;
    }

    @Override
    public Label name() {
        return Label.of("Customers and contacts", "客户与联系人");
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
    public boolean platform() {
        return true;
    }

    @Override
    public List<EntityRef> entityTypes() {
        return CustomerTypes.REFS;
    }
}
