package org.atriumcrm.purchasing.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.event.DomainEvents;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.commerce.api.Amounts;
import org.atriumcrm.commerce.api.Approvals;
import org.atriumcrm.commerce.api.CommerceEvents;
import org.atriumcrm.commerce.api.DocumentNumbers;
import org.atriumcrm.inventory.api.Ledger;
import org.atriumcrm.persistence.api.JpaRecordStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * Purchase orders: draft (lines editable, totals recomputed by {@link Amounts} on every line change) → submit →
 * in approval when an approval rule applies (approved at once otherwise, or when no {@link Approvals} service runs)
 * → approved → ordered → partly received / received by goods receipts; cancelled before anything was received.
 */
@Component(service = {RecordStore.class, PurchaseOrderStore.class}, property = RecordStore.ENTITY_PROPERTY + "=PurchaseOrder")
public class PurchaseOrderStore extends JpaRecordStore<PurchaseOrder> {
    static final String[] STATUS_FIELDS = {"status", "approverId", "approvalReason", "decisionComment", "orderDate", "paymentDueDate"};
    private final Ledger ledger;
    private final EventAdmin events;
    private final DocumentNumbers numbers;
    private volatile Approvals approvals;

    @Activate
    public PurchaseOrderStore(@Reference(target = "(osgi.unit.name=" + PurchasingTypes.UNIT + ")") JpaTemplate jpa, @Reference EventAdmin events,
            @Reference Ledger ledger, @Reference DocumentNumbers numbers,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + PurchasingTypes.MODULE + ")") ModuleGate gate) {
        super(PurchasingTypes.ORDER, jpa, events, PurchasingTypes.ALL);
        this.ledger = ledger;
        this.events = events;
        this.numbers = numbers;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void bindApprovals(Approvals a) {
        approvals = a;
    }

    void unbindApprovals(Approvals a) {
        if (approvals == a) {
            approvals = null;
        }
    }

    String number(String series) {
        return numbers.next(series);
    }

    @Override
    protected void beforeCreate(EntityManager em, PurchaseOrder po, Caller caller) {
        Vendor vendor = em.find(Vendor.class, po.getVendorId());
        if (vendor == null || vendor.isDeleted() || !Boolean.TRUE.equals(vendor.getActive())) {
            throw AtriumException.invalidField("vendorId", "vendor " + po.getVendorId() + " is not an active vendor");
        }
        if (po.getCurrency() == null) {
            po.setCurrency(vendor.getCurrency() == null ? "CNY" : vendor.getCurrency());
        }
        if (po.getWarehouseId() == null) {
            po.setWarehouseId(ledger.defaultWarehouseId());
        }
        po.setStatus(PurchasingTypes.DRAFT);
        po.setNumber(number("PO"));
        totals(em, po, List.of());
    }

    @Override
    protected void beforeUpdate(EntityManager em, PurchaseOrder po, Set<String> changed, Caller caller) {
        requireStatus(po, "changed", PurchasingTypes.DRAFT);
        if (changed.contains("vendorId")) {
            Vendor vendor = em.find(Vendor.class, po.getVendorId());
            if (vendor == null || !Boolean.TRUE.equals(vendor.getActive())) {
                throw AtriumException.invalidField("vendorId", "vendor " + po.getVendorId() + " is not an active vendor");
            }
        }
        totals(em, po, lines(em, po.getId()));
    }

    @Override
    public void delete(String id, Long expectedVersion, Caller caller) {
        find(id).ifPresent(po -> requireStatus(po, "deleted", PurchasingTypes.DRAFT, PurchasingTypes.CANCELLED));
        super.delete(id, expectedVersion, caller);
    }

    static void requireStatus(PurchaseOrder po, String how, String... allowed) {
        if (!List.of(allowed).contains(po.getStatus())) {
            throw AtriumException.conflict("purchase-order-" + po.getStatus().replace('_', '-'), "purchase order " + po.getNumber() + " is "
                    + po.getStatus() + " and cannot be " + how + " (only when " + String.join(" or ", allowed) + ")")
                    .localized("purchase-order-status", po.getNumber(), po.getStatus(), how, List.of(allowed));
        }
    }

    <R> R inTransaction(org.apache.aries.jpa.template.EmFunction<R> work) {
        return tx(work);
    }

    static List<PurchaseOrderLine> lines(EntityManager em, String orderId) {
        return em.createQuery("SELECT l FROM PurchaseOrderLine l WHERE l.purchaseOrderId = :o AND l.deletedAt IS NULL ORDER BY l.createdAt, l.id",
                PurchaseOrderLine.class).setParameter("o", orderId).getResultList();
    }

    /**
     * The order's row, locked for this transaction by a conditional UPDATE: line changes of one order run one after
     * another, so that each recomputes the totals over every committed line.
     */
    static PurchaseOrder locked(EntityManager em, String orderId) {
        int n = em.createQuery("UPDATE PurchaseOrder p SET p.version = p.version + 1 WHERE p.id = :id AND p.deletedAt IS NULL")
                .setParameter("id", orderId).executeUpdate();
        if (n == 0) {
            throw AtriumException.invalid("purchaseOrderId", "reference-not-found", "no PurchaseOrder with id " + orderId, "PurchaseOrder", orderId);
        }
        PurchaseOrder po = em.find(PurchaseOrder.class, orderId);
        em.refresh(po);
        return po;
    }

    /** Line nets and the order's totals from {@code lines}, by the one rule of {@link Amounts}. */
    static void totals(EntityManager em, PurchaseOrder po, List<PurchaseOrderLine> lines) {
        List<Amounts.Line> amounts = new ArrayList<>();
        for (PurchaseOrderLine l : lines) {
            amounts.add(new Amounts.Line(l.getQuantity(), l.getUnitCost(), null, null, l.getTaxRate()));
        }
        Amounts.Totals t = Amounts.totals(amounts, null, null, null, po.getCurrency());
        for (int i = 0; i < lines.size(); i++) {
            lines.get(i).setLineTotal(t.lines().get(i).net());
        }
        po.setSubtotal(t.subtotal());
        po.setTaxTotal(t.taxTotal());
        po.setGrandTotal(t.grandTotal());
    }

    /** Draft → in approval (a rule applies) or approved (none does, or no approval service runs). */
    PurchaseOrder submit(String id, Caller caller) {
        boolean[] approvedAtOnce = {false};
        PurchaseOrder po = updateBySystem(id, caller, (em, o) -> {
            requireStatus(o, "submitted", PurchasingTypes.DRAFT);
            if (lines(em, id).isEmpty()) {
                throw AtriumException.conflict("purchase-order-empty", "purchase order " + o.getNumber() + " has no lines")
                        .localized("purchase-order-empty", o.getNumber());
            }
            Approvals a = approvals;
            Approvals.Route route = a == null ? null : a.route(new Approvals.Subject(PurchasingTypes.ORDER.name(), id, o.getOwnerId(),
                    o.getGrandTotal(), o.getCurrency(), BigDecimal.ZERO));
            if (route == null || !route.required()) {
                o.setStatus(PurchasingTypes.APPROVED);
                o.setApprovalReason(null);
                approvedAtOnce[0] = true;
            } else {
                o.setStatus(PurchasingTypes.IN_APPROVAL);
                o.setApproverId(route.approverId());
                o.setApprovalReason(route.reason());
            }
        }, STATUS_FIELDS);
        if (approvedAtOnce[0]) {
            approved(po, caller);
        }
        return po;
    }

    PurchaseOrder approve(String id, String comment, Caller caller) {
        PurchaseOrder po = updateBySystem(id, caller, (em, o) -> {
            requireStatus(o, "approved", PurchasingTypes.IN_APPROVAL);
            mayDecide(o, caller);
            o.setStatus(PurchasingTypes.APPROVED);
            o.setDecisionComment(comment);
        }, STATUS_FIELDS);
        approved(po, caller);
        return po;
    }

    PurchaseOrder reject(String id, String comment, Caller caller) {
        if (comment == null || comment.isBlank()) {
            throw AtriumException.invalidField("comment", "a rejection needs a comment saying why");
        }
        return updateBySystem(id, caller, (em, o) -> {
            requireStatus(o, "rejected", PurchasingTypes.IN_APPROVAL);
            mayDecide(o, caller);
            o.setStatus(PurchasingTypes.DRAFT);
            o.setDecisionComment(comment);
        }, STATUS_FIELDS);
    }

    PurchaseOrder order(String id, LocalDate orderDate, Caller caller) {
        return updateBySystem(id, caller, (em, o) -> {
            requireStatus(o, "ordered", PurchasingTypes.APPROVED);
            o.setStatus(PurchasingTypes.ORDERED);
            o.setOrderDate(orderDate != null ? orderDate : o.getOrderDate() != null ? o.getOrderDate() : LocalDate.now());
            Vendor vendor = em.find(Vendor.class, o.getVendorId());
            long term = vendor == null || vendor.getPaymentTermDays() == null ? 0 : vendor.getPaymentTermDays();
            o.setPaymentDueDate(o.getOrderDate().plusDays(term));
        }, STATUS_FIELDS);
    }

    PurchaseOrder cancel(String id, String reason, Caller caller) {
        return updateBySystem(id, caller, (em, o) -> {
            // a goods receipt posted meanwhile changed the order's version: this flush then fails as a concurrent update (409)
            requireStatus(o, "cancelled", PurchasingTypes.DRAFT, PurchasingTypes.IN_APPROVAL, PurchasingTypes.APPROVED, PurchasingTypes.ORDERED);
            if (o.getPaidAmount() != null && o.getPaidAmount().signum() > 0) {
                throw AtriumException.conflict("purchase-order-paid", "purchase order " + o.getNumber() + " has payments of "
                        + o.getPaidAmount().toPlainString() + " " + o.getCurrency() + ": refund them before cancelling it")
                        .localized("purchase-order-paid", o.getNumber(), o.getPaidAmount().toPlainString(), o.getCurrency());
            }
            if (lines(em, id).stream().anyMatch(l -> l.getReceivedQuantity() != null && l.getReceivedQuantity().signum() > 0)) {
                throw AtriumException.conflict("purchase-order-received", "goods of purchase order " + o.getNumber()
                        + " were received already: it cannot be cancelled").localized("purchase-order-received", o.getNumber());
            }
            o.setStatus(PurchasingTypes.CANCELLED);
            o.setDecisionComment(reason);
        }, STATUS_FIELDS);
    }

    private void mayDecide(PurchaseOrder o, Caller caller) {
        Approvals a = approvals;
        boolean may = a != null ? a.mayDecide(caller.userId(), o.getApproverId()) : caller.administrator();
        if (!may) {
            throw AtriumException.forbidden("purchase order " + o.getNumber() + " waits for the decision of " + o.getApproverId()
                    + " (or someone above in the role tree)").localized("purchase-order-approver-only", o.getNumber(), o.getApproverId());
        }
    }

    private void approved(PurchaseOrder po, Caller caller) {
        Map<String, Object> props = new HashMap<>();
        props.put(DomainEvents.ENTITY, PurchasingTypes.ORDER.name());
        props.put(DomainEvents.ID, po.getId());
        props.put(DomainEvents.USER_ID, caller.userId());
        props.put(CommerceEvents.NUMBER, po.getNumber());
        props.put(CommerceEvents.AMOUNT, po.getGrandTotal().toPlainString());
        props.put(CommerceEvents.CURRENCY, po.getCurrency());
        events.postEvent(new Event(CommerceEvents.PURCHASE_ORDER_APPROVED, props));
    }

    /** After a goods receipt changed the order's status: history was written with it; the lists and listeners learn now. */
    void announce(String id, Caller caller, Map<String, Object> extra) {
        post(DomainEvents.Action.UPDATED, id, caller, extra);
    }

    /** Payable purchase orders: ordered and not cancelled. */
    static final List<String> PAYABLE = List.of(PurchasingTypes.ORDERED, PurchasingTypes.PARTLY_RECEIVED, PurchasingTypes.RECEIVED);

    /** Payable orders of {@code vendorIds} not fully paid, in {@code currency} (null for any). */
    List<PurchaseOrder> openForPayment(java.util.Collection<String> vendorIds, String currency) {
        return tx(em -> em.createQuery("SELECT o FROM PurchaseOrder o WHERE o.vendorId IN :v AND o.status IN :s AND o.deletedAt IS NULL"
                + " AND (o.paidAmount IS NULL OR o.paidAmount < o.grandTotal)" + (currency == null ? "" : " AND o.currency = :c")
                + " ORDER BY o.paymentDueDate, o.id", PurchaseOrder.class).setParameter("v", vendorIds).setParameter("s", PAYABLE)
                .setParameter(currency == null ? "s" : "c", currency == null ? PAYABLE : currency).getResultList());
    }

    /** Payable orders not fully paid whose payment falls due from {@code from} to {@code to}, oldest first. */
    List<PurchaseOrder> dueForPayment(LocalDate from, LocalDate to, int limit) {
        return tx(em -> em.createQuery("SELECT o FROM PurchaseOrder o WHERE o.paymentDueDate BETWEEN :f AND :t AND o.status IN :s"
                + " AND o.deletedAt IS NULL AND (o.paidAmount IS NULL OR o.paidAmount < o.grandTotal) ORDER BY o.paymentDueDate, o.id",
                PurchaseOrder.class).setParameter("f", from).setParameter("t", to).setParameter("s", PAYABLE).setMaxResults(limit)
                .getResultList());
    }
}
