package org.atriumcrm.purchasing.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import javax.persistence.EntityManager;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.event.DomainEvents;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.security.AccessPolicy;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.commerce.api.Amounts;
import org.atriumcrm.commerce.api.OpenItems;
import org.atriumcrm.commerce.api.Settlements;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Purchase orders as payables: an ordered order is owed to its vendor from its payment due date (order date + the
 * vendor's payment term); payments settle it through {@link #settle}, a conditional UPDATE in the payment's
 * transaction that also bumps the order's version, so a cancellation racing with a payment fails as a concurrent
 * update instead of cancelling a paid order.
 */
@Component(service = OpenItems.class, property = OpenItems.ENTITY_PROPERTY + "=PurchaseOrder")
public class PurchaseOrderOpenItems implements OpenItems {
    /** Purchase orders keep their status through receipts; payment moves only the paid amount. */
    static final Settlements.Table TABLE = new Settlements.Table("ATRIUM_PURCHASE_ORDER", "PurchaseOrder", "NUMBER",
            PurchaseOrderStore.PAYABLE, null, null, null);
    private final PurchaseOrderStore orders;
    private final AccessPolicy access;

    @Activate
    public PurchaseOrderOpenItems(@Reference PurchaseOrderStore orders, @Reference AccessPolicy access,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + PurchasingTypes.MODULE + ")") ModuleGate gate) {
        this.orders = orders;
        this.access = access;
    }

    @Override
    public String direction() {
        return PAYABLE;
    }

    @Override
    public OpenItem find(String id, Caller caller) {
        return orders.find(id).filter(o -> access.access(caller, PurchasingTypes.ORDER).read().allows(o)).map(PurchaseOrderOpenItems::item)
                .orElseThrow(() -> AtriumException.notFound("no PurchaseOrder with id " + id).localized("record-not-found", "PurchaseOrder", id));
    }

    @Override
    public List<OpenItem> open(Collection<String> partyIds, String currency) {
        return partyIds.isEmpty() ? List.of() : orders.openForPayment(partyIds, currency).stream().map(PurchaseOrderOpenItems::item).toList();
    }

    @Override
    public List<OpenItem> dueBetween(LocalDate from, LocalDate to, int limit) {
        return orders.dueForPayment(from, to, limit).stream().map(PurchaseOrderOpenItems::item).toList();
    }

    @Override
    public OpenItem settle(EntityManager em, String id, BigDecimal delta, Caller caller) {
        Settlements.settle(em, TABLE, id, delta, caller);
        // the payment's unit does not map purchase orders: the figures are read by SQL, in its transaction
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT NUMBER, VENDOR_ID, OWNER_ID, CURRENCY, GRAND_TOTAL, PAID_AMOUNT,"
                + " PAYMENT_DUE_DATE, STATUS FROM ATRIUM_PURCHASE_ORDER WHERE ID = ?").setParameter(1, id).getResultList();
        Object[] r = rows.get(0);
        return new OpenItem(PurchasingTypes.ORDER.name(), id, (String) r[0], (String) r[1], (String) r[2], (String) r[3],
                scaled(money(r[4]), (String) r[3]), scaled(money(r[5]), (String) r[3]), date(r[6]), (String) r[7]);
    }

    @Override
    public void settled(String id, Caller caller) {
        orders.announce(id, caller, Map.of(DomainEvents.CHANGED_FIELDS, new String[] {"paidAmount"}));
    }

    static OpenItem item(PurchaseOrder o) {
        return new OpenItem(PurchasingTypes.ORDER.name(), o.getId(), o.getNumber(), o.getVendorId(), o.getOwnerId(), o.getCurrency(),
                scaled(money(o.getGrandTotal()), o.getCurrency()), scaled(money(o.getPaidAmount()), o.getCurrency()),
                o.getPaymentDueDate(), o.getStatus());
    }

    private static BigDecimal money(Object v) {
        return v == null ? BigDecimal.ZERO : v instanceof BigDecimal b ? b : new BigDecimal(v.toString());
    }

    private static BigDecimal scaled(BigDecimal v, String currency) {
        return v.setScale(Amounts.scale(currency), java.math.RoundingMode.HALF_UP);
    }

    private static LocalDate date(Object v) {
        return v == null ? null : v instanceof LocalDate d ? d : v instanceof java.sql.Date d ? d.toLocalDate() : LocalDate.parse(v.toString());
    }
}
