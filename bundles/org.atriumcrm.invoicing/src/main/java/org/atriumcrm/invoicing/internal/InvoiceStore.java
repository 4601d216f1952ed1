package org.atriumcrm.invoicing.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.event.DomainEvents;
import org.atriumcrm.api.event.DomainEvents.Action;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.commerce.api.Amounts;
import org.atriumcrm.commerce.api.CommerceEvents;
import org.atriumcrm.commerce.api.DocumentLines;
import org.atriumcrm.commerce.api.DocumentNumbers;
import org.atriumcrm.invoicing.api.Invoice;
import org.atriumcrm.invoicing.api.InvoiceStatus;
import org.atriumcrm.orders.api.Fulfilment;
import org.atriumcrm.persistence.api.JpaRecordStore;
import org.atriumcrm.persistence.api.RecordChangeRow;
import org.atriumcrm.persistence.api.RecordIds;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * Invoices of sales orders: made from what is not yet invoiced of the order (or of some of its delivery notes), at the
 * order's prices, totals by {@link Amounts}; {@code issue} fixes the issue date and the due date (issue date + payment
 * term) and adds the quantities and amount to the order's invoiced ones through {@link Fulfilment} in the same
 * transaction (400 over what remains); {@code cancel} takes them back, refused once anything was paid. Recurring
 * invoices are issued by {@link RecurringInvoicing}, one per claimed period of an order's schedule.
 */
@Component(service = {RecordStore.class, InvoiceStore.class}, property = RecordStore.ENTITY_PROPERTY + "=Invoice")
public class InvoiceStore extends JpaRecordStore<Invoice> {
    static final String SERIES = "INV";
    private static final String[] STATE_FIELDS = {"status", "issueDate", "dueDate", "paymentTermDays", "issuedAt", "cancelledAt", "cancelReason"};
    private static final Set<String> FROZEN = Set.of("issueDate", "paymentTermDays", "billingAddress");
    private final DocumentNumbers numbers;
    private final Fulfilment fulfilment;
    private final EventAdmin events;

    @Activate
    public InvoiceStore(@Reference(target = "(osgi.unit.name=" + InvoicingTypes.UNIT + ")") JpaTemplate jpa, @Reference EventAdmin events,
            @Reference DocumentNumbers numbers, @Reference Fulfilment fulfilment,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + InvoicingTypes.MODULE + ")") ModuleGate gate) {
        super(InvoicingTypes.INVOICE, jpa, events, InvoicingTypes.ALL);
        this.numbers = numbers;
        this.fulfilment = fulfilment;
        this.events = events;
    }

    @Override
    public Invoice create(Map<String, Object> values, Caller caller) {
        Invoice inv = super.create(values, caller);
        linesCreated(inv.getId(), caller);
        return inv;
    }

    private void linesCreated(String invoiceId, Caller caller) {
        DeliveryNoteStore.created(events, InvoicingTypes.INVOICE_LINE.name(), tx(em -> lines(em, invoiceId)).stream().map(InvoiceLine::getId)
                .toList(), caller);
    }

    @Override
    protected void beforeCreate(EntityManager em, Invoice inv, Caller caller) {
        Fulfilment.Order order = DeliveryNoteStore.deliverable(fulfilment, inv.getSalesOrderId());
        Map<String, BigDecimal> wanted = new LinkedHashMap<>();
        order.lines().stream().filter(l -> l.toInvoice().signum() > 0).forEach(l -> wanted.put(l.id(), l.toInvoice()));
        build(em, inv, order, wanted, InvoicingTypes.STANDARD, caller);
    }

    @Override
    protected void beforeUpdate(EntityManager em, Invoice inv, Set<String> changed, Caller caller) {
        if (changed.contains("salesOrderId")) {
            throw AtriumException.invalid("salesOrderId", "document-stays-with-order", "an invoice stays with its sales order");
        }
        if (!InvoiceStatus.DRAFT.equals(inv.getStatus()) && changed.stream().anyMatch(FROZEN::contains)) {
            throw AtriumException.conflict("invoice-issued", "invoice " + inv.getNumber() + " is " + inv.getStatus()
                    + ": its dates, term and address are fixed").with("currentStatus", inv.getStatus())
                    .localized("invoice-issued", inv.getNumber(), inv.getStatus());
        }
        checkTerm(inv);
    }

    @Override
    public void delete(String id, Long expectedVersion, Caller caller) {
        find(id).ifPresent(i -> expect(i, "delete", InvoiceStatus.DRAFT));
        super.delete(id, expectedVersion, caller);
    }

    private static void checkTerm(Invoice inv) {
        if (inv.getPaymentTermDays() != null && (inv.getPaymentTermDays() < 0 || inv.getPaymentTermDays() > 3650)) {
            throw AtriumException.invalidField("paymentTermDays", "must be between 0 and 3650");
        }
    }

    static void expect(Invoice i, String action, String... statuses) {
        for (String s : statuses) {
            if (s.equals(i.getStatus())) {
                return;
            }
        }
        throw AtriumException.conflict("invoice-status", "cannot " + action + " invoice " + i.getNumber() + " in status "
                + i.getStatus() + "; it must be " + String.join(" or ", statuses)).with("currentStatus", i.getStatus())
                .localized("invoice-status", action, i.getNumber(), i.getStatus(), List.of(statuses));
    }

    static List<InvoiceLine> lines(EntityManager em, String invoiceId) {
        return em.createQuery("SELECT l FROM InvoiceLine l WHERE l.invoiceId = :i AND l.deletedAt IS NULL ORDER BY l.position",
                InvoiceLine.class).setParameter("i", invoiceId).getResultList();
    }

    /**
     * Fills {@code inv} (initialised, not yet persisted) for {@code order} and persists its lines: {@code wanted}
     * quantities per order line, at the order's prices (an amount discount in proportion to the quantity).
     */
    private void build(EntityManager em, Invoice inv, Fulfilment.Order order, Map<String, BigDecimal> wanted, String kind, Caller caller) {
        if (wanted.isEmpty()) {
            throw AtriumException.conflict("order-invoiced", "sales order " + order.number() + " has nothing left to invoice")
                    .localized("order-invoiced", order.number());
        }
        checkTerm(inv);
        inv.setSalesOrderId(order.id());
        inv.setSalesOrderNumber(order.number());
        inv.setAccountId(order.accountId());
        inv.setContactId(order.contactId());
        inv.setOwnerId(order.ownerId() != null ? order.ownerId() : inv.getOwnerId());
        inv.setCurrency(order.currency());
        inv.setKind(kind);
        if (inv.getBillingAddress() == null) {
            inv.setBillingAddress(order.billingAddress());
        }
        inv.setStatus(InvoiceStatus.DRAFT);
        inv.setPaidAmount(BigDecimal.ZERO);
        inv.setNumber(numbers.next(SERIES));
        // the order's shipping goes on its first invoice
        boolean first = InvoicingTypes.STANDARD.equals(kind) && order.invoicedAmount().signum() == 0 && !anyInvoice(em, order.id());
        inv.setShipping(first ? order.shipping() : null);
        inv.setShippingTaxRate(first ? order.shippingTaxRate() : null);
        Map<String, Fulfilment.OrderLine> byId = new HashMap<>();
        order.lines().forEach(l -> byId.put(l.id(), l));
        List<InvoiceLine> lines = new ArrayList<>();
        Instant now = now();
        long position = 0;
        for (Map.Entry<String, BigDecimal> e : wanted.entrySet()) {
            Fulfilment.OrderLine ol = byId.get(e.getKey());
            if (ol == null) {
                throw AtriumException.invalid("lines", "not-a-line-of", "no line " + e.getKey() + " on sales order " + order.number(), e.getKey(),
                        order.number());
            }
            InvoiceLine l = new InvoiceLine();
            l.initialise(RecordIds.next(), now, caller);
            l.setOwnerId(inv.getOwnerId());
            l.setInvoiceId(inv.getId());
            l.setPosition(++position);
            l.setSalesOrderLineId(ol.id());
            l.setProductId(ol.productId());
            l.setProductName(ol.productName());
            l.setSku(ol.sku());
            l.setUnit(ol.unit());
            l.setQuantity(e.getValue());
            l.setUnitPrice(ol.unitPrice());
            l.setDiscountPercent(ol.discountPercent());
            if (ol.discountAmount() != null && ol.discountAmount().signum() != 0) {
                l.setDiscountAmount(e.getValue().compareTo(ol.quantity()) == 0 ? ol.discountAmount()
                        : Amounts.round(ol.discountAmount().multiply(e.getValue()).divide(ol.quantity(), 10, RoundingMode.HALF_UP), order.currency()));
            }
            l.setTaxRate(ol.taxRate());
            lines.add(l);
        }
        Amounts.Totals t = Amounts.totals(lines.stream().map(l -> new Amounts.Line(l.getQuantity(), l.getUnitPrice(), l.getDiscountPercent(),
                l.getDiscountAmount(), l.getTaxRate())).toList(), inv.getShipping(), inv.getShippingTaxRate(), null, order.currency());
        for (int i = 0; i < lines.size(); i++) {
            Amounts.LineAmount a = t.lines().get(i);
            InvoiceLine l = lines.get(i);
            l.setGrossAmount(Amounts.round(a.gross(), order.currency()));
            l.setLineDiscount(a.discount());
            l.setNetAmount(a.net());
            l.beforeSave();
            em.persist(l);
            em.persist(new RecordChangeRow(InvoicingTypes.INVOICE_LINE.name(), l.getId(), "CREATED", null, null, null, caller.userId(), now));
        }
        inv.setSubtotal(t.subtotal());
        inv.setDiscountTotal(t.discountTotal());
        inv.setTaxTotal(t.taxTotal());
        inv.setGrandTotal(t.grandTotal());
        inv.setTaxBreakdown(DocumentLines.taxBreakdown(t.taxes()));
        inv.setLineCount((long) lines.size());
    }

    private static boolean anyInvoice(EntityManager em, String orderId) {
        return em.createQuery("SELECT COUNT(i) FROM Invoice i WHERE i.salesOrderId = :o AND i.deletedAt IS NULL AND i.status <> :c"
                + " AND i.kind = :k", Long.class).setParameter("o", orderId).setParameter("c", InvoiceStatus.CANCELLED)
                .setParameter("k", InvoicingTypes.STANDARD).getSingleResult() > 0;
    }

    /**
     * A draft invoice of what {@code noteIds} (issued, shipped or delivered notes of the order) delivered and is not
     * yet invoiced; without notes, of everything of the order not yet invoiced.
     */
    Invoice fromOrder(String orderId, List<String> noteIds, Map<String, Object> values, Caller caller) {
        Fulfilment.Order order = DeliveryNoteStore.deliverable(fulfilment, orderId);
        Invoice created = tx(em -> {
            Map<String, BigDecimal> wanted = new LinkedHashMap<>();
            if (noteIds.isEmpty()) {
                order.lines().stream().filter(l -> l.toInvoice().signum() > 0).forEach(l -> wanted.put(l.id(), l.toInvoice()));
            } else {
                for (int i = 0; i < noteIds.size(); i++) {
                    DeliveryNote n = em.find(DeliveryNote.class, noteIds.get(i));
                    if (n == null || n.isDeleted() || !orderId.equals(n.getSalesOrderId())) {
                        throw AtriumException.invalid("deliveryNoteIds[" + i + "]", "not-a-delivery-of", "no delivery note " + noteIds.get(i)
                                + " of sales order " + order.number(), noteIds.get(i), order.number());
                    }
                    if (!List.of(InvoicingTypes.ISSUED, InvoicingTypes.SHIPPED, InvoicingTypes.DELIVERED).contains(n.getStatus())) {
                        throw AtriumException.invalid("deliveryNoteIds[" + i + "]", "delivery-not-out", "delivery note " + n.getNumber() + " is "
                                + n.getStatus() + "; only what went out is invoiced", n.getNumber(), n.getStatus());
                    }
                    DeliveryNoteStore.lines(em, n.getId()).forEach(l -> wanted.merge(l.getSalesOrderLineId(), l.getQuantity(), BigDecimal::add));
                }
            }
            Invoice inv = new Invoice();
            for (Map.Entry<String, Object> e : values.entrySet()) {
                InvoicingTypes.INVOICE.field(e.getKey()).filter(f -> !f.isReadOnly()).ifPresent(f -> f.set(inv, e.getValue()));
            }
            Instant now = now();
            inv.initialise(RecordIds.next(), now, caller);
            build(em, inv, order, wanted, InvoicingTypes.STANDARD, caller);
            inv.setDeliveryNoteIds(noteIds.isEmpty() ? null : String.join(",", noteIds));
            inv.beforeSave();
            em.persist(inv);
            em.persist(new RecordChangeRow(InvoicingTypes.INVOICE.name(), inv.getId(), "CREATED", null, null, null, caller.userId(), now));
            em.flush();
            return inv;
        });
        post(Action.CREATED, created.getId(), caller, Map.of(DomainEvents.CHANGED_FIELDS, new String[0]));
        linesCreated(created.getId(), caller);
        return created;
    }

    private static List<Fulfilment.Quantity> quantities(List<InvoiceLine> lines) {
        return lines.stream().map(l -> new Fulfilment.Quantity(l.getSalesOrderLineId(), l.getQuantity())).toList();
    }

    /** Draft → issued: issue date (today by default), due date = issue date + term, the order's invoiced quantities. */
    Invoice issue(String id, Caller caller) {
        Invoice issued = updateBySystem(id, caller, (em, inv) -> {
            expect(inv, "issue", InvoiceStatus.DRAFT);
            Fulfilment.Order order = fulfilment.lock(em, inv.getSalesOrderId());
            fulfilment.invoice(em, inv.getSalesOrderId(), quantities(lines(em, id)), inv.getGrandTotal(), caller);
            issueDates(inv, order.paymentTermDays(), LocalDate.now());
            inv.setStatus(InvoiceStatus.ISSUED);
            inv.setIssuedAt(now());
        }, STATE_FIELDS);
        fulfilment.committed(issued.getSalesOrderId(), caller);
        announce(CommerceEvents.INVOICE_ISSUED, issued, caller, Map.of("dueDate", issued.getDueDate().toString()));
        return issued;
    }

    static void issueDates(Invoice inv, Long orderTerm, LocalDate today) {
        if (inv.getIssueDate() == null) {
            inv.setIssueDate(today);
        }
        if (inv.getPaymentTermDays() == null) {
            inv.setPaymentTermDays(orderTerm == null ? 0L : orderTerm);
        }
        inv.setDueDate(inv.getIssueDate().plusDays(inv.getPaymentTermDays()));
    }

    /** Draft or issued (nothing paid) → cancelled; an issued one gives its quantities and amount back to the order. */
    Invoice cancel(String id, String reason, Caller caller) {
        boolean[] wasIssued = new boolean[1];
        Invoice cancelled = updateBySystem(id, caller, (em, inv) -> {
            expect(inv, "cancel", InvoiceStatus.DRAFT, InvoiceStatus.ISSUED);
            if (inv.getPaidAmount() != null && inv.getPaidAmount().signum() != 0) {
                throw AtriumException.conflict("invoice-paid", "invoice " + inv.getNumber() + " has " + inv.getPaidAmount().toPlainString()
                        + " paid; refund the payments first").with("paidAmount", inv.getPaidAmount().toPlainString())
                        .localized("invoice-paid", inv.getNumber(), inv.getPaidAmount().toPlainString());
            }
            if (InvoiceStatus.ISSUED.equals(inv.getStatus()) && InvoicingTypes.STANDARD.equals(inv.getKind())) {
                fulfilment.lock(em, inv.getSalesOrderId());
                fulfilment.uninvoice(em, inv.getSalesOrderId(), quantities(lines(em, id)), inv.getGrandTotal(), caller);
                wasIssued[0] = true;
            }
            inv.setStatus(InvoiceStatus.CANCELLED);
            inv.setCancelledAt(now());
            inv.setCancelReason(reason == null || reason.isBlank() ? null : reason.strip());
        }, STATE_FIELDS);
        if (wasIssued[0]) {
            fulfilment.committed(cancelled.getSalesOrderId(), caller);
        }
        announce(CommerceEvents.INVOICE_CANCELLED, cancelled, caller, reason == null ? Map.of() : Map.of(CommerceEvents.REASON, reason));
        return cancelled;
    }

    /**
     * The invoice of the period of {@code orderId}'s schedule due on {@code due}, issued, in the transaction that claims
     * the period (null when another run claimed it): all of the order's lines, dated {@code due}, due after the
     * schedule's payment term (the order's when it has none).
     */
    Invoice recurring(String orderId, LocalDate due, Caller caller) {
        Invoice inv = tx(em -> {
            Fulfilment.Order order = fulfilment.lock(em, orderId);
            if (!fulfilment.claimScheduledRun(em, orderId, due)) {
                return null;
            }
            Map<String, BigDecimal> wanted = new LinkedHashMap<>();
            order.lines().forEach(l -> wanted.put(l.id(), l.quantity()));
            Invoice x = new Invoice();
            Instant now = now();
            x.initialise(RecordIds.next(), now, caller);
            build(em, x, order, wanted, InvoicingTypes.RECURRING, caller);
            x.setPeriodStart(due);
            x.setPeriodEnd(Fulfilment.nextRun(order.invoiceFrequency(), due).minusDays(1));
            x.setIssueDate(due);
            x.setPaymentTermDays(order.invoicePaymentTermDays());
            issueDates(x, order.paymentTermDays(), due);
            x.setStatus(InvoiceStatus.ISSUED);
            x.setIssuedAt(now);
            x.beforeSave();
            em.persist(x);
            em.persist(new RecordChangeRow(InvoicingTypes.INVOICE.name(), x.getId(), "CREATED", null, null, null, caller.userId(), now));
            em.flush();
            return x;
        });
        if (inv != null) {
            post(Action.CREATED, inv.getId(), caller, Map.of(DomainEvents.CHANGED_FIELDS, new String[0]));
            linesCreated(inv.getId(), caller);
            fulfilment.committed(orderId, caller);
            announce(CommerceEvents.INVOICE_ISSUED, inv, caller, Map.of("dueDate", inv.getDueDate().toString()));
        }
        return inv;
    }

    void announce(String topic, Invoice inv, Caller caller, Map<String, Object> extra) {
        Map<String, Object> props = new HashMap<>(extra);
        props.put(DomainEvents.ENTITY, InvoicingTypes.INVOICE.name());
        props.put(DomainEvents.ID, inv.getId());
        props.put(DomainEvents.USER_ID, caller.userId());
        props.put(CommerceEvents.NUMBER, inv.getNumber());
        if (inv.getAccountId() != null) {
            props.put(CommerceEvents.ACCOUNT_ID, inv.getAccountId());
        }
        props.put(CommerceEvents.AMOUNT, inv.getGrandTotal().toPlainString());
        props.put(CommerceEvents.CURRENCY, inv.getCurrency());
        props.put(CommerceEvents.SOURCE_ENTITY, "SalesOrder");
        props.put(CommerceEvents.SOURCE_ID, inv.getSalesOrderId());
        events.postEvent(new Event(topic, props));
    }

    /** Issued invoices not fully paid take payments. */
    static final List<String> PAYABLE = List.of(InvoiceStatus.ISSUED, InvoiceStatus.PARTLY_PAID);

    /** Open invoices of {@code accountIds} in {@code currency} (null for any), oldest due first. */
    List<Invoice> openInvoices(java.util.Collection<String> accountIds, String currency) {
        return tx(em -> em.createQuery("SELECT i FROM Invoice i WHERE i.accountId IN :a AND i.status IN :s AND i.deletedAt IS NULL"
                + (currency == null ? "" : " AND i.currency = :c") + " ORDER BY i.dueDate, i.id", Invoice.class)
                .setParameter("a", accountIds).setParameter("s", PAYABLE)
                .setParameter(currency == null ? "s" : "c", currency == null ? PAYABLE : currency).getResultList());
    }

    /** Open invoices falling due from {@code from} to {@code to}, oldest first. */
    List<Invoice> dueInvoices(LocalDate from, LocalDate to, int limit) {
        return tx(em -> em.createQuery("SELECT i FROM Invoice i WHERE i.dueDate BETWEEN :f AND :t AND i.status IN :s AND i.deletedAt IS NULL"
                + " ORDER BY i.dueDate, i.id", Invoice.class).setParameter("f", from).setParameter("t", to).setParameter("s", PAYABLE)
                .setMaxResults(limit).getResultList());
    }

    /** After a payment committed: the lists learn the new paid amount, and a paid invoice is announced. */
    void paid(String id, Caller caller) {
        post(Action.UPDATED, id, caller, Map.of(DomainEvents.CHANGED_FIELDS, new String[] {"paidAmount", "status"}));
        find(id).filter(i -> InvoiceStatus.PAID.equals(i.getStatus())).ifPresent(i -> announce(CommerceEvents.INVOICE_PAID, i, caller, Map.of()));
    }

    /** Work in this store's unit, for the printed document. */
    <R> R inTransaction(org.apache.aries.jpa.template.EmFunction<R> work) {
        return tx(work);
    }
}
