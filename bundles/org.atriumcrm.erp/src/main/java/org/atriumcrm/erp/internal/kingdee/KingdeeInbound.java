package org.atriumcrm.erp.internal.kingdee;

import static org.atriumcrm.erp.internal.kingdee.KingdeeApi.quote;
import static org.atriumcrm.erp.internal.kingdee.KingdeeOutbound.org;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
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

/**
 * What the CRM reads from K/3 Cloud with ExecuteBillQuery, page by page (StartRow, Limit): materials (BD_MATERIAL,
 * audited, of our organisation) and the entries of one sales price list (BD_SAL_PriceList, {@code priceList}), each
 * since the last FModifyDate seen; and stock on hand (STK_Inventory of our organisation), read whole at every pull,
 * since the inventory rows carry no modification date to ask from.
 * <p>
 * The cursor is compared with {@code >=}: materials changed within the second last seen would be lost with {@code >};
 * the few read twice change nothing (applying is idempotent). Materials exist once per organisation they are allocated
 * to, so the organisation filter is what keeps one SKU from arriving several times.
 */
final class KingdeeInbound {
    private static final Logger LOG = LoggerFactory.getLogger(KingdeeInbound.class);
    static final String MATERIALS = "BD_MATERIAL";
    static final String PRICES = "BD_SAL_PriceList";
    static final String INVENTORY = "STK_Inventory";
    static final String MATERIAL_FIELDS = "FNumber,FName,FSpecification,FBaseUnitId.FName,FForbidStatus,FModifyDate";
    static final String PRICE_FIELDS = "FMaterialId.FNumber,FPrice,FCurrencyId.FCode,FModifyDate";
    static final String INVENTORY_FIELDS = "FMaterialId.FNumber,FStockId.FNumber,FBaseQty";
    /** Pages read in one pull: a first pull of a large catalogue goes on at the next pull, from where this one ended. */
    private static final int MAX_PAGES = 100;

    private final KingdeeApi api;

    KingdeeInbound(KingdeeApi api) {
        this.api = api;
    }

    static int pageSize(ConnectorConfig config) {
        try {
            // Kingdee caps Limit at 10000 rows
            return Math.max(1, Math.min(10_000, Integer.parseInt(config.setting("pageSize", "500").trim())));
        } catch (NumberFormatException e) {
            return 500;
        }
    }

    ErpAdapter.Pull pull(ConnectorConfig config, String cursor) throws ErpFailure {
        PullCursor positions = PullCursor.parse(cursor);
        Set<String> what = Set.copyOf(Arrays.stream(config.setting("pull", "product,price,stock").split(",")).map(String::trim).toList());
        List<Canonical> messages = new ArrayList<>();
        if (what.contains(Canonical.PRODUCT)) {
            positions.put(MATERIALS, products(config, positions.get(MATERIALS), messages));
        }
        if (what.contains(Canonical.PRICE) && !config.setting("priceList", "").isBlank()) {
            positions.put(PRICES, prices(config, positions.get(PRICES), messages));
        }
        if (what.contains(Canonical.STOCK)) {
            stock(config, messages);
        }
        return new ErpAdapter.Pull(messages, positions.toString());
    }

    /** Audited materials of our organisation changed since {@code since} (disabled ones too: a disable is a change). */
    private String products(ConnectorConfig config, String since, List<Canonical> into) throws ErpFailure {
        String filter = "FDocumentStatus = 'C' AND FUseOrgId.FNumber = " + quote(org(config)) + since(since);
        String last = since;
        for (JsonNode row : pages(config, MATERIALS, MATERIAL_FIELDS, filter, "FModifyDate ASC,FNumber ASC")) {
            into.add(product(row));
            last = later(last, row.path(5).asText(null));
        }
        return last;
    }

    /** The entries of the price list {@code priceList} (audited, not disabled) changed since {@code since}; a SKU's last entry wins. */
    private String prices(ConnectorConfig config, String since, List<Canonical> into) throws ErpFailure {
        String filter = priceFilter(config) + since(since);
        String last = since;
        Map<String, Canonical> bySku = new LinkedHashMap<>();
        for (JsonNode row : pages(config, PRICES, PRICE_FIELDS, filter, "FModifyDate ASC")) {
            Canonical p = price(row);
            if (p != null) {
                bySku.put(p.key(), p);
            }
            last = later(last, row.path(3).asText(null));
        }
        into.addAll(bySku.values());
        return last;
    }

    private static String priceFilter(ConnectorConfig config) {
        return "FNumber = " + quote(config.setting("priceList", "").trim()) + " AND FDocumentStatus = 'C' AND FForbidStatus = 'A'";
    }

    /**
     * Kingdee answers dates as {@code 2026-12-01T08:00:00(.fff)}; its filter compares them as SQL datetimes, which take
     * the same text with a space.
     */
    private static String since(String since) {
        return since == null ? "" : " AND FModifyDate >= " + quote(since.replace('T', ' '));
    }

    private static String later(String a, String b) {
        if (b == null || b.isBlank()) {
            return a;
        }
        return a == null || b.compareTo(a) > 0 ? b : a; // ISO date-times order as text
    }

    /** Every page of rows; each page continues where the previous ended because the order is total. */
    private List<JsonNode> pages(ConnectorConfig config, String formId, String fields, String filter, String order) throws ErpFailure {
        int size = pageSize(config);
        List<JsonNode> rows = new ArrayList<>();
        for (int page = 0; page < MAX_PAGES; page++) {
            ArrayNode batch = api.query(config, formId, fields, filter, order, page * size, size);
            batch.forEach(rows::add);
            if (batch.size() < size) {
                return rows;
            }
        }
        LOG.info("connector {}: more than {} {} rows; the next pull goes on from the last one read", config.name(), MAX_PAGES * size, formId);
        return rows;
    }

    /** A row of {@link #MATERIAL_FIELDS}. */
    static Canonical product(JsonNode row) {
        String sku = row.path(0).asText();
        Canonical m = Canonical.of(Canonical.PRODUCT, sku);
        m.body().put("sku", sku);
        m.body().put("name", row.path(1).asText());
        putText(m, "model", row.path(2));
        putText(m, "unit", row.path(3));
        // FForbidStatus: A in use, B disabled
        m.body().put("active", !"B".equals(row.path(4).asText("A")));
        return m;
    }

    /** A row of {@link #PRICE_FIELDS}; null without a material. */
    static Canonical price(JsonNode row) {
        String sku = row.path(0).asText("");
        if (sku.isEmpty()) {
            return null;
        }
        Canonical m = Canonical.of(Canonical.PRICE, sku);
        m.body().put("sku", sku);
        m.body().put("listPrice", decimal(row.path(1)).toPlainString());
        putText(m, "currency", row.path(2));
        return m;
    }

    private static void putText(Canonical m, String member, JsonNode value) {
        if (!value.isNull() && !value.isMissingNode() && !value.asText().isBlank()) {
            m.body().put(member, value.asText().trim());
        }
    }

    /** Numbers as the decimals they print as (1200.5 stays 1200.5); members carry them as text. */
    private static BigDecimal decimal(JsonNode v) {
        try {
            return v.isNumber() || v.isTextual() ? new BigDecimal(v.asText().trim()) : BigDecimal.ZERO;
        } catch (NumberFormatException e) {
            return BigDecimal.ZERO;
        }
    }

    /**
     * Stock on hand of our organisation per material and stock (warehouse), summed over lots, owners and auxiliary
     * properties — a level is the sum of those rows, not one of them. The stock's number is the CRM's warehouse code
     * unless {@code stocks} maps it (CK001=SH01).
     */
    private void stock(ConnectorConfig config, List<Canonical> into) throws ErpFailure {
        Map<String, String> stocks = KingdeeOutbound.pairs(config.setting("stocks", ""));
        Map<String, BigDecimal> levels = new TreeMap<>();
        Map<String, String[]> keys = new LinkedHashMap<>();
        for (JsonNode row : pages(config, INVENTORY, INVENTORY_FIELDS, "FStockOrgId.FNumber = " + quote(org(config)), "FID ASC")) {
            String sku = row.path(0).asText("");
            String stock = row.path(1).asText("");
            if (sku.isEmpty() || stock.isEmpty()) {
                continue;
            }
            String warehouse = stocks.getOrDefault(stock, stock);
            String key = sku + "@" + warehouse;
            levels.merge(key, decimal(row.path(2)), BigDecimal::add);
            keys.putIfAbsent(key, new String[] {sku, warehouse});
        }
        for (Map.Entry<String, BigDecimal> level : levels.entrySet()) {
            String[] k = keys.get(level.getKey());
            Canonical m = Canonical.of(Canonical.STOCK, level.getKey());
            m.body().put("sku", k[0]).put("warehouse", k[1]).put("quantity", level.getValue().stripTrailingZeros().toPlainString());
            into.add(m);
        }
    }

    /** Every audited material of our organisation as products, or every entry of the price list as prices. */
    List<Canonical> snapshot(ConnectorConfig config, String kind) throws ErpFailure {
        List<Canonical> all = new ArrayList<>();
        if (kind.equals(Canonical.PRICE)) {
            if (config.setting("priceList", "").isBlank()) {
                return all;
            }
            Map<String, Canonical> bySku = new LinkedHashMap<>();
            for (JsonNode row : pages(config, PRICES, PRICE_FIELDS, priceFilter(config), "FModifyDate ASC")) {
                Canonical p = price(row);
                if (p != null) {
                    bySku.put(p.key(), p);
                }
            }
            all.addAll(bySku.values());
            return all;
        }
        for (JsonNode row : pages(config, MATERIALS, MATERIAL_FIELDS, "FDocumentStatus = 'C' AND FUseOrgId.FNumber = " + quote(org(config)),
                "FNumber ASC")) {
            all.add(product(row));
        }
        return all;
    }
}
