package org.atriumcrm.purchasing.internal;

import java.util.List;
import java.util.Set;

import org.atriumcrm.api.meta.Label;
import org.atriumcrm.api.module.EntityRef;
import org.atriumcrm.api.module.ModuleDescriptor;
import org.osgi.service.component.annotations.Component;

/** Purchasing: vendors, purchase orders with approval, goods receipts that book stock. */
@Component(service = ModuleDescriptor.class)
public class PurchasingModule implements ModuleDescriptor {

    @Override
    public String id() {
        return PurchasingTypes.MODULE;
    }

    @Override
    public Label name() {
        return Label.of("Purchasing", "采购");
    }

    @Override
    public String version() {
        return "0.1.0";
    }

    @Override
    public Set<String> requires() {
        // orders are of catalog products, receipts book on the inventory ledger
        return Set.of("core", "security", "customers", "products", "inventory");
    }

    @Override
    public List<EntityRef> entityTypes() {
        return PurchasingTypes.REFS;
    }
}
