package org.atriumcrm.api.meta;

import java.util.List;
import java.util.Objects;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Declares that a document type (a quote, an order, an invoice) is made of lines: one of its related lists holds
 * them, and the document carries totals its server computes from them. A client builds a line editor from this and
 * the line type's own metadata alone, with no code for the particular document: which line field picks the product,
 * which holds the quantity, the unit price, the line total, the price's explanation and a warning; which document
 * fields are the totals (shown in this order, the last being the grand total), which one holds the tax per rate, the
 * currency; and while which values of which document field the lines may change (so a frozen document shows them
 * read-only with the reason before anyone tries). Only {@code list} is required; a role left null is not offered.
 *
 * @param list the related list (of the document type) that holds the lines
 * @param product the line's reference to the product or service
 * @param quantity the line's quantity
 * @param unitPrice the line's unit price (or cost) as the client may override it
 * @param lineTotal the line's total as the server computed it
 * @param explanation the line's text saying where its price comes from
 * @param warning the line's text warning about it (e.g. stock short)
 * @param totals the document's total fields in the order a client shows them, the grand total last
 * @param taxBreakdown the document's field with the tax per rate, as {@code "13 %: 1300.00; 6 %: 60.00"}
 * @param currency the document's ISO 4217 currency field
 * @param stateField the document's field deciding whether its lines may change; null when they always may
 * @param editableStates the values of {@code stateField} in which they may
 * @since 1.5
 */
@ProviderType
public record LineItems(String list, String product, String quantity, String unitPrice, String lineTotal, String explanation,
        String warning, List<String> totals, String taxBreakdown, String currency, String stateField, List<String> editableStates) {

    public LineItems {
        Objects.requireNonNull(list, "list");
        totals = totals == null ? List.of() : List.copyOf(totals);
        editableStates = editableStates == null ? List.of() : List.copyOf(editableStates);
    }

    /** Starts a declaration for the related list {@code list}, e.g. {@code LineItems.in("lines").product("productId")...}. */
    public static LineItems in(String list) {
        return new LineItems(list, null, null, null, null, null, null, List.of(), null, null, null, List.of());
    }

    public LineItems product(String field) {
        return new LineItems(list, field, quantity, unitPrice, lineTotal, explanation, warning, totals, taxBreakdown, currency,
                stateField, editableStates);
    }

    public LineItems quantity(String field) {
        return new LineItems(list, product, field, unitPrice, lineTotal, explanation, warning, totals, taxBreakdown, currency,
                stateField, editableStates);
    }

    public LineItems unitPrice(String field) {
        return new LineItems(list, product, quantity, field, lineTotal, explanation, warning, totals, taxBreakdown, currency,
                stateField, editableStates);
    }

    public LineItems lineTotal(String field) {
        return new LineItems(list, product, quantity, unitPrice, field, explanation, warning, totals, taxBreakdown, currency,
                stateField, editableStates);
    }

    public LineItems explanation(String field) {
        return new LineItems(list, product, quantity, unitPrice, lineTotal, field, warning, totals, taxBreakdown, currency,
                stateField, editableStates);
    }

    public LineItems warning(String field) {
        return new LineItems(list, product, quantity, unitPrice, lineTotal, explanation, field, totals, taxBreakdown, currency,
                stateField, editableStates);
    }

    public LineItems totals(String... fields) {
        return new LineItems(list, product, quantity, unitPrice, lineTotal, explanation, warning, List.of(fields), taxBreakdown,
                currency, stateField, editableStates);
    }

    public LineItems taxBreakdown(String field) {
        return new LineItems(list, product, quantity, unitPrice, lineTotal, explanation, warning, totals, field, currency,
                stateField, editableStates);
    }

    public LineItems currency(String field) {
        return new LineItems(list, product, quantity, unitPrice, lineTotal, explanation, warning, totals, taxBreakdown, field,
                stateField, editableStates);
    }

    /** The lines change only while the document's {@code field} has one of {@code values}. */
    public LineItems editableWhile(String field, String... values) {
        return new LineItems(list, product, quantity, unitPrice, lineTotal, explanation, warning, totals, taxBreakdown, currency,
                field, List.of(values));
    }

    /** The line fields this names (null ones left out), for checking them against the line type. */
    public List<String> lineFields() {
        return java.util.stream.Stream.of(product, quantity, unitPrice, lineTotal, explanation, warning)
                .filter(Objects::nonNull).toList();
    }

    /** The document fields this names, for checking them against the document type. */
    public List<String> documentFields() {
        List<String> fields = new java.util.ArrayList<>(totals);
        java.util.stream.Stream.of(taxBreakdown, currency, stateField).filter(Objects::nonNull).forEach(fields::add);
        return fields;
    }
}
