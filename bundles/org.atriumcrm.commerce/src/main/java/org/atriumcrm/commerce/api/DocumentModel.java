package org.atriumcrm.commerce.api;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a printed document shows, independent of the module that owns the document: the template decides where each
 * value goes. Values are strings, numbers ({@link BigDecimal} is printed as {@link BigDecimal#toPlainString()}) or
 * booleans; a template names them as {@code {{header.number}}}, {@code {{customer.name}}}, a line table
 * {@code {{#lines}}{{product}} {{quantity}}{{/lines}}}, {@code {{totals.grandTotal}}} and {@code {{terms}}}. The
 * company block (our letterhead) is filled in by the renderer from its settings when left empty.
 *
 * @param header the document's own fields, e.g. {@link #NUMBER}, {@link #DATE}, {@code validUntil}, {@code salesRep}
 * @param company our company (keys of a {@link #party party block}); empty for the letterhead settings
 * @param customer the other party (keys of a {@link #party party block})
 * @param lines one map per line, keys {@link #LINE_KEYS}
 * @param totals the document's totals, keys {@link #TOTAL_KEYS}; see {@link #totals(Amounts.Totals, String)}
 * @param taxes one map per tax rate: {@code rate} and {@code amount}
 * @param terms free text printed under the totals (payment and delivery terms); null for none
 */
public record DocumentModel(Map<String, Object> header, Map<String, Object> company, Map<String, Object> customer,
        List<Map<String, Object>> lines, Map<String, Object> totals, List<Map<String, Object>> taxes, String terms) {

    public static final String NUMBER = "number";
    public static final String DATE = "date";
    /** Keys of a party block. */
    public static final List<String> PARTY_KEYS = List.of("name", "address", "contact", "phone", "email", "taxNumber");
    /** Keys of a line; {@code net} is the line's amount after discount, before tax (from {@link Amounts}). */
    public static final List<String> LINE_KEYS = List.of("position", "product", "description", "quantity", "unit", "unitPrice",
            "discount", "taxRate", "net");
    public static final List<String> TOTAL_KEYS = List.of("subtotal", "discount", "shipping", "tax", "adjustment", "grandTotal",
            "currency");

    public DocumentModel {
        header = header == null ? Map.of() : header;
        company = company == null ? Map.of() : company;
        customer = customer == null ? Map.of() : customer;
        lines = lines == null ? List.of() : lines;
        totals = totals == null ? Map.of() : totals;
        taxes = taxes == null ? List.of() : taxes;
    }

    /**
     * A priced line in {@link #LINE_KEYS}: quantity, unit price, the discount (a percentage, else an amount, else
     * none) and the tax rate as printed, {@code net} as {@link Amounts} computed it. @since 1.2
     */
    public static Map<String, Object> line(String product, String description, BigDecimal quantity, String unit, BigDecimal unitPrice,
            BigDecimal discountPercent, BigDecimal discountAmount, BigDecimal taxRate, BigDecimal net, String currency) {
        Map<String, Object> row = new java.util.LinkedHashMap<>();
        row.put("product", product);
        row.put("description", description);
        row.put("quantity", quantity(quantity));
        row.put("unit", unit);
        row.put("unitPrice", unitPrice == null ? null : money(unitPrice, currency));
        row.put("discount", discountPercent != null && discountPercent.signum() != 0 ? percent(discountPercent)
                : discountAmount != null && discountAmount.signum() != 0 ? money(discountAmount, currency) : null);
        row.put("taxRate", taxRate == null ? null : percent(taxRate));
        row.put("net", net);
        return row;
    }

    /** A party block from its values in {@link #PARTY_KEYS} order (nulls are left out). */
    public static Map<String, Object> party(String name, String address, String contact, String phone, String email, String taxNumber) {
        Map<String, Object> party = new LinkedHashMap<>();
        Object[] values = {name, address, contact, phone, email, taxNumber};
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                party.put(PARTY_KEYS.get(i), values[i]);
            }
        }
        return party;
    }

    /** The totals block of {@code totals} computed by {@link Amounts}, so that a document prints what was computed. */
    public static Map<String, Object> totals(Amounts.Totals totals, String currency) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("subtotal", totals.subtotal());
        t.put("discount", totals.discountTotal());
        t.put("shipping", totals.shipping());
        t.put("tax", totals.taxTotal());
        t.put("adjustment", totals.adjustment());
        t.put("grandTotal", totals.grandTotal());
        t.put("currency", currency);
        return t;
    }

    /** A quantity as a document prints it: no trailing zeros ({@code 2.5000} → {@code 2.5}, {@code 10.0000} → {@code 10}). @since 1.2 */
    public static String quantity(BigDecimal quantity) {
        return quantity == null ? null : quantity.stripTrailingZeros().toPlainString();
    }

    /**
     * An amount as a document prints it: at least the currency's minor unit ({@code 299} → {@code 299.00} in CNY), more
     * decimals only where the amount has them ({@code 0.125} stays), so a unit price is never rounded on paper. @since 1.2
     */
    public static String money(BigDecimal amount, String currency) {
        if (amount == null) {
            return null;
        }
        BigDecimal plain = amount.stripTrailingZeros();
        int scale = Amounts.scale(currency);
        return (plain.scale() < scale ? plain.setScale(scale) : plain).toPlainString();
    }

    /** A percentage as a document prints it: {@code 13.0000} → {@code 13%}. @since 1.2 */
    public static String percent(BigDecimal rate) {
        return rate == null ? null : quantity(rate) + "%";
    }

    /** The tax lines of {@code totals} computed by {@link Amounts}: one per rate. */
    public static List<Map<String, Object>> taxes(Amounts.Totals totals) {
        List<Map<String, Object>> taxes = new ArrayList<>();
        for (Map.Entry<BigDecimal, BigDecimal> e : totals.taxes().entrySet()) {
            taxes.add(Map.of("rate", e.getKey().stripTrailingZeros(), "amount", e.getValue()));
        }
        return taxes;
    }
}
