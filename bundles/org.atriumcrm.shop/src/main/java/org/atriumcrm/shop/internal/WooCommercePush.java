package org.atriumcrm.shop.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.atriumcrm.commerce.api.Catalog;
import org.atriumcrm.commerce.api.StockLevels;
import org.atriumcrm.connectors.api.ConnectorConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Pushes stock levels and prices to a WooCommerce shop through its REST API v3: the shop's product found by SKU
 * ({@code GET /products?sku=}), then up to a hundred products in one {@code POST /products/batch} with the current
 * level (all warehouses, when the inventory module is enabled) and the list price. A 429 or 5xx, or no answer, is a
 * failed attempt for the whole batch (again after {@code Retry-After}); a SKU the shop does not have is a dead letter.
 */
final class WooCommercePush {
    private static final Logger LOG = LoggerFactory.getLogger(WooCommercePush.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** WooCommerce's batch endpoints take at most 100 objects. */
    static final int BATCH = 100;

    private final ShopHttp http = new ShopHttp();
    private final ShopPushes pushes;

    WooCommercePush(ShopPushes pushes) {
        this.pushes = pushes;
    }

    /** Sends what is due for one connector. */
    void drain(ConnectorConfig config, Catalog catalog, Optional<StockLevels> stock) {
        List<ShopPush> due = pushes.due(config.id(), BATCH);
        if (due.isEmpty()) {
            return;
        }
        List<ShopPush> sent = new ArrayList<>();
        ArrayNode update = JSON.createArrayNode();
        try {
            for (ShopPush push : due) {
                Optional<Catalog.Item> item = catalog.item(push.getProductId());
                if (item.isEmpty() || item.get().sku() == null) {
                    pushes.dead(List.of(push), "the product is no longer in the catalog");
                    continue;
                }
                HttpResponse<String> found = http.send(ShopHttp.woo(config, "/products?sku=" + URLEncoder.encode(item.get().sku(), StandardCharsets.UTF_8)).GET());
                JsonNode products = JSON.readTree(found.body());
                if (!products.isArray() || products.isEmpty()) {
                    pushes.dead(List.of(push), "the shop has no product with SKU " + item.get().sku());
                    continue;
                }
                ObjectNode change = update.addObject();
                change.put("id", products.get(0).get("id").asLong());
                if (item.get().listPrice() != null) {
                    change.put("regular_price", item.get().listPrice().stripTrailingZeros().toPlainString());
                }
                if (stock.isPresent() && item.get().stocked()) {
                    BigDecimal level = stock.get().totalOnHand(push.getProductId());
                    change.put("manage_stock", true);
                    change.put("stock_quantity", level.setScale(0, java.math.RoundingMode.DOWN).intValueExact());
                }
                sent.add(push);
            }
            if (sent.isEmpty()) {
                return;
            }
            ObjectNode body = JSON.createObjectNode();
            body.set("update", update);
            http.send(ShopHttp.woo(config, "/products/batch").header("Content-Type", "application/json").POST(ShopHttp.json(body.toString())));
            pushes.delivered(sent);
        } catch (ShopHttp.Attempt a) {
            List<ShopPush> failed = new ArrayList<>(due);
            failed.removeIf(p -> !sent.contains(p) && pushes.find(p.getId()).isDead());
            pushes.failed(failed, a.getMessage(), a.retryAfter);
            LOG.info("connector {}: stock and price push failed ({}), tried again later", config.name(), a.getMessage());
        } catch (IOException e) {
            List<ShopPush> failed = new ArrayList<>(due);
            failed.removeIf(p -> pushes.find(p.getId()).isDead());
            pushes.failed(failed, e.toString(), null);
            LOG.info("connector {}: stock and price push failed ({}), tried again later", config.name(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
