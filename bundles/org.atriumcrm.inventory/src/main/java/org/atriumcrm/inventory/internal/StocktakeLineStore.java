package org.atriumcrm.inventory.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.error.FieldError;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.commerce.api.Amounts;
import org.atriumcrm.commerce.api.Catalog;
import org.atriumcrm.persistence.api.JpaRecordStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.EventAdmin;

/**
 * Count lines: one per product on a draft stocktake; entering or changing the counted quantity captures the
 * system quantity of that moment, so that the posted difference is what the count found, not what moved since.
 */
@Component(service = RecordStore.class, property = RecordStore.ENTITY_PROPERTY + "=StocktakeLine")
public class StocktakeLineStore extends JpaRecordStore<StocktakeLine> {
    private final Catalog catalog;

    @Activate
    public StocktakeLineStore(@Reference(target = "(osgi.unit.name=" + InventoryTypes.UNIT + ")") JpaTemplate jpa, @Reference EventAdmin events,
            @Reference Catalog catalog,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + InventoryTypes.MODULE + ")") ModuleGate gate) {
        super(InventoryTypes.STOCKTAKE_LINE, jpa, events, InventoryTypes.ALL);
        this.catalog = catalog;
    }

    @Override
    protected void beforeCreate(EntityManager em, StocktakeLine l, Caller caller) {
        Stocktake s = sheet(em, l);
        StocktakeStore.requireDraft(s, "counted on");
        capture(em, l, s);
    }

    @Override
    protected void beforeUpdate(EntityManager em, StocktakeLine l, Set<String> changed, Caller caller) {
        Stocktake s = sheet(em, l);
        StocktakeStore.requireDraft(s, "counted on");
        if (changed.contains("stocktakeId")) {
            throw AtriumException.invalid("stocktakeId", "line-stays-with-document", "a count line stays on its stocktake");
        }
        capture(em, l, s);
    }

    @Override
    public void delete(String id, Long expectedVersion, Caller caller) {
        tx(em -> {
            StocktakeLine l = em.find(StocktakeLine.class, id);
            if (l != null && !l.isDeleted()) {
                StocktakeStore.requireDraft(sheet(em, l), "changed");
            }
            return null;
        });
        super.delete(id, expectedVersion, caller);
    }

    private static Stocktake sheet(EntityManager em, StocktakeLine l) {
        Stocktake s = em.find(Stocktake.class, l.getStocktakeId());
        if (s == null || s.isDeleted()) {
            throw AtriumException.invalid("stocktakeId", "reference-not-found", "no Stocktake with id " + l.getStocktakeId(), "Stocktake",
                    l.getStocktakeId());
        }
        return s;
    }

    private void capture(EntityManager em, StocktakeLine l, Stocktake s) {
        List<FieldError> errors = new ArrayList<>();
        if (l.getCountedQuantity().signum() < 0) {
            errors.add(new FieldError("countedQuantity", "must not be negative"));
        } else if (l.getCountedQuantity().stripTrailingZeros().scale() > Amounts.MAX_SCALE) {
            errors.add(FieldError.of("countedQuantity", "decimal-places", "has more than " + Amounts.MAX_SCALE + " decimal places", Amounts.MAX_SCALE));
        }
        Catalog.Item item = catalog.item(l.getProductId()).orElse(null);
        if (item == null) {
            errors.add(FieldError.of("productId", "reference-not-found", "no Product with id " + l.getProductId(), "Product", l.getProductId()));
        } else if (!item.stocked()) {
            errors.add(FieldError.of("productId", "not-stocked", item.sku() + " " + item.name() + " is not kept in stock", item.sku(), item.name()));
        }
        if (!errors.isEmpty()) {
            throw AtriumException.validation(errors);
        }
        long same = em.createQuery("SELECT COUNT(l) FROM StocktakeLine l WHERE l.stocktakeId = :s AND l.productId = :p AND l.id <> :id"
                + " AND l.deletedAt IS NULL", Long.class).setParameter("s", s.getId()).setParameter("p", l.getProductId())
                .setParameter("id", l.getId()).getSingleResult();
        if (same > 0) {
            throw AtriumException.conflict("duplicate-count-line", item.sku() + " is counted on this stocktake already: change that line")
                    .localized("duplicate-count-line", item.sku());
        }
        l.setSystemQuantity(LedgerService.onHand(em, l.getProductId(), s.getWarehouseId()));
        l.setDifference(l.getCountedQuantity().subtract(l.getSystemQuantity()));
    }
}
