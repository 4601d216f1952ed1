package org.atriumcrm.inventory.internal;

import org.atriumcrm.api.module.ModuleGate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The default warehouse, created when the module first runs: documents that name no warehouse book there. */
@Component(immediate = true, service = InventorySeed.class)
public class InventorySeed {
    private static final Logger LOG = LoggerFactory.getLogger(InventorySeed.class);

    @Activate
    public InventorySeed(@Reference WarehouseStore warehouses,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + InventoryTypes.MODULE + ")") ModuleGate gate) {
        try {
            warehouses.ensureDefault();
        } catch (RuntimeException e) {
            LOG.warn("inventory: the default warehouse could not be created", e);
        }
    }
}
