package org.atriumcrm.erp.internal;

import java.math.BigDecimal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One message in the canonical model that crosses the boundary to an ERP, whatever the adapter makes of it (a file
 * line, an Odoo record, a JSON body). {@code key} identifies what it is about at both ends: a record id going out,
 * a SKU (with the warehouse for stock) coming in.
 * <p>
 * Going out ({@link #OUTBOUND}): {@code customer} (an account with its contacts), {@code salesOrder} (header, customer,
 * lines by SKU, totals, status), {@code deliveryNote} (order, carrier, tracking number, status), {@code invoice}
 * (numbers, dates, totals, paid amount) and {@code payment}. Coming in: {@code product} (sku, name, unit, cost,
 * active; listPrice and currency too when the ERP keeps prices with products), {@code price} (sku, listPrice,
 * currency), {@code stock} (sku, warehouse code, quantity on hand), {@code orderStatus} (our order number, the ERP's
 * number and status, carrier, tracking number) and {@code invoice} (the ERP's invoice number, our order number,
 * dates, total, paid amount, status).
 */
public record Canonical(String kind, String key, ObjectNode body) {
    public static final ObjectMapper JSON = new ObjectMapper();

    public static final String CUSTOMER = "customer";
    public static final String SALES_ORDER = "salesOrder";
    public static final String DELIVERY_NOTE = "deliveryNote";
    public static final String INVOICE = "invoice";
    public static final String PAYMENT = "payment";
    public static final String PRODUCT = "product";
    public static final String PRICE = "price";
    public static final String STOCK = "stock";
    /** Coming in: what the ERP reports of one of our orders (number, erpNumber, status, carrier, trackingNumber). */
    public static final String ORDER_STATUS = "orderStatus";
    public static final java.util.List<String> OUTBOUND = java.util.List.of(CUSTOMER, SALES_ORDER, DELIVERY_NOTE, INVOICE, PAYMENT);
    public static final java.util.List<String> INBOUND = java.util.List.of(PRODUCT, PRICE, STOCK, ORDER_STATUS, INVOICE);

    /** The member that identifies an inbound message of {@code kind}: the SKU, our order number, the ERP's invoice number. */
    public static String keyMember(String kind) {
        return switch (kind) {
            case ORDER_STATUS -> "number";
            case INVOICE -> "erpNumber";
            default -> "sku";
        };
    }

    public Canonical {
        body.put("kind", kind);
    }

    public static Canonical of(String kind, String key) {
        return new Canonical(kind, key, JSON.createObjectNode());
    }

    /** A text member, null when absent or blank. */
    public String text(String member) {
        var v = body.get(member);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText().trim();
    }

    /** A decimal member; a value that is not a number is a bad message, named in the exception. */
    public BigDecimal decimal(String member) throws ErpFailure {
        String v = text(member);
        if (v == null) {
            return null;
        }
        try {
            return new BigDecimal(v.replace(",", ""));
        } catch (NumberFormatException e) {
            throw ErpFailure.bad(kind + " " + key + ": " + member + " '" + v + "' is not a number");
        }
    }
}
