package org.atriumcrm.invoicing.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.error.FieldError;
import org.atriumcrm.api.event.DomainEvents;
import org.atriumcrm.api.event.DomainEvents.Action;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.commerce.api.Catalog;
import org.atriumcrm.commerce.api.CommerceEvents;
import org.atriumcrm.commerce.api.DocumentNumbers;
import org.atriumcrm.inventory.api.Ledger;
import org.atriumcrm.inventory.api.MovementTypes;
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
 * Delivery notes of confirmed sales orders. {@code issue} is one transaction: the DELIVERY movements of each stocked
 * product and of its bundled and gift items through the inventory {@link Ledger} (409 {@code insufficient-stock}
 * naming the shortfall), the order lines' delivered quantities through {@link Fulfilment} (400 over what remains)
 * and the order's status — all or nothing. {@code cancel} of an issued note books the goods back (RETURN) and takes
 * the delivered quantities back, in one transaction too. Locks are always taken balances first, then the order, so
 * that issues and cancellations never wait on each other in a circle.
 */
@Component(service = {RecordStore.class, DeliveryNoteStore.class}, property = RecordStore.ENTITY_PROPERTY + "=DeliveryNote")
public class DeliveryNoteStore extends JpaRecordStore<DeliveryNote> {
    static final String SERIES = "DN";
    private static final String[] STATE_FIELDS = {"status", "issuedAt", "shippedAt", "deliveredAt", "cancelledAt", "cancelReason",
        "warehouseId", "lineCount"};
    /**
     * An issuing transaction holds its connection while it waits for a stock balance's lock, and the ledger's checks
     * read the catalog and the warehouses on other connections: with the pool's 16 connections, at most 8 issue or
     * cancel at once, so that those reads always find a free one.
     */
    private static final Semaphore MOVING = new Semaphore(8, true);

    private final DocumentNumbers numbers;
    private final Fulfilment fulfilment;
    private final Ledger ledger;
    private final Catalog catalog;
    private final EventAdmin events;

    @Activate
    public DeliveryNoteStore(@Reference(target = "(osgi.unit.name=" + InvoicingTypes.UNIT + ")") JpaTemplate jpa, @Reference EventAdmin events,
            @Reference DocumentNumbers numbers, @Reference Fulfilment fulfilment, @Reference Ledger ledger, @Reference Catalog catalog,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + InvoicingTypes.MODULE + ")") ModuleGate gate) {
        super(InvoicingTypes.NOTE, jpa, events, InvoicingTypes.ALL);
        this.numbers = numbers;
        this.fulfilment = fulfilment;
        this.ledger = ledger;
        this.catalog = catalog;
        this.events = events;
    }

    <R> R inTransaction(org.apache.aries.jpa.template.EmFunction<R> work) {
        return tx(work);
    }

    /** The order a note or invoice is for, confirmed (409 otherwise); 400 when there is none. */
    static Fulfilment.Order deliverable(Fulfilment fulfilment, String orderId) {
        Fulfilment.Order order = orderId == null ? null : fulfilment.order(orderId).orElse(null);
        if (order == null) {
            throw orderId == null ? AtriumException.invalid("salesOrderId", "required", "is required")
                    : AtriumException.invalid("salesOrderId", "reference-not-found", "no SalesOrder with id " + orderId, "SalesOrder", orderId);
        }
        if (!List.of("confirmed", "partly_delivered", "delivered").contains(order.status())) {
            throw AtriumException.conflict("order-not-confirmed", "sales order " + order.number() + " is " + order.status()
                    + "; only a confirmed order is delivered or invoiced").with("currentStatus", order.status())
                    .localized("order-not-confirmed", order.number(), order.status());
        }
        return order;
    }

    @Override
    protected void beforeCreate(EntityManager em, DeliveryNote n, Caller caller) {
        Fulfilment.Order order = deliverable(fulfilment, n.getSalesOrderId());
        prepare(n, order);
    }

    private void prepare(DeliveryNote n, Fulfilment.Order order) {
        n.setAccountId(order.accountId());
        n.setSalesOrderNumber(order.number());
        n.setOwnerId(order.ownerId() != null ? order.ownerId() : n.getOwnerId());
        if (n.getShippingAddress() == null) {
            n.setShippingAddress(order.shippingAddress());
        }
        if (n.getDeliveryDate() == null) {
            n.setDeliveryDate(LocalDate.now());
        }
        n.setStatus(InvoicingTypes.DRAFT);
        n.setLineCount(0L);
        n.setNumber(numbers.next(SERIES));
    }

    @Override
    protected void beforeUpdate(EntityManager em, DeliveryNote n, Set<String> changed, Caller caller) {
        if (changed.contains("salesOrderId")) {
            throw AtriumException.invalid("salesOrderId", "document-stays-with-order", "a delivery note stays with its sales order");
        }
        if (changed.contains("warehouseId") && !InvoicingTypes.DRAFT.equals(n.getStatus())) {
            throw AtriumException.conflict("delivery-note-issued", "delivery note " + n.getNumber() + " is " + n.getStatus()
                    + ": its goods left the warehouse already").with("currentStatus", n.getStatus())
                    .localized("delivery-note-issued", n.getNumber(), n.getStatus());
        }
        if (InvoicingTypes.CANCELLED.equals(n.getStatus()) || InvoicingTypes.DELIVERED.equals(n.getStatus())) {
            throw AtriumException.conflict("delivery-note-closed", "delivery note " + n.getNumber() + " is " + n.getStatus()
                    + " and takes nothing more").with("currentStatus", n.getStatus()).localized("delivery-note-closed", n.getNumber(), n.getStatus());
        }
    }

    @Override
    public void delete(String id, Long expectedVersion, Caller caller) {
        find(id).ifPresent(n -> expect(n, "delete", InvoicingTypes.DRAFT));
        super.delete(id, expectedVersion, caller);
    }

    static void expect(DeliveryNote n, String action, String... statuses) {
        for (String s : statuses) {
            if (s.equals(n.getStatus())) {
                return;
            }
        }
        throw AtriumException.conflict("delivery-note-status", "cannot " + action + " delivery note " + n.getNumber() + " in status "
                + n.getStatus() + "; it must be " + String.join(" or ", statuses)).with("currentStatus", n.getStatus())
                .localized("delivery-note-status", action, n.getNumber(), n.getStatus(), List.of(statuses));
    }

    static List<DeliveryNoteLine> lines(EntityManager em, String noteId) {
        return em.createQuery("SELECT l FROM DeliveryNoteLine l WHERE l.deliveryNoteId = :n AND l.deletedAt IS NULL ORDER BY l.position, l.createdAt",
                DeliveryNoteLine.class).setParameter("n", noteId).getResultList();
    }

    /** What a note asks of an order: a line of it and a quantity. */
    record Ask(String salesOrderLineId, BigDecimal quantity) {
    }

    /**
     * A draft note for {@code orderId} with {@code asks} as its lines (all that remains to deliver when empty), in one
     * transaction; each quantity is at most what remains now (400), which {@code issue} checks again under the lock.
     */
    DeliveryNote draft(String orderId, Map<String, Object> values, List<Ask> asks, Caller caller) {
        return deliver(orderId, values, asks, false, caller);
    }

    /**
     * As {@link #draft}, and when {@code issue} the note is issued in the same transaction (stock out, the order's
     * delivered quantities): a refusal of the issue (a shortage, another note delivering the same lines first) leaves
     * nothing behind, not a draft that each retry would add to.
     */
    DeliveryNote deliver(String orderId, Map<String, Object> values, List<Ask> asks, boolean issue, Caller caller) {
        Fulfilment.Order order = deliverable(fulfilment, orderId);
        Map<String, Fulfilment.OrderLine> byId = new HashMap<>();
        order.lines().forEach(l -> byId.put(l.id(), l));
        List<Ask> wanted = wanted(order, byId, asks);
        Instant now = now();
        DeliveryNote n = new DeliveryNote();
        for (Map.Entry<String, Object> e : values.entrySet()) {
            InvoicingTypes.NOTE.field(e.getKey()).filter(f -> !f.isReadOnly()).ifPresent(f -> f.set(n, e.getValue()));
        }
        n.initialise(RecordIds.next(), now, caller);
        n.setSalesOrderId(order.id());
        prepare(n, order);
        n.setLineCount((long) wanted.size());
        List<DeliveryNoteLine> lines = new ArrayList<>();
        for (Ask a : wanted) {
            DeliveryNoteLine l = new DeliveryNoteLine();
            l.initialise(RecordIds.next(), now, caller);
            l.setOwnerId(n.getOwnerId());
            l.setDeliveryNoteId(n.getId());
            l.setPosition((long) lines.size() + 1);
            DeliveryNoteLineStore.describe(l, byId.get(a.salesOrderLineId()), catalog);
            l.setQuantity(a.quantity());
            lines.add(l);
        }
        String warehouse = n.getWarehouseId() != null || !issue ? n.getWarehouseId() : ledger.defaultWarehouseId();
        List<Ledger.Move> moves = issue ? moves(lines, warehouse, -1) : List.of();
        Ledger.Booking[] booking = new Ledger.Booking[1];
        java.util.function.Supplier<DeliveryNote> write = () -> tx(em -> {
            if (issue) {
                n.setWarehouseId(warehouse);
                n.setStatus(InvoicingTypes.ISSUED);
                n.setIssuedAt(now);
            }
            n.beforeSave();
            em.persist(n);
            em.persist(new RecordChangeRow(InvoicingTypes.NOTE.name(), n.getId(), "CREATED", null, null, null, caller.userId(), now));
            for (DeliveryNoteLine l : lines) {
                l.beforeSave();
                em.persist(l);
                em.persist(new RecordChangeRow(InvoicingTypes.NOTE_LINE.name(), l.getId(), "CREATED", null, null, null, caller.userId(), now));
            }
            if (issue) {
                if (!moves.isEmpty()) {
                    booking[0] = ledger.book(em, MovementTypes.DELIVERY, new Ledger.Source(InvoicingTypes.NOTE.name(), n.getId(),
                            "delivery note " + n.getNumber() + " of sales order " + n.getSalesOrderNumber()), moves, caller);
                }
                fulfilment.lock(em, n.getSalesOrderId());
                fulfilment.deliver(em, n.getSalesOrderId(), quantities(lines), caller);
            }
            em.flush();
            return n;
        });
        DeliveryNote note = issue ? moving(write) : write.get();
        post(Action.CREATED, note.getId(), caller, Map.of(DomainEvents.CHANGED_FIELDS, new String[0]));
        created(events, InvoicingTypes.NOTE_LINE.name(), lines.stream().map(DeliveryNoteLine::getId).toList(), caller);
        if (issue) {
            if (booking[0] != null) {
                ledger.committed(booking[0]);
            }
            fulfilment.committed(note.getSalesOrderId(), caller);
            announce(CommerceEvents.DELIVERY_NOTE_ISSUED, note, caller, Map.of());
        }
        return note;
    }

    /** The lines asked for (all that remain when none), each checked against what remains now: 400 naming each line refused. */
    private static List<Ask> wanted(Fulfilment.Order order, Map<String, Fulfilment.OrderLine> byId, List<Ask> asks) {
        List<Ask> wanted = new ArrayList<>(asks);
        if (wanted.isEmpty()) {
            order.lines().stream().filter(l -> l.toDeliver().signum() > 0).forEach(l -> wanted.add(new Ask(l.id(), l.toDeliver())));
            if (wanted.isEmpty()) {
                throw AtriumException.conflict("order-delivered", "sales order " + order.number() + " has nothing left to deliver")
                        .localized("order-delivered", order.number());
            }
        }
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < wanted.size(); i++) {
            Ask a = wanted.get(i);
            Fulfilment.OrderLine l = byId.get(a.salesOrderLineId());
            if (l == null) {
                errors.add(FieldError.of("lines[" + i + "].salesOrderLineId", "not-a-line-of", "no line " + a.salesOrderLineId() + " on sales order "
                        + order.number(), a.salesOrderLineId(), order.number()));
            } else if (a.quantity() == null || a.quantity().signum() <= 0) {
                errors.add(new FieldError("lines[" + i + "].quantity", "must be greater than 0"));
            } else if (a.quantity().compareTo(l.toDeliver()) > 0) {
                errors.add(FieldError.of("lines[" + i + "].quantity", "quantity-exceeds-remaining", "line " + l.position() + " (" + l.sku() + " "
                        + l.productName() + "): ordered " + plain(l.quantity()) + ", delivered " + plain(l.delivered()) + ", asked "
                        + plain(a.quantity()) + " — only " + plain(l.toDeliver()) + " remain", l.position(), l.sku(), l.productName(),
                        plain(l.quantity()), "delivered", plain(l.delivered()), plain(a.quantity()), plain(l.toDeliver())));
            }
        }
        if (!errors.isEmpty()) {
            throw new AtriumException(400, "delivery-exceeds-remaining", "Bad request",
                    errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message() : errors.size() + " lines are refused", errors);
        }
        return wanted;
    }

    /** The stock a note's lines take out: each stocked product and its stocked bundled and gift items, per unit. */
    List<Ledger.Move> moves(List<DeliveryNoteLine> lines, String warehouseId, int sign) {
        List<Ledger.Move> moves = new ArrayList<>();
        for (DeliveryNoteLine l : lines) {
            Catalog.Item item = catalog.item(l.getProductId()).orElse(null);
            if (item == null) {
                continue; // a service or a product since removed: nothing of it is in stock
            }
            if (item.stocked()) {
                moves.add(new Ledger.Move(item.id(), warehouseId, l.getQuantity().multiply(BigDecimal.valueOf(sign)), null, l.getId()));
            }
            for (Catalog.Component c : item.components()) {
                Catalog.Item part = catalog.item(c.productId()).orElse(null);
                if (part != null && part.stocked()) {
                    moves.add(new Ledger.Move(part.id(), warehouseId, l.getQuantity().multiply(c.quantity()).multiply(BigDecimal.valueOf(sign)),
                            null, l.getId()));
                }
            }
        }
        return moves;
    }

    private static List<Fulfilment.Quantity> quantities(List<DeliveryNoteLine> lines) {
        Map<String, BigDecimal> per = new LinkedHashMap<>();
        for (DeliveryNoteLine l : lines) {
            per.merge(l.getSalesOrderLineId(), l.getQuantity(), BigDecimal::add);
        }
        return per.entrySet().stream().map(e -> new Fulfilment.Quantity(e.getKey(), e.getValue())).collect(Collectors.toList());
    }

    /** Draft → issued: stock out (gift items too), the order's delivered quantities and status; all or nothing. */
    DeliveryNote issue(String id, Caller caller) {
        DeliveryNote before = find(id).orElseThrow(() -> AtriumException.notFound("no DeliveryNote with id " + id).localized("record-not-found", "DeliveryNote", id));
        expect(before, "issue", InvoicingTypes.DRAFT);
        List<DeliveryNoteLine> lines = tx(em -> lines(em, id));
        if (lines.isEmpty()) {
            throw AtriumException.conflict("delivery-note-empty", "delivery note " + before.getNumber() + " has no lines")
                    .localized("delivery-note-empty", before.getNumber());
        }
        deliverable(fulfilment, before.getSalesOrderId());
        String warehouse = before.getWarehouseId() != null ? before.getWarehouseId() : ledger.defaultWarehouseId();
        List<Ledger.Move> moves = moves(lines, warehouse, -1);
        Ledger.Booking[] booking = new Ledger.Booking[1];
        DeliveryNote issued = moving(() -> updateBySystem(id, caller, (em, n) -> {
            expect(n, "issue", InvoicingTypes.DRAFT);
            List<DeliveryNoteLine> now = lines(em, id);
            if (!sameLines(now, lines)) {
                throw AtriumException.conflict("concurrent-update", "delivery note " + n.getNumber() + " changed meanwhile: try again")
                        .localized("concurrent-update", InvoicingTypes.NOTE.label());
            }
            if (!moves.isEmpty()) {
                booking[0] = ledger.book(em, MovementTypes.DELIVERY, new Ledger.Source(InvoicingTypes.NOTE.name(), id,
                        "delivery note " + n.getNumber() + " of sales order " + n.getSalesOrderNumber()), moves, caller);
            }
            fulfilment.lock(em, n.getSalesOrderId());
            fulfilment.deliver(em, n.getSalesOrderId(), quantities(now), caller);
            n.setWarehouseId(warehouse);
            n.setStatus(InvoicingTypes.ISSUED);
            n.setIssuedAt(now());
        }, STATE_FIELDS));
        if (booking[0] != null) {
            ledger.committed(booking[0]);
        }
        fulfilment.committed(issued.getSalesOrderId(), caller);
        announce(CommerceEvents.DELIVERY_NOTE_ISSUED, issued, caller, Map.of());
        return issued;
    }

    private static boolean sameLines(List<DeliveryNoteLine> a, List<DeliveryNoteLine> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).getId().equals(b.get(i).getId()) || a.get(i).getQuantity().compareTo(b.get(i).getQuantity()) != 0) {
                return false;
            }
        }
        return true;
    }

    private static <R> R moving(java.util.function.Supplier<R> work) {
        MOVING.acquireUninterruptibly();
        try {
            return work.get();
        } finally {
            MOVING.release();
        }
    }

    /** Issued → shipped (the carrier has it). */
    DeliveryNote ship(String id, Caller caller) {
        DeliveryNote n = updateBySystem(id, caller, (em, x) -> {
            expect(x, "ship", InvoicingTypes.ISSUED);
            x.setStatus(InvoicingTypes.SHIPPED);
            x.setShippedAt(now());
        }, STATE_FIELDS);
        announce(CommerceEvents.DELIVERY_NOTE_SHIPPED, n, caller, Map.of());
        return n;
    }

    /** Issued or shipped → delivered (the customer signed for it). */
    DeliveryNote delivered(String id, Caller caller) {
        DeliveryNote n = updateBySystem(id, caller, (em, x) -> {
            expect(x, "mark delivered", InvoicingTypes.ISSUED, InvoicingTypes.SHIPPED);
            x.setStatus(InvoicingTypes.DELIVERED);
            x.setDeliveredAt(now());
        }, STATE_FIELDS);
        announce(CommerceEvents.DELIVERY_NOTE_DELIVERED, n, caller, Map.of());
        return n;
    }

    /** Draft → cancelled; issued → cancelled with the goods booked back and the order's delivered quantities taken back. */
    DeliveryNote cancel(String id, String reason, Caller caller) {
        DeliveryNote before = find(id).orElseThrow(() -> AtriumException.notFound("no DeliveryNote with id " + id).localized("record-not-found", "DeliveryNote", id));
        expect(before, "cancel", InvoicingTypes.DRAFT, InvoicingTypes.ISSUED);
        boolean issued = InvoicingTypes.ISSUED.equals(before.getStatus());
        List<DeliveryNoteLine> lines = tx(em -> lines(em, id));
        List<Ledger.Move> moves = issued ? moves(lines, before.getWarehouseId(), +1) : List.of();
        Ledger.Booking[] booking = new Ledger.Booking[1];
        DeliveryNote cancelled = moving(() -> updateBySystem(id, caller, (em, n) -> {
            expect(n, "cancel", before.getStatus());
            if (issued) {
                if (!moves.isEmpty()) {
                    booking[0] = ledger.book(em, MovementTypes.RETURN, new Ledger.Source(InvoicingTypes.NOTE.name(), id,
                            "delivery note " + n.getNumber() + " cancelled"), moves, caller);
                }
                fulfilment.undeliver(em, n.getSalesOrderId(), quantities(lines(em, id)), caller);
            }
            n.setStatus(InvoicingTypes.CANCELLED);
            n.setCancelledAt(now());
            n.setCancelReason(reason == null || reason.isBlank() ? null : reason.strip());
        }, STATE_FIELDS));
        if (booking[0] != null) {
            ledger.committed(booking[0]);
        }
        if (issued) {
            fulfilment.committed(cancelled.getSalesOrderId(), caller);
        }
        announce(CommerceEvents.DELIVERY_NOTE_CANCELLED, cancelled, caller, reason == null ? Map.of() : Map.of(CommerceEvents.REASON, reason));
        return cancelled;
    }

    /**
     * Records of another type of the module written in one of its stores' transactions (a document's lines): the list
     * index and the listeners hear of them as of records created through their own store.
     */
    static void created(EventAdmin events, String entity, List<String> ids, Caller caller) {
        if (ids.isEmpty()) {
            return;
        }
        events.sendEvent(new Event(DomainEvents.COMMITTED_TOPIC, Map.of(DomainEvents.ENTITY, entity, DomainEvents.IDS,
                ids.toArray(String[]::new))));
        for (String id : ids) {
            events.postEvent(new Event(DomainEvents.topic(entity, Action.CREATED), Map.of(DomainEvents.ENTITY, entity, DomainEvents.ID, id,
                    DomainEvents.USER_ID, caller.userId(), DomainEvents.CHANGED_FIELDS, new String[0])));
        }
    }

    void linesChanged(String noteId, Caller caller) {
        post(Action.UPDATED, noteId, caller, Map.of(DomainEvents.CHANGED_FIELDS, new String[] {"lineCount"}));
    }

    void announce(String topic, DeliveryNote n, Caller caller, Map<String, Object> extra) {
        Map<String, Object> props = new HashMap<>(extra);
        props.put(DomainEvents.ENTITY, InvoicingTypes.NOTE.name());
        props.put(DomainEvents.ID, n.getId());
        props.put(DomainEvents.USER_ID, caller.userId());
        props.put(CommerceEvents.NUMBER, n.getNumber());
        if (n.getAccountId() != null) {
            props.put(CommerceEvents.ACCOUNT_ID, n.getAccountId());
        }
        props.put(CommerceEvents.SOURCE_ENTITY, "SalesOrder");
        props.put(CommerceEvents.SOURCE_ID, n.getSalesOrderId());
        if (n.getWarehouseId() != null) {
            props.put(CommerceEvents.WAREHOUSE_ID, n.getWarehouseId());
        }
        events.postEvent(new Event(topic, props));
    }

    static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }
}
