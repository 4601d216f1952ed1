package org.atriumcrm.inventory.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.inventory.api.Ledger;
import org.atriumcrm.inventory.api.MovementTypes;
import org.atriumcrm.inventory.api.StockMovement;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.EventAdmin;

/**
 * The movements, immutable: clients book by hand only adjustments (with a reason) and opening balances
 * ({@code POST /api/v1/stock-movements}); every other movement comes from its document through the {@link Ledger}.
 */
@Component(service = RecordStore.class, property = RecordStore.ENTITY_PROPERTY + "=StockMovement")
public class StockMovementStore extends ReadOnlyRecords<StockMovement> {
    static final Set<String> BY_HAND = Set.of(MovementTypes.ADJUSTMENT, MovementTypes.OPENING_BALANCE);
    private final LedgerService ledger;
    /** The booking of the create running on this thread, announced once its transaction committed. */
    private final ThreadLocal<Ledger.Booked> booked = new ThreadLocal<>();

    @Activate
    public StockMovementStore(@Reference(target = "(osgi.unit.name=" + InventoryTypes.UNIT + ")") JpaTemplate jpa, @Reference EventAdmin events,
            @Reference LedgerService ledger,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + InventoryTypes.MODULE + ")") ModuleGate gate) {
        super(InventoryTypes.MOVEMENT, jpa, events, InventoryTypes.ALL);
        this.ledger = ledger;
    }

    @Override
    public StockMovement create(Map<String, Object> values, Caller caller) {
        try {
            StockMovement created = super.create(values, caller);
            ledger.committed(new Ledger.Booking(created.getMovementType(), null, List.of(booked.get()), caller), false);
            return created;
        } finally {
            booked.remove();
        }
    }

    @Override
    protected void beforeCreate(EntityManager em, StockMovement m, Caller caller) {
        if (!BY_HAND.contains(m.getMovementType())) {
            throw AtriumException.invalid("movementType", "movement-by-document", "only " + MovementTypes.ADJUSTMENT + " and "
                    + MovementTypes.OPENING_BALANCE + " are booked by hand; " + m.getMovementType()
                    + " movements come from their documents (goods receipts, delivery notes, stocktakes)", m.getMovementType());
        }
        if (MovementTypes.ADJUSTMENT.equals(m.getMovementType()) && (m.getReason() == null || m.getReason().isBlank())) {
            throw AtriumException.invalid("reason", "adjustment-reason", "an adjustment needs the reason it was made");
        }
        if (m.getWarehouseId() == null) {
            m.setWarehouseId(ledger.defaultWarehouseId());
        }
        if (MovementTypes.OPENING_BALANCE.equals(m.getMovementType()) && m.getProductId() != null) {
            long earlier = em.createQuery("SELECT COUNT(m) FROM StockMovement m WHERE m.productId = :p AND m.warehouseId = :w", Long.class)
                    .setParameter("p", m.getProductId()).setParameter("w", m.getWarehouseId()).getSingleResult();
            if (earlier > 0) {
                throw AtriumException.conflict("opening-balance-too-late", "product " + m.getProductId() + " has " + earlier
                        + " movements in this warehouse already: an opening balance comes first; book an ADJUSTMENT instead")
                        .localized("opening-balance-too-late", m.getProductId(), earlier);
            }
        }
        booked.set(ledger.apply(em, List.of(m), m.getCreatedAt(), caller, "").get(0));
    }
}
