package org.atriumcrm.shop.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.record.RecordStores;
import org.atriumcrm.api.record.RecordWrites;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.commerce.api.Catalog;
import org.atriumcrm.connectors.api.ConnectorConfig;
import org.atriumcrm.connectors.api.ConnectorDirectory;
import org.atriumcrm.orders.api.ExternalOrders;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Makes what the shops sent into the CRM's records, one connector's deliveries at a time and in the order they
 * arrived (so an order's update never overtakes its creation): an order becomes a sales order by SKU for the
 * matched or created customer, once per shop order (the orders' unique external key); a cancelled or refunded one
 * cancels it; an order with an SKU the catalog does not know, or a product without a price, is held with the reason
 * and an event ({@value #HELD_TOPIC}) and never dropped — retried once the catalog knows it. A message that names its
 * order without carrying it (Youzan) has the order read from the shop's API first. A body that is no order, or an
 * order the shop's API refuses to give, fails with the reason; a failure of the platform itself (the database away,
 * the shop's API not answering) leaves the delivery waiting.
 */
@Component(service = ShopOrderProcessor.class)
public class ShopOrderProcessor {
    static final String HELD_TOPIC = "atrium/shop/HELD";
    private static final Logger LOG = LoggerFactory.getLogger(ShopOrderProcessor.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BATCH = 50;

    /** An order that waits for a person: an unknown SKU, a product without a price. */
    static final class Held extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Held(String reason) {
            super(reason, null, false, false);
        }
    }

    private final ShopDeliveryStore deliveries;
    private final ConnectorDirectory connectors;
    private final Catalog catalog;
    private final ExternalOrders orders;
    private final CustomerMatcher customers;
    private final EventAdmin events;
    private final YouzanApi youzan = new YouzanApi();

    @Activate
    public ShopOrderProcessor(@Reference ShopDeliveryStore deliveries, @Reference ConnectorDirectory connectors, @Reference Catalog catalog,
            @Reference ExternalOrders orders, @Reference RecordStores stores, @Reference RecordWrites writes, @Reference EventAdmin events,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + ShopTypes.MODULE + ")") ModuleGate gate) {
        this.deliveries = deliveries;
        this.connectors = connectors;
        this.catalog = catalog;
        this.orders = orders;
        this.customers = new CustomerMatcher(stores, writes);
        this.events = events;
    }

    /** Processes what waits for one connector; stops at a failure of the platform (the next tick tries again). */
    void drain(ConnectorConfig config) {
        List<ShopDelivery> due = deliveries.pending(config.id(), BATCH);
        if (due.isEmpty()) {
            return;
        }
        String owner = owner(config); // one read of the connector per batch, not three per delivery
        for (ShopDelivery d : due) {
            if (!process(config, owner, d)) {
                return;
            }
        }
    }

    /** One delivery; false when the platform failed and the delivery still waits. */
    boolean process(ConnectorConfig config, String owner, ShopDelivery d) {
        ShopPlatform platform = ShopPlatform.of(d.getPlatform());
        String externalId = null;
        try {
            if (platform == null) {
                throw new IllegalArgumentException("no shop platform " + d.getPlatform());
            }
            JsonNode body = JSON.readTree(d.getPayload());
            if (body == null || !body.isObject()) {
                throw new IllegalArgumentException("the body is no JSON object");
            }
            // the processing acts for the connector with the platform's rights; the records it makes belong to the owner
            Caller caller = new Caller(owner != null ? owner : Caller.SYSTEM.userId(), "connector:" + config.name(), true);
            ShopPlatform.Intent intent = platform.intent(d.getTopic());
            String skip = intent == ShopPlatform.Intent.IGNORE ? null : platform.skip(body, config);
            if (skip != null) {
                deliveries.outcome(d.getId(), ShopDelivery.IGNORED, null, null, skip);
                return true;
            }
            switch (intent) {
                case IGNORE -> deliveries.outcome(d.getId(), ShopDelivery.IGNORED, null, null, "topic " + d.getTopic() + " asks nothing of the CRM");
                case CUSTOMER -> {
                    customers.match(platform.customer(body), owner, caller);
                    deliveries.outcome(d.getId(), ShopDelivery.PROCESSED, null, null, null);
                }
                case ORDER -> {
                    String reference = platform.orderReference(body);
                    ShopOrder order = platform.order(reference == null ? body : fetch(config, platform, reference));
                    externalId = order.externalId();
                    order(config, owner, d, platform, order, caller);
                }
                default -> throw new IllegalStateException();
            }
            return true;
        } catch (Held held) {
            deliveries.outcome(d.getId(), ShopDelivery.HELD, externalId, null, held.getMessage());
            LOG.warn("shop order {} of connector {} is on hold: {}", externalId, config.name(), held.getMessage());
            events.postEvent(new Event(HELD_TOPIC, Map.of("connectorId", config.id(), "deliveryId", d.getId(),
                    "externalOrderId", String.valueOf(externalId), "reason", held.getMessage())));
            return true;
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            deliveries.outcome(d.getId(), ShopDelivery.FAILED, externalId, null, e.getMessage());
            LOG.warn("shop delivery {} of connector {} failed: {}", d.getId(), config.name(), e.getMessage());
            return true;
        } catch (AtriumException e) {
            if (e.status() >= 500 || e.status() == 409 && "shop-customers-disabled".equals(e.messageKey())) {
                LOG.warn("shop delivery {} waits: {}", d.getId(), e.getMessage());
                return false;
            }
            deliveries.outcome(d.getId(), ShopDelivery.FAILED, externalId, null, e.getMessage());
            LOG.warn("shop delivery {} of connector {} was refused: {}", d.getId(), config.name(), e.getMessage());
            return true;
        } catch (RuntimeException e) {
            LOG.warn("shop delivery {} waits after a failure", d.getId(), e);
            return false;
        }
    }

    private void order(ConnectorConfig config, String owner, ShopDelivery d, ShopPlatform platform, ShopOrder order, Caller caller) {
        if (order.cancelled()) {
            boolean cancelled = orders.cancel(config.id(), order.externalId(), "cancelled in the shop (" + order.status() + ")", caller);
            Optional<ExternalOrders.Placed> made = orders.find(config.id(), order.externalId());
            deliveries.outcome(d.getId(), made.isPresent() ? ShopDelivery.PROCESSED : ShopDelivery.IGNORED, order.externalId(),
                    made.map(ExternalOrders.Placed::salesOrderId).orElse(null),
                    made.isPresent() ? (cancelled ? null : "cancelled before") : "an order cancelled in the shop before the CRM made it");
            return;
        }
        Optional<ExternalOrders.Placed> made = orders.find(config.id(), order.externalId());
        if (made.isPresent()) { // an update of an order made already: its lines are the CRM's now
            deliveries.outcome(d.getId(), ShopDelivery.PROCESSED, order.externalId(), made.get().salesOrderId(), null);
            return;
        }
        if (order.lines().isEmpty()) {
            throw new IllegalArgumentException("order " + order.externalId() + " has no lines");
        }
        List<ExternalOrders.Line> lines = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        List<String> unpriced = new ArrayList<>();
        for (ShopOrder.Line line : order.lines()) {
            Optional<Catalog.Item> item = line.sku() == null ? Optional.empty() : catalog.itemBySku(line.sku());
            if (item.isEmpty()) {
                unknown.add(line.sku() == null ? "(no SKU: " + line.name() + ")" : line.sku());
            } else if (line.unitPrice() == null && item.get().listPrice() == null) {
                unpriced.add(line.sku());
            } else {
                lines.add(new ExternalOrders.Line(item.get().id(), line.quantity(), line.unitPrice(), null, line.name()));
            }
        }
        if (!unknown.isEmpty()) {
            throw new Held("unknown SKU " + String.join(", ", unknown) + ": add the product to the catalog, then retry");
        }
        if (!unpriced.isEmpty()) {
            throw new Held("no price for " + String.join(", ", unpriced) + ": give the product a list price, then retry");
        }
        CustomerMatcher.Match buyer = customers.match(order.customer(), owner, caller);
        String label = platform.label();
        String number = order.number() != null ? order.number() : order.externalId();
        ExternalOrders.Placed placed = orders.place(new ExternalOrders.Order(config.id(), order.externalId(), number, buyer.accountId(),
                buyer.contactId(), owner, config.name() + " " + (number.startsWith("#") ? number : "#" + number), order.currency(),
                order.date(), order.billingAddress(), order.shippingAddress(), order.shipping(),
                order.note() == null ? label + " order " + number : order.note(),
                Boolean.parseBoolean(config.setting("confirmOrders", "false")), lines), caller);
        deliveries.outcome(d.getId(), ShopDelivery.PROCESSED, order.externalId(), placed.salesOrderId(), null);
    }

    /** The order a message names, from the shop's API (only Youzan's messages may come without it). */
    private JsonNode fetch(ConnectorConfig config, ShopPlatform platform, String reference) {
        if (!Youzan.ID.equals(platform.id())) {
            throw new IllegalArgumentException(platform.label() + " has no API to read order " + reference + " from");
        }
        return youzan.trade(config, reference);
    }

    /** Who owns what a shop's orders make: the setting {@code ownerId}, else the connector's owner. */
    private String owner(ConnectorConfig config) {
        String owner = config.setting("ownerId", null);
        return owner != null ? owner : connectors.ownerId(config.id());
    }
}
