package org.atriumcrm.shop.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
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
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
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
        String base = ShopConnectorTypes.withoutSlash(config.setting("storeUrl", "")) + "/wp-json/wc/v3";
        String auth = "Basic " + Base64.getEncoder().encodeToString((config.setting("consumerKey", "") + ":"
                + config.setting("consumerSecret", "")).getBytes(StandardCharsets.UTF_8));
        List<ShopPush> sent = new ArrayList<>();
        ArrayNode update = JSON.createArrayNode();
        try {
            for (ShopPush push : due) {
                Optional<Catalog.Item> item = catalog.item(push.getProductId());
                if (item.isEmpty() || item.get().sku() == null) {
                    pushes.dead(List.of(push), "the product is no longer in the catalog");
                    continue;
                }
                HttpResponse<String> found = send(HttpRequest.newBuilder(URI.create(base + "/products?sku="
                        + URLEncoder.encode(item.get().sku(), StandardCharsets.UTF_8))).header("Authorization", auth).GET());
                if (found.statusCode() != 200) {
                    throw new Attempt(found);
                }
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
            HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(base + "/products/batch")).header("Authorization", auth)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)));
            if (answer.statusCode() / 100 != 2) {
                throw new Attempt(answer);
            }
            pushes.delivered(sent);
        } catch (Attempt a) {
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

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** An answer that makes the attempt fail: its status, and when the shop asks to be called again. */
    static final class Attempt extends Exception {
        private static final long serialVersionUID = 1L;
        final transient Duration retryAfter;

        Attempt(HttpResponse<String> answer) {
            super("HTTP " + answer.statusCode() + " from " + answer.uri().getPath(), null, false, false);
            this.retryAfter = answer.headers().firstValue("Retry-After").flatMap(Attempt::seconds).orElse(null);
        }

        private static Optional<Duration> seconds(String value) {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value.strip())));
            } catch (NumberFormatException e) {
                return Optional.empty(); // an HTTP date: the back-off decides
            }
        }
    }
}
