package org.atriumcrm.commerce.internal;

import java.util.List;
import java.util.Set;

import org.atriumcrm.api.meta.Label;
import org.atriumcrm.api.module.EntityRef;
import org.atriumcrm.api.module.ModuleDescriptor;
import org.osgi.service.component.annotations.Component;

/** Order to cash, shared: the approval rules every order-to-cash document is routed by. */
@Component(service = ModuleDescriptor.class)
public class CommerceModule implements ModuleDescriptor {

    @Override
    public String id() {
        return CommerceTypes.MODULE;
    }

    @Override
    public Label name() {
        return Label.of("Order to cash", "订单到收款");
    }

    @Override
    public String version() {
        return "0.1.0";
    }

    @Override
    public Set<String> requires() {
        return Set.of("core", "security", "customers");
    }

    @Override
    public List<EntityRef> entityTypes() {
        return CommerceTypes.REFS;
    }
}
