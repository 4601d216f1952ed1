package org.atriumcrm.commerce.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.error.FieldError;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What every priced line of a document (a quote's, a sales order's) takes from the catalog and the price resolution,
 * and how its refusals are named, so that the documents price and refuse alike.
 *
 * @since 1.2
 */
@ProviderType
public final class DocumentLines {

    private DocumentLines() {
    }

    /** A line's product as the catalog has it, its price-book price and where that price comes from in words. */
    public record Priced(Catalog.Item item, BigDecimal resolvedPrice, String explanation) {
    }

    /**
     * Prices {@code quantity} of {@code productId} for {@code accountId} in {@code currency} on {@code date} (null:
     * today): through {@code prices} when the pricing module is there (null otherwise), else the list price. A 400 names
     * the field: {@code quantity} ≤ 0, an unknown or inactive {@code productId} (it cannot be {@code verb}, e.g.
     * "quoted"), or a product priced in another currency without the pricing module; the resolver's own 4xx pass.
     */
    public static Priced price(Catalog catalog, PriceResolver prices, String productId, String accountId, BigDecimal quantity,
            LocalDate date, String currency, String verb) {
        if (quantity == null || quantity.signum() <= 0) {
            throw AtriumException.invalidField("quantity", "must be greater than 0");
        }
        Catalog.Item item = catalog.item(productId).orElseThrow(() -> AtriumException.invalid("productId", "no-such-product",
                "no product or service with id " + productId, productId));
        if (!item.active()) {
            throw AtriumException.invalid("productId", "product-inactive", "product " + item.sku() + " (" + item.name()
                    + ") is inactive and cannot be " + verb, item.sku(), item.name(), verb);
        }
        if (prices != null) {
            PriceResolver.Price p = prices.resolve(new PriceResolver.Request(item.id(), accountId, quantity, date, currency));
            return new Priced(item, p.unitPrice(), p.explanation());
        }
        if (item.currency() != null && !item.currency().equals(currency)) {
            throw AtriumException.invalid("productId", "no-price-in-currency", "product " + item.sku() + " is priced in " + item.currency()
                    + " and the document is in " + currency + "; without the pricing module there is no price in that currency", item.sku(),
                    item.currency(), currency);
        }
        return new Priced(item, item.listPrice(), "list price");
    }

    /** The amounts of one line by {@link Amounts#line}; a rule it breaks is a 400 naming the line's own field ({@code quantity}). */
    public static Amounts.LineAmount line(Amounts.Line line, String currency) {
        try {
            return Amounts.line(line, 0, currency);
        } catch (AtriumException e) {
            if (e.errors().isEmpty()) {
                throw e;
            }
            List<FieldError> own = new ArrayList<>();
            for (FieldError f : e.errors()) {
                own.add(new FieldError(f.field().replaceFirst("^lines\\[0\\]\\.", ""), f.message(), f.code(), f.args()));
            }
            throw AtriumException.validation(own);
        }
    }

    /** "6 %: 13.50; 13 %: 624.00" — the tax summary of a Chinese VAT invoice, one entry per rate, from {@link Amounts.Totals#taxes()}. */
    public static String taxBreakdown(Map<BigDecimal, BigDecimal> taxes) {
        return taxes.entrySet().stream().map(e -> e.getKey().toPlainString() + " %: " + e.getValue().toPlainString())
                .collect(Collectors.joining("; "));
    }
}
