package org.atriumcrm.orders.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.event.DomainEvents.Action;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.security.AccessPolicy;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.api.security.EntityAccess;
import org.atriumcrm.commerce.api.Catalog;
import org.atriumcrm.commerce.api.DocumentLines;
import org.atriumcrm.commerce.api.PriceResolver;
import org.atriumcrm.persistence.api.JpaRecordStore;
import org.atriumcrm.persistence.api.RecordChangeRow;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.EventAdmin;

/**
 * Sales order lines: a product or service of the catalog (active), its price from the price resolution (with the
 * explanation kept on the line) unless the rep sets one, its amounts and the order's totals recomputed in the same
 * transaction as every add, change and removal, with the order's row locked. Only a draft order's lines change.
 */
@Component(service = {RecordStore.class, SalesOrderLineStore.class}, property = RecordStore.ENTITY_PROPERTY + "=SalesOrderLine")
public class SalesOrderLineStore extends JpaRecordStore<SalesOrderLine> {
    private final AccessPolicy access;
    private final SalesOrderStore orders;
    private final Catalog catalog;
    private volatile PriceResolver prices;

    @Activate
    public SalesOrderLineStore(@Reference(target = "(osgi.unit.name=" + OrderTypes.UNIT + ")") JpaTemplate jpa, @Reference EventAdmin events,
            @Reference AccessPolicy access, @Reference SalesOrderStore orders, @Reference Catalog catalog,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + OrderTypes.MODULE + ")") ModuleGate gate) {
        super(OrderTypes.LINE, jpa, events, OrderTypes.ALL);
        this.access = access;
        this.orders = orders;
        this.catalog = catalog;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void setPrices(PriceResolver service) {
        prices = service;
    }

    void unsetPrices(PriceResolver service) {
        if (prices == service) {
            prices = null;
        }
    }

    @Override
    public SalesOrderLine create(Map<String, Object> values, Caller caller) {
        SalesOrderLine line = super.create(values, caller);
        orders.totalsChanged(line.getSalesOrderId(), caller);
        return line;
    }

    @Override
    public SalesOrderLine update(String id, Long expectedVersion, Map<String, Object> values, Caller caller) {
        SalesOrderLine line = super.update(id, expectedVersion, values, caller);
        orders.totalsChanged(line.getSalesOrderId(), caller);
        return line;
    }

    @Override
    protected void beforeCreate(EntityManager em, SalesOrderLine line, Caller caller) {
        SalesOrder order = editableOrder(em, line.getSalesOrderId(), caller);
        line.setOwnerId(order.getOwnerId());
        line.setDeliveredQuantity(BigDecimal.ZERO);
        line.setInvoicedQuantity(BigDecimal.ZERO);
        price(line, order, true);
        List<SalesOrderLine> lines = new ArrayList<>(SalesOrderStore.lines(em, order.getId()));
        if (line.getPosition() == null) {
            line.setPosition(lines.stream().map(SalesOrderLine::getPosition).filter(p -> p != null).max(Long::compare).orElse(0L) + 1);
        }
        lines.add(line);
        recompute(order, lines, caller);
    }

    @Override
    protected void beforeUpdate(EntityManager em, SalesOrderLine line, Set<String> changed, Caller caller) {
        if (changed.contains("salesOrderId")) {
            throw AtriumException.invalid("salesOrderId", "line-stays-with-document", "a line stays with its order; remove it and add it to the other order");
        }
        SalesOrder order = editableOrder(em, line.getSalesOrderId(), caller);
        boolean repriced = changed.contains("productId") || changed.contains("quantity");
        price(line, order, repriced && !changed.contains("unitPrice"));
        recompute(order, SalesOrderStore.lines(em, order.getId()), caller);
    }

    @Override
    public void delete(String id, Long expectedVersion, Caller caller) {
        SalesOrderLine deleted = tx(em -> {
            SalesOrderLine line = em.find(SalesOrderLine.class, id);
            if (line == null || line.isDeleted()) {
                throw AtriumException.notFound("no SalesOrderLine with id " + id).localized("record-not-found", "SalesOrderLine", id);
            }
            if (expectedVersion != null && expectedVersion != line.getVersion()) {
                throw AtriumException.preconditionFailed("SalesOrderLine " + id + " is at version " + line.getVersion() + ", not " + expectedVersion);
            }
            SalesOrder order = editableOrder(em, line.getSalesOrderId(), caller);
            line.markDeleted(now(), caller);
            em.persist(new RecordChangeRow(OrderTypes.LINE.name(), id, "DELETED", null, null, null, caller.userId(), line.getDeletedAt()));
            List<SalesOrderLine> rest = new ArrayList<>(SalesOrderStore.lines(em, order.getId()));
            rest.removeIf(l -> l.getId().equals(id));
            recompute(order, rest, caller);
            em.flush();
            return line;
        });
        post(Action.DELETED, id, caller, Map.of());
        orders.totalsChanged(deleted.getSalesOrderId(), caller);
    }

    @Override
    public SalesOrderLine restore(String id, Caller caller) {
        throw AtriumException.conflict("line-not-restorable", "a removed order line is not restored from the recycle bin: add it to the order again")
                .localized("line-not-restorable");
    }

    private SalesOrder editableOrder(EntityManager em, String orderId, Caller caller) {
        // locked until commit: two lines written at once to one order would both total from the lines before them
        SalesOrder order = orderId == null ? null : em.find(SalesOrder.class, orderId, javax.persistence.LockModeType.PESSIMISTIC_WRITE);
        EntityAccess onOrders = access.access(caller, OrderTypes.ORDER);
        if (order == null || order.isDeleted() || !onOrders.read().allows(order)) {
            throw AtriumException.invalid("salesOrderId", "reference-not-found", "no SalesOrder with id " + orderId, "SalesOrder", orderId);
        }
        if (!onOrders.canChange(order)) {
            throw AtriumException.forbidden("you may see sales order " + order.getNumber() + " but not change its lines")
                    .localized("lines-read-only", order.getNumber());
        }
        if (!OrderTypes.DRAFT.equals(order.getStatus())) {
            throw SalesOrderStore.frozen(order, "lines");
        }
        return order;
    }

    /** The catalog's facts and the price of the line; {@code resetPrice} takes the resolved price as the unit price. */
    private void price(SalesOrderLine line, SalesOrder order, boolean resetPrice) {
        DocumentLines.Priced p = DocumentLines.price(catalog, prices, line.getProductId(), order.getAccountId(), line.getQuantity(),
                order.getOrderDate(), order.getCurrency(), "ordered");
        Catalog.Item item = p.item();
        line.setProductName(item.name());
        line.setSku(item.sku());
        line.setUnit(item.unit());
        line.setTaxRate(item.taxRate() == null ? BigDecimal.ZERO : item.taxRate());
        line.setListPrice(item.listPrice());
        line.setResolvedPrice(p.resolvedPrice());
        line.setPriceExplanation(p.explanation());
        if (resetPrice || line.getUnitPrice() == null) {
            line.setUnitPrice(line.getResolvedPrice());
        }
        OrderAmounts.computeLine(line, order.getCurrency());
    }

    private void recompute(SalesOrder order, List<SalesOrderLine> lines, Caller caller) {
        OrderAmounts.computeTotals(order, lines);
        order.touch(now(), caller);
    }
}
