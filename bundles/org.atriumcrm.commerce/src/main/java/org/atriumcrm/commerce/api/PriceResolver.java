package org.atriumcrm.commerce.api;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The one price resolution that quotes, orders, contracts and delivery notes all use (the pricing module registers
 * it while enabled): the unit price of a product for an account, a quantity and a date, with what gave it.
 */
@ProviderType
public interface PriceResolver {

    /**
     * A question: {@code currency} null means the product's own currency; {@code date} null means today (in the
     * platform's zone); {@code accountId} null means no customer-specific book.
     */
    record Request(String productId, String accountId, BigDecimal quantity, LocalDate date, String currency) {
    }

    /**
     * The answer: {@code unitPrice} in {@code currency}; {@code priceBookId} and {@code priceBookName} null when the
     * list price applied; {@code breakQuantity} the volume break that applied (null for none); {@code explanation}
     * in words, e.g. "price book Dealers East (region Zhejiang, valid 2026-11-01 to 2027-01-31), break from 100".
     */
    record Price(String productId, BigDecimal listPrice, BigDecimal unitPrice, String currency, String priceBookId,
            String priceBookName, BigDecimal breakQuantity, String explanation) {
    }

    /**
     * The price, or an {@link org.atriumcrm.api.error.AtriumException} 4xx: 404 for an unknown product or account,
     * 400 for an inactive product, a quantity ≤ 0, or a currency no book and not the product has.
     */
    Price resolve(Request request);
}
