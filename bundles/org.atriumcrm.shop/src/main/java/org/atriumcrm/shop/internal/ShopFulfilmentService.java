package org.atriumcrm.shop.internal;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.atriumcrm.api.event.DomainEvents;
import org.atriumcrm.api.meta.FieldDef;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.record.Record;
import org.atriumcrm.api.record.RecordStore;
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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reports shipments back to the shop an order came from: when a delivery note of a shop's order ships, its carrier
 * and tracking number are queued ({@link ShopFulfilments}) and the connector's route sends them — WooCommerce: the
 * order completed and a note to the customer with the tracking number; Shopify: a fulfillment of the order's open
 * fulfillment orders with the tracking info, the customer notified.
 */
@Component(service = {ShopFulfilmentService.class, EventHandler.class},
        property = EventConstants.EVENT_TOPIC + "=atrium/DeliveryNote/SHIPPED")
public class ShopFulfilmentService implements EventHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ShopFulfilmentService.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ShopFulfilments fulfilments;
    private final ConnectorDirectory connectors;
    private final RecordStores stores;
    private final ShopHttp http = new ShopHttp();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "atrium-shop-fulfilment");
        t.setDaemon(true);
        return t;
    });

    @Activate
    public ShopFulfilmentService(@Reference ShopFulfilments fulfilments, @Reference ConnectorDirectory connectors, @Reference RecordStores stores,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + ShopTypes.MODULE + ")") ModuleGate gate) {
        this.fulfilments = fulfilments;
        this.connectors = connectors;
        this.stores = stores;
    }

    @Deactivate
    void stop() {
        worker.shutdownNow();
    }

    @Override
    public void handleEvent(Event event) {
        Object note = event.getProperty(DomainEvents.ID);
        Object order = event.getProperty(CommerceEvents.SOURCE_ID);
        if (note == null || order == null || !CommerceEvents.DELIVERY_NOTE_SHIPPED.equals(event.getTopic())) {
            return;
        }
        try {
            worker.execute(() -> queue(note.toString(), order.toString()));
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            LOG.warn("delivery note {} shipped while the shop module stopped: its shop is not told", note);
        }
    }

    private void queue(String noteId, String orderId) {
        try {
            Optional<Record> order = find("SalesOrder", orderId);
            String source = order.map(o -> value("SalesOrder", o, "externalSource")).orElse(null);
            String externalId = order.map(o -> value("SalesOrder", o, "externalId")).orElse(null);
            if (source == null || externalId == null) {
                return; // not a shop's order
            }
            Optional<ConnectorConfig> connector = connectors.find(source);
            if (connector.isEmpty() || !(connector.get().type().equals(WooCommerce.ID) || connector.get().type().equals(Shopify.ID))) {
                return;
            }
            Optional<Record> note = find("DeliveryNote", noteId);
            fulfilments.queue(source, orderId, externalId, noteId, note.map(n -> value("DeliveryNote", n, "carrier")).orElse(null),
                    note.map(n -> value("DeliveryNote", n, "trackingNumber")).orElse(null));
        } catch (RuntimeException e) {
            LOG.warn("the shipment of delivery note {} could not be queued for its shop", noteId, e);
        }
    }

    private Optional<Record> find(String entity, String id) {
        return stores.byName(entity).flatMap(s -> s.find(id).map(r -> (Record) r));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private String value(String entity, Record record, String field) {
        RecordStore<?> store = stores.byName(entity).orElseThrow();
        Object v = store.type().field(field).map(f -> ((FieldDef) f).get(record)).orElse(null);
        return v == null ? null : v.toString();
    }

    /** Reports one connector's due shipments; stops at the first that fails (the shop is away, or asks to wait). */
    void drain(ConnectorConfig config) {
        for (ShopFulfilment f : fulfilments.due(config.id(), 20)) {
            try {
                if (WooCommerce.ID.equals(config.type())) {
                    woo(config, f);
                } else if (Shopify.ID.equals(config.type())) {
                    shopify(config, f);
                } else {
                    continue; // queue() takes none for other shops (Youzan's shipments are not reported back yet)
                }
                fulfilments.delivered(f);
            } catch (ShopHttp.Attempt a) {
                fulfilments.failed(f, a.getMessage(), a.retryAfter);
                return;
            } catch (IOException e) {
                fulfilments.failed(f, e.toString(), null);
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The order completed, then a note to the customer (a retry repeats the idempotent first step only if needed). */
    void woo(ConnectorConfig config, ShopFulfilment f) throws IOException, InterruptedException, ShopHttp.Attempt {
        String path = "/orders/" + f.getExternalOrderId();
        http.send(ShopHttp.woo(config, path).header("Content-Type", "application/json").PUT(ShopHttp.json("{\"status\": \"completed\"}")));
        ObjectNode note = JSON.createObjectNode();
        note.put("note", "已发货 Shipped: " + (f.getCarrier() == null ? "" : f.getCarrier() + " ")
                + (f.getTrackingNumber() == null ? "" : f.getTrackingNumber()));
        note.put("customer_note", true);
        http.send(ShopHttp.woo(config, path + "/notes").header("Content-Type", "application/json").POST(ShopHttp.json(note.toString())));
    }

    /** A fulfillment of the order's open fulfillment orders with the tracking info; none open means it was reported. */
    void shopify(ConnectorConfig config, ShopFulfilment f) throws IOException, InterruptedException, ShopHttp.Attempt {
        JsonNode found = JSON.readTree(http.send(ShopHttp.shopify(config, "/orders/" + f.getExternalOrderId() + "/fulfillment_orders.json").GET()).body());
        ObjectNode body = JSON.createObjectNode();
        ObjectNode fulfillment = body.putObject("fulfillment");
        var orders = fulfillment.putArray("line_items_by_fulfillment_order");
        for (JsonNode fo : found.path("fulfillment_orders")) {
            String status = fo.path("status").asText();
            if (status.equals("open") || status.equals("in_progress")) {
                orders.addObject().put("fulfillment_order_id", fo.get("id").asLong());
            }
        }
        if (orders.isEmpty()) {
            return;
        }
        ObjectNode tracking = fulfillment.putObject("tracking_info");
        if (f.getTrackingNumber() != null) {
            tracking.put("number", f.getTrackingNumber());
        }
        if (f.getCarrier() != null) {
            tracking.put("company", f.getCarrier());
        }
        fulfillment.put("notify_customer", true);
        http.send(ShopHttp.shopify(config, "/fulfillments.json").header("Content-Type", "application/json").POST(ShopHttp.json(body.toString())));
    }
}
