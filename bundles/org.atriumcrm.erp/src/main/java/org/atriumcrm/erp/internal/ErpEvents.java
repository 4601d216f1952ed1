package org.atriumcrm.erp.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.atriumcrm.api.event.DomainEvents;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.record.RecordStores;
import org.atriumcrm.commerce.api.CommerceEvents;
import org.atriumcrm.connectors.api.ConnectorConfig;
import org.atriumcrm.connectors.api.ConnectorDirectory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Turns the order-to-cash events into messages to every active ERP connector that sends that kind ({@code send}
 * setting, default all): a confirmed or cancelled sales order, a new or changed account or contact (as its account's
 * customer message), a delivery note shipped or delivered, an invoice issued or paid, a payment recorded. The message
 * is made from the record as it is when the event is handled, on this service's own thread (EventAdmin's must return
 * at once); the reconciliation finds what a crash between the commit and the queueing left out.
 */
@Component(service = {ErpEvents.class, EventHandler.class}, property = {
    EventConstants.EVENT_TOPIC + "=atrium/SalesOrder/CONFIRMED", EventConstants.EVENT_TOPIC + "=atrium/SalesOrder/CANCELLED",
    EventConstants.EVENT_TOPIC + "=atrium/Account/CREATED", EventConstants.EVENT_TOPIC + "=atrium/Account/UPDATED",
    EventConstants.EVENT_TOPIC + "=atrium/Contact/CREATED", EventConstants.EVENT_TOPIC + "=atrium/Contact/UPDATED",
    EventConstants.EVENT_TOPIC + "=atrium/DeliveryNote/SHIPPED", EventConstants.EVENT_TOPIC + "=atrium/DeliveryNote/DELIVERED",
    EventConstants.EVENT_TOPIC + "=atrium/Invoice/ISSUED", EventConstants.EVENT_TOPIC + "=atrium/Invoice/PAID",
    EventConstants.EVENT_TOPIC + "=atrium/Payment/RECORDED"})
public class ErpEvents implements EventHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ErpEvents.class);
    /** The account fields a customer message carries: a change to any other (a rating, a rep's note) sends nothing. */
    static final Set<String> CUSTOMER_FIELDS = Set.of("name", "phone", "fax", "email", "website", "type", "currency", "billingAddress",
            "shippingAddress", "taxNumber", "lastName", "firstName", "fullName", "mobile", "officePhone", "title", "department", "accountId");

    private final ErpOutbox outbox;
    private final ConnectorDirectory connectors;
    private final Records records;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "atrium-erp-events");
        t.setDaemon(true);
        return t;
    });

    @Activate
    public ErpEvents(@Reference ErpOutbox outbox, @Reference ConnectorDirectory connectors, @Reference RecordStores stores,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + ErpTypes.MODULE + ")") ModuleGate gate) {
        this.outbox = outbox;
        this.connectors = connectors;
        this.records = new Records(stores);
        worker.execute(this::catchUp);
    }

    /** What the catch-up looks at, with the statuses whose events make a message (null: any change of the record). */
    private static final List<String[]> CAUGHT_UP = List.of(new String[] {"SalesOrder", "confirmed", "cancelled"},
            new String[] {"Account"}, new String[] {"DeliveryNote", "shipped", "delivered"}, new String[] {"Invoice", "issued", "paid"},
            new String[] {"Payment"});

    /**
     * What a stop may have left unqueued: an order confirmed (or an account changed…) just before the JVM died has its
     * event lost with the JVM. At start, every record of the kinds sent that changed since a minute before a
     * connector's last message, and that has no message made after its change, is queued now.
     */
    private void catchUp() {
        try {
            for (ConnectorConfig c : ErpConnectorType.active(connectors)) {
                java.time.Instant last = outbox.lastQueued(c.id());
                if (last == null) {
                    continue;
                }
                java.time.Instant since = last.minus(java.time.Duration.ofMinutes(1));
                int queued = 0;
                for (String[] what : CAUGHT_UP) {
                    for (Map<String, Object> r : records.changedSince(what[0], since)) {
                        String status = (String) r.get("status");
                        if (what.length > 1 && !Arrays.asList(what).subList(1, what.length).contains(status)) {
                            continue;
                        }
                        String id = (String) r.get("id");
                        // a document is told once per status it reached (other changes of it send nothing); an account
                        // once per change after its last message (a repeat is an update at the ERP, not a second one)
                        boolean told = what.length > 1 ? outbox.told(c.id(), id, status) : what[0].equals("Payment") ? outbox.told(c.id(), id, null)
                                : outbox.queuedSince(c.id(), id, java.time.Instant.parse(String.valueOf(r.get("modifiedAt"))));
                        if (told) {
                            continue;
                        }
                        Optional<Message> m = message(what[0], id);
                        if (m.isPresent() && sends(c, m.get().canonical().kind())) {
                            Message msg = m.get();
                            outbox.queue(c.id(), msg.canonical(), msg.entity(), msg.recordId(), msg.orderingKey(), msg.reference());
                            queued++;
                        }
                    }
                }
                if (queued > 0) {
                    LOG.info("connector {}: {} changes since {} had no message and were queued at start", c.name(), queued, since);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("the ERP messages could not be caught up after the start", e);
        }
    }

    @Deactivate
    void stop() {
        worker.shutdownNow();
    }

    @Override
    public void handleEvent(Event event) {
        Object id = event.getProperty(DomainEvents.ID);
        if (id == null) {
            return;
        }
        String[] parts = event.getTopic().split("/");
        String entity = parts[1];
        String action = parts[2];
        if (action.equals("UPDATED")) {
            Object changed = event.getProperty(DomainEvents.CHANGED_FIELDS);
            if (changed instanceof String[] fields && Arrays.stream(fields).noneMatch(CUSTOMER_FIELDS::contains)) {
                return;
            }
        }
        try {
            worker.execute(() -> handle(entity, id.toString()));
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            LOG.warn("{} {} changed while the ERP module stopped: the reconciliation will find it", entity, id);
        }
    }

    private void handle(String entity, String id) {
        try {
            List<ConnectorConfig> targets = ErpConnectorType.active(connectors);
            if (targets.isEmpty()) {
                return;
            }
            Optional<Message> message = message(entity, id);
            if (message.isEmpty()) {
                return;
            }
            Message m = message.get();
            for (ConnectorConfig c : targets) {
                if (sends(c, m.canonical().kind()) && !alreadyTold(c, m)) {
                    outbox.queue(c.id(), m.canonical(), m.entity(), m.recordId(), m.orderingKey(), m.reference());
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("the change of {} {} could not be queued for the ERPs", entity, id, e);
        }
    }

    /**
     * A document's status (an order confirmed, a note shipped…) or a payment is told once: the start's catch-up may have
     * queued it just before its own event is handled (both on this thread, the catch-up first).
     */
    private boolean alreadyTold(ConnectorConfig c, Message m) {
        return switch (m.entity()) {
            case "SalesOrder", "DeliveryNote", "Invoice" -> outbox.told(c.id(), m.recordId(), m.canonical().text("status"));
            case "Payment" -> outbox.told(c.id(), m.recordId(), null);
            default -> false;
        };
    }

    static boolean sends(ConnectorConfig config, String kind) {
        String send = config.setting("send", String.join(",", Canonical.OUTBOUND));
        return Arrays.stream(send.split(",")).map(String::trim).anyMatch(kind::equalsIgnoreCase);
    }

    /** What goes to the ERP for the record, with the record it is about and the key it is ordered by. */
    record Message(Canonical canonical, String entity, String recordId, String orderingKey, String reference) {
    }

    Optional<Message> message(String entity, String id) {
        return switch (entity) {
            case "SalesOrder" -> salesOrder(id);
            case "Account" -> customer(id);
            case "Contact" -> records.find("Contact", id).map(c -> (String) c.get("accountId")).flatMap(this::customer);
            case "DeliveryNote" -> deliveryNote(id);
            case "Invoice" -> invoice(id);
            case "Payment" -> payment(id);
            default -> Optional.empty();
        };
    }

    Optional<Message> customer(String accountId) {
        return records.find("Account", accountId).map(a -> {
            Canonical c = Canonical.of(Canonical.CUSTOMER, accountId);
            copy(a, c.body(), "id", "name", "type", "phone", "fax", "email", "website", "currency", "billingAddress", "shippingAddress", "taxNumber");
            ArrayNode contacts = c.body().putArray("contacts");
            for (Map<String, Object> person : records.where("Contact", "accountId", accountId, "lastName")) {
                copy(person, contacts.addObject(), "id", "fullName", "lastName", "firstName", "title", "department", "email", "mobile", "officePhone");
            }
            return new Message(c, "Account", accountId, accountId, (String) a.get("name"));
        });
    }

    Optional<Message> salesOrder(String id) {
        return records.find("SalesOrder", id).map(o -> {
            Canonical c = Canonical.of(Canonical.SALES_ORDER, id);
            ObjectNode b = c.body();
            copy(o, b, "id", "number", "status", "orderDate", "currency", "subject", "externalSource", "externalNumber", "billingAddress",
                    "shippingAddress", "paymentTermDays", "confirmedAt", "cancelReason");
            ObjectNode customer = b.putObject("customer");
            Object accountId = o.get("accountId");
            customer.put("id", accountId == null ? null : accountId.toString());
            if (accountId != null) {
                records.find("Account", accountId.toString()).ifPresent(a -> copy(a, customer, "name", "phone", "email", "taxNumber"));
            }
            ArrayNode lines = b.putArray("lines");
            for (Map<String, Object> l : records.where("SalesOrderLine", "salesOrderId", id, "position")) {
                copy(l, lines.addObject(), "position", "sku", "productName", "quantity", "unit", "unitPrice", "discountPercent", "discountAmount",
                        "taxRate", "netAmount");
            }
            copy(o, b.putObject("totals"), "subtotal", "discountTotal", "shipping", "taxTotal", "adjustment", "grandTotal");
            return new Message(c, "SalesOrder", id, id, (String) o.get("number"));
        });
    }

    Optional<Message> deliveryNote(String id) {
        return records.find("DeliveryNote", id).map(d -> {
            Canonical c = Canonical.of(Canonical.DELIVERY_NOTE, id);
            copy(d, c.body(), "id", "number", "status", "salesOrderId", "salesOrderNumber", "carrier", "trackingNumber", "deliveryDate", "shippedAt",
                    "deliveredAt", "shippingAddress");
            ArrayNode lines = c.body().putArray("lines");
            for (Map<String, Object> l : records.where("DeliveryNoteLine", "deliveryNoteId", id, "position")) {
                copy(l, lines.addObject(), "position", "sku", "productName", "quantity", "unit");
            }
            String order = (String) d.get("salesOrderId");
            return new Message(c, "DeliveryNote", id, order == null ? id : order, (String) d.get("number"));
        });
    }

    Optional<Message> invoice(String id) {
        return records.find("Invoice", id).map(i -> {
            Canonical c = Canonical.of(Canonical.INVOICE, id);
            copy(i, c.body(), "id", "number", "kind", "status", "salesOrderId", "salesOrderNumber", "currency", "issueDate", "dueDate", "subtotal",
                    "taxTotal", "grandTotal", "paidAmount");
            String order = (String) i.get("salesOrderId");
            return new Message(c, "Invoice", id, order == null ? id : order, (String) i.get("number"));
        });
    }

    Optional<Message> payment(String id) {
        return records.find("Payment", id).map(p -> {
            Canonical c = Canonical.of(Canonical.PAYMENT, id);
            copy(p, c.body(), "id", "number", "kind", "invoiceId", "documentNumber", "amount", "currency", "paidOn", "method", "reference");
            String key = (String) p.get("invoiceId");
            if (key != null) {
                Object order = records.find("Invoice", key).map(i -> i.get("salesOrderId")).orElse(null);
                key = order == null ? key : order.toString();
            }
            return new Message(c, "Payment", id, key == null ? id : key, (String) p.get("number"));
        });
    }

    private static void copy(Map<String, Object> from, ObjectNode to, String... fields) {
        for (String f : fields) {
            Object v = from.get(f);
            if (v == null) {
                continue;
            }
            if (v instanceof Number n && !(v instanceof java.math.BigDecimal)) {
                to.put(f, n.longValue());
            } else if (v instanceof Boolean b) {
                to.put(f, b);
            } else {
                to.put(f, v.toString());
            }
        }
    }
}
