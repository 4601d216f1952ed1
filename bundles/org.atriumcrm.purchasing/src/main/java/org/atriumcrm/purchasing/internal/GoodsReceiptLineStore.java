package org.atriumcrm.purchasing.internal;

import java.math.BigDecimal;
import java.util.Set;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.commerce.api.Amounts;
import org.atriumcrm.persistence.api.JpaRecordStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.EventAdmin;

/**
 * Lines of draft goods receipts: a line of the receipt's own purchase order and a quantity &gt; 0 that does not pass
 * what remains to receive of it (400; checked again, race-safe, when the receipt is posted).
 */
@Component(service = RecordStore.class, property = RecordStore.ENTITY_PROPERTY + "=GoodsReceiptLine")
public class GoodsReceiptLineStore extends JpaRecordStore<GoodsReceiptLine> {

    @Activate
    public GoodsReceiptLineStore(@Reference(target = "(osgi.unit.name=" + PurchasingTypes.UNIT + ")") JpaTemplate jpa, @Reference EventAdmin events,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + PurchasingTypes.MODULE + ")") ModuleGate gate) {
        super(PurchasingTypes.RECEIPT_LINE, jpa, events, PurchasingTypes.ALL);
    }

    static BigDecimal remaining(PurchaseOrderLine l) {
        return l.getQuantity().subtract(GoodsReceiptStore.zero(l.getReceivedQuantity()));
    }

    @Override
    protected void beforeCreate(EntityManager em, GoodsReceiptLine l, Caller caller) {
        check(em, l);
    }

    @Override
    protected void beforeUpdate(EntityManager em, GoodsReceiptLine l, Set<String> changed, Caller caller) {
        if (changed.contains("goodsReceiptId")) {
            throw AtriumException.invalidField("goodsReceiptId", "a line stays on its goods receipt");
        }
        check(em, l);
    }

    @Override
    public void delete(String id, Long expectedVersion, Caller caller) {
        tx(em -> {
            GoodsReceiptLine l = em.find(GoodsReceiptLine.class, id);
            if (l != null && !l.isDeleted()) {
                GoodsReceiptStore.requireDraft(receipt(em, l), "changed");
            }
            return null;
        });
        super.delete(id, expectedVersion, caller);
    }

    private static GoodsReceipt receipt(EntityManager em, GoodsReceiptLine l) {
        GoodsReceipt r = em.find(GoodsReceipt.class, l.getGoodsReceiptId());
        if (r == null || r.isDeleted()) {
            throw AtriumException.invalid("goodsReceiptId", "reference-not-found", "no GoodsReceipt with id " + l.getGoodsReceiptId(), "GoodsReceipt", l.getGoodsReceiptId());
        }
        return r;
    }

    private static void check(EntityManager em, GoodsReceiptLine l) {
        GoodsReceipt r = receipt(em, l);
        GoodsReceiptStore.requireDraft(r, "changed");
        PurchaseOrderLine pol = em.find(PurchaseOrderLine.class, l.getPurchaseOrderLineId());
        if (pol == null || pol.isDeleted() || !pol.getPurchaseOrderId().equals(r.getPurchaseOrderId())) {
            throw AtriumException.invalidField("purchaseOrderLineId", "is not a line of this receipt's purchase order " + r.getPurchaseOrderId());
        }
        em.refresh(pol);
        BigDecimal q = l.getQuantity();
        if (q.signum() <= 0) {
            throw AtriumException.invalidField("quantity", "must be greater than 0");
        }
        if (q.stripTrailingZeros().scale() > Amounts.MAX_SCALE) {
            throw AtriumException.invalid("quantity", "decimal-places", "has more than " + Amounts.MAX_SCALE + " decimal places", Amounts.MAX_SCALE);
        }
        if (q.compareTo(remaining(pol)) > 0) {
            throw AtriumException.invalidField("quantity", q.toPlainString() + " is more than remains to receive of this order line ("
                    + remaining(pol).toPlainString() + " of " + pol.getQuantity().toPlainString() + ")");
        }
        l.setProductId(pol.getProductId());
    }
}
