package org.atriumcrm.shop.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.atriumcrm.api.event.DomainEvents;
import org.atriumcrm.api.meta.FieldDef;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.query.Condition;
import org.atriumcrm.api.query.ListQuery;
import org.atriumcrm.api.query.Operator;
import org.atriumcrm.api.query.SortKey;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.record.RecordStores;
import org.atriumcrm.api.security.Visibility;
import org.atriumcrm.commerce.api.Catalog;
import org.atriumcrm.commerce.api.CommerceEvents;
import org.atriumcrm.commerce.api.StockLevels;
import org.atriumcrm.connectors.api.ConnectorConfig;
import org.atriumcrm.connectors.api.ConnectorDirectory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the shops' stock levels and prices in step: a stock movement or a changed list price queues a push of the
 * product to every active WooCommerce connector with API credentials and every active Shopify connector with an
 * access token (on this service's own thread: EventAdmin's must return at once), due after the connector's
 * {@code pushDelaySeconds} (default 5) so a burst goes out as one batch; each connector's push route sends them
 * ({@link WooCommercePush}, {@link ShopifyPush}).
 */
@Component(service = {ShopPushService.class, EventHandler.class},
        property = {EventConstants.EVENT_TOPIC + "=" + "atrium/Stock/MOVED", EventConstants.EVENT_TOPIC + "=atrium/Product/UPDATED"})
public class ShopPushService implements EventHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ShopPushService.class);
    private static final String PRODUCT_UPDATED = DomainEvents.TOPIC_PREFIX + "Product/UPDATED";

    private final ShopPushes pushes;
    private final ConnectorDirectory connectors;
    private final Catalog catalog;
    private final WooCommercePush woo;
    private final ShopifyPush shopify;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "atrium-shop-push");
        t.setDaemon(true);
        return t;
    });
    private volatile StockLevels stock;

    private final RecordStores stores;

    @Activate
    public ShopPushService(@Reference ShopPushes pushes, @Reference ConnectorDirectory connectors, @Reference Catalog catalog,
            @Reference RecordStores stores,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + ShopTypes.MODULE + ")") ModuleGate gate) {
        this.pushes = pushes;
        this.connectors = connectors;
        this.catalog = catalog;
        this.stores = stores;
        this.woo = new WooCommercePush(pushes);
        this.shopify = new ShopifyPush(pushes);
        worker.execute(this::catchUp);
    }

    /**
     * What a stop may have left unqueued: the events of a stock movement or price change committed just before the JVM
     * died (or the module was disabled) never reached {@link #queue}. At start, every product moved or changed since a
     * minute before a connector's last queued push is queued again; a push sends the current level, so one too many
     * costs a request and one too few would leave the shop wrong.
     */
    private void catchUp() {
        try {
            for (ConnectorConfig c : targets()) {
                Instant last = pushes.lastQueued(c.id());
                if (last == null) {
                    continue;
                }
                Instant since = last.minus(CATCH_UP_OVERLAP);
                java.util.Set<String> products = new java.util.LinkedHashSet<>();
                changedSince("StockMovement", "productId", since, products);
                changedSince("Product", "id", since, products);
                for (String product : products) {
                    pushes.queue(c.id(), product, delay(c));
                }
                if (!products.isEmpty()) {
                    LOG.info("connector {}: {} products moved or changed since {} queued again for the shop", c.name(), products.size(), since);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("the shops' pushes could not be caught up after the start", e);
        }
    }

    private static final Duration CATCH_UP_OVERLAP = Duration.ofMinutes(1);

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void changedSince(String entity, String field, Instant since, java.util.Set<String> into) {
        RecordStore store = stores.byName(entity).orElse(null);
        if (store == null) {
            return;
        }
        String stamp = entity.equals("Product") ? "modifiedAt" : "createdAt";
        ListQuery query = new ListQuery(0, ListQuery.MAX_LIMIT, List.of(new SortKey(stamp, false)), null,
                List.of(new Condition(stamp, Operator.GE, List.of(since))), Visibility.ALL, Set.of(), ListQuery.NO_COUNT);
        FieldDef def = (FieldDef) store.type().field(field).orElse(null);
        for (int page = 0; page < 40; page++) {
            List<?> items = store.list(query.withPage(page * ListQuery.MAX_LIMIT, ListQuery.MAX_LIMIT)).items();
            for (Object r : items) {
                Object v = def == null ? ((org.atriumcrm.api.record.Record) r).getId() : def.get(r);
                if (v != null) {
                    into.add(v.toString());
                }
            }
            if (items.size() < ListQuery.MAX_LIMIT) {
                return;
            }
        }
    }

    private List<ConnectorConfig> targets() {
        List<ConnectorConfig> all = new java.util.ArrayList<>();
        for (ConnectorConfig c : connectors.activeOfType(WooCommerce.ID)) {
            if (c.setting("consumerKey", null) != null && c.setting("consumerSecret", null) != null) {
                all.add(c);
            }
        }
        for (ConnectorConfig c : connectors.activeOfType(Shopify.ID)) {
            if (c.setting("accessToken", null) != null) {
                all.add(c);
            }
        }
        return all;
    }

    /** Optional: without the inventory module, prices alone are pushed. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void setStock(StockLevels service) {
        stock = service;
    }

    void unsetStock(StockLevels service) {
        if (stock == service) {
            stock = null;
        }
    }

    @Deactivate
    void stop() {
        worker.shutdownNow();
    }

    @Override
    public void handleEvent(Event event) {
        Object product = event.getTopic().equals(PRODUCT_UPDATED) ? event.getProperty(DomainEvents.ID) : event.getProperty(CommerceEvents.PRODUCT_ID);
        if (product == null) {
            return;
        }
        if (event.getTopic().equals(PRODUCT_UPDATED)) {
            Object changed = event.getProperty(DomainEvents.CHANGED_FIELDS);
            if (!(changed instanceof String[] fields) || Arrays.stream(fields).noneMatch(f -> f.equals("listPrice") || f.equals("sku"))) {
                return;
            }
        }
        try {
            worker.execute(() -> queue(product.toString()));
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            // the module is going away: the next start pushes nothing it missed, as the shop's level is read anew then
        }
    }

    private void queue(String productId) {
        try {
            for (ConnectorConfig c : targets()) {
                pushes.queue(c.id(), productId, delay(c));
            }
        } catch (RuntimeException e) {
            LOG.warn("the push of product {} to the shops could not be queued", productId, e);
        }
    }

    private static Duration delay(ConnectorConfig c) {
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(c.setting("pushDelaySeconds", "5").strip())));
        } catch (NumberFormatException e) {
            return Duration.ofSeconds(5); // a typo in a setting must not stop the other connectors' pushes
        }
    }

    /** Sends one connector's due pushes (its push route calls this), through its platform's API. */
    void drain(ConnectorConfig config) {
        if (Shopify.ID.equals(config.type())) {
            shopify.drain(config, catalog, Optional.ofNullable(stock));
        } else {
            woo.drain(config, catalog, Optional.ofNullable(stock));
        }
    }
}
