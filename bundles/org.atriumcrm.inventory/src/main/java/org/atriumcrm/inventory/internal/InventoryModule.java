package org.atriumcrm.inventory.internal;

import java.util.List;
import java.util.Set;

import org.atriumcrm.api.meta.Label;
import org.atriumcrm.api.module.EntityRef;
import org.atriumcrm.api.module.ModuleDescriptor;
import org.osgi.service.component.annotations.Component;

/** The inventory ledger: warehouses, stock movements and balances, stocktakes. */
@Component(service = ModuleDescriptor.class)
public class InventoryModule implements ModuleDescriptor {

    @Override
    public String id() {
        return InventoryTypes.MODULE;
    }

    @Override
    public Label name() {
        return Label.of("Inventory", "库存");
    }

    @Override
    public String version() {
        return "0.1.0";
    }

    @Override
    public Set<String> requires() {
        // movements are of catalog products: without the catalog nothing can be booked
        return Set.of("core", "security", "customers", "products");
    }

    @Override
    public List<EntityRef> entityTypes() {
        return InventoryTypes.REFS;
    }
}
