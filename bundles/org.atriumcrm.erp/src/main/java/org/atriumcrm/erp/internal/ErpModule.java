package org.atriumcrm.erp.internal;

import java.util.List;
import java.util.Set;

import org.atriumcrm.api.meta.Label;
import org.atriumcrm.api.module.EntityRef;
import org.atriumcrm.api.module.ModuleDescriptor;
import org.osgi.service.component.annotations.Component;

/** ERP sync: file exchange, Odoo and generic JSON connectors; the outbox to the ERP, what it sends in, reconciliation. */
@Component(service = ModuleDescriptor.class)
public class ErpModule implements ModuleDescriptor {

    @Override
    public String id() {
        return ErpTypes.MODULE;
    }

    @Override
    public Label name() {
        return Label.of("ERP sync", "ERP 对接");
    }

    @Override
    public String version() {
        return "0.1.0";
    }

    @Override
    public Set<String> requires() {
        return Set.of("core", "security", "customers", "connectors", "products", "orders");
    }

    @Override
    public List<EntityRef> entityTypes() {
        return ErpTypes.REFS;
    }
}
