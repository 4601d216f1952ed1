package org.atriumcrm.purchasing.internal;

import java.math.BigDecimal;
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
import org.atriumcrm.commerce.api.Catalog;
import org.atriumcrm.persistence.api.JpaRecordStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.EventAdmin;

/**
 * Lines of draft purchase orders: an active stocked product, quantity &gt; 0, unit cost and tax rate defaulting to the
 * product's; every add, change and removal recomputes the order's totals in the same transaction, its row locked.
 */
@Component(service = {RecordStore.class, PurchaseOrderLineStore.class}, property = RecordStore.ENTITY_PROPERTY + "=PurchaseOrderLine")
public class PurchaseOrderLineStore extends JpaRecordStore<PurchaseOrderLine> {
    private final Catalog catalog;

    @Activate
    public PurchaseOrderLineStore(@Reference(target = "(osgi.unit.name=" + PurchasingTypes.UNIT + ")") JpaTemplate jpa, @Reference EventAdmin events,
            @Reference Catalog catalog,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + PurchasingTypes.MODULE + ")") ModuleGate gate) {
        super(PurchasingTypes.ORDER_LINE, jpa, events, PurchasingTypes.ALL);
        this.catalog = catalog;
    }

    @Override
    protected void beforeCreate(EntityManager em, PurchaseOrderLine l, Caller caller) {
        l.setReceivedQuantity(BigDecimal.ZERO);
        changed(em, l, true);
    }

    @Override
    protected void beforeUpdate(EntityManager em, PurchaseOrderLine l, Set<String> changed, Caller caller) {
        if (changed.contains("purchaseOrderId")) {
            throw AtriumException.invalidField("purchaseOrderId", "a line stays on its purchase order");
        }
        changed(em, l, changed.contains("productId"));
    }

    @Override
    public void delete(String id, Long expectedVersion, Caller caller) {
        tx(em -> {
            PurchaseOrderLine l = em.find(PurchaseOrderLine.class, id);
            if (l == null || l.isDeleted()) {
                throw AtriumException.notFound("no PurchaseOrderLine with id " + id).localized("record-not-found", "PurchaseOrderLine", id);
            }
            PurchaseOrder po = PurchaseOrderStore.locked(em, l.getPurchaseOrderId());
            PurchaseOrderStore.requireStatus(po, "changed", PurchasingTypes.DRAFT);
            super.delete(id, expectedVersion, caller); // joins this transaction
            List<PurchaseOrderLine> rest = new ArrayList<>(PurchaseOrderStore.lines(em, po.getId()));
            rest.removeIf(x -> x.getId().equals(id));
            PurchaseOrderStore.totals(em, po, rest);
            return null;
        });
    }

    private void changed(EntityManager em, PurchaseOrderLine l, boolean productChanged) {
        PurchaseOrder po = PurchaseOrderStore.locked(em, l.getPurchaseOrderId());
        PurchaseOrderStore.requireStatus(po, "changed", PurchasingTypes.DRAFT);
        Catalog.Item item = catalog.item(l.getProductId()).orElse(null);
        List<FieldError> errors = new ArrayList<>();
        if (item == null) {
            errors.add(FieldError.of("productId", "reference-not-found", "no Product with id " + l.getProductId(), "Product", l.getProductId()));
        } else if (!item.active()) {
            errors.add(new FieldError("productId", item.sku() + " " + item.name() + " is not active"));
        } else if (!item.stocked()) {
            errors.add(new FieldError("productId", item.sku() + " " + item.name() + " is not kept in stock and cannot be received"));
        }
        if (!errors.isEmpty()) {
            throw AtriumException.validation(errors);
        }
        if (l.getUnitCost() == null || productChanged && l.getUnitCost() == null) {
            if (item.cost() == null) {
                throw AtriumException.invalidField("unitCost", item.sku() + " has no cost price: give the unit cost");
            }
            l.setUnitCost(item.cost());
        }
        if (l.getTaxRate() == null) {
            l.setTaxRate(item.taxRate() == null ? BigDecimal.ZERO : item.taxRate());
        }
        List<PurchaseOrderLine> lines = new ArrayList<>(PurchaseOrderStore.lines(em, po.getId()));
        lines.removeIf(x -> x.getId().equals(l.getId()));
        lines.add(l);
        try {
            PurchaseOrderStore.totals(em, po, lines);
        } catch (AtriumException e) {
            // Amounts names the line by its position in the whole order; the client wrote this one line
            List<FieldError> named = e.errors().stream().map(f -> new FieldError(f.field().replaceFirst("^lines\\[\\d+\\]\\.", ""), f.message())).toList();
            throw named.isEmpty() ? e : AtriumException.validation(named);
        }
    }
}
