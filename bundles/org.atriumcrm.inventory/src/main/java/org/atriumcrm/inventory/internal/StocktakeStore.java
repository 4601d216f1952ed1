package org.atriumcrm.inventory.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.inventory.api.Ledger;
import org.atriumcrm.inventory.api.MovementTypes;
import org.atriumcrm.persistence.api.JpaRecordStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.EventAdmin;

/** Stocktakes: draft → counted ({@code complete-count}) → posted ({@code post}, the differences booked as corrections). */
@Component(service = {RecordStore.class, StocktakeStore.class}, property = RecordStore.ENTITY_PROPERTY + "=Stocktake")
public class StocktakeStore extends JpaRecordStore<Stocktake> {
    private static final String[] STATUS_FIELDS = {"status", "postedAt"};
    private final LedgerService ledger;

    @Activate
    public StocktakeStore(@Reference(target = "(osgi.unit.name=" + InventoryTypes.UNIT + ")") JpaTemplate jpa, @Reference EventAdmin events,
            @Reference LedgerService ledger,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + InventoryTypes.MODULE + ")") ModuleGate gate) {
        super(InventoryTypes.STOCKTAKE, jpa, events, InventoryTypes.ALL);
        this.ledger = ledger;
    }

    @Override
    protected void beforeCreate(EntityManager em, Stocktake s, Caller caller) {
        s.setStatus(InventoryTypes.DRAFT);
        Warehouse w = em.find(Warehouse.class, s.getWarehouseId());
        if (w == null || !Boolean.TRUE.equals(w.getActive())) {
            throw AtriumException.invalid("warehouseId", "warehouse-inactive", "warehouse " + s.getWarehouseId() + " is not active", s.getWarehouseId());
        }
    }

    @Override
    protected void beforeUpdate(EntityManager em, Stocktake s, Set<String> changed, Caller caller) {
        requireDraft(s, "changed");
    }

    @Override
    public void delete(String id, Long expectedVersion, Caller caller) {
        find(id).ifPresent(s -> requireDraft(s, "deleted"));
        super.delete(id, expectedVersion, caller);
    }

    static void requireDraft(Stocktake s, String how) {
        if (!InventoryTypes.DRAFT.equals(s.getStatus())) {
            throw AtriumException.conflict("stocktake-" + s.getStatus(), "stocktake " + s.getId() + " is " + s.getStatus()
                    + " and cannot be " + how + " any more").localized("stocktake-closed", s.getId(), s.getStatus(), how);
        }
    }

    static List<StocktakeLine> lines(EntityManager em, String stocktakeId) {
        return em.createQuery("SELECT l FROM StocktakeLine l WHERE l.stocktakeId = :s AND l.deletedAt IS NULL ORDER BY l.createdAt, l.id",
                StocktakeLine.class).setParameter("s", stocktakeId).getResultList();
    }

    /** Draft → counted: the counts are complete and frozen. */
    Stocktake completeCount(String id, Caller caller) {
        return updateBySystem(id, caller, (em, s) -> {
            requireDraft(s, "counted");
            if (lines(em, id).isEmpty()) {
                throw AtriumException.conflict("stocktake-empty", "stocktake " + id + " has no count lines").localized("stocktake-empty", id);
            }
            s.setStatus(InventoryTypes.COUNTED);
        }, STATUS_FIELDS);
    }

    /**
     * Counted → posted: each line's difference (counted − system quantity when counted) booked as a
     * STOCKTAKE_CORRECTION, in the transaction that marks the stocktake posted; movements booked after the count
     * stay as they are.
     */
    Stocktake post(String id, Caller caller) {
        Ledger.Booking[] booking = new Ledger.Booking[1];
        Stocktake posted = updateBySystem(id, caller, (em, s) -> {
            if (InventoryTypes.POSTED.equals(s.getStatus())) {
                throw AtriumException.conflict("stocktake-posted", "stocktake " + id + " was posted already at " + s.getPostedAt())
                        .localized("stocktake-posted", id, s.getPostedAt());
            }
            if (!InventoryTypes.COUNTED.equals(s.getStatus())) {
                throw AtriumException.conflict("stocktake-not-counted", "stocktake " + id + " is " + s.getStatus()
                        + ": complete the count first (POST .../complete-count)").localized("stocktake-not-counted", id, s.getStatus());
            }
            List<StocktakeLine> differing = new ArrayList<>();
            List<Ledger.Move> moves = new ArrayList<>();
            for (StocktakeLine l : lines(em, id)) {
                if (l.getDifference() != null && l.getDifference().signum() != 0) {
                    differing.add(l);
                    moves.add(new Ledger.Move(l.getProductId(), s.getWarehouseId(), l.getDifference(), null, l.getId()));
                }
            }
            if (!moves.isEmpty()) {
                booking[0] = ledger.book(em, MovementTypes.STOCKTAKE_CORRECTION, new Ledger.Source("Stocktake", id,
                        "stocktake of " + s.getCountDate()), moves, caller);
                for (int i = 0; i < differing.size(); i++) {
                    differing.get(i).setMovementId(booking[0].movements().get(i).movementId());
                }
            }
            s.setStatus(InventoryTypes.POSTED);
            s.setPostedAt(now());
        }, STATUS_FIELDS);
        ledger.committed(booking[0]);
        return posted;
    }

    static BigDecimal zeroIfNull(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }
}
