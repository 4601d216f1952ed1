package org.atriumcrm.erp.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.apache.aries.jpa.template.JpaTemplate;
import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.error.FieldError;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.record.RecordStores;
import org.atriumcrm.api.record.RecordWrites;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.commerce.api.Catalog;
import org.atriumcrm.commerce.api.StockLevels;
import org.atriumcrm.connectors.api.ConnectorConfig;
import org.atriumcrm.persistence.api.RecordIds;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * Applies what an ERP sends: products (made when the SKU is new), prices and stock levels, each a statement of the
 * ERP's current value, so the same message twice changes nothing. Per field group the connector's rule decides a
 * conflict — the ERP's value differs from the CRM's and the CRM's moved away from what both last agreed on — and
 * the conflict is logged ({@link ErpConflict}); a stock level the ERP wins is booked as an ADJUSTMENT movement of the
 * difference, so the inventory ledger keeps its history.
 */
@Component(service = ErpInbound.class)
public class ErpInbound {
    /** What applying one message did. */
    public enum Outcome { CREATED, APPLIED, UNCHANGED, KEPT_CRM }

    private final JpaTemplate jpa;
    private final Catalog catalog;
    private final RecordWrites writes;
    private final Records records;
    private volatile StockLevels stock;

    @Activate
    public ErpInbound(@Reference(target = "(osgi.unit.name=" + ErpTypes.UNIT + ")") JpaTemplate jpa, @Reference Catalog catalog,
            @Reference RecordWrites writes, @Reference RecordStores stores,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + ErpTypes.MODULE + ")") ModuleGate gate) {
        this.jpa = jpa;
        this.catalog = catalog;
        this.writes = writes;
        this.records = new Records(stores);
    }

    /** Optional: without the inventory module, stock levels are refused (and the files holding them go to error/). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void setStock(StockLevels service) {
        stock = service;
    }

    void unsetStock(StockLevels service) {
        if (stock == service) {
            stock = null;
        }
    }

    /** Applies one message; an {@link ErpFailure} (not retryable) names what is wrong with it. */
    public Outcome apply(ConnectorConfig config, Canonical m) throws ErpFailure {
        String key = m.text(Canonical.keyMember(m.kind()));
        if (key == null) {
            throw ErpFailure.bad(m.kind() + ": no " + Canonical.keyMember(m.kind()));
        }
        try {
            return switch (m.kind()) {
                case Canonical.PRODUCT -> product(config, m, key);
                case Canonical.PRICE -> price(config, m, item(key));
                case Canonical.STOCK -> stock(config, m, item(key));
                case Canonical.ORDER_STATUS, Canonical.INVOICE -> document(config, m, key);
                default -> throw ErpFailure.bad("unknown message kind " + m.kind());
            };
        } catch (AtriumException e) {
            throw ErpFailure.bad(m.kind() + " " + key + ": " + describe(e));
        }
    }

    /**
     * An order's status at the ERP, or an invoice the ERP issued for one of our orders: kept as an {@link ErpDocument}
     * beside the order (found by our number), made on the first report and changed only when the ERP's values change.
     */
    private Outcome document(ConnectorConfig config, Canonical m, String key) throws ErpFailure {
        String orderNumber = m.kind().equals(Canonical.ORDER_STATUS) ? key : m.text("salesOrderNumber");
        String erpNumber = m.kind().equals(Canonical.ORDER_STATUS) ? (m.text("erpNumber") == null ? key : m.text("erpNumber")) : key;
        String orderId = null;
        if (orderNumber != null) {
            List<Map<String, Object>> orders = records.where("SalesOrder", "number", orderNumber, null);
            if (orders.isEmpty()) {
                throw ErpFailure.bad(m.kind() + " " + key + ": no sales order " + orderNumber + " in the CRM");
            }
            orderId = (String) orders.get(0).get("id");
        } else if (m.kind().equals(Canonical.INVOICE)) {
            throw ErpFailure.bad("invoice " + key + ": no salesOrderNumber");
        }
        BigDecimal total = m.decimal("grandTotal");
        BigDecimal paid = m.decimal("paidAmount");
        String issued = date(m, "issueDate");
        String due = date(m, "dueDate");
        Map<String, Object> values = new TreeMap<>();
        for (String member : List.of("status", "carrier", "trackingNumber", "currency")) {
            put(values, member, m.text(member));
        }
        put(values, "grandTotal", total);
        put(values, "paidAmount", paid);
        put(values, "issueDate", issued);
        put(values, "dueDate", due);
        put(values, "salesOrderNumber", orderNumber);
        String hash = text(values);
        String kind = m.kind();
        String salesOrderId = orderId;
        return jpa.txExpr(em -> {
            List<ErpDocument> found = em.createQuery("SELECT d FROM ErpDocument d WHERE d.connectorId = :c AND d.kind = :k AND d.erpNumber = :n",
                    ErpDocument.class).setParameter("c", config.id()).setParameter("k", kind).setParameter("n", erpNumber).getResultList();
            ErpDocument d = found.isEmpty() ? null : found.get(0);
            if (d != null && hash.equals(d.getContentHash())) {
                return Outcome.UNCHANGED;
            }
            Instant now = Instant.now();
            if (d == null) {
                d = new ErpDocument();
                d.initialise(RecordIds.next(), now, Caller.SYSTEM);
                d.setOwnerId(Caller.SYSTEM.userId());
                d.setConnectorId(config.id());
                d.setKind(kind);
                d.setErpNumber(erpNumber);
                em.persist(d);
            } else {
                d.touch(now, Caller.SYSTEM);
            }
            d.setSalesOrderId(salesOrderId);
            d.setSalesOrderNumber(orderNumber);
            d.setErpStatus(m.text("status"));
            d.setCarrier(m.text("carrier"));
            d.setTrackingNumber(m.text("trackingNumber"));
            d.setCurrency(m.text("currency"));
            d.setGrandTotal(total);
            d.setPaidAmount(paid);
            d.setIssueDate(issued);
            d.setDueDate(due);
            d.setContentHash(hash);
            return found.isEmpty() ? Outcome.CREATED : Outcome.APPLIED;
        });
    }

    /** A date member as ISO yyyy-MM-dd (ERPs write 2026/12/07 too); anything else is a bad message. */
    private static String date(Canonical m, String member) throws ErpFailure {
        String v = m.text(member);
        if (v == null) {
            return null;
        }
        String iso = v.length() >= 10 ? v.substring(0, 10).replace('/', '-') : v;
        try {
            return java.time.LocalDate.parse(iso).toString();
        } catch (java.time.format.DateTimeParseException e) {
            throw ErpFailure.bad(m.kind() + " " + m.key() + ": " + member + " '" + v + "' is not a date");
        }
    }

    private static String describe(AtriumException e) {
        StringBuilder s = new StringBuilder(e.getMessage());
        for (FieldError f : e.errors()) {
            s.append("; ").append(f.field()).append(": ").append(f.message());
        }
        return s.toString();
    }

    private Catalog.Item item(String sku) throws ErpFailure {
        return catalog.itemBySku(sku).orElseThrow(() -> ErpFailure.bad("unknown SKU " + sku));
    }

    private Caller caller(ConnectorConfig config) {
        String owner = config.setting("ownerId", null);
        return new Caller(owner != null ? owner : Caller.SYSTEM.userId(), "connector:" + config.name(), true);
    }

    private Outcome product(ConnectorConfig config, Canonical m, String sku) throws ErpFailure {
        Optional<Catalog.Item> existing = catalog.itemBySku(sku);
        Map<String, Object> data = new TreeMap<>();
        put(data, "name", m.text("name"));
        put(data, "model", m.text("model"));
        put(data, "unit", m.text("unit"));
        put(data, "cost", m.decimal("cost"));
        String active = m.text("active");
        if (active != null) {
            data.put("active", active.equalsIgnoreCase("true") || active.equals("1") || active.equalsIgnoreCase("yes"));
        }
        Map<String, Object> prices = prices(m);
        if (existing.isEmpty()) {
            if (data.get("name") == null) {
                throw ErpFailure.bad("product " + sku + ": a new product needs a name");
            }
            Map<String, Object> values = new LinkedHashMap<>(data);
            values.putAll(prices);
            values.put("sku", sku);
            values.put("kind", "product");
            String owner = config.setting("ownerId", null);
            if (owner != null) {
                values.put("ownerId", owner);
            }
            String id = writes.create("Product", values, false, caller(config)).getId();
            agree(config, "Product", sku, ErpRules.PRODUCT, data);
            if (!prices.isEmpty()) {
                agree(config, "Product", sku, ErpRules.PRICES, prices);
            }
            return id == null ? Outcome.UNCHANGED : Outcome.CREATED;
        }
        Catalog.Item item = existing.get();
        Map<String, Object> crm = records.find("Product", item.id()).orElse(Map.of());
        Outcome outcome = judge(config, "Product", item.id(), sku, ErpRules.PRODUCT, data, pick(crm, data.keySet()),
                () -> writes.update("Product", item.id(), null, data, false, caller(config)));
        if (!prices.isEmpty()) {
            Outcome p = judge(config, "Product", item.id(), sku, ErpRules.PRICES, prices, pick(crm, prices.keySet()),
                    () -> writes.update("Product", item.id(), null, prices, false, caller(config)));
            outcome = outcome == Outcome.UNCHANGED ? p : outcome;
        }
        return outcome;
    }

    private static Map<String, Object> prices(Canonical m) throws ErpFailure {
        Map<String, Object> prices = new TreeMap<>();
        BigDecimal price = m.decimal("listPrice");
        if (price != null) {
            if (price.signum() < 0) {
                throw ErpFailure.bad(m.kind() + " " + m.key() + ": listPrice " + price + " is negative");
            }
            prices.put("listPrice", price);
            put(prices, "currency", m.text("currency"));
        }
        return prices;
    }

    private Outcome price(ConnectorConfig config, Canonical m, Catalog.Item item) throws ErpFailure {
        Map<String, Object> prices = prices(m);
        if (prices.isEmpty()) {
            throw ErpFailure.bad("price " + item.sku() + ": no listPrice");
        }
        Map<String, Object> crm = records.find("Product", item.id()).orElse(Map.of());
        return judge(config, "Product", item.id(), item.sku(), ErpRules.PRICES, prices, pick(crm, prices.keySet()),
                () -> writes.update("Product", item.id(), null, prices, false, caller(config)));
    }

    private Outcome stock(ConnectorConfig config, Canonical m, Catalog.Item item) throws ErpFailure {
        StockLevels levels = stock;
        if (levels == null) {
            throw ErpFailure.bad("stock " + item.sku() + ": the inventory module is disabled");
        }
        if (!item.stocked()) {
            throw ErpFailure.bad("stock " + item.sku() + ": the product is not kept in stock");
        }
        BigDecimal quantity = m.decimal("quantity");
        if (quantity == null) {
            throw ErpFailure.bad("stock " + item.sku() + ": no quantity");
        }
        String warehouseId = warehouse(m.text("warehouse") == null ? config.setting("warehouse", null) : m.text("warehouse"), item.sku());
        BigDecimal onHand = levels.onHand(item.id()).getOrDefault(warehouseId, BigDecimal.ZERO);
        String key = item.sku() + "@" + warehouseId;
        return judge(config, "Product", item.id(), key, ErpRules.STOCK, Map.of("quantity", quantity), Map.of("quantity", onHand), () -> {
            BigDecimal now = levels.onHand(item.id()).getOrDefault(warehouseId, BigDecimal.ZERO);
            BigDecimal difference = quantity.subtract(now);
            if (difference.signum() != 0) {
                Map<String, Object> movement = new LinkedHashMap<>();
                movement.put("movementType", "ADJUSTMENT");
                movement.put("productId", item.id());
                movement.put("warehouseId", warehouseId);
                movement.put("quantity", difference);
                movement.put("reason", "ERP " + config.name() + ": stock level " + quantity.stripTrailingZeros().toPlainString());
                writes.create("StockMovement", movement, false, caller(config));
            }
        });
    }

    /** The warehouse with this code, or the default warehouse when none is named. */
    private String warehouse(String code, String sku) throws ErpFailure {
        List<Map<String, Object>> found = code == null ? records.where("Warehouse", "defaultWarehouse", true, null)
                : records.where("Warehouse", "code", code, null);
        if (found.isEmpty()) {
            throw ErpFailure.bad("stock " + sku + ": " + (code == null ? "no default warehouse" : "unknown warehouse " + code));
        }
        return (String) found.get(0).get("id");
    }

    /**
     * The rule for one field group: equal values agree; a difference where the CRM kept the agreed value is the ERP's
     * change and is applied; a difference where the CRM moved too is a conflict, logged once per pair of values, and
     * decided by the connector's rule. Stock the ERP wins is not logged: the CRM's own deliveries move it all day.
     */
    Outcome judge(ConnectorConfig config, String entity, String recordId, String key, String group, Map<String, Object> erpValues,
            Map<String, Object> crmValues, Runnable applyErp) throws ErpFailure {
        String erp = text(erpValues);
        String crm = text(crmValues);
        String stateKey = config.id() + "|" + entity + "|" + key + "|" + group;
        ErpSyncState state = jpa.txExpr(em -> em.find(ErpSyncState.class, stateKey));
        if (erp.equals(crm)) {
            if (state == null || !erp.equals(state.getAgreed())) {
                agree(stateKey, erp, null);
            }
            return Outcome.UNCHANGED;
        }
        String pair = crm + " → " + erp;
        if (state != null && pair.equals(state.getLastPair())) {
            return Outcome.UNCHANGED;
        }
        boolean crmMoved = state == null || state.getAgreed() == null || !crm.equals(state.getAgreed());
        String winner = crmMoved ? ErpRules.winner(config, group) : ErpRules.ERP;
        if (winner.equals(ErpRules.ERP)) {
            applyErp.run();
        }
        ErpConflict conflict = null;
        if (crmMoved && (state != null || winner.equals(ErpRules.CRM)) && !(group.equals(ErpRules.STOCK) && winner.equals(ErpRules.ERP))) {
            conflict = new ErpConflict();
            conflict.initialise(RecordIds.next(), Instant.now(), Caller.SYSTEM);
            conflict.setOwnerId(Caller.SYSTEM.userId());
            conflict.setConnectorId(config.id());
            conflict.setRecordEntity(entity);
            conflict.setRecordId(recordId);
            conflict.setRecordKey(key);
            conflict.setFieldGroup(group);
            conflict.setCrmValue(cut(crm));
            conflict.setErpValue(cut(erp));
            conflict.setWinner(winner);
        }
        agree(stateKey, winner.equals(ErpRules.ERP) ? erp : null, winner.equals(ErpRules.CRM) ? pair : null, conflict);
        return winner.equals(ErpRules.ERP) ? Outcome.APPLIED : Outcome.KEPT_CRM;
    }

    private void agree(ConnectorConfig config, String entity, String key, String group, Map<String, Object> values) throws ErpFailure {
        agree(config.id() + "|" + entity + "|" + key + "|" + group, text(values), null);
    }

    private void agree(String stateKey, String agreed, String pair) {
        agree(stateKey, agreed, pair, null);
    }

    /** Records the agreed value (unless null: kept) and the judged pair, with the conflict if there was one, in one transaction. */
    private void agree(String stateKey, String agreed, String pair, ErpConflict conflict) {
        Instant now = Instant.now();
        jpa.tx(em -> {
            ErpSyncState state = em.find(ErpSyncState.class, stateKey);
            if (state == null) {
                state = new ErpSyncState(stateKey);
                em.persist(state);
            }
            if (agreed != null) {
                state.agreed(agreed, now);
            }
            state.judged(pair, now);
            if (conflict != null) {
                em.persist(conflict);
            }
        });
    }

    private static String cut(String s) {
        return s.length() > 2000 ? s.substring(0, 1999) + "…" : s;
    }

    /** A group's values as canonical JSON: sorted keys, decimals without trailing zeros, so equal values compare equal. */
    static String text(Map<String, Object> values) throws ErpFailure {
        Map<String, Object> sorted = new TreeMap<>();
        values.forEach((k, v) -> sorted.put(k, v instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString()
                : v instanceof String s && looksDecimal(k) ? new BigDecimal(s).stripTrailingZeros().toPlainString() : v));
        try {
            return Canonical.JSON.writeValueAsString(sorted);
        } catch (JsonProcessingException e) {
            throw ErpFailure.bad("values not writable: " + e.getMessage());
        }
    }

    private static boolean looksDecimal(String field) {
        return field.equals("listPrice") || field.equals("cost") || field.equals("quantity");
    }

    private static Map<String, Object> pick(Map<String, Object> values, java.util.Set<String> fields) {
        Map<String, Object> picked = new TreeMap<>();
        for (String f : fields) {
            Object v = values.get(f);
            if (v != null) {
                picked.put(f, v);
            }
        }
        return picked;
    }

    private static void put(Map<String, Object> values, String field, Object value) {
        if (value != null) {
            values.put(field, value);
        }
    }
}
