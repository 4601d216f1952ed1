package org.atriumcrm.erp.internal.odoo;

import static org.atriumcrm.erp.internal.odoo.OdooRpc.array;
import static org.atriumcrm.erp.internal.odoo.OdooRpc.term;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.atriumcrm.connectors.api.ConnectorConfig;
import org.atriumcrm.erp.internal.Canonical;
import org.atriumcrm.erp.internal.ErpAdapter;
import org.atriumcrm.erp.internal.ErpFailure;
import org.atriumcrm.erp.internal.PullCursor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the CRM reads from Odoo: products ({@code product.product} with an internal reference, their list price and
 * cost) and stock on hand ({@code stock.quant} in internal locations), each read since the last {@code write_date}
 * seen, ordered by it and paged by limit and offset.
 * <p>
 * The cursor is compared with {@code >=}: Odoo keeps {@code write_date} finer than the seconds it answers with, so
 * {@code >} would lose what changed later in the second last seen; the few records read twice change nothing
 * (applying is idempotent).
 */
final class OdooInbound {
    private static final Logger LOG = LoggerFactory.getLogger(OdooInbound.class);
    static final String PRODUCTS = "product.product";
    static final String QUANTS = "stock.quant";
    private static final String[] PRODUCT_FIELDS = {"id", "default_code", "name", "list_price", "standard_price", "currency_id", "uom_id",
        "active", "write_date"};
    /** Pages read in one pull: a first pull of a large catalogue goes on at the next pull, from where this one ended. */
    private static final int MAX_PAGES = 100;

    private final OdooRpc rpc;

    OdooInbound(OdooRpc rpc) {
        this.rpc = rpc;
    }

    static int pageSize(ConnectorConfig config) {
        try {
            return Math.max(1, Math.min(1000, Integer.parseInt(config.setting("pageSize", "200").trim())));
        } catch (NumberFormatException e) {
            return 200;
        }
    }

    ErpAdapter.Pull pull(ConnectorConfig config, String cursor) throws ErpFailure {
        PullCursor positions = PullCursor.parse(cursor);
        Set<String> what = Set.copyOf(Arrays.stream(config.setting("pull", "product,stock").split(",")).map(String::trim).toList());
        List<Canonical> messages = new ArrayList<>();
        if (what.contains(Canonical.PRODUCT)) {
            positions.put(PRODUCTS, products(config, positions.get(PRODUCTS), messages));
        }
        if (what.contains(Canonical.STOCK)) {
            positions.put(QUANTS, stock(config, positions.get(QUANTS), messages));
        }
        return new ErpAdapter.Pull(messages, positions.toString());
    }

    /** Reads the products changed since {@code since} (archived ones too: an archive is a change), returns the new position. */
    private String products(ConnectorConfig config, String since, List<Canonical> into) throws ErpFailure {
        ArrayNode domain = array(term("default_code", "!=", null));
        if (since != null) {
            domain.add(term("write_date", ">=", since));
        }
        String last = since;
        for (JsonNode p : changed(config, PRODUCTS, domain, PRODUCT_FIELDS)) {
            into.add(product(p));
            last = later(last, p.path("write_date").asText(null));
        }
        return last;
    }

    /**
     * All pages of {@code model} records matching {@code domain}, oldest change first. Ties on {@code write_date} are
     * ordered by id, so the offset of one page continues where the previous one ended.
     */
    private List<JsonNode> changed(ConnectorConfig config, String model, ArrayNode domain, String... fields) throws ErpFailure {
        int size = pageSize(config);
        List<JsonNode> rows = new ArrayList<>();
        for (int page = 0; page < MAX_PAGES; page++) {
            ObjectNode kwargs = Canonical.JSON.createObjectNode();
            kwargs.set("fields", array((Object[]) fields));
            kwargs.put("order", "write_date asc, id asc").put("limit", size).put("offset", page * size);
            kwargs.putObject("context").put("active_test", false);
            ArrayNode batch = rpc.searchRead(config, model, domain, kwargs);
            batch.forEach(rows::add);
            if (batch.size() < size) {
                return rows;
            }
        }
        LOG.info("connector {}: more than {} changed {} records; the next pull goes on from the last one read", config.name(),
                MAX_PAGES * size, model);
        return rows;
    }

    private static String later(String a, String b) {
        if (b == null || b.equals("false")) {
            return a;
        }
        return a == null || b.compareTo(a) > 0 ? b : a; // Odoo's "YYYY-MM-DD HH:MM:SS" orders as text
    }

    static Canonical product(JsonNode p) {
        String sku = p.path("default_code").asText();
        Canonical m = Canonical.of(Canonical.PRODUCT, sku);
        ObjectNode b = m.body();
        b.put("sku", sku);
        b.put("name", p.path("name").asText());
        putName(b, "unit", p.path("uom_id"));
        if (p.path("standard_price").isNumber()) {
            b.put("cost", decimal(p.path("standard_price")).toPlainString());
        }
        b.put("active", p.path("active").asBoolean(true));
        if (p.path("list_price").isNumber()) {
            b.put("listPrice", decimal(p.path("list_price")).toPlainString());
            putName(b, "currency", p.path("currency_id"));
        }
        return m;
    }

    static Canonical price(JsonNode p) {
        String sku = p.path("default_code").asText();
        Canonical m = Canonical.of(Canonical.PRICE, sku);
        m.body().put("sku", sku);
        m.body().put("listPrice", decimal(p.path("list_price")).toPlainString());
        putName(m.body(), "currency", p.path("currency_id"));
        return m;
    }

    /**
     * Odoo's floats as the decimals they print as: 0.1 stays 0.1, not the binary double nearest to it. Members carry
     * them as text, as the file adapters do (Jackson would turn 1200.0 into 1.2E+3 as a number node).
     */
    private static BigDecimal decimal(JsonNode number) {
        return number.isNumber() ? new BigDecimal(number.asText()) : BigDecimal.ZERO;
    }

    /** A many2one answers {@code [id, "display name"]}, or {@code false} when empty. */
    private static void putName(ObjectNode b, String member, JsonNode many2one) {
        if (many2one.isArray() && many2one.size() > 1) {
            b.put(member, many2one.get(1).asText());
        }
    }

    /**
     * Stock changed since {@code since}: the products whose quants changed, then all their quants in internal locations,
     * summed per product and warehouse — a level is the sum over lots, packages and sub-locations, not one quant. A
     * quant emptied by a move stays (at 0) until Odoo's clean-up, so the pull sees the level fall to zero.
     */
    private String stock(ConnectorConfig config, String since, List<Canonical> into) throws ErpFailure {
        ArrayNode domain = array(term("location_id.usage", "=", "internal"));
        if (since != null) {
            domain.add(term("write_date", ">=", since));
        }
        String last = since;
        Set<Long> productIds = new LinkedHashSet<>();
        for (JsonNode q : changed(config, QUANTS, domain, "id", "product_id", "write_date")) {
            productIds.add(q.path("product_id").path(0).asLong());
            last = later(last, q.path("write_date").asText(null));
        }
        productIds.remove(0L);
        if (productIds.isEmpty()) {
            return last;
        }
        Map<Long, String> skus = skus(config, productIds);
        ArrayNode ids = Canonical.JSON.createArrayNode();
        productIds.forEach(ids::add);
        ObjectNode kwargs = Canonical.JSON.createObjectNode();
        kwargs.set("fields", array("product_id", "location_id", "quantity"));
        Map<String, BigDecimal> levels = new TreeMap<>();
        Map<String, String[]> keys = new LinkedHashMap<>();
        Map<String, String> locations = locations(config);
        for (JsonNode q : rpc.searchRead(config, QUANTS, array(term("product_id", "in", ids), term("location_id.usage", "=", "internal")), kwargs)) {
            String sku = skus.get(q.path("product_id").path(0).asLong());
            if (sku == null) {
                continue;
            }
            String warehouse = warehouse(locations, q.path("location_id").path(1).asText(""));
            String key = sku + "@" + warehouse;
            levels.merge(key, decimal(q.path("quantity")), BigDecimal::add);
            keys.putIfAbsent(key, new String[] {sku, warehouse});
        }
        for (Map.Entry<String, BigDecimal> level : levels.entrySet()) {
            String[] k = keys.get(level.getKey());
            Canonical m = Canonical.of(Canonical.STOCK, level.getKey());
            m.body().put("sku", k[0]).put("warehouse", k[1]).put("quantity", level.getValue().toPlainString());
            into.add(m);
        }
        return last;
    }

    private Map<Long, String> skus(ConnectorConfig config, Set<Long> productIds) throws ErpFailure {
        ArrayNode ids = Canonical.JSON.createArrayNode();
        productIds.forEach(ids::add);
        ObjectNode kwargs = Canonical.JSON.createObjectNode();
        kwargs.set("fields", array("default_code"));
        kwargs.putObject("context").put("active_test", false);
        JsonNode rows = rpc.execute(config, PRODUCTS, "read", array(ids), kwargs);
        Map<Long, String> skus = new LinkedHashMap<>();
        for (JsonNode r : rows) {
            String code = r.path("default_code").asText("");
            if (!code.isEmpty() && !code.equals("false")) {
                skus.put(r.path("id").asLong(), code);
            }
        }
        return skus;
    }

    /** {@code locations} setting: {@code WH/Stock=SH01, BJ/Stock=BJ01}, Odoo location (and those under it) = CRM warehouse code. */
    static Map<String, String> locations(ConnectorConfig config) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String pair : config.setting("locations", "").split("[,;]")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                map.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
        }
        return map;
    }

    /** The warehouse of the longest mapped location the location is (or is under); its complete name when none is. */
    static String warehouse(Map<String, String> locations, String completeName) {
        String best = null;
        for (String l : locations.keySet()) {
            if ((completeName.equals(l) || completeName.startsWith(l + "/")) && (best == null || l.length() > best.length())) {
                best = l;
            }
        }
        return best == null ? completeName : locations.get(best);
    }

    /** Every active product with an internal reference, as products or as prices, paged by id. */
    List<Canonical> snapshot(ConnectorConfig config, String kind) throws ErpFailure {
        int size = pageSize(config);
        List<Canonical> all = new ArrayList<>();
        long after = 0;
        while (true) {
            ObjectNode kwargs = Canonical.JSON.createObjectNode();
            kwargs.set("fields", array((Object[]) PRODUCT_FIELDS));
            kwargs.put("order", "id asc").put("limit", size);
            ArrayNode batch = rpc.searchRead(config, PRODUCTS, array(term("default_code", "!=", null), term("id", ">", after)), kwargs);
            for (JsonNode p : batch) {
                all.add(kind.equals(Canonical.PRICE) ? price(p) : product(p));
                after = Math.max(after, p.path("id").asLong());
            }
            if (batch.size() < size) {
                return all;
            }
        }
    }
}
