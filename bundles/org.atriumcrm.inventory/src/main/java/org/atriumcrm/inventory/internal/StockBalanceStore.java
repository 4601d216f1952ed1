package org.atriumcrm.inventory.internal;

import java.util.List;
import java.util.Map;

import org.apache.aries.jpa.template.JpaTemplate;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.inventory.api.StockBalance;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.EventAdmin;

/** On hand per product and warehouse, as lists and records; the ledger alone changes them. */
@Component(service = RecordStore.class, property = RecordStore.ENTITY_PROPERTY + "=StockBalance")
public class StockBalanceStore extends ReadOnlyRecords<StockBalance> {

    @Activate
    public StockBalanceStore(@Reference(target = "(osgi.unit.name=" + InventoryTypes.UNIT + ")") JpaTemplate jpa, @Reference EventAdmin events,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + InventoryTypes.MODULE + ")") ModuleGate gate) {
        super(InventoryTypes.BALANCE, jpa, events, InventoryTypes.ALL);
    }

    @Override
    public StockBalance create(Map<String, Object> values, Caller caller) {
        throw refused();
    }
}
