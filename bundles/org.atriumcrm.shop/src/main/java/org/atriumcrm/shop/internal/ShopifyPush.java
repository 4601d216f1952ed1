package org.atriumcrm.shop.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
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
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Pushes stock levels and prices to a Shopify shop through its Admin API, one product at a time: the variant found by
 * SKU with the GraphQL Admin API (the REST API cannot filter variants by SKU), its price set with the REST variant
 * update when it differs, its available quantity set at the connector's location ({@code locationId}, else the
 * shop's first active one) with {@code inventory_levels/set.json}.
 * <p>
 * Shopify meters both APIs with leaky buckets. A 429 (or GraphQL's "Throttled") fails the product in hand no earlier
 * than the shop asks and moves the rest of the batch to the same time without counting an attempt for them; a batch
 * also stops by itself when {@code X-Shopify-Shop-Api-Call-Limit} or the GraphQL cost leaves no room for the next
 * product, leaving the rest due for the next drain — so the connector never runs into the limit it can see coming.
 * A SKU the shop lacks, or a request the shop refuses for good (404, 422), is a dead letter at once with the reason.
 */
final class ShopifyPush {
    private static final Logger LOG = LoggerFactory.getLogger(ShopifyPush.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Products per drain; at one to three calls each this stays within a standard bucket (40) with room to spare. */
    static final int BATCH = 10;
    /** REST calls one product may need (price, level), plus one left for the connector's other routes (fulfilments). */
    static final int REST_ROOM_NEEDED = 3;
    private static final String LOOKUP = """
            query variantBySku($q: String!) {
              productVariants(first: 5, query: $q) {
                edges { node { legacyResourceId sku price inventoryItem { legacyResourceId tracked } } }
              }
            }""";

    private final ShopHttp http = new ShopHttp();
    private final ShopPushes pushes;

    ShopifyPush(ShopPushes pushes) {
        this.pushes = pushes;
    }

    /** A variant as the lookup found it: REST ids, the price it has, whether the shop counts its stock. */
    record Variant(long id, BigDecimal price, long inventoryItemId, boolean tracked) {
    }

    /** What the shop's buckets said last: a batch stops while it still has room for what it has started. */
    static final class Budget {
        int restRoom = Integer.MAX_VALUE;
        double graphAvailable = Double.MAX_VALUE;
        double graphCost;

        /** Reads {@code X-Shopify-Shop-Api-Call-Limit: 39/40}; an answer without it changes nothing. */
        void rest(HttpResponse<String> answer) {
            answer.headers().firstValue("X-Shopify-Shop-Api-Call-Limit").ifPresent(v -> {
                int slash = v.indexOf('/');
                try {
                    restRoom = Integer.parseInt(v.substring(slash + 1).strip()) - Integer.parseInt(v.substring(0, slash).strip());
                } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
                    // a header we do not understand: the 429 path still protects the shop
                }
            });
        }

        /** Reads {@code extensions.cost} of a GraphQL answer. */
        void graph(JsonNode answer) {
            JsonNode cost = answer.path("extensions").path("cost");
            if (cost.has("throttleStatus")) {
                graphAvailable = cost.path("throttleStatus").path("currentlyAvailable").asDouble(graphAvailable);
                graphCost = Math.max(graphCost, cost.path("requestedQueryCost").asDouble(0));
            }
        }

        boolean nearlyFull() {
            return restRoom < REST_ROOM_NEEDED || graphAvailable < 2 * graphCost;
        }
    }

    /** Sends what is due for one connector. */
    void drain(ConnectorConfig config, Catalog catalog, Optional<StockLevels> stock) {
        List<ShopPush> due = pushes.due(config.id(), BATCH);
        if (due.isEmpty()) {
            return;
        }
        Budget budget = new Budget();
        List<ShopPush> sent = new ArrayList<>();
        Long location = null;
        int next = 0;
        try {
            for (; next < due.size(); next++) {
                if (budget.nearlyFull()) {
                    LOG.debug("connector {}: Shopify's bucket is nearly full, {} pushes wait for the next drain", config.name(), due.size() - next);
                    return;
                }
                ShopPush push = due.get(next);
                Optional<Catalog.Item> item = catalog.item(push.getProductId());
                if (item.isEmpty() || item.get().sku() == null) {
                    pushes.dead(List.of(push), "the product is no longer in the catalog");
                    continue;
                }
                String sku = item.get().sku();
                Variant variant = variant(config, sku, budget);
                if (variant == null) {
                    pushes.dead(List.of(push), "the shop has no variant with SKU " + sku);
                    continue;
                }
                boolean level = stock.isPresent() && item.get().stocked();
                if (level && !variant.tracked()) {
                    pushes.dead(List.of(push), "the shop does not track the quantity of SKU " + sku
                            + ": turn on \"Track quantity\" there, or make the product unstocked in the CRM");
                    continue;
                }
                try {
                    BigDecimal price = item.get().listPrice();
                    if (price != null && (variant.price() == null || price.compareTo(variant.price()) != 0)) {
                        ObjectNode body = JSON.createObjectNode();
                        body.putObject("variant").put("id", variant.id()).put("price", price.stripTrailingZeros().toPlainString());
                        budget.rest(http.send(ShopHttp.shopify(config, "/variants/" + variant.id() + ".json")
                                .header("Content-Type", "application/json").PUT(ShopHttp.json(body.toString()))));
                    }
                    if (level) {
                        if (location == null) {
                            location = location(config, budget);
                        }
                        ObjectNode body = JSON.createObjectNode();
                        body.put("location_id", location);
                        body.put("inventory_item_id", variant.inventoryItemId());
                        body.put("available", stock.get().totalOnHand(push.getProductId()).setScale(0, RoundingMode.DOWN).intValueExact());
                        budget.rest(http.send(ShopHttp.shopify(config, "/inventory_levels/set.json")
                                .header("Content-Type", "application/json").POST(ShopHttp.json(body.toString()))));
                    }
                } catch (ShopHttp.Attempt a) {
                    if (!a.refused()) {
                        throw a;
                    }
                    pushes.dead(List.of(push), "the shop refused SKU " + sku + ": " + a.getMessage() + " " + a.answer);
                    continue;
                }
                sent.add(push);
            }
        } catch (ShopHttp.Attempt a) {
            retryLater(config, due, next, a.getMessage() + (a.answer.isEmpty() ? "" : " " + a.answer), a.retryAfter);
        } catch (IOException e) {
            retryLater(config, due, next, e.toString(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (!sent.isEmpty()) {
                pushes.delivered(sent);
            }
        }
    }

    /** The push in hand failed once; those after it were not tried and wait as long as it does. */
    private void retryLater(ConnectorConfig config, List<ShopPush> due, int failed, String reason, Duration retryAfter) {
        ShopPush inHand = due.get(failed);
        pushes.failed(List.of(inHand), reason, retryAfter);
        List<ShopPush> untried = due.subList(failed + 1, due.size());
        if (!untried.isEmpty()) {
            ShopPush now = pushes.find(inHand.getId());
            Instant at = now.getNextAttemptAt() != null && !now.isDead() ? now.getNextAttemptAt()
                    : Instant.now().plus(retryAfter != null ? retryAfter : Duration.ofSeconds(2));
            pushes.postpone(untried, at);
        }
        LOG.info("connector {}: stock and price push failed ({}), tried again later", config.name(), reason);
    }

    /**
     * The variant with this SKU, compared as the catalog compares SKUs (case and surrounding space ignored), since the
     * shop's search also matches prefixes and words; null when the shop has none.
     */
    Variant variant(ConnectorConfig config, String sku, Budget budget) throws IOException, InterruptedException, ShopHttp.Attempt {
        ObjectNode request = JSON.createObjectNode();
        request.put("query", LOOKUP);
        request.putObject("variables").put("q", "sku:\"" + sku.replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
        JsonNode answer = JSON.readTree(http.send(ShopHttp.shopify(config, "/graphql.json").header("Content-Type", "application/json")
                .POST(ShopHttp.json(request.toString()))).body());
        budget.graph(answer);
        JsonNode errors = answer.path("errors");
        if (errors.isArray() && !errors.isEmpty()) {
            String code = errors.get(0).path("extensions").path("code").asText("");
            if (code.equals("THROTTLED")) {
                // Shopify answers 200 here: the wait is what the query costs beyond what the bucket holds, at its restore rate
                JsonNode status = answer.path("extensions").path("cost").path("throttleStatus");
                double missing = answer.path("extensions").path("cost").path("requestedQueryCost").asDouble(0)
                        - status.path("currentlyAvailable").asDouble(0);
                double rate = Math.max(1, status.path("restoreRate").asDouble(50));
                throw new ShopHttp.Attempt("GraphQL Throttled", 429, Duration.ofMillis((long) Math.max(1000, missing / rate * 1000)));
            }
            throw new ShopHttp.Attempt("GraphQL error from /graphql.json: " + errors.get(0).path("message").asText(), 502, null);
        }
        for (JsonNode edge : answer.path("data").path("productVariants").path("edges")) {
            JsonNode node = edge.path("node");
            String found = ShopPlatform.text(node, "sku");
            if (found != null && sku.strip().equalsIgnoreCase(found)) {
                String price = ShopPlatform.text(node, "price");
                return new Variant(node.path("legacyResourceId").asLong(), price == null ? null : new BigDecimal(price),
                        node.path("inventoryItem").path("legacyResourceId").asLong(), node.path("inventoryItem").path("tracked").asBoolean(true));
            }
        }
        return null;
    }

    /** The connector's {@code locationId}, else the first active location the shop lists. */
    Long location(ConnectorConfig config, Budget budget) throws IOException, InterruptedException, ShopHttp.Attempt {
        String configured = config.setting("locationId", null);
        if (configured != null) {
            try {
                return Long.valueOf(configured.strip());
            } catch (NumberFormatException e) {
                throw new IOException("the connector's locationId is no number: " + configured);
            }
        }
        HttpResponse<String> answer = http.send(ShopHttp.shopify(config, "/locations.json").GET());
        budget.rest(answer);
        Long first = null;
        for (JsonNode l : JSON.readTree(answer.body()).path("locations")) {
            if (l.path("active").asBoolean(true)) {
                return l.path("id").asLong();
            }
            first = first == null ? l.path("id").asLong() : first;
        }
        if (first == null) {
            throw new IOException("the shop lists no location to keep stock at");
        }
        return first;
    }
}
