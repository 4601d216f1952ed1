package org.atriumcrm.erp.internal.odoo;

import static org.atriumcrm.erp.internal.odoo.OdooRpc.array;
import static org.atriumcrm.erp.internal.odoo.OdooRpc.term;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
 * The CRM's messages as Odoo records. Every message first looks for what an earlier attempt may have made — a partner
 * by {@code ref} (our record id), an order by {@code client_order_ref} (our order number), a note by the message id
 * it carries — so a repeat after a lost answer changes nothing twice.
 * <p>
 * Customers become company partners with their contacts as child partners. Orders become quotations, confirmed
 * ({@code action_confirm}) when ours is confirmed and cancelled ({@code action_cancel}) when ours is; an order Odoo
 * already has keeps its lines (it is Odoo's to change once there). Delivery notes and invoices become notes in the
 * order's chatter: Odoo makes its own pickings and invoices from the order, and a second, imported set would double
 * stock moves and receivables. Payments are skipped: Odoo registers a payment against its own invoice, which the
 * CRM's payment does not name.
 */
final class OdooOutbound {
    private static final Logger LOG = LoggerFactory.getLogger(OdooOutbound.class);
    /** Our statuses in which the order is confirmed at Odoo. */
    private static final Set<String> CONFIRMED = Set.of("confirmed", "partly_delivered", "delivered");
    private static final Set<String> QUOTATION = Set.of("draft", "sent");

    private final OdooRpc rpc;

    OdooOutbound(OdooRpc rpc) {
        this.rpc = rpc;
    }

    void send(ConnectorConfig config, Canonical m) throws ErpFailure {
        switch (m.kind()) {
            case Canonical.CUSTOMER -> customer(config, m);
            case Canonical.SALES_ORDER -> salesOrder(config, m);
            case Canonical.DELIVERY_NOTE -> note(config, m, m.text("salesOrderNumber"), deliveryText(m));
            case Canonical.INVOICE -> note(config, m, m.text("salesOrderNumber"), invoiceText(m));
            case Canonical.PAYMENT -> LOG.info("connector {}: payment {} not sent to Odoo: Odoo registers payments against its own invoices,"
                    + " which the CRM's payment does not name", config.name(), m.text("number"));
            default -> throw ErpFailure.bad("Odoo takes no " + m.kind() + " messages");
        }
    }

    /** The account's partner (made or brought up to date) and its contacts as child partners; returns the partner id. */
    long customer(ConnectorConfig config, Canonical m) throws ErpFailure {
        String accountId = m.text("id") != null ? m.text("id") : m.key();
        ObjectNode values = partnerValues(m.body());
        values.put("ref", accountId).put("is_company", true);
        long partner = rpc.first(config, "res.partner", array(term("ref", "=", accountId), term("parent_id", "=", null)));
        if (partner == 0) {
            partner = rpc.create(config, "res.partner", values);
        } else {
            rpc.write(config, "res.partner", partner, values);
        }
        for (JsonNode contact : m.body().path("contacts")) {
            String contactId = text(contact, "id");
            if (contactId == null) {
                continue;
            }
            ObjectNode person = Canonical.JSON.createObjectNode();
            String name = text(contact, "fullName") != null ? text(contact, "fullName")
                    : (nz(text(contact, "lastName")) + nz(text(contact, "firstName"))).trim();
            person.put("name", name.isEmpty() ? contactId : name).put("type", "contact").put("ref", contactId).put("parent_id", partner);
            putIf(person, "email", text(contact, "email"));
            putIf(person, "mobile", text(contact, "mobile"));
            putIf(person, "phone", text(contact, "officePhone"));
            putIf(person, "function", text(contact, "title"));
            long child = rpc.first(config, "res.partner", array(term("ref", "=", contactId), term("parent_id", "=", partner)));
            if (child == 0) {
                rpc.create(config, "res.partner", person);
            } else {
                rpc.write(config, "res.partner", child, person);
            }
        }
        return partner;
    }

    private static ObjectNode partnerValues(JsonNode c) {
        ObjectNode values = Canonical.JSON.createObjectNode();
        putIf(values, "name", text(c, "name"));
        putIf(values, "phone", text(c, "phone"));
        putIf(values, "email", text(c, "email"));
        putIf(values, "website", text(c, "website"));
        putIf(values, "vat", text(c, "taxNumber"));
        String address = text(c, "billingAddress");
        if (address != null) {
            // the CRM keeps an address as one text; Odoo's street is one line
            values.put("street", address.replaceAll("\\s*[\\r\\n]+\\s*", ", "));
        }
        return values;
    }

    /** The order's partner: the customer's, made from what the order carries when Odoo has none yet. */
    private long orderPartner(ConnectorConfig config, Canonical m) throws ErpFailure {
        JsonNode customer = m.body().path("customer");
        String accountId = text(customer, "id");
        if (accountId == null) {
            throw ErpFailure.bad("salesOrder " + m.text("number") + ": no customer");
        }
        long partner = rpc.first(config, "res.partner", array(term("ref", "=", accountId), term("parent_id", "=", null)));
        if (partner != 0) {
            return partner;
        }
        ObjectNode values = partnerValues(customer);
        if (!values.has("name")) {
            throw ErpFailure.bad("salesOrder " + m.text("number") + ": the customer " + accountId + " has no name");
        }
        values.put("ref", accountId).put("is_company", true);
        return rpc.create(config, "res.partner", values);
    }

    void salesOrder(ConnectorConfig config, Canonical m) throws ErpFailure {
        String number = m.text("number");
        if (number == null) {
            throw ErpFailure.bad("salesOrder " + m.key() + ": no number");
        }
        String status = m.text("status") == null ? "" : m.text("status");
        ObjectNode fields = Canonical.JSON.createObjectNode();
        fields.set("fields", array("id", "state"));
        fields.put("limit", 1);
        ArrayNode found = rpc.searchRead(config, "sale.order", array(term("client_order_ref", "=", number)), fields);
        long order;
        String state;
        if (found.isEmpty()) {
            if (status.equals("cancelled")) {
                LOG.info("connector {}: order {} cancelled before Odoo had it: nothing to cancel there", config.name(), number);
                return;
            }
            // lines first: an order Odoo would refuse makes no partner either
            ArrayNode lines = lines(config, m);
            ObjectNode values = Canonical.JSON.createObjectNode();
            values.put("partner_id", orderPartner(config, m));
            values.put("client_order_ref", number);
            String date = m.text("orderDate");
            if (date != null && date.matches("\\d{4}-\\d{2}-\\d{2}")) {
                values.put("date_order", date + " 00:00:00");
            }
            values.set("order_line", lines);
            order = rpc.create(config, "sale.order", values);
            state = "draft";
        } else {
            order = found.get(0).path("id").asLong();
            state = found.get(0).path("state").asText("");
        }
        if (CONFIRMED.contains(status) && QUOTATION.contains(state)) {
            rpc.execute(config, "sale.order", "action_confirm", array(array(order)), null);
        } else if (status.equals("cancelled") && !state.equals("cancel")) {
            cancel(config, order, number);
        }
    }

    /**
     * Odoo 16+ answers a cancel of a sent or confirmed order with a wizard asking whether to mail the customer, unless
     * told not to ({@code disable_cancel_warning}); whether it happened is read back rather than assumed.
     */
    private void cancel(ConnectorConfig config, long order, String number) throws ErpFailure {
        ObjectNode kwargs = Canonical.JSON.createObjectNode();
        kwargs.putObject("context").put("disable_cancel_warning", true);
        rpc.execute(config, "sale.order", "action_cancel", array(array(order)), kwargs);
        ObjectNode fields = Canonical.JSON.createObjectNode();
        fields.set("fields", array("state"));
        JsonNode read = rpc.execute(config, "sale.order", "read", array(array(order)), fields);
        String state = read.path(0).path("state").asText("");
        if (!state.equals("cancel")) {
            throw ErpFailure.bad("Odoo did not cancel order " + number + " (state " + state + "): it may have deliveries or invoices to undo there");
        }
    }

    /**
     * The order lines, products found by SKU ({@code product.product default_code}, active ones); a SKU Odoo lacks
     * refuses the order, naming every such SKU. Taxes are left to Odoo (the product's, under the partner's fiscal
     * position): its rules, not ours, decide its invoices.
     */
    private ArrayNode lines(ConnectorConfig config, Canonical m) throws ErpFailure {
        Set<String> skus = new LinkedHashSet<>();
        for (JsonNode line : m.body().path("lines")) {
            String sku = text(line, "sku");
            if (sku == null) {
                throw ErpFailure.bad("salesOrder " + m.text("number") + ": line " + line.path("position").asText("?")
                        + " has no SKU (Odoo needs a product on every line)");
            }
            skus.add(sku);
        }
        Map<String, Long> products = new LinkedHashMap<>();
        if (!skus.isEmpty()) {
            ObjectNode kwargs = Canonical.JSON.createObjectNode();
            kwargs.set("fields", array("id", "default_code"));
            ArrayNode in = Canonical.JSON.createArrayNode();
            skus.forEach(in::add);
            for (JsonNode p : rpc.searchRead(config, "product.product", array(term("default_code", "in", in)), kwargs)) {
                products.putIfAbsent(p.path("default_code").asText(), p.path("id").asLong());
            }
        }
        Set<String> unknown = new LinkedHashSet<>(skus);
        unknown.removeAll(products.keySet());
        if (!unknown.isEmpty()) {
            throw ErpFailure.bad("salesOrder " + m.text("number") + ": unknown SKU at Odoo (product.product default_code): " + String.join(", ", unknown));
        }
        ArrayNode commands = Canonical.JSON.createArrayNode();
        for (JsonNode line : m.body().path("lines")) {
            String sku = text(line, "sku");
            BigDecimal quantity = decimal(m, line, "quantity");
            BigDecimal price = decimal(m, line, "unitPrice");
            ObjectNode values = Canonical.JSON.createObjectNode();
            values.put("product_id", products.get(sku));
            // ≤ 15 requires the description; 16+ computes it when absent but takes it when given
            values.put("name", text(line, "productName") != null ? text(line, "productName") : sku);
            values.set("product_uom_qty", DecimalNode.valueOf(quantity == null ? BigDecimal.ONE : quantity));
            if (price != null) {
                values.set("price_unit", DecimalNode.valueOf(price));
            }
            BigDecimal discount = discountPercent(m, line, quantity, price);
            if (discount != null && discount.signum() != 0) {
                values.set("discount", DecimalNode.valueOf(discount));
            }
            // (0, 0, values): Odoo's x2many command "create this line"
            commands.add(array(0, 0, values));
        }
        return commands;
    }

    /** Odoo's line discount is a percentage only: an amount off is expressed as the percentage of the line it is. */
    private static BigDecimal discountPercent(Canonical m, JsonNode line, BigDecimal quantity, BigDecimal price) throws ErpFailure {
        BigDecimal percent = decimal(m, line, "discountPercent");
        if (percent != null) {
            return percent;
        }
        BigDecimal amount = decimal(m, line, "discountAmount");
        if (amount == null || amount.signum() == 0 || quantity == null || price == null || quantity.multiply(price).signum() == 0) {
            return null;
        }
        return amount.multiply(BigDecimal.valueOf(100)).divide(quantity.multiply(price), 4, RoundingMode.HALF_UP);
    }

    /**
     * A note in the chatter of the order with client_order_ref {@code orderNumber}, once: the note carries the message
     * id, and one already carrying it is not posted again.
     */
    private void note(ConnectorConfig config, Canonical m, String orderNumber, String text) throws ErpFailure {
        if (orderNumber == null) {
            throw ErpFailure.bad(m.kind() + " " + m.text("number") + ": no sales order number to find the Odoo order by");
        }
        long order = rpc.first(config, "sale.order", array(term("client_order_ref", "=", orderNumber)));
        if (order == 0) {
            throw ErpFailure.bad(m.kind() + " " + m.text("number") + ": Odoo has no order with client_order_ref " + orderNumber
                    + " (is salesOrder among what this connector sends?)");
        }
        String marker = "[atrium " + (m.text("messageId") == null ? m.kind() + ":" + m.key() : m.text("messageId")) + "]";
        long posted = rpc.first(config, "mail.message", array(term("model", "=", "sale.order"), term("res_id", "=", order),
                term("body", "ilike", marker)));
        if (posted != 0) {
            return;
        }
        ObjectNode kwargs = Canonical.JSON.createObjectNode();
        // plain text: Odoo ≤ 16 sanitises an HTML body, 17+ escapes a text one; either way nothing of ours is markup
        kwargs.put("body", text + " " + marker);
        kwargs.put("message_type", "comment");
        kwargs.put("subtype_xmlid", "mail.mt_note");
        rpc.execute(config, "sale.order", "message_post", array(array(order)), kwargs);
    }

    private static String deliveryText(Canonical m) {
        StringBuilder s = new StringBuilder("CRM delivery note ").append(nz(m.text("number"))).append(" ").append(nz(m.text("status")));
        append(s, "carrier", m.text("carrier"));
        append(s, "tracking number", m.text("trackingNumber"));
        append(s, "shipped", m.text("shippedAt"));
        append(s, "delivered", m.text("deliveredAt"));
        for (JsonNode line : m.body().path("lines")) {
            s.append("; ").append(nz(text(line, "sku"))).append(" × ").append(nz(text(line, "quantity")));
        }
        return s.toString();
    }

    private static String invoiceText(Canonical m) {
        StringBuilder s = new StringBuilder("CRM invoice ").append(nz(m.text("number"))).append(" ").append(nz(m.text("status")));
        append(s, "issued", m.text("issueDate"));
        append(s, "due", m.text("dueDate"));
        String currency = m.text("currency") == null ? "" : " " + m.text("currency");
        append(s, "total", m.text("grandTotal") == null ? null : m.text("grandTotal") + currency);
        append(s, "tax", m.text("taxTotal") == null ? null : m.text("taxTotal") + currency);
        append(s, "paid", m.text("paidAmount") == null ? null : m.text("paidAmount") + currency);
        return s.toString();
    }

    private static void append(StringBuilder s, String label, String value) {
        if (value != null) {
            s.append(", ").append(label).append(" ").append(value);
        }
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

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static void putIf(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
