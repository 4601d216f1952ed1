package org.atriumcrm.erp.internal.kingdee;

import static org.atriumcrm.erp.internal.kingdee.KingdeeApi.quote;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.atriumcrm.connectors.api.ConnectorConfig;
import org.atriumcrm.erp.internal.Canonical;
import org.atriumcrm.erp.internal.ErpFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The CRM's messages as K/3 Cloud records. Each one first asks Kingdee (ExecuteBillQuery) for what an earlier attempt
 * may have made — a customer by its number (BD_Customer FNumber), an order by its bill number (SAL_SaleOrder FBillNo =
 * our order number) — so a repeat after a lost answer creates nothing twice.
 * <p>
 * Customers are saved as BD_Customer; a new one is submitted and audited with the save ({@code IsAutoSubmitAndAudit}),
 * since an order may only name an audited customer; an existing one is updated in the fields we send
 * ({@code NeedUpDateFields}), the rest being Kingdee's. Orders are saved as SAL_SaleOrder, lines by material number
 * ({@code IsVerifyBaseDataField}, so a SKU Kingdee lacks refuses the order instead of leaving a line without material),
 * then submitted and audited when ours is confirmed ({@code autoAudit}, default true; otherwise they wait at Kingdee
 * for its own approval). An order Kingdee already has keeps its lines: once there it is Kingdee's to change.
 * <p>
 * A cancelled order is taken back and deleted: audited ones are un-audited (UnAudit), submitted ones withdrawn
 * (CancelAssign), then the bill is deleted. Kingdee allows a delete only of a bill that is not audited, and refuses the
 * UnAudit of an order that already has delivery notices, outbound stock or receivables pushed from it: that refusal,
 * in Kingdee's words, is the failure, for someone at the ERP to settle — the same line Odoo's cancel draws. Deleting
 * rather than closing it (整单关闭) is possible exactly then, when nothing at Kingdee refers to the order any more, and
 * it leaves nothing behind for a repeat of the cancellation to trip over: the repeat finds no bill and does nothing.
 * <p>
 * Delivery notes, invoices and payments are not sent: Kingdee makes its own delivery notices, outbound stock bills and
 * receivables by pushing (下推) them from the audited order, and its receipts against its own receivables; imported
 * copies would double stock moves and receivables. They are logged as skipped.
 */
final class KingdeeOutbound {
    private static final Logger LOG = LoggerFactory.getLogger(KingdeeOutbound.class);
    static final String CUSTOMERS = "BD_Customer";
    static final String ORDERS = "SAL_SaleOrder";
    /** Our statuses in which the order is confirmed at Kingdee. */
    private static final Set<String> CONFIRMED = Set.of("confirmed", "partly_delivered", "delivered");

    private final KingdeeApi api;

    KingdeeOutbound(KingdeeApi api) {
        this.api = api;
    }

    void send(ConnectorConfig config, Canonical m) throws ErpFailure {
        switch (m.kind()) {
            case Canonical.CUSTOMER -> customer(config, m.body(), m.text("id") != null ? m.text("id") : m.key());
            case Canonical.SALES_ORDER -> salesOrder(config, m);
            case Canonical.DELIVERY_NOTE, Canonical.INVOICE, Canonical.PAYMENT -> LOG.info(
                    "connector {}: {} {} not sent to Kingdee: Kingdee pushes its own delivery notices, outbound stock, receivables and receipts"
                            + " from the audited order; a copy from the CRM would count them twice", config.name(), m.kind(), m.text("number"));
            default -> throw ErpFailure.bad("Kingdee takes no " + m.kind() + " messages");
        }
    }

    static String org(ConnectorConfig config) {
        return config.setting("org", "100").trim();
    }

    /** The customer's number at Kingdee: mapped ({@code customers}: acc-1=C0001), else our account id after a prefix. */
    static String customerNumber(ConnectorConfig config, String accountId) {
        String mapped = pairs(config.setting("customers", "")).get(accountId);
        return mapped != null ? mapped : config.setting("customerPrefix", "CRM-") + accountId;
    }

    /** Kingdee names a currency by its number (PRE001 is the preset for CNY); {@code currencies} maps ISO codes to numbers. */
    static String currencyNumber(ConnectorConfig config, String iso) {
        String code = iso == null ? "CNY" : iso.trim().toUpperCase(java.util.Locale.ROOT);
        Map<String, String> map = new LinkedHashMap<>(Map.of("CNY", "PRE001"));
        map.putAll(pairs(config.setting("currencies", "")));
        return map.getOrDefault(code, code);
    }

    static Map<String, String> pairs(String setting) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String pair : setting.split("[,;]")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                map.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
        }
        return map;
    }

    /** The internal id (FCUSTID) of the customer with this number in our organisation, or 0. */
    private long customerId(ConnectorConfig config, String number) throws ErpFailure {
        ArrayNode rows = api.query(config, CUSTOMERS, "FCUSTID", "FNumber = " + quote(number) + " AND FUseOrgId.FNumber = " + quote(org(config)),
                "", 0, 1);
        return rows.isEmpty() ? 0 : rows.get(0).path(0).asLong();
    }

    /** The account's customer, made (and audited) or brought up to date; answers its number. */
    String customer(ConnectorConfig config, JsonNode c, String accountId) throws ErpFailure {
        String number = customerNumber(config, accountId);
        return saveCustomer(config, c, accountId, number, customerId(config, number));
    }

    /** Saves the customer {@code number}: a new one when {@code id} is 0, else the one with that FCUSTID. */
    private String saveCustomer(ConnectorConfig config, JsonNode c, String accountId, String number, long id) throws ErpFailure {
        String name = text(c, "name");
        if (name == null) {
            throw ErpFailure.bad("customer " + accountId + ": no name (Kingdee requires FName)");
        }
        ObjectNode model = Canonical.JSON.createObjectNode();
        model.put("FCUSTID", id);
        ArrayNode updated = Canonical.JSON.createArrayNode();
        if (id == 0) {
            model.putObject("FCreateOrgId").put("FNumber", org(config));
            model.putObject("FUseOrgId").put("FNumber", org(config));
            model.put("FNumber", number);
        }
        put(model, updated, "FName", name);
        put(model, updated, "FTEL", text(c, "phone"));
        put(model, updated, "FFAX", text(c, "fax"));
        put(model, updated, "FWEBSITE", text(c, "website"));
        put(model, updated, "FTAXREGISTERCODE", text(c, "taxNumber"));
        String address = text(c, "billingAddress");
        // the CRM keeps an address as one text; Kingdee's FADDRESS is one line
        put(model, updated, "FADDRESS", address == null ? null : address.replaceAll("\\s*[\\r\\n]+\\s*", ", "));
        if (id == 0) {
            // required on a new customer; an existing one keeps the settlement currency Kingdee has
            model.putObject("FTRADINGCURRID").put("FNumber", currencyNumber(config, text(c, "currency")));
        }
        ObjectNode data = Canonical.JSON.createObjectNode();
        if (id == 0) {
            data.put("IsAutoSubmitAndAudit", true);
        } else {
            data.set("NeedUpDateFields", updated);
        }
        data.set("Model", model);
        api.save(config, CUSTOMERS, data);
        return number;
    }

    private static void put(ObjectNode model, ArrayNode updated, String field, String value) {
        if (value != null) {
            model.put(field, value);
            updated.add(field);
        }
    }

    void salesOrder(ConnectorConfig config, Canonical m) throws ErpFailure {
        String number = m.text("number");
        if (number == null) {
            throw ErpFailure.bad("salesOrder " + m.key() + ": no number");
        }
        String status = m.text("status") == null ? "" : m.text("status");
        ArrayNode found = api.query(config, ORDERS, "FID,FBillNo,FDocumentStatus", "FBillNo = " + quote(number), "", 0, 1);
        String state;
        if (found.isEmpty()) {
            if (status.equals("cancelled")) {
                LOG.info("connector {}: order {} cancelled before Kingdee had it: nothing to cancel there", config.name(), number);
                return;
            }
            ArrayNode lines = lines(config, m);
            ObjectNode model = Canonical.JSON.createObjectNode();
            model.put("FID", 0);
            model.putObject("FBillTypeID").put("FNUMBER", config.setting("billType", "XSDD01_SYS"));
            model.put("FBillNo", number);
            String date = m.text("orderDate");
            if (date != null && date.matches("\\d{4}-\\d{2}-\\d{2}.*")) {
                model.put("FDate", date.substring(0, 10));
            }
            model.putObject("FSaleOrgId").put("FNumber", org(config));
            model.putObject("FCustId").put("FNumber", orderCustomer(config, m));
            if (m.text("subject") != null) {
                model.put("FNote", m.text("subject"));
            }
            model.putObject("FSaleOrderFinance").putObject("FSettleCurrId").put("FNumber", currencyNumber(config, m.text("currency")));
            model.set("FSaleOrderEntry", lines);
            ObjectNode data = Canonical.JSON.createObjectNode();
            data.put("IsVerifyBaseDataField", true);
            data.set("Model", model);
            api.save(config, ORDERS, data);
            state = "A";
        } else {
            state = found.get(0).path(2).asText("");
        }
        if (CONFIRMED.contains(status) && Boolean.parseBoolean(config.setting("autoAudit", "true").trim())) {
            // A created, D re-audit pending, Z saved as draft: all need a submit; B is submitted, waiting for the audit
            if (state.equals("A") || state.equals("D") || state.equals("Z")) {
                api.operation(config, ORDERS, "Submit", number);
                state = "B";
            }
            if (state.equals("B")) {
                api.operation(config, ORDERS, "Audit", number);
            }
        } else if (status.equals("cancelled")) {
            cancel(config, number, state);
        }
    }

    private void cancel(ConnectorConfig config, String number, String state) throws ErpFailure {
        if (state.equals("C")) {
            api.operation(config, ORDERS, "UnAudit", number);
        } else if (state.equals("B")) {
            api.operation(config, ORDERS, "CancelAssign", number);
        }
        api.operation(config, ORDERS, "Delete", number);
        LOG.info("connector {}: order {} deleted at Kingdee (it was in state {})", config.name(), number, state);
    }

    /** The order's customer number; a customer Kingdee lacks is made from what the order carries. */
    private String orderCustomer(ConnectorConfig config, Canonical m) throws ErpFailure {
        JsonNode customer = m.body().path("customer");
        String accountId = text(customer, "id");
        if (accountId == null) {
            throw ErpFailure.bad("salesOrder " + m.text("number") + ": no customer");
        }
        String number = customerNumber(config, accountId);
        if (customerId(config, number) != 0) {
            return number;
        }
        ObjectNode c = customer.deepCopy();
        if (!c.has("currency") && m.text("currency") != null) {
            c.put("currency", m.text("currency"));
        }
        return saveCustomer(config, c, accountId, number, 0);
    }

    /**
     * FSaleOrderEntry: material by number (our SKU), quantity, unit price with or without tax as the CRM's prices are
     * ({@code pricesIncludeTax}, default true, the usual in China), the tax rate in percent and the discount (percent, or else amount) when given.
     */
    private static ArrayNode lines(ConnectorConfig config, Canonical m) throws ErpFailure {
        boolean withTax = Boolean.parseBoolean(config.setting("pricesIncludeTax", "true").trim());
        ArrayNode entries = Canonical.JSON.createArrayNode();
        for (JsonNode line : m.body().path("lines")) {
            String sku = text(line, "sku");
            if (sku == null) {
                throw ErpFailure.bad("salesOrder " + m.text("number") + ": line " + line.path("position").asText("?")
                        + " has no SKU (Kingdee needs a material on every line)");
            }
            ObjectNode entry = entries.addObject();
            entry.putObject("FMaterialId").put("FNumber", sku);
            BigDecimal quantity = decimal(m, line, "quantity");
            entry.set("FQty", DecimalNode.valueOf(quantity == null ? BigDecimal.ONE : quantity));
            BigDecimal price = decimal(m, line, "unitPrice");
            if (price != null) {
                entry.set(withTax ? "FTaxPrice" : "FPrice", DecimalNode.valueOf(price));
            }
            BigDecimal taxRate = decimal(m, line, "taxRate");
            if (taxRate != null) {
                entry.set("FEntryTaxRate", DecimalNode.valueOf(taxRate));
            }
            BigDecimal discount = decimal(m, line, "discountPercent");
            if (discount != null && discount.signum() != 0) {
                entry.set("FDiscountRate", DecimalNode.valueOf(discount));
            }
            BigDecimal amountOff = decimal(m, line, "discountAmount");
            if ((discount == null || discount.signum() == 0) && amountOff != null && amountOff.signum() != 0) {
                entry.set("FDiscount", DecimalNode.valueOf(amountOff));
            }
            if (text(line, "productName") != null) {
                entry.put("FEntryNote", text(line, "productName"));
            }
        }
        if (entries.isEmpty()) {
            throw ErpFailure.bad("salesOrder " + m.text("number") + ": no lines (Kingdee saves no order without entries)");
        }
        return entries;
    }

    private static BigDecimal decimal(Canonical m, JsonNode node, String member) throws ErpFailure {
        String v = text(node, member);
        if (v == null) {
            return null;
        }
        try {
            return new BigDecimal(v.replace(",", ""));
        } catch (NumberFormatException e) {
            throw ErpFailure.bad(m.kind() + " " + m.key() + ": " + member + " '" + v + "' is not a number");
        }
    }

    static String text(JsonNode node, String member) {
        JsonNode v = node.get(member);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText().trim();
    }
}
