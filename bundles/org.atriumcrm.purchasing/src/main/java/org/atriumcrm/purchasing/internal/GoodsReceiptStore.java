package org.atriumcrm.purchasing.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.error.FieldError;
import org.atriumcrm.api.event.DomainEvents;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.commerce.api.CommerceEvents;
import org.atriumcrm.inventory.api.Ledger;
import org.atriumcrm.inventory.api.MovementTypes;
import org.atriumcrm.persistence.api.JpaRecordStore;
import org.atriumcrm.persistence.api.RecordChangeRow;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * Goods receipts of ordered purchase orders: draft while its lines are entered, then {@code post} books the RECEIPT
 * movements through the inventory {@link Ledger} in the same transaction as the receipt's status, the order lines'
 * received quantities (each a conditional UPDATE that refuses more than remains) and the order's status.
 */
@Component(service = {RecordStore.class, GoodsReceiptStore.class}, property = RecordStore.ENTITY_PROPERTY + "=GoodsReceipt")
public class GoodsReceiptStore extends JpaRecordStore<GoodsReceipt> {
    private static final String[] STATUS_FIELDS = {"status", "postedAt"};
    private final Ledger ledger;
    private final PurchaseOrderStore orders;
    private final EventAdmin events;

    @Activate
    public GoodsReceiptStore(@Reference(target = "(osgi.unit.name=" + PurchasingTypes.UNIT + ")") JpaTemplate jpa, @Reference EventAdmin events,
            @Reference Ledger ledger, @Reference PurchaseOrderStore orders,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + PurchasingTypes.MODULE + ")") ModuleGate gate) {
        super(PurchasingTypes.RECEIPT, jpa, events, PurchasingTypes.ALL);
        this.ledger = ledger;
        this.orders = orders;
        this.events = events;
    }

    static void receivable(PurchaseOrder po) {
        PurchaseOrderStore.requireStatus(po, "received against", PurchasingTypes.ORDERED, PurchasingTypes.PARTLY_RECEIVED);
    }

    @Override
    protected void beforeCreate(EntityManager em, GoodsReceipt r, Caller caller) {
        PurchaseOrder po = em.find(PurchaseOrder.class, r.getPurchaseOrderId());
        if (po == null || po.isDeleted()) {
            throw AtriumException.invalid("purchaseOrderId", "reference-not-found", "no PurchaseOrder with id " + r.getPurchaseOrderId(), "PurchaseOrder", r.getPurchaseOrderId());
        }
        receivable(po);
        if (r.getWarehouseId() == null) {
            r.setWarehouseId(po.getWarehouseId());
        }
        if (r.getReceiptDate() == null) {
            r.setReceiptDate(LocalDate.now());
        }
        r.setStatus(PurchasingTypes.DRAFT);
        r.setNumber(orders.number("GR"));
    }

    @Override
    protected void beforeUpdate(EntityManager em, GoodsReceipt r, Set<String> changed, Caller caller) {
        requireDraft(r, "changed");
        if (changed.contains("purchaseOrderId")) {
            throw AtriumException.invalidField("purchaseOrderId", "a goods receipt stays with its purchase order");
        }
    }

    @Override
    public void delete(String id, Long expectedVersion, Caller caller) {
        find(id).ifPresent(r -> requireDraft(r, "deleted"));
        super.delete(id, expectedVersion, caller);
    }

    static void requireDraft(GoodsReceipt r, String how) {
        if (!PurchasingTypes.DRAFT.equals(r.getStatus())) {
            throw AtriumException.conflict("goods-receipt-posted", "goods receipt " + r.getNumber() + " was posted at " + r.getPostedAt()
                    + " and cannot be " + how).localized("goods-receipt-posted", r.getNumber(), r.getPostedAt(), how);
        }
    }

    static List<GoodsReceiptLine> lines(EntityManager em, String receiptId) {
        return em.createQuery("SELECT l FROM GoodsReceiptLine l WHERE l.goodsReceiptId = :r AND l.deletedAt IS NULL ORDER BY l.createdAt, l.id",
                GoodsReceiptLine.class).setParameter("r", receiptId).getResultList();
    }

    /** Draft → posted: stock in, order lines' received quantities up, the order partly received or received; all or nothing. */
    GoodsReceipt post(String id, Caller caller) {
        Ledger.Booking[] booking = new Ledger.Booking[1];
        PurchaseOrder[] order = new PurchaseOrder[1];
        String[] orderBefore = new String[1];
        GoodsReceipt posted = updateBySystem(id, caller, (em, r) -> {
            requireDraft(r, "posted again");
            PurchaseOrder po = PurchaseOrderStore.locked(em, r.getPurchaseOrderId());
            receivable(po);
            List<GoodsReceiptLine> lines = lines(em, id);
            if (lines.isEmpty()) {
                throw AtriumException.conflict("goods-receipt-empty", "goods receipt " + r.getNumber() + " has no lines")
                        .localized("goods-receipt-empty", r.getNumber());
            }
            List<FieldError> over = new ArrayList<>();
            List<Ledger.Move> moves = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                GoodsReceiptLine l = lines.get(i);
                int n = em.createQuery("UPDATE PurchaseOrderLine l SET l.receivedQuantity = l.receivedQuantity + :q, l.version = l.version + 1"
                        + " WHERE l.id = :id AND l.purchaseOrderId = :po AND l.deletedAt IS NULL AND l.quantity - l.receivedQuantity >= :q")
                        .setParameter("q", l.getQuantity()).setParameter("id", l.getPurchaseOrderLineId()).setParameter("po", po.getId())
                        .executeUpdate();
                PurchaseOrderLine pol = em.find(PurchaseOrderLine.class, l.getPurchaseOrderLineId());
                em.refresh(pol);
                if (n == 0) {
                    over.add(FieldError.of("lines[" + i + "].quantity", "receipt-exceeds-remaining", l.getQuantity().toPlainString()
                            + " is more than remains to receive of this order line (" + GoodsReceiptLineStore.remaining(pol).toPlainString() + ")",
                            l.getQuantity().toPlainString(), GoodsReceiptLineStore.remaining(pol).toPlainString()));
                }
                moves.add(new Ledger.Move(pol.getProductId(), r.getWarehouseId(), l.getQuantity(), pol.getUnitCost(), l.getId()));
            }
            if (!over.isEmpty()) {
                throw AtriumException.validation(over);
            }
            booking[0] = ledger.book(em, MovementTypes.RECEIPT, new Ledger.Source(PurchasingTypes.RECEIPT.name(), id,
                    "goods receipt " + r.getNumber() + " of " + po.getNumber()), moves, caller);
            for (int i = 0; i < lines.size(); i++) {
                lines.get(i).setMovementId(booking[0].movements().get(i).movementId());
            }
            boolean complete = PurchaseOrderStore.lines(em, po.getId()).stream().allMatch(x -> GoodsReceiptLineStore.remaining(x).signum() <= 0);
            orderBefore[0] = po.getStatus();
            po.setStatus(complete ? PurchasingTypes.RECEIVED : PurchasingTypes.PARTLY_RECEIVED);
            Instant now = now();
            po.touch(now, caller);
            if (!po.getStatus().equals(orderBefore[0])) {
                em.persist(new RecordChangeRow(PurchasingTypes.ORDER.name(), po.getId(), "UPDATED", "status", orderBefore[0], po.getStatus(),
                        caller.userId(), now));
            }
            order[0] = po;
            r.setStatus(PurchasingTypes.POSTED);
            r.setPostedAt(now);
        }, STATUS_FIELDS);
        ledger.committed(booking[0]);
        orders.announce(order[0].getId(), caller, Map.of(DomainEvents.CHANGED_FIELDS, new String[] {"status"}));
        Map<String, Object> props = new HashMap<>();
        props.put(DomainEvents.ENTITY, PurchasingTypes.RECEIPT.name());
        props.put(DomainEvents.ID, id);
        props.put(DomainEvents.USER_ID, caller.userId());
        props.put(CommerceEvents.NUMBER, posted.getNumber());
        props.put(CommerceEvents.SOURCE_ENTITY, PurchasingTypes.ORDER.name());
        props.put(CommerceEvents.SOURCE_ID, order[0].getId());
        props.put(CommerceEvents.WAREHOUSE_ID, posted.getWarehouseId());
        events.postEvent(new Event(CommerceEvents.GOODS_RECEIPT_POSTED, props));
        return posted;
    }

    static BigDecimal zero(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }
}
