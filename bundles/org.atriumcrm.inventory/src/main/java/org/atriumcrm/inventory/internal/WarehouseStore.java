package org.atriumcrm.inventory.internal;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.persistence.api.JpaRecordStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.EventAdmin;

/** Warehouses: codes unique among live ones; the default one, and one that still holds stock, stay active. */
@Component(service = {RecordStore.class, WarehouseStore.class}, property = RecordStore.ENTITY_PROPERTY + "=Warehouse")
public class WarehouseStore extends JpaRecordStore<Warehouse> {

    @Activate
    public WarehouseStore(@Reference(target = "(osgi.unit.name=" + InventoryTypes.UNIT + ")") JpaTemplate jpa, @Reference EventAdmin events,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + InventoryTypes.MODULE + ")") ModuleGate gate) {
        super(InventoryTypes.WAREHOUSE, jpa, events, InventoryTypes.ALL);
    }

    /** Creates the default warehouse when there is none (the first start); its id. */
    String ensureDefault() {
        String existing = tx(em -> em.createQuery("SELECT w.id FROM Warehouse w WHERE w.defaultWarehouse = TRUE AND w.deletedAt IS NULL",
                String.class).setMaxResults(1).getResultList()).stream().findFirst().orElse(null);
        if (existing != null) {
            return existing;
        }
        Warehouse created = create(Map.of("code", "MAIN", "name", "总仓 Main warehouse"), Caller.SYSTEM);
        // through the entity, not a bulk UPDATE: warehouses stay in the shared cache (every booking reads one), and a
        // bulk UPDATE could be undone there by a reader's copy taken before it
        updateBySystem(created.getId(), Caller.SYSTEM, w -> w.setDefaultWarehouse(true), "defaultWarehouse");
        return created.getId();
    }

    @Override
    protected void beforeCreate(EntityManager em, Warehouse w, Caller caller) {
        if (w.getActive() == null) {
            w.setActive(true);
        }
        w.setDefaultWarehouse(false);
        uniqueCode(em, w);
    }

    @Override
    protected void beforeUpdate(EntityManager em, Warehouse w, Set<String> changed, Caller caller) {
        if (changed.contains("code")) {
            uniqueCode(em, w);
        }
        if (changed.contains("active") && !Boolean.TRUE.equals(w.getActive())) {
            mayClose(em, w, "deactivated");
        }
    }

    @Override
    public void delete(String id, Long expectedVersion, Caller caller) {
        tx(em -> {
            Warehouse w = em.find(Warehouse.class, id);
            if (w != null && !w.isDeleted()) {
                mayClose(em, w, "deleted");
            }
            return null;
        });
        super.delete(id, expectedVersion, caller);
    }

    private static void uniqueCode(EntityManager em, Warehouse w) {
        long same = em.createQuery("SELECT COUNT(w) FROM Warehouse w WHERE UPPER(w.code) = :c AND w.id <> :id AND w.deletedAt IS NULL", Long.class)
                .setParameter("c", w.getCode().toUpperCase(java.util.Locale.ROOT)).setParameter("id", w.getId() == null ? "" : w.getId())
                .getSingleResult();
        if (same > 0) {
            throw AtriumException.conflict("duplicate-code", "another warehouse has the code " + w.getCode()).localized("duplicate-warehouse-code", w.getCode());
        }
    }

    private static void mayClose(EntityManager em, Warehouse w, String how) {
        if (Boolean.TRUE.equals(w.getDefaultWarehouse())) {
            throw AtriumException.conflict("default-warehouse", "warehouse " + w.getCode() + " is the default warehouse and cannot be " + how)
                    .localized("default-warehouse", w.getCode(), how);
        }
        Long holding = em.createQuery("SELECT COUNT(b) FROM StockBalance b WHERE b.warehouseId = :w AND b.onHand <> :zero", Long.class)
                .setParameter("w", w.getId()).setParameter("zero", BigDecimal.ZERO).getSingleResult();
        if (holding > 0) {
            throw AtriumException.conflict("warehouse-holds-stock", "warehouse " + w.getCode() + " still holds stock of " + holding
                    + " products: move or adjust it to 0 before it is " + how).localized("warehouse-holds-stock", w.getCode(), holding, how);
        }
    }
}
